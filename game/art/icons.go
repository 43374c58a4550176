package art

import (
	"image"
	"image/color"
	"math"
)

// IconSize is the width and height of every HUD icon.
const IconSize = 12

// Icon names a HUD icon.
type Icon int

// The HUD icons.
const (
	IconPlay        Icon = iota // a triangle
	IconPause                   // two bars
	IconStepForward             // to the next event: triangle and marker
	IconStepBack                // to the previous event: marker and triangle
	IconRestart                 // a circular arrow
	IconSpeed                   // fast-forward: two triangles
	IconMute                    // speaker with a cross
	IconUnmute                  // speaker with sound waves
	IconHelp                    // a question mark
	IconHandle                  // a grip tab for the timeline playhead
	NumIcons                    // the number of icons
)

var iconShapes = map[Icon][]string{
	IconPlay: {
		"............",
		"...X........",
		"...XX.......",
		"...XXX......",
		"...XXXX.....",
		"...XXXXX....",
		"...XXXXX....",
		"...XXXX.....",
		"...XXX......",
		"...XX.......",
		"...X........",
		"............",
	},
	IconPause: {
		"............",
		"............",
		"..XXX..XXX..",
		"..XXX..XXX..",
		"..XXX..XXX..",
		"..XXX..XXX..",
		"..XXX..XXX..",
		"..XXX..XXX..",
		"..XXX..XXX..",
		"..XXX..XXX..",
		"............",
		"............",
	},
	// To the next event: a triangle up to a marker (a line with a
	// diamond), not the bar of "next track".
	IconStepForward: {
		"............",
		".........X..",
		"..X......X..",
		"..XX.....X..",
		"..XXX...XXX.",
		"..XXXX.XXXXX",
		"..XXXX.XXXXX",
		"..XXX...XXX.",
		"..XX.....X..",
		"..X......X..",
		".........X..",
		"............",
	},
	IconSpeed: {
		"............",
		"............",
		"..X....X....",
		"..XX...XX...",
		"..XXX..XXX..",
		"..XXXX.XXXX.",
		"..XXXX.XXXX.",
		"..XXX..XXX..",
		"..XX...XX...",
		"..X....X....",
		"............",
		"............",
	},
	IconMute: {
		"............",
		"......X.....",
		".....XX.....",
		"....XXX.....",
		".XXXXXX.X..X",
		".XXXXXX..XX.",
		".XXXXXX..XX.",
		".XXXXXX.X..X",
		"....XXX.....",
		".....XX.....",
		"......X.....",
		"............",
	},
	IconUnmute: {
		"............",
		"......X..X..",
		".....XX...X.",
		"....XXX.X..X",
		".XXXXXX..X.X",
		".XXXXXX..X.X",
		".XXXXXX..X.X",
		".XXXXXX..X.X",
		"....XXX.X..X",
		".....XX...X.",
		"......X..X..",
		"............",
	},
	IconHelp: {
		"............",
		"....XXXX....",
		"...XXXXXX...",
		"..XX....XX..",
		"..XX....XX..",
		".......XX...",
		"......XX....",
		".....XX.....",
		".....XX.....",
		"............",
		".....XX.....",
		".....XX.....",
	},
	IconHandle: {
		"............",
		"..XXXXXXXX..",
		"..XXXXXXXX..",
		"..XX.XX.XX..",
		"..XX.XX.XX..",
		"..XX.XX.XX..",
		"..XXXXXXXX..",
		"..XXXXXXXX..",
		"...XXXXXX...",
		"....XXXX....",
		".....XX.....",
		".....XX.....",
	},
}

// HUDIcon returns an IconSize×IconSize icon, white on transparent, for the
// game to tint.
func HUDIcon(i Icon) *image.RGBA {
	c := newCanvas(IconSize, IconSize)
	pal := map[byte]color.RGBA{'X': White}
	switch i {
	case IconStepBack:
		src := newCanvas(IconSize, IconSize)
		src.stamp(0, 0, iconShapes[IconStepForward], pal)
		c.blitFlip(0, 0, src.RGBA)
	case IconRestart:
		drawRestart(c)
	default:
		c.stamp(0, 0, iconShapes[i], pal)
	}
	return c.RGBA
}

// drawRestart draws a ring open at the top right with an arrowhead.
func drawRestart(c canvas) {
	const cx, cy = 6.0, 6.5
	for y := 0; y < IconSize; y++ {
		for x := 0; x < IconSize; x++ {
			dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
			d := math.Hypot(dx, dy)
			a := math.Atan2(dy, dx) * 180 / math.Pi
			if d >= 2.6 && d <= 4.7 && (a < -95 || a > -25) {
				c.set(x, y, White)
			}
		}
	}
	// Arrowhead pointing right at the top end of the ring.
	c.vline(6, 0, 4, White)
	c.vline(7, 1, 3, White)
	c.set(8, 2, White)
}
