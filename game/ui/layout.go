package ui

import (
	"image"
	"math"

	"chores/game/play"
	"chores/sim"
)

// Layout is where everything goes on a screen of a given size. Sizes are in
// device pixels. U is one design pixel: a CSS pixel times the design scale
// (1, or 2 and 3 on big screens, so that text reads on a projector: see
// DesignScale); CSS is one CSS pixel, for what the page is told.
type Layout struct {
	W, H     int
	U        float64
	CSS      float64
	UI       string // the interface drawn: full, present, minimal or none
	Compact  bool   // a narrow screen: numbered tabs, figures under the house, controls on two rows
	Strip    bool   // the figures are a strip under the house, not a panel beside it
	Tabs     image.Rectangle
	Caption  image.Rectangle
	Scene    image.Rectangle
	Figures  image.Rectangle
	Timeline image.Rectangle
	Controls image.Rectangle
	Buttons  []Button
	// Panel are the buttons a view drew in the last frame (the real run's
	// panel): hit like the others, not reached by Tab.
	Panel []Button
	clock image.Rectangle // where the clock is written (ClockRect)
}

// Button is a clickable place that stands for an intent.
type Button struct {
	R       image.Rectangle
	Intent  play.Intent
	Kind    ButtonKind
	Label   string
	Story   int // for tabs
	Pressed bool
	Focused bool // the keyboard's focus is here (Tab moves it)
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
	BtnTheme  // light or dark
	BtnShare  // listen together or take turns, where the story has the choice
	BtnEdit   // the story editor, or back to the house
	BtnReal   // the story run on real goroutines, or back to the house
	BtnLink   // share: the link, the embed's line, a GIF, the timeline's picture
	BtnGuess  // predict mode: guess when the story is done, then watch
)

// OwnTab is the label of the seventh tab: the learner's own story.
const OwnTab = "yours"

// CompareTab is the Story of the tab that opens the compare view.
const CompareTab = -1

// Px is n design pixels in device pixels.
func (l *Layout) Px(n float64) int { return int(math.Round(n * l.U)) }

// DesignScale is how many CSS pixels make one design pixel on a screen of
// w×h CSS pixels: 1 up to a laptop, 2 from 1080p, 3 from 4K. Text is the
// 13-pixel bitmap font at whole scales, so it grows in whole steps: 13 CSS
// pixels on a laptop or a phone, 26 on a 1080p or 1440p projector, 39 on 4K.
func DesignScale(w, h float64) float64 {
	switch {
	case w >= 3000 && h >= 1600:
		return 3
	case w >= 1700 && h >= 950:
		return 2
	}
	return 1
}

// Sizes under which the interface changes its arrangement, in design
// pixels.
const (
	compactWidth = 640 // narrower: the compact arrangement
	fullWidth    = 360 // narrower than this, or lower than fullHeight: the minimal interface
	fullHeight   = 330
)

// Mode is the interface drawn for the one asked for on a screen of w×h
// design pixels: the full (or presenter) interface cannot fit a small embed,
// which gets the minimal one by itself.
func Mode(asked string, w, h int) string {
	if (asked == play.UIFull || asked == play.UIPresent) && (w < fullWidth || h < fullHeight) {
		return play.UIMinimal
	}
	return asked
}

// NewLayout computes the regions for a screen of w×h device pixels at css
// device pixels per CSS pixel, with a timeline of rows rows.
func NewLayout(w, h int, css float64, asked string, p *play.Player, rows int) *Layout {
	u := css * DesignScale(float64(w)/css, float64(h)/css)
	dw, dh := int(float64(w)/u), int(float64(h)/u)
	l := &Layout{W: w, H: h, U: u, CSS: css, UI: Mode(asked, dw, dh)}
	l.Compact = dw < compactWidth
	full := image.Rect(0, 0, w, h)
	switch l.UI {
	case play.UINone:
		l.Scene = full
		return l
	case play.UIMinimal:
		l.minimal()
		return l
	}
	present := l.UI == play.UIPresent
	pad := l.Px(8)
	y := 0
	l.Tabs = image.Rect(0, y, w, y+l.Px(34))
	y = l.Tabs.Max.Y
	captionH := 44.0
	switch {
	case present:
		captionH = 64
	case l.Compact:
		captionH = 74
	}
	l.Caption = image.Rect(pad, y, w-pad, y+l.Px(captionH))
	y = l.Caption.Max.Y

	controlRows := l.controlRows(present, p.Story().Alternative != nil, pad)
	l.Controls = image.Rect(0, h-l.Px(44)*controlRows, w, h)

	rowH := 14.0
	tlH := l.Px(float64(rows)*rowH + 34)
	tlH = max(l.Px(60), min(tlH, (h-y-l.Controls.Dy())*2/5))
	l.Timeline = image.Rect(pad, l.Controls.Min.Y-tlH, w-pad, l.Controls.Min.Y)
	middle := image.Rect(pad, y, w-pad, l.Timeline.Min.Y-l.Px(6))
	figW := l.Px(190)
	if present {
		figW = l.Px(300)
	}
	switch {
	case !l.Compact && middle.Dx() > figW+l.Px(320):
		l.Figures = image.Rect(middle.Max.X-figW, middle.Min.Y, middle.Max.X, middle.Max.Y)
		l.Scene = image.Rect(middle.Min.X, middle.Min.Y, l.Figures.Min.X-pad, middle.Max.Y)
	case middle.Dy() > l.Px(200):
		// Narrow: the figures in a strip under the house.
		strip := l.Px(44)
		l.Figures = image.Rect(middle.Min.X, middle.Max.Y-strip, middle.Max.X, middle.Max.Y)
		l.Strip = true
		l.Scene = image.Rect(middle.Min.X, middle.Min.Y, middle.Max.X, l.Figures.Min.Y-l.Px(6))
	default:
		l.Scene = middle
	}
	l.tabs(p, pad)
	l.controls(present, pad, p.Story().Alternative != nil)
	return l
}

// minimal is the interface of a small embed: the house, a slim timeline,
// play and sound.
func (l *Layout) minimal() {
	w, h := l.W, l.H
	bar := l.Px(30)
	l.Controls = image.Rect(0, h-bar, w, h)
	l.Scene = image.Rect(0, 0, w, h-bar)
	btn := image.Rect(l.Px(4), h-bar+l.Px(3), l.Px(4)+bar-l.Px(6), h-l.Px(3))
	l.Buttons = append(l.Buttons, Button{R: btn, Kind: BtnPlay, Intent: play.Intent{Kind: play.TogglePlay}, Label: "play"})
	mute := btn.Add(image.Pt(w-btn.Max.X, 0))
	l.Buttons = append(l.Buttons, Button{R: mute, Kind: BtnMute, Intent: play.Intent{Kind: play.ToggleMute}, Label: "sound"})
	l.Timeline = image.Rect(btn.Max.X+l.Px(8), h-bar+l.Px(4), mute.Min.X-l.Px(8), h-l.Px(4))
}

// tabs puts one tab per story across the top.
func (l *Layout) tabs(p *play.Player, pad int) {
	n := len(p.Stories) + 1 // and the compare view, last
	tabW := (l.W - 2*pad) / max(n, 1)
	for i, st := range p.Stories {
		r := image.Rect(pad+i*tabW, l.Px(4), pad+(i+1)*tabW-l.Px(4), l.Tabs.Max.Y-l.Px(2))
		label := st.Title
		if i >= sim.NumPresets {
			label = OwnTab // the learner's own story, whatever its title
		}
		l.Buttons = append(l.Buttons, Button{R: r, Kind: BtnTab, Story: i, Label: label,
			Intent: play.Intent{Kind: play.Pick, Value: float64(i)}})
	}
	i := len(p.Stories)
	r := image.Rect(pad+i*tabW, l.Px(4), pad+(i+1)*tabW-l.Px(4), l.Tabs.Max.Y-l.Px(2))
	l.Buttons = append(l.Buttons, Button{R: r, Kind: BtnTab, Story: CompareTab, Label: "all on one clock",
		Intent: play.Intent{Kind: play.SetView, Text: play.ViewCompare}})
}

// control is a button of the control bar, before it is placed.
type control struct {
	kind  ButtonKind
	in    play.Intent
	label string
	w     int
}

// controlSet is the control bar's buttons: the playback ones from the left,
// the rest from the right; the presenter's are only play, step and the
// theme.
func (l *Layout) controlSet(present, share bool) (left, right []control) {
	bs := l.Px(32)
	if present {
		left = []control{
			{BtnStepBack, play.Intent{Kind: play.StepEventBack}, "previous event", bs},
			{BtnPlay, play.Intent{Kind: play.TogglePlay}, "play", bs},
			{BtnStepForward, play.Intent{Kind: play.StepEventForward}, "next event", bs},
		}
		return left, []control{{BtnTheme, play.Intent{Kind: play.ToggleTheme}, "theme", bs + l.Px(40)}}
	}
	left = []control{
		{BtnRestart, play.Intent{Kind: play.Restart}, "restart", bs},
		{BtnStepBack, play.Intent{Kind: play.StepEventBack}, "previous event", bs},
		{BtnPlay, play.Intent{Kind: play.TogglePlay}, "play", bs},
		{BtnStepForward, play.Intent{Kind: play.StepEventForward}, "next event", bs},
		{BtnSlower, play.Intent{Kind: play.Slower}, "slower", bs},
		{BtnFaster, play.Intent{Kind: play.Faster}, "faster", bs},
	}
	if share {
		right = append(right, control{BtnShare, play.Intent{Kind: play.ToggleShare}, "turns", bs + l.Px(40)})
	}
	right = append(right,
		control{BtnGuess, play.Intent{Kind: play.TogglePredict}, "predict", bs + l.Px(32)},
		control{BtnCode, play.Intent{Kind: play.ToggleCode}, "code", bs + l.Px(12)},
		control{BtnEdit, play.Intent{Kind: play.ToggleView, Text: play.ViewEditor}, "edit", bs + l.Px(12)},
		control{BtnReal, play.Intent{Kind: play.ToggleView, Text: play.ViewReal}, "real", bs + l.Px(12)},
		control{BtnLink, play.Intent{Kind: play.ShareLink}, "share", bs + l.Px(20)},
		control{BtnTheme, play.Intent{Kind: play.ToggleTheme}, "theme", bs + l.Px(12)},
		control{BtnMute, play.Intent{Kind: play.ToggleMute}, "sound", bs},
		control{BtnVolume, play.Intent{}, "volume", l.Px(72)},
		control{BtnHelp, play.Intent{Kind: play.ToggleHelp}, "help", bs},
	)
	return left, right
}

// Gaps of the control bar, in design pixels: between buttons, after the
// step buttons, for the speed label, and the clock's least width.
const (
	ctlGap   = 6
	ctlSplit = 10
	ctlSpeed = 44
	ctlClock = 130
)

// controlRows places nothing but says how many rows the control bar needs:
// one when everything fits beside the clock, else the right-hand buttons
// wrap onto rows of their own.
func (l *Layout) controlRows(present, share bool, pad int) int {
	rows, _, _ := l.placeControls(present, share, pad, 0)
	return rows
}

// placeControls lays the control bar out from its top y and returns its
// rows, its buttons and where the clock is written.
func (l *Layout) placeControls(present, share bool, pad, top int) (rows int, buttons []Button, clock image.Rectangle) {
	left, right := l.controlSet(present, share)
	bs, gap, rowH := l.Px(32), l.Px(ctlGap), l.Px(44)
	width := func(cs []control) int {
		w := -gap
		for _, c := range cs {
			w += c.w + gap
		}
		return w
	}
	leftW := width(left)
	if !present {
		leftW += l.Px(ctlSplit) + l.Px(ctlSpeed)
	}
	avail, clockW := l.W-2*pad, l.Px(ctlClock)
	// The right-hand buttons on the first row when all fits beside the
	// clock, else in lines of their own that fit the width; the clock goes
	// after the playback buttons, or before the last line, or on a line of
	// its own.
	var lines [][]control
	clockRow, clockX := 0, pad+leftW+l.Px(12)
	wrapped := leftW+clockW+width(right)+2*gap > avail
	if !wrapped {
		lines = [][]control{right}
	} else {
		var line []control
		for _, c := range right {
			if len(line) > 0 && width(append(line[:len(line):len(line)], c)) > avail {
				lines = append(lines, line)
				line = nil
			}
			line = append(line, c)
		}
		lines = append(lines, line)
		switch last := lines[len(lines)-1]; {
		case avail-leftW-l.Px(12) >= clockW:
		case avail-width(last)-l.Px(12) >= clockW:
			clockRow, clockX = len(lines), pad
		default:
			lines = append(lines, nil)
			clockRow, clockX = len(lines), pad
		}
	}
	rows = 1
	if wrapped {
		rows = 1 + len(lines)
	}
	cy := func(row int) int { return top + row*rowH + (rowH-bs)/2 }
	x := pad
	for _, c := range left {
		if c.kind == BtnSlower {
			x += l.Px(ctlSplit)
		}
		buttons = append(buttons, Button{R: image.Rect(x, cy(0), x+c.w, cy(0)+bs), Kind: c.kind, Intent: c.in, Label: c.label})
		x += c.w + gap
		if c.kind == BtnSlower {
			x += l.Px(ctlSpeed) // the speed label sits here
		}
	}
	clockEnd := l.W - pad
	for i, line := range lines {
		row := i
		if wrapped {
			row = i + 1
		}
		x = l.W - pad - width(line)
		if row == clockRow {
			clockEnd = x - l.Px(12)
		}
		for _, c := range line {
			buttons = append(buttons, Button{R: image.Rect(x, cy(row), x+c.w, cy(row)+bs), Kind: c.kind, Intent: c.in, Label: c.label})
			x += c.w + gap
		}
	}
	clock = image.Rect(clockX, cy(clockRow), max(clockX, clockEnd), cy(clockRow)+bs)
	return rows, buttons, clock
}

// controls lays the control bar's buttons out.
func (l *Layout) controls(present bool, pad int, share bool) {
	_, buttons, clock := l.placeControls(present, share, pad, l.Controls.Min.Y)
	l.Buttons = append(l.Buttons, buttons...)
	l.clock = clock
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

// ClockRect is where the clock is written: after the playback buttons, or
// on a row of the right-hand ones when they wrap (placeControls).
func (l *Layout) ClockRect() image.Rectangle { return l.clock }

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
	for _, b := range l.Panel {
		if pt.In(b.R) {
			return b, true
		}
	}
	return Button{}, false
}
