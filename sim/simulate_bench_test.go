package sim_test

import (
	"testing"

	"chores/sim"
)

// BenchmarkSimulateLargest is the whole-simulation budget of make bench:
// one run of the biggest scenario the limits allow (8 people, 64 rooms,
// phones in turns with a handoff), from a validated scenario to the full
// result, timeline included. The budget: at most 1 ms natively and 5 ms under
// WebAssembly in Node. It uses only the package's exported surface, so it
// stays valid whatever the engine looks like inside.
func BenchmarkSimulateLargest(b *testing.B) {
	s := sim.Largest()
	if _, err := sim.Simulate(s); err != nil {
		b.Fatalf("sim.Simulate(sim.Largest()): %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sim.Simulate(s); err != nil {
			b.Fatal(err)
		}
	}
}
