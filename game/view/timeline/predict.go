package timeline

import (
	"image"
	"math"

	"chores/game/ui"
	"chores/sim"
)

// Predict is what predict mode puts on the timeline: the chart beyond the
// playhead covered until the answer is revealed (the bars and the story's
// end would give it away), the line saying what to do written there, and
// the guess marker.
type Predict struct {
	Hide     bool
	Guess    sim.Time
	HasGuess bool
	Line     string
}

// GuessAt is the minute under x for the guess marker: anywhere on the axis,
// not only within the story (its end is the secret).
func (tl *Timeline) GuessAt(x int) float64 {
	if tl.chart.Dx() <= 0 {
		return 0
	}
	m := float64(x-tl.chart.Min.X) / float64(tl.chart.Dx()) * tl.end.Min()
	return max(0, min(m, tl.end.Min()))
}

// Chart is the rectangle where minutes map to x (for the pointer and for
// state().layout).
func (tl *Timeline) Chart() image.Rectangle { return tl.chart }

// DrawPredict draws predict mode over the chart, after Draw; with a zero
// Predict it draws nothing and NoteTexts reports every text.
func (tl *Timeline) DrawPredict(dst ui.Surface, minute sim.Time, pr Predict) {
	tl.coverX = 0
	if tl.cache == nil || (!pr.Hide && !pr.HasGuess) {
		return
	}
	ui.Note("panel", "timeline chart", tl.chart, 0)
	if pr.Hide {
		x := int(math.Round(float64(tl.x(minute)))) + tl.px(2)
		cover := image.Rect(x, tl.chart.Min.Y, tl.rect.Max.X-tl.px(2), tl.chart.Max.Y)
		if !cover.Empty() {
			tl.coverX = cover.Min.X
			ui.FillRect(dst, cover, ui.ColPanel)
			for gx := float32(cover.Min.X); gx < float32(cover.Max.X); gx += float32(tl.px(12)) {
				ui.FillRectF(dst, gx, float32(cover.Min.Y+cover.Dy()/2), float32(tl.px(5)), 1, ui.ColGrid)
			}
			face := tl.faces.Get(float64(tl.px(13)), true)
			if pr.Line != "" && cover.Dx() > tl.px(120) && cover.Dy() >= face.Height()+tl.px(4) {
				lines := ui.Wrap(pr.Line, face, float64(cover.Dx()-tl.px(16)))
				lineH := face.Height() + tl.px(3)
				fit := max(1, min(len(lines), cover.Dy()/lineH))
				if fit < len(lines) {
					lines = []string{ui.Fit(pr.Line, face, float64(cover.Dx()-tl.px(16)))}
					fit = 1
				}
				top := cover.Min.Y + (cover.Dy()-fit*lineH)/2
				for i, line := range lines[:fit] {
					r := image.Rect(cover.Min.X+tl.px(8), top+i*lineH, cover.Max.X-tl.px(8), top+(i+1)*lineH)
					ui.FillRect(dst, r, ui.ColPanel)
					ui.DrawTextAligned(dst, line, face, r, ui.AlignCenter, ui.ColText)
				}
			}
		}
	}
	if pr.HasGuess {
		gx := float32(math.Round(float64(tl.x(pr.Guess))))
		w := float32(max(2, tl.px(3)))
		y0, y1 := float32(tl.chart.Min.Y), float32(tl.chart.Max.Y)
		// Dashed, so that it is told from the playhead by its form too.
		for y := y0; y < y1; y += float32(tl.px(8)) {
			ui.FillRectF(dst, gx-w/2, y, w, min(float32(tl.px(5)), y1-y), ui.ColGuess)
		}
		r := float32(tl.px(6))
		if tl.labels {
			ui.FillDisc(dst, gx, y0+r, r, ui.ColGuess)
		} else {
			ui.FillDisc(dst, gx, (y0+y1)/2, r*0.8, ui.ColGuess)
		}
	}
}
