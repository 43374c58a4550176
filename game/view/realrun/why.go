package realrun

import (
	"fmt"

	"chores/game/play"
	"chores/sim"
)

// Why is one sentence on why the measured run differs from the model's (or
// does not), worked out from the measured figures: how many cleaners there
// were, how many processors they had, and how long the cleaning took.
func Why(r *sim.RealResult, browser bool) string {
	m, x := r.Model, r.Measured
	cleaners := Cleaners(m)
	procs := max(1, min(r.GOMAXPROCS, r.NumCPU))
	mc, xc := m.CleaningDone(), x.CleaningDone()
	ears := ""
	if listens(m) && cleaners > 0 {
		ears = " – listening still overlaps, since ears need no processor"
	}
	ratio := 0.0
	if mc.Min() > 0 {
		ratio = xc.Min() / mc.Min()
	}
	switch {
	case cleaners == 0:
		return fmt.Sprintf("Nobody cleans: listening is waiting (a Sleep), which needs no processor, so the real run took %s min to the model's %s.",
			min2(x.Makespan), min2(m.Makespan))
	case cleaners > 1 && r.GOMAXPROCS == 1 && xc.Min() > 1.3*work(m).Min():
		// Slower even than one person doing it all: the thread is shared
		// with more than the cleaners.
		where, with := "Go has one thread here", "whatever else the machine runs"
		if browser {
			where, with = "In the browser Go has one thread", "the page's drawing"
		}
		return fmt.Sprintf("%s: GOMAXPROCS is 1, so the %s cleaners share it, and with %s: cleaning takes %s min, longer even than one person cleaning every room (%s), where the model says %s%s.",
			where, count(cleaners), with, min2(xc), min2(work(m)), min2(mc), ears)
	case cleaners > 1 && r.GOMAXPROCS == 1:
		where := "Go has one thread here"
		if browser {
			where = "In the browser Go has one thread"
		}
		return fmt.Sprintf("%s: GOMAXPROCS is 1, so the %s cleaners share it and cleaning takes %s min, about as long as one person cleaning every room (the model: %s)%s.",
			where, count(cleaners), min2(xc), min2(mc), ears)
	case cleaners > procs && r.GOMAXPROCS > r.NumCPU:
		return fmt.Sprintf("GOMAXPROCS is %d, but this machine has %d CPUs for the %s cleaners, so they take turns and cleaning takes %s min (the model: %s)%s.",
			r.GOMAXPROCS, r.NumCPU, count(cleaners), min2(xc), min2(mc), ears)
	case cleaners > procs:
		return fmt.Sprintf("GOMAXPROCS is %d for %s cleaners, so they take turns on the processors and cleaning takes %s min (the model: %s)%s.",
			r.GOMAXPROCS, count(cleaners), min2(xc), min2(mc), ears)
	case cleaners == 1 && browser && ratio > 1.15:
		return fmt.Sprintf("One cleaner needs only one thread, but in the browser the run stops often to let the page draw, so cleaning takes %s min (the model: %s)%s.",
			min2(xc), min2(mc), ears)
	case cleaners == 1 && ratio > 1.3:
		return fmt.Sprintf("One cleaner needs only one processor, but the machine is busy with other work: cleaning takes %s min (the model: %s)%s.",
			min2(xc), min2(mc), ears)
	case cleaners == 1:
		return fmt.Sprintf("One cleaner needs only one processor, so cleaning takes %s min, near the model's %s%s.",
			min2(xc), min2(mc), ears)
	case ratio > 1.3:
		return fmt.Sprintf("GOMAXPROCS is %d, so the %s cleaners could clean at once, but the machine is busy with other work: cleaning takes %s min (the model: %s)%s.",
			r.GOMAXPROCS, count(cleaners), min2(xc), min2(mc), ears)
	}
	return fmt.Sprintf("GOMAXPROCS is %d, so the %s cleaners clean at once on their own processors: cleaning takes %s min, near the model's %s%s.",
		r.GOMAXPROCS, count(cleaners), min2(xc), min2(mc), ears)
}

// work is the cleaning's minutes added up: how long one person doing it
// all would take, at the cleaners' speeds.
func work(r *sim.Result) sim.Time {
	var t sim.Time
	for _, sp := range r.Spans {
		if sp.Lane == sim.LaneHands {
			t = t.Add(sp.End.Sub(sp.Start))
		}
	}
	return t
}

// listens says whether anyone listens in the run.
func listens(r *sim.Result) bool {
	for _, sp := range r.Spans {
		if sp.Lane == sim.LaneEars {
			return true
		}
	}
	return false
}

// min2 is minutes as the panel writes them: "62.1".
func min2(t sim.Time) string { return play.MinutesText(t) }

// count is a small number in words, as the game's sentences write them.
func count(n int) string {
	if w := []string{"no", "one", "two", "three", "four", "five", "six"}; n >= 0 && n < len(w) {
		return w[n]
	}
	return fmt.Sprint(n)
}
