//go:build e2e

package e2e

import (
	"fmt"
	"testing"

	"chores/sim"
)

// makespans is DESIGN.md's table of the six stories.
var makespans = map[string]float64{
	"sequential":    105,
	"concurrency-1": 60,
	"parallelism-1": 75,
	"parallelism-2": 75,
	"concurrency-2": 75,
	"best-of-both":  45,
}

// TestStoryScreenshots saves each story at the middle of its timeline, and
// the code view, for a person to look at; each must be a real picture.
func TestStoryScreenshots(t *testing.T) {
	tb := newTab(t)
	tb.open("/index.html?autoplay=0")
	names := sim.PresetNames()
	if len(names) != 6 {
		t.Errorf("%d presets, want the six stories: %q", len(names), names)
	}
	for _, name := range names {
		makespan, ok := makespans[name]
		if !ok {
			t.Errorf("story %q is not in DESIGN.md's table", name)
			continue
		}
		mid := makespan / 2
		// One call: the page is slow to answer while SwiftShader draws.
		mustEval[bool](tb, fmt.Sprintf(`((c) => [c.setScenario(%q), c.pause(), c.seek(%v)].every(r => r.ok))(window.chores)`, name, mid))
		s := tb.wait(name+" paused at its middle", func(s State) bool {
			return s.Scenario == name && !s.Playing && s.Minute == mid
		})
		if s.Makespan != makespan {
			t.Errorf("%s: makespan %v, DESIGN.md says %v", name, s.Makespan, makespan)
		}
		// Let the new minute reach the screen.
		tb.waitState(top, "frames after the seek", stepTimeout, func(x State) bool { return x.Frames >= s.Frames+2 })
		img := tb.screenshot("story-" + name)
		if n := distinctColors(img); n < 40 {
			t.Errorf("%s: the screenshot has only %d colors", name, n)
		}
		t.Logf("%s at minute %v of %v: listening %q, waiting %q, caption %q", name, s.Minute, s.Makespan, s.Listening, s.Waiting, s.Caption)
	}

	tb.open("/index.html?view=code&autoplay=0&t=20")
	tb.framesAdvance(top, "the code view")
	// Paused on the code view nothing moves: frames go on, but they change
	// no pixel, so nothing is painted or presented (game/redraw); the page
	// must still show the picture.
	a := tb.state()
	b := tb.waitState(top, "still frames on the paused code view", stepTimeout, func(s State) bool { return s.Frames >= a.Frames+5 })
	if b.Still-a.Still != b.Frames-a.Frames {
		t.Errorf("paused code view: %d of %d frames changed pixels; want none", (b.Frames-a.Frames)-(b.Still-a.Still), b.Frames-a.Frames)
	}
	if img := tb.screenshot("view-code"); distinctColors(img) < 20 {
		t.Errorf("the still code view shows only %d colors", distinctColors(img))
	}
	// Playing, a frame repaints a small part of the screen.
	tb.open("/index.html?scenario=best-of-both&autoplay=1")
	tb.framesAdvance(top, "playing")
	if s := tb.state(); s.Repainted <= 0 || s.Repainted > 0.5 {
		t.Errorf("playing: %.1f%% of the screen repainted per frame on average; want some, and well under half", 100*s.Repainted)
	}

	small := newTabSize(t, smallW, smallH)
	small.open("/index.html?ui=none&scenario=concurrency-2&t=40&autoplay=0")
	small.framesAdvance(top, "ui=none")
	small.screenshot("ui-none-480x300")
	small.open("/index.html?ui=minimal&load=now&scenario=parallelism-1&t=30&autoplay=0")
	small.framesAdvance(top, "ui=minimal")
	small.screenshot("ui-minimal-480x300")
}
