package ui

import (
	"image"
	"image/color"

	"chores/sim"
)

// Hatch draws a striped bar: waiting, as the timeline marks it (the
// compare view and the real run's panel draw it the same way).
func Hatch(dst Surface, x, y, w, h float32, clr color.RGBA) {
	faint := color.RGBA{clr.R / 3, clr.G / 3, clr.B / 3, 0xff}
	FillRectF(dst, x, y, w, h, faint)
	for s := x; s < x+w; s += 5 {
		FillRectF(dst, s, y, min(2, x+w-s), h, clr)
	}
}

// AxisStep picks a tick spacing giving at most about eight labels, and no
// more than labels.
func AxisStep(end sim.Time, labels int) sim.Time {
	for _, m := range []int64{5, 10, 15, 30, 60, 120, 240, 600, 1200, 3000, 6000} {
		if n := end.Min() / float64(m); n <= 8 && n <= float64(labels) {
			return sim.Whole(m)
		}
	}
	return end
}

// Outline draws the edge of r, t pixels thick: the keyboard's focus ring.
func Outline(dst Surface, r image.Rectangle, t float32, clr color.Color) {
	x, y, w, h := float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy())
	FillRectF(dst, x, y, w, t, clr)
	FillRectF(dst, x, y+h-t, w, t, clr)
	FillRectF(dst, x, y, t, h, clr)
	FillRectF(dst, x+w-t, y, t, h, clr)
}
