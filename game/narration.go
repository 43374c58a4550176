package game

import (
	"image"
	"image/color"

	"chores/game/ui"
)

// drawNarration writes what the model says is happening now (the latest
// event's line) in a strip over the roof, under the podcast's words when
// someone listens, and under it, in a
// story that shares a phone, what sharing it changes. It is drawn here, not
// in the HUD, so that the HUD's layout can change on its own.
func (g *Game) drawNarration(dst ui.Surface, l *ui.Layout) {
	p := g.player
	lines := []string{}
	if n := p.Narration(); n != "" {
		lines = append(lines, n)
	}
	if s := p.Story().ShareSentence(); s != "" && l.UI == "full" {
		lines = append(lines, s)
	}
	if len(lines) == 0 || l.Scene.Dy() < l.Px(80) {
		return
	}
	size := 13.0
	if l.UI != "full" {
		size = 11
	}
	face := g.faces.Get(float64(l.Px(size)), false)
	lineH := face.Height() + l.Px(3)
	h := lineH*len(lines) + l.Px(6)
	top := l.Scene.Min.Y + l.Px(4)
	if g.caption != "" {
		top += l.Px(30) // below the podcast's line (hud.DrawPodcast)
	}
	x0, x1 := l.Scene.Min.X+l.Scene.Dx()/10, l.Scene.Max.X-l.Scene.Dx()/10
	r := image.Rect(x0, top, x1, top+h)
	ui.FillRound(dst, r, float32(l.Px(6)), color.RGBA{0x10, 0x10, 0x1c, 0xc8})
	for i, line := range lines {
		clr := ui.ColText
		if i > 0 {
			clr = ui.ColAccent
		}
		lr := image.Rect(r.Min.X+l.Px(8), r.Min.Y+l.Px(3)+i*lineH, r.Max.X-l.Px(8), r.Min.Y+l.Px(3)+(i+1)*lineH)
		ui.DrawTextAligned(dst, line, face, lr, ui.AlignCenter, clr)
	}
}
