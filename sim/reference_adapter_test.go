package sim

// This file is the one place where the reference tests (reference_test.go)
// read the model's own representation of time, figures, devices and presets.
// The reference itself works in exact minutes (*big.Rat); everything here
// turns what the model reports into that form. When the model's types change
// (sim.Time becoming an exact rational, the figures gaining full precision,
// presets handed out as copies), change only this file.

import (
	"math/big"
	"strconv"
)

// exact is a model instant or duration in exact minutes. Today Time counts
// thousandths of a minute.
func exact(t Time) *big.Rat { return big.NewRat(int64(t), TicksPerMinute) }

// The ratio figures (speedup, parallelism, overlap) are compared as text in
// one canonical form, so that the model may report them as float64 or as an
// exact rational. The contract is that a float64 figure is the float64
// nearest the exact ratio, printed in full (the shortest text that reads
// back to it). Today the model rounds them to three decimals, so most random
// scenarios differ in these figures; the test counts those apart.
//
// If the model comes to report exact rationals, make both functions return
// x.RatString().
func gotRatio(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func wantRatio(x *big.Rat) string {
	f, _ := x.Float64() // the nearest float64, ties to even
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// modelFigures are the five figures of a result in the reference's form.
func modelFigures(r *Result) (makespan, waiting *big.Rat, speedup, parallelism, overlap string) {
	return exact(r.Makespan), exact(r.Waiting), gotRatio(r.Speedup), gotRatio(r.Parallelism), gotRatio(r.Overlap)
}

// modelSpans lists every cleaning, listening and wait span of a result.
// A device is named by its owner, found through Result.Devices.
func modelSpans(r *Result) []refSpan {
	owner := map[string]string{}
	for _, d := range r.Devices {
		owner[d.Name] = d.Owner
	}
	var out []refSpan
	for _, sp := range r.Spans {
		m := refSpan{who: sp.Who, lane: sp.Lane, what: sp.What, start: exact(sp.Start), end: exact(sp.End)}
		if sp.Lane == LaneEars {
			m.owner = owner[sp.Device]
		}
		out = append(out, m)
	}
	for _, w := range r.Waits {
		out = append(out, refSpan{who: w.Who, lane: "wait", what: "podcast", owner: owner[w.For],
			start: exact(w.Start), end: exact(w.End)})
	}
	return out
}

// presetScenario is the scenario of a named preset, a copy the test may
// change without touching the preset.
func presetScenario(name string) (Scenario, bool) {
	for _, p := range Presets {
		if p.Name == name {
			s := p.Scenario
			s.People = append([]Person(nil), s.People...)
			s.Rooms = append([]Room(nil), s.Rooms...)
			s.Cleaners = append([]string(nil), s.Cleaners...)
			s.Podcast.Listeners = append([]string(nil), s.Podcast.Listeners...)
			return s, true
		}
	}
	return Scenario{}, false
}
