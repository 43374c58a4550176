package game

// The window: its size in device pixels, opening it, and -screenshot.

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/play"
)

// LayoutF draws with every device pixel: the logical screen is the window's
// size times the device scale factor, and the interface is sized in CSS
// pixels (u) on top of that.
func (g *Game) LayoutF(w, h float64) (float64, float64) {
	u := ebiten.Monitor().DeviceScaleFactor()
	if u <= 0 || math.IsNaN(u) {
		u = 1
	}
	sw, sh := math.Ceil(w*u), math.Ceil(h*u)
	g.w, g.h, g.u = int(sw), int(sh), u
	return sw, sh
}

// Layout is required by ebiten.Game; LayoutF is used instead.
func (g *Game) Layout(w, h int) (int, int) {
	sw, sh := g.LayoutF(float64(w), float64(h))
	return int(sw), int(sh)
}

func (g *Game) writeShot(screen *ebiten.Image) error {
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	f, err := os.Create(g.shot)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return ebiten.Termination
}

// Run opens the window and plays until it is closed.
func Run(opts play.Options) error {
	g, err := newOrDefaults(opts, platformOptions(opts), startFallback)
	if err != nil {
		return err
	}
	g.restAllowed = true
	err = runGame(g)
	if err == nil && opts.Save != "" {
		// The window closed: keep the story as it was left.
		if serr := SaveScenario(opts.Save, g.player.Story().Scenario); serr != nil {
			return serr
		}
		fmt.Fprintf(os.Stderr, "chores: saved the story to %s\n", opts.Save)
	}
	return err
}

// Screenshot renders the chosen minute of the scenario to a PNG and returns.
// It needs a display (use xvfb-run on a headless machine).
func Screenshot(opts play.Options, file string) error {
	opts.Autoplay = false
	opts.Mute = true
	g, err := New(opts)
	if err != nil {
		return err
	}
	g.shot = file
	return runGame(g)
}

func runGame(g *Game) error {
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetWindowTitle("Chores: concurrency and parallelism at home")
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	err := ebiten.RunGame(g)
	if errors.Is(err, ebiten.Termination) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("the window could not run: %w", err)
	}
	return nil
}
