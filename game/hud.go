package game

import (
	"fmt"
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/art"
	"chores/game/play"
	"chores/sim"
)

// hud draws everything around the house.
type hud struct {
	faces      *faces
	icons      [art.NumIcons]*ebiten.Image
	captionFor *play.Story
	captionW   int
	lines      []string
}

func newHUD(f *faces) *hud {
	h := &hud{faces: f}
	for i := range h.icons {
		h.icons[i] = ebiten.NewImageFromImage(art.HUDIcon(art.Icon(i)))
	}
	return h
}

func (h *hud) drawTabs(dst surface, l *layout, p *play.Player) {
	face := h.faces.get(float64(l.px(13)), true)
	for _, b := range l.buttons {
		if b.kind != btnTab {
			continue
		}
		bg, fg := colPanel, colTextDim
		if b.story == p.Index {
			bg, fg = colAccent, colBackground
		} else if b.pressed {
			bg = colPanelLight
		}
		fillRound(dst, b.r, float32(l.px(6)), bg)
		label := b.label
		if b.story >= sim.NumPresets {
			label = "your house"
		}
		drawTextAligned(dst, fmt.Sprintf("%d %s", b.story+1, label), face, b.r, alignCenter, fg)
	}
}

func (h *hud) drawCaption(dst surface, l *layout, p *play.Player) {
	st := p.Story()
	title := h.faces.get(float64(l.px(15)), true)
	body := h.faces.get(float64(l.px(13)), false)
	r := l.caption
	drawText(dst, st.Title, title, float64(r.Min.X), float64(r.Min.Y+l.px(4)), colAccent)
	x := float64(r.Min.X) + title.advance(st.Title) + float64(l.px(12))
	if h.captionFor != st || h.captionW != r.Dx() {
		h.captionFor, h.captionW = st, r.Dx()
		h.lines = wrap(st.Caption, body, float64(r.Max.X)-x)
	}
	for i, line := range h.lines {
		if i >= 2 {
			break
		}
		drawText(dst, line, body, x, float64(r.Min.Y+l.px(6)+i*l.px(17)), colText)
	}
}

func (h *hud) drawFigures(dst surface, l *layout, p *play.Player) {
	r := l.figures
	if r.Empty() {
		return
	}
	fillRound(dst, r, float32(l.px(8)), colPanel)
	f := p.Figures()
	label := h.faces.get(float64(l.px(12)), false)
	value := h.faces.get(float64(l.px(20)), true)
	y := r.Min.Y + l.px(10)
	item := func(name, v, note string, clr color.Color) {
		x := float64(r.Min.X + l.px(12))
		drawText(dst, name, label, x, float64(y), colText)
		y += label.height() + l.px(3)
		drawText(dst, v, value, x, float64(y), clr)
		y += value.height() + l.px(2)
		if note != "" {
			drawText(dst, note, label, x, float64(y), colTextDim)
			y += label.height()
		}
		y += l.px(12)
	}
	fig := play.Texts(f)
	if f.Final {
		item("makespan", fig.Makespan, "", colAccent)
		item("speedup vs one alone", fig.Speedup, "", colAccent)
	} else {
		item("makespan", fig.Makespan, "still running", colText)
		item("speedup vs one alone", fig.Speedup, "known at the end", colText)
	}
	item("parallelism", fig.Parallelism, "hands busy at once", colText)
	item("overlap", fig.Overlap, "cleaning while listening", colText)
	item("waiting", fig.Waiting, "ready but blocked", colText)
}

func (h *hud) drawControls(dst surface, l *layout, p *play.Player, muted bool) {
	if l.ui == play.UINone {
		return
	}
	fillRect(dst, l.controls, colPanel)
	for _, b := range l.buttons {
		if b.kind == btnTab {
			continue
		}
		bg := colPanelLight
		if b.pressed {
			bg = colAccent
		}
		fillRound(dst, b.r, float32(l.px(6)), bg)
		var icon art.Icon
		switch b.kind {
		case btnPlay:
			icon = art.IconPlay
			if p.Playing {
				icon = art.IconPause
			}
		case btnStepBack:
			icon = art.IconStepBack
		case btnStepForward:
			icon = art.IconStepForward
		case btnRestart:
			icon = art.IconRestart
		case btnFaster:
			icon = art.IconSpeed
		case btnSlower:
			h.drawMinus(dst, b.r, l)
			continue
		case btnMute:
			icon = art.IconUnmute
			if muted {
				icon = art.IconMute
			}
		case btnHelp:
			icon = art.IconHelp
		case btnVolume:
			h.drawVolume(dst, b.r, l, p)
			continue
		case btnCode:
			label := "code"
			if p.Code {
				label = "house"
			}
			drawTextAligned(dst, label, h.faces.get(float64(l.px(13)), true), b.r, alignCenter, colText)
			continue
		}
		h.drawIcon(dst, icon, b.r)
	}
	if l.ui != play.UIFull {
		return
	}
	face := h.faces.get(float64(l.px(14)), true)
	drawTextAligned(dst, fmt.Sprintf("%gx", p.Speed), face, l.speedLabel(), alignCenter, colText)
	drawTextAligned(dst, clockText(p), face, l.clockRect(), alignStart, colText)
}

// drawIcon scales a 12px icon by a whole factor to fit r, centred.
func (h *hud) drawIcon(dst surface, icon art.Icon, r image.Rectangle) {
	img := h.icons[icon]
	k := max(1, (min(r.Dx(), r.Dy())*6/10)/art.IconSize)
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(float64(k), float64(k))
	op.GeoM.Translate(float64(r.Min.X+(r.Dx()-k*art.IconSize)/2), float64(r.Min.Y+(r.Dy()-k*art.IconSize)/2))
	op.ColorScale.ScaleWithColor(colText)
	dst.DrawImage(img, op)
}

// drawVolume draws the slider: a track, the level filled, a knob.
func (h *hud) drawVolume(dst surface, r image.Rectangle, l *layout, p *play.Player) {
	inner := r.Inset(l.px(8))
	cy := float32(r.Min.Y+r.Max.Y) / 2
	t := float32(l.px(4))
	fillRectF(dst, float32(inner.Min.X), cy-t/2, float32(inner.Dx()), t, colBackground)
	level := float32(p.Volume)
	clr := colText
	if p.Muted {
		clr = colTextDim
	}
	fillRectF(dst, float32(inner.Min.X), cy-t/2, float32(inner.Dx())*level, t, clr)
	fillDisc(dst, float32(inner.Min.X)+float32(inner.Dx())*level, cy, float32(l.px(6)), clr)
}

func (h *hud) drawMinus(dst surface, r image.Rectangle, l *layout) {
	w, t := float32(r.Dx())*0.45, float32(l.px(3))
	cx, cy := float32(r.Min.X+r.Max.X)/2, float32(r.Min.Y+r.Max.Y)/2
	fillRectF(dst, cx-w/2, cy-t/2, w, t, colText)
}

var helpLines = []string{
	"Space            play / pause",
	"← →              step one minute back / ahead",
	"1 – 6            pick a story",
	"+ −              faster / slower (0.5x to 8x)",
	"R                restart the story",
	"M                sound on / off",
	"↑ ↓              louder / quieter",
	"C                the Go code that plays the story",
	"?                this help",
	"",
	"Drag the timeline to go to any minute.",
	"Hands: cleaning, coloured by room. Ears: the podcast.",
	"Striped bars: someone ready but waiting.",
}

func (h *hud) drawHelp(dst surface, l *layout) {
	fillRect(dst, image.Rect(0, 0, l.w, l.h), color.RGBA{0, 0, 0, 0xa0})
	face := h.faces.get(float64(l.px(14)), false)
	lineH := l.px(22)
	w, hh := l.px(430), lineH*(len(helpLines)+3)
	r := image.Rect((l.w-w)/2, (l.h-hh)/2, (l.w+w)/2, (l.h+hh)/2)
	fillRound(dst, r, float32(l.px(10)), colPanel)
	drawText(dst, "Keys and controls", h.faces.get(float64(l.px(16)), true), float64(r.Min.X+l.px(20)), float64(r.Min.Y+l.px(16)), colAccent)
	for i, line := range helpLines {
		drawText(dst, line, face, float64(r.Min.X+l.px(20)), float64(r.Min.Y+l.px(16)+(i+2)*lineH), colText)
	}
}

// drawNotice shows a message at the top of the screen.
func (h *hud) drawNotice(dst surface, l *layout, msg string) {
	face := h.faces.get(float64(l.px(13)), false)
	w := int(face.advance(msg)) + l.px(24)
	r := image.Rect((l.w-w)/2, l.px(40), (l.w+w)/2, l.px(66))
	fillRound(dst, r, float32(l.px(6)), color.RGBA{0x6b, 0x2a, 0x3a, 0xf0})
	drawTextAligned(dst, msg, face, r, alignCenter, colText)
}
