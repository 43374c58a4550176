package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// realOut is the part of -real -format json the tests read.
type realOut struct {
	Scenario    string
	GOMAXPROCS  int
	MsPerMinute float64
	Model       struct{ Makespan, CleaningDone float64 }
	Measured    struct {
		Makespan, CleaningDone, Overlap float64
		Spans                           []struct{ Who, Lane, What string }
	}
}

func TestRealJSON(t *testing.T) {
	code, out, errOut := runCLI("-real", "-scenario", "parallelism-1", "-format", "json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var r realOut
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if r.Scenario != "parallelism-1" || r.GOMAXPROCS != runtime.GOMAXPROCS(0) || r.MsPerMinute != 4 || r.Model.Makespan != 75 || r.Model.CleaningDone != 30 {
		t.Errorf("got %+v", r)
	}
	// The real clock: loose bounds. Two cleaners' 60 minutes of work take
	// from 30 minutes (two processors) to about 60 (one), more on a busy
	// machine; You listens for 45 once done with their own rooms.
	if m := r.Measured; m.CleaningDone < 15 || m.CleaningDone > 240 || m.Makespan < 0.5*75 || m.Makespan < m.CleaningDone || len(m.Spans) != 5 {
		t.Errorf("measured %+v", m)
	}
}

func TestRealAllAndText(t *testing.T) {
	code, out, errOut := runCLI("-real", "-scenario", "all", "-format", "json", "-ms-per-minute", "2")
	var all []realOut
	if code != 0 || errOut != "" || json.Unmarshal([]byte(out), &all) != nil || len(all) != 6 {
		t.Fatalf("exit %d, stderr %q, %d results", code, errOut, len(all))
	}
	for _, r := range all {
		if r.MsPerMinute != 2 || r.Measured.Makespan < 0.5*r.Model.Makespan {
			t.Errorf("%s: %v ms a minute, measured makespan %v, model %v", r.Scenario, r.MsPerMinute, r.Measured.Makespan, r.Model.Makespan)
		}
	}
	code, out, errOut = runCLI("-real", "-scenario", "best-of-both")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"best-of-both, on real goroutines: GOMAXPROCS ", "makespan             45", "cleaning done        30",
		"hands Kitchen", "ears  podcast", "[0 – 45]", "overlapped the cleaning"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

// TestRealHelperProcess is the program itself, run by the tests below in
// a process of its own (so that GOMAXPROCS is read from the environment at
// start, as it is by chores).
func TestRealHelperProcess(t *testing.T) {
	if os.Getenv("CHORES_HELPER") != "1" {
		t.Skip("run by other tests")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

func helper(t *testing.T, env []string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"-test.run=^TestRealHelperProcess$", "--"}, args...)...)
	cmd.Env = append(append(os.Environ(), "CHORES_HELPER=1"), env...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return out
}

func TestRealHonoursGOMAXPROCS(t *testing.T) {
	var one realOut
	if err := json.Unmarshal(helper(t, []string{"GOMAXPROCS=1"}, "-real", "-scenario", "parallelism-1", "-format", "json"), &one); err != nil {
		t.Fatal(err)
	}
	if one.GOMAXPROCS != 1 {
		t.Errorf("GOMAXPROCS=1: the run says %d", one.GOMAXPROCS)
	}
	// One processor for two cleaners: their 60 minutes of work take about
	// 60, not the model's 30. The bound is loose (1.2 times the model): the
	// work is calibrated once, and a machine busy with other things while it
	// calibrates makes the work smaller (make bench measures the ratio on a
	// quiet machine).
	if one.Measured.CleaningDone < 36 {
		t.Errorf("GOMAXPROCS=1: cleaning done at %v, want at least 36", one.Measured.CleaningDone)
	}
}

var (
	taskBegin   = regexp.MustCompile(`\bTaskBegin .*\bID=(\d+) .*Type="([^"]*)"`)
	regionBegin = regexp.MustCompile(`\bG=(\d+) RegionBegin .*\bTask=(\d+) Type="([^"]*)"`)
)

func TestRealTraceFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "real.trace")
	code, out, errOut := runCLI("-real", "-scenario", "best-of-both", "-trace", file)
	if code != 0 || errOut != "" || !strings.Contains(out, "best-of-both") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	// go test puts the go command that runs it first on PATH.
	goTool := "go"
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	parsed, err := exec.CommandContext(ctx, goTool, "tool", "trace", "-d=parsed", file).CombinedOutput()
	if err != nil {
		t.Fatalf("go tool trace -d=parsed: %v\n%.2000s", err, parsed)
	}
	tasks := map[string]string{}
	var people []string
	for _, m := range taskBegin.FindAllStringSubmatch(string(parsed), -1) {
		tasks[m[1]] = m[2]
		people = append(people, m[2])
	}
	slices.Sort(people)
	if !slices.Equal(people, []string{"Friend", "You"}) {
		t.Errorf("tasks %v, want one per person (Friend, You)", people)
	}
	regions := map[string][]string{}
	for _, m := range regionBegin.FindAllStringSubmatch(string(parsed), -1) {
		regions[tasks[m[2]]] = append(regions[tasks[m[2]]], m[3])
	}
	var all []string
	for who, rs := range regions {
		if who == "" {
			t.Errorf("regions %v in no person's task", rs)
		}
		if !slices.Contains(rs, "listening") {
			t.Errorf("%s has no listening region: %v", who, rs)
		}
		all = append(all, rs...)
	}
	slices.Sort(all)
	if want := []string{"Bathroom", "Bedroom", "Kitchen", "Living room", "listening", "listening"}; !slices.Equal(all, want) {
		t.Errorf("regions %v, want %v", all, want)
	}
}

func TestRealBadFlags(t *testing.T) {
	tr := filepath.Join(t.TempDir(), "x.trace")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-trace", tr}, "-trace goes with -real"},
		{[]string{"-real", "-report"}, "-real goes with neither"},
		{[]string{"-real", "-screenshot", "x.png"}, "-real goes with neither"},
		{[]string{"-real", "-scenario", "all", "-trace", tr}, "-trace takes one scenario"},
		{[]string{"-real", "-ms-per-minute", "0"}, "-ms-per-minute 0: must be a number from 1 to 50"},
		{[]string{"-real", "-ms-per-minute", "NaN"}, "-ms-per-minute NaN: must be a number"},
		{[]string{"-real", "-ms-per-minute", "51"}, "-ms-per-minute 51: must be"},
		{[]string{"-real", "-scenario", "nowhere"}, "unknown scenario"},
		{[]string{"-real", "-format", "yaml"}, "-format"},
		{[]string{"-scenario", "all"}, "-scenario all goes with -report or -real"},
	} {
		code, out, errOut := runCLI(tt.args...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q (want exit 2, one line with %q)", tt.args, code, out, errOut, tt.want)
		}
	}
	if _, err := os.Stat(tr); err == nil {
		t.Errorf("a refused -trace wrote %s", tr)
	}
}
