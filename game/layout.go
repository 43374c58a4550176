package game

import (
	"chores/game/play"
	"image"
	"math"
)

// layout is where everything goes on a screen of a given size. Sizes are in
// device pixels; u is one CSS pixel, so the interface keeps its size on
// high-DPI screens while drawing with all their pixels.
type layout struct {
	w, h     int
	u        float64
	ui       string
	tabs     image.Rectangle
	caption  image.Rectangle
	scene    image.Rectangle
	figures  image.Rectangle
	timeline image.Rectangle
	controls image.Rectangle
	buttons  []button
}

// button is a clickable place that stands for an intent.
type button struct {
	r       image.Rectangle
	intent  play.Intent
	kind    buttonKind
	label   string
	story   int // for tabs
	pressed bool
}

type buttonKind int

const (
	btnTab buttonKind = iota
	btnPlay
	btnStepBack
	btnStepForward
	btnRestart
	btnSlower
	btnFaster
	btnMute
	btnHelp
	btnCode
	btnVolume // a slider: where it is pressed sets the volume
)

func (l *layout) px(css float64) int { return int(math.Round(css * l.u)) }

// newLayout computes the regions for a screen of w×h device pixels, with
// a timeline of rows rows for the current story.
func newLayout(w, h int, u float64, ui string, p *play.Player, rows int) *layout {
	l := &layout{w: w, h: h, u: u, ui: ui}
	full := image.Rect(0, 0, w, h)
	switch ui {
	case play.UINone:
		l.scene = full
		return l
	case play.UIMinimal:
		bar := l.px(30)
		l.controls = image.Rect(0, h-bar, w, h)
		l.scene = image.Rect(0, 0, w, h-bar)
		btn := image.Rect(l.px(4), h-bar+l.px(3), l.px(4)+bar-l.px(6), h-l.px(3))
		l.buttons = append(l.buttons, button{r: btn, kind: btnPlay, intent: play.Intent{Kind: play.TogglePlay}})
		mute := btn.Add(image.Pt(w-btn.Max.X, 0))
		l.buttons = append(l.buttons, button{r: mute, kind: btnMute, intent: play.Intent{Kind: play.ToggleMute}})
		l.timeline = image.Rect(btn.Max.X+l.px(8), h-bar+l.px(4), mute.Min.X-l.px(8), h-l.px(4))
		return l
	}
	pad := l.px(8)
	y := 0
	l.tabs = image.Rect(0, y, w, y+l.px(34))
	y = l.tabs.Max.Y
	l.caption = image.Rect(pad, y, w-pad, y+l.px(44))
	y = l.caption.Max.Y
	l.controls = image.Rect(0, h-l.px(44), w, h)

	rowH := 14.0
	tlH := l.px(float64(rows)*rowH + 34)
	tlH = max(l.px(70), min(tlH, (h-y-l.controls.Dy())*2/5))
	l.timeline = image.Rect(pad, l.controls.Min.Y-tlH, w-pad, l.controls.Min.Y)
	middle := image.Rect(pad, y, w-pad, l.timeline.Min.Y-l.px(6))
	if middle.Dx() > l.px(640) {
		figW := l.px(190)
		l.figures = image.Rect(middle.Max.X-figW, middle.Min.Y, middle.Max.X, middle.Max.Y)
		l.scene = image.Rect(middle.Min.X, middle.Min.Y, l.figures.Min.X-pad, middle.Max.Y)
	} else {
		l.scene = middle
	}

	// Tabs: one per story, sharing the width.
	n := len(p.Stories)
	tabW := (w - 2*pad) / max(n, 1)
	for i, st := range p.Stories {
		r := image.Rect(pad+i*tabW, l.px(4), pad+(i+1)*tabW-l.px(4), l.tabs.Max.Y-l.px(2))
		l.buttons = append(l.buttons, button{r: r, kind: btnTab, story: i, label: st.Name,
			intent: play.Intent{Kind: play.Pick, Value: float64(i)}})
	}

	// Controls, left to right.
	bs := l.px(32)
	x := pad
	cy := l.controls.Min.Y + (l.controls.Dy()-bs)/2
	add := func(kind buttonKind, in play.Intent) {
		l.buttons = append(l.buttons, button{r: image.Rect(x, cy, x+bs, cy+bs), kind: kind, intent: in})
		x += bs + l.px(6)
	}
	add(btnRestart, play.Intent{Kind: play.Restart})
	add(btnStepBack, play.Intent{Kind: play.StepBack})
	add(btnPlay, play.Intent{Kind: play.TogglePlay})
	add(btnStepForward, play.Intent{Kind: play.StepForward})
	x += l.px(10)
	add(btnSlower, play.Intent{Kind: play.Slower})
	x += l.px(44) // the speed label sits here
	add(btnFaster, play.Intent{Kind: play.Faster})
	x = w - pad - 3*bs - 2*l.px(6) - l.px(90) - l.px(24)
	l.buttons = append(l.buttons, button{r: image.Rect(x, cy, x+bs+l.px(24), cy+bs), kind: btnCode, intent: play.Intent{Kind: play.ToggleCode}})
	x += bs + l.px(24) + l.px(6)
	add(btnMute, play.Intent{Kind: play.ToggleMute})
	l.buttons = append(l.buttons, button{r: image.Rect(x, cy, x+l.px(84), cy+bs), kind: btnVolume})
	x += l.px(90)
	add(btnHelp, play.Intent{Kind: play.ToggleHelp})
	return l
}

// speedLabel is where the speed is written, between − and +.
func (l *layout) speedLabel() image.Rectangle {
	for i, b := range l.buttons {
		if b.kind == btnSlower && i+1 < len(l.buttons) {
			return image.Rect(b.r.Max.X, b.r.Min.Y, l.buttons[i+1].r.Min.X, b.r.Max.Y)
		}
	}
	return image.Rectangle{}
}

// clockRect is where the clock is written, after the speed controls.
func (l *layout) clockRect() image.Rectangle {
	var from, to int
	for _, b := range l.buttons {
		switch b.kind {
		case btnFaster:
			from = b.r.Max.X + l.px(12)
		case btnCode:
			to = b.r.Min.X - l.px(12)
		}
	}
	return image.Rect(from, l.controls.Min.Y, to, l.controls.Max.Y)
}

// volumeAt maps an x on the volume slider to a volume.
func (l *layout) volumeAt(x int) float64 {
	for _, b := range l.buttons {
		if b.kind == btnVolume {
			inner := b.r.Inset(l.px(8))
			return max(0, min(1, float64(x-inner.Min.X)/float64(max(1, inner.Dx()))))
		}
	}
	return 0
}

// hit finds the button under a point.
func (l *layout) hit(pt image.Point) (button, bool) {
	for _, b := range l.buttons {
		if pt.In(b.r) {
			return b, true
		}
	}
	return button{}, false
}
