package sim

// This file is the one place where the reference tests (reference_test.go)
// read the model's own representation of time, figures, devices and presets.
// The reference itself works in exact minutes (*big.Rat); everything here
// turns what the model reports into that form.

import (
	"math/big"
	"strconv"
)

// exact is a model instant or duration in exact minutes.
func exact(t Time) *big.Rat { return t.Rat() }

// The ratio figures (speedup, parallelism, overlap) are compared as exact
// fractions. The model's float64 form (what JSON carries) must also be the
// float64 nearest the exact ratio; when it is not, the text says so and the
// comparison fails.
func gotRatio(q Ratio) string {
	s := q.Rat().RatString()
	if f, _ := q.Rat().Float64(); f != q.Float() {
		s += " (but its float64 is " + strconv.FormatFloat(q.Float(), 'g', -1, 64) + ")"
	}
	return s
}

func wantRatio(x *big.Rat) string { return x.RatString() }

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
	p, ok := PresetByName(name)
	return p.Scenario, ok
}
