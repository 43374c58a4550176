package ui

import (
	"image"
	"math"

	"chores/game/play"
)

// Layout is where everything goes on a screen of a given size. Sizes are in
// device pixels; u is one CSS pixel, so the interface keeps its size on
// high-DPI screens while drawing with all their pixels.
type Layout struct {
	W, H     int
	U        float64
	UI       string
	tabs     image.Rectangle
	Caption  image.Rectangle
	Scene    image.Rectangle
	Figures  image.Rectangle
	Timeline image.Rectangle
	Controls image.Rectangle
	Buttons  []Button
}

// Button is a clickable place that stands for an intent.
type Button struct {
	R       image.Rectangle
	Intent  play.Intent
	Kind    ButtonKind
	Label   string
	Story   int // for tabs
	Pressed bool
}

type ButtonKind int

const (
	BtnTab ButtonKind = iota
	BtnPlay
	BtnStepBack
	BtnStepForward
	BtnRestart
	BtnSlower
	BtnFaster
	BtnMute
	BtnHelp
	BtnCode
	BtnVolume // a slider: where it is pressed sets the volume
)

func (l *Layout) Px(css float64) int { return int(math.Round(css * l.U)) }

// NewLayout computes the regions for a screen of w×h device pixels, with
// a timeline of rows rows for the current story.
func NewLayout(w, h int, u float64, ui string, p *play.Player, rows int) *Layout {
	l := &Layout{W: w, H: h, U: u, UI: ui}
	full := image.Rect(0, 0, w, h)
	switch ui {
	case play.UINone:
		l.Scene = full
		return l
	case play.UIMinimal:
		bar := l.Px(30)
		l.Controls = image.Rect(0, h-bar, w, h)
		l.Scene = image.Rect(0, 0, w, h-bar)
		btn := image.Rect(l.Px(4), h-bar+l.Px(3), l.Px(4)+bar-l.Px(6), h-l.Px(3))
		l.Buttons = append(l.Buttons, Button{R: btn, Kind: BtnPlay, Intent: play.Intent{Kind: play.TogglePlay}})
		mute := btn.Add(image.Pt(w-btn.Max.X, 0))
		l.Buttons = append(l.Buttons, Button{R: mute, Kind: BtnMute, Intent: play.Intent{Kind: play.ToggleMute}})
		l.Timeline = image.Rect(btn.Max.X+l.Px(8), h-bar+l.Px(4), mute.Min.X-l.Px(8), h-l.Px(4))
		return l
	}
	pad := l.Px(8)
	y := 0
	l.tabs = image.Rect(0, y, w, y+l.Px(34))
	y = l.tabs.Max.Y
	l.Caption = image.Rect(pad, y, w-pad, y+l.Px(44))
	y = l.Caption.Max.Y
	l.Controls = image.Rect(0, h-l.Px(44), w, h)

	rowH := 14.0
	tlH := l.Px(float64(rows)*rowH + 34)
	tlH = max(l.Px(70), min(tlH, (h-y-l.Controls.Dy())*2/5))
	l.Timeline = image.Rect(pad, l.Controls.Min.Y-tlH, w-pad, l.Controls.Min.Y)
	middle := image.Rect(pad, y, w-pad, l.Timeline.Min.Y-l.Px(6))
	if middle.Dx() > l.Px(640) {
		figW := l.Px(190)
		l.Figures = image.Rect(middle.Max.X-figW, middle.Min.Y, middle.Max.X, middle.Max.Y)
		l.Scene = image.Rect(middle.Min.X, middle.Min.Y, l.Figures.Min.X-pad, middle.Max.Y)
	} else {
		l.Scene = middle
	}

	// Tabs: one per story, sharing the width.
	n := len(p.Stories)
	tabW := (w - 2*pad) / max(n, 1)
	for i, st := range p.Stories {
		r := image.Rect(pad+i*tabW, l.Px(4), pad+(i+1)*tabW-l.Px(4), l.tabs.Max.Y-l.Px(2))
		l.Buttons = append(l.Buttons, Button{R: r, Kind: BtnTab, Story: i, Label: st.Name,
			Intent: play.Intent{Kind: play.Pick, Value: float64(i)}})
	}

	// Controls, left to right.
	bs := l.Px(32)
	x := pad
	cy := l.Controls.Min.Y + (l.Controls.Dy()-bs)/2
	add := func(kind ButtonKind, in play.Intent) {
		l.Buttons = append(l.Buttons, Button{R: image.Rect(x, cy, x+bs, cy+bs), Kind: kind, Intent: in})
		x += bs + l.Px(6)
	}
	add(BtnRestart, play.Intent{Kind: play.Restart})
	add(BtnStepBack, play.Intent{Kind: play.StepBack})
	add(BtnPlay, play.Intent{Kind: play.TogglePlay})
	add(BtnStepForward, play.Intent{Kind: play.StepForward})
	x += l.Px(10)
	add(BtnSlower, play.Intent{Kind: play.Slower})
	x += l.Px(44) // the speed label sits here
	add(BtnFaster, play.Intent{Kind: play.Faster})
	x = w - pad - 3*bs - 2*l.Px(6) - l.Px(90) - l.Px(24)
	l.Buttons = append(l.Buttons, Button{R: image.Rect(x, cy, x+bs+l.Px(24), cy+bs), Kind: BtnCode, Intent: play.Intent{Kind: play.ToggleCode}})
	x += bs + l.Px(24) + l.Px(6)
	add(BtnMute, play.Intent{Kind: play.ToggleMute})
	l.Buttons = append(l.Buttons, Button{R: image.Rect(x, cy, x+l.Px(84), cy+bs), Kind: BtnVolume})
	x += l.Px(90)
	add(BtnHelp, play.Intent{Kind: play.ToggleHelp})
	return l
}

// SpeedLabel is where the speed is written, between − and +.
func (l *Layout) SpeedLabel() image.Rectangle {
	for i, b := range l.Buttons {
		if b.Kind == BtnSlower && i+1 < len(l.Buttons) {
			return image.Rect(b.R.Max.X, b.R.Min.Y, l.Buttons[i+1].R.Min.X, b.R.Max.Y)
		}
	}
	return image.Rectangle{}
}

// ClockRect is where the clock is written, after the speed controls.
func (l *Layout) ClockRect() image.Rectangle {
	var from, to int
	for _, b := range l.Buttons {
		switch b.Kind {
		case BtnFaster:
			from = b.R.Max.X + l.Px(12)
		case BtnCode:
			to = b.R.Min.X - l.Px(12)
		}
	}
	return image.Rect(from, l.Controls.Min.Y, to, l.Controls.Max.Y)
}

// VolumeAt maps an x on the volume slider to a volume.
func (l *Layout) VolumeAt(x int) float64 {
	for _, b := range l.Buttons {
		if b.Kind == BtnVolume {
			inner := b.R.Inset(l.Px(8))
			return max(0, min(1, float64(x-inner.Min.X)/float64(max(1, inner.Dx()))))
		}
	}
	return 0
}

// Hit finds the button under a point.
func (l *Layout) Hit(pt image.Point) (Button, bool) {
	for _, b := range l.Buttons {
		if pt.In(b.R) {
			return b, true
		}
	}
	return Button{}, false
}
