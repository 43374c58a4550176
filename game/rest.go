package game

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// When nothing moves (the story paused or done, nothing dragged, no loop
// waiting to start again), the game rests: Ebitengine calls Update and Draw
// only on input or when asked (FPSModeVsyncOffMinimum). What it cannot see
// as input asks: a command from the page (Send), the episode arriving, the
// page coming back into view (window.chores.wake), and a slow heartbeat,
// once a second, for anything else (a notice to take down). Resting, the
// idle animation holds still; a paused page then costs next to nothing.
type rest struct {
	on   bool
	stop chan struct{}
}

// heartbeat is how often a resting game looks around.
const heartbeat = 1000 * time.Millisecond

// resting says whether nothing on screen needs to move.
func (g *Game) resting() bool {
	p := g.player
	// A real run in flight keeps the game drawing (the panel says
	// "running…", and the page shows it keeps its frames).
	return !p.Playing && !g.input.dragging && !g.input.volume && !(p.Loop && p.Done()) && !g.real.Running() && g.restAllowed
}

// settle switches between resting and running as the game's state asks.
func (g *Game) settle() {
	want := g.resting()
	if want == g.rest.on {
		return
	}
	g.rest.on = want
	g.platform.resting(want)
	if want {
		//lint:ignore SA1019 deprecated since v2.5, still the way to draw only on demand: a paused page costs 12% of a core with it, 183% without (rest.go)
		ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum)
		stop := make(chan struct{})
		g.rest.stop = stop
		go func() {
			t := time.NewTicker(heartbeat)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					//lint:ignore SA1019 deprecated since v2.5, still the way to draw only on demand: a paused page costs 12% of a core with it, 183% without (rest.go)
					ebiten.ScheduleFrame()
				}
			}
		}()
		return
	}
	close(g.rest.stop)
	//lint:ignore SA1019 deprecated since v2.5, still the way to draw only on demand: a paused page costs 12% of a core with it, 183% without (rest.go)
	ebiten.SetFPSMode(ebiten.FPSModeVsyncOn)
}
