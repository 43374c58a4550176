//go:build !js

// This file is long because it holds every browser measurement of make
// bench (first frame, FPS, embeds, heap soak) with the one harness they
// share; each is a function of its own.

package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"chores/internal/headless"
	"chores/sim"
)

const (
	loadTimeout = 60 * time.Second // navigation to first frame, generously
	evalTimeout = 20 * time.Second
)

// tab is one browser tab; it remembers the page's uncaught exceptions.
type tab struct {
	ctx   context.Context
	close context.CancelFunc

	mu   sync.Mutex
	errs []string
}

// newTab opens a fresh tab at the default viewport, optionally with the
// HTTP cache disabled.
func newTab(browser context.Context, noCache bool) (*tab, error) {
	tb := &tab{}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(tb.listen))
	tb.ctx, tb.close = ctx, cancel
	steps := []chromedp.Action[chromedp.Void]{headless.Viewport()}
	if noCache {
		steps = append(steps, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
			return err
		}))
	}
	// The first Run opens the tab: no timeout on it (it would bind the tab).
	if err := chromedp.Do(ctx, steps...); err != nil {
		cancel()
		return nil, fmt.Errorf("opening a tab: %w", err)
	}
	return tb, nil
}

func (tb *tab) listen(ev any) {
	if ev, ok := ev.(*runtime.EventExceptionThrown); ok && ev.ExceptionDetails != nil {
		d := ev.ExceptionDetails
		s := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			s += " " + d.Exception.Description
		}
		tb.mu.Lock()
		tb.errs = append(tb.errs, s)
		tb.mu.Unlock()
	}
}

func (tb *tab) exceptions() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.errs...)
}

func (tb *tab) navigate(url string) error {
	ctx, cancel := context.WithTimeout(tb.ctx, loadTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("navigating to %s: %w", url, err)
	}
	return nil
}

// eval evaluates expr in the page and decodes its value (through
// JSON.stringify) into T.
func eval[T any](tb *tab, expr string) (T, error) {
	var v T
	ctx, cancel := context.WithTimeout(tb.ctx, evalTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string]("JSON.stringify(("+expr+"))"))
	if err != nil {
		return v, fmt.Errorf("evaluating %s: %w", abbrev(expr), err)
	}
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return v, fmt.Errorf("evaluating %s: decoding %q: %w", abbrev(expr), s, err)
	}
	return v, nil
}

func abbrev(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}

// waitFor evaluates expr every 50 ms until ok accepts its value.
func waitFor[T any](ctx context.Context, tb *tab, what, expr string, timeout time.Duration, ok func(T) bool) (T, error) {
	deadline := time.Now().Add(timeout)
	var last T
	var lastErr error
	for {
		v, err := eval[T](tb, expr)
		if err == nil && ok(v) {
			return v, nil
		}
		last, lastErr = v, err
		if time.Now().After(deadline) {
			ex := tb.exceptions()
			return last, fmt.Errorf("%s: not within %v (last value %+v, last error %v, page exceptions %q)", what, timeout, last, lastErr, ex)
		}
		if err := sleep(ctx, 50*time.Millisecond); err != nil {
			return last, err
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// The pages' own figures, the same shape for both programs.
type pageFigures struct {
	FirstFrameMs float64 `json:"firstFrameMs"`
	Frames       int     `json:"frames"`
	Hidden       int     `json:"hiddenFrames"`
	FPS          float64 `json:"fps"`
	TPS          float64 `json:"tps"`
	Visible      bool    `json:"visible"`
	HeapLive     uint64  `json:"heapLive"`
	GCCycles     uint64  `json:"gcCycles"`
	StillFrames  int     `json:"stillFrames"` // Chores: frames that changed no pixel
	Repainted    float64 `json:"repainted"`   // Chores: share of the screen repainted per frame, since the start
	Minute       float64 `json:"minute"`
	Playing      bool    `json:"playing"`
	Scenario     string  `json:"scenario"`
	T            float64 `json:"t"` // performance.now() when read
	Error        string  `json:"error"`
}

// program is one of the two pages under test.
type program struct {
	name  string
	state string // a JS expression for pageFigures
}

var (
	yardstick = program{"yardstick", `(() => {
		const r = window.yardstick || {};
		return {firstFrameMs: r.firstFrameMs || 0, frames: r.frames || 0, fps: r.fps || 0, tps: r.tps || 0,
			visible: true, t: performance.now(),
			error: document.body ? document.body.textContent.trim().slice(0, 300) : ""};
	})()`}
	chores = program{"Chores", `(() => {
		const e = document.getElementById("error");
		const error = e && !e.hidden ? document.getElementById("error-message").textContent : "";
		const s = window.chores && window.chores.state ? window.chores.state() : {};
		return Object.assign({}, s, {firstFrameMs: s.firstFrameMs || 0, frames: s.frames || 0,
			t: performance.now(), error: error || s.error || ""});
	})()`}
)

// waitFirstFrame waits until the page has drawn its first frame.
func waitFirstFrame(ctx context.Context, tb *tab, p program) (pageFigures, error) {
	return waitFor(ctx, tb, p.name+"'s first frame", p.state, loadTimeout, func(f pageFigures) bool {
		return f.FirstFrameMs > 0 && f.Frames > 0
	})
}

func startBrowser(ctx context.Context) (context.Context, func(), error) {
	b, stop, err := headless.Start(ctx)
	if err != nil {
		return nil, nil, err
	}
	return b, stop, nil
}

// measureFirstFrame loads each page loads times, alternating, each in a
// fresh tab with the cache disabled, and compares the medians of
// firstFrameMs.
func measureFirstFrame(ctx context.Context, choresURL, yardURL string, loads int) row {
	r := row{figure: fmt.Sprintf("first frame after navigation (median of %d)", loads), budget: "≤ 1.25x", limit: 1.25, atMost: true}
	browser, stop, err := startBrowser(ctx)
	if err != nil {
		return r.fail(err)
	}
	defer stop()
	got := map[string][]float64{}
	for i := range loads {
		for _, pp := range []struct {
			p   program
			url string
		}{{yardstick, yardURL + "/index.html"}, {chores, choresURL + "/index.html"}} {
			ms, err := loadOnce(ctx, browser, pp.p, pp.url)
			if err != nil {
				return r.fail(fmt.Errorf("load %d of %s: %w", i+1, pp.p.name, err))
			}
			got[pp.p.name] = append(got[pp.p.name], ms)
			logf("first frame, load %d: %s %.0f ms", i+1, pp.p.name, ms)
			// Let the closed tab's renderer go away before the next load.
			if err := sleep(ctx, time.Second); err != nil {
				return r.fail(err)
			}
		}
	}
	mc, my := median(got["Chores"]), median(got["yardstick"])
	r.chores, r.base = fmt.Sprintf("%.0f ms", mc), fmt.Sprintf("%.0f ms", my)
	r.setRatio(mc / my)
	r.details = append(r.details,
		fmt.Sprintf("ms since navigation, in load order (alternating, yardstick first): Chores %s, yardstick %s",
			fmtList(got["Chores"], "%.0f"), fmtList(got["yardstick"], "%.0f")))
	return r
}

func loadOnce(ctx context.Context, browser context.Context, p program, url string) (float64, error) {
	tb, err := newTab(browser, true)
	if err != nil {
		return 0, err
	}
	defer tb.close()
	if err := tb.navigate(url); err != nil {
		return 0, err
	}
	f, err := waitFirstFrame(ctx, tb, p)
	if err != nil {
		return 0, err
	}
	return f.FirstFrameMs, nil
}

// busiestQuery is the URL query of the busiest view: the largest scenario
// the limits allow, with the full interface, playing in a loop.
func busiestQuery() string {
	return "?config=" + base64.RawURLEncoding.EncodeToString(sim.Largest().JSON()) + "&ui=full&autoplay=1&loop=1"
}

type fpsResult struct {
	drawn     float64 // frames drawn per second
	engine    float64 // mean of ebiten.ActualFPS samples
	tps       float64
	frames    int
	seconds   float64
	canvas    string
	samples   []float64
	firstMs   float64
	scenario  string
	exception []string
	cpu       string // CPU use while counting
	still     int    // Chores: frames in the window that changed no pixel
	repainted float64
}

// measureFPS counts frames drawn in the busiest view of Chores and on the
// yardstick page, one after the other in the same browser.
func measureFPS(ctx context.Context, choresURL, yardURL string, warmup, window time.Duration) row {
	r := row{figure: "FPS, busiest view (8 people, 64 rooms, ui=full)", budget: "≥ 0.95x", limit: 0.95}
	browser, stop, err := startBrowser(ctx)
	if err != nil {
		return r.fail(err)
	}
	defer stop()
	y, err := fpsOnce(ctx, browser, yardstick, yardURL+"/index.html", warmup, window)
	if err != nil {
		return r.fail(fmt.Errorf("yardstick: %w", err))
	}
	c, err := fpsOnce(ctx, browser, chores, choresURL+"/index.html"+busiestQuery(), warmup, window)
	if err != nil {
		return r.fail(fmt.Errorf("the Chores page: %w", err))
	}
	if c.scenario != "largest" {
		return r.fail(fmt.Errorf("the Chores page shows scenario %q, not the largest", c.scenario))
	}
	// Chores paints only what changed (game/redraw); a frame where nothing
	// changed paints nothing. The frames that did paint are listed beside
	// the frames drawn, so the figure is not flattered by still frames.
	changed := float64(c.frames-c.still) / c.seconds
	r.chores = fmt.Sprintf("%.1f fps (ebiten %.1f; %.1f fps changed pixels)", c.drawn, c.engine, changed)
	r.base = fmt.Sprintf("%.1f fps (ebiten %.1f)", y.drawn, y.engine)
	r.setRatio(c.drawn / y.drawn)
	for _, x := range []struct {
		name string
		f    fpsResult
	}{{"yardstick", y}, {"Chores", c}} {
		r.details = append(r.details, fmt.Sprintf("%s: %d frames in %.2f s after a %v warm-up = %.2f fps drawn; ActualFPS samples %s (mean %.2f), TPS %.1f; canvas %s; the browser used %s",
			x.name, x.f.frames, x.f.seconds, warmup, x.f.drawn, fmtList(x.f.samples, "%.1f"), x.f.engine, x.f.tps, x.f.canvas, x.f.cpu))
		if len(x.f.exception) > 0 {
			r.details = append(r.details, fmt.Sprintf("%s: page exceptions %q", x.name, x.f.exception))
		}
	}
	r.details = append(r.details, fmt.Sprintf("Chores: of the %d frames drawn, %d changed pixels (%.2f fps, %.2fx the yardstick's frames) and %d changed none; %.1f%% of the screen repainted per frame on average since the page loaded",
		c.frames, c.frames-c.still, changed, changed/y.drawn, c.still, 100*c.repainted))
	r.details = append(r.details, fmt.Sprintf("Chores URL: index.html?config=<%d characters: base64url of sim.Largest().JSON()>&ui=full&autoplay=1&loop=1", len(busiestQuery())-len("?config=&ui=full&autoplay=1&loop=1")))
	return r
}

func fpsOnce(ctx context.Context, browser context.Context, p program, url string, warmup, window time.Duration) (fpsResult, error) {
	var res fpsResult
	tb, err := newTab(browser, false)
	if err != nil {
		return res, err
	}
	defer tb.close()
	if err := tb.navigate(url); err != nil {
		return res, err
	}
	f, err := waitFirstFrame(ctx, tb, p)
	if err != nil {
		return res, err
	}
	res.firstMs = f.FirstFrameMs
	logf("fps: %s drew its first frame; warming up %v", p.name, warmup)
	if err := sleep(ctx, warmup); err != nil {
		return res, err
	}
	w := watchOthers()
	a, err := eval[pageFigures](tb, p.state)
	if err != nil {
		return res, err
	}
	var b pageFigures
	end := time.Now().Add(window)
	for {
		if err := sleep(ctx, min(time.Second, time.Until(end))); err != nil {
			return res, err
		}
		b, err = eval[pageFigures](tb, p.state)
		if err != nil {
			return res, err
		}
		res.samples = append(res.samples, b.FPS)
		if !time.Now().Before(end) {
			break
		}
	}
	_, _, own, ownTop := w.split()
	res.cpu = fmt.Sprintf("%.0f%% of one CPU (%s)", own*100, ownTop)
	if !b.Visible {
		return res, fmt.Errorf("%s reports itself out of view", p.name)
	}
	res.frames = b.Frames - a.Frames
	res.still, res.repainted = b.StillFrames-a.StillFrames, b.Repainted
	res.seconds = (b.T - a.T) / 1000
	res.drawn = float64(res.frames) / res.seconds
	var sum float64
	for _, s := range res.samples {
		sum += s
	}
	res.engine = sum / float64(len(res.samples))
	res.tps = b.TPS
	res.scenario = b.Scenario
	res.canvas, _ = eval[string](tb, `(() => { const c = document.querySelector("canvas"); return c ? c.width + "x" + c.height + " px" : "none" })()`)
	res.exception = tb.exceptions()
	logf("fps: %s drew %d frames in %.2f s: %.2f fps (ActualFPS mean %.2f)", p.name, res.frames, res.seconds, res.drawn, res.engine)
	return res, nil
}

// inViewIndex is the embed of embed-example.html that loads at once (the first
// waits for a click), and inViewEmbed scrolls it to the top of the window.
const (
	inViewIndex = 1
	inViewEmbed = `(document.querySelectorAll("iframe")[1].scrollIntoView({block: "start"}), true)`
)

// frameState reads state() of the i-th iframe, or null before it runs.
func frameState(i int) string {
	return fmt.Sprintf(`(() => {
		try {
			const w = document.querySelectorAll("iframe")[%d].contentWindow;
			if (!w || !w.chores || !w.chores.state) return null;
			const s = w.chores.state();
			return {frames: s.frames, hiddenFrames: s.hiddenFrames, visible: s.visible, scenario: s.scenario, t: performance.now()};
		} catch (e) { return null; }
	})()`, i)
}

// measureEmbed checks that an embed scrolled out of view draws nothing.
func measureEmbed(ctx context.Context, choresURL string) row {
	r := row{figure: "embed out of view, frames drawn per second", budget: "0 /s"}
	browser, stop, err := startBrowser(ctx)
	if err != nil {
		return r.fail(err)
	}
	defer stop()
	tb, err := newTab(browser, false)
	if err != nil {
		return r.fail(err)
	}
	defer tb.close()
	if err := tb.navigate(choresURL + "/embed-example.html"); err != nil {
		return r.fail(err)
	}
	// The post's first embed waits for a click (load=click); the second
	// loads at once (load=now): it is the one in view, at the top of the
	// window, and the third (load=visible) below the fold.
	if _, err := eval[bool](tb, inViewEmbed); err != nil {
		return r.fail(err)
	}
	below, err := eval[bool](tb, `document.querySelectorAll("iframe")[2].getBoundingClientRect().top > innerHeight`)
	if err != nil {
		return r.fail(err)
	}
	if !below {
		return r.fail(fmt.Errorf("the third embed is not below the fold at %dx%d", headless.Width, headless.Height))
	}
	running := func(f *pageFigures) bool { return f != nil && f.Frames > 0 }
	if _, err := waitFor(ctx, tb, "the first embed drawing", frameState(inViewIndex), loadTimeout, running); err != nil {
		return r.fail(err)
	}
	if err := sleep(ctx, time.Second); err != nil {
		return r.fail(err)
	}
	atTop, _ := eval[*pageFigures](tb, frameState(2))
	loadedAtTop := "had not loaded at the top (lazy iframe)"
	if atTop != nil {
		loadedAtTop = fmt.Sprintf("had loaded at the top (frames %d, hiddenFrames %d)", atTop.Frames, atTop.Hidden)
	}
	// Bring it into view until it draws, then scroll past it.
	if _, err := eval[bool](tb, `(document.querySelectorAll("iframe")[2].scrollIntoView({block: "center"}), true)`); err != nil {
		return r.fail(err)
	}
	inView, err := waitFor(ctx, tb, "the third embed drawing in view", frameState(2), loadTimeout, func(f *pageFigures) bool {
		return running(f) && f.Visible
	})
	if err != nil {
		return r.fail(err)
	}
	if err := sleep(ctx, time.Second); err != nil {
		return r.fail(err)
	}
	if _, err := eval[bool](tb, inViewEmbed); err != nil {
		return r.fail(err)
	}
	if _, err := waitFor(ctx, tb, "the third embed out of view", frameState(2), 15*time.Second, func(f *pageFigures) bool {
		return f != nil && !f.Visible
	}); err != nil {
		return r.fail(err)
	}
	if err := sleep(ctx, time.Second); err != nil {
		return r.fail(err)
	}
	a3, err1 := eval[*pageFigures](tb, frameState(2))
	a1, err2 := eval[*pageFigures](tb, frameState(inViewIndex))
	if err := sleep(ctx, 5*time.Second); err != nil {
		return r.fail(err)
	}
	b3, err3 := eval[*pageFigures](tb, frameState(2))
	b1, err4 := eval[*pageFigures](tb, frameState(inViewIndex))
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			return r.fail(err)
		}
	}
	if a3 == nil || b3 == nil || a1 == nil || b1 == nil {
		return r.fail(fmt.Errorf("an embed stopped answering"))
	}
	s3 := (b3.T - a3.T) / 1000
	fps3 := float64(b3.Frames-a3.Frames) / s3
	fps1 := float64(b1.Frames-a1.Frames) / ((b1.T - a1.T) / 1000)
	r.chores = fmt.Sprintf("%.1f /s (hiddenFrames +%d)", fps3, b3.Hidden-a3.Hidden)
	r.base = fmt.Sprintf("first embed, in view: %.1f /s", fps1)
	r.verdict(b3.Frames == a3.Frames && b1.Frames > a1.Frames)
	r.details = append(r.details,
		fmt.Sprintf("third embed (%s) %s; in view it drew (frames %d); scrolled back out of view over %.2f s: frames %d → %d, hiddenFrames %d → %d, visible=%v",
			b3.Scenario, loadedAtTop, inView.Frames, s3, a3.Frames, b3.Frames, a3.Hidden, b3.Hidden, b3.Visible),
		fmt.Sprintf("first embed (%s), in view, same interval: frames %d → %d", b1.Scenario, a1.Frames, b1.Frames))
	if b1.Frames <= a1.Frames {
		r.details = append(r.details, "the first embed did not draw either: the measurement is not conclusive")
	}
	if ex := tb.exceptions(); len(ex) > 0 {
		r.details = append(r.details, fmt.Sprintf("page exceptions: %q", ex))
	}
	logf("embed: out of view %.1f frames/s (hidden +%d); first embed %.1f frames/s", fps3, b3.Hidden-a3.Hidden, fps1)
	return r
}

// measureHeap plays best-of-both in a loop for soak and compares the live
// heap at the end with the live heap after 1 minute.
func measureHeap(ctx context.Context, choresURL string, soak time.Duration) row {
	r := row{figure: fmt.Sprintf("Go heap (live) after %v vs after 1m of looping playback", soak), budget: "within ±5%"}
	if soak < budgetSoak {
		r.budget += fmt.Sprintf(" (soak %v < the budget's %v)", soak, budgetSoak)
	}
	browser, stop, err := startBrowser(ctx)
	if err != nil {
		return r.fail(err)
	}
	defer stop()
	tb, err := newTab(browser, false)
	if err != nil {
		return r.fail(err)
	}
	defer tb.close()
	const query = "?scenario=best-of-both&ui=full&loop=1&autoplay=1&mute=1"
	if err := tb.navigate(choresURL + "/index.html" + query); err != nil {
		return r.fail(err)
	}
	if _, err := waitFirstFrame(ctx, tb, chores); err != nil {
		return r.fail(err)
	}
	start := time.Now()
	logf("heap: playing best-of-both in a loop for %v", soak)
	var (
		at1, atEnd pageFigures
		have1      bool
		loops      int
		lastMinute = -1.0
		byMinute   []string
		lo, hi     uint64 = math.MaxUint64, 0
		first      pageFigures
		mark1      uint64 // the collection count the 1-minute reading must reach
		markEnd    uint64 // likewise for the reading at the end
	)
	const every = 5 * time.Second
	for n := 1; ; n++ {
		if err := sleep(ctx, time.Until(start.Add(time.Duration(n)*every))); err != nil {
			return r.fail(err)
		}
		f, err := eval[pageFigures](tb, chores.state)
		if err != nil {
			return r.fail(err)
		}
		if f.Error != "" {
			return r.fail(fmt.Errorf("the page reports an error: %s", f.Error))
		}
		if n == 1 {
			first = f
		}
		if f.Minute+1 < lastMinute {
			loops++
		}
		lastMinute = f.Minute
		elapsed := time.Duration(n) * every
		if elapsed >= time.Minute && f.HeapLive > 0 {
			lo, hi = min(lo, f.HeapLive), max(hi, f.HeapLive)
		}
		if elapsed%time.Minute == 0 {
			byMinute = append(byMinute, fmt.Sprintf("%dm %s", elapsed/time.Minute, mb(int64(f.HeapLive))))
			logf("heap: %v: heapLive %s, minute %.1f of the story, %d loops, %d frames", elapsed, mb(int64(f.HeapLive)), f.Minute, loops, f.Frames)
		}
		// The live heap is measured by the collector, so a reading counts
		// only once a collection has run after its mark: the first reading
		// must not be left over from a collection at the start.
		if elapsed >= time.Minute && !have1 {
			if mark1 == 0 {
				mark1 = f.GCCycles + 1
			}
			if f.GCCycles >= mark1 {
				at1, have1 = f, true
			}
		}
		if elapsed >= soak && have1 {
			if markEnd == 0 {
				markEnd = f.GCCycles + 1
			}
			if f.GCCycles >= markEnd || elapsed >= soak+time.Minute {
				atEnd = f
				break
			}
		}
	}
	if at1.HeapLive == 0 || atEnd.HeapLive == 0 {
		return r.fail(fmt.Errorf("heapLive is 0 (after 1m: %d, at the end: %d)", at1.HeapLive, atEnd.HeapLive))
	}
	ratio := float64(atEnd.HeapLive) / float64(at1.HeapLive)
	r.chores = fmt.Sprintf("%s after %v", mb(int64(atEnd.HeapLive)), soak)
	r.base = fmt.Sprintf("%s after 1m", mb(int64(at1.HeapLive)))
	r.ratio, r.hasRatio = ratio, true
	r.verdict(math.Abs(ratio-1) <= 0.05)
	r.details = append(r.details,
		fmt.Sprintf("index.html%s; heapLive %d bytes after 1m, %d bytes after %v (%+.1f%%); between them min %s, max %s", query, at1.HeapLive, atEnd.HeapLive, soak, (ratio-1)*100, mb(int64(lo)), mb(int64(hi))),
		fmt.Sprintf("by minute: %s", strings.Join(byMinute, ", ")),
		fmt.Sprintf("playback looped %d times (story minute %.1f at 5 s, %.1f at the end; scenario %s); %d frames drawn, %d skipped as hidden",
			loops, first.Minute, atEnd.Minute, atEnd.Scenario, atEnd.Frames, atEnd.Hidden))
	if loops == 0 {
		r.details = append(r.details, "playback did not loop during the soak")
	}
	if ex := tb.exceptions(); len(ex) > 0 {
		r.details = append(r.details, fmt.Sprintf("page exceptions: %q", ex))
	}
	if soak < budgetSoak {
		r.details = append(r.details, fmt.Sprintf("the soak was %v, shorter than the budget's %v: a quick check, not a verdict", soak, budgetSoak))
	}
	logf("heap: %s after 1m, %s after %v (%.3fx)", r.base, r.chores, soak, ratio)
	return r
}
