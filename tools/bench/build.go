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
var wasmFlags = []string{"-trimpath", "-ldflags=-s -w"}

// buildYardstick builds the yardstick for the browser into out, beside its
// index.html and the toolchain's wasm_exec.js, and precompresses it the way
// `make web` precompresses dist/ (gzip -9 -n, brotli -q 11 when installed),
// so that the server hands both programs to the browser the same way. It
// never writes into src.
func buildYardstick(ctx context.Context, src, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	wasm := filepath.Join(out, "minimal.wasm")
	build := func(extraEnv ...string) error {
		args := append([]string{"build"}, wasmFlags...)
		args = append(args, "-o", wasm, ".")
		cmd := exec.CommandContext(ctx, goCmd(), args...)
		cmd.Dir = src
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		cmd.Env = append(cmd.Env, extraEnv...)
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%w\n%s", err, b)
		}
		return nil
	}
	if err := build(); err != nil {
		logf("the yardstick did not build as is (%v); retrying with GOFLAGS=-mod=mod", err)
		if err := build("GOFLAGS=-mod=mod"); err != nil {
			return err
		}
	}
	if err := copyFile(filepath.Join(src, "index.html"), filepath.Join(out, "index.html")); err != nil {
		return err
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

// measureEngine runs the sim benchmarks BenchmarkEngine and
// BenchmarkCallbacks -count times and compares the medians of their ns/event;
// BenchmarkHandoff (one process handing control straight to another, with no
// queue and no work) is listed beside them as the floor under every engine
// event.
func measureEngine(ctx context.Context, root string, node bool, count int) row {
	where := "natively"
	r := row{figure: "sim engine, ns/event, native (vs callback scheduler)", budget: "≤ 2x", limit: 2, atMost: true}
	args := []string{"test", "-run", "XXX", "-bench", "^(BenchmarkEngine|BenchmarkCallbacks|BenchmarkHandoff)$", "-count", strconv.Itoa(count), "./sim/"}
	cmd := exec.CommandContext(ctx, goCmd(), args...)
	cmd.Dir = root
	cmd.Env = os.Environ()
	if node {
		where = "in Node (js/wasm)"
		r.figure = "sim engine, ns/event, Node js/wasm (vs callback scheduler)"
		goroot := goEnv(ctx, "GOROOT")
		cmd.Env = append(cmd.Env, "GOOS=js", "GOARCH=wasm", "PATH="+filepath.Join(goroot, "lib", "wasm")+string(os.PathListSeparator)+os.Getenv("PATH"))
	}
	logf("engine benchmarks %s: go %s", where, strings.Join(args, " "))
	out, err := cmd.CombinedOutput()
	if err != nil {
		return r.fail(fmt.Errorf("go test %s: %v\n%s", where, err, out))
	}
	got := map[string][]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		for i := 1; i < len(f); i++ {
			if f[i] == "ns/event" {
				if v, err := strconv.ParseFloat(f[i-1], 64); err == nil {
					got[name] = append(got[name], v)
				}
			}
		}
	}
	eng, cb := got["BenchmarkEngine"], got["BenchmarkCallbacks"]
	if len(eng) == 0 || len(cb) == 0 {
		return r.fail(fmt.Errorf("no ns/event figures in the output of go test %s:\n%s", where, out))
	}
	me, mc := median(eng), median(cb)
	r.chores = fmt.Sprintf("%.0f ns/event", me)
	r.base = fmt.Sprintf("%.0f ns/event", mc)
	r.setRatio(me / mc)
	r.details = append(r.details,
		fmt.Sprintf("%s, median of %d: engine %s, callbacks %s", where, len(eng), fmtList(eng, "%.1f"), fmtList(cb, "%.1f")))
	if h := got["BenchmarkHandoff"]; len(h) > 0 {
		mh := median(h)
		r.details = append(r.details, fmt.Sprintf("%s, the floor: one process handing control straight to another (BenchmarkHandoff: a ring of 100 processes, no queue, no work) takes %.1f ns (median of %s) = %.2fx a whole callback event; an engine event is such a handoff plus the same queue work as a callback event, so with goroutine processes the ratio is at least about %.2fx (each figure has some run-to-run noise)",
			where, mh, fmtList(h, "%.1f"), mh/mc, 1+mh/mc))
	}
	logf("engine %s: %s vs %s (%.2fx)", where, r.chores, r.base, me/mc)
	return r
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
