package realrun

import (
	"strings"
	"testing"

	"chores/sim"
)

// real is a made-up real run of a preset: the model's timeline stretched by
// k for the measured one.
func realOf(t *testing.T, name string, procs, cpus int, k float64) *sim.RealResult {
	t.Helper()
	p, _ := sim.PresetByName(name)
	m, err := sim.Simulate(p.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	x := *m
	x.Spans = append([]sim.Span(nil), m.Spans...)
	for i := range x.Spans {
		x.Spans[i].Start, _ = sim.Approx(x.Spans[i].Start.Min() * k)
		x.Spans[i].End, _ = sim.Approx(x.Spans[i].End.Min() * k)
	}
	x.Makespan, _ = sim.Approx(m.Makespan.Min() * k)
	return &sim.RealResult{GOMAXPROCS: procs, NumCPU: cpus, Model: m, Measured: &x}
}

// The sentence follows the figures: one thread for two cleaners, enough
// processors, one cleaner, a busy machine.
func TestWhy(t *testing.T) {
	cases := []struct {
		name        string
		procs, cpus int
		k           float64
		browser     bool
		want        []string
	}{
		{"parallelism-1", 1, 1, 2, true, []string{"In the browser Go has one thread: GOMAXPROCS is 1, so the two cleaners share it", "60 min, about as long as one person cleaning every room (the model: 30)", "listening still overlaps, since ears need no processor"}},
		{"parallelism-1", 1, 2, 2, false, []string{"Go has one thread here: GOMAXPROCS is 1"}},
		{"parallelism-1", 1, 1, 5, true, []string{"share it, and with the page's drawing: cleaning takes 150 min, longer even than one person cleaning every room (60), where the model says 30"}},
		{"parallelism-1", 1, 2, 5, false, []string{"and with whatever else the machine runs"}},
		{"parallelism-1", 2, 2, 1.05, false, []string{"GOMAXPROCS is 2, so the two cleaners clean at once", "31.5 min, near the model's 30"}},
		{"parallelism-1", 2, 2, 2, false, []string{"the machine is busy with other work: cleaning takes 60 min"}},
		{"parallelism-1", 4, 1, 2, false, []string{"GOMAXPROCS is 4, but this machine has 1 CPUs"}},
		{"concurrency-1", 1, 1, 1.02, false, []string{"One cleaner needs only one processor, so cleaning takes 61.2 min, near the model's 60", "listening still overlaps"}},
		{"concurrency-1", 1, 1, 1.5, true, []string{"in the browser the run stops often to let the page draw"}},
		{"sequential", 1, 1, 1, false, []string{"One cleaner"}},
		{"concurrency-1", 1, 2, 2, false, []string{"One cleaner needs only one processor, but the machine is busy with other work: cleaning takes 120 min (the model: 60)"}},
	}
	for _, c := range cases {
		got := Why(realOf(t, c.name, c.procs, c.cpus, c.k), c.browser)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s on %d of %d CPUs ×%g (browser %v): %q\n  does not say %q", c.name, c.procs, c.cpus, c.k, c.browser, got, w)
			}
		}
	}
}
