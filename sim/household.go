package sim

import (
	"context"
	"fmt"
	"slices"
)

// This file is the story as the engine runs it: every cleaner and every
// listening is a process written as plain sequential Go. The game's code view
// shows this file, so it is meant to read like the rules in DESIGN.md.

// Simulate runs a scenario to its end and returns the full result.
func Simulate(s Scenario) (*Result, error) {
	return SimulateContext(context.Background(), s)
}

// SimulateContext is Simulate that gives up when ctx is done. Either way, no
// goroutine of the run is left behind when it returns.
func SimulateContext(ctx context.Context, s Scenario) (res *Result, err error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	defer func() {
		// Validate keeps time arithmetic in range; should it ever not, the
		// run says so instead of giving a wrong answer.
		if r := recover(); r != nil {
			if _, ok := r.(overflowError); !ok {
				panic(r)
			}
			res, err = nil, fmt.Errorf("sim: %s: %v", s.Name, r)
		}
	}()
	h := newHousehold(&s)
	defer h.eng.Close()
	h.start()
	// In slices of events, so a cancelled ctx is noticed soon; within a
	// slice, control passes from process to process directly.
	for h.eng.RunFor(256) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	if stuck := h.eng.Stuck(); len(stuck) > 0 {
		// Every rule ends; a process left waiting is a bug in the model.
		return nil, fmt.Errorf("sim: %s never finished", stuck[0].Name)
	}
	return h.rec.result(&s, h.devices, h.deviceOf, h.eng.procs), nil
}

// household is the state one run shares between its processes. Only one
// process runs at a time, so none of it needs a lock.
type household struct {
	s        *Scenario
	eng      *Engine
	rec      *recorder
	rooms    *roomQueue
	finished []*signal // per person: their share of the cleaning is done
	deviceOf []*device // per person: what they hear the podcast through
	devices  []*device
	episode  Time
}

func newHousehold(s *Scenario) *household {
	h := &household{
		s:        s,
		eng:      NewEngine(),
		rec:      newRecorder(s),
		finished: make([]*signal, len(s.People)),
		deviceOf: make([]*device, len(s.People)),
		episode:  minutesOf(s.Podcast.Minutes),
	}
	h.rooms = &roomQueue{eng: h.eng, rooms: s.Rooms}
	for i := range s.People {
		h.finished[i] = &signal{eng: h.eng}
	}
	h.pickDevices()
	return h
}

// pickDevices applies rule 3: the home theatre when there is one; otherwise
// the listener's own phone; otherwise the first phone in the house.
func (h *household) pickDevices() {
	byOwner := map[int]*device{}
	get := func(owner int) *device {
		if d, ok := byOwner[owner]; ok {
			return d
		}
		d := &device{eng: h.eng, index: len(h.devices), owner: owner, share: h.s.Share}
		if owner < 0 {
			d.name, d.share = "home theatre", ShareTogether // rule 5: always together
		} else {
			d.name = phoneName(h.s.People[owner].Name)
		}
		if d.share == ShareTurns {
			d.handoff = minutesOf(h.s.HandoffMinutes)
		}
		byOwner[owner] = d
		h.devices = append(h.devices, d)
		return d
	}
	for i, p := range h.s.People {
		if !slices.Contains(h.s.Podcast.Listeners, p.Name) {
			continue
		}
		var d *device
		if h.s.HomeTheatre {
			d = get(-1)
		} else {
			d = get(h.s.phoneFor(i))
		}
		d.listeners++
		h.deviceOf[i] = d
	}
}

// start launches one process per cleaner and one per listening, in people
// order, all at minute 0.
func (h *household) start() {
	for i, p := range h.s.People {
		if slices.Contains(h.s.Cleaners, p.Name) {
			h.eng.Go(p.Name+" cleaning", i, func(proc *Proc) { h.clean(proc, i) })
		} else {
			h.finished[i].fire() // nothing to clean: ready from the start
		}
	}
	for i := range h.s.People {
		if h.deviceOf[i] != nil {
			h.eng.Go(h.s.People[i].Name+" listening", i, func(proc *Proc) { h.listen(proc, i) })
		}
	}
}

// clean is rule 1: take the next room whenever free, clean it whole, repeat.
func (h *household) clean(p *Proc, who int) {
	speed := h.s.People[who].Speed
	for {
		room, ok := h.rooms.take(p)
		if !ok {
			break
		}
		start := p.Now()
		p.Wait(cleaningTime(h.s.Rooms[room].Work, speed))
		h.rec.cleaned(who, room, start, p.Now())
	}
	h.finished[who].fire()
}

// listen is rules 2, 4 and 5: wait until ready, get the device, hear the
// whole episode once.
func (h *household) listen(p *Proc, who int) {
	if h.s.Listen == ListenAfter {
		h.finished[who].wait(p)
	}
	d := h.deviceOf[who]
	ready := p.Now()
	d.acquire(p)
	if start := p.Now(); ready.Less(start) {
		h.rec.waited(who, d.index, ready, start)
	}
	start := p.Now()
	p.Wait(h.episode)
	h.rec.listened(who, d.index, start, p.Now())
	d.release()
}

// signal is a one-shot event processes can wait for.
type signal struct {
	eng     *Engine
	fired   bool
	waiters []*Proc
}

func (s *signal) fire() {
	s.fired = true
	for _, p := range s.waiters {
		s.eng.Activate(p)
	}
	s.waiters = nil
}

func (s *signal) wait(p *Proc) {
	if s.fired {
		return
	}
	s.waiters = append(s.waiters, p)
	p.Passivate()
}

// roomQueue hands out rooms in listed order, like a channel of rooms read by
// a pool of workers. Cleaners that become free at the same minute are served
// at the end of that minute in people order (rule 1).
type roomQueue struct {
	eng       *Engine
	rooms     []Room
	next      int
	pending   []*Proc
	got       map[*Proc]int
	scheduled bool
}

// take returns the next room for p, or false when none are left.
func (q *roomQueue) take(p *Proc) (int, bool) {
	q.pending = append(q.pending, p)
	if !q.scheduled {
		q.scheduled = true
		q.eng.AtEndOfInstant(q.dispatch)
	}
	p.Passivate()
	room, ok := q.got[p]
	delete(q.got, p)
	return room, ok
}

func (q *roomQueue) dispatch() {
	q.scheduled = false
	slices.SortFunc(q.pending, func(a, b *Proc) int { return a.Rank - b.Rank })
	if q.got == nil {
		q.got = map[*Proc]int{}
	}
	for _, p := range q.pending {
		if q.next < len(q.rooms) {
			q.got[p] = q.next
			q.next++
		}
		q.eng.Activate(p)
	}
	q.pending = q.pending[:0]
}

// device is a phone or the home theatre. Shared in turns, it plays for one
// listener at a time, first come first served, with a handoff between turns.
// Shared together, its stream starts once all of its listeners are ready and
// serves them all at once.
type device struct {
	eng       *Engine
	index     int
	name      string
	owner     int // person index, or -1 for the home theatre
	share     string
	handoff   Time
	listeners int // how many people hear the podcast through it

	// turns
	busy   bool
	freeAt Time // the end of the last turn plus the handoff
	queue  []request

	// together
	arrived []*Proc
}

type request struct {
	p     *Proc
	ready Time
}

// acquire returns when the device starts playing for p.
func (d *device) acquire(p *Proc) {
	if d.share == ShareTogether {
		d.arrived = append(d.arrived, p)
		if len(d.arrived) < d.listeners {
			p.Passivate()
			return
		}
		for _, q := range d.arrived[:len(d.arrived)-1] {
			d.eng.Activate(q)
		}
		return
	}
	// Decide at the end of the instant, so that everyone who becomes ready
	// at this minute is in the queue. A decision with nothing to do is a
	// no-op, so extra ones are harmless.
	d.queue = append(d.queue, request{p, d.eng.Now()})
	d.eng.AtEndOfInstant(d.dispatch)
	p.Passivate()
}

func (d *device) dispatch() {
	if d.busy || d.eng.Now().Less(d.freeAt) || len(d.queue) == 0 {
		return
	}
	// First come first served: earliest ready time, then people order.
	i := 0
	for j, r := range d.queue {
		best := d.queue[i]
		if c := r.ready.Cmp(best.ready); c < 0 || (c == 0 && r.p.Rank < best.p.Rank) {
			i = j
		}
	}
	r := d.queue[i]
	d.queue = slices.Delete(d.queue, i, i+1)
	d.busy = true
	d.eng.Activate(r.p)
}

// release ends a listener's turn (turns) or is a no-op (together: the stream
// ends for everyone at once).
func (d *device) release() {
	if d.share == ShareTogether {
		return
	}
	d.busy = false
	d.freeAt = d.eng.Now().Add(d.handoff)
	d.eng.After(d.handoff, d.dispatch)
}

// phoneName is how captions and the timeline name a person's phone.
func phoneName(owner string) string {
	if owner == "You" {
		return "your phone"
	}
	return owner + "'s phone"
}
