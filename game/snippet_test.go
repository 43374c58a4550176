package game

import (
	"strings"
	"testing"

	"chores/game/play"
	"chores/sim"
)

// The embed's line: the story (a preset by name, one's own as config=),
// view and minute on screen, at the size on screen within a column.
func TestEmbedLine(t *testing.T) {
	p, err := play.NewPlayer(sim.Presets()[5].Scenario, 1)
	if err != nil {
		t.Fatal(err)
	}
	w, h := snippetSize(1280, 800)
	if w != 960 || h != 600 {
		t.Errorf("a 1280x800 page: %dx%d, want 960x600", w, h)
	}
	if w, h := snippetSize(200, 100); w != 320 || h != 200 {
		t.Errorf("a tiny page: %dx%d, want 320x200", w, h)
	}
	line := EmbedLine("https://x.test/chores/", p.Story(), play.ViewCode, sim.Whole(32), w, h)
	for _, want := range []string{`src="https://x.test/chores/?`, "scenario=best-of-both", "t=32", "view=code", "ui=full", `width="960" height="600"`, `loading="lazy"`, `allow="autoplay"`, `title="Chores: Both at once"`, "&amp;"} {
		if !strings.Contains(line, want) {
			t.Errorf("%s lacks %s", line, want)
		}
	}
	own := sim.Presets()[0].Scenario
	own.Name = `<b>"mine"`
	p, err = play.NewPlayer(own, 1)
	if err != nil {
		t.Fatal(err)
	}
	line = EmbedLine("/", p.Story(), play.ViewHouse, sim.Time{}, 480, 300)
	if !strings.Contains(line, "config=") || strings.Contains(line, "<b>") || strings.Contains(line, "&amp;t=") || !strings.Contains(line, "ui=minimal") {
		t.Errorf("one's own story: %s", line)
	}
}

// File names: chores-<story>, kept to letters, digits and dashes.
func TestExportName(t *testing.T) {
	for name, want := range map[string]string{"best-of-both": "chores-best-of-both.gif", "../My House!": "chores-my-house.gif", "": "chores-story.gif", "***": "chores-story.gif"} {
		s := sim.Presets()[0].Scenario
		s.Name = name
		st := &play.Story{Scenario: s}
		if got := exportName(st, ".gif"); got != want {
			t.Errorf("%q: %s, want %s", name, got, want)
		}
	}
}
