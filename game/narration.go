package game

import (
	"image"
	"image/color"

	"chores/game/play"
	"chores/game/ui"
)

// drawNarration writes what the model says is happening now (the latest
// event's line) in a strip over the roof, under the podcast's words when
// someone listens, and under it, in a
// story that shares a phone, what sharing it changes. It is drawn here, not
// in the HUD, so that the HUD's layout can change on its own.
func (g *Game) drawNarration(dst ui.Surface, l *ui.Layout, podcast image.Rectangle) {
	p := g.player
	full := l.UI == play.UIFull || l.UI == play.UIPresent
	face := g.faces.Get(float64(l.Px(13)), false)
	x0, x1 := l.Scene.Min.X+l.Scene.Dx()/10, l.Scene.Max.X-l.Scene.Dx()/10
	width := float64(x1 - x0 - l.Px(16))
	var lines []string
	accent := 0 // the share sentence's lines come after this many
	if n := p.Narration(); n != "" {
		lines = append(lines, ui.Wrap(n, face, width)...)
	}
	accent = len(lines)
	if s := p.Story().ShareSentence(); s != "" && full {
		lines = append(lines, ui.Wrap(s, face, width)...)
	}
	if p.Predict.Revealed && full && !p.InCompare() {
		// Predict mode's answer: how close the guess was.
		lines = append(lines, ui.Wrap(p.PredictLine(), face, width)...)
	}
	if p.Done() && full && !p.InCompare() {
		// At the end, what the story teaches.
		lines = append(lines, ui.Wrap(p.Story().Lesson(), face, width)...)
	}
	if len(lines) == 0 || l.Scene.Dy() < l.Px(80) || !full {
		return // a small embed has no room for words over its house
	}
	lineH := face.Height() + l.Px(3)
	h := lineH*len(lines) + l.Px(6)
	top := l.Scene.Min.Y + l.Px(4)
	if !podcast.Empty() {
		top = podcast.Max.Y + l.Px(4) // under the podcast's words
	}
	if top+h > g.scene.Ceiling() {
		return // no room above the rooms: the words would hide someone
	}
	r := image.Rect(x0, top, x1, top+h)
	ui.FillRound(dst, r, float32(l.Px(6)), color.RGBA{0x10, 0x10, 0x1c, 0xc8})
	for i, line := range lines {
		clr := ui.ColOnDark
		if i >= accent {
			clr = color.RGBA{0xff, 0xc8, 0x6a, 0xff}
		}
		lr := image.Rect(r.Min.X+l.Px(8), r.Min.Y+l.Px(3)+i*lineH, r.Max.X-l.Px(8), r.Min.Y+l.Px(3)+(i+1)*lineH)
		ui.DrawTextAligned(dst, line, face, lr, ui.AlignCenter, clr)
	}
}
