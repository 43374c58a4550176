package realrun

import (
	"context"
	"errors"
	"sync"

	"chores/game/play"
	"chores/sim"
)

// RunFunc is a real run: sim.RunReal, or a fake in tests.
type RunFunc func(ctx context.Context, s sim.Scenario, o sim.RealOptions) (*sim.RealResult, error)

// MaxProcs bounds the GOMAXPROCS a learner can ask for: more processors than
// cleaners change nothing, and the largest household has fewer cleaners.
const MaxProcs = 64

// Runner runs the story for real beside the game: one run at a time, on a
// goroutine of its own, its result read without blocking (Poll, in
// Update). The panel opening starts a run; the story changing or the panel
// closing cancels it.
type Runner struct {
	// Run is the real run; nil means sim.RunReal.
	Run RunFunc
	// Wake is called on the run's goroutine once its result is ready, so
	// that a resting game draws it (ebiten.ScheduleFrame).
	Wake func()
	// Browser: Go has one thread (js/wasm). The run yields to the page
	// (Yield) and GOMAXPROCS is left alone: it is 1 there, whatever is asked.
	Browser bool
	// Yield is passed to the run (sim.BrowserYield in the browser).
	Yield func()

	story   *play.Story // the story of the run in flight or shown
	procs   int         // GOMAXPROCS asked for; 0 until a story is known
	cancel  context.CancelFunc
	done    chan outcome // the run in flight's, or nil
	runs    int          // runs finished
	last    *sim.RealResult
	lastErr string
	why     string         // Why of last
	turn    sync.Mutex     // one RunReal at a time: each sets GOMAXPROCS and puts it back
	wg      sync.WaitGroup // the runs' goroutines
}

type outcome struct {
	res *sim.RealResult
	err error
}

// Sync is called once a frame: with show (the panel is open) it starts a
// run of st if none was started for it, and takes a finished run's result;
// without, it cancels the run in flight and forgets the story, so that
// opening the panel again runs again.
func (r *Runner) Sync(show bool, st *play.Story) {
	if !show {
		if r.story != nil {
			r.stop()
			r.story = nil
		}
		return
	}
	if st != r.story {
		if r.story == nil || Cleaners(st.Result) != Cleaners(r.story.Result) {
			r.procs = 0 // a new household: the default for its cleaners
		}
		r.story, r.last, r.lastErr, r.why = st, nil, "", ""
		r.start()
	}
	r.Poll()
}

// Again runs the shown story again (Enter, the "run again" button).
func (r *Runner) Again() {
	if r.story != nil {
		r.start()
	}
}

// AddProcs changes the GOMAXPROCS asked for by d (the panel's − and +, the
// , and . keys) and runs again with it. Not in the browser: one thread.
func (r *Runner) AddProcs(d int) {
	if r.Browser || r.story == nil {
		return
	}
	n := max(1, min(r.Procs()+d, r.MaxProcs()))
	if n == r.Procs() {
		return
	}
	r.procs = n
	r.start()
}

// Procs is the GOMAXPROCS the next run asks for: as many as the story has
// cleaners unless the learner chose, 1 in the browser.
func (r *Runner) Procs() int {
	switch {
	case r.Browser:
		return 1
	case r.procs > 0:
		return r.procs
	case r.story == nil:
		return 1
	}
	return max(1, min(Cleaners(r.story.Result), MaxProcs))
}

// MaxProcs is the most the control goes up to: one processor per cleaner
// (and at least two, so the control always shows a difference to try).
func (r *Runner) MaxProcs() int {
	if r.Browser || r.story == nil {
		return 1
	}
	return max(2, min(Cleaners(r.story.Result), MaxProcs))
}

func (r *Runner) start() {
	r.stop()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan outcome, 1) // the goroutine never blocks on it
	r.cancel, r.done = cancel, done
	run := r.Run
	if run == nil {
		run = sim.RunReal
	}
	o := sim.RealOptions{Yield: r.Yield}
	if !r.Browser {
		o.GOMAXPROCS = r.Procs()
	}
	s, wake := r.story.Scenario, r.Wake
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		r.turn.Lock()
		res, err := run(ctx, s, o)
		r.turn.Unlock()
		done <- outcome{res, err}
		if wake != nil {
			wake()
		}
	}()
}

// stop cancels the run in flight without waiting for it: its goroutine ends
// within a slice of work, and its result goes into a channel nobody reads.
func (r *Runner) stop() {
	if r.cancel != nil {
		r.cancel()
		r.cancel, r.done = nil, nil
	}
}

// Poll takes the result of the run in flight if it has arrived. It never
// blocks.
func (r *Runner) Poll() {
	if r.done == nil {
		return
	}
	select {
	case o := <-r.done:
		r.cancel()
		r.cancel, r.done = nil, nil
		switch {
		case o.err == nil:
			r.last, r.lastErr, r.why = o.res, "", Why(o.res, r.Browser)
			r.runs++
		case !errors.Is(o.err, context.Canceled):
			r.lastErr = o.err.Error()
		}
	default:
	}
}

// Wait waits for the run in flight to end, and takes its result (for
// tests and tools: the game never waits).
func (r *Runner) Wait() {
	r.wg.Wait()
	r.Poll()
}

// Close cancels the run in flight and waits until every goroutine the
// runner started has ended.
func (r *Runner) Close() {
	r.stop()
	r.wg.Wait()
}

// Running reports whether a run is in flight.
func (r *Runner) Running() bool { return r.done != nil }

// Runs is how many runs finished.
func (r *Runner) Runs() int { return r.runs }

// Result is the latest finished run of the shown story, or nil.
func (r *Runner) Result() *sim.RealResult { return r.last }

// Why is the sentence of why the latest run differs from the model.
func (r *Runner) Why() string { return r.why }

// Err is why the latest run failed, or "".
func (r *Runner) Err() string { return r.lastErr }

// Cleaners is how many people clean in a run.
func Cleaners(res *sim.Result) int {
	n := 0
	for _, p := range res.People {
		if !p.Cleaning.IsZero() {
			n++
		}
	}
	return n
}
