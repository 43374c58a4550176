package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"chores/internal/bounds"
	"chores/sim"
)

// exportFlags are -gif FILE [-from M -to M] and -timeline FILE.png: pictures
// made by the game and written before it exits (they need a display, like
// -screenshot).
type exportFlags struct {
	gif      string
	from, to float64
	fromSet  bool
	toSet    bool
	timeline string
}

// check is the part of the command line's checks that needs no scenario.
func (e exportFlags) check(c config) error {
	picks := 0
	for _, on := range []bool{e.gif != "", e.timeline != "", c.screenshot != "", c.report, c.real} {
		if on {
			picks++
		}
	}
	switch {
	case picks > 1 && (e.gif != "" || e.timeline != ""):
		return usageError{"-gif, -timeline, -screenshot, -report and -real: one at a time"}
	case (e.fromSet || e.toSet) && e.gif == "":
		return usageError{"-from and -to go with -gif"}
	case e.gif != "" && !strings.EqualFold(filepath.Ext(e.gif), ".gif"):
		return usageError{fmt.Sprintf("-gif %s: the file's name must end in .gif", bounds.QuoteTail(e.gif))}
	case e.timeline != "" && !strings.EqualFold(filepath.Ext(e.timeline), ".png"):
		return usageError{fmt.Sprintf("-timeline %s: the file's name must end in .png", bounds.QuoteTail(e.timeline))}
	}
	if err := bounds.AtLeast("-from", e.from, 0); err != nil {
		return usageError{err.Error()}
	}
	if err := bounds.AtLeast("-to", e.to, 0); err != nil {
		return usageError{err.Error()}
	}
	if e.fromSet && e.toSet && e.to <= e.from {
		return usageError{fmt.Sprintf("-to %g must be after -from %g", e.to, e.from)}
	}
	return nil
}

// span is the stretch of the story the GIF shows: -from (default 0) to
// -to (default the end), which must lie within the story.
func (e exportFlags) span(s sim.Scenario) (from, to sim.Time, err error) {
	r, err := sim.Simulate(s)
	if err != nil {
		return from, to, err
	}
	end := r.Makespan.Min()
	f, t := e.from, end
	if e.toSet {
		t = e.to
	}
	switch {
	case f >= end:
		return from, to, usageError{fmt.Sprintf("-from %g: the story ends at minute %s", f, r.Makespan)}
	case t > end:
		return from, to, usageError{fmt.Sprintf("-to %g: the story ends at minute %s", t, r.Makespan)}
	case t <= f:
		return from, to, usageError{fmt.Sprintf("-to %g must be after -from %g", t, f)}
	}
	from, _ = sim.Approx(f)
	to, _ = sim.Approx(t)
	return from, to, nil
}
