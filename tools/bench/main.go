//go:build !js

// Command bench measures Chores against the yardstick (tools/bench/yardstick,
// the smallest honest Ebitengine program) in one run on one machine, and
// prints one table of ratios with the raw figures beside them:
//
//   - the .wasm after gzip -9,
//   - where ../shared/reference/minimal exists (the yardstick the project
//     started from; -reference), that the yardstick's .wasm is within 2% of
//     its size after gzip -9, so the yardstick is as honest as that one,
//   - the first frame after navigation in headless Chromium (median of
//     -loads loads each, alternating, fresh tab, cache disabled),
//   - frames drawn per second in the busiest view (sim.Largest, ui=full),
//   - the live Go heap after -soak of looping playback against after 1 min,
//   - frames drawn per second by an embed scrolled out of view,
//   - the embeds (embeds.go): bytes before the first click, the browser's
//     CPU while a paused page sits 30 s, the memory of the six-embed page
//     with all six played, and a soak of it (-soak6),
//   - one whole simulation of sim.Largest() (BenchmarkSimulateLargest):
//     at most 1 ms natively and 5 ms under WebAssembly in Node,
//   - the story run for real (`chores -real`, real.go): median of 5 runs of
//     each preset with GOMAXPROCS = its cleaners within 10% of the model's
//     makespan; parallelism-1's cleaning at least 1.8x as long with
//     GOMAXPROCS=1 as with 2; listening overlapping cleaning either way.
//
// Usage, from the repository root, after `make web`:
//
//	go run ./tools/bench [-soak 10m] [-loads 5] [-write docs/performance.md]
//
// `make bench` builds dist/ and runs it with -write docs/performance.md.
// A missed budget is reported as MISS; the command still exits 0 (it is a
// measurement), unless it could not measure at all.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// budgetSoak is the soak the heap budget speaks of.
const budgetSoak = 10 * time.Minute

type config struct {
	soak      time.Duration
	soak6     time.Duration // the six-embed page's soak (embeds.go)
	loads     int
	write     string
	dist      string
	yardstick string
	reference string
	warmup    time.Duration
	measure   time.Duration
	count     int
	quietWait time.Duration
	only      map[string]bool // empty: every measurement
}

// measurements are the names -only accepts, in the order they run.
var measurements = []string{"size", "reference", "simulate", "real", "first", "fps", "embed", "heap", "bytes", "paused", "six", "soak6"}

func (c config) wants(name string) bool { return len(c.only) == 0 || c.only[name] }

// needsBuilds reports whether a wanted measurement needs dist/ and the
// yardstick (the simulation and the real run need neither).
func (c config) needsBuilds() bool {
	return slices.ContainsFunc(measurements, func(m string) bool { return m != "simulate" && m != "real" && c.wants(m) })
}

func main() {
	var c config
	flag.DurationVar(&c.soak, "soak", budgetSoak, "looping playback before the second heap reading (the budget speaks of 10m; must be over 1m)")
	flag.DurationVar(&c.soak6, "soak6", budgetSoak, "the six-embed page's soak (all six played, the last looping; the budget speaks of 10m; at least 1m)")
	flag.IntVar(&c.loads, "loads", 5, "page loads of each program for the first-frame median")
	flag.StringVar(&c.write, "write", "", "also write the report (markdown) to this file, e.g. docs/performance.md")
	flag.StringVar(&c.dist, "dist", "dist", "the built playground (make web)")
	flag.StringVar(&c.yardstick, "yardstick", "./tools/bench/yardstick", "the yardstick: a package of this module, built from the repository root")
	flag.StringVar(&c.reference, "reference", "../shared/reference/minimal", "the reference yardstick's folder (its own module, read only); when it exists, the yardstick must be within 2% of its .wasm size (gzip -9)")
	flag.DurationVar(&c.warmup, "warmup", 5*time.Second, "warm-up before counting frames")
	flag.DurationVar(&c.measure, "measure", 10*time.Second, "how long to count frames")
	flag.IntVar(&c.count, "count", 5, "go test -count for the whole-simulation benchmark")
	flag.DurationVar(&c.quietWait, "quiet-wait", 5*time.Minute, "before each timed measurement, wait up to this long for other processes to leave the CPU alone (0: do not wait)")
	only := flag.String("only", "", "run only these measurements, comma-separated, of: "+strings.Join(measurements, ","))
	flag.Parse()
	if *only != "" {
		c.only = map[string]bool{}
		for _, m := range strings.Split(*only, ",") {
			if !slices.Contains(measurements, m) {
				fatalf("-only: unknown measurement %q (one of %s)", m, strings.Join(measurements, ","))
			}
			c.only[m] = true
		}
	}
	if c.soak <= time.Minute {
		fatalf("-soak must be longer than 1m (the first heap reading is at 1 minute)")
	}
	if c.soak6 < time.Minute {
		fatalf("-soak6 must be at least 1m (the first heap reading is at 1 minute)")
	}
	if c.loads < 1 {
		fatalf("-loads must be at least 1")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	start := time.Now()
	r, err := run(ctx, c)
	if err != nil {
		fatalf("%v", err)
	}
	r.elapsed = time.Since(start)

	fmt.Println()
	fmt.Print(r.text())
	if c.write != "" {
		if err := os.MkdirAll(filepath.Dir(c.write), 0o755); err != nil {
			fatalf("%v", err)
		}
		if err := os.WriteFile(c.write, []byte(r.markdown()), 0o644); err != nil {
			fatalf("%v", err)
		}
		fmt.Printf("wrote %s\n", c.write)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	os.Exit(1)
}

// logf reports progress on stderr, with the time since start.
var t0 = time.Now()

func logf(format string, args ...any) {
	d := time.Since(t0).Round(time.Second)
	fmt.Fprintf(os.Stderr, "[%6s] %s\n", d, fmt.Sprintf(format, args...))
}

// run takes every measurement. A measurement that fails becomes an ERROR row;
// only a missing build stops the run.
func run(ctx context.Context, c config) (*report, error) {
	root, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if b, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil || !strings.HasPrefix(string(b), "module chores\n") {
		return nil, fmt.Errorf("run from the repository root (the folder with chores' go.mod)")
	}
	r := &report{cfg: c, date: time.Now()}
	r.machine = machineInfo(ctx)

	tmp, err := os.MkdirTemp("", "chores-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if !c.needsBuilds() {
		runLocal(ctx, c, r, root, tmp)
		return r, ctx.Err()
	}

	dist, _ := filepath.Abs(c.dist)
	if _, err := os.Stat(filepath.Join(dist, "chores.wasm")); err != nil {
		return nil, fmt.Errorf("%s has no chores.wasm (%v): run `make web` first (or `make bench`)", dist, err)
	}
	yardDir := filepath.Join(tmp, "yardstick")

	logf("building the yardstick %s", c.yardstick)
	if err := buildYardstick(ctx, root, c.yardstick, yardDir); err != nil {
		return nil, fmt.Errorf("building the yardstick: %w", err)
	}
	yardWasm := filepath.Join(yardDir, yardstickWasm)

	if c.wants("size") {
		r.add(measured(ctx, false, 0, func() row {
			return measureSize(filepath.Join(dist, "chores.wasm"), yardWasm)
		}))
	}
	// The yardstick against the one the project started from, when it is
	// there (the repository does not need it).
	if c.wants("reference") {
		refSrc, _ := filepath.Abs(c.reference)
		if st, err := os.Stat(refSrc); err != nil || !st.IsDir() {
			n := fmt.Sprintf("no reference yardstick at %s (-reference): the yardstick's size was not compared with it", refSrc)
			r.notes = append(r.notes, n)
			logf("%s", n)
		} else {
			r.add(measured(ctx, false, 0, func() row {
				return measureReference(ctx, refSrc, filepath.Join(tmp, "reference"), yardWasm)
			}))
		}
	}
	// The whole simulation and the real run (before any browser runs).
	runLocal(ctx, c, r, root, tmp)

	// The browser measurements: both folders served the same way.
	chores, stopC, err := serve(dist)
	if err != nil {
		return nil, err
	}
	defer stopC()
	yard, stopY, err := serve(yardDir)
	if err != nil {
		return nil, err
	}
	defer stopY()
	logf("serving %s at %s and the yardstick at %s", dist, chores, yard)

	if c.wants("first") {
		r.add(measured(ctx, true, c.quietWait, func() row { return measureFirstFrame(ctx, chores, yard, c.loads) }))
	}
	if c.wants("fps") {
		r.add(measured(ctx, true, c.quietWait, func() row { return measureFPS(ctx, chores, yard, c.warmup, c.measure) }))
	}
	if c.wants("embed") {
		r.add(measured(ctx, false, 0, func() row { return measureEmbed(ctx, chores) }))
	}
	if c.wants("heap") {
		r.add(measured(ctx, false, 0, func() row { return measureHeap(ctx, chores, c.soak) }))
	}
	// The embeds (embeds.go).
	if c.wants("bytes") {
		r.add(measured(ctx, false, 0, func() row { return measureBytes(ctx, chores) }))
	}
	if c.wants("paused") {
		r.add(measured(ctx, true, c.quietWait, func() row { return measurePausedCPU(ctx, chores) }))
	}
	if c.wants("six") {
		r.add(measured(ctx, false, 0, func() row { return measureSixMemory(ctx, chores) }))
	}
	if c.wants("soak6") {
		r.add(measured(ctx, false, 0, func() row { return measureSixSoak(ctx, chores, c.soak6) }))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("interrupted: %w", err)
	}
	return r, nil
}

// runLocal takes the measurements that need no browser: the whole
// simulation, natively and in Node, and the real run.
func runLocal(ctx context.Context, c config, r *report, root, tmp string) {
	if c.wants("simulate") {
		r.add(measured(ctx, true, c.quietWait, func() row { return measureSimulate(ctx, root, false, c.count) }))
		r.add(measured(ctx, true, c.quietWait, func() row { return measureSimulate(ctx, root, true, c.count) }))
	}
	if c.wants("real") {
		r.add(measuredRows(func() []row { return measureReal(ctx, root, tmp, c.quietWait) })...)
	}
}
