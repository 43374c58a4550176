package sim

import (
	"testing"
)

// A workload for the engine alone: 100 processes, each waiting 100 times for
// p%7+1 minutes, reported in ns/event. (The budget that counts is a whole
// simulation of the largest scenario: BenchmarkSimulateLargest.)
const (
	benchProcs = 100
	benchWaits = 100
)

func runEngineWorkload() uint64 {
	e := NewEngine()
	for i := 0; i < benchProcs; i++ {
		d := Whole(int64(i%7 + 1))
		e.Go("p", i, func(p *Proc) {
			for range benchWaits {
				p.Wait(d)
			}
		})
	}
	e.Run()
	return e.Events()
}

func benchWorkload(b *testing.B, run func() uint64) {
	b.ReportAllocs()
	var events uint64
	for b.Loop() {
		events += run()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(events), "ns/event")
}

func BenchmarkEngine(b *testing.B) { benchWorkload(b, runEngineWorkload) }

func TestEngineWorkloadEvents(t *testing.T) {
	// One start event per process plus one per wait.
	if got, want := runEngineWorkload(), uint64(benchProcs*(benchWaits+1)); got != want {
		t.Errorf("engine ran %d events, want %d", got, want)
	}
}

// BenchmarkEngineSteadyState measures one event of a long-running engine, to
// show that an event allocates nothing once processes exist.
func BenchmarkEngineSteadyState(b *testing.B) {
	e := NewEngine()
	for i := 0; i < benchProcs; i++ {
		d := Whole(int64(i%7 + 1))
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
