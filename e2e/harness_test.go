//go:build e2e

// This file is long because it is the one harness every browser test
// shares: the server, the browser, a tab with what it saw, state(),
// waiting, screenshots.

// Package e2e drives the built web playground (dist/) in headless Chromium:
// the page, its URL parameters, the window.chores API, postMessage, audio,
// embeds, and that nothing leaves the origin.
//
// Run it with `make test-e2e`, or:
//
//	make web && CHORES_DIST=$PWD/dist xvfb-run -a go test -count=1 -tags e2e -v ./e2e/
//
// Screenshots go to $CHORES_SHOTS, or testdata/screenshots in the repository.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"chores/web/server"
)

const (
	viewW, viewH   = 1280, 800
	smallW, smallH = 480, 300
	// loadTimeout bounds the time from navigation to window.chores: a 20 MB
	// wasm compiled under SwiftShader takes 1–3 s here; allow for a busy CI.
	loadTimeout = 45 * time.Second
	// stepTimeout bounds one wait for a state change.
	stepTimeout = 15 * time.Second
)

var (
	dist       string             // the built dist/ folder
	srv        *httptest.Server   // serves dist/ plus the test pages
	origin     string             // srv.URL
	browserCtx context.Context    // the browser's lifetime
	shotsDir   string             // where screenshots go
	shotsMu    sync.Mutex         // guards shotsTaken
	shotsTaken []string           // files written, for the final log
	stopAll    context.CancelFunc // ends the browser
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dist = os.Getenv("CHORES_DIST")
	if dist == "" {
		fmt.Fprintln(os.Stderr, "e2e: CHORES_DIST is not set. Build the page with `make web` and run with CHORES_DIST=$PWD/dist (or use `make test-e2e`).")
		return 1
	}
	if abs, err := filepath.Abs(dist); err == nil {
		dist = abs
	}
	if _, err := os.Stat(filepath.Join(dist, "chores.wasm")); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %s has no chores.wasm (%v). Run `make web` first.\n", dist, err)
		return 1
	}

	shotsDir = os.Getenv("CHORES_SHOTS")
	if shotsDir == "" {
		shotsDir = filepath.Join("..", "testdata", "screenshots")
	}
	if abs, err := filepath.Abs(shotsDir); err == nil {
		shotsDir = abs
	}
	if err := os.MkdirAll(shotsDir, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: cannot create the screenshot folder: %v\n", err)
		return 1
	}

	mux := http.NewServeMux()
	mux.Handle("/", server.New(dist))
	mux.HandleFunc("/host.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, hostPage)
	})
	// The real page, pointed at a wasm file that does not exist: the error
	// panel must say so.
	mux.HandleFunc("/visible.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, visiblePage)
	})
	mux.HandleFunc("/many.html", serveMany)
	mux.HandleFunc("/missing-wasm.html", func(w http.ResponseWriter, r *http.Request) {
		page, err := os.ReadFile(filepath.Join(dist, "index.html"))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		page = bytes.Replace(page, []byte(`data-wasm="chores.wasm"`), []byte(`data-wasm="missing.wasm"`), 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()
	origin = srv.URL

	profile, err := os.MkdirTemp("", "chores-e2e-profile-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		return 1
	}
	defer os.RemoveAll(profile)

	chrome := os.Getenv("CHORES_CHROME")
	if chrome == "" {
		chrome = "/usr/bin/chromium"
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(profile),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	stopAll = cancel
	defer cancel()
	// The first Run starts the browser; its context is the browser's lifetime.
	if err := chromedp.Do(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: cannot start Chromium (%s): %v\n", chrome, err)
		return 1
	}
	browserCtx = ctx

	code := m.Run()

	shotsMu.Lock()
	if len(shotsTaken) > 0 {
		fmt.Printf("e2e: %d screenshots in %s\n", len(shotsTaken), shotsDir)
	}
	shotsMu.Unlock()
	return code
}

// hostPage embeds the playground like a blog post does, remembers the latest
// state the embed posts, and counts the messages.
const hostPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>host</title></head>
<body style="margin:0">
<iframe id="embed" src="/index.html?ui=minimal&load=now" width="480" height="300" style="border:0"></iframe>
<script>
window.lastState = null;
window.stateMessages = 0;
window.otherMessages = 0;
window.addEventListener("message", function (ev) {
  var d = ev.data;
  if (ev.source === document.getElementById("embed").contentWindow && d && d.chores === "state") {
    window.lastState = d;
    window.stateMessages++;
  } else {
    window.otherMessages++;
  }
});
window.send = function (msg) {
  document.getElementById("embed").contentWindow.postMessage(msg, "*");
};
// ?early=1: post commands as soon as the iframe's document has loaded, which
// is before the wasm is compiled: the loader must queue and replay them.
if (location.search === "?early=1") {
  document.getElementById("embed").addEventListener("load", function () {
    var w = document.getElementById("embed").contentWindow;
    window.earlyBeforeReady = !w.chores;
    window.send({chores: "pause"});
    window.send({chores: "scenario", value: "parallelism-1"});
    window.send({chores: "pause"});
    window.send({chores: "seek", value: 33});
    window.send({chores: "speed", value: 4});
  });
}
</script>
</body></html>`

// ---------------------------------------------------------------- state

// State mirrors window.chores.state() (game/state.go's Snapshot).
type State struct {
	Scenario  string     `json:"scenario"`
	Title     string     `json:"title"`
	Minute    float64    `json:"minute"`
	Playing   bool       `json:"playing"`
	Speed     float64    `json:"speed"`
	Done      bool       `json:"done"`
	Makespan  float64    `json:"makespan"`
	Frames    int        `json:"frames"`
	Hidden    int        `json:"hiddenFrames"`
	Visible   bool       `json:"visible"`
	FPS       float64    `json:"fps"`
	TPS       float64    `json:"tps"`
	Error     string     `json:"error"`
	Caption   string     `json:"caption"`
	UI        string     `json:"ui"`
	Audio     AudioState `json:"audio"`
	Waiting   []string   `json:"waiting"`
	Listening []string   `json:"listening"`
	Still     int        `json:"stillFrames"`
	Repainted float64    `json:"repainted"`
	View      string     `json:"view"`
	Loop      bool       `json:"loop"`
	Figures   Figures    `json:"figures"`
	Theme     string     `json:"theme"`

	raw string
}

// Figures mirrors state().figures: what the figures panel shows.
type Figures struct {
	Makespan    float64 `json:"makespan"`
	Speedup     float64 `json:"speedup"`
	Parallelism float64 `json:"parallelism"`
	Overlap     float64 `json:"overlap"`
	Waiting     float64 `json:"waiting"`
	Final       bool    `json:"final"`
}

// AudioState mirrors state().audio.
type AudioState struct {
	Ready    bool    `json:"ready"`
	Playing  bool    `json:"playing"`
	Muted    bool    `json:"muted"`
	Position float64 `json:"position"`
	Volume   float64 `json:"volume"`
}

func (s State) String() string { return s.raw }

// -------------------------------------------------------------------- tab

// tab is one browser tab with what it saw: console errors, exceptions and
// every request.
type tab struct {
	t    *testing.T
	ctx  context.Context
	w, h int64 // the viewport

	mu       sync.Mutex
	errors   []string     // exceptions, console.error calls, error log entries
	requests []string     // every URL requested, in order
	allow    []string     // substrings of errors this test expects
	onEvent  func(ev any) // a test's own listener (see onEvents), called off the event loop
}

// onEvents sends every event of the tab to f, each on its own goroutine
// (so f may send commands, which a listener itself must not).
func (tb *tab) onEvents(f func(ev any)) {
	tb.mu.Lock()
	tb.onEvent = f
	tb.mu.Unlock()
}

// newTab opens a fresh tab at 1280x800. When the test ends the tab closes
// and the test fails if the tab had an uncaught exception, a console error
// or a request that left the origin.
func newTab(t *testing.T) *tab {
	t.Helper()
	return newTabSize(t, viewW, viewH)
}

// newTabSize opens a tab with a w x h viewport. SwiftShader's cost grows
// with the pixels: tests that do not look at the picture use a small one.
func newTabSize(t *testing.T, w, h int64) *tab {
	t.Helper()
	tb := &tab{t: t, w: w, h: h}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithListener(tb.listen))
	tb.ctx = ctx
	// The first Run opens the tab: no timeout on it (it would bind the tab).
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h)); err != nil {
		cancel()
		t.Fatalf("cannot open a tab: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		tb.checkClean()
	})
	return tb
}

// listen runs in the tab's event loop: record only, return fast.
func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	f := tb.onEvent
	tb.mu.Unlock()
	if f != nil {
		go f(ev)
	}
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		tb.note("uncaught exception: " + exceptionText(ev.ExceptionDetails))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			tb.note("console." + string(ev.Type) + ": " + argsText(ev.Args))
		}
	case *log.EventEntryAdded:
		// Browser-side errors the console shows too: failed loads, blocked
		// requests, security and CSP violations.
		if ev.Entry != nil && ev.Entry.Level == log.EntryLevelError {
			tb.note("console (" + string(ev.Entry.Source) + "): " + ev.Entry.Text + " " + ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		if ev.Request != nil {
			tb.mu.Lock()
			tb.requests = append(tb.requests, ev.Request.URL)
			tb.mu.Unlock()
		}
	}
}

func (tb *tab) note(s string) {
	tb.mu.Lock()
	tb.errors = append(tb.errors, s)
	tb.mu.Unlock()
}

// allowErrors says which console errors this test provokes on purpose.
func (tb *tab) allowErrors(substrings ...string) {
	tb.mu.Lock()
	tb.allow = append(tb.allow, substrings...)
	tb.mu.Unlock()
}

// consoleErrors returns the errors not allowed by allowErrors.
func (tb *tab) consoleErrors() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var out []string
next:
	for _, e := range tb.errors {
		// Chromium asks for /favicon.ico when a page declares no icon,
		// logs the 404 as a console error, and then remembers the failure
		// for the rest of the run: which tab sees it depends on the order
		// of the tests. TestPageLoadsAndDraws checks for an icon directly.
		if strings.Contains(e, "/favicon.ico") {
			continue
		}
		for _, a := range tb.allow {
			if strings.Contains(e, a) {
				continue next
			}
		}
		out = append(out, e)
	}
	return out
}

// foreignRequests returns the requests that left the test server's origin.
// data: and blob: URLs never reach the network (the page makes them from
// bytes it already has), so they are not requests to another origin.
func (tb *tab) foreignRequests() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var out []string
	for _, u := range tb.requests {
		if u == origin || strings.HasPrefix(u, origin+"/") ||
			strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") {
			continue
		}
		out = append(out, u)
	}
	return out
}

func (tb *tab) checkClean() {
	t := tb.t
	if errs := tb.consoleErrors(); len(errs) > 0 {
		t.Errorf("the page logged %d error(s):\n  %s", len(errs), strings.Join(errs, "\n  "))
	}
	if foreign := tb.foreignRequests(); len(foreign) > 0 {
		t.Errorf("requests left the origin %s:\n  %s", origin, strings.Join(foreign, "\n  "))
	}
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "?"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	if d.URL != "" {
		s += fmt.Sprintf(" (%s:%d)", d.URL, d.LineNumber+1)
	}
	return s
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a == nil:
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// do runs actions with a timeout.
func (tb *tab) do(d time.Duration, steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(tb.ctx, d)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// eval evaluates a JavaScript expression and decodes its JSON result into T.
// The expression's value goes through JSON.stringify in the page, so T sees
// exactly what a page script would.
func evalJS[T any](tb *tab, expr string) (T, error) {
	var v T
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		"(async () => JSON.stringify(await (async () => ("+expr+"))()))()",
		chromedp.EvalAwaitPromise))
	if err != nil {
		return v, fmt.Errorf("evaluating %s: %w", expr, err)
	}
	if s == "" || s == "undefined" {
		return v, fmt.Errorf("evaluating %s: undefined", expr)
	}
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return v, fmt.Errorf("evaluating %s: decoding %q: %w", expr, s, err)
	}
	return v, nil
}

// mustEval is evalJS that fails the test.
func mustEval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := evalJS[T](tb, expr)
	if err != nil {
		tb.t.Fatal(err)
	}
	return v
}

// win is the JavaScript window a test talks to: "window" for the page, or
// an iframe's contentWindow.
type win string

const top win = "window"

func frameWin(i int) win {
	return win(fmt.Sprintf("document.querySelectorAll('iframe')[%d].contentWindow", i))
}

// stateOf reads w.chores.state().
func (tb *tab) stateOf(w win) (State, error) {
	raw, err := evalJS[json.RawMessage](tb, string(w)+".chores.state()")
	if err != nil {
		return State{}, err
	}
	var s State
	if err := json.Unmarshal(raw, &s); err != nil {
		return State{}, fmt.Errorf("decoding state %s: %w", raw, err)
	}
	s.raw = string(raw)
	return s, nil
}

func (tb *tab) state() State {
	tb.t.Helper()
	s, err := tb.stateOf(top)
	if err != nil {
		tb.t.Fatal(err)
	}
	return s
}

// call calls w.chores.<name>(args...) and returns its result as JSON.
func (tb *tab) call(w win, name string, args ...string) map[string]any {
	tb.t.Helper()
	return mustEval[map[string]any](tb, fmt.Sprintf("%s.chores.%s(%s)", w, name, strings.Join(args, ", ")))
}

// callOK calls and fails the test unless the result is {ok: true}.
func (tb *tab) callOK(w win, name string, args ...string) {
	tb.t.Helper()
	if res := tb.call(w, name, args...); res["ok"] != true {
		tb.t.Fatalf("%s(%s) = %v, want {ok: true}", name, strings.Join(args, ", "), res)
	}
}

// open navigates to path (relative to the server) and waits for window.chores.
func (tb *tab) open(path string) State {
	tb.t.Helper()
	tb.navigate(path)
	return tb.waitReady(top)
}

func (tb *tab) navigate(path string) {
	tb.t.Helper()
	if err := tb.do(loadTimeout, chromedp.Navigate(origin+path)); err != nil {
		tb.t.Fatalf("navigating to %s: %v", path, err)
	}
}

// waitReady waits until w.chores.state() works and at least one frame was
// drawn or skipped, and returns that state.
func (tb *tab) waitReady(w win) State {
	tb.t.Helper()
	deadline := time.Now().Add(loadTimeout)
	var lastErr error
	for time.Now().Before(deadline) {
		ok, err := evalJS[bool](tb, fmt.Sprintf("!!(%s && %s.chores && typeof %s.chores.state === 'function')", w, w, w))
		if msg, _ := evalJS[string](tb, fmt.Sprintf("(function(){try{var d=%s.document;var e=d.getElementById('error');return e&&!e.hidden?d.getElementById('error-message').textContent:''}catch(e){return ''}})()", w)); msg != "" {
			tb.t.Fatalf("%s shows the error panel instead of the game: %s", w, msg)
		}
		if err == nil && ok {
			s, err := tb.stateOf(w)
			if err == nil && s.Frames+s.Hidden > 0 {
				return s
			}
			lastErr = err
		} else {
			lastErr = err
		}
		time.Sleep(100 * time.Millisecond)
	}
	panel, _ := evalJS[string](tb, fmt.Sprintf("(function(){try{var d=%s.document;var e=d.getElementById('error');return e&&!e.hidden?d.getElementById('error-message').textContent:'(no error panel)'}catch(e){return String(e)}})()", w))
	tb.t.Fatalf("%s.chores did not become ready within %v (last error: %v; error panel: %s)", w, loadTimeout, lastErr, panel)
	return State{}
}

// waitState polls w's state until cond holds, and fails with the last state
// after timeout.
func (tb *tab) waitState(w win, what string, timeout time.Duration, cond func(State) bool) State {
	tb.t.Helper()
	deadline := time.Now().Add(timeout)
	var last State
	var lastErr error
	for {
		s, err := tb.stateOf(w)
		if err == nil {
			last = s
			if cond(s) {
				return s
			}
		}
		lastErr = err
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(80 * time.Millisecond)
	}
	tb.t.Fatalf("timed out after %v waiting for %s (%s); last state: %s; last error: %v", timeout, what, w, last, lastErr)
	return last
}

// wait is waitState on the top window with the step timeout.
func (tb *tab) wait(what string, cond func(State) bool) State {
	tb.t.Helper()
	return tb.waitState(top, what, stepTimeout, cond)
}

// framesAdvance checks that w draws: frames grow over about a second.
func (tb *tab) framesAdvance(w win, what string) {
	tb.t.Helper()
	a, err := tb.stateOf(w)
	if err != nil {
		tb.t.Fatal(err)
	}
	tb.waitState(w, what+": frames advancing", 10*time.Second, func(s State) bool {
		return s.Frames >= a.Frames+2
	})
}

// waitJS polls a JavaScript condition.
func (tb *tab) waitJS(what, expr string, timeout time.Duration) {
	tb.t.Helper()
	deadline := time.Now().Add(timeout)
	var lastErr error
	for time.Now().Before(deadline) {
		ok, err := evalJS[bool](tb, expr)
		if err == nil && ok {
			return
		}
		lastErr = err
		time.Sleep(100 * time.Millisecond)
	}
	tb.t.Fatalf("timed out after %v waiting for %s (%s); last error: %v", timeout, what, expr, lastErr)
}

// ------------------------------------------------------------ screenshots

// screenshot captures the viewport, saves it as name.png in the screenshot
// folder, and returns the decoded image.
func (tb *tab) screenshot(name string) image.Image {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	file := filepath.Join(shotsDir, name+".png")
	if err := os.WriteFile(file, buf, 0o644); err != nil {
		tb.t.Fatalf("saving %s: %v", file, err)
	}
	shotsMu.Lock()
	shotsTaken = append(shotsTaken, file)
	shotsMu.Unlock()
	tb.t.Logf("screenshot: %s", file)
	return img
}

// distinctColors counts the colors of img (every 2nd pixel, 4 bits per
// channel: enough to tell a drawing from a blank or a flat panel).
func distinctColors(img image.Image) int {
	seen := map[uint16]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[uint16(r>>12)<<8|uint16(g>>12)<<4|uint16(bl>>12)] = true
		}
	}
	return len(seen)
}

// clickScene clicks the house (a real, trusted mouse click: it unlocks
// audio). In the full UI a click on the house changes nothing else; the
// point is left of centre and above the middle, inside the house at every
// size the tests use.
func (tb *tab) clickScene() {
	tb.t.Helper()
	if err := tb.do(stepTimeout, chromedp.MouseClickXY(float64(tb.w)*0.4, float64(tb.h)*0.4)); err != nil {
		tb.t.Fatalf("clicking the scene: %v", err)
	}
}
