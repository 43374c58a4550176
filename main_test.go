package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestReportAll(t *testing.T) {
	code, out, errOut := runCLI("-report", "-scenario", "all")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"sequential            105    1.00x",
		"concurrency-1          60    1.75x",
		"parallelism-1          75    1.40x",
		"parallelism-2          75    1.40x",
		"concurrency-2          75    1.40x",
		"best-of-both           45    2.33x",
		"taking turns instead: makespan 120 min, waiting 45 min",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestReportJSON(t *testing.T) {
	code, out, _ := runCLI("-report", "-scenario", "best-of-both", "-format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var r struct {
		Makespan float64
		Spans    []struct{ Who, Lane string }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.Makespan != 45 || len(r.Spans) != 6 {
		t.Errorf("json: %v %+v", err, r)
	}
	code, out, _ = runCLI("-report", "-scenario", "all", "-format", "json")
	var all []json.RawMessage
	if code != 0 || json.Unmarshal([]byte(out), &all) != nil || len(all) != 6 {
		t.Errorf("all as json: exit %d, %d results", code, len(all))
	}
}

func TestScenarioFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "house.json")
	if err := os.WriteFile(good, []byte(`{"name":"flat","people":[{"name":"Ann","speed":2,"phone":true,"airpods":false}],
		"rooms":[{"name":"Kitchen","work":10}],"podcast":{"minutes":30,"listeners":["Ann"]},"cleaners":["Ann"],
		"listen":"after","share":"turns","homeTheatre":false,"handoffMinutes":0}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("-report", "-scenario", good)
	if code != 0 || !strings.Contains(out, "makespan 35 min") {
		t.Errorf("exit %d, stderr %q, out %q", code, errOut, out)
	}
}

func TestBadInputExits2WithOneLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"name":"x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-scenario", "nope"}, `unknown scenario "nope"`},
		{[]string{"-report", "-scenario", "nope"}, `unknown scenario "nope"`},
		{[]string{"-speed", "20"}, "-speed 20: must be a number from 0.5 to 8"},
		{[]string{"-speed", "x"}, `invalid value "x" for flag -speed`},
		{[]string{"-format", "xml", "-report"}, `-format "xml"`},
		{[]string{"-bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"-at", "-1"}, "-at -1: must be a number, at least 0"},
		{[]string{"-scenario", "all"}, "-scenario all goes with -report"},
		{[]string{"-report", "-scenario", bad}, "people: missing"},
		{[]string{"-report", "-scenario", filepath.Join(dir, "missing.json")}, "cannot read"},
		{[]string{"extra"}, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(tt.args...)
		lines := strings.Count(errOut, "\n")
		if code != 2 || !strings.Contains(errOut, tt.want) || lines != 1 || out != "" {
			t.Errorf("%v: exit %d, stderr %q (want exit 2, one line with %q)", tt.args, code, errOut, tt.want)
		}
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := runCLI("-h")
	if code != 0 || !strings.Contains(out, "-scenario") || !strings.Contains(out, "-screenshot") {
		t.Errorf("help: exit %d, %q", code, out)
	}
}

// Every number read from the command line is checked as lo <= x && x <= hi:
// NaN and the infinities are refused with exit 2 and one line, before any
// report is printed or any window opens (without -report the program would
// otherwise try to open one, and fail with exit 1 where there is no display).
func TestNonFiniteNumbersExit2(t *testing.T) {
	for _, v := range []string{"NaN", "nan", "Inf", "+Inf", "-Inf", "infinity", "+Infinity"} {
		for _, mode := range [][]string{{"-report"}, {}, {"-screenshot", filepath.Join(t.TempDir(), "x.png")}} {
			for _, flagName := range []string{"-speed", "-at"} {
				args := append(append([]string{}, mode...), flagName, v)
				code, out, errOut := runCLI(args...)
				if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, flagName+" ") || !strings.Contains(errOut, "must be a number") {
					t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
				}
			}
		}
	}
	code, _, errOut := runCLI("-report", "-speed", "NaN")
	if code != 2 || errOut != "chores: -speed NaN: must be a number from 0.5 to 8\n" {
		t.Errorf("-speed NaN: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI("-report", "-at", "NaN")
	if code != 2 || errOut != "chores: -at NaN: must be a number, at least 0\n" {
		t.Errorf("-at NaN: exit %d, %q", code, errOut)
	}
	for _, args := range [][]string{{"-speed", "1e400"}, {"-at", "1e400"}, {"-speed", "8.0000001"}} {
		if code, _, _ := runCLI(append([]string{"-report"}, args...)...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	for _, args := range [][]string{{"-speed", "0.5"}, {"-speed", "8"}, {"-at", "0"}, {"-at", "1e300"}} {
		if code, _, errOut := runCLI(append([]string{"-report"}, args...)...); code != 0 {
			t.Errorf("%q: exit %d, %q", args, code, errOut)
		}
	}
}

// runCLIWithin is runCLI that fails the test instead of hanging when the
// program takes longer than limit (opening a FIFO blocks forever).
func runCLIWithin(t *testing.T, limit time.Duration, args ...string) (int, string) {
	t.Helper()
	type result struct {
		code   int
		errOut string
	}
	done := make(chan result, 1)
	go func() {
		code, _, errOut := runCLI(args...)
		done <- result{code, errOut}
	}()
	select {
	case r := <-done:
		return r.code, r.errOut
	case <-time.After(limit):
		t.Fatalf("%q: no answer within %v", args, limit)
		return 0, ""
	}
}

func TestScenarioFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	sized := func(name string, size int64) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(size); err != nil { // sparse: no disk, reads as zeros
			t.Fatal(err)
		}
		return p
	}
	const limit = "larger than the limit of 1 MiB (1048576 bytes)"
	for _, tt := range []struct {
		size    int64
		tooBig  bool
		message string
	}{
		{1 << 20, false, "invalid JSON"},
		{1<<20 + 1, true, limit},
		{1 << 30, true, limit},
		{1 << 40, true, limit},
	} {
		p := sized(fmt.Sprintf("big-%d.json", tt.size), tt.size)
		start := time.Now()
		code, errOut := runCLIWithin(t, 5*time.Second, "-report", "-scenario", p)
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.message) {
			t.Errorf("%d bytes: exit %d, stderr %q (want %q)", tt.size, code, errOut, tt.message)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%d bytes: took %v", tt.size, d)
		}
	}
}

// A file whose size changes after the check (or a file system that does not
// know the size, like /proc) is still read through a limit: memory stays
// bounded whatever os.Stat said.
func TestScenarioFileReadIsBounded(t *testing.T) {
	p := filepath.Join(t.TempDir(), "grows.json")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(64 << 20)
	f.Close()
	small := fakeInfo{size: 10} // what os.Stat said a moment ago
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = readScenarioFile(p, small, nil)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "larger than the limit of 1 MiB") {
		t.Errorf("64 MiB behind a small stat: %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("reading allocated %d bytes; the limit is 1 MiB", alloc)
	}
}

type fakeInfo struct{ size int64 }

func (f fakeInfo) Name() string       { return "grows.json" }
func (f fakeInfo) Size() int64        { return f.size }
func (f fakeInfo) Mode() os.FileMode  { return 0o644 }
func (f fakeInfo) ModTime() time.Time { return time.Time{} }
func (f fakeInfo) IsDir() bool        { return false }
func (f fakeInfo) Sys() any           { return nil }

// Whatever the command line echoes (a file name, a flag, a value, an
// argument) reaches the terminal as one short line with its controls escaped.
func TestEchoesAreShortAndEscaped(t *testing.T) {
	dir := t.TempDir()
	evil := "\x1b]0;owned\a\x1b[2J\nchores: all good\u202e"
	long := strings.Repeat("x", 100000)
	evilFile := filepath.Join(dir, evil+".json")
	if err := os.WriteFile(evilFile, []byte(`{"name":"x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-scenario", evil},
		{"-scenario", long},
		{"-scenario", long + ".json"},
		{"-report", "-scenario", evilFile},
		{"-report", "-scenario", evil + ".json"},
		{"-speed", evil},
		{"-speed", long},
		{"-mute=" + evil},
		{"-" + evil},
		{"-" + long},
		{"--" + long + "=1"},
		{"-format", evil, "-report"},
		{"-format", long, "-report"},
		{"-report", evil},
		{"-report", long},
		{"-scenario"},
	} {
		code, out, errOut := runCLI(args...)
		shown := args[len(args)-1]
		shown = shown[:min(len(shown), 30)]
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") {
			t.Errorf("%q: exit %d, stdout %d bytes, stderr %q", shown, code, len(out), errOut[:min(len(errOut), 200)])
		}
		if len(errOut) > 400 || strings.ContainsAny(strings.TrimSuffix(errOut, "\n"), "\x1b\a\n\u202e") {
			t.Errorf("%q: stderr %d bytes: %q", shown, len(errOut), errOut[:min(len(errOut), 400)])
		}
	}
}
