//go:build !js

package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"chores/internal/headless"
	"chores/web/server"
)

// goCmd is the go command: $GO (the Makefile's), or go.
func goCmd() string {
	if g := os.Getenv("GO"); g != "" {
		return g
	}
	return "go"
}

func goEnv(ctx context.Context, name string) string {
	out, err := exec.CommandContext(ctx, goCmd(), "env", name).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// wasmFlags are the Makefile's WASMFLAGS: the yardstick is built like
// dist/chores.wasm.
var wasmFlags = []string{"-trimpath", "-gcflags=chores/...=-l", "-ldflags=-s -w"}

// yardstickWasm is the yardstick's .wasm, the name its index.html loads.
const yardstickWasm = "yardstick.wasm"

// buildWasm builds the main package pkg, from dir, for the browser into
// wasm, the way `make web` builds Chores.
func buildWasm(ctx context.Context, dir, pkg, wasm string) error {
	args := append([]string{"build"}, wasmFlags...)
	args = append(args, "-o", wasm, pkg)
	cmd := exec.CommandContext(ctx, goCmd(), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %s (in %s): %w\n%s", strings.Join(args, " "), dir, err, b)
	}
	return nil
}

// buildYardstick builds the yardstick (pkg, a package of this module, run
// from root) for the browser into out, beside its index.html and the
// toolchain's wasm_exec.js, and precompresses it the way `make web`
// precompresses dist/ (gzip -9 -n, brotli -q 11 when installed), so that the
// server hands both programs to the browser the same way. It writes nothing
// into the repository.
func buildYardstick(ctx context.Context, root, pkg, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	wasm := filepath.Join(out, yardstickWasm)
	if err := buildWasm(ctx, root, pkg, wasm); err != nil {
		return err
	}
	for _, page := range []string{"index.html", "yardstick.js"} {
		if err := copyFile(filepath.Join(root, pkg, page), filepath.Join(out, page)); err != nil {
			return err
		}
	}
	goroot := goEnv(ctx, "GOROOT")
	if err := copyFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"), filepath.Join(out, "wasm_exec.js")); err != nil {
		return err
	}
	files := []string{wasm, filepath.Join(out, "wasm_exec.js")}
	if b, err := exec.CommandContext(ctx, "gzip", append([]string{"-9", "-k", "-f", "-n"}, files...)...).CombinedOutput(); err != nil {
		return fmt.Errorf("gzip: %v\n%s", err, b)
	}
	if _, err := exec.LookPath("brotli"); err == nil {
		if b, err := exec.CommandContext(ctx, "brotli", append([]string{"-f", "-q", "11"}, files...)...).CombinedOutput(); err != nil {
			return fmt.Errorf("brotli: %v\n%s", err, b)
		}
	}
	return nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// gzipSize is the size of the file after gzip -9: the gzip command
// (`gzip -9 -n -c`), or compress/gzip at BestCompression when there is no
// gzip command. how says which.
func gzipSize(path string) (n int64, how string, err error) {
	if _, err := exec.LookPath("gzip"); err == nil {
		cmd := exec.Command("gzip", "-9", "-n", "-c", path)
		var cnt countWriter
		cmd.Stdout = &cnt
		if err := cmd.Run(); err != nil {
			return 0, "", fmt.Errorf("gzip -9 %s: %w", path, err)
		}
		return int64(cnt), "gzip -9 -n -c (the gzip command)", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	var cnt countWriter
	zw, _ := gzip.NewWriterLevel(&cnt, gzip.BestCompression)
	if _, err := io.Copy(zw, f); err != nil {
		return 0, "", err
	}
	if err := zw.Close(); err != nil {
		return 0, "", err
	}
	return int64(cnt), "compress/gzip at BestCompression (no gzip command)", nil
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return st.Size()
}

func mb(n int64) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }

func measureSize(chores, yard string) row {
	r := row{figure: ".wasm, gzip -9", budget: "≤ 1.15x", limit: 1.15, atMost: true}
	cz, how, err := gzipSize(chores)
	if err != nil {
		return r.fail(err)
	}
	yz, _, err := gzipSize(yard)
	if err != nil {
		return r.fail(err)
	}
	r.chores, r.base = mb(cz), mb(yz)
	r.setRatio(float64(cz) / float64(yz))
	r.details = append(r.details,
		fmt.Sprintf("compressed with %s; both built with GOOS=js GOARCH=wasm go build %s", how, strings.Join(quoteArgs(wasmFlags), " ")),
		fmt.Sprintf("raw: Chores %s (%d bytes), yardstick %s (%d bytes)", mb(fileSize(chores)), fileSize(chores), mb(fileSize(yard)), fileSize(yard)),
		fmt.Sprintf("gzip -9: Chores %d bytes, yardstick %d bytes", cz, yz))
	if cb, yb := fileSize(chores+".br"), fileSize(yard+".br"); cb > 0 && yb > 0 {
		r.details = append(r.details, fmt.Sprintf("brotli -q 11 (what the server sends Chromium): Chores %s, yardstick %s (%.2fx)", mb(cb), mb(yb), float64(cb)/float64(yb)))
	}
	logf("size: Chores %s, yardstick %s gzip -9", r.chores, r.base)
	return r
}

// referenceTolerance is how far the yardstick's gzip size may be from the
// reference yardstick's: the two are meant to be the same program in
// different words.
const referenceTolerance = 0.02

// measureReference builds the reference yardstick (its own module, in src,
// read only) for the browser into out and compares its gzip -9 size with
// the yardstick's: within 2% either way.
func measureReference(ctx context.Context, src, out, yard string) row {
	r := row{figure: "yardstick .wasm vs the reference, gzip -9", budget: "within 2%"}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return r.fail(err)
	}
	ref := filepath.Join(out, "minimal.wasm")
	logf("building the reference yardstick from %s", src)
	if err := buildWasm(ctx, src, ".", ref); err != nil {
		return r.fail(err)
	}
	yz, how, err := gzipSize(yard)
	if err != nil {
		return r.fail(err)
	}
	rz, _, err := gzipSize(ref)
	if err != nil {
		return r.fail(err)
	}
	r.chores, r.base = mb(yz), mb(rz)
	r.ratio, r.hasRatio = float64(yz)/float64(rz), true
	diff := r.ratio - 1
	r.verdict(math.Abs(diff) <= referenceTolerance)
	r.details = append(r.details,
		fmt.Sprintf("the yardstick (tools/bench/yardstick) is %d bytes after gzip -9, the reference (%s) %d bytes: %+.2f%% (within ±%.0f%% passes); compressed with %s; both built with GOOS=js GOARCH=wasm go build %s",
			yz, src, rz, 100*diff, 100*referenceTolerance, how, strings.Join(quoteArgs(wasmFlags), " ")),
		fmt.Sprintf("in this row the \"Chores\" column is the yardstick and the baseline is the reference; raw: yardstick %d bytes, reference %d bytes", fileSize(yard), fileSize(ref)))
	logf("reference: yardstick %s, reference %s gzip -9 (%+.2f%%)", r.chores, r.base, 100*diff)
	return r
}

func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if strings.ContainsAny(a, " ") {
			k, v, _ := strings.Cut(a, "=")
			a = k + "='" + v + "'"
		}
		out[i] = a
	}
	return out
}

// The whole-simulation budget: one sim.Simulate(sim.Largest()).
const (
	simulateBench      = "BenchmarkSimulateLargest"
	simulateNativeMs   = 1.0
	simulateInNodeMs   = 5.0
	simulateBenchRegex = "^" + simulateBench + "$"
)

// measureSimulate runs BenchmarkSimulateLargest (sim/simulate_bench_test.go:
// one whole simulation of sim.Largest(), 8 people and 64 rooms, through the
// exported sim.Simulate) -count times, natively or under WebAssembly in Node,
// and holds the median ns/op to the budget: 1 ms natively, 5 ms in Node.
func measureSimulate(ctx context.Context, root string, node bool, count int) row {
	where, limit := "natively", simulateNativeMs
	r := row{figure: "one whole sim.Simulate(sim.Largest()), native", base: "—"}
	args := []string{"test", "-run", "XXX", "-bench", simulateBenchRegex, "-benchmem", "-count", strconv.Itoa(count), "./sim/"}
	cmd := exec.CommandContext(ctx, goCmd(), args...)
	cmd.Dir = root
	cmd.Env = os.Environ()
	if node {
		where, limit = "in Node (js/wasm)", simulateInNodeMs
		r.figure = "one whole sim.Simulate(sim.Largest()), Node js/wasm"
		goroot := goEnv(ctx, "GOROOT")
		cmd.Env = append(cmd.Env, "GOOS=js", "GOARCH=wasm", "PATH="+filepath.Join(goroot, "lib", "wasm")+string(os.PathListSeparator)+os.Getenv("PATH"))
	}
	r.budget = fmt.Sprintf("≤ %g ms", limit)
	logf("whole-simulation benchmark %s: go %s", where, strings.Join(args, " "))
	out, err := cmd.CombinedOutput()
	if err != nil {
		return r.fail(fmt.Errorf("go test %s: %v\n%s", where, err, out))
	}
	ns, allocs := benchFigures(out, simulateBench)
	if len(ns) == 0 {
		return r.fail(fmt.Errorf("no %s ns/op figures in the output of go test %s:\n%s", simulateBench, where, out))
	}
	ms := median(ns) / 1e6
	r.chores = fmt.Sprintf("%.3f ms", ms)
	r.verdict(ms <= limit)
	r.details = append(r.details, fmt.Sprintf("%s, %s, median of %d: %.3f ms (%.1f%% of the %g ms budget); ns/op %s",
		where, simulateBench, len(ns), ms, 100*ms/limit, limit, fmtList(ns, "%.0f")))
	if len(allocs) > 0 {
		r.details = append(r.details, fmt.Sprintf("%s: %.0f allocations per simulation (median)", where, median(allocs)))
	}
	logf("simulate %s: %s (budget %g ms)", where, r.chores, limit)
	return r
}

// benchFigures reads the ns/op and allocs/op figures of one benchmark out
// of go test -bench output.
func benchFigures(out []byte, bench string) (ns, allocs []float64) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		name := f[0]
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i] // the -GOMAXPROCS suffix
			}
		}
		if name != bench {
			continue
		}
		for i := 2; i < len(f); i++ {
			v, err := strconv.ParseFloat(f[i-1], 64)
			if err != nil {
				continue
			}
			switch f[i] {
			case "ns/op":
				ns = append(ns, v)
			case "allocs/op":
				allocs = append(allocs, v)
			}
		}
	}
	return ns, allocs
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func fmtList(v []float64, format string) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprintf(format, x)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// serve serves dir with chores/web/server on a random local port.
func serve(dir string) (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: server.New(dir), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logf("server for %s: %v", dir, err)
		}
	}()
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// machine describes where the figures were taken.
type machine struct {
	cpus                      int
	cpu, mem, os, kernel      string
	chromium, goVersion, arch string
}

func machineInfo(ctx context.Context) machine {
	m := machine{cpus: runtime.NumCPU(), arch: runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for l := range strings.Lines(string(b)) {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for l := range strings.Lines(string(b)) {
			if f := strings.Fields(l); len(f) >= 2 && f[0] == "MemTotal:" {
				if kb, err := strconv.ParseFloat(f[1], 64); err == nil {
					m.mem = fmt.Sprintf("%.1f GiB", kb/(1<<20))
				}
			}
		}
	}
	if b, err := os.ReadFile("/etc/os-release"); err == nil {
		for l := range strings.Lines(string(b)) {
			if v, ok := strings.CutPrefix(strings.TrimSpace(l), "PRETTY_NAME="); ok {
				m.os = strings.Trim(v, `"`)
			}
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.kernel = strings.TrimSpace(string(b))
	}
	if out, err := exec.CommandContext(ctx, headless.ExecPath(), "--version").Output(); err == nil {
		m.chromium = strings.TrimSpace(string(out))
	}
	m.goVersion = goEnv(ctx, "GOVERSION")
	return m
}
