//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"chores/sim"
)

// The real run (sim.RunReal through `chores -real`): the story on real
// goroutines, each run in a process of its own with GOMAXPROCS set in its
// environment, as a learner would run it.

// realRuns is how many runs each median is taken over.
const realRuns = 5

// Budgets of the real run.
const (
	realWithin     = 0.10 // measured makespan within 10% of the model's, GOMAXPROCS = cleaners
	realOneVsTwoAt = 1.8  // parallelism-1's cleaning, GOMAXPROCS=1 over GOMAXPROCS=2
)

// realOut is the part of `chores -real -format json` the bench reads.
type realOut struct {
	GOMAXPROCS  int     `json:"gomaxprocs"`
	MsPerMinute float64 `json:"msPerMinute"`
	Model       struct {
		Makespan     float64 `json:"makespan"`
		CleaningDone float64 `json:"cleaningDone"`
		Overlap      float64 `json:"overlap"`
	} `json:"model"`
	Measured struct {
		Makespan     float64 `json:"makespan"`
		CleaningDone float64 `json:"cleaningDone"`
		Overlap      float64 `json:"overlap"`
	} `json:"measured"`
}

// buildChores builds the native chores command once into dir.
func buildChores(ctx context.Context, root, dir string) (string, error) {
	bin := filepath.Join(dir, "chores")
	cmd := exec.CommandContext(ctx, goCmd(), "build", "-o", bin, ".")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build -o %s .: %v\n%s", bin, err, b)
	}
	return bin, nil
}

// realRun runs `bin -real -format json -scenario name` with GOMAXPROCS=procs.
func realRun(ctx context.Context, bin, name string, procs int) (realOut, error) {
	var r realOut
	cmd := exec.CommandContext(ctx, bin, "-real", "-format", "json", "-scenario", name)
	cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", procs))
	out, err := cmd.Output()
	if err != nil {
		return r, fmt.Errorf("GOMAXPROCS=%d %s -real -scenario %s: %v", procs, bin, name, err)
	}
	if err := json.Unmarshal(out, &r); err != nil {
		return r, fmt.Errorf("%s -real -scenario %s: %v", bin, name, err)
	}
	if r.GOMAXPROCS != procs {
		return r, fmt.Errorf("GOMAXPROCS=%d in the environment, but the run says %d", procs, r.GOMAXPROCS)
	}
	return r, nil
}

// realSeries is realRuns runs of one preset at one GOMAXPROCS.
type realSeries struct {
	name              string
	procs             int
	model             realOut
	makespan, done    []float64
	overlap           []float64
	medMakespan, medD float64
	others            float64 // CPU other processes used meanwhile, in CPUs
}

func runSeries(ctx context.Context, bin, name string, procs int) (realSeries, error) {
	s := realSeries{name: name, procs: procs}
	w := watchOthers()
	for range realRuns {
		r, err := realRun(ctx, bin, name, procs)
		if err != nil {
			return s, err
		}
		s.model = r
		s.makespan = append(s.makespan, r.Measured.Makespan)
		s.done = append(s.done, r.Measured.CleaningDone)
		s.overlap = append(s.overlap, r.Measured.Overlap)
	}
	s.medMakespan, s.medD = median(s.makespan), median(s.done)
	s.others, _ = w.usage()
	return s, nil
}

// measureReal is the real run's rows: per preset, the median measured
// makespan with GOMAXPROCS = its cleaners against the model's; parallelism-1's
// cleaning on one processor against two; and listening overlapping cleaning
// with GOMAXPROCS=1 and = cleaners alike.
//
// Each series (5 runs of one preset at one GOMAXPROCS, about 2 s) first
// waits up to quietWait for a quiet machine: two cleaners on two
// processors need both CPUs of a 2-CPU machine to themselves.
func measureReal(ctx context.Context, root, tmp string, quietWait time.Duration) []row {
	fail := func(err error) []row {
		return []row{row{figure: "real run", section: sectionReal}.fail(err)}
	}
	logf("real run: building chores")
	bin, err := buildChores(ctx, root, tmp)
	if err != nil {
		return fail(err)
	}
	var rows []row
	var overlapNotes []string
	overlapOK, overlapBusy := true, false
	series := map[string]map[int]realSeries{}
	for _, p := range sim.Presets() {
		cleaners := len(p.Scenario.Cleaners)
		series[p.Name] = map[int]realSeries{}
		for _, procs := range []int{cleaners, 1} {
			if _, done := series[p.Name][procs]; done {
				continue
			}
			waitQuiet(ctx, quietWait)
			logf("real run: %s, GOMAXPROCS=%d, %d runs", p.Name, procs, realRuns)
			s, err := runSeries(ctx, bin, p.Name, procs)
			if err != nil {
				return fail(err)
			}
			series[p.Name][procs] = s
			if s.model.Model.Overlap > 0 {
				o := median(s.overlap)
				overlapOK = overlapOK && o > 0
				overlapBusy = overlapBusy || s.others >= quietBelow
				overlapNotes = append(overlapNotes, fmt.Sprintf("%s GOMAXPROCS=%d %.2f (model %.2f)", p.Name, procs, o, s.model.Model.Overlap))
			}
		}
		s := series[p.Name][cleaners]
		model := s.model.Model.Makespan
		r := row{figure: fmt.Sprintf("real run: %s makespan, GOMAXPROCS=%d (median of %d)", p.Name, cleaners, realRuns),
			chores: fmt.Sprintf("%.1f min", s.medMakespan), base: fmt.Sprintf("model %.0f min", model),
			budget: fmt.Sprintf("within ±%.0f%%", realWithin*100), section: sectionReal}
		r.ratio, r.hasRatio = s.medMakespan/model, true
		r.verdict(r.ratio >= 1-realWithin && r.ratio <= 1+realWithin)
		r.disturbed = s.others >= quietBelow
		r.details = append(r.details, fmt.Sprintf("measured makespans %s; cleaning done %s (model %.0f); %g ms a minute; other processes used %.0f%% of one CPU meanwhile",
			fmtList(s.makespan, "%.1f"), fmtList(s.done, "%.1f"), s.model.Model.CleaningDone, s.model.MsPerMinute, s.others*100))
		if one, ok := series[p.Name][1]; ok && cleaners > 1 {
			r.details = append(r.details, fmt.Sprintf("with GOMAXPROCS=1: makespans %s, cleaning done %s; other processes %.0f%%", fmtList(one.makespan, "%.1f"), fmtList(one.done, "%.1f"), one.others*100))
		}
		rows = append(rows, r)
	}

	one, two := series["parallelism-1"][1], series["parallelism-1"][2]
	r := row{figure: fmt.Sprintf("real run: parallelism-1 cleaning, GOMAXPROCS=1 vs 2 (median of %d)", realRuns),
		chores: fmt.Sprintf("%.1f min", one.medD), base: fmt.Sprintf("%.1f min", two.medD),
		budget: fmt.Sprintf("≥ %gx", realOneVsTwoAt), limit: realOneVsTwoAt, section: sectionReal}
	r.setRatio(one.medD / two.medD)
	r.disturbed = one.others >= quietBelow || two.others >= quietBelow
	r.details = append(r.details, fmt.Sprintf("cleaning done with GOMAXPROCS=1 %s, with 2 %s (the model: 30)", fmtList(one.done, "%.1f"), fmtList(two.done, "%.1f")))
	rows = append(rows, r)

	o := row{figure: "real run: listening overlaps cleaning, GOMAXPROCS=1 and = cleaners", chores: "see details", base: "—",
		budget: "overlap > 0", section: sectionReal}
	o.verdict(overlapOK)
	o.disturbed = overlapBusy
	o.details = append(o.details, "median overlap: "+strings.Join(overlapNotes, "; "))
	rows = append(rows, o)
	for _, x := range rows {
		logf("%s: %s (%s) %s", x.figure, x.chores, x.base, x.status)
	}
	return rows
}

// measuredRows runs a measurement of several rows and notes on the first
// the CPU used beside it. (measureReal waits for a quiet machine before each
// series and marks each row by the CPU others used during its own series.)
func measuredRows(f func() []row) []row {
	w := watchOthers()
	rows := f()
	cpu, top, own, ownTop := w.split()
	rows[0].details = append(rows[0].details, fmt.Sprintf("CPU while measuring all of the real run (100%% = one CPU): this program and its children %.0f%% (%s), other processes %.0f%% (%s)", own*100, ownTop, cpu*100, top))
	return rows
}
