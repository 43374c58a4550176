package timeline

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"chores/game/play"
	"chores/game/ui"
	"chores/sim"
)

// The timeline is a Gantt chart: a row for each person's hands and ears, one
// for each device, waits marked, and a playhead that can be dragged. The bars
// change only with the story or the size, so they are drawn once into an
// offscreen image; a frame draws that image and the playhead.

// row is one line of the chart.
type row struct {
	label  string
	person int // whose row it is, or -1 (a device)
	bars   []bar
}

type bar struct {
	from, to sim.Time
	clr      color.RGBA
	wait     bool   // drawn hatched: someone ready but blocked
	ears     bool   // drawn striped: listening
	text     string // written on the bar when it fits (the room: the legend)
}

// Rows counts the rows a story needs (for the layout).
func Rows(st *play.Story) int { return len(buildRows(st)) }

func buildRows(st *play.Story) []row {
	r := st.Result
	var rows []row
	for p, person := range st.Scenario.People {
		// Lanes are told apart by a mark as well as by colour: ✋ for
		// hands, 🎧 for ears.
		hands := row{label: person.Name + " ✋", person: p}
		ears := row{label: person.Name + " 🎧", person: p}
		for _, sp := range r.Spans {
			if sp.Person != p {
				continue
			}
			if sp.Lane == sim.LaneHands {
				hands.bars = append(hands.bars, bar{from: sp.Start, to: sp.End, clr: ui.RoomColor(sp.Room), text: sp.What})
			} else {
				ears.bars = append(ears.bars, bar{from: sp.Start, to: sp.End, clr: ui.ColListen, ears: true})
			}
		}
		for _, w := range r.Waits {
			if w.Person == p {
				ears.bars = append(ears.bars, bar{from: w.Start, to: w.End, clr: ui.ColWait, wait: true})
			}
		}
		if len(hands.bars) > 0 {
			rows = append(rows, hands)
		}
		if len(ears.bars) > 0 {
			rows = append(rows, ears)
		}
	}
	for d, dev := range r.Devices {
		rw := row{label: dev.Name, person: -1}
		for _, sp := range r.Spans {
			if sp.Dev == d {
				rw.bars = append(rw.bars, bar{from: sp.Start, to: sp.End, clr: listenerColor(sp.Person)})
			}
		}
		rows = append(rows, rw)
	}
	if alt := st.Alternative; alt != nil {
		// The same story shared the other way: each listener's ears, waits
		// striped, so the waiting that sharing saves is there to see.
		other := "if taking turns: "
		if st.Scenario.Share == sim.ShareTurns {
			other = "if together: "
		}
		for p, person := range st.Scenario.People {
			rw := row{label: other + person.Name, person: p}
			for _, sp := range alt.Spans {
				if sp.Person == p && sp.Lane == sim.LaneEars {
					rw.bars = append(rw.bars, bar{from: sp.Start, to: sp.End, clr: listenerColor(p)})
				}
			}
			for _, w := range alt.Waits {
				if w.Person == p {
					rw.bars = append(rw.bars, bar{from: w.Start, to: w.End, clr: ui.ColWait, wait: true})
				}
			}
			if len(rw.bars) > 0 {
				rows = append(rows, rw)
			}
		}
	}
	return rows
}

// listenerColor tells listeners apart on a device's row.
func listenerColor(person int) color.RGBA {
	c := []color.RGBA{ui.ColListen, {0xe0, 0x8c, 0xd8, 0xff}, {0x8c, 0x9c, 0xff, 0xff}, {0xc6, 0x6c, 0xe0, 0xff}}
	return c[person%len(c)]
}

// Timeline draws a story's chart and maps the pointer to minutes.
type Timeline struct {
	st     *play.Story
	rect   image.Rectangle
	u      float64
	theme  string    // the palette the cache was drawn in
	notes  []ui.Item // the texts in the cache, where they are on screen
	labels bool
	rows   []row
	end    sim.Time // the minute at the right edge
	span   sim.Time // the span asked for (play.Player.AxisSpan)
	chart  image.Rectangle
	cache  *ebiten.Image
	faces  *ui.Faces
	coverX int // predict mode covers the chart from this x (0: nothing covered)
}

func (tl *Timeline) px(css float64) int { return int(css*tl.u + 0.5) }

// Prepare rebuilds the cached chart when the story, the span or the
// rectangle changed. span is the minutes the axis spans: the same for every
// preset (play.Player.AxisSpan), so that switching stories shows their
// lengths differ; a longer story stretches it.
func (tl *Timeline) Prepare(st *play.Story, span sim.Time, rect image.Rectangle, u float64, f *ui.Faces) {
	if tl.st == st && tl.span == span && tl.rect == rect && tl.u == u && tl.cache != nil && tl.theme == ui.Theme() {
		return
	}
	tl.st, tl.span, tl.rect, tl.u, tl.faces, tl.theme = st, span, rect, u, f, ui.Theme()
	tl.rows = buildRows(st)
	tl.end = sim.Later(span, st.Result.Makespan)
	if st.Alternative != nil {
		tl.end = sim.Later(tl.end, st.Alternative.Makespan)
	}
	tl.end = sim.Later(tl.end, sim.Whole(1))
	tl.labels = rect.Dy() >= tl.px(60)
	labelW, axisH := 0, 0
	if tl.labels {
		labelW, axisH = min(tl.px(150), rect.Dx()/4), tl.px(18)
	}
	tl.chart = image.Rect(rect.Min.X+labelW, rect.Min.Y+axisH, rect.Max.X-tl.px(4), rect.Max.Y-tl.px(2))
	if tl.cache != nil {
		tl.cache.Deallocate()
	}
	if rect.Dx() <= 0 || rect.Dy() <= 0 {
		tl.cache = nil
		return
	}
	tl.cache = ebiten.NewImage(rect.Dx(), rect.Dy())
	tl.drawStatic()
}

func (tl *Timeline) x(t sim.Time) float32 {
	return float32(tl.chart.Min.X) + float32(tl.chart.Dx())*float32(t.Min()/tl.end.Min())
}

// MinuteAt is the minute under x, clamped to the story.
func (tl *Timeline) MinuteAt(x int) float64 {
	if tl.chart.Dx() <= 0 {
		return 0
	}
	m := float64(x-tl.chart.Min.X) / float64(tl.chart.Dx()) * tl.end.Min()
	return max(0, min(m, tl.st.Result.Makespan.Min()))
}

func (tl *Timeline) rowRect(i int) (y0, y1 float32) {
	h := float32(tl.chart.Dy()) / float32(max(len(tl.rows), 1))
	y0 = float32(tl.chart.Min.Y) + h*float32(i)
	return y0, y0 + h
}

func (tl *Timeline) drawStatic() {
	dst := tl.cache
	off := tl.rect.Min
	tl.notes = tl.notes[:0]
	text := func(s string, f *ui.Face, r image.Rectangle, al ui.Align, clr color.Color) {
		ui.DrawTextAligned(dst, s, f, r, al, clr)
		w := int(f.Advance(s))
		x := r.Min.X
		switch al {
		case ui.AlignCenter:
			x = (r.Min.X+r.Max.X)/2 - w/2
		case ui.AlignEnd:
			x = r.Max.X - w
		}
		y := (r.Min.Y+r.Max.Y)/2 - f.Height()/2
		tl.notes = append(tl.notes, ui.Item{Kind: "text", Label: s, R: image.Rect(x, y, x+w, y+f.Height()).Add(off), Px: f.Height()})
	}
	local := func(r image.Rectangle) image.Rectangle { return r.Sub(off) }
	ui.FillRound(dst, local(tl.rect), float32(tl.px(6)), ui.ColPanel)
	face := tl.faces.Get(float64(tl.px(11)), false)
	step := axisStep(tl.end)
	for m := (sim.Time{}); !tl.end.Less(m); m = m.Add(step) {
		x := tl.x(m) - float32(off.X)
		vector.StrokeLine(dst, x, float32(tl.chart.Min.Y-off.Y), x, float32(tl.chart.Max.Y-off.Y), 1, ui.ColGrid, false)
		if tl.labels {
			align, lr := ui.AlignCenter, image.Rect(int(x)-20, 0, int(x)+20, tl.chart.Min.Y-off.Y)
			if int(x)+tl.px(12) > tl.rect.Dx() {
				align, lr = ui.AlignEnd, image.Rect(int(x)-40, 0, int(x), tl.chart.Min.Y-off.Y)
			}
			text(m.String(), face, lr, align, ui.ColTextDim)
		}
	}
	for i, rw := range tl.rows {
		y0, y1 := tl.rowRect(i)
		y0 -= float32(off.Y)
		y1 -= float32(off.Y)
		gap := max(1, (y1-y0)/6)
		// A label needs a row as tall as the text; rows thinner than that
		// (many people in a small window) are labelled one in stride.
		stride := int(math.Ceil(float64(face.Height()) / float64(max(y1-y0, 1))))
		if tl.labels && i%stride == 0 && int(y0)+face.Height() <= tl.rect.Dy() {
			lr := image.Rect(tl.px(8), int(y0), tl.chart.Min.X-off.X-tl.px(6), int(y0)+face.Height())
			text(ui.Fit(rw.label, face, float64(lr.Dx())), face, lr, ui.AlignStart, ui.ColText)
		}
		for _, b := range rw.bars {
			x0, x1 := tl.x(b.from)-float32(off.X), tl.x(b.to)-float32(off.X)
			w := max(x1-x0, 1)
			if b.wait {
				hatch(dst, x0, y0+gap, w, y1-y0-2*gap, b.clr)
				continue
			}
			vector.FillRect(dst, x0, y0+gap, w, y1-y0-2*gap, b.clr, false)
			if b.ears {
				// Listening is striped across: a lane told by its pattern,
				// not only its colour.
				for sy := y0 + gap + 2; sy < y1-gap-1; sy += 4 {
					vector.FillRect(dst, x0, sy, w, 1, color.RGBA{0xff, 0xff, 0xff, 0x50}, false)
				}
			}
			if b.text != "" && float64(w) > face.Advance(b.text)+float64(tl.px(6)) && y1-y0-2*gap >= float32(face.Height()) {
				// The room's name on its bar: the colour's legend.
				r := image.Rect(int(x0), int(y0+gap), int(x0+w), int(y1-gap))
				text(b.text, face, r, ui.AlignCenter, color.RGBA{0x1d, 0x1f, 0x33, 0xff})
			}
			// A thin dark edge keeps neighbouring bars of one row apart.
			vector.FillRect(dst, x1-1, y0+gap, 1, y1-y0-2*gap, ui.ColPanel, false)
		}
	}
}

// hatch draws a striped bar: the mark for waiting.
func hatch(dst *ebiten.Image, x, y, w, h float32, clr color.RGBA) {
	faint := color.RGBA{clr.R / 3, clr.G / 3, clr.B / 3, 0xff}
	vector.FillRect(dst, x, y, w, h, faint, false)
	vector.StrokeRect(dst, x, y, w, h, 1, clr, false)
	for s := x - h; s < x+w; s += 6 {
		a, b := max(s, x), min(s+h, x+w)
		if b > a {
			vector.StrokeLine(dst, a, y+h-(a-s), b, y+h-(b-s), 1, clr, true)
		}
	}
}

// axisStep picks a tick spacing giving at most about eight labels.
func axisStep(end sim.Time) sim.Time {
	for _, m := range []float64{5, 10, 15, 30, 60, 120, 240, 600, 1200, 3000, 6000} {
		if end.Min()/m <= 8 {
			return sim.Whole(int64(m))
		}
	}
	return end
}

// PersonAt is whose row label is at pt: clicking a label selects the
// person (the chart itself is for the playhead).
func (tl *Timeline) PersonAt(pt image.Point) (int, bool) {
	if !tl.labels || pt.X >= tl.chart.Min.X || pt.Y < tl.chart.Min.Y {
		return 0, false
	}
	for i, rw := range tl.rows {
		if y0, y1 := tl.rowRect(i); float32(pt.Y) >= y0 && float32(pt.Y) < y1 && rw.person >= 0 {
			return rw.person, true
		}
	}
	return 0, false
}

// DrawSelection frames the rows of the selected person.
func (tl *Timeline) DrawSelection(dst ui.Surface, who int) {
	if who < 0 || tl.cache == nil {
		return
	}
	t := float32(max(1, tl.px(2)))
	x0, x1 := float32(tl.rect.Min.X+tl.px(3)), float32(tl.rect.Max.X-tl.px(3))
	for i, rw := range tl.rows {
		if rw.person != who {
			continue
		}
		y0, y1 := tl.rowRect(i)
		ui.FillRectF(dst, x0, y0, x1-x0, t, ui.ColAccent)
		ui.FillRectF(dst, x0, y1-t, x1-x0, t, ui.ColAccent)
		ui.FillRectF(dst, x0, y0, t, y1-y0, ui.ColAccent)
		ui.FillRectF(dst, x1-t, y0, t, y1-y0, ui.ColAccent)
	}
}

// NoteTexts records the chart's texts for the frame's layout (ui.Note):
// they are drawn once into the cache, not every frame.
func (tl *Timeline) NoteTexts() {
	ui.Note("panel", "timeline", tl.rect, 0)
	for _, n := range tl.notes {
		if tl.coverX > 0 && n.R.Max.X > tl.coverX && n.R.Min.Y >= tl.chart.Min.Y {
			continue // under predict mode's cover: not seen
		}
		ui.Note(n.Kind, n.Label, n.R, n.Px)
	}
}

// Draw puts the chart and the playhead on the screen.
func (tl *Timeline) Draw(dst ui.Surface, minute sim.Time, dragging bool) {
	if tl.cache == nil {
		return
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(float64(tl.rect.Min.X), float64(tl.rect.Min.Y))
	dst.DrawImage(tl.cache, op)
	// Shade the part of the makespan not yet reached, so the chart fills
	// in as time runs.
	// On a whole pixel: the playhead's draws change only when it moves on
	// screen, and only changed draws are repainted (see game/redraw).
	x := float32(math.Round(float64(tl.x(minute))))
	if end := tl.x(tl.st.Result.Makespan); end > x {
		// In fixed columns, so that only the column the playhead is in
		// changes as it moves, not the whole shaded stretch.
		const col = 64
		shade := ui.ColShade
		y, h := float32(tl.chart.Min.Y), float32(tl.chart.Dy())
		left := float32(tl.chart.Min.X)
		for c := left + col*float32(int((x-left)/col)); c < end; c += col {
			if a, b := max(c, x), min(c+col, end); b > a {
				ui.FillRectF(dst, a, y, b-a, h, shade)
			}
		}
	}
	// Where this story ends, on an axis that may run further.
	if end := float32(math.Round(float64(tl.x(tl.st.Result.Makespan)))); end < float32(tl.chart.Max.X)-1 {
		ui.FillRectF(dst, end, float32(tl.chart.Min.Y), 1, float32(tl.chart.Dy()), ui.ColAccent)
	}
	w := float32(tl.px(2))
	ui.FillRectF(dst, x-w/2, float32(tl.rect.Min.Y+tl.px(2)), w, float32(tl.rect.Dy()-tl.px(4)), ui.ColPlayhead)
	r := float32(tl.px(6))
	if dragging {
		r = float32(tl.px(8))
	}
	if tl.labels {
		ui.FillDisc(dst, x, float32(tl.chart.Min.Y)-r/2, r, ui.ColPlayhead)
	} else {
		ui.FillDisc(dst, x, float32(tl.rect.Min.Y+tl.rect.Max.Y)/2, r*0.8, ui.ColPlayhead)
	}
}
