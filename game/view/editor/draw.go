package editor

import (
	"image"

	"chores/game/ui"
)

// Draw draws the editor: its panel, the message band, and the widgets that
// are inside the form's area (a widget scrolled half out is not drawn, so
// nothing spills over the band or the controls).
func (v *View) Draw(dst ui.Surface, r image.Rectangle, faces *ui.Faces) {
	m := v.m
	ui.FillRound(dst, r, float32(m.px(8)), ui.ColPanel)
	ui.Note("panel", "editor", r, 0)
	face := faces.Get(float64(m.px(13)), false)
	bold := faces.Get(float64(m.px(13)), true)

	// The band: what is wrong, in the warning colour, or what to do.
	msg, clr := "Every change plays at once. Click a name or a number to type; Enter keeps it.", ui.ColTextDim
	if e := v.Error(); e != "" {
		msg, clr = "Not played: "+e, ui.ColBlocked
		if v.Ed.Err() == nil {
			msg = e
		}
	}
	band := v.band.Inset(m.px(8))
	lines := ui.Wrap(msg, face, float64(band.Dx()))
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = ui.Fit(lines[1]+"…", face, float64(band.Dx()))
	}
	y := band.Min.Y + (band.Dy()-len(lines)*face.Height())/2
	for _, line := range lines {
		ui.DrawText(dst, line, face, float64(band.Min.X), float64(y), clr)
		y += face.Height()
	}

	for _, w := range v.widgets {
		if !w.R.In(v.area) {
			continue
		}
		switch w.Look {
		case LookHeading:
			ui.DrawTextAligned(dst, w.Text, bold, w.R, ui.AlignStart, ui.ColAccent)
		case LookLabel:
			ui.DrawTextAligned(dst, w.Text, face, w.R, ui.AlignStart, ui.ColTextDim)
		case LookButton:
			ui.FillRound(dst, w.R, float32(m.px(5)), ui.ColPanelLight)
			ui.Note("button", w.Name, w.R, 0)
			ui.DrawTextAligned(dst, w.Text, bold, w.R, ui.AlignCenter, ui.ColText)
		case LookToggle:
			bg, fg, text := ui.ColPanelLight, ui.ColTextDim, "  "+w.Text
			if w.On {
				bg, fg, text = ui.ColAccent, ui.ColBackground, "✓ "+w.Text
			}
			ui.FillRound(dst, w.R, float32(m.px(5)), bg)
			ui.Note("button", w.Name, w.R, 0)
			ui.DrawTextAligned(dst, text, bold, w.R, ui.AlignCenter, fg)
		case LookField:
			typing := v.Typing.Active && v.Typing.Edit == w.Edit
			border := ui.ColTextDim
			if typing {
				border = ui.ColAccent
			}
			ui.FillRound(dst, w.R, float32(m.px(4)), border)
			ui.FillRound(dst, w.R.Inset(max(1, m.px(1.5))), float32(m.px(3)), ui.ColBackground)
			ui.Note("button", w.Name, w.R, 0)
			in := w.R.Inset(m.px(6))
			text := ui.Fit(w.Text, face, float64(in.Dx()))
			if typing {
				text = tail(w.Text, int(float64(in.Dx())/max(1, face.Advance("m"))))
			}
			ui.DrawTextAligned(dst, text, face, in, ui.AlignStart, ui.ColText)
		}
	}
	if w, ok := v.FocusedWidget(); ok && w.R.In(v.area) {
		ui.Outline(dst, w.R.Inset(-m.px(2)), float32(max(2, m.px(2))), ui.ColPlayhead)
	}
	// More above or below: a small arrow at the edge.
	if top, more := v.Scrolled(); top > 0 || more > 0 {
		r := image.Rect(v.area.Max.X+m.px(2), v.area.Min.Y, v.area.Max.X+m.px(2)+m.CharW, v.area.Max.Y)
		if top > 0 {
			ui.DrawTextAligned(dst, "↑", bold, image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+face.Height()), ui.AlignEnd, ui.ColAccent)
		}
		if more > 0 {
			ui.DrawTextAligned(dst, "↓", bold, image.Rect(r.Min.X, r.Max.Y-face.Height(), r.Max.X, r.Max.Y), ui.AlignEnd, ui.ColAccent)
		}
	}
}

// tail is the last n characters of s: the end of what is being typed.
func tail(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[len(r)-max(n, 0):])
}
