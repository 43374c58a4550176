// Package report prints the results of the stories for the command line:
// the figures and a small text timeline, or the full result as JSON.
//
// Names come from users (scenario files, share links). The text report
// writes every name through bounds.Escape, so a control character, a
// bidirectional override or a byte that is not UTF-8 shows as an escape
// (\x1b, \u202e, \xff) and cannot retitle, clear or rewrite the terminal.
// JSON output is escaped by encoding/json.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"chores/internal/bounds"
	"chores/sim"
)

// Entry is one story to report: a scenario, its result, and for presets the
// caption and title.
type Entry struct {
	Title   string
	Caption string
	Result  *sim.Result
	// Alternative, when set, is what the story would cost done another way
	// (concurrency-2 taking turns instead of sharing the phone).
	Alternative     *sim.Result
	AlternativeName string
}

// Text writes the entries as a human-readable report.
func Text(w io.Writer, entries []Entry) error {
	var b strings.Builder
	for i, e := range entries {
		if i > 0 {
			b.WriteString("\n")
		}
		writeEntry(&b, e)
	}
	if len(entries) > 1 {
		b.WriteString("\n")
		writeSummary(&b, entries)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeEntry(b *strings.Builder, e Entry) {
	r := e.Result
	name := bounds.Escape(r.Scenario)
	if name == "" {
		name = "(unnamed scenario)"
	}
	if e.Title != "" {
		fmt.Fprintf(b, "%s: %s\n", name, e.Title)
	} else {
		fmt.Fprintf(b, "%s\n", name)
	}
	if e.Caption != "" {
		fmt.Fprintf(b, "  %s\n", e.Caption)
	}
	fmt.Fprintf(b, "  makespan %s min, speedup %.2fx, parallelism %.2f, overlap %.2f, waiting %s min\n",
		r.Makespan, r.Speedup.Float(), r.Parallelism.Float(), r.Overlap.Float(), r.Waiting)
	if e.Alternative != nil {
		fmt.Fprintf(b, "  %s: makespan %s min, waiting %s min\n", e.AlternativeName, e.Alternative.Makespan, e.Alternative.Waiting)
	}
	writeChart(b, r)
	for _, p := range r.People {
		fmt.Fprintf(b, "  %-8s cleaning %s, listening %s, waiting %s, idle %s\n", bounds.Escape(p.Name), p.Cleaning, p.Listening, p.Waiting, p.Idle)
	}
	for _, d := range r.Devices {
		listeners := make([]string, len(d.Listeners))
		for i, l := range d.Listeners {
			listeners[i] = bounds.Escape(l)
		}
		fmt.Fprintf(b, "  %-8s busy %s min for %s (%s)\n", bounds.Escape(d.Name), d.Busy, strings.Join(listeners, ", "), bounds.Escape(d.Share))
	}
}

// chartWidth is how many columns the text timeline spans.
const chartWidth = 60

// writeChart draws one row per person and lane: # cleaning, ~ listening,
// . waiting.
func writeChart(b *strings.Builder, r *sim.Result) {
	if r.Makespan.IsZero() {
		b.WriteString("  (nothing to do)\n")
		return
	}
	col := func(t sim.Time) int { return int(t.Min() / r.Makespan.Min() * chartWidth) }
	fmt.Fprintf(b, "  %-14s|%s|\n", "minute", ruler(r.Makespan))
	for p, f := range r.People {
		for _, lane := range []string{sim.LaneHands, sim.LaneEars} {
			row := []byte(strings.Repeat(" ", chartWidth))
			used := false
			for _, sp := range r.Spans {
				if sp.Person != p || sp.Lane != lane {
					continue
				}
				used = true
				mark := byte('#')
				if lane == sim.LaneEars {
					mark = '~'
				}
				fill(row, col(sp.Start), col(sp.End), mark)
			}
			if lane == sim.LaneEars {
				for _, w := range r.Waits {
					if w.Person == p {
						used = true
						fill(row, col(w.Start), col(w.End), '.')
					}
				}
			}
			if used {
				fmt.Fprintf(b, "  %-8s %-5s|%s|\n", bounds.Escape(f.Name), lane, row)
			}
		}
	}
}

func fill(row []byte, from, to int, mark byte) {
	for i := from; i < to && i < len(row); i++ {
		row[i] = mark
	}
}

// ruler labels the start and end of the chart.
func ruler(makespan sim.Time) string {
	end := makespan.String()
	return "0" + strings.Repeat(" ", max(0, chartWidth-1-len(end))) + end
}

func writeSummary(b *strings.Builder, entries []Entry) {
	fmt.Fprintf(b, "%-15s %9s %8s %12s %8s %8s\n", "story", "makespan", "speedup", "parallelism", "overlap", "waiting")
	for _, e := range entries {
		r := e.Result
		fmt.Fprintf(b, "%-15s %9s %7.2fx %12.2f %8.2f %8s\n", bounds.Escape(r.Scenario), r.Makespan, r.Speedup.Float(), r.Parallelism.Float(), r.Overlap.Float(), r.Waiting)
	}
}

// JSON writes the results: one object for one entry, a list for several.
func JSON(w io.Writer, entries []Entry) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if len(entries) == 1 {
		return enc.Encode(entries[0].Result)
	}
	list := make([]*sim.Result, len(entries))
	for i, e := range entries {
		list[i] = e.Result
	}
	return enc.Encode(list)
}
