// Package editor is the story editor's screen: a form over the household
// being edited (game/edit), laid out to fit any width, drawn, and turned
// back into edits when pressed or typed into. The form's layout is pure
// (form.go) and tested without a window; draw.go only draws it.
package editor

import (
	"fmt"
	"image"
	"strconv"

	"chores/game/edit"
	"chores/sim"
)

// Do is what pressing a widget does.
type Do int

const (
	DoNothing Do = iota // a heading, a label
	DoEdit              // make Edit
	DoType              // start typing into the field (Edit says which: a rename or a number)
	DoStart             // start again from story Index (-1: the story playing now)
	DoClose             // back to the house
)

// Look is how a widget is drawn.
type Look int

const (
	LookLabel   Look = iota // text
	LookHeading             // a section's title
	LookButton              // a button with a label
	LookToggle              // a button that is on or off
	LookField               // a text box: a name, or a number to type
)

// Widget is one thing of the form, where it is, what it says and does.
type Widget struct {
	R     image.Rectangle
	Look  Look
	Text  string
	On    bool // for toggles
	Do    Do
	Edit  edit.Edit // for DoEdit, and DoType: the edit the typed text makes
	Index int       // for DoStart
	Name  string    // a short name for tests and state().layout: "speed of You +"
}

// Metrics are the sizes the form is laid out with, in device pixels.
type Metrics struct {
	U     float64 // one design pixel
	CharW int     // the advance of one character of the form's text
}

// px is n design pixels.
func (m Metrics) px(n float64) int { return int(n*m.U + 0.5) }

// textW is the width of s in the form's text.
func (m Metrics) textW(s string) int { return len([]rune(s)) * m.CharW }

// Typing is the field being typed into, if any: which edit the text makes,
// and the text so far.
type Typing struct {
	Active bool
	Edit   edit.Edit
	Text   string
}

// flow places widgets left to right, wrapping at the area's edge.
type flow struct {
	m       Metrics
	area    image.Rectangle
	x, y    int
	rowH    int
	gap     int
	widgets []Widget
}

func (f *flow) newline() {
	if f.x != f.area.Min.X {
		f.x = f.area.Min.X
		f.y += f.rowH + f.gap
	}
}

// put adds a widget of width w (a whole row's worth at most).
func (f *flow) put(w int, wd Widget) {
	w = min(w, f.area.Dx())
	if f.x != f.area.Min.X && f.x+w > f.area.Max.X {
		f.newline()
	}
	wd.R = image.Rect(f.x, f.y, f.x+w, f.y+f.rowH)
	f.widgets = append(f.widgets, wd)
	f.x += w + f.gap
}

func (f *flow) label(s string) {
	f.put(f.m.textW(s)+f.m.px(2), Widget{Look: LookLabel, Text: s})
}

func (f *flow) heading(s string) {
	f.newline()
	f.y += f.m.px(6)
	f.put(f.m.textW(s)+f.m.px(2), Widget{Look: LookHeading, Text: s})
}

func (f *flow) button(s, name string, do Do, ed edit.Edit) {
	f.put(f.m.textW(s)+f.m.px(16), Widget{Look: LookButton, Text: s, Do: do, Edit: ed, Name: name})
}

func (f *flow) toggle(s, name string, on bool, ed edit.Edit) {
	f.put(f.m.textW("✓ "+s)+f.m.px(16), Widget{Look: LookToggle, Text: s, On: on, Do: DoEdit, Edit: ed, Name: name})
}

// field is a box to type into: chars wide at least.
func (f *flow) field(text, name string, chars int, typ edit.Edit, t Typing) {
	if t.Active && t.Edit.Kind == typ.Kind && t.Edit.Index == typ.Index {
		text = t.Text + "_"
	}
	// A fixed width, so that the rows' columns line up; a longer text is
	// cut when drawn (the end of what is being typed shows).
	w := chars * f.m.CharW
	f.put(w+f.m.px(12), Widget{Look: LookField, Text: text, Do: DoType, Edit: typ, Name: name})
}

// stepper is − value +: value typed when pressed.
func (f *flow) stepper(label, name, value string, chars int, down, up edit.Edit, typ edit.Edit, t Typing) {
	if label != "" {
		f.label(label)
	}
	// The three stay together: wrap first if they would not fit.
	w := 2*(f.m.CharW+f.m.px(16)) + chars*f.m.CharW + f.m.px(12) + 2*f.gap
	if f.x != f.area.Min.X && f.x+w > f.area.Max.X {
		f.newline()
	}
	f.button("−", name+" −", DoEdit, down)
	f.field(value, name, chars, typ, t)
	f.button("+", name+" +", DoEdit, up)
}

// Speeds the − and + of a person's speed step through (any speed from
// sim.MinSpeed to sim.MaxSpeed can be typed).
var speedSteps = []float64{0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 5, 7.5, 10}

// step is the next value of steps above (or below) v.
func step(steps []float64, v float64, up bool) float64 {
	if up {
		for _, s := range steps {
			if s > v {
				return s
			}
		}
		return steps[len(steps)-1]
	}
	for i := len(steps) - 1; i >= 0; i-- {
		if steps[i] < v {
			return steps[i]
		}
	}
	return steps[0]
}

// minutesStep is the next whole number of minutes: by 5 from 10 up, by 1
// below, kept within lo..hi.
func minutesStep(v float64, up bool, lo, hi float64) float64 {
	d := 5.0
	if v < 10 || (!up && v <= 10) {
		d = 1
	}
	if !up {
		d = -d
	}
	return max(lo, min(hi, v+d))
}

// num writes a number as a scenario has it: 1.5, 10, 0.25.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Presets are the stories the form offers to start from: their names.
type Presets []string

// Build lays the form out for draft s in area (its top scrolled by scroll
// device pixels): the widgets, and the height of all of it.
func Build(area image.Rectangle, m Metrics, s sim.Scenario, presets Presets, t Typing, scroll int) ([]Widget, int) {
	f := &flow{m: m, area: area, x: area.Min.X, y: area.Min.Y - scroll, rowH: m.px(24), gap: m.px(6)}
	f.heading("Start from")
	for i, name := range presets {
		f.button(name, "start "+name, DoStart, edit.Edit{})
		f.widgets[len(f.widgets)-1].Index = i
	}
	f.button("the story now", "start now", DoStart, edit.Edit{})
	f.widgets[len(f.widgets)-1].Index = -1
	f.newline()
	f.button("undo", "undo", DoEdit, edit.Edit{Kind: edit.Undo})
	f.button("redo", "redo", DoEdit, edit.Edit{Kind: edit.Redo})
	f.button("reset", "reset", DoEdit, edit.Edit{Kind: edit.Reset})
	f.button("done", "done", DoClose, edit.Edit{})

	f.heading(fmt.Sprintf("People (%d of %d)", len(s.People), sim.MaxPeople))
	f.button("+ person", "add person", DoEdit, edit.Edit{Kind: edit.AddPerson})
	for i, p := range s.People {
		f.newline()
		n := p.Name
		f.field(p.Name, "name of "+n, 10, edit.Edit{Kind: edit.RenamePerson, Index: i}, t)
		f.stepper("speed", "speed of "+n, num(p.Speed), 4,
			edit.Edit{Kind: edit.SetSpeed, Index: i, Value: step(speedSteps, p.Speed, false)},
			edit.Edit{Kind: edit.SetSpeed, Index: i, Value: step(speedSteps, p.Speed, true)},
			edit.Edit{Kind: edit.SetSpeed, Index: i}, t)
		f.toggle("phone", "phone of "+n, p.Phone, edit.Edit{Kind: edit.TogglePhone, Index: i})
		f.toggle("airpods", "airpods of "+n, p.Airpods, edit.Edit{Kind: edit.ToggleAirpods, Index: i})
		f.toggle("cleans", "cleans: "+n, contains(s.Cleaners, p.Name), edit.Edit{Kind: edit.ToggleCleans, Index: i})
		f.toggle("listens", "listens: "+n, contains(s.Podcast.Listeners, p.Name), edit.Edit{Kind: edit.ToggleListens, Index: i})
		f.button("x", "remove "+n, DoEdit, edit.Edit{Kind: edit.RemovePerson, Index: i})
	}

	f.heading(fmt.Sprintf("Rooms (%d of %d)", len(s.Rooms), sim.MaxRooms))
	f.button("+ room", "add room", DoEdit, edit.Edit{Kind: edit.AddRoom})
	for i, r := range s.Rooms {
		f.newline()
		n := r.Name
		f.field(r.Name, "name of "+n, 12, edit.Edit{Kind: edit.RenameRoom, Index: i}, t)
		f.stepper("", "minutes of "+n, num(r.Work), 3,
			edit.Edit{Kind: edit.SetWork, Index: i, Value: minutesStep(r.Work, false, 1, sim.MaxMinutes)},
			edit.Edit{Kind: edit.SetWork, Index: i, Value: minutesStep(r.Work, true, 1, sim.MaxMinutes)},
			edit.Edit{Kind: edit.SetWork, Index: i}, t)
		f.label("min")
		f.button("↑", "up "+n, DoEdit, edit.Edit{Kind: edit.MoveRoom, Index: i, Value: -1})
		f.button("↓", "down "+n, DoEdit, edit.Edit{Kind: edit.MoveRoom, Index: i, Value: 1})
		f.button("x", "remove "+n, DoEdit, edit.Edit{Kind: edit.RemoveRoom, Index: i})
	}

	f.heading("The podcast")
	f.newline()
	f.stepper("episode", "episode minutes", num(s.Podcast.Minutes), 3,
		edit.Edit{Kind: edit.SetEpisode, Value: minutesStep(s.Podcast.Minutes, false, 1, sim.MaxMinutes)},
		edit.Edit{Kind: edit.SetEpisode, Value: minutesStep(s.Podcast.Minutes, true, 1, sim.MaxMinutes)},
		edit.Edit{Kind: edit.SetEpisode}, t)
	f.label("min")
	f.newline()
	f.label("listen")
	f.toggle("after cleaning", "listen after", s.Listen == sim.ListenAfter, edit.Edit{Kind: edit.SetListen, Text: sim.ListenAfter})
	f.toggle("while cleaning", "listen during", s.Listen == sim.ListenDuring, edit.Edit{Kind: edit.SetListen, Text: sim.ListenDuring})
	f.newline()
	f.label("one phone")
	f.toggle("take turns", "share turns", s.Share == sim.ShareTurns, edit.Edit{Kind: edit.SetShare, Text: sim.ShareTurns})
	f.toggle("together", "share together", s.Share == sim.ShareTogether, edit.Edit{Kind: edit.SetShare, Text: sim.ShareTogether})
	f.newline()
	f.toggle("home theatre", "home theatre", s.HomeTheatre, edit.Edit{Kind: edit.ToggleTheatre})
	handoffDown, handoffUp := max(0, s.HandoffMinutes-1), min(sim.MaxHandoff, s.HandoffMinutes+1)
	f.stepper("handoff", "handoff minutes", num(s.HandoffMinutes), 3,
		edit.Edit{Kind: edit.SetHandoff, Value: handoffDown},
		edit.Edit{Kind: edit.SetHandoff, Value: handoffUp},
		edit.Edit{Kind: edit.SetHandoff}, t)
	f.label("min")
	f.newline()
	return f.widgets, f.y + scroll - area.Min.Y
}

func contains(list []string, name string) bool {
	for _, n := range list {
		if n == name {
			return true
		}
	}
	return false
}

// Hit is the widget at pt that does something, among those inside view.
func Hit(widgets []Widget, view image.Rectangle, pt image.Point) (Widget, bool) {
	if !pt.In(view) {
		return Widget{}, false
	}
	for _, w := range widgets {
		if w.Do != DoNothing && pt.In(w.R) {
			return w, true
		}
	}
	return Widget{}, false
}

// Finish turns typed text into its edit: a name as typed, a number read.
func Finish(t Typing) (edit.Edit, error) {
	ed := t.Edit
	switch ed.Kind {
	case edit.RenamePerson, edit.RenameRoom:
		ed.Text = t.Text
		return ed, nil
	}
	v, err := strconv.ParseFloat(t.Text, 64)
	if err != nil || len(t.Text) > 12 {
		return ed, fmt.Errorf("%q is not a number: type one like 1.5", clip(t.Text))
	}
	ed.Value = v
	return ed, nil
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 16 {
		return string(r[:16]) + "…"
	}
	return s
}
