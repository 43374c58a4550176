package sim

import _ "embed" // for the source below

// StorySource is the Go source of story.go: the goroutines that play out a
// story. The game's code view shows it whole, so learners read the code that
// actually runs, not a drawing of it.
//
//go:embed story.go
var StorySource string
