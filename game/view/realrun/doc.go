// Package realrun is the "run it for real" panel: the story run on real
// goroutines (sim.RunReal) beside the game, its measured timeline drawn
// under the model's on one time scale, the two totals, and one sentence of
// why they differ. The runner (runner.go) owns the run's goroutine; the
// drawing (draw.go) only shows what the runner holds.
package realrun
