//go:build !js

package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// row is one line of the table: a figure for Chores, the same figure for the
// yardstick (or the baseline), their ratio and the budget.
type row struct {
	figure, chores, base, budget string

	ratio    float64
	hasRatio bool
	limit    float64 // the budget's ratio
	atMost   bool    // pass when ratio <= limit (else when ratio >= limit)

	status    string // PASS, MISS or ERROR
	details   []string
	disturbed bool   // other processes competed for the CPU meanwhile
	section   string // "" for the main table; sectionReal for its own
}

// sectionReal is the real run's section of docs/performance.md.
const sectionReal = "real"

func (r *row) setRatio(v float64) {
	r.ratio, r.hasRatio = v, true
	ok := v >= r.limit
	if r.atMost {
		ok = v <= r.limit
	}
	r.verdict(ok)
}

func (r *row) verdict(ok bool) {
	r.status = "MISS"
	if ok {
		r.status = "PASS"
	}
}

// fail turns the row into an ERROR: the figure could not be measured.
func (r row) fail(err error) row {
	r.status = "ERROR"
	if r.chores == "" {
		r.chores = "?"
	}
	if r.base == "" {
		r.base = "?"
	}
	r.details = append(r.details, "could not measure: "+err.Error())
	logf("%s: ERROR: %v", r.figure, err)
	return r
}

func (r row) ratioText() string {
	if !r.hasRatio {
		return "—"
	}
	return fmt.Sprintf("%.2fx", r.ratio)
}

type report struct {
	cfg     config
	date    time.Time
	machine machine
	rows    []row
	notes   []string // said under the table, not a row
	elapsed time.Duration
}

func (r *report) add(rows ...row) { r.rows = append(r.rows, rows...) }

var header = []string{"figure", "Chores", "yardstick / baseline", "ratio", "budget", "result"}

func (r *report) cells() [][]string { return r.cellsOf(nil) }

// cellsOf is the table of the rows keep accepts (nil: all).
func (r *report) cellsOf(keep func(row) bool) [][]string {
	out := [][]string{header}
	for _, x := range r.rows {
		if keep != nil && !keep(x) {
			continue
		}
		status := x.status
		if x.disturbed {
			status += " (busy machine)"
		}
		out = append(out, []string{x.figure, x.chores, x.base, x.ratioText(), x.budget, status})
	}
	return out
}

// summary is the one line that says which budgets were missed.
func (r *report) summary() string {
	var miss, errs []string
	for _, x := range r.rows {
		switch x.status {
		case "MISS":
			miss = append(miss, x.figure)
		case "ERROR":
			errs = append(errs, x.figure)
		}
	}
	met := len(r.rows) - len(miss) - len(errs)
	s := fmt.Sprintf("%d of %d budgets met", met, len(r.rows))
	if len(miss) > 0 {
		s += fmt.Sprintf("; %d MISS: %s", len(miss), strings.Join(miss, "; "))
	}
	if len(errs) > 0 {
		s += fmt.Sprintf("; %d not measured (ERROR): %s", len(errs), strings.Join(errs, "; "))
	}
	var busy []string
	for _, x := range r.rows {
		if x.disturbed {
			busy = append(busy, x.figure)
		}
	}
	if len(busy) > 0 {
		s += fmt.Sprintf("; taken on a busy machine, so disturbed: %s", strings.Join(busy, "; "))
	}
	if r.cfg.soak < budgetSoak {
		s += fmt.Sprintf(" (heap soak was %v, shorter than the budget's %v: not a verdict on the budget)", r.cfg.soak, budgetSoak)
	}
	return s
}

func (m machine) String() string {
	parts := []string{
		fmt.Sprintf("%d CPUs (%s)", m.cpus, orUnknown(m.cpu)),
		orUnknown(m.mem) + " memory",
		orUnknown(m.os) + ", Linux " + orUnknown(m.kernel),
		orUnknown(m.chromium),
		orUnknown(m.goVersion) + " " + m.arch,
	}
	return strings.Join(parts, "; ")
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// text is the report for the terminal.
func (r *report) text() string {
	var b strings.Builder
	cells := r.cells()
	w := make([]int, len(header))
	for _, line := range cells {
		for i, c := range line {
			w[i] = max(w[i], utf8.RuneCountInString(c))
		}
	}
	for n, line := range cells {
		for i, c := range line {
			if i > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(c)
			if i < len(line)-1 {
				b.WriteString(strings.Repeat(" ", w[i]-utf8.RuneCountInString(c)))
			}
		}
		b.WriteString("\n")
		if n == 0 {
			for i := range w {
				if i > 0 {
					b.WriteString("-+-")
				}
				b.WriteString(strings.Repeat("-", w[i]))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
	for _, x := range r.rows {
		for _, d := range x.details {
			fmt.Fprintf(&b, "  %s: %s\n", x.figure, d)
		}
	}
	for _, n := range r.notes {
		fmt.Fprintf(&b, "  note: %s\n", n)
	}
	fmt.Fprintf(&b, "\n%s\nmachine: %s\nrun time: %v\n", r.date.Format("2006-01-02 15:04 MST"), r.machine, r.elapsed.Round(time.Second))
	fmt.Fprintf(&b, "SUMMARY: %s\n", r.summary())
	return b.String()
}

// markdown is docs/performance.md.
func (r *report) markdown() string {
	var b strings.Builder
	b.WriteString("# Performance\n\n")
	b.WriteString("Chores is measured against a yardstick: `tools/bench/yardstick`, the smallest\n" +
		"honest Ebitengine program (moving shapes and a line of text). Both are built the\n" +
		"same way and measured in the same run on the same machine; the budgets are\n" +
		"ratios, so they mean the same on a fast and a slow machine. Where\n" +
		"`../shared/reference/minimal` (the yardstick the project started from) exists, the\n" +
		"bench builds it too and checks that the two are within 2% in size. The simulation\n" +
		"has a budget of its own, in milliseconds.\n\n")
	b.WriteString("This file is written by `tools/bench`. To regenerate it:\n\n")
	b.WriteString("```sh\nmake bench                            # builds dist/, runs everything (about 15 minutes), rewrites this file\n")
	b.WriteString("make bench BENCHFLAGS='-soak 1m30s'   # quick check (about 6 minutes): prints the table, writes nothing\n")
	b.WriteString("go run ./tools/bench -h               # the flags (-soak, -loads, -write, ...); needs `make web` first\n```\n\n")
	fmt.Fprintf(&b, "## Results\n\nMeasured %s on %s.\n", r.date.Format("2006-01-02 15:04 MST"), r.machine)
	fmt.Fprintf(&b, "Flags: -soak %v -loads %d -warmup %v -measure %v -count %d. The run took %v.\n\n",
		r.cfg.soak, r.cfg.loads, r.cfg.warmup, r.cfg.measure, r.cfg.count, r.elapsed.Round(time.Second))
	main := func(x row) bool { return x.section == "" }
	writeTable(&b, r.cellsOf(main))
	fmt.Fprintf(&b, "\n**%s.**\n\n", r.summary())
	b.WriteString("A missed budget is reported as MISS, never rounded into a pass.\n\n")
	b.WriteString("### Raw figures\n\n")
	for _, x := range r.rows {
		if !main(x) {
			continue
		}
		for _, d := range x.details {
			fmt.Fprintf(&b, "- %s: %s\n", x.figure, d)
		}
	}
	for _, n := range r.notes {
		fmt.Fprintf(&b, "- note: %s\n", n)
	}
	b.WriteString("\n")
	real := func(x row) bool { return x.section == sectionReal }
	if slices.ContainsFunc(r.rows, real) {
		fmt.Fprintf(&b, "## Real run\n\nMeasured %s, in the same run.\n\n", r.date.Format("2006-01-02 15:04 MST"))
		writeTable(&b, r.cellsOf(real))
		b.WriteString("\n")
		for _, x := range r.rows {
			if real(x) {
				for _, d := range x.details {
					fmt.Fprintf(&b, "- %s: %s\n", x.figure, d)
				}
			}
		}
		b.WriteString("\n" + realNotes + "\n")
	}
	b.WriteString(notes)
	b.WriteString(embedNotes)
	return b.String()
}

func writeTable(b *strings.Builder, cells [][]string) {
	for n, line := range cells {
		b.WriteString("| " + strings.Join(line, " | ") + " |\n")
		if n == 0 {
			b.WriteString("|" + strings.Repeat("---|", len(line)) + "\n")
		}
	}
}

// realNotes say how the real run is measured.
const realNotes = "How: `chores -real -format json -scenario NAME` (built once with `go build`), each run a\n" +
	"process of its own with `GOMAXPROCS` set in its environment: the story of the code view on real\n" +
	"goroutines, a buffered channel of rooms, `sync.WaitGroup` and `sync.Mutex`; cleaning a\n" +
	"busy loop of a calibrated number of iterations (so goroutines that share a processor\n" +
	"take longer), listening a `time.Sleep`; 4 ms of the wall clock a virtual minute.\n" +
	"Medians of 5 runs: each preset with GOMAXPROCS = its cleaners against the model's\n" +
	"makespan (within 10%); `parallelism-1`'s cleaning (when the last room was finished)\n" +
	"with GOMAXPROCS=1 against 2 (at least 1.8x); the measured overlap of listening and\n" +
	"cleaning in the stories whose model has one, with GOMAXPROCS=1 and = cleaners (over 0).\n"

const notes = `## How each figure is measured

- **Builds.** ` + "`make web`" + ` builds ` + "`dist/chores.wasm`" + ` with
  ` + "`GOOS=js GOARCH=wasm go build -trimpath -gcflags=chores/...=-l -ldflags='-s -w'`" + `
  (the module's own packages without inlining: smaller, see the Makefile); the tool builds the
  yardstick (` + "`./tools/bench/yardstick`" + `, a package of the main module, so the same
  go.mod pins Ebitengine v2.10.4 for both) with the same command into a temporary
  folder, beside its own ` + "`index.html`" + ` and the toolchain's ` + "`wasm_exec.js`" + `,
  and precompresses it the way ` + "`make web`" + ` does (` + "`gzip -9 -n`" + `, ` + "`brotli -q 11`" + `), so the
  browser receives both the same way.
- **The reference.** When ` + "`../shared/reference/minimal`" + ` exists (` + "`-reference`" + `), it is
  built the same way (in its own module, into the temporary folder; nothing is written
  into it) and the two .wasm files' ` + "`gzip -9`" + ` sizes must be within 2% of each other:
  the yardstick is the same kind of program as the reference (moving rectangles and a
  line of ` + "`ebitenutil.DebugPrint`" + ` text), not a lighter one. Without the folder the row
  is left out and the report says so.
- **Size.** The byte count of ` + "`gzip -9 -n -c`" + ` of each .wasm (the gzip command;
  compress/gzip at BestCompression only if there is none). The raw and brotli
  sizes are listed for reference.
- **Serving.** Both folders are served in-process by ` + "`chores/web/server`" + `
  (precompressed variants by Accept-Encoding, ` + "`application/wasm`" + `) on 127.0.0.1, on
  random ports.
- **A quiet machine.** The budgets are ratios, but a run beside other work (a test
  suite driving another Chromium, a build) still skews them. Before each timed
  figure (simulation, first frame, FPS) the tool waits, up to ` + "`-quiet-wait`" + `, until
  processes other than its own and its children use less than 15% of one CPU
  (from ` + "`/proc/PID/stat`" + `), and a row taken while others competed with it says
  "(busy machine)" and names them under Raw figures.
- **Browser.** Headless Chromium with the flags of ` + "`internal/headless`" + ` (SwiftShader
  WebGL, no GPU, no sandbox), a fresh profile per browser, a 1280x800 viewport.
- **First frame.** ` + "`performance.now()`" + ` at the start of the first ` + "`Draw`" + ` call, which is
  milliseconds since navigation: ` + "`window.yardstick.firstFrameMs`" + ` and
  ` + "`chores.state().firstFrameMs`" + `. Loads alternate yardstick, Chores, yardstick, ...;
  each in a fresh tab with the cache disabled (` + "`Network.setCacheDisabled`" + `), so each
  load downloads and compiles the WebAssembly again. Chores loads its plain
  ` + "`index.html`" + ` (the default story). The median of each is compared.
- **FPS, busiest view.** Chores with ` + "`?config=<sim.Largest() as base64url JSON>&ui=full&autoplay=1&loop=1`" + `
  (8 people, 64 rooms, the full interface), the yardstick page as is, one after
  the other in the same browser. After the first frame and a warm-up, frames
  drawn are counted over the measuring window (the difference of the pages'
  frame counters over the elapsed ` + "`performance.now()`" + ` time); the engines' own
  ` + "`ebiten.ActualFPS()`" + ` is sampled once a second and averaged beside it. The ratio
  uses frames drawn.
- **Heap.** Chores with ` + "`?scenario=best-of-both&ui=full&loop=1&autoplay=1&mute=1`" + `;
  ` + "`state().heapLive`" + ` (runtime/metrics ` + "`/gc/heap/live:bytes`" + `: the heap that survived the
  last collection, refreshed once a second) is read 1 minute after the first
  frame and at the end of the soak (10 minutes for the budget). The budget is
  met when the end value is within 5% of the 1-minute value. A shorter ` + "`-soak`" + ` is
  for quick runs and is flagged in the table.
- **Embed out of view.** ` + "`embed-example.html`" + ` at 1280x800: its third iframe is below the
  fold (and lazy, so it may not have loaded at the top). The tool scrolls it into
  view until it draws, scrolls back to the top, lets it settle, then reads its
  ` + "`state().frames`" + ` twice 5 s apart. Budget: 0 frames per second. The first iframe, in
  view, must draw in the same interval, which shows the page was running; the
  third's ` + "`hiddenFrames`" + ` (Draw calls skipped) is listed too.
- **Simulation.** ` + "`go test -run XXX -bench '^BenchmarkSimulateLargest$' -benchmem -count 5 ./sim/`" + `,
  natively and under WebAssembly in Node (` + "`GOOS=js GOARCH=wasm`" + ` with
  ` + "`$(go env GOROOT)/lib/wasm`" + ` on PATH). One benchmark op is one whole
  ` + "`sim.Simulate(sim.Largest())`" + `: 8 people and 64 rooms, from the scenario to the
  full result with its timeline. The median ns/op must be at most 1 ms natively and
  5 ms in Node. (It replaced a per-event budget, the engine's ns/event against a
  callback scheduler within 2x: what a learner waits for is a whole run.)

## Where the size and the time go

- **Size.** The .wasm was 4.85 MB gzip (1.38x the yardstick) while the text went
  through Ebitengine's text/v2 shaping engine (and the fonts it needs); replacing it
  with a bitmap font renderer brought it to about 3.49 MB (1.00x). To see where the
  bytes go, build without ` + "`-s`" + ` and run ` + "`go run ./tools/wasmsize FILE.wasm`" + `, which breaks the
  file down by package.
- **Frames.** In headless Chromium, WebGL runs on SwiftShader (a CPU renderer) in
  Chromium's GPU process, so the pixels drawn cost CPU. The Raw figures split the
  browser's CPU by process while frames are counted: the GPU process (SwiftShader)
  against the renderer, where the Go program runs. The yardstick draws a 640x480
  screen that Ebitengine scales up to the 1280x800 canvas; Chores lays out at the
  canvas's own size (1280x800 device pixels here), about 3.3 times the pixels, and
  draws many more shapes. Drawing everything every frame, it made 0.73x the
  yardstick's frames (13.6 against 18.8 fps); a build that drew nothing made 60 fps,
  because Ebitengine does not present a frame whose screen did not change. So Chores
  now records each frame, compares it tile by tile (32x32 pixels) with the last one,
  and repaints only the tiles whose draws changed (` + "`game/redraw`" + `): about 3% of the
  screen per frame in the busiest view, nothing at all in a still one. A display
  test checks, frame by frame, that the result is pixel for pixel a full draw.
`
