// Package vt runs goroutines in virtual time: Go, Sleep, a WaitGroup, a
// Mutex and channels, shaped like their namesakes in the go statement, time
// and sync, but driven by a discrete-event scheduler so that a run is exact
// and the same every time.
//
// Exactly one goroutine of a World runs at any moment, handed control by the
// scheduler; it runs until it blocks (Sleep, Wait, Lock, a receive) and the
// scheduler picks the next event, ordered by (time, phase, sequence). So the
// goroutines share memory without locks, the clock never reads the wall, and
// decisions that the rules make "at the same instant" (who gets the next
// room, the phone) are made once every goroutine that reaches that instant
// has asked: at the end of the instant, in rank order.
//
// The goroutine calling a primitive is implicit, as in Go: a primitive that
// blocks must be called from a goroutine started with World.Go.
package vt

import (
	"fmt"
	"iter"
	"slices"
)

// World is one run: its clock, its goroutines and what is scheduled.
type World struct {
	now     Time
	seq     uint64
	queue   eventQueue
	procs   []*proc
	running *proc // the goroutine running now; nil while the scheduler runs
	events  uint64
	story   string // the file whose lines parks are recorded at (see Site)
}

// proc is one goroutine of a World, run as an iter.Pull coroutine: resume
// runs it until it yields (blocks) or returns.
type proc struct {
	w      *World
	name   string
	rank   int
	resume func() (struct{}, bool)
	stop   func()
	yield  func(struct{}) bool
	done   bool
	parks  []Park
}

// phase orders simultaneous events: ordinary ones first, then the decisions
// made at the end of an instant. It sits in the top bit of an event's key,
// above the sequence number, so one comparison orders both.
const phaseSettle uint64 = 1 << 63

type event struct {
	at   Time
	key  uint64 // phase | sequence
	proc *proc  // the goroutine to resume, or nil for fn
	fn   func()
}

// abandoned unwinds a goroutine whose run was closed.
type abandoned struct{}

// NewWorld returns a world at time 0. story names the source file whose
// lines the parks are recorded at ("story.go"): the code that the goroutines
// run, not the primitives they call.
func NewWorld(story string) *World { return &World{story: story} }

// Now is the current virtual time.
func (w *World) Now() Time { return w.now }

// Events is how many events have run.
func (w *World) Events() uint64 { return w.events }

// Go starts f as a goroutine at the current time. Goroutines started at the
// same instant first run in the order Go was called; rank orders them in
// decisions made at the end of an instant (lower first).
func (w *World) Go(name string, rank int, f func()) {
	p := &proc{w: w, name: name, rank: rank}
	p.resume, p.stop = iter.Pull(func(yield func(struct{}) bool) {
		p.yield = yield
		defer func() { p.done = true }()
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(abandoned); !ok {
					panic(r) // a real bug: iter.Pull hands it to the scheduler
				}
			}
		}()
		f()
	})
	w.procs = append(w.procs, p)
	w.schedule(w.now, 0, p, nil)
}

// current is the goroutine calling a primitive.
func (w *World) current(what string) *proc {
	if w.running == nil {
		panic(fmt.Sprintf("vt: %s outside a goroutine of the world", what))
	}
	return w.running
}

// Sleep blocks the calling goroutine for d of virtual time.
func (w *World) Sleep(d Time) {
	if d.Sign() < 0 {
		panic("vt: negative sleep")
	}
	p := w.current("Sleep")
	w.schedule(w.now.Add(d), 0, p, nil)
	p.suspend(false)
}

// suspend hands control back to the scheduler until the goroutine is
// resumed, recording where in the story it waited. blocked says it waits for
// another goroutine (a lock, a group, a receive) rather than for time.
func (p *proc) suspend(blocked bool) {
	from := p.w.now
	if !p.yield(struct{}{}) {
		panic(abandoned{}) // the world was closed: unwind
	}
	// The stack is the same as when it blocked; read the line only for a
	// park that lasted (most decisions at an instant take no time).
	if to := p.w.now; to != from {
		p.parks = append(p.parks, Park{From: from, To: to, Blocked: blocked, Site: p.w.site()})
	}
}

// wake makes a blocked goroutine runnable now.
func (w *World) wake(p *proc) { w.schedule(w.now, 0, p, nil) }

// atEndOfInstant runs fn after every ordinary event of this instant.
func (w *World) atEndOfInstant(fn func()) { w.schedule(w.now, phaseSettle, nil, fn) }

func (w *World) schedule(at Time, phase uint64, p *proc, fn func()) {
	w.seq++
	w.queue.push(event{at: at, key: phase | w.seq, proc: p, fn: fn})
}

// Step runs the next event; it reports false when nothing is left. A
// goroutine that panics re-raises its panic here, in the caller.
func (w *World) Step() bool {
	if w.queue.len() == 0 {
		return false
	}
	ev := w.queue.pop()
	w.now = ev.at
	w.events++
	if ev.fn != nil {
		ev.fn()
		return true
	}
	if p := ev.proc; !p.done {
		w.running = p
		defer func() { w.running = nil }()
		p.resume()
	}
	return true
}

// RunFor runs up to n events; it reports false when nothing is left.
func (w *World) RunFor(n int) bool {
	for range n {
		if !w.Step() {
			return false
		}
	}
	return w.queue.len() > 0
}

// Stuck names the goroutines that have not returned. After a run, any are
// blocked on something that will never happen.
func (w *World) Stuck() []string {
	var out []string
	for _, p := range w.procs {
		if !p.done {
			out = append(out, p.name)
		}
	}
	return out
}

// Close abandons the run: every goroutine that has not returned unwinds
// (its deferred calls run) and ends before Close returns.
func (w *World) Close() {
	w.queue.items = w.queue.items[:0]
	for _, p := range w.procs {
		p.stop()
	}
}

// Goroutine is the record of one goroutine of a run.
type Goroutine struct {
	Name  string
	Rank  int
	Parks []Park // where it was parked, and when, in order
}

// Goroutines are the records of every goroutine, in the order they started.
func (w *World) Goroutines() []Goroutine {
	out := make([]Goroutine, len(w.procs))
	for i, p := range w.procs {
		out[i] = Goroutine{Name: p.name, Rank: p.rank, Parks: slices.Clip(p.parks)}
	}
	return out
}

// eventQueue is a binary min-heap of events.
type eventQueue struct{ items []event }

func (q *eventQueue) len() int { return len(q.items) }

func (a *event) less(b *event) bool {
	if c := a.at.Cmp(b.at); c != 0 {
		return c < 0
	}
	return a.key < b.key
}

func (q *eventQueue) push(ev event) {
	q.items = append(q.items, ev)
	i := len(q.items) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if !ev.less(&q.items[parent]) {
			break
		}
		q.items[i] = q.items[parent]
		i = parent
	}
	q.items[i] = ev
}

func (q *eventQueue) pop() event {
	items := q.items
	top, n := items[0], len(items)-1
	last := items[n]
	items[n] = event{}
	q.items = items[:n]
	if n == 0 {
		return top
	}
	i := 0
	for {
		c := 2*i + 1
		if c >= n {
			break
		}
		if r := c + 1; r < n && items[r].less(&items[c]) {
			c = r
		}
		if !items[c].less(&last) {
			break
		}
		items[i] = items[c]
		i = c
	}
	items[i] = last
	return top
}
