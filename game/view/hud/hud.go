package hud

import (
	"fmt"
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/art"
	"chores/game/play"
	"chores/game/ui"
	"chores/sim"
)

// HUD draws everything around the house.
type HUD struct {
	faces      *ui.Faces
	icons      [art.NumIcons]*ebiten.Image
	captionFor *play.Story
	captionW   int
	lines      []string
}

func New(f *ui.Faces) *HUD {
	h := &HUD{faces: f}
	for i := range h.icons {
		h.icons[i] = ebiten.NewImageFromImage(art.HUDIcon(art.Icon(i)))
	}
	return h
}

func (h *HUD) DrawTabs(dst ui.Surface, l *ui.Layout, p *play.Player) {
	face := h.faces.Get(float64(l.Px(13)), true)
	for _, b := range l.Buttons {
		if b.Kind != ui.BtnTab {
			continue
		}
		bg, fg := ui.ColPanel, ui.ColTextDim
		if b.Story == p.Index {
			bg, fg = ui.ColAccent, ui.ColBackground
		} else if b.Pressed {
			bg = ui.ColPanelLight
		}
		ui.FillRound(dst, b.R, float32(l.Px(6)), bg)
		label := b.Label
		if b.Story >= sim.NumPresets {
			label = "your house"
		}
		ui.DrawTextAligned(dst, fmt.Sprintf("%d %s", b.Story+1, label), face, b.R, ui.AlignCenter, fg)
	}
}

// DrawStoryCaption writes the story's title and what it is about.
func (h *HUD) DrawStoryCaption(dst ui.Surface, l *ui.Layout, p *play.Player) {
	st := p.Story()
	title := h.faces.Get(float64(l.Px(15)), true)
	body := h.faces.Get(float64(l.Px(13)), false)
	r := l.Caption
	ui.DrawText(dst, st.Title, title, float64(r.Min.X), float64(r.Min.Y+l.Px(4)), ui.ColAccent)
	x := float64(r.Min.X) + title.Advance(st.Title) + float64(l.Px(12))
	if h.captionFor != st || h.captionW != r.Dx() {
		h.captionFor, h.captionW = st, r.Dx()
		h.lines = ui.Wrap(st.Caption, body, float64(r.Max.X)-x)
	}
	for i, line := range h.lines {
		if i >= 2 {
			break
		}
		ui.DrawText(dst, line, body, x, float64(r.Min.Y+l.Px(6)+i*l.Px(17)), ui.ColText)
	}
}

func (h *HUD) DrawFigures(dst ui.Surface, l *ui.Layout, p *play.Player) {
	r := l.Figures
	if r.Empty() {
		return
	}
	ui.FillRound(dst, r, float32(l.Px(8)), ui.ColPanel)
	f := p.Figures()
	label := h.faces.Get(float64(l.Px(12)), false)
	value := h.faces.Get(float64(l.Px(20)), true)
	y := r.Min.Y + l.Px(10)
	item := func(name, v, note string, clr color.Color) {
		x := float64(r.Min.X + l.Px(12))
		ui.DrawText(dst, name, label, x, float64(y), ui.ColText)
		y += label.Height() + l.Px(3)
		ui.DrawText(dst, v, value, x, float64(y), clr)
		y += value.Height() + l.Px(2)
		if note != "" {
			ui.DrawText(dst, note, label, x, float64(y), ui.ColTextDim)
			y += label.Height()
		}
		y += l.Px(12)
	}
	fig := play.Texts(f)
	if f.Final {
		item("makespan", fig.Makespan, "", ui.ColAccent)
		item("speedup vs one alone", fig.Speedup, "", ui.ColAccent)
	} else {
		item("makespan", fig.Makespan, "still running", ui.ColText)
		item("speedup vs one alone", fig.Speedup, "known at the end", ui.ColText)
	}
	item("parallelism", fig.Parallelism, "hands busy at once", ui.ColText)
	item("overlap", fig.Overlap, "cleaning while listening", ui.ColText)
	item("waiting", fig.Waiting, "ready but blocked", ui.ColText)
}

func (h *HUD) DrawControls(dst ui.Surface, l *ui.Layout, p *play.Player) {
	if l.UI == play.UINone {
		return
	}
	ui.FillRect(dst, l.Controls, ui.ColPanel)
	for _, b := range l.Buttons {
		if b.Kind == ui.BtnTab {
			continue
		}
		bg := ui.ColPanelLight
		if b.Pressed {
			bg = ui.ColAccent
		}
		ui.FillRound(dst, b.R, float32(l.Px(6)), bg)
		var icon art.Icon
		switch b.Kind {
		case ui.BtnPlay:
			icon = art.IconPlay
			if p.Playing {
				icon = art.IconPause
			}
		case ui.BtnStepBack:
			icon = art.IconStepBack
		case ui.BtnStepForward:
			icon = art.IconStepForward
		case ui.BtnRestart:
			icon = art.IconRestart
		case ui.BtnFaster:
			icon = art.IconSpeed
		case ui.BtnSlower:
			h.drawMinus(dst, b.R, l)
			continue
		case ui.BtnMute:
			icon = art.IconUnmute
			if p.Muted {
				icon = art.IconMute
			}
		case ui.BtnHelp:
			icon = art.IconHelp
		case ui.BtnVolume:
			h.drawVolume(dst, b.R, l, p)
			continue
		case ui.BtnCode:
			label := "code"
			if p.InCode() {
				label = "house"
			}
			ui.DrawTextAligned(dst, label, h.faces.Get(float64(l.Px(13)), true), b.R, ui.AlignCenter, ui.ColText)
			continue
		}
		h.drawIcon(dst, icon, b.R)
	}
	if l.UI != play.UIFull {
		return
	}
	face := h.faces.Get(float64(l.Px(14)), true)
	ui.DrawTextAligned(dst, fmt.Sprintf("%gx", p.Speed), face, l.SpeedLabel(), ui.AlignCenter, ui.ColText)
	ui.DrawTextAligned(dst, clockText(p), face, l.ClockRect(), ui.AlignStart, ui.ColText)
}

// drawIcon scales a 12px icon by a whole factor to fit r, centred.
func (h *HUD) drawIcon(dst ui.Surface, icon art.Icon, r image.Rectangle) {
	img := h.icons[icon]
	k := max(1, (min(r.Dx(), r.Dy())*6/10)/art.IconSize)
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(float64(k), float64(k))
	op.GeoM.Translate(float64(r.Min.X+(r.Dx()-k*art.IconSize)/2), float64(r.Min.Y+(r.Dy()-k*art.IconSize)/2))
	op.ColorScale.ScaleWithColor(ui.ColText)
	dst.DrawImage(img, op)
}

// drawVolume draws the slider: a track, the level filled, a knob.
func (h *HUD) drawVolume(dst ui.Surface, r image.Rectangle, l *ui.Layout, p *play.Player) {
	inner := r.Inset(l.Px(8))
	cy := float32(r.Min.Y+r.Max.Y) / 2
	t := float32(l.Px(4))
	ui.FillRectF(dst, float32(inner.Min.X), cy-t/2, float32(inner.Dx()), t, ui.ColBackground)
	level := float32(p.Volume)
	clr := ui.ColText
	if p.Muted {
		clr = ui.ColTextDim
	}
	ui.FillRectF(dst, float32(inner.Min.X), cy-t/2, float32(inner.Dx())*level, t, clr)
	ui.FillDisc(dst, float32(inner.Min.X)+float32(inner.Dx())*level, cy, float32(l.Px(6)), clr)
}

func (h *HUD) drawMinus(dst ui.Surface, r image.Rectangle, l *ui.Layout) {
	w, t := float32(r.Dx())*0.45, float32(l.Px(3))
	cx, cy := float32(r.Min.X+r.Max.X)/2, float32(r.Min.Y+r.Max.Y)/2
	ui.FillRectF(dst, cx-w/2, cy-t/2, w, t, ui.ColText)
}

var HelpLines = []string{
	"Space            play / pause",
	"← →              step one minute back / ahead",
	"[ ]              previous / next event (the step buttons, a swipe)",
	"T                listen together / take turns",
	"0                all stories on one clock",
	"1 – 6            pick a story",
	fmt.Sprintf("+ −              faster / slower (%gx to %gx)", play.MinSpeed, play.MaxSpeed),
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

func (h *HUD) DrawHelp(dst ui.Surface, l *ui.Layout) {
	ui.FillRect(dst, image.Rect(0, 0, l.W, l.H), color.RGBA{0, 0, 0, 0xa0})
	face := h.faces.Get(float64(l.Px(14)), false)
	lineH := l.Px(22)
	w, hh := l.Px(430), lineH*(len(HelpLines)+3)
	r := image.Rect((l.W-w)/2, (l.H-hh)/2, (l.W+w)/2, (l.H+hh)/2)
	ui.FillRound(dst, r, float32(l.Px(10)), ui.ColPanel)
	ui.DrawText(dst, "Keys and controls", h.faces.Get(float64(l.Px(16)), true), float64(r.Min.X+l.Px(20)), float64(r.Min.Y+l.Px(16)), ui.ColAccent)
	for i, line := range HelpLines {
		ui.DrawText(dst, line, face, float64(r.Min.X+l.Px(20)), float64(r.Min.Y+l.Px(16)+(i+2)*lineH), ui.ColText)
	}
}

// DrawNotice shows a message at the top of the screen.
func (h *HUD) DrawNotice(dst ui.Surface, l *ui.Layout, msg string) {
	face := h.faces.Get(float64(l.Px(13)), false)
	w := int(face.Advance(msg)) + l.Px(24)
	r := image.Rect((l.W-w)/2, l.Px(40), (l.W+w)/2, l.Px(66))
	ui.FillRound(dst, r, float32(l.Px(6)), color.RGBA{0x6b, 0x2a, 0x3a, 0xf0})
	ui.DrawTextAligned(dst, msg, face, r, ui.AlignCenter, ui.ColText)
}

// DrawPodcast shows the words being said (caption), under the house, while
// someone listens (also when muted: captions are for reading). inCode: the
// code view is shown.
func (h *HUD) DrawPodcast(dst ui.Surface, l *ui.Layout, caption string, inCode bool) {
	if caption == "" {
		return
	}
	face := h.faces.Get(float64(l.Px(13)), false)
	lines := ui.Wrap("podcast: "+caption, face, float64(l.Scene.Dx())*0.8)
	lineH := l.Px(18)
	ht := lineH*len(lines) + l.Px(8)
	// At the top of the house, over the roof: nothing there to hide. In the
	// code view, at the bottom, below the code.
	top := l.Scene.Min.Y + l.Px(4)
	if inCode {
		top = l.Scene.Max.Y - l.Px(8) - ht
	}
	r := image.Rect(l.Scene.Min.X+l.Scene.Dx()/10, top, l.Scene.Max.X-l.Scene.Dx()/10, top+ht)
	ui.FillRound(dst, r, float32(l.Px(6)), color.RGBA{0x10, 0x10, 0x1c, 0xd0})
	for i, line := range lines {
		lr := image.Rect(r.Min.X, r.Min.Y+l.Px(4)+i*lineH, r.Max.X, r.Min.Y+l.Px(4)+(i+1)*lineH)
		ui.DrawTextAligned(dst, line, face, lr, ui.AlignCenter, ui.ColText)
	}
}

// clockText is what the clock says.
func clockText(p *play.Player) string {
	st := p.Story()
	if p.Done() {
		return fmt.Sprintf("done at minute %s", st.Result.Makespan)
	}
	return fmt.Sprintf("minute %d", int(p.Minute.Min()))
}
