//go:build e2e

package e2e

import (
	"fmt"
	"testing"
)

// LayoutItem mirrors state().layout's entries.
type LayoutItem struct {
	Kind  string  `json:"kind"`
	Label string  `json:"label"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	W     float64 `json:"w"`
	H     float64 `json:"h"`
	Px    float64 `json:"px"`
}

func (a LayoutItem) overlaps(b LayoutItem) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

func (a LayoutItem) holds(b LayoutItem) bool {
	return a.X <= b.X && a.Y <= b.Y && b.X+b.W <= a.X+a.W && b.Y+b.H <= a.Y+a.H
}

// In the browser, at a phone, a small embed, a laptop and a projector (in
// the light theme, presenting), what the frame drew lies inside the window,
// nothing lies over anything else unless it holds it, and text is at least
// as tall as the screen asks.
func TestLayoutInTheBrowser(t *testing.T) {
	cases := []struct {
		w, h    int64
		query   string
		ui      string
		minText float64
		shot    string
	}{
		{390, 844, "scenario=concurrency-2&t=35&autoplay=0", "full", 12, "layout-browser-phone"},
		{480, 300, "scenario=best-of-both&t=20&autoplay=0&load=now", "minimal", 12, "layout-browser-embed"},
		{1280, 800, "scenario=parallelism-2&t=40&autoplay=0", "full", 13, "layout-browser-laptop"},
		{1920, 1080, "scenario=concurrency-2&t=35&autoplay=0&theme=light&ui=present", "present", 18, "layout-browser-projector-light"},
		// The rest of the matrix, portrait and landscape.
		{320, 200, "scenario=sequential&t=10&autoplay=0&load=now", "minimal", 12, ""},
		{844, 390, "scenario=best-of-both&t=10&autoplay=0", "full", 12, ""},
		{800, 600, "scenario=parallelism-1&t=25&autoplay=0", "full", 12, ""},
		{600, 800, "scenario=parallelism-1&t=25&autoplay=0&view=code", "full", 12, ""},
		{800, 1280, "scenario=concurrency-1&t=25&autoplay=0", "full", 12, ""},
		{1080, 1920, "scenario=concurrency-2&t=50&autoplay=0", "full", 12, ""},
		{2560, 1440, "scenario=best-of-both&t=20&autoplay=0", "full", 24, "layout-browser-1440p"},
		{3840, 2160, "scenario=best-of-both&t=20&autoplay=0&view=code", "full", 24, ""},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%dx%d", c.w, c.h), func(t *testing.T) {
			tb := newTabSize(t, c.w, c.h)
			tb.open("/index.html?" + c.query)
			s := tb.wait("a frame with its layout", func(s State) bool { return s.Frames > 2 })
			if s.UI != c.ui {
				t.Errorf("ui %q, want %q", s.UI, c.ui)
			}
			items := mustEval[[]LayoutItem](tb, `window.chores.state().layout`)
			least, leastTexts := 10, 5
			if c.ui == "minimal" {
				least, leastTexts = 4, 0 // the house, a slim timeline, play and sound
			}
			if len(items) < least {
				t.Fatalf("only %d layout items", len(items))
			}
			texts := 0
			for i, a := range items {
				if a.X < 0 || a.Y < 0 || a.X+a.W > float64(c.w)+0.5 || a.Y+a.H > float64(c.h)+0.5 {
					t.Errorf("%s %q at %v,%v %vx%v is outside the %dx%d window", a.Kind, a.Label, a.X, a.Y, a.W, a.H, c.w, c.h)
				}
				if a.Kind == "text" {
					texts++
					if a.Px < c.minText {
						t.Errorf("text %q is %v px tall, under %v", a.Label, a.Px, c.minText)
					}
				}
				for _, b := range items[i+1:] {
					if a.Kind == "panel" || b.Kind == "panel" || !a.overlaps(b) || a.holds(b) || b.holds(a) {
						continue
					}
					t.Errorf("%s %q and %s %q overlap", a.Kind, a.Label, b.Kind, b.Label)
				}
			}
			if texts < leastTexts {
				t.Errorf("only %d texts drawn", texts)
			}
			if c.ui == "present" && s.Theme != "light" {
				t.Errorf("theme %q, want light", s.Theme)
			}
			if c.shot != "" {
				tb.screenshot(c.shot)
			}
		})
	}
}
