package vt

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// Under WebAssembly the runtime parks one goroutine of its own to receive
// JavaScript events; it is not ours.
var leakOptions = []goleak.Option{goleak.IgnoreAnyFunction("runtime.handleEvent")}

func TestMain(m *testing.M) { goleak.VerifyTestMain(m, leakOptions...) }

func run(w *World) {
	for w.Step() {
	}
}

// Goroutines take turns in time order; at one instant, in the order they
// were started; and never two at once.
func TestOrderIsTimeThenStart(t *testing.T) {
	w := NewWorld("world_test.go")
	var log []string
	running := 0
	for i, d := range []int64{3, 1, 1, 2} {
		w.Go(fmt.Sprint("g", i), i, func() {
			for k := range 2 {
				running++
				if running != 1 {
					t.Errorf("%d goroutines running at once", running)
				}
				log = append(log, fmt.Sprintf("%s g%d.%d", w.Now().Exact(), i, k))
				running--
				w.Sleep(Whole(d))
			}
		})
	}
	run(w)
	want := "0 g0.0|0 g1.0|0 g2.0|0 g3.0|1 g1.1|1 g2.1|2 g3.1|3 g0.1"
	if got := strings.Join(log, "|"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if len(w.Stuck()) != 0 {
		t.Errorf("stuck: %v", w.Stuck())
	}
}

func TestWaitGroup(t *testing.T) {
	w := NewWorld("world_test.go")
	g := w.NewWaitGroup()
	var woke []string
	g.Add(2)
	for i := range 2 {
		w.Go("worker", i, func() {
			w.Sleep(Whole(int64(5 * (i + 1))))
			g.Done()
		})
	}
	for i := range 2 {
		w.Go("waiter", 10+i, func() {
			g.Wait()
			woke = append(woke, w.Now().Exact())
		})
	}
	run(w)
	if strings.Join(woke, ",") != "10,10" {
		t.Errorf("waiters woke at %v, want both at 10", woke)
	}
}

// The mutex goes to whoever asked first; at the same instant, to the lower
// rank, whatever order the goroutines ran in.
func TestMutexFirstComeFirstServed(t *testing.T) {
	w := NewWorld("world_test.go")
	m := w.NewMutex()
	var got []string
	ask := func(name string, rank int, at int64) {
		w.Go(name, rank, func() {
			w.Sleep(Whole(at))
			m.Lock()
			got = append(got, fmt.Sprintf("%s@%s", name, w.Now().Exact()))
			w.Sleep(Whole(10))
			m.Unlock()
		})
	}
	ask("late", 0, 5)     // asks at 5
	ask("second", 3, 0)   // asks at 0, rank 3
	ask("first", 1, 0)    // asks at 0, rank 1: first
	ask("latest", -1, 12) // asks at 12, lowest rank, but after "late"
	run(w)
	want := "first@0,second@10,late@20,latest@30"
	if s := strings.Join(got, ","); s != want {
		t.Errorf("got %s, want %s", s, want)
	}
}

// Receivers free at the same instant are served in rank order.
func TestChanServesByRank(t *testing.T) {
	w := NewWorld("world_test.go")
	c := MakeChan[int](w, 4)
	for v := range 4 {
		c.Send(v)
	}
	c.Close()
	got := map[int][]int{}
	for _, rank := range []int{2, 0, 1} { // started out of rank order
		w.Go("r", rank, func() {
			for v := range c.Receive {
				got[rank] = append(got[rank], v)
				w.Sleep(Whole(1))
			}
		})
	}
	run(w)
	if fmt.Sprint(got) != "map[0:[0 3] 1:[1] 2:[2]]" {
		t.Errorf("got %v: at 0, ranks 0, 1, 2 take 0, 1, 2; at 1 rank 0 takes 3", got)
	}
}

// Parks are recorded at the story's line, blocked or not; a goroutine that
// never waits has none.
func TestParksAtTheStoryLine(t *testing.T) {
	w := NewWorld("world_test.go")
	g := w.NewWaitGroup()
	g.Add(1)
	_, _, sleepLine, _ := runtime.Caller(0)
	w.Go("sleeper", 0, func() { w.Sleep(Whole(4)); g.Done() }) // sleepLine + 1
	w.Go("waiter", 1, func() { g.Wait() })                     // sleepLine + 2
	w.Go("idle", 2, func() {})
	run(w)
	gs := w.Goroutines()
	want := []string{
		fmt.Sprintf("sleeper [{0 4 false %d}]", sleepLine+1),
		fmt.Sprintf("waiter [{0 4 true %d}]", sleepLine+2),
		"idle []",
	}
	for i, g := range gs {
		var parks []string
		for _, p := range g.Parks {
			parks = append(parks, fmt.Sprintf("{%s %s %v %d}", p.From.Exact(), p.To.Exact(), p.Blocked, p.Site.Line))
		}
		if got := fmt.Sprintf("%s [%s]", g.Name, strings.Join(parks, " ")); got != want[i] {
			t.Errorf("got %s, want %s", got, want[i])
		}
	}
}

// Close unwinds every goroutine still blocked, running its deferred calls.
func TestCloseUnwinds(t *testing.T) {
	w := NewWorld("world_test.go")
	deferred := 0
	m := w.NewMutex()
	for i := range 5 {
		w.Go("p", i, func() {
			defer func() { deferred++ }()
			w.Sleep(Whole(int64(i + 1)))
			m.Lock() // the first gets it and keeps it; the rest block
		})
	}
	for range 8 {
		w.Step()
	}
	w.Close()
	if deferred != 5 {
		t.Errorf("%d of 5 goroutines ran their deferred calls", deferred)
	}
	// A goroutine closed before its first turn never runs.
	w = NewWorld("world_test.go")
	w.Go("never started", 0, func() { t.Error("ran") })
	w.Close()
	goleak.VerifyNone(t, leakOptions...)
}

func TestPanicReachesTheCaller(t *testing.T) {
	w := NewWorld("world_test.go")
	w.Go("bad", 0, func() { w.Sleep(Whole(1)); panic("boom") })
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
		w.Close()
	}()
	run(w)
}
