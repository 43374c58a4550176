package house

import (
	"testing"

	"chores/sim"
)

func TestComputeStays(t *testing.T) {
	r, err := sim.Simulate(sim.Presets()[2].Scenario) // parallelism-1
	if err != nil {
		t.Fatal(err)
	}
	stays := computeStays(r, 2)
	// You: kitchen 0-20, bathroom 20-30, then the lounge.
	you := stays[0]
	if len(you) != 3 || you[0].place != 0 || you[1].place != 3 || you[2].place != Lounge || you[2].from != mins(30) {
		t.Errorf("your stays: %+v", you)
	}
	cur, prev, ok := stayAt(you, mins(25))
	if cur.place != 3 || !ok || prev.place != 0 {
		t.Errorf("at 25: %+v after %+v", cur, prev)
	}
}
