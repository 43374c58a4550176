package game

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"chores/game/play"
	"chores/sim"
)

// A burst from JavaScript: 20,000 refused calls and 10,000 scenarios reach
// the game between two frames. The frame after shows a few merged notices,
// builds one story (the last), and the state stays small.
func TestCommandBurst(t *testing.T) {
	p := sim.Presets()[0]
	g, err := New(play.Options{Scenario: p.Scenario, Speed: 1, Mute: true, UI: play.UIFull})
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	g.platform = countingPlatform{g.platform, &shown}
	for i := range 20_000 {
		switch i % 4 {
		case 0:
			g.command("setSpeed", []play.JSArg{{Type: "number", Num: math.NaN()}})
		case 1:
			g.command("mute", nil)
		case 2:
			g.command("setScenario", []play.JSArg{{Type: "string", Len: 10_000_000}})
		case 3:
			long := strings.Repeat("x", 1000+i)
			g.command("setScenario", []play.JSArg{{Type: "string", Str: long, Len: len(long)}})
		}
	}
	if err := g.Update(); err != nil {
		t.Fatal(err)
	}
	if shown > maxNoticesPerFrame+1 {
		t.Errorf("20,000 refused calls gave %d notices in one frame", shown)
	}
	data, _ := json.Marshal(g.State())
	if len(data) > 10_000 {
		t.Errorf("state is %d bytes", len(data))
	}
	if e := g.State().Error; e == "" || utf8.RuneCountInString(e) > play.MaxMessage+1 {
		t.Errorf("state().error is %d characters: %.100s", len(e), e)
	}

	built := 0
	names := []string{"sequential", "best-of-both", "parallelism-1"}
	for i := range 60 { // the channel holds 64; more are refused and said so
		if res := g.command("setScenario", []play.JSArg{{Type: "string", Str: names[i%3], Len: len(names[i%3])}}); res["ok"] != true {
			t.Fatalf("setScenario: %v", res)
		}
	}
	g.intents = g.intents[:0]
	if err := g.Update(); err != nil {
		t.Fatal(err)
	}
	for _, in := range g.intents {
		if in.Kind == play.Load {
			built++
		}
	}
	if built != 1 || g.player.Story().Name != names[59%3] {
		t.Errorf("a burst of 60 scenarios applied %d Loads and shows %s, want 1 and %s", built, g.player.Story().Name, names[59%3])
	}
}

type countingPlatform struct {
	platform
	n *int
}

func (c countingPlatform) notice(string) bool { *c.n++; return true }

// The notices the game draws itself are bounded.
func TestKeepNoticeBounded(t *testing.T) {
	var list []notice
	for i := range 10_000 {
		list = keepNotice(list, notice{text: "n", until: i + 100}, i)
	}
	if len(list) > maxDrawnNotices {
		t.Errorf("%d notices kept", len(list))
	}
}

// A start that fails on a link's options plays the defaults with a notice
// (the browser); without the fallback (the desktop) it is an error.
func TestStartFallback(t *testing.T) {
	base := play.Options{Scenario: sim.Presets()[0].Scenario, Speed: 1, Mute: true, UI: play.UIFull}
	bad := base
	bad.Speed = math.NaN()
	bad.Notices = []string{"from the link"}
	if _, err := newOrDefaults(base, bad, false); err == nil {
		t.Errorf("speed NaN without the fallback: no error")
	}
	g, err := newOrDefaults(base, bad, true)
	if err != nil {
		t.Fatalf("with the fallback: %v", err)
	}
	if err := g.Update(); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, n := range g.notices {
		texts = append(texts, n.text)
	}
	if s := g.State(); s.Speed != 1 || len(texts) != 2 || !strings.Contains(texts[1], "could not be played") {
		t.Errorf("with the fallback: speed %v, notices %q", s.Speed, texts)
	}
}
