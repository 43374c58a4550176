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
	captionX   float64
	lines      []string
}

func New(f *ui.Faces) *HUD {
	h := &HUD{faces: f}
	for i := range h.icons {
		h.icons[i] = ebiten.NewImageFromImage(art.HUDIcon(art.Icon(i)))
	}
	return h
}

// DrawTabs draws a tab per story: its number and title, or as much as fits
// (the number alone on a phone, with the title in the caption below).
func (h *HUD) DrawTabs(dst ui.Surface, l *ui.Layout, p *play.Player) {
	face := h.faces.Get(float64(l.Px(13)), true)
	ui.Note("panel", "tabs", l.Tabs, 0)
	// Every tab in one form: titles when all fit, else names, else numbers
	// (the title of the story playing is in the caption below).
	form := 0
	for _, b := range l.Buttons {
		if b.Kind != ui.BtnTab {
			continue
		}
		room := float64(b.R.Dx() - l.Px(8))
		num := fmt.Sprint(b.Story + 1)
		name := "all"
		switch {
		case b.Story >= sim.NumPresets:
			name = ui.OwnTab
		case b.Story >= 0:
			name = p.Stories[b.Story].Name
		}
		for form < 2 && face.Advance([]string{num + " " + b.Label, num + " " + name}[form]) > room {
			form++
		}
	}
	for _, b := range l.Buttons {
		if b.Kind != ui.BtnTab {
			continue
		}
		bg, fg := ui.ColPanel, ui.ColTextDim
		if (b.Story == p.Index && !p.InCompare()) || (b.Story == ui.CompareTab && p.InCompare()) {
			bg, fg = ui.ColAccent, ui.ColBackground
		} else if b.Pressed {
			bg = ui.ColPanelLight
		}
		ui.FillRound(dst, b.R, float32(l.Px(6)), bg)
		h.focusRing(dst, l, b)
		num := fmt.Sprint(b.Story + 1)
		label := num
		switch {
		case b.Story == ui.CompareTab:
			num, label = "0", "0"
			if form < 2 {
				label = "0 " + []string{b.Label, "all"}[form]
			}
		case form == 0:
			label = num + " " + b.Label
		case form == 1 && b.Story >= sim.NumPresets:
			label = num + " " + ui.OwnTab
		case form == 1:
			label = num + " " + p.Stories[b.Story].Name
		}
		ui.Note("tab", num+" "+b.Label, b.R, 0)
		ui.DrawTextAligned(dst, label, face, b.R, ui.AlignCenter, fg)
	}
}

// focusRing outlines the button the keyboard's focus is on.
func (h *HUD) focusRing(dst ui.Surface, l *ui.Layout, b ui.Button) {
	if !b.Focused {
		return
	}
	ui.Outline(dst, b.R.Inset(-l.Px(3)), float32(max(2, l.Px(2))), ui.ColPlayhead)
}

// DrawStoryCaption writes the story's title and what it is about: beside
// each other on a wide screen, the title above on a narrow one, both large
// for the presenter.
func (h *HUD) DrawStoryCaption(dst ui.Surface, l *ui.Layout, p *play.Player) {
	st := p.Story()
	present := l.UI == play.UIPresent
	titleSize, bodySize, lineH := 15.0, 13.0, 17
	if present {
		titleSize, bodySize, lineH = 26, 26, 30
	}
	title := h.faces.Get(float64(l.Px(titleSize)), true)
	body := h.faces.Get(float64(l.Px(bodySize)), false)
	r := l.Caption
	ui.Note("panel", "caption", r, 0)
	x, y := float64(r.Min.X), float64(r.Min.Y+l.Px(4))
	lines := 2
	if l.Compact || present {
		ui.DrawText(dst, ui.Fit(st.Title, title, float64(r.Dx())), title, x, y, ui.ColAccent)
		y += float64(title.Height() + l.Px(3))
		lines = max(1, (r.Max.Y-int(y))/max(1, l.Px(float64(lineH))))
		if present {
			x += title.Advance(st.Title) + float64(l.Px(16))
			y = float64(r.Min.Y + l.Px(4))
			lines = 2
			if x > float64(r.Max.X)-float64(r.Dx())/3 {
				x, y, lines = float64(r.Min.X), float64(r.Min.Y+l.Px(4)+title.Height()), 1
			}
		}
	} else {
		ui.DrawText(dst, st.Title, title, x, y, ui.ColAccent)
		x += title.Advance(st.Title) + float64(l.Px(12))
		y = float64(r.Min.Y + l.Px(6))
	}
	if h.captionFor != st || h.captionW != r.Dx() || h.captionX != x {
		h.captionFor, h.captionW, h.captionX = st, r.Dx(), x
		h.lines = ui.Wrap(st.Caption, body, float64(r.Max.X)-x)
	}
	for i, line := range h.lines {
		if i >= lines || y+float64(body.Height()) > float64(r.Max.Y) {
			break
		}
		if i == lines-1 && i < len(h.lines)-1 {
			line = ui.Fit(line+" …", body, float64(r.Max.X)-x)
		}
		ui.DrawText(dst, line, body, x, y, ui.ColText)
		y += float64(l.Px(float64(lineH)))
	}
}

// DrawFigures draws the model's figures at the playhead: a panel beside the
// house, or a strip under it on a narrow screen.
func (h *HUD) DrawFigures(dst ui.Surface, l *ui.Layout, p *play.Player) {
	r := l.Figures
	if r.Empty() {
		return
	}
	ui.FillRound(dst, r, float32(l.Px(8)), ui.ColPanel)
	ui.Note("panel", "figures", r, 0)
	f := p.Figures()
	fig := play.Texts(f)
	type figure struct{ name, value, note string }
	// In plain words: how long, how much faster than one person alone, how
	// many hands at once, how much of the time ears and hands overlapped,
	// how long people waited.
	items := []figure{
		{"so far", fig.Makespan, "still going"},
		{"faster than one alone", fig.Speedup, "known at the end"},
		{"hands busy at once", fig.Parallelism, "on average"},
		{"cleaning while listening", fig.Overlap, "of the time"},
		{"waiting", fig.Waiting, "ready but blocked"},
	}
	if f.Final {
		items[0] = figure{"done after", fig.Makespan, ""}
		items[1].note = "than doing it all in a row"
	}
	if l.Strip {
		// The strip: short names over values, in columns.
		short := []string{"so far", "faster", "hands", "both", "waiting"}
		if f.Final {
			short[0] = "done"
		}
		label := h.faces.Get(float64(l.Px(12)), false)
		value := h.faces.Get(float64(l.Px(13)), true)
		colW := r.Dx() / len(items)
		for i, it := range items {
			x := float64(r.Min.X + i*colW + l.Px(6))
			ui.DrawText(dst, ui.Fit(short[i], label, float64(colW-l.Px(8))), label, x, float64(r.Min.Y+l.Px(8)), ui.ColTextDim)
			clr := ui.ColText
			if f.Final && i < 2 {
				clr = ui.ColAccent
			}
			ui.DrawText(dst, ui.Fit(it.value, value, float64(colW-l.Px(8))), value, x, float64(r.Min.Y+l.Px(10)+label.Height()), clr)
		}
		return
	}
	labelSize, valueSize, gap := 12.0, 20.0, 12
	if l.UI == play.UIPresent {
		labelSize, valueSize, gap = 16, 40, 10
	}
	label := h.faces.Get(float64(l.Px(labelSize)), false)
	value := h.faces.Get(float64(l.Px(valueSize)), true)
	room := float64(r.Dx() - l.Px(20))
	y := r.Min.Y + l.Px(10)
	for i, it := range items {
		need := label.Height() + l.Px(3) + value.Height()
		if it.note != "" {
			need += label.Height()
		}
		if y+need > r.Max.Y-l.Px(6) {
			break
		}
		x := float64(r.Min.X + l.Px(12))
		ui.DrawText(dst, ui.Fit(it.name, label, room), label, x, float64(y), ui.ColText)
		y += label.Height() + l.Px(3)
		clr := ui.ColText
		if f.Final && i < 2 {
			clr = ui.ColAccent
		}
		ui.DrawText(dst, ui.Fit(it.value, value, room), value, x, float64(y), clr)
		y += value.Height() + l.Px(2)
		if it.note != "" {
			ui.DrawText(dst, ui.Fit(it.note, label, room), label, x, float64(y), ui.ColTextDim)
			y += label.Height()
		}
		y += l.Px(float64(gap))
	}
}

func (h *HUD) DrawControls(dst ui.Surface, l *ui.Layout, p *play.Player) {
	if l.UI == play.UINone {
		return
	}
	ui.FillRect(dst, l.Controls, ui.ColPanel)
	ui.Note("panel", "controls", l.Controls, 0)
	for _, b := range l.Buttons {
		if b.Kind == ui.BtnTab {
			continue
		}
		bg := ui.ColPanelLight
		if b.Pressed {
			bg = ui.ColAccent
		}
		ui.FillRound(dst, b.R, float32(l.Px(6)), bg)
		h.focusRing(dst, l, b)
		ui.Note("button", b.Label, b.R, 0)
		if b.Kind == ui.BtnGuess && p.Predict.On {
			// On: a bar in the guesses' colour along its foot.
			ui.FillRect(dst, image.Rect(b.R.Min.X+l.Px(6), b.R.Max.Y-l.Px(4), b.R.Max.X-l.Px(6), b.R.Max.Y-l.Px(1)), ui.ColGuess)
		}
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
		case ui.BtnCode, ui.BtnTheme, ui.BtnShare, ui.BtnEdit, ui.BtnReal, ui.BtnLink, ui.BtnGuess:
			label := b.Label
			switch {
			case b.Kind == ui.BtnEdit && p.View() == play.ViewEditor,
				b.Kind == ui.BtnReal && p.View() == play.ViewReal:
				label = "house"
			case b.Kind == ui.BtnShare && p.Story().Share() == sim.ShareTogether:
				label = "turns"
			case b.Kind == ui.BtnShare:
				label = "together"
			case b.Kind == ui.BtnCode && p.InCode():
				label = "house"
			case b.Kind == ui.BtnTheme && p.Theme == play.ThemeLight:
				label = "dark"
			case b.Kind == ui.BtnTheme:
				label = "light"
			}
			ui.DrawTextAligned(dst, label, h.faces.Get(float64(l.Px(13)), true), b.R, ui.AlignCenter, ui.ColText)
			continue
		}
		h.drawIcon(dst, icon, b.R)
	}
	if l.UI == play.UIMinimal {
		return
	}
	face := h.faces.Get(float64(l.Px(14)), true)
	if r := l.SpeedLabel(); !r.Empty() {
		ui.DrawTextAligned(dst, fmt.Sprintf("%gx", p.Speed), face, r, ui.AlignCenter, ui.ColText)
	}
	clock := l.ClockRect()
	ui.DrawTextAligned(dst, ui.Fit(clockText(p), face, float64(clock.Dx())), face, clock, ui.AlignStart, ui.ColText)
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
	"E                edit: build a household of your own",
	"X                run the story for real, on goroutines",
	"Enter            (there) run it again",
	", .              (there) fewer / more processors: GOMAXPROCS",
	"S                share: a link to this story at this minute",
	"G  I             a GIF of the story / a picture of the timeline",
	"?                this help",
	"L                light or dark (for a projector)",
	"P                the presenter's view",
	"Tab, Enter       move between buttons, press one",
	"",
	"Drag the timeline to go to any minute.",
	"Hands: cleaning, coloured by room. Ears: the podcast.",
	"Striped bars: someone ready but waiting.",
}

// TouchLines say what fingers do, for a screen that has been touched.
var TouchLines = []string{
	"Tap the buttons below; tap a tab for a story.",
	"Drag the timeline to go to any minute.",
	"Tap a person to follow them everywhere.",
	"Tap anywhere to close this help.",
}

// DrawHelp lists the keys (and, on a touch screen, the gestures) in a box
// that fits the screen: smaller lines, then wrapped lines, then two
// columns, as the screen gets smaller.
func (h *HUD) DrawHelp(dst ui.Surface, l *ui.Layout, touch bool) {
	ui.FillRect(dst, image.Rect(0, 0, l.W, l.H), color.RGBA{0, 0, 0, 0xa0})
	lines := HelpLines
	if touch {
		lines = append(append(append([]string{}, TouchLines...), ""), HelpLines...)
	}
	face := h.faces.Get(float64(l.Px(14)), false)
	head := h.faces.Get(float64(l.Px(16)), true)
	pad := l.Px(16)
	maxW := min(l.Px(470), l.W-2*l.Px(8))
	var wrapped []string
	for _, line := range lines {
		if line == "" || face.Advance(line) <= float64(maxW-2*pad) {
			wrapped = append(wrapped, line)
			continue
		}
		wrapped = append(wrapped, ui.Wrap(line, face, float64(maxW-2*pad))...)
	}
	lineH := max(face.Height()+l.Px(2), min(l.Px(22), (l.H-3*pad-head.Height())/max(1, len(wrapped))))
	cols := 1
	if len(wrapped)*lineH+3*pad+head.Height() > l.H && l.W >= 2*maxW {
		cols = 2
	}
	perCol := (len(wrapped) + cols - 1) / cols
	w := maxW * cols
	hh := min(l.H-l.Px(8), perCol*lineH+3*pad+head.Height())
	r := image.Rect((l.W-w)/2, (l.H-hh)/2, (l.W+w)/2, (l.H+hh)/2)
	ui.FillRound(dst, r, float32(l.Px(10)), ui.ColPanel)
	ui.Note("panel", "help", r, 0)
	ui.DrawText(dst, "Keys and controls", head, float64(r.Min.X+pad), float64(r.Min.Y+pad), ui.ColAccent)
	top := r.Min.Y + 2*pad + head.Height()
	for i, line := range wrapped {
		c, k := i/perCol, i%perCol
		y := top + k*lineH
		if y+face.Height() > r.Max.Y-l.Px(4) {
			continue
		}
		ui.DrawText(dst, line, face, float64(r.Min.X+pad+c*maxW), float64(y), ui.ColText)
	}
}

// DrawNotice shows a message at the top of the screen.
func (h *HUD) DrawNotice(dst ui.Surface, l *ui.Layout, msg string) {
	face := h.faces.Get(float64(l.Px(13)), false)
	w := int(face.Advance(msg)) + l.Px(24)
	r := image.Rect((l.W-w)/2, l.Px(40), (l.W+w)/2, l.Px(66))
	ui.FillRound(dst, r, float32(l.Px(6)), color.RGBA{0x6b, 0x2a, 0x3a, 0xf0})
	ui.DrawTextAligned(dst, msg, face, r, ui.AlignCenter, ui.ColOnDark)
}

// DrawPodcast shows the words being said (caption), under the house, while
// someone listens (also when muted: captions are for reading). inCode: the
// code view is shown.
func (h *HUD) DrawPodcast(dst ui.Surface, l *ui.Layout, caption string, inCode bool) image.Rectangle {
	if caption == "" {
		return image.Rectangle{}
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
		ui.DrawTextAligned(dst, line, face, lr, ui.AlignCenter, ui.ColOnDark)
	}
	return r
}

// clockText is what the clock says.
func clockText(p *play.Player) string {
	st := p.Story()
	if p.Done() {
		return fmt.Sprintf("done at minute %s", st.Result.Makespan)
	}
	return fmt.Sprintf("minute %d", int(p.Minute.Min()))
}
