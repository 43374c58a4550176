package game

// Pictures drawn offscreen by the game itself, for the GIF and the
// timeline's PNG: a second, silent Game on a copy of the player, drawn with
// the same code as the window, so a picture is exactly what the reader sees.

import (
	"fmt"
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/play"
	"chores/game/ui"
	"chores/game/view/hud"
	"chores/sim"
)

// still is a Game that only draws: no sound, no platform, no input.
type still struct {
	g      *Game
	screen *ebiten.Image
	rgba   *image.RGBA
}

// newStill draws the story g shows, in the house view, on a w×h picture:
// the house, a slim timeline under it and a label with the title and the
// minute (the small embed's layout without its buttons).
func newStill(g *Game, w, h int) *still {
	p := *g.player // a copy: the reader's playhead stays where it is
	p.State = sim.State{}
	p.Messages, p.Requests = nil, nil
	p.Help, p.Selected, p.Presenting = false, -1, false
	p.Showing = play.ViewHouse
	p.Playing = true
	s := &Game{opts: g.opts, player: &p, platform: g.platform, visible: true, w: w, h: h, u: 1}
	s.opts.UI = play.UIMinimal
	s.hud = hud.New(&s.faces)
	l := ui.NewLayout(w, h, 1, play.UIMinimal, &p, 0)
	l.Buttons = nil
	pad := l.Px(8)
	l.Timeline = image.Rect(pad, l.Controls.Min.Y+l.Px(4), w-pad, h-l.Px(4))
	s.layout = l
	return &still{g: s, screen: ebiten.NewImage(w, h), rgba: image.NewRGBA(image.Rect(0, 0, w, h))}
}

// at draws the story at minute m, ticks into its idle animation, and
// returns the picture (reused by the next call).
func (s *still) at(m sim.Time, ticks int) *image.RGBA {
	p := s.g.player
	p.Ticks = ticks
	p.Apply(play.Intent{Kind: play.Seek, Value: m.Min()})
	s.g.drawAll(s.screen)
	s.label()
	s.screen.ReadPixels(s.rgba.Pix)
	return s.rgba
}

// label writes the story's title and the minute over the sky, so that a
// GIF pasted anywhere says what it shows.
func (s *still) label() {
	l, p := s.g.layout, s.g.player
	face := s.g.faces.Get(13, false)
	text := fmt.Sprintf("%s  minute %d", play.Clip("Chores: "+p.Story().Title, 50), int(p.Minute.Min()))
	w := int(face.Advance(text)) + l.Px(12)
	r := image.Rect(l.Px(6), l.Px(6), l.Px(6)+w, l.Px(6)+face.Height()+l.Px(6))
	ui.FillRound(s.screen, r, float32(l.Px(5)), color.RGBA{0x10, 0x10, 0x1c, 0xff})
	ui.DrawTextAligned(s.screen, text, face, r, ui.AlignCenter, ui.ColOnDark)
}

// dispose frees the GPU pictures.
func (s *still) dispose() {
	s.screen.Deallocate()
}
