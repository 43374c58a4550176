//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser side of issue 16: no link, call or message can stop, freeze or
// flood the page.

// noticeTexts is what the page's notices say, and noticeCount how many
// notice elements the DOM holds.
func (tb *tab) noticeTexts(w win) []string {
	tb.t.Helper()
	return mustEval[[]string](tb, fmt.Sprintf(`[...%s.document.querySelectorAll("#notices .notice")].map(n => n.textContent)`, w))
}

func (tb *tab) waitNotice(w win, mention string) string {
	tb.t.Helper()
	deadline := time.Now().Add(stepTimeout)
	var texts []string
	for time.Now().Before(deadline) {
		texts = tb.noticeTexts(w)
		for _, s := range texts {
			if strings.Contains(strings.ToLower(s), strings.ToLower(mention)) {
				return s
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	tb.t.Fatalf("no notice mentions %q; notices: %q", mention, texts)
	return ""
}

func (tb *tab) noErrorPanel(w win) {
	tb.t.Helper()
	if msg := mustEval[string](tb, fmt.Sprintf(`(() => { const d = %s.document; return d.getElementById("error").hidden ? "" : d.getElementById("error-message").textContent })()`, w)); msg != "" {
		tb.t.Errorf("the error panel is up: %s", msg)
	}
}

// TestHardenNaNLinks: NaN and infinities in a link show a notice, and the
// page plays the defaults (the program does not exit).
func TestHardenNaNLinks(t *testing.T) {
	tb := newTabSize(t, smallW, smallH)
	for i, c := range []struct{ query, mention string }{
		{"speed=NaN", "speed="},
		{"t=NaN", "t="},
		{"speed=Infinity&t=-Infinity", "speed="},
		{"speed=1e309", "speed="},
		{"t=NaN&speed=NaN&autoplay=1", "t="},
	} {
		t.Run(c.query, func(t *testing.T) {
			tb.t = t
			tb.open("/index.html?" + c.query)
			text := tb.waitNotice(top, c.mention)
			t.Logf("notice: %s", text)
			s := tb.wait("playing the defaults", func(s State) bool {
				return s.Playing && s.Speed == 1 && s.Scenario == "sequential" && s.Minute < 20
			})
			tb.framesAdvance(top, c.query)
			tb.wait("the minute moves", func(n State) bool { return n.Minute > s.Minute })
			tb.noErrorPanel(top)
			if i == 0 {
				tb.screenshot("harden-speed-nan")
			}
		})
	}
	tb.t = t
}

// TestHardenHugeInput: a 10-million-character setScenario leaves a short
// state().error, state() stays fast, and the page's notices stay short and
// few; 300 unknown parameters make one notice, a 100 KB name a short one.
func TestHardenHugeInput(t *testing.T) {
	tb := newTabSize(t, smallW, smallH)
	tb.open("/index.html")
	res := mustEval[map[string]any](tb, `window.chores.setScenario("x".repeat(10_000_000))`)
	msg, _ := res["error"].(string)
	t.Logf("setScenario(10M characters): %s", msg)
	if res["ok"] != false || !strings.Contains(msg, "10000000 characters") || len(msg) > 300 {
		t.Errorf("setScenario(10M characters) = ok %v, error of %d characters: %.200s", res["ok"], len(msg), msg)
	}
	for _, expr := range []string{
		`window.chores.setScenario({name: "q".repeat(10_000_000)})`,
		`window.chores.setScenario('{"name": "' + "q".repeat(500_000) + '"}')`,
		`window.chores.setScenario('{"` + "k" + `' + "k".repeat(500_000) + '": 1}')`,
		`(() => { const o = {}; o.self = o; return window.chores.setScenario(o) })()`,
		`window.chores.setScenario("\u001b]0;owned\u0007\u202e")`,
		`window.chores.setScenario("n".repeat(500_000))`, // under the size limit: refused by name, quoted
	} {
		res := mustEval[map[string]any](tb, expr)
		msg, _ := res["error"].(string)
		t.Logf("%.50s…: %.200s", expr, msg)
		if res["ok"] != false || msg == "" || len(msg) > 300 {
			t.Errorf("%.60s… = ok %v, error of %d characters: %.200s", expr, res["ok"], len(msg), msg)
		}
	}
	s := tb.state()
	if len(s.Error) > 300 || len(s.raw) > 10_000 {
		t.Errorf("state().error is %d characters, state() %d bytes", len(s.Error), len(s.raw))
	}
	ms := mustEval[float64](tb, `(() => { const t0 = performance.now(); for (let i = 0; i < 100; i++) window.chores.state(); return (performance.now() - t0) / 100 })()`)
	t.Logf("state() takes %.2f ms after the huge input; its error: %s", ms, s.Error)
	if ms > 20 {
		t.Errorf("state() takes %.1f ms", ms)
	}
	tb.framesAdvance(top, "after a 10M setScenario")
	time.Sleep(300 * time.Millisecond)
	n := mustEval[int](tb, `document.querySelectorAll("#notices .notice").length`)
	tall := mustEval[float64](tb, `Math.max(0, ...[...document.querySelectorAll("#notices .notice")].map(n => n.getBoundingClientRect().height))`)
	t.Logf("%d notice elements, the tallest %.0f px: %q", n, tall, tb.noticeTexts(top))
	if n > 4 || tall > 150 {
		t.Errorf("%d notice elements, the tallest %.0f px", n, tall)
	}
	tb.screenshot("harden-huge-setscenario")

	// 300 unknown parameters: one notice.
	var q []string
	for i := range 300 {
		q = append(q, fmt.Sprintf("junk%d=1", i))
	}
	tb.open("/index.html?" + strings.Join(q, "&"))
	text := tb.waitNotice(top, "unknown parameters")
	time.Sleep(300 * time.Millisecond)
	if n := mustEval[int](tb, `document.querySelectorAll("#notices .notice").length`); n != 1 || !strings.Contains(text, "297 more") {
		t.Errorf("300 unknown parameters: %d notices: %q", n, tb.noticeTexts(top))
	}
	tb.wait("playing", func(s State) bool { return s.Playing && s.Scenario == "sequential" })

	// A 100 KB parameter name: a short notice.
	tb.open("/index.html?" + strings.Repeat("N", 100_000) + "=1")
	text = tb.waitNotice(top, "unknown parameter")
	tall = mustEval[float64](tb, `document.querySelector("#notices .notice").getBoundingClientRect().height`)
	t.Logf("a 100 KB name: a notice %.0f px tall, %d characters", tall, len(text))
	if tall > 150 || len(text) > 400 {
		t.Errorf("a 100 KB parameter name: a notice %.0f px tall, %d characters", tall, len(text))
	}
	tb.screenshot("harden-long-parameter")
	tb.framesAdvance(top, "after a 100 KB parameter name")
}

// TestHardenRefusedBurst: 2,000 refused commands leave fewer than 10 notice
// elements; a dismissed notice leaves the DOM.
func TestHardenRefusedBurst(t *testing.T) {
	tb := newTabSize(t, smallW, smallH)
	tb.open("/index.html")
	// In one script, then spread over frames.
	mustEval[bool](tb, `(() => {
		for (let i = 0; i < 1000; i++) {
			window.chores.setSpeed(NaN); window.chores.mute(); window.chores.setScenario("nope" + i); window.chores.seek(-i - 1);
		}
		return true })()`)
	mustEval[bool](tb, `new Promise(done => {
		let k = 0;
		const step = () => {
			for (let i = 0; i < 50; i++) { window.chores.setScenario("again" + k + "-" + i); window.chores.setSpeed(Infinity) }
			if (++k < 20) setTimeout(step, 10); else done(true);
		};
		step();
	})`)
	time.Sleep(500 * time.Millisecond)
	n := mustEval[int](tb, `document.querySelectorAll("#notices .notice").length`)
	all := mustEval[int](tb, `document.getElementById("notices").querySelectorAll("*").length`)
	texts := tb.noticeTexts(top)
	t.Logf("after 6,000 refused calls: %d notice elements (%d elements in #notices): %q", n, all, texts)
	if n >= 10 || n == 0 {
		t.Errorf("%d notice elements after 6,000 refused calls", n)
	}
	if !strings.Contains(strings.Join(texts, " "), "more") {
		t.Errorf("the notices do not count the rest: %q", texts)
	}
	tb.screenshot("harden-refused-burst")
	// Dismissing removes the element.
	mustEval[bool](tb, `(document.querySelector("#notices .notice .notice-close").click(), true)`)
	if m := mustEval[int](tb, `document.querySelectorAll("#notices .notice").length`); m != n-1 {
		t.Errorf("a dismissed notice stays in the DOM: %d → %d", n, m)
	}
	s := tb.state()
	if s.Speed != 1 || len(s.raw) > 10_000 || len(s.Error) > 300 {
		t.Errorf("after the burst: %s", s)
	}
	tb.framesAdvance(top, "after 6,000 refused calls")
	// And they expire: none left after the notice time (10 s).
	tb.waitJS("the notices expired", `document.querySelectorAll("#notices .notice").length === 0`, 15*time.Second)
}

// TestHardenThrowingHost: a page whose choresHost throws does not freeze
// the game: it says so in a notice and keeps responding.
func TestHardenThrowingHost(t *testing.T) {
	tb := newTabSize(t, smallW, smallH)
	tb.open("/index.html?autoplay=1")
	mustEval[bool](tb, `(Object.defineProperty(window.choresHost, "visible", {get() { throw new Error("host visible boom") }, set(v) {}, configurable: true}), true)`)
	text := tb.waitNotice(top, "choresHost.visible")
	t.Logf("notice: %s", text)
	tb.framesAdvance(top, "with a throwing choresHost.visible")
	tb.callOK(top, "seek", "20")
	tb.wait("seek(20) answered", func(s State) bool { return s.Minute >= 20 && s.Minute < 40 })
	if s := tb.state(); !strings.Contains(s.Error, "visible") {
		t.Logf("state().error: %q (a later call may have replaced it)", s.Error)
	}
	tb.screenshot("harden-throwing-host")

	// changed() and notice() throwing too: the game draws its notice itself.
	mustEval[bool](tb, `(window.choresHost.changed = function () { throw new Error("changed boom") },
		window.choresHost.notice = function () { throw new Error("notice boom") }, true)`)
	tb.framesAdvance(top, "with changed() and notice() throwing")
	tb.callOK(top, "pause")
	tb.wait("pause() answered", func(s State) bool { return !s.Playing })
	tb.callOK(top, "setScenario", `"best-of-both"`)
	tb.wait("setScenario answered", func(s State) bool { return s.Scenario == "best-of-both" })
	tb.noErrorPanel(top)
	tb.screenshot("harden-throwing-host-notice")
}

// TestHardenMuteAndPoster: mute() with no argument changes nothing; a parent
// that unmutes before any click turns the poster's words with it.
func TestHardenMuteAndPoster(t *testing.T) {
	tb := newTab(t)
	tb.navigate("/host.html")
	embed := frameWin(0)
	tb.waitReady(embed)
	poster := string(embed) + `.document.getElementById("poster")`
	tb.waitJS("the poster", "!"+poster+".hidden", stepTimeout)
	words := func() string { return mustEval[string](tb, poster+".textContent.trim()") }
	if w := words(); !strings.Contains(w, "Click to listen") {
		t.Errorf("the poster of a muted embed says %q", w)
	}
	tb.waitState(embed, "muted under the poster", stepTimeout, func(s State) bool { return s.Audio.Muted })
	mustEval[bool](tb, `(window.send({chores: "mute", value: false}), true)`)
	tb.waitState(embed, "unmuted by the parent", stepTimeout, func(s State) bool { return !s.Audio.Muted })
	tb.waitJS("the poster follows", poster+`.textContent.includes("Sound is on")`, stepTimeout)
	tb.screenshot("harden-poster-unmuted")

	// mute() and {chores: "mute"} with no value: refused, nothing changes.
	res := tb.call(embed, "mute")
	if res["ok"] != false {
		t.Errorf("mute() = %v, want {ok: false}", res)
	}
	mustEval[bool](tb, `(window.send({chores: "mute"}), true)`)
	tb.waitNotice(embed, "mute")
	time.Sleep(300 * time.Millisecond)
	if s, _ := tb.stateOf(embed); s.Audio.Muted {
		t.Errorf("mute() with no argument muted: %s", s)
	}
	mustEval[bool](tb, `(window.send({chores: "mute", value: true}), true)`)
	tb.waitState(embed, "muted by the parent", stepTimeout, func(s State) bool { return s.Audio.Muted })
	tb.waitJS("the poster follows back", poster+`.textContent.includes("Click to listen")`, stepTimeout)
}

// ------------------------------------------------- a cross-origin parent

var (
	parentOnce sync.Once
	parentURL  string // a second server: another origin than the game's
)

// parentPage embeds the game from the test server's origin and measures
// what a burst does: the longest gap between its own animation frames (the
// iframe shares its thread: a stall in the game stalls these too), and the
// size of every state message.
const parentPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>parent</title></head>
<body style="margin:0">
<iframe id="embed" src="%s/index.html?ui=minimal&load=now" width="480" height="300" style="border:0"></iframe>
<script>
window.lastState = null;
window.stateMessages = 0;
window.maxStateBytes = 0;
window.stateBytes = 0;
window.addEventListener("message", function (ev) {
  var d = ev.data;
  if (d && d.chores === "state") {
    var n = JSON.stringify(d).length;
    window.stateMessages++;
    window.stateBytes += n;
    window.maxStateBytes = Math.max(window.maxStateBytes, n);
    window.lastState = d;
  }
});
window.maxGap = 0;
var last = 0;
(function tick(t) {
  if (last) window.maxGap = Math.max(window.maxGap, t - last);
  last = t;
  requestAnimationFrame(tick);
})();
window.burst = function (n, base) {
  var w = document.getElementById("embed").contentWindow;
  var t0 = performance.now();
  var bad = [{chores: "speed", value: NaN}, {chores: "seek", value: Infinity}, {chores: "mute"},
             {chores: "scenario", value: "nope"}, {chores: "scenario", value: "x".repeat(100000)}];
  for (var i = 0; i < n; i++) {
    var m;
    if (i %% 2 === 0) {
      var o = Object.assign({}, base);
      o.name = "burst " + (i %% 50);
      m = {chores: "scenario", value: o};
    } else {
      m = bad[i %% bad.length];
    }
    w.postMessage(m, "*");
  }
  w.postMessage({chores: "scenario", value: "best-of-both"}, "*");
  window.maxGap = 0;
  return performance.now() - t0;
};
</script>
</body></html>`

func crossOriginParent(t *testing.T) string {
	parentOnce.Do(func() {
		page := fmt.Sprintf(parentPage, origin)
		mux := http.NewServeMux()
		mux.HandleFunc("/parent.html", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		})
		s := httptest.NewServer(mux) // never closed: it lives as long as the test binary
		parentURL = s.URL
	})
	return parentURL
}

// inFrame evaluates expr inside the first iframe, whatever its origin, and
// decodes its JSON.
func inFrame[T any](tb *tab, expr string) T {
	tb.t.Helper()
	var v T
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS("iframe")))
	if err != nil || len(nodes) == 0 {
		tb.t.Fatalf("finding the iframe: %v", err)
	}
	s, err := chromedp.Run(ctx, chromedp.Poll[string]("JSON.stringify(("+expr+")) || 'null'", chromedp.WithPollingInFrame(nodes[0])))
	if err != nil {
		tb.t.Fatalf("evaluating %s in the iframe: %v", expr, err)
	}
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		tb.t.Fatalf("evaluating %s in the iframe: decoding %.200q: %v", expr, s, err)
	}
	return v
}

// TestHardenCrossOriginBurst: 10,000 messages from a parent on another
// origin. The iframe keeps drawing, stalls under a second, ends on the last
// scenario sent, posts state messages under 10 KB, and keeps its notices few.
func TestHardenCrossOriginBurst(t *testing.T) {
	parent := crossOriginParent(t)
	tb := newTab(t)
	t.Cleanup(func() { // the parent's own requests are not the game's
		tb.mu.Lock()
		kept := tb.requests[:0]
		for _, u := range tb.requests {
			if !strings.HasPrefix(u, parent+"/") {
				kept = append(kept, u)
			}
		}
		tb.requests = kept
		tb.mu.Unlock()
	})
	if err := tb.do(loadTimeout, chromedp.Navigate(parent+"/parent.html")); err != nil {
		t.Fatal(err)
	}
	tb.waitJS("a first state message", `window.lastState !== null && window.lastState.frames > 0`, loadTimeout)
	if cross := mustEval[bool](tb, `(() => { try { return !document.getElementById("embed").contentWindow.document } catch (e) { return true } })()`); !cross {
		t.Fatalf("the parent can read the iframe's document: not cross-origin")
	}
	base := presetJSON(t, "burst")
	ms := mustEval[float64](tb, "window.burst(10000, "+string(base)+")")
	t0 := mustEval[int](tb, "window.lastState.frames")
	time.Sleep(3 * time.Second)
	type stats struct {
		MaxGap, MaxBytes, Bytes float64
		Messages, Frames        int
		Scenario                string
	}
	st := mustEval[stats](tb, `({MaxGap: window.maxGap, MaxBytes: window.maxStateBytes, Bytes: window.stateBytes, Messages: window.stateMessages, Frames: window.lastState.frames, Scenario: window.lastState.scenario})`)
	t.Logf("posting 10,000 messages took %.0f ms; then in 3 s: longest frame gap %.0f ms, frames %d → %d, %d state messages so far (%.0f bytes in all, the largest %.0f), scenario %q",
		ms, st.MaxGap, t0, st.Frames, st.Messages, st.Bytes, st.MaxBytes, st.Scenario)
	if st.MaxGap > 1000 {
		t.Errorf("the page stalled %.0f ms after the burst", st.MaxGap)
	}
	if st.MaxBytes > 10_000 {
		t.Errorf("a state message of %.0f bytes", st.MaxBytes)
	}
	tb.waitJS("the last scenario sent plays", `window.lastState.scenario === "best-of-both"`, stepTimeout)
	f1 := mustEval[int](tb, "window.lastState.frames")
	tb.waitJS("frames rise after the burst", fmt.Sprintf("window.lastState.frames > %d", f1+30), stepTimeout)

	n := inFrame[int](tb, `document.querySelectorAll("#notices .notice").length`)
	texts := inFrame[[]string](tb, `[...document.querySelectorAll("#notices .notice")].map(n => n.textContent)`)
	s := inFrame[State](tb, `window.chores.state()`)
	t.Logf("in the iframe: %d notices %q; state: scenario %s, frames %d, error %q", n, texts, s.Scenario, s.Frames, s.Error)
	if n >= 10 || n == 0 {
		t.Errorf("%d notice elements in the iframe after the burst", n)
	}
	if s.Scenario != "best-of-both" || !s.Playing {
		t.Errorf("the iframe does not play the last scenario sent: %+v", s)
	}
	tb.screenshot("harden-cross-origin-burst")
}
