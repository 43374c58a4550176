//go:build e2e

package e2e

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chores/sim"
)

// TestPageLoadsAndDraws: the default page comes up, draws frames, shows a
// picture, no error panel and no console errors (checked when the tab
// closes).
func TestPageLoadsAndDraws(t *testing.T) {
	tb := newTab(t)
	start := time.Now()
	s := tb.open("/index.html")
	t.Logf("window.chores ready %.1fs after navigation: %s", time.Since(start).Seconds(), s)
	if s.Scenario != "sequential" {
		t.Errorf("default scenario = %q, want sequential", s.Scenario)
	}
	if s.UI != "full" {
		t.Errorf("default ui = %q, want full", s.UI)
	}
	if !s.Playing {
		t.Errorf("the default page does not autoplay: %s", s)
	}
	// SwiftShader draws this page at 2–60 FPS depending on the machine and
	// its load: ask for a few frames in a second, and time the rate.
	a := tb.state()
	time.Sleep(time.Second)
	b := tb.state()
	if b.Frames < a.Frames+1 {
		t.Errorf("frames went from %d to %d in 1 s: the page is not drawing; state %s", a.Frames, b.Frames, b)
	}
	if b.Minute <= a.Minute {
		t.Errorf("minute went from %v to %v in 1 s while playing; state %s", a.Minute, b.Minute, b)
	}
	t.Logf("%d frames drawn in 1 s; Ebitengine reports fps %.1f, tps %.1f", b.Frames-a.Frames, b.FPS, b.TPS)

	img := tb.screenshot("default")
	if n := distinctColors(img); n < 40 {
		t.Errorf("the screenshot has only %d distinct colors: blank or nearly so", n)
	}
	hidden := mustEval[bool](tb, `document.getElementById("error").hidden`)
	if !hidden {
		msg := mustEval[string](tb, `document.getElementById("error-message").textContent`)
		t.Errorf("the error panel is showing: %q", msg)
	}
	loading := mustEval[bool](tb, `document.getElementById("loading").hidden`)
	if !loading {
		t.Errorf("the loading screen is still up after the game is ready")
	}
	if n := mustEval[int](tb, `document.querySelectorAll("#notices .notice").length`); n != 0 {
		texts := mustEval[[]string](tb, `[...document.querySelectorAll("#notices .notice")].map(n => n.textContent)`)
		t.Errorf("the default page shows %d notice(s): %q", n, texts)
	}
	// Without an icon, a browser's first visit asks for /favicon.ico and
	// logs the 404 as a console error (tabs ignore that one; see
	// consoleErrors), so check for an icon here, once.
	icon := mustEval[bool](tb, `!!document.querySelector("link[rel~='icon']")`)
	if !icon {
		resp, err := http.Get(origin + "/favicon.ico")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("index.html declares no icon and /favicon.ico is %s: every first visit logs a 404 console error (add e.g. <link rel=\"icon\" href=\"data:,\"> or an icon file)", resp.Status)
		}
	}
	if poster := mustEval[bool](tb, `!!document.getElementById("poster") && !document.getElementById("poster").hidden`); poster {
		t.Errorf("the full page (not embedded, ui=full) shows the embed poster")
	}
}

// presetJSON is the concurrency-2 story as scenario JSON, renamed.
func presetJSON(t *testing.T, name string) []byte {
	t.Helper()
	p, ok := sim.PresetByName("concurrency-2")
	if !ok {
		t.Fatal("no concurrency-2 preset")
	}
	var m map[string]any
	if err := json.Unmarshal(p.Scenario.JSON(), &m); err != nil {
		t.Fatal(err)
	}
	m["name"] = name
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sim.Parse(out); err != nil {
		t.Fatalf("the test's scenario is not valid: %v", err)
	}
	return out
}

// noNotices fails when the page shows a notice.
func noNotices(tb *tab) {
	tb.t.Helper()
	texts := mustEval[[]string](tb, `[...document.querySelectorAll("#notices .notice")].map(n => n.textContent)`)
	if len(texts) > 0 {
		tb.t.Errorf("unexpected notice(s): %q", texts)
	}
}

// TestURLParameters: every parameter of DESIGN.md takes effect, without a
// notice.
func TestURLParameters(t *testing.T) {
	config := base64.RawURLEncoding.EncodeToString(presetJSON(t, "my house"))
	cases := []struct {
		query string
		check func(tb *tab, s State) bool
		what  string
	}{
		{"scenario=best-of-both", func(tb *tab, s State) bool { return s.Scenario == "best-of-both" && s.Makespan == 45 }, "scenario best-of-both (makespan 45)"},
		{"speed=2", func(tb *tab, s State) bool { return s.Speed == 2 }, "speed 2"},
		{"t=30&autoplay=0", func(tb *tab, s State) bool { return s.Minute == 30 && !s.Playing }, "minute 30, paused"},
		{"autoplay=0", func(tb *tab, s State) bool { return !s.Playing && s.Minute == 0 }, "paused at 0"},
		// Each parameter that has a default is also set against a page
		// where the default would not hold, so ignoring it would fail.
		{"autoplay=0&autoplay=1", func(tb *tab, s State) bool { return s.Playing }, "playing (the last value wins)"},
		{"ui=minimal&load=now", func(tb *tab, s State) bool { return s.UI == "minimal" && s.Loop }, "ui minimal, looping"},
		{"ui=none", func(tb *tab, s State) bool { return s.UI == "none" }, "ui none"},
		{"ui=none&ui=full", func(tb *tab, s State) bool { return s.UI == "full" && !s.Loop }, "ui full, not looping"},
		{"mute=1", func(tb *tab, s State) bool { return s.Audio.Muted && !s.Audio.Ready }, "muted, no audio at all"},
		{"mute=1&mute=0", func(tb *tab, s State) bool { return !s.Audio.Muted }, "not muted"},
		{"config=" + config, func(tb *tab, s State) bool { return s.Scenario == "my house" && s.Makespan == 75 }, "scenario my house (makespan 75)"},
		{"view=code", func(tb *tab, s State) bool { return s.View == "code" && s.Frames > 0 }, "the code view"},
		{"view=code&view=house", func(tb *tab, s State) bool { return s.View == "house" && s.Frames > 0 }, "the house"},
		{"loop=1", func(tb *tab, s State) bool { return s.Loop && s.UI == "full" }, "looping in the full interface"},
		{"ui=minimal&load=now&loop=0", func(tb *tab, s State) bool { return !s.Loop && s.UI == "minimal" }, "an embed that does not loop"},
		{"scenario=concurrency-2&t=200&autoplay=0", func(tb *tab, s State) bool {
			f := s.Figures
			return s.Done && f.Final && f.Makespan == 75 && f.Speedup == 1.4 && f.Parallelism == 0.8 && f.Waiting == 0
		}, "concurrency-2's final figures in state().figures"},
	}
	// Big enough for the full interface (a small window gets the minimal
	// one by itself).
	tb := newTabSize(t, 800, 600)
	for _, c := range cases {
		t.Run(strings.ReplaceAll(shortQuery(c.query), "/", "_"), func(t *testing.T) {
			tb.t = t
			tb.open("/index.html?" + c.query)
			tb.waitState(top, c.what, stepTimeout, func(s State) bool { return c.check(tb, s) })
			noNotices(tb)
		})
	}
	tb.t = t

	tb.t = t
}

func shortQuery(q string) string {
	if len(q) > 24 {
		return q[:24]
	}
	return q
}

// TestBadParameters: a bad value shows a notice naming the parameter and
// the page keeps working with the default.
func TestBadParameters(t *testing.T) {
	cases := []struct {
		query   string
		mention string // the notice must contain this (case-insensitive)
		check   func(State) bool
		what    string
	}{
		{"scenario=nope", "scenario", func(s State) bool { return s.Scenario == "sequential" }, "scenario sequential"},
		{"speed=99", "speed", func(s State) bool { return s.Speed == 1 }, "speed 1"},
		{"t=-3", "t=", func(s State) bool { return s.Scenario == "sequential" && s.Playing }, "playing sequential"},
		{"ui=huge", "ui", func(s State) bool { return s.UI == "full" }, "ui full"},
		{"mute=maybe", "mute", func(s State) bool { return !s.Audio.Muted }, "not muted"},
		{"config=!!!", "config", func(s State) bool { return s.Scenario == "sequential" }, "scenario sequential"},
		{"autoplay=yes", "autoplay", func(s State) bool { return s.Playing }, "playing"},
		{"view=kitchen", "view", func(s State) bool { return s.View == "house" && s.Frames > 0 }, "the house"},
		{"colour=red", "colour", func(s State) bool { return s.Scenario == "sequential" && s.Playing }, "playing sequential"},
		{"config=" + base64.RawURLEncoding.EncodeToString([]byte(`{"name":"x"}`)), "config", func(s State) bool { return s.Scenario == "sequential" }, "scenario sequential"},
	}
	tb := newTabSize(t, 800, 600)
	for i, c := range cases {
		t.Run(strings.ReplaceAll(shortQuery(c.query), "/", "_"), func(t *testing.T) {
			tb.t = t
			tb.open("/index.html?" + c.query)
			tb.waitJS("a notice", `document.querySelectorAll("#notices .notice").length > 0`, stepTimeout)
			texts := mustEval[[]string](tb, `[...document.querySelectorAll("#notices .notice")].map(n => n.textContent)`)
			found := false
			for _, s := range texts {
				if strings.Contains(strings.ToLower(s), strings.ToLower(c.mention)) {
					found = true
				}
			}
			if !found {
				t.Errorf("no notice mentions %q: %q", c.mention, texts)
			}
			visible := mustEval[bool](tb, `(() => { const n = document.querySelector("#notices .notice"); const r = n.getBoundingClientRect(); return !n.classList.contains("notice-hidden") && r.width > 0 && r.height > 0 && getComputedStyle(n).visibility !== "hidden" && getComputedStyle(n).display !== "none" })()`)
			if !visible {
				t.Errorf("the notice is in the DOM but not visible")
			}
			tb.waitState(top, c.what+" (the default)", stepTimeout, c.check)
			tb.framesAdvance(top, "after a bad "+c.query)
			if mustEval[bool](tb, `!document.getElementById("error").hidden`) {
				t.Errorf("a bad parameter shows the error panel")
			}
			if i == 0 {
				tb.screenshot("notice-bad-scenario")
			}
		})
	}
	tb.t = t
}

// TestMissingWasm: the page pointed at a wasm file that is not there shows
// the error panel with a message that names the file.
func TestMissingWasm(t *testing.T) {
	tb := newTab(t)
	// The 404 is the point of this test; Chromium logs it as a console error.
	tb.allowErrors("404", "missing.wasm")
	tb.navigate("/missing-wasm.html")
	tb.waitJS("the error panel", `!document.getElementById("error").hidden`, loadTimeout)
	msg := mustEval[string](tb, `document.getElementById("error-message").textContent`)
	if !strings.Contains(msg, "missing.wasm") || !strings.Contains(msg, "404") {
		t.Errorf("error message %q does not name missing.wasm and the 404", msg)
	}
	if mustEval[bool](tb, `!document.getElementById("loading").hidden`) {
		t.Errorf("the loading screen still shows over the error")
	}
	tb.screenshot("error-missing-wasm")
}

// TestWasmExecMatchesGOROOT: the served wasm_exec.js is the one of the Go
// that built the wasm.
func TestWasmExecMatchesGOROOT(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	goroot := strings.TrimSpace(string(out))
	want, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest("GET", origin+"/wasm_exec.js", nil)
	if err != nil {
		t.Fatal(err)
	}
	// An explicit Accept-Encoding also stops Go's transport from asking
	// for gzip and decoding it behind our back.
	req.Header.Set("Accept-Encoding", "identity")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("GET /wasm_exec.js: %s", resp.Status)
	}
	if enc := resp.Header.Get("Content-Encoding"); enc != "" && enc != "identity" {
		t.Fatalf("asked for identity, got Content-Encoding %q", enc)
	}
	if string(got) != string(want) {
		t.Errorf("served wasm_exec.js (%d bytes) differs from %s/lib/wasm/wasm_exec.js (%d bytes)", len(got), goroot, len(want))
	}
}
