//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// visiblePage is a post with an embed far below the fold that loads when it
// scrolls into view.
const visiblePage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>a long post</title></head>
<body style="margin:0">
<div style="height:3000px">A long post.</div>
<iframe id="embed" src="/index.html?scenario=parallelism-1&ui=minimal&load=visible" width="480" height="300" style="border:0"></iframe>
</body></html>`

func (tb *tab) wasmRequests() int {
	n := 0
	for _, u := range tb.requests {
		if strings.Contains(u, "chores.wasm") {
			n++
		}
	}
	return n
}

// An embed is a still picture of its story, with its title and a play
// button, until a reader clicks it: no .wasm byte is fetched before. The
// picture is there within 200 ms of navigation, and a click plays the story
// with sound.
func TestFacadeUntilClicked(t *testing.T) {
	tb := newTabSize(t, 480, 300)
	tb.navigate("/index.html?scenario=best-of-both&ui=minimal")
	tb.waitJS("the facade", `!document.getElementById("facade").hidden && document.getElementById("facade-picture").complete && document.getElementById("facade-picture").naturalWidth > 0`, stepTimeout)
	// The budget is 200 ms on localhost (measured: 60-130 ms on a quiet
	// machine); a test only catches a facade that waits for something it
	// must not (the .wasm, the game): a loose bound, the time logged.
	ms := mustEval[float64](tb, `window.choresFacadeMs`)
	t.Logf("the facade showed %.0f ms after navigation", ms)
	if ms > 1500 {
		t.Errorf("the facade showed %.0f ms after navigation", ms)
	}
	tb.waitJS("the story's title on the facade", `document.getElementById("facade-title").textContent === "Both at once"`, stepTimeout)
	tb.screenshot("facade-best-of-both")
	time.Sleep(time.Second)
	if n := tb.wasmRequests(); n != 0 {
		t.Fatalf("the facade fetched chores.wasm %d times before any click", n)
	}
	if err := tb.do(stepTimeout, chromedp.MouseClickXY(240, 150)); err != nil {
		t.Fatal(err)
	}
	tb.waitReady(top)
	tb.waitState(top, "playing with sound after the click", 20*time.Second, func(s State) bool {
		return s.Scenario == "best-of-both" && s.Playing && !s.Audio.Muted
	})
	if n := tb.wasmRequests(); n == 0 {
		t.Error("no request for chores.wasm after the click")
	}
	if hidden := mustEval[bool](tb, `!document.getElementById("poster") || document.getElementById("poster").hidden`); !hidden {
		t.Error("the click-to-listen poster shows after the facade's click")
	}
}

// load=visible: nothing is fetched while the embed is far below; scrolled
// to, it loads and plays.
func TestFacadeLoadsWhenVisible(t *testing.T) {
	tb := newTab(t)
	tb.navigate("/visible.html")
	time.Sleep(1500 * time.Millisecond)
	if n := tb.wasmRequests(); n != 0 {
		t.Fatalf("an embed 3000 px below fetched chores.wasm %d times", n)
	}
	tb.scrollTo(`document.getElementById("embed").scrollIntoView({block: "center"})`)
	embed := win(`document.getElementById("embed").contentWindow`)
	tb.waitReady(embed)
	tb.waitState(embed, "the embed scrolled into view plays", 20*time.Second, func(s State) bool {
		return s.Scenario == "parallelism-1" && s.Frames > 0
	})
}

// A bad load value: a notice, and the default (a click, for an embed).
func TestFacadeBadLoad(t *testing.T) {
	tb := newTabSize(t, 480, 300)
	tb.navigate("/index.html?ui=minimal&load=soon")
	tb.waitJS("a notice about load", `[...document.querySelectorAll("#notices .notice")].some(n => n.textContent.includes("load="))`, stepTimeout)
	tb.waitJS("the facade", `!document.getElementById("facade").hidden`, stepTimeout)
}

// ?embed-help shows the iframe line for the story on screen, which opens
// that story.
func TestEmbedSnippet(t *testing.T) {
	tb := newTab(t)
	tb.open("/index.html?scenario=concurrency-2&t=30&autoplay=0&embed-help")
	tb.waitJS("the snippet", `!document.getElementById("embed-help").hidden && document.getElementById("embed-code").value.includes("<iframe")`, stepTimeout)
	code := mustEval[string](tb, `document.getElementById("embed-code").value`)
	for _, want := range []string{`loading="lazy"`, `allow="autoplay"`, `title="Chores: Concurrency: one phone, two ears"`, "scenario=concurrency-2", "t=30", "ui=minimal"} {
		if !strings.Contains(code, want) {
			t.Errorf("the snippet %s lacks %s", code, want)
		}
	}
	tb.screenshot("embed-snippet")
	src := code[strings.Index(code, `src="`)+5:]
	src = strings.ReplaceAll(src[:strings.Index(src, `"`)], "&amp;", "&")
	tb.open(strings.Replace(src[strings.Index(src, "/index.html"):], "ui=minimal", "ui=minimal&load=now&autoplay=0", 1))
	tb.wait("the snippet's story", func(s State) bool { return s.Scenario == "concurrency-2" && s.Minute == 30 })
}
