package code

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
