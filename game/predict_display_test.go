//go:build display

package game

import (
	"fmt"
	"image"
	"path/filepath"
	"testing"

	"chores/game/play"
	"chores/game/ui"
	"chores/sim"
)

// chartOf is the timeline's chart as the last frame noted it.
func chartOf(t *testing.T, g *Game) image.Rectangle {
	t.Helper()
	for _, it := range g.items {
		if it.Kind == "panel" && it.Label == "timeline chart" {
			return it.R
		}
	}
	t.Fatal("no timeline chart in the frame's items")
	return image.Rectangle{}
}

// roomPixels counts the pixels of r drawn in a room's colour: the bars.
func roomPixels(img *image.RGBA, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := img.RGBAAt(x, y)
			for i := range 6 {
				if rc := ui.RoomColor(i); c.R == rc.R && c.G == rc.G && c.B == rc.B {
					n++
				}
			}
		}
	}
	return n
}

// Predict mode hides the chart beyond the playhead (no bar is seen there)
// until the end reveals it, at a phone's, a laptop's and a projector's size.
func TestPredictRenders(t *testing.T) {
	p, _ := sim.PresetByName("parallelism-1")
	for _, sz := range []image.Point{{1280, 800}, {390, 844}, {1920, 1080}} {
		name := fmt.Sprintf("predict-%dx%d", sz.X, sz.Y)
		_, g := renderWith(t, play.Options{Scenario: p.Scenario, UI: play.UIFull, Predict: true}, sz.X, sz.Y, 1)
		g.player.Apply(play.Intent{Kind: play.SetGuess, Value: 50})
		g.player.Apply(play.Intent{Kind: play.Seek, Value: 20})
		img := drawAgain(g)
		chart := chartOf(t, g)
		ahead := image.Rect(chart.Min.X+chart.Dx()/2, chart.Min.Y, chart.Max.X, chart.Max.Y)
		if n := roomPixels(img, ahead); n > 0 {
			t.Errorf("%s: %d pixels of bars beyond the playhead while predicting", name, n)
		}
		save(t, img, filepath.Join(shotsDir(t), name+".png"))
		g.player.Apply(play.Intent{Kind: play.Seek, Value: 1000})
		img = drawAgain(g)
		if n := roomPixels(img, image.Rect(chart.Min.X+chart.Dx()/5, chart.Min.Y, chart.Max.X, chart.Max.Y)); n == 0 || !g.player.Predict.Revealed {
			t.Errorf("%s: revealed %v, yet no bars (%d pixels)", name, g.player.Predict.Revealed, n)
		}
		save(t, img, filepath.Join(shotsDir(t), name+"-revealed.png"))
	}
	// The compare view: a pick, framed; the rows' lengths hidden.
	_, g := renderWith(t, play.Options{Scenario: p.Scenario, UI: play.UIFull, View: play.ViewCompare, Predict: true}, 1280, 800, 1)
	g.player.Apply(play.Intent{Kind: play.GuessFirst, Value: 4})
	g.player.Apply(play.Intent{Kind: play.Seek, Value: 30})
	save(t, drawAgain(g), filepath.Join(shotsDir(t), "predict-compare-1280x800.png"))
	if err := checkItems(g.items, image.Pt(1280, 800), false); err != nil {
		t.Errorf("the compare view predicting: %v", err)
	}
}
