//go:build display

package game

import (
	"fmt"
	"image"
	"image/color"
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

// barPixels counts the pixels of r drawn in a bar's colour: a room's, the
// listening's, or the phone's for its listener.
func barPixels(img *image.RGBA, r image.Rectangle) int {
	colors := []color.RGBA{ui.ColListen, ui.ColWait}
	for i := range 6 {
		colors = append(colors, ui.RoomColor(i))
	}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := img.RGBAAt(x, y)
			for _, bc := range colors {
				if c.R == bc.R && c.G == bc.G && c.B == bc.B {
					n++
				}
			}
		}
	}
	return n
}

// Predict mode hides the chart beyond the playhead until the end reveals it, at a phone's, a laptop's and a projector's size.
func TestPredictRenders(t *testing.T) {
	p, _ := sim.PresetByName("parallelism-1")
	for _, sz := range []image.Point{{1280, 800}, {390, 844}, {1920, 1080}} {
		name := fmt.Sprintf("predict-%dx%d", sz.X, sz.Y)
		_, g := renderWith(t, play.Options{Scenario: p.Scenario, UI: play.UIFull, Predict: true}, sz.X, sz.Y, 1)
		g.player.Apply(play.Intent{Kind: play.SetGuess, Value: 50})
		g.player.Apply(play.Intent{Kind: play.Seek, Value: 20})
		img := drawAgain(g)
		chart := chartOf(t, g)
		// From minute 22 on (the playhead is at 20 of the axis's 120).
		ahead := image.Rect(chart.Min.X+chart.Dx()*22/120, chart.Min.Y, chart.Max.X, chart.Max.Y)
		save(t, img, filepath.Join(shotsDir(t), name+".png"))
		g.player.Apply(play.Intent{Kind: play.Seek, Value: 1000})
		img = drawAgain(g)
		if n := barPixels(img, ahead); n < ahead.Dx() || !g.player.Predict.Revealed {
			t.Errorf("%s: revealed %v, yet no bars (%d pixels)", name, g.player.Predict.Revealed, n)
		}
		save(t, img, filepath.Join(shotsDir(t), name+"-revealed.png"))
	}
	// Nothing beyond the playhead tells two stories apart (sequential and
	// concurrency-1 draw the same rows and end 45 minutes apart), while
	// without predict mode their charts differ there.
	ahead := func(name string, predict bool) (*image.RGBA, image.Rectangle) {
		pre, _ := sim.PresetByName(name)
		_, g := renderWith(t, play.Options{Scenario: pre.Scenario, UI: play.UIFull, Predict: predict, Start: mins(20)}, 1280, 800, 1)
		g.player.Apply(play.Intent{Kind: play.SetGuess, Value: 50})
		g.player.Apply(play.Intent{Kind: play.Seek, Value: 20})
		img := drawAgain(g)
		g.player.Predict.On = true // for the chart's note, when not predicting
		drawAgain(g)
		chart := chartOf(t, g)
		return img, image.Rect(chart.Min.X+chart.Dx()*22/120, chart.Min.Y, chart.Max.X, chart.Max.Y)
	}
	a, ra := ahead("sequential", true)
	b, rb := ahead("concurrency-1", true)
	if ra != rb {
		t.Fatalf("the charts differ: %v and %v", ra, rb)
	}
	if d := differIn(a, b, ra); d != 0 {
		t.Errorf("predicting, %d pixels beyond the playhead tell sequential from concurrency-1", d)
	}
	a, _ = ahead("sequential", false)
	b, _ = ahead("concurrency-1", false)
	if d := differIn(a, b, ra); d < 1000 {
		t.Errorf("not predicting, only %d pixels beyond the playhead differ", d)
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

// differIn counts the pixels of r where a and b differ.
func differIn(a, b *image.RGBA, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.RGBAAt(x, y) != b.RGBAAt(x, y) {
				n++
			}
		}
	}
	return n
}
