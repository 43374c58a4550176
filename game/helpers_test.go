package game

import (
	"testing"

	"chores/game/play"
	"chores/sim"
)

func newTestPlayer(t *testing.T, name string) *play.Player {
	t.Helper()
	p, ok := sim.PresetByName(name)
	if !ok {
		t.Fatalf("no preset %s", name)
	}
	pl, err := play.NewPlayer(p.Scenario, 1)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

// mins is m minutes, for tests.
func mins(m float64) sim.Time {
	t, ok := sim.Approx(m)
	if !ok {
		panic(m)
	}
	return t
}
