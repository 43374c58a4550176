package vt

import "cmp"

// WaitGroup waits for a count of things to be done, like sync.WaitGroup.
type WaitGroup struct {
	w       *World
	n       int
	waiters []*proc
}

// NewWaitGroup returns a group at zero.
func (w *World) NewWaitGroup() *WaitGroup { return &WaitGroup{w: w} }

// Add adds delta to the count; at zero, every goroutine in Wait goes on.
func (g *WaitGroup) Add(delta int) {
	g.n += delta
	if g.n < 0 {
		panic("vt: negative WaitGroup counter")
	}
	if g.n == 0 {
		for _, p := range g.waiters {
			g.w.wake(p)
		}
		g.waiters = g.waiters[:0]
	}
}

// Done takes one from the count.
func (g *WaitGroup) Done() { g.Add(-1) }

// Wait blocks until the count is zero.
func (g *WaitGroup) Wait() {
	if g.n == 0 {
		return
	}
	p := g.w.current("WaitGroup.Wait")
	g.waiters = append(g.waiters, p)
	p.suspend(true)
}

// Mutex is a lock served first come, first served: the goroutine that asked
// earliest gets it; among those that asked at the same instant, the lowest
// rank. (sync.Mutex promises no order; a shared phone in the rules does.)
type Mutex struct {
	w         *World
	locked    bool
	queue     []lockRequest
	scheduled bool
}

type lockRequest struct {
	p  *proc
	at Time
}

// NewMutex returns an unlocked mutex.
func (w *World) NewMutex() *Mutex { return &Mutex{w: w} }

// Lock blocks until the caller holds the mutex. The decision is made at the
// end of the instant, once everyone asking at this instant has asked.
func (m *Mutex) Lock() {
	p := m.w.current("Mutex.Lock")
	m.queue = append(m.queue, lockRequest{p, m.w.now})
	m.decideLater()
	p.suspend(true)
}

// Unlock releases the mutex; the next in line gets it at the end of the
// instant.
func (m *Mutex) Unlock() {
	if !m.locked {
		panic("vt: Unlock of an unlocked Mutex")
	}
	m.locked = false
	m.decideLater()
}

func (m *Mutex) decideLater() {
	if !m.scheduled {
		m.scheduled = true
		m.w.atEndOfInstant(m.decide)
	}
}

func (m *Mutex) decide() {
	m.scheduled = false
	if m.locked || len(m.queue) == 0 {
		return
	}
	best := 0
	for i, r := range m.queue {
		if c := cmp.Or(r.at.Cmp(m.queue[best].at), cmp.Compare(r.p.rank, m.queue[best].p.rank)); c < 0 {
			best = i
		}
	}
	r := m.queue[best]
	m.queue = append(m.queue[:best], m.queue[best+1:]...)
	m.locked = true
	m.w.wake(r.p)
}
