package sim

import _ "embed" // for the source below

// HouseholdSource is the Go source of household.go: the processes that play
// out a story. The game's code view shows it, so learners read the code that
// actually runs, not a drawing of it.
//
//go:embed household.go
var HouseholdSource string
