//go:build e2e

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// RealState mirrors state().real.
type RealState struct {
	Running     bool    `json:"running"`
	Runs        int     `json:"runs"`
	GOMAXPROCS  int     `json:"gomaxprocs"`
	Browser     bool    `json:"browser"`
	MsPerMinute float64 `json:"msPerMinute"`
	Model       struct {
		Makespan     float64 `json:"makespan"`
		CleaningDone float64 `json:"cleaningDone"`
	} `json:"model"`
	Measured struct {
		Makespan     float64 `json:"makespan"`
		CleaningDone float64 `json:"cleaningDone"`
	} `json:"measured"`
	Why   string `json:"why"`
	Error string `json:"error"`
}

// realSample is one look at the page while the real run runs, taken by a
// timer in the page: a look happens only when the page has the thread.
type realSample struct {
	T       float64 `json:"t"`
	Frames  int     `json:"frames"`
	Running bool    `json:"running"`
	Runs    int     `json:"runs"`
}

// The real panel in the browser: the story runs on real goroutines on Go's
// one thread (GOMAXPROCS 1), so parallelism-1's two cleaners take about as
// long as one doing both, and the page keeps drawing while it runs.
func TestRealPanelInBrowser(t *testing.T) {
	tb := newTab(t)
	tb.open("/?view=real&scenario=parallelism-1&autoplay=0&mute=1")
	// Look at the page every 10 ms until two runs are done.
	mustEval[bool](tb, `(function(){
		window.realSamples = [];
		var id = setInterval(function(){
			var r = window.chores.state().real || {};
			window.realSamples.push({t: performance.now(), frames: window.chores.state().frames, running: !!r.running, runs: r.runs || 0});
			if ((r.runs || 0) >= 2 || window.realSamples.length > 20000) clearInterval(id);
		}, 10);
		return true;
	})()`)
	tb.waitJS("the first real run", `(window.chores.state().real || {}).runs >= 1`, time.Minute)
	r := mustEval[RealState](tb, `window.chores.state().real`)
	t.Logf("browser, parallelism-1: model makespan %g, cleaning done %g; measured makespan %g, cleaning done %g; GOMAXPROCS %d, %g ms a minute; %q",
		r.Model.Makespan, r.Model.CleaningDone, r.Measured.Makespan, r.Measured.CleaningDone, r.GOMAXPROCS, r.MsPerMinute, r.Why)
	if r.GOMAXPROCS != 1 || !r.Browser || r.Error != "" {
		t.Fatalf("real: %+v, want GOMAXPROCS 1 in the browser", r)
	}
	if r.Model.CleaningDone != 30 || r.Model.Makespan != 75 {
		t.Fatalf("the model's figures: %+v", r.Model)
	}
	// One thread: the two cleaners share it, so the cleaning takes about
	// the 60 minutes one person would (loose: the machine is shared).
	if r.Measured.CleaningDone < 1.6*r.Model.CleaningDone || r.Measured.Makespan < r.Model.Makespan {
		t.Errorf("measured %+v against the model's %+v: one thread should make the cleaning about twice as long", r.Measured, r.Model)
	}
	tb.screenshot("real-browser-parallelism-1")

	// Run it again with Enter, and watch the frames while it runs.
	tb.clickScene() // focus the canvas (a press on the panel does nothing)
	if err := tb.do(stepTimeout, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	tb.waitJS("the second real run", `(window.chores.state().real || {}).runs >= 2`, time.Minute)
	samples := mustEval[[]realSample](tb, `window.realSamples`)
	first, last, gap := -1, -1, 0.0
	for i, s := range samples {
		if s.Running && s.Runs == 1 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		t.Fatalf("the page never looked while the second run ran (%d samples): it had no thread", len(samples))
	}
	end := min(last+1, len(samples)-1) // the first look after the run
	for i := first + 1; i <= end; i++ {
		gap = max(gap, samples[i].T-samples[i-1].T)
	}
	frames := samples[end].Frames - samples[first].Frames
	t.Logf("while the real run ran: %d looks over %.0f ms, %d frames drawn, longest gap between looks %.0f ms",
		end-first+1, samples[end].T-samples[first].T, frames, gap)
	if frames < 3 {
		t.Errorf("only %d frames drawn while the real run ran", frames)
	}
	// The run takes a share of each frame and waits for the next (the
	// frame gate); on a quiet machine the longest gap is a frame or two.
	// The bound is loose: a shared machine draws its frames late anyway.
	if gap > 250 {
		t.Errorf("the page went %.0f ms without a look while the real run ran", gap)
	}
	r = mustEval[RealState](tb, `window.chores.state().real`)
	t.Logf("second run: measured makespan %g, cleaning done %g", r.Measured.Makespan, r.Measured.CleaningDone)
}

// concurrency-1 in the browser: one cleaner, the listening beside it; the
// figures are logged for the README.
func TestRealPanelConcurrencyInBrowser(t *testing.T) {
	tb := newTab(t)
	tb.open("/?view=real&scenario=concurrency-1&autoplay=0&mute=1")
	tb.waitJS("the first real run", `(window.chores.state().real || {}).runs >= 1`, time.Minute)
	r := mustEval[RealState](tb, `window.chores.state().real`)
	t.Logf("browser, concurrency-1: model makespan %g, cleaning done %g; measured makespan %g, cleaning done %g; GOMAXPROCS %d; %q",
		r.Model.Makespan, r.Model.CleaningDone, r.Measured.Makespan, r.Measured.CleaningDone, r.GOMAXPROCS, r.Why)
	if r.GOMAXPROCS != 1 || r.Measured.Makespan < 0.9*r.Model.Makespan {
		t.Errorf("real: %+v", r)
	}
	tb.screenshot("real-browser-concurrency-1")
}
