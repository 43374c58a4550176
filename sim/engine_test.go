package sim

import (
	"fmt"
	"slices"
	"testing"

	"go.uber.org/goleak"
)

// handoffWorld is a run that exercises every way control moves: processes
// handing off to each other, waking one another, callbacks, processes
// ending (their goroutine's end resumes whoever was parked at their gate)
// and processes left passive for Close to unwind.
func handoffWorld(log *[]string, deferred *int) *Engine {
	e := NewEngine()
	var sleepers []*Proc
	for i := range 6 {
		e.Go(fmt.Sprint("p", i), i, func(p *Proc) {
			defer func() { *deferred++ }()
			for k := range 4 + i {
				*log = append(*log, fmt.Sprintf("%v %s.%d", p.Now(), p.Name, k))
				p.Wait(Whole(int64((i*7 + k*3) % 5)))
				if k == 2 && i%2 == 0 {
					e.AtEndOfInstant(func() { *log = append(*log, fmt.Sprintf("%v settle by %s", e.Now(), p.Name)) })
				}
				if k == 1 && len(sleepers) > 0 {
					e.Activate(sleepers[0])
					sleepers = sleepers[1:]
				}
			}
			if i >= 4 {
				// Passive for good: only Close ends these.
				p.Passivate()
			}
		})
	}
	for i := range 2 {
		sleepers = append(sleepers, e.Go(fmt.Sprint("sleeper", i), 10+i, func(p *Proc) {
			defer func() { *deferred++ }()
			p.Passivate()
			*log = append(*log, fmt.Sprintf("%v %s woken", p.Now(), p.Name))
			p.Wait(Whole(2))
			*log = append(*log, fmt.Sprintf("%v %s done", p.Now(), p.Name))
		}))
	}
	return e
}

// Handing control straight from process to process gives exactly the run
// that going back to the caller after every event gives; a run can stop
// after any number of events and go on; Close unwinds whatever is left, with
// no goroutine left behind.
func TestDirectHandoffs(t *testing.T) {
	var stepLog []string
	stepDeferred := 0
	e := handoffWorld(&stepLog, &stepDeferred)
	steps := 0
	for e.Step() {
		steps++
	}
	if stuck := len(e.Stuck()); stuck != 2 {
		t.Errorf("%d processes stuck, want the 2 passive ones", stuck)
	}
	e.Close()
	if stepDeferred != 8 {
		t.Errorf("one event at a time: %d of 8 processes ran their deferred calls", stepDeferred)
	}
	if len(stepLog) < 30 {
		t.Fatalf("only %d log lines: %q", len(stepLog), stepLog)
	}
	for _, slice := range []uint64{1 << 62, 1, 2, 5, 17} {
		var log []string
		deferred := 0
		e := handoffWorld(&log, &deferred)
		n := 0
		for e.RunFor(slice) {
			n++
		}
		if !slices.Equal(log, stepLog) {
			t.Errorf("in slices of %d events the run differs:\n%q\nwant\n%q", slice, log, stepLog)
		}
		if e.Events() != uint64(steps) {
			t.Errorf("in slices of %d: %d events, want %d", slice, e.Events(), steps)
		}
		e.Close()
		e.Close() // again: harmless
		if deferred != 8 {
			t.Errorf("in slices of %d: %d of 8 processes ran their deferred calls", slice, deferred)
		}
	}
	// Closed midway, with control having passed between processes.
	var log []string
	deferred := 0
	e = handoffWorld(&log, &deferred)
	e.RunFor(uint64(steps / 2))
	e.Close()
	if deferred != 8 || e.RunFor(1) {
		t.Errorf("closed midway: %d of 8 deferred calls ran; runs after Close: %v", deferred, e.RunFor(1))
	}
	goleak.VerifyNone(t, leakOptions...)
}

// A panic in a process body reaches the caller of Run even when control had
// passed from process to process, and Close still cleans up.
func TestPanicAfterHandoffs(t *testing.T) {
	e := NewEngine()
	for i := range 3 {
		e.Go("p", i, func(p *Proc) {
			for k := range 5 {
				p.Wait(Whole(1))
				if i == 1 && k == 3 {
					panic(fmt.Sprintf("boom in %d", i))
				}
			}
		})
	}
	runExpectingPanic(t, e, "boom in 1")
}

// A callback that panics while the process that scheduled it is ending (so
// it runs on a goroutine about to finish) still reaches Run's caller.
func TestPanicInCallbackAsAProcessEnds(t *testing.T) {
	e := NewEngine()
	e.Go("a", 0, func(p *Proc) {
		e.AtEndOfInstant(func() { panic("callback boom") })
	})
	runExpectingPanic(t, e, "callback boom")
}

// runExpectingPanic runs e, wanting Run to panic with want; then it closes e
// and checks that no goroutine is left.
func runExpectingPanic(t *testing.T, e *Engine, want string) {
	t.Helper()
	func() {
		defer func() {
			if r := recover(); r != want {
				t.Errorf("recovered %v, want %s", r, want)
			}
		}()
		e.Run()
	}()
	e.Close()
	goleak.VerifyNone(t, leakOptions...)
}
