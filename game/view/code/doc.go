// Package code is the code view: the story's own Go (sim/story.go) with a
// mark where each person's goroutines are parked at the playhead, and the
// same marks for state().code.
package code
