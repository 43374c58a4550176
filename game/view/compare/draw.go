package compare

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"chores/game/art"
	"chores/game/play"
	"chores/game/ui"
	"chores/sim"
)

// View draws the compare view and remembers where it drew, for the pointer
// and for state().
type View struct {
	geo   Geometry
	scrub image.Rectangle // the slim shared scrubber of an embed, or empty
	end   sim.Time
	rows  []Row
}

// Geometry is where the last frame put things.
func (v *View) Geometry() Geometry { return v.geo }

// End is the clock's last minute in the last frame.
func (v *View) End() sim.Time { return v.end }

// ScrubMinuteAt maps an x on the embed's slim scrubber to a minute.
func (v *View) ScrubMinuteAt(x int) float64 {
	if v.scrub.Dx() <= 0 {
		return 0
	}
	m := float64(x-v.scrub.Min.X) / float64(v.scrub.Dx()) * v.end.Min()
	return max(0, min(m, v.end.Min()))
}

// InScrub reports whether pt is on the slim scrubber.
func (v *View) InScrub(pt image.Point) bool { return !v.scrub.Empty() && pt.In(v.scrub) }

// Update lays the view out for this frame and reads the rows at the
// player's minute. scrub is the embed's slim timeline (empty in the full
// interface, where the axis is drawn in area).
func (v *View) Update(area, scrub image.Rectangle, p *play.Player, u float64) {
	stories := p.Compared()
	v.end = End(stories)
	v.geo = Layout(area, len(stories), u)
	v.scrub = scrub
	v.rows = Rows(stories, p.Minute)
}

// Entries are the rows as state() reports them (after Update).
func (v *View) Entries() []Entry { return Entries(v.rows, v.geo) }

// Axis is the shared axis as state() reports it (after Update).
func (v *View) Axis() Axis { return AxisOf(v.geo, v.end) }

// Draw draws every story at the player's minute, after Update.
func (v *View) Draw(dst ui.Surface, p *play.Player, fs *ui.Faces, dragging bool) {
	g := v.geo
	u := g.U
	px := func(css float64) int { return int(css*u + 0.5) }
	stories := p.Compared()
	ui.FillRound(dst, g.Area, float32(px(8)), ui.ColPanel)

	small := fs.Get(float64(px(11)), false)
	bold := fs.Get(float64(px(13)), true)
	if g.Compact {
		bold = fs.Get(float64(px(11)), true)
	}
	// The heading over the labels, the minutes over the chart.
	head := fmt.Sprintf("All stories on one clock · minute %d", int(p.Minute.Min()))
	if g.Compact || bold.Advance(head) > float64(g.LabelW-px(10)) {
		head = fmt.Sprintf("minute %d", int(p.Minute.Min()))
	}
	ui.DrawTextAligned(dst, head, bold, image.Rect(g.Header.Min.X, g.Header.Min.Y, g.Chart.Min.X-px(6), g.Header.Max.Y), ui.AlignStart, ui.ColAccent)
	step := ui.AxisStep(v.end, max(2, g.Chart.Dx()/px(36)))
	for m := (sim.Time{}); !v.end.Less(m); m = m.Add(step) {
		x := v.geo.X(m, v.end)
		ui.FillRectF(dst, x, float32(g.Header.Max.Y), 1, float32(g.Chart.Max.Y-g.Header.Max.Y), ui.ColGrid)
		lr := image.Rect(int(x)-px(20), g.Header.Min.Y, int(x)+px(20), g.Header.Max.Y)
		ui.DrawTextAligned(dst, m.String(), small, lr, ui.AlignCenter, ui.ColTextDim)
	}

	hide := p.Hiding() // predict mode: what lies ahead stays hidden
	for i, row := range v.rows {
		v.drawRow(dst, stories[i], row, g.Rows[i], i == p.Index, hide, fs, px)
	}

	// Not yet reached: shaded, in fixed columns so that only the column the
	// playhead is in changes as it moves (see game/redraw).
	x := float32(math.Round(float64(v.geo.X(p.Minute, v.end))))
	const col = 64
	shade := color.RGBA{0x1d, 0x1f, 0x33, 0x90}
	if hide {
		shade = ui.ColPanel
	}
	left, right := float32(g.Chart.Min.X), float32(g.Chart.Max.X)
	y, h := float32(g.Header.Max.Y), float32(g.Chart.Max.Y-g.Header.Max.Y)
	for c := left + col*float32(int((x-left)/col)); c < right; c += col {
		if a, b := max(c, x), min(c+col, right); b > a {
			ui.FillRectF(dst, a, y, b-a, h, shade)
		}
	}
	w := float32(px(2))
	ui.FillRectF(dst, x-w/2, float32(g.Header.Min.Y+px(2)), w, float32(g.Chart.Max.Y-g.Header.Min.Y-px(2)), ui.ColPlayhead)
	r := float32(px(6))
	if dragging {
		r = float32(px(8))
	}
	ui.FillDisc(dst, x, float32(g.Header.Max.Y)-r/2, r, ui.ColPlayhead)
	if !v.scrub.Empty() {
		v.drawScrub(dst, p, px)
	}
	if p.Predict.On {
		v.drawPredict(dst, p, x, fs, px)
	}
}

// drawRow draws one story: its label (title, who does what now, its place
// once finished), its hands and ears lanes, and a bar of its length.
func (v *View) drawRow(dst ui.Surface, st *play.Story, row Row, r image.Rectangle, current, hide bool, fs *ui.Faces, px func(float64) int) {
	g := v.geo
	if current {
		ui.FillRect(dst, image.Rect(r.Min.X, r.Min.Y+1, r.Max.X, r.Max.Y-1), ui.ColPanelLight)
	}
	ui.FillRect(dst, image.Rect(r.Min.X, r.Max.Y-1, r.Max.X, r.Max.Y), ui.ColGrid)
	small := fs.Get(float64(px(11)), false)
	bold := fs.Get(float64(px(13)), true)
	if g.Compact {
		bold = fs.Get(float64(px(11)), true)
	}
	labelR := image.Rect(r.Min.X+px(4), r.Min.Y, g.Chart.Min.X-px(8), r.Max.Y)
	// The place, at the right of the label, once finished.
	placeW := px(34)
	if row.Rank > 0 {
		pr := image.Rect(labelR.Max.X-placeW, r.Min.Y+px(3), labelR.Max.X, r.Min.Y+px(3)+bold.Height()+px(2))
		if !g.Compact {
			pr = pr.Add(image.Pt(0, px(2)))
		}
		clr := ui.ColAccent
		if row.Rank > 1 {
			clr = ui.ColText
		}
		ui.FillRound(dst, pr, float32(px(4)), ui.ColBackground)
		ui.DrawTextAligned(dst, Place(row.Rank), bold, pr, ui.AlignCenter, clr)
	}
	titleClr := ui.ColText
	if current {
		titleClr = ui.ColAccent
	}
	title := fitText(row.Title, bold, float64(labelR.Dx()-placeW-px(4)))
	// The people: a dot each in their colour and what they do now.
	glyphs := func(x, y int) {
		for k, d := range row.People {
			ui.FillDisc(dst, float32(x+px(4)), float32(y+small.Height()/2), float32(px(4)), art.PersonColor(k))
			x += px(10)
			sym, clr := "", ui.ColTextDim
			switch {
			case d.Waiting:
				sym, clr = "…", ui.ColWait
			case d.Room >= 0 && d.Listening:
				ui.FillRect(dst, image.Rect(x, y+px(3), x+px(7), y+small.Height()-px(2)), ui.RoomColor(d.Room))
				x += px(9)
				sym, clr = "♪", ui.ColListen
			case d.Room >= 0:
				ui.FillRect(dst, image.Rect(x, y+px(3), x+px(7), y+small.Height()-px(2)), ui.RoomColor(d.Room))
				x += px(9)
			case d.Listening:
				sym, clr = "♪", ui.ColListen
			case d.Done:
				sym, clr = "✓", ui.ColTextDim
			}
			if sym != "" {
				ui.DrawText(dst, sym, small, float64(x), float64(y), clr)
				x += int(small.Advance(sym))
			}
			x += px(8)
		}
	}
	if g.Compact {
		if r.Dy() >= bold.Height()+small.Height()+px(3) {
			// Room for the people under the title.
			ui.DrawText(dst, title, bold, float64(labelR.Min.X), float64(r.Min.Y+px(1)), titleClr)
			glyphs(labelR.Min.X, r.Min.Y+px(2)+bold.Height())
		} else {
			ui.DrawText(dst, title, bold, float64(labelR.Min.X), float64(r.Min.Y+(r.Dy()-bold.Height())/2), titleClr)
		}
	} else {
		ui.DrawText(dst, title, bold, float64(labelR.Min.X), float64(r.Min.Y+px(5)), titleClr)
		glyphs(labelR.Min.X, r.Min.Y+px(8)+bold.Height())
		info := fmt.Sprintf("%s min", minutes(row.Makespan))
		if row.Waiting.Min() > 0 {
			info += fmt.Sprintf(" · waiting %s", minutes(row.Waiting))
		}
		if r.Dy() >= px(60) && !hide {
			ui.DrawText(dst, info, small, float64(labelR.Min.X), float64(r.Min.Y+px(12)+bold.Height()+small.Height()), ui.ColTextDim)
		}
	}

	// Lanes: a thin one per cleaner's hands, then one per listener's ears.
	res := st.Result
	var hands, ears []int
	for k := range st.Scenario.People {
		cleans, hears := false, false
		for _, sp := range res.Spans {
			if sp.Person == k {
				cleans = cleans || sp.Lane == sim.LaneHands
				hears = hears || sp.Lane == sim.LaneEars
			}
		}
		if cleans {
			hands = append(hands, k)
		}
		if hears {
			ears = append(ears, k)
		}
	}
	barH := px(5)
	if g.Compact {
		barH = max(2, px(3))
	}
	top, bottom := r.Min.Y+px(4), r.Max.Y-barH-px(5)
	if g.Compact {
		top, bottom = r.Min.Y+px(2), r.Max.Y-barH-px(3)
	}
	lanes := len(hands) + len(ears)
	gapH := px(3)
	laneH := float32(bottom-top-gapH) / float32(max(lanes, 1))
	laneOf := map[[2]int]int{} // {person, 0 hands / 1 ears} → lane
	for i, k := range hands {
		laneOf[[2]int{k, 0}] = i
	}
	for i, k := range ears {
		laneOf[[2]int{k, 1}] = len(hands) + i
	}
	laneY := func(lane int) float32 {
		y := float32(top) + laneH*float32(lane)
		if lane >= len(hands) {
			y += float32(gapH)
		}
		return y
	}
	inner := max(1, laneH-float32(max(1, px(1))))
	for _, sp := range res.Spans {
		lane := 1
		clr := ui.ColListen
		if sp.Lane == sim.LaneHands {
			lane, clr = 0, ui.RoomColor(sp.Room)
		}
		x0, x1 := g.X(sp.Start, v.end), g.X(sp.End, v.end)
		ui.FillRectF(dst, x0, laneY(laneOf[[2]int{sp.Person, lane}]), max(1, x1-x0-1), inner, clr)
	}
	for _, w := range res.Waits {
		x0, x1 := g.X(w.Start, v.end), g.X(w.End, v.end)
		ui.Hatch(dst, x0, laneY(laneOf[[2]int{w.Person, 1}]), max(1, x1-x0), inner, ui.ColWait)
	}
	if hide {
		return // its length is the answer
	}
	// The story's length on the shared axis, and its figure at the end.
	end := g.X(res.Makespan, v.end)
	by := float32(r.Max.Y - barH - px(3))
	barClr := ui.ColTextDim
	if row.Finished {
		barClr = ui.ColAccent
	}
	ui.FillRectF(dst, float32(g.Chart.Min.X), by, end-float32(g.Chart.Min.X), float32(barH), barClr)
	ui.FillRectF(dst, end-1, float32(r.Min.Y+px(2)), 1, float32(r.Dy()-px(4)), barClr)
	label := minutes(res.Makespan)
	if !g.Compact {
		label += " min"
	}
	ui.DrawText(dst, label, small, float64(end)+float64(px(4)), float64(int(by)+barH/2-small.Height()/2), barClr)
}

// drawScrub draws the embed's slim shared timeline: every story's length as
// a thin line, the playhead on the longest clock.
func (v *View) drawScrub(dst ui.Surface, p *play.Player, px func(float64) int) {
	s := v.scrub
	ui.FillRound(dst, s, float32(px(4)), ui.ColBackground)
	n := max(len(v.rows), 1)
	h := float32(s.Dy()-px(4)) / float32(n)
	for i, row := range v.rows {
		w := float32(s.Dx()) * float32(row.Makespan.Min()/v.end.Min())
		clr := ui.ColTextDim
		if row.Finished {
			clr = ui.ColAccent
		}
		ui.FillRectF(dst, float32(s.Min.X), float32(s.Min.Y+px(2))+h*float32(i), w, max(1, h-1), clr)
	}
	x := float32(s.Min.X) + float32(s.Dx())*float32(p.Minute.Min()/v.end.Min())
	x = float32(math.Round(float64(x)))
	ui.FillRectF(dst, x-float32(px(1)), float32(s.Min.Y), float32(px(2)), float32(s.Dy()), ui.ColPlayhead)
	ui.FillDisc(dst, x, float32(s.Min.Y+s.Max.Y)/2, float32(px(5)), ui.ColPlayhead)
}

// minutes is a length as the clock and the figures write it.
func minutes(t sim.Time) string { return play.MinutesText(t) }

// fitText shortens s with "…" to fit w.
func fitText(s string, f *ui.Face, w float64) string {
	if f.Advance(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && f.Advance(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// drawPredict marks predict mode's pick (a frame round the row's name) and
// writes what to do, or the answer, in the chart beyond the playhead (or
// over the heading when the playhead is near the end).
func (v *View) drawPredict(dst ui.Surface, p *play.Player, playX float32, fs *ui.Faces, px func(float64) int) {
	g := v.geo
	if i := p.Predict.First; i >= 0 && i < len(g.Rows) {
		r := g.Rows[i]
		label := image.Rect(r.Min.X, r.Min.Y+1, g.Chart.Min.X-px(4), r.Max.Y-1)
		t := max(2, px(2))
		for _, e := range []image.Rectangle{
			{label.Min, image.Pt(label.Max.X, label.Min.Y+t)}, {image.Pt(label.Min.X, label.Max.Y-t), label.Max},
			{label.Min, image.Pt(label.Min.X+t, label.Max.Y)}, {image.Pt(label.Max.X-t, label.Min.Y), label.Max},
		} {
			ui.FillRect(dst, e, ui.ColGuess)
		}
	}
	line := p.FirstLine()
	face := fs.Get(float64(px(13)), true)
	area := image.Rect(int(playX)+px(6), g.Chart.Min.Y, g.Chart.Max.X, g.Chart.Max.Y)
	if !p.Hiding() || area.Dx() < px(160) {
		return // the answer is in the notice and on the rows
	}
	lines := ui.Wrap(line, face, float64(area.Dx()-px(16)))
	lineH := face.Height() + px(3)
	if len(lines)*lineH > area.Dy() {
		lines = []string{ui.Fit(line, face, float64(area.Dx()-px(16)))}
	}
	top := area.Min.Y + (area.Dy()-len(lines)*lineH)/2
	for k, l := range lines {
		lr := image.Rect(area.Min.X+px(8), top+k*lineH, area.Max.X-px(8), top+(k+1)*lineH)
		ui.DrawTextAligned(dst, l, face, lr, ui.AlignCenter, ui.ColText)
	}
}
