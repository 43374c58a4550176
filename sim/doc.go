// Package sim is the model of Chores: scenarios, the rules of DESIGN.md, a
// goroutine-based discrete-event engine that plays them out, and the results
// (figures, timeline, and the state at any minute) that the game shows.
//
// It never imports the game or Ebitengine and never reads the wall clock:
// the same scenario gives the same result, byte for byte, natively and in
// WebAssembly.
package sim
