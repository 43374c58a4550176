//go:build e2e

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// frameLoaded reports whether iframe i runs the game (lazy iframes below
// the fold may not have loaded at all).
func (tb *tab) frameLoaded(i int) bool {
	ok, err := evalJS[bool](tb, fmt.Sprintf("(() => { try { const w = %s; return !!(w && w.chores && w.chores.state) } catch (e) { return false } })()", frameWin(i)))
	return err == nil && ok
}

// scrollTo scrolls the embed page to y and lets a few ticks pass.
func (tb *tab) scrollTo(expr string) {
	tb.t.Helper()
	mustEval[bool](tb, "("+expr+", true)")
	time.Sleep(300 * time.Millisecond)
}

// TestEmbeds: the example post's three embeds draw only while in view, and
// the poster unmutes the one it covers.
func TestEmbeds(t *testing.T) {
	tb := newTab(t)
	tb.navigate("/embed-example.html")
	if n := mustEval[int](tb, `document.querySelectorAll("iframe").length`); n != 3 {
		t.Fatalf("embed-example.html has %d iframes, want 3", n)
	}
	below := mustEval[bool](tb, `document.querySelectorAll("iframe")[2].getBoundingClientRect().top > innerHeight`)
	if !below {
		t.Fatalf("the third embed is not below the fold at %dx%d; the test needs it there", viewW, viewH)
	}
	first := frameWin(0)
	third := frameWin(2)
	tb.waitReady(first)
	tb.framesAdvance(first, "the first embed, in view")
	shot := tb.screenshot("embed-example-top")
	if n := distinctColors(shot); n < 40 {
		t.Errorf("the embed page screenshot has only %d colors", n)
	}

	// At the top, the third embed must not draw: either it is still a
	// lazy iframe that has not loaded, or it runs with frames frozen.
	time.Sleep(time.Second)
	if tb.frameLoaded(2) {
		a, b := tb.statesApart(third, 1500*time.Millisecond)
		if b.Frames != a.Frames {
			t.Errorf("the third embed, out of view, drew %d frames in 1.5 s; state %s", b.Frames-a.Frames, b)
		}
		t.Logf("out of view at the top: frames %d→%d, hidden %d→%d", a.Frames, b.Frames, a.Hidden, b.Hidden)
	} else {
		t.Logf("the third embed has not loaded at the top (lazy): it draws nothing")
	}

	// Scroll it into view: it loads (if lazy) and draws.
	tb.scrollTo(`document.querySelectorAll("iframe")[2].scrollIntoView({block: "center"})`)
	tb.waitReady(third)
	tb.framesAdvance(third, "the third embed, scrolled into view")
	tb.screenshot("embed-example-third")
	s := tb.waitState(third, "the third embed visible", stepTimeout, func(s State) bool { return s.Visible })
	if s.Scenario != "best-of-both" || s.UI != "minimal" {
		t.Errorf("the third embed shows %q with ui %q, want best-of-both, minimal", s.Scenario, s.UI)
	}

	// Scroll back to the top: it stops drawing, and counts hidden frames.
	tb.scrollTo(`window.scrollTo(0, 0)`)
	tb.waitState(third, "the third embed reports itself out of view", stepTimeout, func(s State) bool { return !s.Visible })
	a, b := tb.statesApart(third, 1500*time.Millisecond)
	if b.Frames != a.Frames {
		t.Errorf("scrolled out of view, the third embed still drew %d frames in 1.5 s; state %s", b.Frames-a.Frames, b)
	}
	if b.Hidden <= a.Hidden {
		t.Logf("note: hiddenFrames did not rise out of view (%d → %d): the browser stopped calling Draw altogether", a.Hidden, b.Hidden)
	}
	tb.framesAdvance(first, "the first embed, back in view")

	// And back in view once more.
	tb.scrollTo(`document.querySelectorAll("iframe")[2].scrollIntoView({block: "center"})`)
	tb.framesAdvance(third, "the third embed, in view again")

	// The poster: present in the embed, muted until clicked.
	tb.scrollTo(`window.scrollTo(0, 0)`)
	doc := string(first) + ".document"
	tb.waitJS("the poster in the first embed", fmt.Sprintf(`(() => { const p = %s.getElementById("poster"); return !!p && !p.hidden })()`, doc), stepTimeout)
	s, err := tb.stateOf(first)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Audio.Muted || s.Audio.Ready {
		t.Errorf("an embed under its poster should be muted and without audio: %+v", s.Audio)
	}
	tb.screenshot("embed-poster")
	pt := mustEval[[]float64](tb, fmt.Sprintf(`(() => {
		const f = document.querySelectorAll("iframe")[0].getBoundingClientRect();
		const p = %s.getElementById("poster").getBoundingClientRect();
		return [f.left + p.left + p.width / 2, f.top + p.top + p.height / 2];
	})()`, doc))
	if err := tb.do(stepTimeout, chromedp.MouseClickXY(pt[0], pt[1])); err != nil {
		t.Fatalf("clicking the poster: %v", err)
	}
	tb.waitJS("the poster removed", fmt.Sprintf(`!%s.getElementById("poster")`, doc), stepTimeout)
	tb.waitState(first, "after the poster click: unmuted, audio ready", 20*time.Second, func(s State) bool {
		return !s.Audio.Muted && s.Audio.Ready
	})
	s, _ = tb.stateOf(first)
	if s.Scenario != "sequential" || s.UI != "minimal" {
		t.Errorf("the first embed shows %q with ui %q, want sequential, minimal", s.Scenario, s.UI)
	}
	// The other embeds stay muted: the click was not theirs.
	if s2, err := tb.stateOf(frameWin(1)); err == nil && !s2.Audio.Muted {
		t.Errorf("clicking the first embed's poster unmuted the second: %s", s2)
	}
	tb.screenshot("embed-after-poster")

	// The post's own remote control drives the second embed.
	second := frameWin(1)
	if err := tb.do(stepTimeout, chromedp.Click(chromedp.ID("remote-pause"))); err != nil {
		t.Fatalf("clicking the post's Pause: %v", err)
	}
	tb.waitState(second, "paused by the post's remote", stepTimeout, func(s State) bool { return !s.Playing })
	tb.waitJS("the remote's output says paused", `document.getElementById("remote-state").textContent.includes("paused")`, stepTimeout)
	if err := tb.do(stepTimeout, chromedp.Click(chromedp.ID("remote-play"))); err != nil {
		t.Fatalf("clicking the post's Play: %v", err)
	}
	tb.waitState(second, "playing again by the post's remote", stepTimeout, func(s State) bool { return s.Playing })
	tb.waitJS("the remote's output says playing", `document.getElementById("remote-state").textContent.includes("playing")`, stepTimeout)
}

// statesApart reads a frame's state twice, d apart.
func (tb *tab) statesApart(w win, d time.Duration) (State, State) {
	tb.t.Helper()
	a, err := tb.stateOf(w)
	if err != nil {
		tb.t.Fatal(err)
	}
	time.Sleep(d)
	b, err := tb.stateOf(w)
	if err != nil {
		tb.t.Fatal(err)
	}
	return a, b
}
