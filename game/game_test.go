package game

import (
	"strings"
	"testing"

	"chores/assets"
	"chores/game/play"
	"chores/sim"
)

// A damaged episode gives a visible notice; the game carries on, silent.
func TestDamagedEpisodeGivesANotice(t *testing.T) {
	p, _ := sim.PresetByName("concurrency-1")
	g, err := New(play.Options{Scenario: p.Scenario, Speed: 1, Mute: true, UI: play.UIFull, Autoplay: true})
	if err != nil {
		t.Fatal(err)
	}
	<-g.episode // the real episode, loaded at start
	g.episode <- assets.EpisodeResult{Data: []byte("OggS but not really an episode")}
	for range 10 {
		if err := g.Update(); err != nil {
			t.Fatalf("the game stopped: %v", err)
		}
	}
	found := false
	for _, n := range g.notices {
		found = found || strings.Contains(n.text, "podcast could not be loaded")
	}
	if !found {
		t.Errorf("no notice about the damaged episode: %+v", g.notices)
	}
	if s := g.State(); s.Minute == 0 || !s.Playing {
		t.Errorf("the game should play on: %+v", s)
	}
	// Captions still follow the model while someone listens.
	if s := g.State(); s.Caption == "" {
		t.Errorf("no caption while listening: %+v", s)
	}
}
