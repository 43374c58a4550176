//go:build e2e

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// FrameStats mirrors choresHost.frameStats: the animation frames the game
// asked for and those the page answered.
type FrameStats struct {
	Asked    int `json:"asked"`
	Answered int `json:"answered"`
}

// A paused page rests: the game's requests for animation frames are
// answered about ten times a second, not sixty (each one wakes the Go
// program); playing, they are answered as the browser draws; and a key
// still plays at once.
func TestRestingPageAsksFewFrames(t *testing.T) {
	tb := newTab(t)
	tb.open("/?scenario=best-of-both&autoplay=0&mute=1")
	tb.wait("paused", func(s State) bool { return !s.Playing && s.Frames > 0 })
	time.Sleep(time.Second) // let it settle into resting
	stats := func() FrameStats { return mustEval[FrameStats](tb, `window.choresHost.frameStats`) }
	a := stats()
	time.Sleep(3 * time.Second)
	b := stats()
	rate := float64(b.Answered-a.Answered) / 3
	t.Logf("resting: %.1f frames answered a second (%d asked)", rate, b.Asked-a.Asked)
	if rate > 15 {
		t.Errorf("a resting page answered %.1f frames a second, want about 10", rate)
	}
	if err := tb.do(stepTimeout, chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s := tb.wait("playing after Space", func(s State) bool { return s.Playing })
	t.Logf("Space played after %v", time.Since(start))
	c := stats()
	time.Sleep(2 * time.Second)
	d := stats()
	playing := float64(d.Answered-c.Answered) / 2
	t.Logf("playing: %.1f frames answered a second (minute %.1f)", playing, s.Minute)
	if playing <= rate {
		t.Errorf("playing answered %.1f frames a second, no more than resting (%.1f)", playing, rate)
	}
}
