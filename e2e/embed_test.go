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

// TestEmbeds: the example post's six embeds, two of each load mode. The
// click ones are pictures that fetch nothing; the ones running draw only in
// view; playing one pauses the other and stops it drawing; the post's remote
// control drives its embed; a visible one loads as it scrolls in.
func TestEmbeds(t *testing.T) {
	tb := newTab(t)
	tb.navigate("/embed-example.html")
	if n := mustEval[int](tb, `document.querySelectorAll("iframe[loading=lazy]").length`); n != 6 {
		t.Fatalf("embed-example.html has %d lazy iframes, want 6", n)
	}
	modes := mustEval[string](tb, `[...document.querySelectorAll("iframe")].map(f => new URL(f.src).searchParams.get("load")).join(",")`)
	if modes != "click,now,visible,visible,click,now" {
		t.Fatalf("load modes %s", modes)
	}
	first, second := frameWin(0), frameWin(1)
	doc := string(first) + ".document"
	tb.waitJS("the first embed's facade", fmt.Sprintf(`(() => { const f = %s.getElementById("facade"); return !!f && !f.hidden })()`, doc), stepTimeout)
	if tb.frameLoaded(0) {
		t.Errorf("the first embed (load=click) runs the game before any click")
	}
	shot := tb.screenshot("embed-example-top")
	if n := distinctColors(shot); n < 40 {
		t.Errorf("the embed page screenshot has only %d colors", n)
	}
	tb.scrollTo(`document.querySelectorAll("iframe")[1].scrollIntoView({block: "center"})`)
	tb.waitReady(second)
	tb.framesAdvance(second, "the second embed (load=now), in view")
	tb.scrollTo(`window.scrollTo(0, 0)`)

	// Click the first embed's facade: it loads and plays with sound, and
	// the second, which was playing, pauses and stops drawing.
	pt := mustEval[[]float64](tb, `(() => { const f = document.querySelectorAll("iframe")[0].getBoundingClientRect(); return [f.left + f.width / 2, f.top + f.height / 2] })()`)
	if err := tb.do(stepTimeout, chromedp.MouseClickXY(pt[0], pt[1])); err != nil {
		t.Fatalf("clicking the facade: %v", err)
	}
	tb.waitReady(first)
	tb.waitState(first, "the first embed plays with sound", 20*time.Second, func(s State) bool {
		return s.Scenario == "sequential" && s.Playing && !s.Audio.Muted
	})
	tb.waitState(second, "the second embed paused, not drawing", stepTimeout, func(s State) bool { return !s.Playing && !s.Visible })
	a, b := tb.statesApart(second, 1500*time.Millisecond)
	if b.Frames != a.Frames {
		t.Errorf("the second embed, paused by the first, still drew %d frames", b.Frames-a.Frames)
	}
	tb.screenshot("embed-example-one-playing")

	// The post's own remote control drives the second embed.
	tb.scrollTo(`document.getElementById("remote-play").scrollIntoView({block: "center"})`)
	if err := tb.do(stepTimeout, chromedp.Click(chromedp.ID("remote-play"))); err != nil {
		t.Fatalf("clicking the post's Play: %v", err)
	}
	tb.waitState(second, "playing by the post's remote", stepTimeout, func(s State) bool { return s.Playing })
	tb.waitJS("the remote's output says playing", `document.getElementById("remote-state").textContent.includes("playing")`, stepTimeout)
	if err := tb.do(stepTimeout, chromedp.Click(chromedp.ID("remote-pause"))); err != nil {
		t.Fatalf("clicking the post's Pause: %v", err)
	}
	tb.waitState(second, "paused by the post's remote", stepTimeout, func(s State) bool { return !s.Playing })

	// The third (load=visible) loads as it scrolls into view.
	third := frameWin(2)
	tb.scrollTo(`document.querySelectorAll("iframe")[2].scrollIntoView({block: "center"})`)
	tb.waitReady(third)
	tb.framesAdvance(third, "the third embed, scrolled into view")
	tb.screenshot("embed-example-third")

	// Out of view, an embed that runs stops drawing.
	tb.waitState(first, "the first embed reports itself out of view", stepTimeout, func(s State) bool { return !s.Visible })
	a, b = tb.statesApart(first, 1500*time.Millisecond)
	if b.Frames != a.Frames {
		t.Errorf("scrolled out of view, the first embed still drew %d frames in 1.5 s; state %s", b.Frames-a.Frames, b)
	}
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
