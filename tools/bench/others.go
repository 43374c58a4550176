//go:build !js

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The measurements want a quiet machine. others watches the CPU time used by
// processes that are not this program or its children (the browsers and
// go test it starts) while a measurement runs, so that a report taken beside
// other work (say, a test suite running Chromium) says so.

// clockTicks is USER_HZ, the unit of /proc/PID/stat times (100 on Linux).
const clockTicks = 100

type procTimes struct {
	ppid  int
	comm  string
	ticks int64
}

func readProcs() map[int]procTimes {
	out := map[int]procTimes{}
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		pid, err := strconv.Atoi(filepath.Base(d))
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join(d, "stat"))
		if err != nil {
			continue
		}
		s := string(b)
		open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || end < open {
			continue
		}
		f := strings.Fields(s[end+1:])
		if len(f) < 13 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		out[pid] = procTimes{ppid: ppid, comm: s[open+1 : end], ticks: ut + st}
	}
	return out
}

// ours reports whether pid is this process or one of its descendants.
func ours(procs map[int]procTimes, pid int) bool {
	self := os.Getpid()
	for range 64 {
		if pid == self {
			return true
		}
		p, ok := procs[pid]
		if !ok || pid <= 1 {
			return false
		}
		pid = p.ppid
	}
	return false
}

// cpuWatch samples the process table twice a second while a measurement
// runs. A process counts as ours once it has been seen under this program:
// when a browser stops, its children outlive the main process for a moment,
// orphaned, and must not be blamed on someone else.
type cpuWatch struct {
	start  time.Time
	before map[int]procTimes

	mu   sync.Mutex
	last map[int]procTimes // the latest times seen of every process
	mine map[int]string    // processes ever seen as ours, by label
	stop chan struct{}
	done chan struct{}
}

func watchOthers() *cpuWatch {
	before := readProcs()
	w := &cpuWatch{start: time.Now(), before: before, last: before, mine: map[int]string{},
		stop: make(chan struct{}), done: make(chan struct{})}
	w.sample(before)
	go func() {
		defer close(w.done)
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-t.C:
				w.sample(readProcs())
			}
		}
	}()
	return w
}

func (w *cpuWatch) sample(procs map[int]procTimes) {
	w.mu.Lock()
	defer w.mu.Unlock()
	last := make(map[int]procTimes, len(procs))
	for pid, p := range w.last {
		last[pid] = p // keep the processes that have gone since
	}
	for pid, p := range procs {
		last[pid] = p
		if _, seen := w.mine[pid]; !seen && ours(procs, pid) {
			w.mine[pid] = label(pid, p.comm)
		}
	}
	w.last = last
}

// label names one of our processes: Chromium's by its --type (renderer,
// gpu-process, ...), others by their command name.
func label(pid int, comm string) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || comm != "chromium" {
		return comm
	}
	// Chromium rewrites its command line with spaces between the arguments.
	for _, arg := range strings.FieldsFunc(string(b), func(r rune) bool { return r == 0 || r == ' ' }) {
		if t, ok := strings.CutPrefix(arg, "--type="); ok {
			return "chromium " + t
		}
	}
	return "chromium browser"
}

// end stops sampling after one last sample.
func (w *cpuWatch) end() {
	select {
	case <-w.stop:
		return
	default:
	}
	close(w.stop)
	<-w.done
	w.sample(readProcs())
}

// usage is the CPU other processes used since the watch began, in CPUs
// (1 = one CPU busy all the time), and the biggest users.
func (w *cpuWatch) usage() (total float64, top string) {
	total, top, _, _ = w.split()
	return total, top
}

// split is usage plus the CPU this program and its children used, in all
// and by process (ownTop).
func (w *cpuWatch) split() (total float64, top string, own float64, ownTop string) {
	w.end()
	w.mu.Lock()
	defer w.mu.Unlock()
	after := w.last
	secs := time.Since(w.start).Seconds()
	if secs <= 0 {
		return 0, "", 0, ""
	}
	byName, ownBy := map[string]float64{}, map[string]float64{}
	for pid, p := range after {
		d := p.ticks
		if b, ok := w.before[pid]; ok {
			d -= b.ticks
		}
		if d <= 0 {
			continue
		}
		cpu := float64(d) / clockTicks / secs
		if l, ok := w.mine[pid]; ok {
			own += cpu
			ownBy[l] += cpu
			continue
		}
		byName[p.comm] += cpu
		total += cpu
	}
	return total, topOf(byName, 3), own, topOf(ownBy, 5)
}

// topOf lists the biggest users, as percentages of one CPU.
func topOf(byName map[string]float64, k int) string {
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case byName[a] > byName[b]:
			return -1
		case byName[a] < byName[b]:
			return 1
		}
		return strings.Compare(a, b)
	})
	var parts []string
	for _, n := range names[:min(k, len(names))] {
		if byName[n] >= 0.01 {
			parts = append(parts, fmt.Sprintf("%s %.0f%%", n, byName[n]*100))
		}
	}
	return strings.Join(parts, ", ")
}

// quietBelow is how much CPU other processes may use (in CPUs) for the
// machine to count as quiet.
const quietBelow = 0.15

// waitQuiet waits up to max until other processes leave the CPU alone
// (measured over 3 s windows).
func waitQuiet(ctx context.Context, max time.Duration) {
	if max <= 0 {
		return
	}
	deadline := time.Now().Add(max)
	waited := false
	for {
		w := watchOthers()
		if sleep(ctx, 3*time.Second) != nil {
			return
		}
		cpu, top := w.usage()
		if cpu < quietBelow {
			if waited {
				logf("the machine is quiet again")
			}
			return
		}
		if time.Now().After(deadline) {
			logf("gave up waiting for a quiet machine after %v (other processes use %.0f%% of one CPU: %s); measuring anyway", max, cpu*100, top)
			return
		}
		if !waited {
			logf("waiting up to %v for a quiet machine: other processes use %.0f%% of one CPU (%s)", max, cpu*100, top)
			waited = true
		}
	}
}

// measured runs one measurement and notes other work beside it. When timing
// is set the figure depends on the CPU being ours: it first waits for a quiet
// machine, and marks the row when other processes competed with it.
func measured(ctx context.Context, timing bool, quietWait time.Duration, f func() row) row {
	if timing {
		waitQuiet(ctx, quietWait)
	}
	w := watchOthers()
	r := f()
	cpu, top, own, ownTop := w.split()
	if timing {
		r.details = append(r.details, fmt.Sprintf("CPU while measuring (100%% = one CPU): this program and its children %.0f%% (%s), other processes %.0f%%", own*100, ownTop, cpu*100))
	}
	if cpu >= quietBelow {
		n := fmt.Sprintf("other processes used %.0f%% of one CPU (of %d) during this measurement (%s)", cpu*100, runtime.NumCPU(), top)
		if timing {
			n = "NOT A QUIET MACHINE: " + n + "; the figure is disturbed"
			r.disturbed = true
		}
		r.details = append(r.details, n)
		logf("%s: %s", r.figure, n)
	}
	return r
}
