package vt

import "slices"

// Chan is a buffered channel. Receivers that ask at the same instant are
// served at the end of it, lowest rank first, so that who gets which value
// does not depend on the order goroutines happened to run in.
type Chan[T any] struct {
	w         *World
	buf       []T
	capacity  int
	closed    bool
	waiting   []receiver[T]
	scheduled bool
}

type receiver[T any] struct {
	p  *proc
	v  *T
	ok *bool
}

// MakeChan is make(chan T, capacity) in w.
func MakeChan[T any](w *World, capacity int) *Chan[T] {
	return &Chan[T]{w: w, capacity: capacity}
}

// Send puts v in the buffer. The buffer must have room: a Send that would
// block is not modelled and panics.
func (c *Chan[T]) Send(v T) {
	switch {
	case c.closed:
		panic("vt: send on closed channel")
	case len(c.buf) >= c.capacity:
		panic("vt: send on a full channel (a blocking send is not modelled)")
	}
	c.buf = append(c.buf, v)
	c.serveLater()
}

// Close closes the channel: receivers get what is buffered, then nothing.
func (c *Chan[T]) Close() {
	if c.closed {
		panic("vt: close of closed channel")
	}
	c.closed = true
	c.serveLater()
}

// Recv is <-c: the next value, or ok false once the channel is closed and
// empty.
func (c *Chan[T]) Recv() (v T, ok bool) {
	p := c.w.current("a receive")
	c.waiting = append(c.waiting, receiver[T]{p, &v, &ok})
	c.serveLater()
	p.suspend(true)
	return v, ok
}

// Receive ranges over the channel: for v := range c.Receive is
// for v := range c.
func (c *Chan[T]) Receive(yield func(T) bool) {
	for {
		v, ok := c.Recv()
		if !ok || !yield(v) {
			return
		}
	}
}

func (c *Chan[T]) serveLater() {
	if !c.scheduled && len(c.waiting) > 0 {
		c.scheduled = true
		c.w.atEndOfInstant(c.serve)
	}
}

func (c *Chan[T]) serve() {
	c.scheduled = false
	slices.SortStableFunc(c.waiting, func(a, b receiver[T]) int { return a.p.rank - b.p.rank })
	n := 0
	for _, r := range c.waiting {
		switch {
		case len(c.buf) > 0:
			*r.v, *r.ok = c.buf[0], true
			c.buf = c.buf[1:]
		case !c.closed:
			c.waiting[n] = r // nothing yet: keep waiting
			n++
			continue
		}
		c.w.wake(r.p)
	}
	clear(c.waiting[n:])
	c.waiting = c.waiting[:n]
}
