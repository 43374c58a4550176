package editor

import (
	"image"
	"strings"
	"testing"

	"chores/game/edit"
	"chores/sim"
)

var metrics = Metrics{U: 1, CharW: 7}

func presets() Presets {
	var p Presets
	for _, s := range sim.Presets() {
		p = append(p, s.Name)
	}
	return p
}

func find(t *testing.T, ws []Widget, name string) Widget {
	t.Helper()
	for _, w := range ws {
		if w.Name == name {
			return w
		}
	}
	t.Fatalf("no widget %q", name)
	return Widget{}
}

// At every width from a phone's to a projector's, the form of the largest
// household keeps every widget inside its width and no two over each other.
func TestFormFitsEveryWidth(t *testing.T) {
	s := sim.Largest()
	for _, w := range []int{300, 344, 390, 480, 640, 800, 1200, 1900} {
		area := image.Rect(10, 20, 10+w, 2000)
		ws, height := Build(area, metrics, s, presets(), Typing{}, 0)
		if height <= 0 || len(ws) < 8*8+64*6 {
			t.Fatalf("width %d: %d widgets, %d tall", w, len(ws), height)
		}
		for i, a := range ws {
			if a.R.Min.X < area.Min.X || a.R.Max.X > area.Max.X {
				t.Fatalf("width %d: %q (%q) at %v is outside %v", w, a.Name, a.Text, a.R, area)
			}
			for _, b := range ws[i+1:] {
				if a.R.Overlaps(b.R) {
					t.Fatalf("width %d: %q at %v and %q at %v overlap", w, a.Text, a.R, b.Text, b.R)
				}
			}
		}
	}
}

// Pressing the form's widgets makes the edits they say.
func TestFormPresses(t *testing.T) {
	p, _ := sim.PresetByName("parallelism-1")
	v := New(p.Scenario)
	v.Lay(image.Rect(0, 0, 800, 3000), metrics, presets())
	press := func(name string) bool {
		t.Helper()
		w := find(t, v.Widgets(), name)
		got, ok := v.Press(w.R.Min.Add(image.Pt(2, 2)))
		if !ok || got.Name != name {
			t.Fatalf("pressing %q found %q", name, got.Name)
		}
		changed := v.Apply(got.Edit)
		v.Lay(image.Rect(0, 0, 800, 3000), metrics, presets())
		return changed
	}
	if !press("add person") {
		t.Fatal("adding a person did not change the story")
	}
	d := v.Ed.Draft()
	if len(d.People) != 3 || !strings.HasPrefix(d.People[2].Name, "Guest") {
		t.Fatalf("people after adding: %+v", d.People)
	}
	press("speed of Friend +")
	if got := v.Ed.Draft().People[1].Speed; got != 1.25 {
		t.Errorf("Friend's speed after +: %v, want 1.25", got)
	}
	press("speed of Friend −")
	press("speed of Friend −")
	if got := v.Ed.Draft().People[1].Speed; got != 0.75 {
		t.Errorf("Friend's speed after + − −: %v, want 0.75", got)
	}
	press("minutes of Kitchen +")
	if got := v.Ed.Draft().Rooms[0].Work; got != 25 {
		t.Errorf("the kitchen after +: %v minutes, want 25", got)
	}
	press("share together")
	if v.Ed.Draft().Share != sim.ShareTogether {
		t.Error("the together toggle did not set sharing together")
	}
	w := find(t, v.Widgets(), "name of "+d.People[2].Name)
	if w.Do != DoType || w.Edit.Kind != edit.RenamePerson || w.Edit.Index != 2 {
		t.Fatalf("the name field: %+v", w)
	}
}

// A listener who cannot hear during cleaning is refused with their name,
// and the last valid story keeps playing.
func TestRefusalNamesThePerson(t *testing.T) {
	p, _ := sim.PresetByName("concurrency-1")
	v := New(p.Scenario)
	valid := v.Ed.Valid()
	if v.Apply(edit.Edit{Kind: edit.ToggleAirpods, Index: 0}) {
		t.Fatal("a refused draft changed the story that plays")
	}
	if !strings.Contains(v.Error(), "You") {
		t.Fatalf("the refusal does not name the person: %q", v.Error())
	}
	if string(v.Ed.Valid().JSON()) != string(valid.JSON()) {
		t.Fatal("the valid story changed")
	}
	if !v.Apply(edit.Edit{Kind: edit.Undo}) && v.Error() != "" {
		t.Fatalf("undo left the refusal: %q", v.Error())
	}
}

// Typing: a rename as typed (control characters dropped, at most a name's
// length), a number read, a number that is not one refused in words.
func TestTyping(t *testing.T) {
	p, _ := sim.PresetByName("parallelism-1")
	v := New(p.Scenario)
	v.Lay(image.Rect(0, 0, 800, 3000), metrics, presets())
	name := find(t, v.Widgets(), "name of Friend")
	v.StartTyping(name)
	for range len("Friend") {
		v.Backspace()
	}
	v.Type([]rune("Ana\x07 María"))
	if v.Typing.Text != "Ana María" {
		t.Fatalf("typed %q", v.Typing.Text)
	}
	if !v.EndTyping(true) {
		t.Fatal("a rename did not change the story")
	}
	d := v.Ed.Valid()
	if d.People[1].Name != "Ana María" || !contains(d.Cleaners, "Ana María") {
		t.Fatalf("after the rename: %+v, cleaners %v", d.People, d.Cleaners)
	}
	v.StartTyping(name)
	v.Type([]rune(strings.Repeat("x", 100)))
	if n := len([]rune(v.Typing.Text)); n > sim.MaxNameLength {
		t.Fatalf("a name of %d characters was typed (limit %d)", n, sim.MaxNameLength)
	}
	v.EndTyping(false)

	v.Lay(image.Rect(0, 0, 800, 3000), metrics, presets())
	speed := find(t, v.Widgets(), "speed of You")
	if !v.SetText(speed, "2.5") || v.Ed.Valid().People[0].Speed != 2.5 {
		t.Fatalf("typing 2.5 as You's speed: %v (%q)", v.Ed.Valid().People[0].Speed, v.Error())
	}
	if v.SetText(speed, "fast") || !strings.Contains(v.Error(), "not a number") {
		t.Fatalf("typing fast as a speed: %q", v.Error())
	}
	if v.SetText(speed, "20") || !strings.Contains(v.Error(), "speed") {
		t.Fatalf("a speed of 20: %q", v.Error())
	}
}

// The form scrolls no further than its end, nor above its top.
func TestScrollBounds(t *testing.T) {
	v := New(sim.Largest())
	v.Lay(image.Rect(0, 0, 400, 300), metrics, presets())
	v.ScrollBy(-50)
	if top, _ := v.Scrolled(); top != 0 {
		t.Fatalf("scrolled above the top: %d", top)
	}
	v.ScrollBy(1 << 20)
	if _, more := v.Scrolled(); more != 0 {
		t.Fatalf("scrolled to the end, %d more", more)
	}
	top, _ := v.Scrolled()
	v.Lay(image.Rect(0, 0, 400, 300), metrics, presets())
	for _, w := range v.Widgets() {
		if w.Name == "handoff minutes" && !w.R.In(v.Area()) {
			t.Fatalf("at the end (scrolled %d) the last field is not in view: %v in %v", top, w.R, v.Area())
		}
	}
}

// Tab reaches every widget of a long form in turn, scrolling each into
// view; Shift+Tab from the start goes round to the last.
func TestFocusWalksTheForm(t *testing.T) {
	v := New(sim.Largest())
	area := image.Rect(0, 0, 500, 300)
	v.Lay(area, metrics, presets())
	seen := map[string]bool{}
	for range 2000 {
		v.Focus(1)
		v.Lay(area, metrics, presets())
		w, ok := v.FocusedWidget()
		if !ok {
			t.Fatalf("the focus %q is on nothing", v.Focused)
		}
		if !w.R.In(v.Area()) {
			t.Fatalf("the focused %q at %v is not in view %v", w.Name, w.R, v.Area())
		}
		if seen[w.Name] && w.Name == "start sequential" {
			break
		}
		seen[w.Name] = true
	}
	for _, name := range []string{"add person", "handoff minutes +", "remove " + sim.Largest().Rooms[63].Name} {
		if !seen[name] {
			t.Errorf("Tab never reached %q", name)
		}
	}
	v = New(sim.Largest())
	v.Lay(area, metrics, presets())
	v.Focus(-1)
	if v.Focused != "handoff minutes +" {
		t.Errorf("Shift+Tab from nothing focused %q, want the last widget", v.Focused)
	}
}
