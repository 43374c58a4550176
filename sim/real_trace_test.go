//go:build !js

package sim

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/trace"
	"slices"
	"testing"
	"time"
)

// traceEvents is what `go tool trace -d=parsed` says of a trace: the tasks
// by id (their names), and the regions, each begun and ended on one
// goroutine within one task.
type traceEvents struct {
	tasks   map[string]string // id -> name
	regions []traceRegion
}

type traceRegion struct {
	name, task, g string
	ended         bool
}

var (
	taskBegin   = regexp.MustCompile(`\bG=(\d+) TaskBegin .*\bID=(\d+) .*Type="([^"]*)"`)
	regionBegin = regexp.MustCompile(`\bG=(\d+) RegionBegin .*\bTask=(\d+) Type="([^"]*)"`)
	regionEnd   = regexp.MustCompile(`\bG=(\d+) RegionEnd .*\bTask=(\d+) Type="([^"]*)"`)
)

// parseTrace runs go tool trace -d=parsed on file.
func parseTrace(t *testing.T, file string) traceEvents {
	t.Helper()
	// go test puts the go command that runs it first on PATH.
	goTool := "go"
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, goTool, "tool", "trace", "-d=parsed", file).CombinedOutput()
	if err != nil {
		t.Fatalf("go tool trace -d=parsed %s: %v\n%.2000s", file, err, out)
	}
	ev := traceEvents{tasks: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := taskBegin.FindStringSubmatch(line); m != nil {
			ev.tasks[m[2]] = m[3]
		}
		if m := regionBegin.FindStringSubmatch(line); m != nil {
			ev.regions = append(ev.regions, traceRegion{g: m[1], task: m[2], name: m[3]})
		}
		if m := regionEnd.FindStringSubmatch(line); m != nil {
			for i := range ev.regions {
				r := &ev.regions[i]
				if !r.ended && r.g == m[1] && r.task == m[2] && r.name == m[3] {
					r.ended = true
					break
				}
			}
		}
	}
	return ev
}

func TestRealTrace(t *testing.T) {
	// best-of-both: two people, each with a goroutine that cleans and one
	// that listens; on the fake clock, so the run is quick.
	s := preset(t, "best-of-both")
	file := filepath.Join(t.TempDir(), "real.trace")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := trace.Start(f); err != nil {
		t.Skipf("cannot trace: %v", err)
	}
	var cpu fakeCPU
	res, err := runReal(context.Background(), s, cpu.options(), cpu.deps())
	trace.Stop()
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	ev := parseTrace(t, file)

	var people []string
	for _, name := range ev.tasks {
		people = append(people, name)
	}
	slices.Sort(people)
	if !slices.Equal(people, []string{"Friend", "You"}) {
		t.Fatalf("tasks %v, want one per person: Friend, You", people)
	}
	// Each chore is a region in its person's task, on one goroutine; each
	// person's rooms on one goroutine, their listening on another.
	chores := map[string][]string{} // person -> region names
	gs := map[string]map[string]bool{}
	for _, r := range ev.regions {
		who, ok := ev.tasks[r.task]
		if !ok {
			t.Errorf("region %q is in no person's task (task %s)", r.name, r.task)
			continue
		}
		if !r.ended {
			t.Errorf("region %q of %s did not end on the goroutine it began on", r.name, who)
		}
		chores[who] = append(chores[who], r.name)
		if gs[who] == nil {
			gs[who] = map[string]bool{}
		}
		gs[who][r.g] = true
	}
	// On the fake clock the first cleaner may well take every room: the
	// regions are held to the rooms the run says each person cleaned.
	for _, who := range people {
		var want []string
		goroutines := 1
		for _, sp := range res.Measured.Spans {
			if sp.Who == who && sp.Lane == LaneHands {
				want = append(want, sp.What)
				goroutines = 2
			}
		}
		want = append(want, "listening")
		got := chores[who]
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s's regions %v, want %v", who, got, want)
		}
		if len(gs[who]) != goroutines {
			t.Errorf("%s's regions are on %d goroutines, want %d (cleaning if any, listening)", who, len(gs[who]), goroutines)
		}
	}
}
