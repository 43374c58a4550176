package sim

import (
	"testing"
)

// The benchmark workload of the model issue: 100 processes, each waiting 100
// times for p%7+1 minutes. The engine runs it as goroutine processes; the
// baseline runs the same schedule as callbacks on a heap, the way an
// event-driven simulator without processes would. Both report ns/event.
const (
	benchProcs = 100
	benchWaits = 100
)

func runEngineWorkload() uint64 {
	e := NewEngine()
	for i := 0; i < benchProcs; i++ {
		d := Time(i%7+1) * TicksPerMinute
		e.Go("p", i, func(p *Proc) {
			for range benchWaits {
				p.Wait(d)
			}
		})
	}
	e.Run()
	return e.Events()
}

// callbackScheduler is the baseline: a min-heap of (time, seq, callback).
type callbackScheduler struct {
	now   Time
	seq   uint64
	items []cbEvent
	count uint64
}

type cbEvent struct {
	at  Time
	seq uint64
	fn  func()
}

// at and run use the same hole-moving heap as the engine's eventQueue, so
// the comparison measures processes against callbacks, not two heaps.
func (s *callbackScheduler) at(t Time, fn func()) {
	s.seq++
	ev := cbEvent{t, s.seq, fn}
	s.items = append(s.items, ev)
	items := s.items
	i := len(items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !cbLess(&ev, &items[p]) {
			break
		}
		items[i] = items[p]
		i = p
	}
	items[i] = ev
}

func cbLess(a, b *cbEvent) bool {
	return a.at < b.at || (a.at == b.at && a.seq < b.seq)
}

func (s *callbackScheduler) run() {
	for len(s.items) > 0 {
		items := s.items
		top := items[0]
		n := len(items) - 1
		last := items[n]
		items[n] = cbEvent{}
		items = items[:n]
		s.items = items
		if n > 0 {
			i := 0
			for {
				c := 2*i + 1
				if c >= n {
					break
				}
				if r := c + 1; r < n && cbLess(&items[r], &items[c]) {
					c = r
				}
				if !cbLess(&items[c], &last) {
					break
				}
				items[i] = items[c]
				i = c
			}
			items[i] = last
		}
		s.now = top.at
		s.count++
		top.fn()
	}
}

func runCallbackWorkload() uint64 {
	s := &callbackScheduler{items: make([]cbEvent, 0, 64)}
	for i := 0; i < benchProcs; i++ {
		d := Time(i%7+1) * TicksPerMinute
		left := benchWaits
		var step func()
		step = func() {
			if left == 0 {
				return
			}
			left--
			s.at(s.now+d, step)
		}
		s.at(0, step)
	}
	s.run()
	return s.count
}

func TestWorkloadsAgree(t *testing.T) {
	// Both schedulers run one start event per process plus one per wait.
	want := uint64(benchProcs * (benchWaits + 1))
	if got := runEngineWorkload(); got != want {
		t.Errorf("engine ran %d events, want %d", got, want)
	}
	if got := runCallbackWorkload(); got != want {
		t.Errorf("callbacks ran %d events, want %d", got, want)
	}
}

func benchWorkload(b *testing.B, run func() uint64) {
	b.ReportAllocs()
	var events uint64
	for b.Loop() {
		events += run()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(events), "ns/event")
}

func BenchmarkEngine(b *testing.B)    { benchWorkload(b, runEngineWorkload) }
func BenchmarkCallbacks(b *testing.B) { benchWorkload(b, runCallbackWorkload) }

// BenchmarkEngineSteadyState measures one event of a long-running engine, to
// show that an event allocates nothing once processes exist.
func BenchmarkEngineSteadyState(b *testing.B) {
	e := NewEngine()
	for i := 0; i < benchProcs; i++ {
		d := Time(i%7+1) * TicksPerMinute
		e.Go("p", i, func(p *Proc) {
			for {
				p.Wait(d)
			}
		})
	}
	for range 1000 {
		e.Step()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		e.Step()
	}
	b.StopTimer()
	e.Close()
}

// BenchmarkHandoff measures the floor under every engine event: one process
// handing control straight to another, around a ring of 100 processes, with
// no queue and no work: the engine's own handOff, and nothing else. Reported
// as ns/event so it reads beside the two above; make bench lists it with the
// engine figures.
func BenchmarkHandoff(b *testing.B) {
	e := NewEngine()
	ring := make([]*Proc, benchProcs)
	left := 0
	for i := range ring {
		ring[i] = e.Go("p", i, func(p *Proc) {
			for {
				to := &e.caller
				if left > 0 {
					left--
					to = &ring[(i+1)%len(ring)].actor
				}
				e.handOff(&p.actor, to)
				if e.closed {
					panic(abandoned{})
				}
			}
		})
	}
	b.ReportAllocs()
	b.ResetTimer()
	left = b.N
	e.handOff(&e.caller, &ring[0].actor)
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/event")
	e.Close()
}
