// Command yardstick is the measure Chores' performance budgets are taken
// against: the smallest honest Ebitengine program. It bounces a handful of
// rectangles around a 640x480 screen and prints one line of text over them,
// every frame, and does nothing else. `make bench` (tools/bench) builds it for
// the browser exactly the way `make web` builds Chores and reports Chores'
// figures as ratios of its figures.
//
// In a browser it keeps window.yardstick = {frames, ticks, fps, tps,
// firstFrameMs} up to date for the bench to read (see publish_js.go).
//
// It is a package of the main module rather than a module of its own, so
// that it builds from the same go.mod and go.sum as Chores: one pin of
// Ebitengine (v2.10.4) for both, the same dependency versions, nothing more
// to download, and `go vet ./...` and staticcheck look at it too. It imports
// nothing of Chores, so its size is Ebitengine's, not ours.
//
// Do not make it smarter or cheaper: a faster yardstick is a stricter budget,
// a slower one a meaningless one.
package main

import (
	"fmt"
	"image/color"
	"log"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/ebitenutil"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

const (
	width, height = 640, 480
	boxes         = 8
	side          = 48
)

// stick counts what the bench reads: ticks of Update and frames drawn.
type stick struct {
	ticks, frames int
}

func (s *stick) Update() error {
	s.ticks++
	return nil
}

// bounce is where a point moving v pixels a tick along a track of length n
// is after t ticks, going back and forth between 0 and n.
func bounce(t, v, n int) float32 {
	p := (t * v) % (2 * n)
	if p > n {
		p = 2*n - p
	}
	return float32(p)
}

func (s *stick) Draw(screen *ebiten.Image) {
	s.frames++
	if s.frames == 1 {
		firstFrame()
	}
	screen.Fill(color.RGBA{0x18, 0x1c, 0x2c, 0xff})
	for i := range boxes {
		x := bounce(s.ticks+i*37, 2+i%3, width-side)
		y := bounce(s.ticks+i*53, 1+i%4, height-side)
		c := color.RGBA{uint8(0x50 + i*0x14), uint8(0xd0 - i*0x10), 0xa0, 0xff}
		vector.FillRect(screen, x, y, side, side, c, false)
	}
	ebitenutil.DebugPrintAt(screen, fmt.Sprintf("yardstick  frame %d  %.1f FPS  %.1f TPS", s.frames, ebiten.ActualFPS(), ebiten.ActualTPS()), 8, 8)
	publish(s)
}

func (s *stick) Layout(int, int) (int, int) { return width, height }

func main() {
	ebiten.SetWindowSize(width, height)
	ebiten.SetWindowTitle("yardstick")
	if err := ebiten.RunGame(&stick{}); err != nil {
		log.Fatal(err)
	}
}
