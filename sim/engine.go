package sim

import (
	"iter"
)

// Engine is a discrete-event scheduler whose processes are goroutines.
//
// Each process is ordinary sequential Go (see Proc.Wait). It runs in its own
// goroutine, started through iter.Pull, so switching between the engine and a
// process is a direct coroutine switch: the runtime hands the thread from one
// goroutine to the other without going through the scheduler's run queue.
// Exactly one goroutine — the engine's caller or one process — runs at any
// moment, so processes share the engine's state without locks.
//
// Events are ordered by (time, phase, sequence). The sequence number is given
// when an event is scheduled, so simultaneous events run in the order they
// were created: the run is deterministic. The phase lets a resource make its
// decisions at the end of an instant (after every ordinary event at that
// time), so requests made at the same minute are all seen together and can be
// served in a fair order instead of in the order the goroutines happened to
// run.
type Engine struct {
	now    Time
	seq    uint64
	queue  eventQueue
	procs  []*Proc
	live   int // processes started and not yet finished
	closed bool
	events uint64
}

// Proc is one process: a goroutine that runs a body function and waits in
// virtual time.
type Proc struct {
	eng   *Engine
	Name  string
	Rank  int // tie-break order among simultaneous requests (people order)
	next  func() (struct{}, bool)
	stop  func()
	yield func(struct{}) bool
	done  bool
	call  func() // set only on the stand-ins that carry callbacks
}

// phase orders simultaneous events: ordinary ones first, then end-of-instant
// decisions. It is stored in the top bit of an event's key, above the
// sequence number, so one comparison orders both.
type phase uint64

const (
	phaseNow    phase = 0
	phaseSettle phase = 1 << 63
)

// event is kept to three words: the heap moves events around on every push
// and pop, and that copying is most of the engine's cost per event.
type event struct {
	at   Time
	key  uint64 // phase | sequence
	proc *Proc  // the process to resume, or a stand-in carrying a callback
}

// errAbandoned unwinds a process whose run was abandoned (Engine.Close).
type abandoned struct{}

// NewEngine returns an engine at time 0 with nothing scheduled.
func NewEngine() *Engine {
	return &Engine{queue: eventQueue{items: make([]event, 0, 64)}}
}

// Now is the current virtual time.
func (e *Engine) Now() Time { return e.now }

// Events is how many events the engine has run so far.
func (e *Engine) Events() uint64 { return e.events }

// Go starts a process at the current time. Processes started at the same
// instant first run in the order Go was called.
func (e *Engine) Go(name string, rank int, body func(p *Proc)) *Proc {
	p := &Proc{eng: e, Name: name, Rank: rank}
	seq := func(yield func(struct{}) bool) {
		defer func() {
			// A process unwound by Close ends quietly; anything else is a
			// real bug and keeps panicking, through next(), to the caller.
			if r := recover(); r != nil {
				if _, ok := r.(abandoned); !ok {
					panic(r)
				}
			}
		}()
		p.yield = yield
		body(p)
	}
	p.next, p.stop = iter.Pull(seq)
	e.procs = append(e.procs, p)
	e.live++
	e.schedule(e.now, phaseNow, p, nil)
	return p
}

// Wait suspends the process for d of virtual time.
func (p *Proc) Wait(d Time) {
	if d < 0 {
		panic("sim: negative wait")
	}
	p.eng.schedule(p.eng.now+d, phaseNow, p, nil)
	p.suspend()
}

// Passivate suspends the process until something calls Engine.Activate on it.
func (p *Proc) Passivate() { p.suspend() }

// Now is the current virtual time.
func (p *Proc) Now() Time { return p.eng.now }

// suspend hands control back to the engine. It returns when the engine
// resumes this process, or unwinds the goroutine if the run is abandoned.
func (p *Proc) suspend() {
	if !p.yield(struct{}{}) {
		panic(abandoned{})
	}
}

// Activate schedules a passive process to resume now.
func (e *Engine) Activate(p *Proc) { e.schedule(e.now, phaseNow, p, nil) }

// AtEndOfInstant runs fn after every ordinary event at the current time.
func (e *Engine) AtEndOfInstant(fn func()) { e.schedule(e.now, phaseSettle, nil, fn) }

// After runs fn at the end of the instant d from now.
func (e *Engine) After(d Time, fn func()) { e.schedule(e.now+d, phaseSettle, nil, fn) }

func (e *Engine) schedule(at Time, ph phase, p *Proc, fn func()) {
	e.seq++
	if fn != nil {
		p = &Proc{call: fn}
	}
	e.queue.push(event{at: at, key: uint64(ph) | e.seq, proc: p})
}

// Step runs the next event. It reports false when nothing is left.
func (e *Engine) Step() bool {
	if e.closed || e.queue.len() == 0 {
		return false
	}
	ev := e.queue.pop()
	e.now = ev.at
	e.events++
	p := ev.proc
	if p.call != nil {
		p.call()
		return true
	}
	if _, ok := p.next(); !ok {
		// The body returned: its goroutine has already ended.
		p.done = true
		e.live--
	}
	return true
}

// Run runs events until none are left.
func (e *Engine) Run() {
	for e.Step() {
	}
}

// Stuck lists the processes that have not finished. After Run, a non-empty
// list means they wait for something that will never happen.
func (e *Engine) Stuck() []*Proc {
	var out []*Proc
	for _, p := range e.procs {
		if !p.done {
			out = append(out, p)
		}
	}
	return out
}

// Close abandons the run: every unfinished process is unwound (its deferred
// calls run) and its goroutine ends before Close returns. Close is safe to call
// more than once and after Run.
func (e *Engine) Close() {
	e.closed = true
	for _, p := range e.procs {
		if !p.done {
			p.stop()
			p.done = true
			e.live--
		}
	}
	e.queue.items = e.queue.items[:0]
}

// eventQueue is a binary min-heap of events, typed to avoid the interface
// boxing (and allocation) of container/heap. Sifting moves a hole instead of
// swapping, which halves the copying.
type eventQueue struct{ items []event }

func (q *eventQueue) len() int { return len(q.items) }

func (a *event) less(b *event) bool {
	return a.at < b.at || (a.at == b.at && a.key < b.key)
}

func (q *eventQueue) push(ev event) {
	q.items = append(q.items, ev)
	items := q.items
	i := len(items) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if !ev.less(&items[parent]) {
			break
		}
		items[i] = items[parent]
		i = parent
	}
	items[i] = ev
}

func (q *eventQueue) pop() event {
	items := q.items
	top := items[0]
	n := len(items) - 1
	last := items[n]
	items[n] = event{}
	items = items[:n]
	q.items = items
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
