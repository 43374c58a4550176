package sim

import (
	"iter"
)

// Engine is a discrete-event scheduler whose processes are goroutines.
//
// Each process is ordinary sequential Go (see Proc.Wait) running in its own
// goroutine. Exactly one goroutine — the engine's caller or one process —
// runs at any moment, so processes share the engine's state without locks.
//
// Control is handed from process to process directly. A process that waits
// takes the next event off the queue itself: a callback it runs on the spot,
// and a process's turn it hands over with one coroutine switch, straight to
// that process's goroutine (see handOff). Going back through a central
// scheduler goroutine would take two switches per event, and a coroutine
// switch costs about as much as all the rest of an event. When the next event
// is the waiting process's own, there is no switch at all.
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
	events uint64

	caller actor  // the goroutine that called Run or Step
	budget uint64 // events the current Run or Step may still run
	closed bool   // Close has begun: parked processes unwind when resumed

	// Set by a process whose goroutine is ending, for the goroutine its end
	// resumes: who runs next (see handOff).
	heir    *actor
	failure any // a panic in a process body, re-raised in the caller
}

// Proc is one process: a goroutine that runs a body function and waits in
// virtual time.
type Proc struct {
	eng   *Engine
	Name  string
	Rank  int // tie-break order among simultaneous requests (people order)
	actor actor
	done  bool
	call  func() // set only on the stand-ins that carry callbacks

	// Parks are the stretches of virtual time the process spent suspended,
	// in order, with where in its code it was: what the code view marks.
	Parks []Park
}

// An actor is a goroutine that can be parked: the engine's caller or a
// process.
type actor struct {
	at *gate // the gate it is parked at, while it is not running
}

// A gate is one iter.Pull coroutine, used as a parking place. iter.Pull's
// next and yield both do the same thing underneath: they switch the running
// goroutine with the one parked at the coroutine, and park the runner there.
// So handing control from goroutine A to goroutine B is a pass through the
// gate where B is parked, which leaves A parked at it. Gates change hands
// this way; the engine keeps track of who is parked where. Each process's
// goroutine is the one its own gate started, and when that goroutine ends,
// its gate closes and whoever was parked at it is resumed.
type gate struct {
	next    func() (struct{}, bool)
	yield   func(struct{}) bool
	viaNext bool // iter.Pull insists that next and yield alternate
}

// pass switches to the goroutine parked at g, parking the caller there. It
// returns when the caller is resumed: true when another goroutine passed
// through g, false when g's own goroutine ended.
func (g *gate) pass() bool {
	if g.viaNext {
		g.viaNext = false
		_, ok := g.next()
		return ok
	}
	g.viaNext = true
	return g.yield(struct{}{})
}

// phase orders simultaneous events: ordinary ones first, then end-of-instant
// decisions. It is stored in the top bit of an event's key, above the
// sequence number, so one comparison orders both.
type phase uint64

const (
	phaseNow    phase = 0
	phaseSettle phase = 1 << 63
)

// event is kept to four words: the heap moves events around on every push
// and pop, and that copying is a good part of the engine's cost per event.
type event struct {
	at   Time
	key  uint64 // phase | sequence
	proc *Proc  // the process to resume, or a stand-in carrying a callback
}

// abandoned unwinds a process whose run was abandoned (Engine.Close).
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
	g := &gate{viaNext: true} // a pass through it starts the goroutine
	seq := func(yield func(struct{}) bool) {
		g.yield = yield
		defer p.end()
		if e.closed {
			return // abandoned before it ever ran
		}
		body(p)
	}
	g.next, _ = iter.Pull(seq) // never stopped: the goroutine always ends by returning (see Close)
	p.actor.at = g
	e.procs = append(e.procs, p)
	e.schedule(e.now, phaseNow, p, nil)
	return p
}

// end runs last on a process's goroutine, as it ends. The goroutine's end
// resumes whoever is parked at its gate; end leaves word of who runs next.
func (p *Proc) end() {
	e := p.eng
	if r := recover(); r != nil {
		if _, ok := r.(abandoned); !ok && e.failure == nil {
			// A real bug: stop, and let the caller panic with it.
			e.failure, e.budget = r, 0
		}
	}
	p.done = true
	defer func() {
		// A callback run here that panics must still leave word of who
		// runs next: the caller, who then panics with it.
		if r := recover(); r != nil {
			if e.failure == nil {
				e.failure = r
			}
			e.budget, e.heir = 0, &e.caller
		}
	}()
	e.heir = e.nextActor()
}

// Wait suspends the process for d of virtual time.
func (p *Proc) Wait(d Time) {
	if d.Sign() < 0 {
		panic("sim: negative wait")
	}
	p.eng.schedule(p.eng.now.Add(d), phaseNow, p, nil)
	p.suspend(false)
}

// Passivate suspends the process until something calls Engine.Activate on it.
func (p *Proc) Passivate() { p.suspend(true) }

// Now is the current virtual time.
func (p *Proc) Now() Time { return p.eng.now }

// suspend lets the next event run. It returns when this process's turn
// comes, or unwinds the goroutine if the run is abandoned. blocked says
// whether the process waits for something (Passivate) rather than for time
// to pass (Wait); the park is recorded either way.
func (p *Proc) suspend(blocked bool) {
	e := p.eng
	park := Park{From: e.now, Blocked: blocked, Site: callSite()}
	if next := e.nextActor(); next != &p.actor {
		e.handOff(&p.actor, next)
	}
	if e.closed {
		panic(abandoned{})
	}
	park.To = e.now
	if park.To != park.From {
		p.Parks = append(p.Parks, park)
	}
}

// Activate schedules a passive process to resume now.
func (e *Engine) Activate(p *Proc) { e.schedule(e.now, phaseNow, p, nil) }

// AtEndOfInstant runs fn after every ordinary event at the current time.
func (e *Engine) AtEndOfInstant(fn func()) { e.schedule(e.now, phaseSettle, nil, fn) }

// After runs fn at the end of the instant d from now.
func (e *Engine) After(d Time, fn func()) { e.schedule(e.now.Add(d), phaseSettle, nil, fn) }

func (e *Engine) schedule(at Time, ph phase, p *Proc, fn func()) {
	e.seq++
	if fn != nil {
		p = &Proc{call: fn}
	}
	e.queue.push(event{at: at, key: uint64(ph) | e.seq, proc: p})
}

// nextActor runs events until one is a process's turn, and says whose: that
// process, or the caller once the queue is empty, the budget is spent or the
// run is being closed. Callbacks run right here, on whichever goroutine is
// running.
func (e *Engine) nextActor() *actor {
	for !e.closed && e.budget > 0 && e.queue.len() > 0 {
		ev := e.queue.pop()
		e.now = ev.at
		e.events++
		e.budget--
		p := ev.proc
		if p.call != nil {
			p.call()
			continue
		}
		if !p.done {
			return &p.actor
		}
	}
	return &e.caller
}

// handOff parks self and runs to. It returns when self's turn comes again.
func (e *Engine) handOff(self, to *actor) {
	for {
		g := to.at
		to.at, self.at = nil, g
		if g.pass() {
			return // someone handed control to self
		}
		// The goroutine that owned g ended and resumed self, which was
		// parked at g; it left word of who runs next.
		self.at = nil
		to, e.heir = e.heir, nil
		if to == self {
			return
		}
	}
}

// Step runs the next event. It reports false when nothing is left.
func (e *Engine) Step() bool { return e.run(1) }

// Run runs events until none are left.
func (e *Engine) Run() {
	for e.run(1 << 62) {
	}
}

// RunFor runs up to n events. It reports false when nothing is left.
func (e *Engine) RunFor(n uint64) bool { return e.run(n) }

// run runs up to n events from the caller's goroutine: control passes from
// process to process and comes back here when the n events have run or the
// queue is empty.
func (e *Engine) run(n uint64) bool {
	if e.closed || e.queue.len() == 0 {
		return false
	}
	e.budget = n
	if next := e.nextActor(); next != &e.caller {
		e.handOff(&e.caller, next)
	}
	e.budget = 0
	if r := e.failure; r != nil {
		e.failure = nil
		panic(r)
	}
	return true
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
//
// Each unfinished process is handed control once more; it sees the run is
// closed and unwinds. Its goroutine's end resumes whoever was parked at its
// gate, and that goroutine hands control back to the caller (nextActor says
// so once the run is closed), or unwinds too if it was another process.
func (e *Engine) Close() {
	e.closed = true
	e.queue.items = e.queue.items[:0]
	for _, p := range e.procs {
		if !p.done {
			e.handOff(&e.caller, &p.actor)
		}
	}
	e.failure = nil
}

// eventQueue is a binary min-heap of events, typed to avoid the interface
// boxing (and allocation) of container/heap. Sifting moves a hole instead of
// swapping, which halves the copying.
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
