package game

import (
	"image"
	"runtime"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/play"
	"chores/game/ui"
)

// The "run it for real" panel (view real, key X, the real button): the
// story on real goroutines beside the model, drawn by game/view/realrun.

// setupReal prepares the runner: in the browser Go has one thread, so the
// run yields to the page between slices of work and GOMAXPROCS is not
// touched; a finished run wakes a resting game to draw it.
func (g *Game) setupReal() {
	g.real.Browser = runtime.GOOS == "js"
	if g.real.Browser {
		g.real.Yield = g.gate.yield
	}
	g.real.Wake = func() {
		//lint:ignore SA1019 deprecated since v2.5, still the way to draw only on demand: a paused page costs 12% of a core with it, 183% without (rest.go)
		ebiten.ScheduleFrame()
	}
}

// inReal reports whether the panel is shown.
func (g *Game) inReal() bool { return g.player.View() == play.ViewReal }

// syncReal starts, cancels or reads the real run as the view and the story
// ask (once an Update, after the intents).
//
// In the browser the first run waits for the page's first frames: started
// with the page, it would share the one thread with the page's own start
// and measure that too.
func (g *Game) syncReal() {
	if g.real.Browser {
		g.gate.open() // a new frame: the run's share of it
	}
	if g.real.Browser && g.frames < firstFrames && g.inReal() {
		return
	}
	g.real.Sync(g.inReal(), g.player.Story())
}

// firstFrames is how many frames the browser draws before a real run.
const firstFrames = 10

// realArea is where the panel draws: like the compare view, the house's,
// the figures' and the timeline's places in the full interface; the
// house's elsewhere (an embed keeps its slim timeline).
func realArea(l *ui.Layout) image.Rectangle {
	if l.UI != play.UIFull && l.UI != play.UIPresent {
		return l.Scene
	}
	return l.Scene.Union(l.Figures).Union(l.Timeline)
}

func (g *Game) drawReal(screen ui.Surface) {
	l := g.layout
	g.realView.Draw(screen, realArea(l), &g.real, g.player.Story(), &g.faces, l.U, func(r image.Rectangle) bool {
		return g.input.down && g.input.pressed.In(r)
	})
	l.Panel = append(l.Panel[:0], g.realView.Buttons()...)
}

// frameGate shares the browser's one thread between the real run and the
// page: the run's goroutines work for frameBudget of each frame, then all
// wait together for the next one (the game's Update opens the gate). With
// every goroutine waiting, Go hands the thread back to the page, which
// draws. A sleep after each slice (sim.BrowserYield) was not enough: two
// cleaners sleeping in turn kept the thread busy between them, and the page
// went 130–190 ms without a frame.
type frameGate struct {
	mu    sync.Mutex
	start time.Time     // when this frame's budget began
	next  chan struct{} // closed at the next frame
}

// frameBudget is the run's share of a frame. The gate opens as a frame is
// drawn; the run then works while the browser composites and waits for the
// next vsync. With a GPU a frame draws in a few milliseconds, so 12 of a
// 60 Hz frame's 16.7 leave the page its pace and give the run about 70% of
// the thread; under a software renderer (headless Chromium) a frame takes
// 50–70 ms and the run's share is smaller, but no gap passes 100 ms.
const frameBudget = 12 * time.Millisecond

// open starts a frame's budget and lets the goroutines waiting go on.
func (f *frameGate) open() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.next != nil {
		close(f.next)
	}
	f.next, f.start = make(chan struct{}), time.Now()
}

// yield is the run's Yield: go on (letting the other goroutines of the run
// take their turn) while the frame's budget lasts, else wait for the next
// frame.
func (f *frameGate) yield() {
	f.mu.Lock()
	next, late := f.next, time.Since(f.start) > frameBudget
	f.mu.Unlock()
	if next == nil || !late {
		runtime.Gosched()
		return
	}
	<-next
}
