package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/trace"
	"strings"
	"time"

	"chores/internal/bounds"
	"chores/sim"
)

// -real: the story run on real goroutines (sim.RunReal), printed beside the
// model. GOMAXPROCS is the runtime's: the GOMAXPROCS environment variable,
// or the default (the CPUs the process may use).

// The -ms-per-minute values -real accepts.
const (
	minMsPerMinute = 1
	maxMsPerMinute = 50
)

// runRealCmd runs -real for one scenario or all six presets.
func runRealCmd(c config, w io.Writer) error {
	var scenarios []sim.Scenario
	if c.scenario == "all" {
		for _, p := range sim.Presets() {
			scenarios = append(scenarios, p.Scenario)
		}
	} else {
		s, err := loadScenario(c.scenario)
		if err != nil {
			return err
		}
		scenarios = append(scenarios, s)
	}
	// Calibrate the busy loop before the trace starts, so that it does not
	// show in it.
	sim.Calibrate()
	var stopTrace func() error
	if c.trace != "" {
		f, err := os.Create(c.trace)
		if err != nil {
			return fmt.Errorf("-trace: %v", err)
		}
		if err := trace.Start(f); err != nil {
			f.Close()
			return fmt.Errorf("-trace: %v", err)
		}
		stopTrace = func() error {
			trace.Stop()
			return f.Close()
		}
	}
	var results []*sim.RealResult
	for _, s := range scenarios {
		r, err := sim.RunReal(context.Background(), s, sim.RealOptions{MsPerMinute: c.msPerMinute})
		if err != nil {
			if stopTrace != nil {
				stopTrace()
			}
			return err
		}
		results = append(results, r)
	}
	if stopTrace != nil {
		if err := stopTrace(); err != nil {
			return fmt.Errorf("-trace: %v", err)
		}
	}
	if c.format == "json" {
		return realJSON(w, results, c.scenario == "all")
	}
	var b strings.Builder
	for i, r := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		realText(&b, r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// realFigures are one side of a real run's JSON: the model's or the
// measured, in virtual minutes.
type realFigures struct {
	Makespan     sim.Time   `json:"makespan"`
	CleaningDone sim.Time   `json:"cleaningDone"`
	Parallelism  sim.Ratio  `json:"parallelism"`
	Overlap      sim.Ratio  `json:"overlap"`
	Waiting      sim.Time   `json:"waiting"`
	Spans        []sim.Span `json:"spans"`
}

type realReport struct {
	Scenario    string      `json:"scenario"`
	GOMAXPROCS  int         `json:"gomaxprocs"`
	NumCPU      int         `json:"numCPU"`
	GOOS        string      `json:"goos"`
	MsPerMinute float64     `json:"msPerMinute"`
	ItersPerMs  float64     `json:"itersPerMs"`
	WallMs      float64     `json:"wallMs"`
	Model       realFigures `json:"model"`
	Measured    realFigures `json:"measured"`
}

func figuresOf(r *sim.Result) realFigures {
	return realFigures{Makespan: r.Makespan, CleaningDone: r.CleaningDone(), Parallelism: r.Parallelism,
		Overlap: r.Overlap, Waiting: r.Waiting, Spans: r.Spans}
}

func realJSON(w io.Writer, results []*sim.RealResult, all bool) error {
	var out []realReport
	for _, r := range results {
		out = append(out, realReport{
			Scenario: r.Scenario, GOMAXPROCS: r.GOMAXPROCS, NumCPU: r.NumCPU, GOOS: runtime.GOOS,
			MsPerMinute: r.MsPerMinute, ItersPerMs: r.ItersPerMs, WallMs: float64(r.Wall.Microseconds()) / 1000,
			Model: figuresOf(r.Model), Measured: figuresOf(r.Measured),
		})
	}
	var v any = out
	if !all {
		v = out[0]
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func realText(b *strings.Builder, r *sim.RealResult) {
	fmt.Fprintf(b, "%s, on real goroutines: GOMAXPROCS %d (%d CPUs), 1 virtual minute = %g ms, the run took %v\n",
		bounds.Escape(r.Scenario), r.GOMAXPROCS, r.NumCPU, r.MsPerMinute, r.Wall.Round(100*time.Microsecond))
	m, x := r.Model, r.Measured
	fmt.Fprintf(b, "  %-14s %8s %9s\n", "", "model", "measured")
	fmt.Fprintf(b, "  %-14s %8s %9s\n", "makespan", m.Makespan, x.Makespan)
	fmt.Fprintf(b, "  %-14s %8s %9s\n", "cleaning done", m.CleaningDone(), x.CleaningDone())
	fmt.Fprintf(b, "  %-14s %8s %9s\n", "parallelism", m.Parallelism, x.Parallelism)
	fmt.Fprintf(b, "  %-14s %8s %9s\n", "overlap", m.Overlap, x.Overlap)
	fmt.Fprintf(b, "  %-14s %8s %9s\n", "waiting", m.Waiting, x.Waiting)
	b.WriteString("  measured timeline (the model's in brackets):\n")
	for _, sp := range x.Spans {
		fmt.Fprintf(b, "    %-8s %-5s %-14s %7s – %-7s", bounds.Escape(sp.Who), sp.Lane, bounds.Escape(sp.What), sp.Start, sp.End)
		if ms, ok := modelSpan(m, sp); ok {
			who := ""
			if ms.Who != sp.Who {
				who = bounds.Escape(ms.Who) + " "
			}
			fmt.Fprintf(b, " [%s%s – %s]", who, ms.Start, ms.End)
		}
		b.WriteString("\n")
	}
	b.WriteString("  " + realWhy(r) + "\n")
}

// modelSpan is the model's span of the same chore: the same room (whoever
// cleaned it), or the same person's listening.
func modelSpan(m *sim.Result, sp sim.Span) (sim.Span, bool) {
	for _, ms := range m.Spans {
		if ms.Lane == sp.Lane && ((sp.Lane == sim.LaneHands && ms.Room == sp.Room) || (sp.Lane == sim.LaneEars && ms.Person == sp.Person)) {
			return ms, true
		}
	}
	return sim.Span{}, false
}

// realWhy is one sentence on why the measured figures differ from the model.
func realWhy(r *sim.RealResult) string {
	cleaners := 0
	for _, p := range r.Model.People {
		if !p.Cleaning.IsZero() {
			cleaners++
		}
	}
	listens := ""
	if r.Model.Overlap.Float() > 0 {
		listens = "; listening is a Sleep, which needs no processor, so it still overlapped the cleaning"
	}
	mc, xc := r.Model.CleaningDone().Min(), r.Measured.CleaningDone().Min()
	if cleaners > r.GOMAXPROCS && mc > 0 {
		return fmt.Sprintf("%d cleaner goroutines on GOMAXPROCS %d: they take turns on the processor, so the cleaning took %.2fx the model's%s.",
			cleaners, r.GOMAXPROCS, xc/mc, listens)
	}
	mm, xm := r.Model.Makespan.Min(), r.Measured.Makespan.Min()
	off := 0.0
	if mm > 0 {
		off = 100 * (xm - mm) / mm
	}
	return fmt.Sprintf("GOMAXPROCS %d %s, as the model assumes; the makespan is off by %+.1f%% (timers, the scheduler and whatever else the machine runs)%s.",
		r.GOMAXPROCS, plural(cleaners, "cleaner goroutine"), off, listens)
}

func plural(n int, what string) string {
	if n == 1 {
		return "is enough for the one " + what
	}
	return fmt.Sprintf("lets all %d %ss run at once", n, what)
}
