package sim

import (
	"bytes"
	"context"
	"math"
	"runtime"
	"runtime/trace"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// This file runs the story (story.go) for real: on real goroutines, a real
// buffered channel of rooms, sync.WaitGroup and sync.Mutex. Cleaning is CPU
// work (a busy loop of a calibrated number of iterations: hands need a
// processor), listening is time.Sleep (ears need none), so the measured
// timeline shows what GOMAXPROCS does to the very code the code view shows:
// with one processor two cleaners share it and take as long as one doing
// both; with two they clean at once; either way listening overlaps cleaning.

// DefaultMsPerMinute is how many milliseconds of the wall clock stand for one
// virtual minute in a real run.
//
// Why 4: the longest preset is 105 minutes (420 ms), so a whole run stays
// well under a second, and the CLI's six presets under 2.5 s. The shortest
// chore of the presets is a 10-minute room (40 ms): time.Sleep overshoots by
// 50–100 µs on Linux (up to about 1 ms on a busy machine, and timers are seen
// by the scheduler only between slices of work, about 1 ms apart), and the
// goroutines start in tens of µs, so each span is off by a few percent at most,
// and the makespan by well under the 10% the bench allows. At 1 ms a minute
// those errors would be 4 times larger against each span; at 10 ms the
// sequential story would take over a second.
const DefaultMsPerMinute = 4

// DefaultSlice is how long Work computes between two calls of Yield: short
// enough that two cleaners on one processor take turns often (and, in the
// browser, that the page gets the thread back within a frame), long enough
// that the hook's cost (a Gosched is well under a µs) is lost in it.
const DefaultSlice = time.Millisecond

// RealOptions tune a real run. The zero value is the command line's run.
type RealOptions struct {
	// MsPerMinute is the milliseconds of one virtual minute; 0 means
	// DefaultMsPerMinute.
	MsPerMinute float64
	// Slice is how much work is done between two calls of Yield; 0 means
	// DefaultSlice.
	Slice time.Duration
	// Yield is called between two slices of work, on the working goroutine.
	// nil means runtime.Gosched: natively that lets the other goroutines on
	// the same processor run (and lets timers fire). In the browser (js/wasm,
	// one thread) control returns to the page only when every goroutine is
	// blocked, so the game passes BrowserYield there, a real short block.
	Yield func()
	// GOMAXPROCS, when over 0, is set for the run and put back after it (the
	// desktop panel's control); 0 leaves it as it is (the GOMAXPROCS
	// environment variable, or the runtime's default).
	GOMAXPROCS int
	// ItersPerMs is the speed of the busy loop on one processor; 0 means
	// measure it (once per process: see Calibrate).
	ItersPerMs float64
}

// BrowserYield is the Yield for a real run beside the game in a browser:
// a short time.Sleep, so that while every goroutine of the run sleeps the
// Go runtime hands the thread back to the page to draw a frame.
//
// The game runs it off its Update loop, for example:
//
//	go func() { res, err := sim.RunReal(ctx, s, sim.RealOptions{Yield: sim.BrowserYield}); ... }()
//
// and draws the result when it arrives (a channel read in Update without
// blocking). Work then takes longer than the model says, by the frames drawn
// between slices; the panel should say so.
func BrowserYield() { time.Sleep(time.Millisecond) }

// RealResult is a real run of a scenario beside the model's.
type RealResult struct {
	Scenario    string
	GOMAXPROCS  int     // runtime.GOMAXPROCS during the run
	NumCPU      int     // runtime.NumCPU
	MsPerMinute float64 // wall milliseconds per virtual minute
	ItersPerMs  float64 // the busy loop's calibrated speed on one processor
	Wall        time.Duration
	// Model is the virtual run (Simulate). Measured is the real one: its
	// timeline was read off the wall clock, in virtual minutes (on a grid of
	// thousandths, as sim.Approx gives), and its figures are computed from it
	// by the same formulas.
	Model    *Result
	Measured *Result
}

// CleaningDone is when the last room was finished (0 without rooms).
func (r *Result) CleaningDone() Time {
	var t Time
	for _, sp := range r.Spans {
		if sp.Lane == LaneHands {
			t = Later(t, sp.End)
		}
	}
	return t
}

// realDeps are the clock, the work and the sleep of a real run: the wall
// clock, a busy loop and time.Sleep, or fakes in tests.
type realDeps struct {
	now   func() time.Duration // monotonic, from any fixed origin
	spin  func(iters int64)
	sleep func(ctx context.Context, d time.Duration)
}

var wallOrigin = time.Now()

func wallDeps() realDeps {
	return realDeps{
		now:  func() time.Duration { return time.Since(wallOrigin) },
		spin: spin,
		sleep: func(ctx context.Context, d time.Duration) {
			if d <= 0 {
				return
			}
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-t.C:
			case <-ctx.Done():
			}
		},
	}
}

// RunReal runs the scenario's story on real goroutines and returns the
// measured timeline beside the model's. When it returns, every goroutine it
// started has ended; a cancelled ctx ends the run early (work stops at the
// next slice, sleeps at once) and returns ctx.Err().
func RunReal(ctx context.Context, s Scenario, o RealOptions) (*RealResult, error) {
	return runReal(ctx, s, o, wallDeps())
}

func runReal(ctx context.Context, s Scenario, o RealOptions, deps realDeps) (*RealResult, error) {
	model, err := SimulateContext(ctx, s)
	if err != nil {
		return nil, err
	}
	if o.MsPerMinute <= 0 {
		o.MsPerMinute = DefaultMsPerMinute
	}
	if o.Slice <= 0 {
		o.Slice = DefaultSlice
	}
	if o.Yield == nil {
		o.Yield = runtime.Gosched
	}
	if o.ItersPerMs <= 0 {
		o.ItersPerMs = Calibrate()
	}
	if o.GOMAXPROCS > 0 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(o.GOMAXPROCS))
	}
	rt := &realRuntime{ctx: ctx, s: &s, o: o, deps: deps}
	rt.sliceIters = max(1, int64(math.Round(o.ItersPerMs*float64(o.Slice)/float64(time.Millisecond))))
	h := newHousehold(&s, rt)
	rt.startTasks(h)

	rt.origin = deps.now()
	h.play(rt)
	rt.wg.Wait()
	wall := deps.now() - rt.origin
	rt.endIdleTasks()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &RealResult{
		Scenario:    s.Name,
		GOMAXPROCS:  runtime.GOMAXPROCS(0),
		NumCPU:      runtime.NumCPU(),
		MsPerMinute: o.MsPerMinute,
		ItersPerMs:  o.ItersPerMs,
		Wall:        wall,
		Model:       model,
		Measured:    h.rec.result(&s, h.devices, h.deviceOf(), nil),
	}, nil
}

// realRuntime is the Runtime of RunReal.
type realRuntime struct {
	ctx        context.Context
	s          *Scenario
	o          RealOptions
	deps       realDeps
	origin     time.Duration
	sliceIters int64
	wg         sync.WaitGroup // every goroutine Go started

	// The trace: a task per person, and a region per chore on the
	// goroutine doing it (see region).
	tasks []*personTask
	mu    sync.Mutex
	gs    map[uint64]*personTask // by goroutine id, while tracing
}

// personTask is one person's runtime/trace task, ended by the last of the
// person's goroutines.
type personTask struct {
	ctx  context.Context
	task *trace.Task
	left atomic.Int32 // goroutines of the person still to end
}

func (rt *realRuntime) startTasks(h *household) {
	rt.gs = map[uint64]*personTask{}
	for _, p := range rt.s.People {
		ctx, task := trace.NewTask(rt.ctx, p.Name)
		rt.tasks = append(rt.tasks, &personTask{ctx: ctx, task: task})
	}
	for _, p := range h.cleaners {
		rt.tasks[p.index].left.Add(1)
	}
	for _, p := range h.listeners {
		rt.tasks[p.index].left.Add(1)
	}
}

// endIdleTasks ends the tasks of people who had nothing to do.
func (rt *realRuntime) endIdleTasks() {
	for _, t := range rt.tasks {
		if t.left.Load() == 0 && t.task != nil {
			t.task.End()
			t.task = nil
		}
	}
}

func (rt *realRuntime) Go(who int, what string, f func()) {
	rt.wg.Add(1)
	pt := rt.tasks[who]
	go func() {
		defer rt.wg.Done()
		if trace.IsEnabled() {
			id := goid()
			rt.mu.Lock()
			rt.gs[id] = pt
			rt.mu.Unlock()
			defer func() {
				rt.mu.Lock()
				delete(rt.gs, id)
				rt.mu.Unlock()
			}()
		}
		defer func() {
			if pt.left.Add(-1) == 0 {
				pt.task.End()
				pt.task = nil
			}
		}()
		f()
	}()
}

// region starts a trace region named what on the calling goroutine, in the
// task of the person whose goroutine it is. The story hands the channel of
// rooms, Work and Sleep no person and Go has no goroutine-local storage, so
// while tracing the real Go keys each goroutine's task by the goroutine's id
// (the number runtime.Stack prints first): a lookup made only when a trace
// is being written, once per chore.
func (rt *realRuntime) region(what string) *trace.Region {
	if !trace.IsEnabled() {
		return nil
	}
	rt.mu.Lock()
	pt := rt.gs[goid()]
	rt.mu.Unlock()
	ctx := rt.ctx
	if pt != nil {
		ctx = pt.ctx
	}
	return trace.StartRegion(ctx, what)
}

// listening is told by the household, on the listener's goroutine, when
// the listening starts (the story marks it only by a Sleep, and a handoff is
// a Sleep too); the household calls what it returns when it ends.
func (rt *realRuntime) listening(who int) (listened func()) {
	if !trace.IsEnabled() {
		return nil
	}
	return trace.StartRegion(rt.tasks[who].ctx, "listening").End
}

// goid is the calling goroutine's id, from the first line of its stack
// ("goroutine 18 [running]:").
func goid() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b, _ = bytes.CutPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, _ := strconv.ParseUint(string(b), 10, 64)
	return id
}

// Now is the wall time since the run started, in virtual minutes.
func (rt *realRuntime) Now() Time {
	t, _ := Approx(float64(rt.deps.now()-rt.origin) / float64(time.Millisecond) / rt.o.MsPerMinute)
	return t
}

// Work computes for d: the busy loop's iterations for d at one processor's
// speed, in slices with Yield between them. Two goroutines computing on one
// processor therefore each take longer; a loop that watched the clock
// instead would end on time however little of the processor it had.
func (rt *realRuntime) Work(d Time) {
	left := int64(math.Round(d.Min() * rt.o.MsPerMinute * rt.o.ItersPerMs))
	for left > 0 && rt.ctx.Err() == nil {
		n := min(left, rt.sliceIters)
		rt.deps.spin(n)
		if left -= n; left > 0 {
			rt.o.Yield()
		}
	}
}

// Sleep is time.Sleep of d's wall time (cut short when the run is
// cancelled).
func (rt *realRuntime) Sleep(d Time) {
	rt.deps.sleep(rt.ctx, rt.wall(d))
}

func (rt *realRuntime) wall(d Time) time.Duration {
	return time.Duration(math.Round(d.Min() * rt.o.MsPerMinute * float64(time.Millisecond)))
}

func (rt *realRuntime) MakeRooms(n int) Rooms {
	return &realRooms{rt: rt, ch: make(chan room, n)}
}
func (rt *realRuntime) NewWaitGroup() WaitGroup { return new(sync.WaitGroup) }

// NewMutex is a sync.Mutex. It is not strictly first come, first served as
// the model's is (a woken waiter can lose to a newcomer), which can only
// matter to listeners ready within microseconds of each other.
func (rt *realRuntime) NewMutex() Mutex { return new(sync.Mutex) }

// realRooms is a buffered chan room.
type realRooms struct {
	rt *realRuntime
	ch chan room
}

func (c *realRooms) Send(r room) { c.ch <- r }
func (c *realRooms) Close()      { close(c.ch) }

// Receive is for r := range ch. Each pass of the loop's body (cleaning r,
// on the receiving goroutine) is a trace region named by the room.
func (c *realRooms) Receive(yield func(room) bool) {
	for r := range c.ch {
		if c.rt.ctx.Err() != nil {
			return
		}
		reg := c.rt.region(c.rt.s.Rooms[r.index].Name)
		more := yield(r)
		if reg != nil {
			reg.End()
		}
		if !more {
			return
		}
	}
}

// The busy loop.

var spinSink atomic.Uint64

// spin computes for n iterations of a xorshift step: work that needs the
// processor all along and that the compiler cannot leave out.
func spin(n int64) {
	x := uint64(n)*0x9E3779B97F4A7C15 | 1
	for range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	spinSink.Add(x)
}

var calibration struct {
	once sync.Once
	rate float64
}

// Calibrate is the busy loop's speed on one processor, in iterations per
// millisecond: measured once per process, on the calling goroutine, as the
// best of eight timings of at least 2 ms each (the best, because anything
// else on the machine can only slow a timing down). RunReal calls it when
// RealOptions.ItersPerMs is 0; a caller may call it earlier, before the
// game starts drawing.
func Calibrate() float64 {
	calibration.once.Do(func() { calibration.rate = measureSpin(spin, time.Now, 8, 2*time.Millisecond) })
	return calibration.rate
}

// measureSpin times spin over doubling counts until one takes at least
// least, trials times, and gives the best rate seen, in iterations per ms.
func measureSpin(spin func(int64), now func() time.Time, trials int, least time.Duration) float64 {
	best, n := 0.0, int64(1<<10)
	for range trials {
		for {
			t := now()
			spin(n)
			if el := now().Sub(t); el >= least {
				best = max(best, float64(n)/(float64(el)/float64(time.Millisecond)))
				break
			}
			n *= 2
		}
	}
	return best
}
