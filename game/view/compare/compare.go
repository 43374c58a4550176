// Package compare is the compare view: every story (the six presets and the
// learner's own) on one clock and one time axis, one row each, so that the
// lengths and the reasons for them are seen at a glance. Parallelism shows
// as more hands lanes; concurrency as ears overlapping hands; waiting as
// striped ears.
//
// The logic (what each row says at a minute, where things go, what a point
// is) is pure and tested without a window; draw.go only draws it.
package compare

import (
	"image"

	"chores/game/play"
	"chores/sim"
)

// Row is one story at the clock's minute, as the view shows it.
type Row struct {
	Story    int // into Player.Stories: what clicking the row opens
	Name     string
	Title    string
	Makespan sim.Time
	Waiting  sim.Time // the story's waiting in all, summed over people
	Finished bool     // done by the minute
	Rank     int      // finishing place (sim.Ranks), 0 until finished
	People   []Doing  // each person, now
}

// Doing is what one person of a story does at the minute: the small live
// picture of the row.
type Doing struct {
	Name      string
	Room      int // the room being cleaned, or -1
	Listening bool
	Waiting   bool
	Done      bool // nothing left to clean or hear
}

// Rows reads every story at minute t on one clock. It is pure: the model's
// results in, the rows out.
func Rows(stories []*play.Story, t sim.Time) []Row {
	results := make([]*sim.Result, len(stories))
	for i, st := range stories {
		results[i] = st.Result
	}
	ranks := sim.Ranks(results, t)
	var state sim.State
	rows := make([]Row, len(stories))
	for i, st := range stories {
		r := st.Result
		r.At(t, &state)
		row := Row{Story: i, Name: st.Name, Title: st.Title, Makespan: r.Makespan, Waiting: r.Waiting,
			Finished: !t.Less(r.Makespan), Rank: ranks[i]}
		for k, ps := range state.People {
			row.People = append(row.People, Doing{
				Name:      st.Scenario.People[k].Name,
				Room:      ps.Room,
				Listening: ps.Device >= 0,
				Waiting:   ps.WaitingFor >= 0,
				Done:      !ps.Cleaning && (ps.Heard || !listens(st.Scenario, k)),
			})
		}
		rows[i] = row
	}
	return rows
}

func listens(s sim.Scenario, person int) bool {
	for _, l := range s.Podcast.Listeners {
		if s.PersonIndex(l) == person {
			return true
		}
	}
	return false
}

// End is the clock's last minute: the longest story's makespan (at least
// one minute, so that the axis has a length).
func End(stories []*play.Story) sim.Time {
	end := sim.Whole(1)
	for _, st := range stories {
		end = sim.Later(end, st.Result.Makespan)
	}
	return end
}

// Geometry is where the view puts things in its rectangle.
type Geometry struct {
	Area    image.Rectangle
	Header  image.Rectangle   // the heading and the axis labels
	Rows    []image.Rectangle // one per story, full width
	LabelW  int               // the label column (title, people, place) at the left of each row
	Chart   image.Rectangle   // where minutes map to x: right of the labels, all rows high
	Compact bool              // small rows: one line of text, lanes thinner
	U       float64
}

// Layout places n rows in area at u device pixels per CSS pixel. Rows get
// at most 84 CSS pixels; under 44 the view goes compact (an embed).
func Layout(area image.Rectangle, n int, u float64) Geometry {
	px := func(css float64) int { return int(css*u + 0.5) }
	g := Geometry{Area: area, U: u}
	pad := px(8)
	headH := px(34)
	if area.Dy() < px(360) {
		headH = px(18)
	}
	g.Header = image.Rect(area.Min.X+pad, area.Min.Y+px(4), area.Max.X-pad, area.Min.Y+headH)
	avail := area.Max.Y - pad/2 - g.Header.Max.Y
	rowH := min(px(84), avail/max(n, 1))
	g.Compact = rowH < px(44)
	g.LabelW = min(px(270), area.Dx()*36/100)
	if g.Compact {
		g.LabelW = min(px(190), area.Dx()*40/100)
	}
	y := g.Header.Max.Y
	for range n {
		g.Rows = append(g.Rows, image.Rect(area.Min.X+pad, y, area.Max.X-pad, y+rowH))
		y += rowH
	}
	g.Chart = image.Rect(area.Min.X+pad+g.LabelW, g.Header.Max.Y, area.Max.X-pad-px(60), y)
	if g.Compact {
		g.Chart.Max.X = area.Max.X - pad - px(26)
	}
	return g
}

// X is where minute m of a clock ending at end is drawn.
func (g Geometry) X(m, end sim.Time) float32 {
	if end.Min() <= 0 {
		return float32(g.Chart.Min.X)
	}
	return float32(g.Chart.Min.X) + float32(g.Chart.Dx())*float32(m.Min()/end.Min())
}

// MinuteAt is the minute under x, clamped to the clock.
func (g Geometry) MinuteAt(x int, end sim.Time) float64 {
	if g.Chart.Dx() <= 0 {
		return 0
	}
	m := float64(x-g.Chart.Min.X) / float64(g.Chart.Dx()) * end.Min()
	return max(0, min(m, end.Min()))
}

// Hit says what a press at pt means: on a row's label, open that story
// (open true, story its index); on the chart or the axis, seek (seek true).
func (g Geometry) Hit(pt image.Point) (story int, open, seek bool) {
	axis := image.Rect(g.Chart.Min.X, g.Header.Min.Y, g.Area.Max.X, g.Chart.Max.Y)
	for i, r := range g.Rows {
		label := image.Rect(r.Min.X, r.Min.Y, g.Chart.Min.X, r.Max.Y)
		if pt.In(label) {
			return i, true, false
		}
	}
	if pt.In(axis) {
		return 0, false, true
	}
	return 0, false, false
}

// Entry is one row as state().compare reports it.
type Entry struct {
	Scenario string  `json:"scenario"`
	Title    string  `json:"title"`
	Makespan float64 `json:"makespan"`
	Waiting  float64 `json:"waiting"`
	Finished bool    `json:"finished"`
	Rank     int     `json:"rank"`
	Row      Box     `json:"row"` // the row's label, where a click opens the story (CSS pixels)
}

// Box is a rectangle in CSS pixels.
type Box struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// Axis is the shared axis as state().compareAxis reports it: the chart's
// rectangle in CSS pixels and the minutes it spans, so a page can drag the
// playhead to a minute.
type Axis struct {
	Box
	Minutes float64 `json:"minutes"`
}

func box(r image.Rectangle, u float64) Box {
	return Box{float64(r.Min.X) / u, float64(r.Min.Y) / u, float64(r.Dx()) / u, float64(r.Dy()) / u}
}

// Entries are the rows for state(), with where they are drawn.
func Entries(rows []Row, g Geometry) []Entry {
	out := make([]Entry, len(rows))
	for i, r := range rows {
		e := Entry{Scenario: r.Name, Title: r.Title, Makespan: r.Makespan.Min(), Waiting: r.Waiting.Min(), Finished: r.Finished, Rank: r.Rank}
		if i < len(g.Rows) && g.U > 0 {
			rr := g.Rows[i]
			e.Row = box(image.Rect(rr.Min.X, rr.Min.Y, g.Chart.Min.X, rr.Max.Y), g.U)
		}
		out[i] = e
	}
	return out
}

// AxisOf is the axis for state().
func AxisOf(g Geometry, end sim.Time) Axis {
	if g.U <= 0 {
		return Axis{Minutes: end.Min()}
	}
	return Axis{Box: box(g.Chart, g.U), Minutes: end.Min()}
}

// Place is a finishing place in words: "1st", "2nd", "3rd", "4th".
func Place(rank int) string {
	switch {
	case rank <= 0:
		return ""
	case rank%10 == 1 && rank%100 != 11:
		return itoa(rank) + "st"
	case rank%10 == 2 && rank%100 != 12:
		return itoa(rank) + "nd"
	case rank%10 == 3 && rank%100 != 13:
		return itoa(rank) + "rd"
	}
	return itoa(rank) + "th"
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
