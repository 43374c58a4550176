//go:build display

// These tests need a display (make test runs them under xvfb-run): reading
// pixels back works only while Ebitengine's loop runs, so TestMain runs the
// tests from inside RunGame, as Ebitengine's own tests do.

package scene

import (
	"fmt"
	"image"
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/house"
	"chores/game/play"
	"chores/game/ui"
	"chores/game/view/timeline"
	"chores/sim"
)

type testRunner struct {
	m       *testing.M
	started bool
	code    int
	done    chan struct{}
}

func (r *testRunner) Update() error {
	if !r.started {
		r.started = true
		go func() {
			r.code = r.m.Run()
			close(r.done)
		}()
	}
	select {
	case <-r.done:
		return ebiten.Termination
	default:
		return nil
	}
}

func (*testRunner) Draw(*ebiten.Image)         {}
func (*testRunner) Layout(int, int) (int, int) { return 320, 240 }

func TestMain(m *testing.M) {
	r := &testRunner{m: m, done: make(chan struct{})}
	if err := ebiten.RunGame(r); err != nil {
		fmt.Fprintln(os.Stderr, "RunGame:", err)
		os.Exit(1)
	}
	os.Exit(r.code)
}

// render prepares the house of a story at a minute where the window of
// 1280×800 shows it, and the player showing it.
func render(t *testing.T, name string, minute float64) (*Scene, *play.Player) {
	t.Helper()
	preset, _ := sim.PresetByName(name)
	p, err := play.NewPlayer(preset.Scenario, 1)
	if err != nil {
		t.Fatal(err)
	}
	p.Apply(play.Intent{Kind: play.Seek, Value: minute})
	p.Playing = false
	l := ui.NewLayout(1280, 800, 1, play.UIFull, p, timeline.Rows(p.Story()))
	sc := &Scene{}
	sc.Prepare(p.Story(), l.Scene, 1, &ui.Faces{})
	return sc, p
}

// moteRect is where a mote of dust is drawn in the house's picture.
func moteRect(sc *Scene, cl house.Cell, m house.Mote) image.Rectangle {
	motes := sc.sprites.dust[cl.Room%len(sc.sprites.dust)]
	b := motes[m.N%len(motes)].Bounds()
	return image.Rect(0, 0, b.Dx(), b.Dy()).Add(image.Pt(cl.Rect.Min.X+m.X, cl.Rect.Min.Y+m.Y-b.Dy()))
}

// A cleaned room has no dust where it had dust at minute 0: the pixels where
// dust was drawn come back to the room's own picture.
func TestCleanedRoomsLoseTheirDust(t *testing.T) {
	for _, name := range []string{"sequential", "parallelism-1", "best-of-both"} {
		sc0, p0 := render(t, name, 0)
		start := canvasPixels(sc0, p0)
		static := staticPixels(sc0)
		h := sc0.house
		end := p0.Story().Result.Makespan
		sc1, p1 := render(t, name, end.Min())
		done := canvasPixels(sc1, p1)
		checked := 0
		for ci, cl := range h.Cells {
			if cl.Room < 0 || ci == h.LoungeAt {
				continue // people sit in the lounge at the end
			}
			for _, m := range h.Dust[ci] {
				r := moteRect(sc0, cl, m)
				if differingIn(start, static, r) == 0 {
					t.Errorf("%s: no dust drawn at %v at minute 0", name, r)
				}
				if n := differingIn(done, static, r); n > 0 {
					t.Errorf("%s: %d dust pixels left at %v in %s at the end", name, n, r, p1.Story().Scenario.Rooms[cl.Room].Name)
				}
				checked++
			}
		}
		if checked < 10 {
			t.Errorf("%s: only %d dust motes checked", name, checked)
		}
	}
}

// Halfway through a room, some of its dust is gone and some is left.
func TestDustShrinksAsTheRoomIsCleaned(t *testing.T) {
	count := func(minute float64) int {
		sc, p := render(t, "sequential", minute)
		pix, static := canvasPixels(sc, p), staticPixels(sc)
		h := sc.house
		ci := h.CellOf(0) // the kitchen, cleaned 0-20
		n := 0
		for _, m := range h.Dust[ci] {
			if differingIn(pix, static, moteRect(sc, h.Cells[ci], m)) > 0 {
				n++
			}
		}
		return n
	}
	// At 20 you walk out of the kitchen; at 23 you are in the living room.
	before, half, after := count(0), count(10), count(23)
	if !(before > half && half > 0 && after == 0) {
		t.Errorf("kitchen dust motes showing at 0, 10, 23: %d, %d, %d", before, half, after)
	}
}

// canvasPixels draws the house alone at art size (one art pixel per pixel,
// no labels), as the player's state shows it.
func canvasPixels(sc *Scene, p *play.Player) *image.RGBA {
	k, rect := sc.k, sc.rect
	defer func() { sc.k, sc.rect = k, rect }()
	sc.k, sc.rect = 1, image.Rect(0, 0, sc.house.W, sc.house.H)
	c := ebiten.NewImage(sc.house.W, sc.house.H)
	defer c.Deallocate()
	sc.Draw(c, p)
	img := image.NewRGBA(c.Bounds())
	c.ReadPixels(img.Pix)
	return img
}

func staticPixels(sc *Scene) *image.RGBA {
	s := sc.static
	img := image.NewRGBA(s.Bounds())
	s.ReadPixels(img.Pix)
	return img
}

func differingIn(a, b *image.RGBA, r image.Rectangle) int {
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
