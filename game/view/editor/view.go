package editor

import (
	"image"
	"unicode"
	"unicode/utf8"

	"chores/game/edit"
	"chores/sim"
)

// View is the editor open on a story: the household being edited, what is
// being typed, how far the form is scrolled, and the form as last laid out.
type View struct {
	Ed     *edit.Editor
	Typing Typing
	// Message is why the last edit could not be made at all (a ninth
	// person, a number that is not one), until the next edit.
	Message string
	// Focused is the name of the widget the keyboard's focus is on (Tab),
	// or "".
	Focused string

	scroll  int
	area    image.Rectangle // where the form is drawn (under the message band)
	band    image.Rectangle // the message band
	widgets []Widget
	height  int
	m       Metrics
}

// New opens the editor on s.
func New(s sim.Scenario) *View { return &View{Ed: edit.New(s)} }

// Lay lays the form out in r: a band for the message at the top, the form
// under it, scrolled as far as it was (kept within the form's height).
func (v *View) Lay(r image.Rectangle, m Metrics, presets Presets) {
	v.m = m
	bandH := m.px(40)
	v.band = image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+bandH)
	// The right margin holds the arrows that say there is more to scroll.
	inner := image.Rect(r.Min.X+m.px(8), v.band.Max.Y+m.px(4), r.Max.X-m.px(12)-m.CharW, r.Max.Y-m.px(4))
	v.area = inner
	v.widgets, v.height = Build(inner, m, v.Ed.Draft(), presets, v.Typing, v.scroll)
	if top := max(0, v.height-inner.Dy()); v.scroll > top {
		v.scroll = top
		v.widgets, v.height = Build(inner, m, v.Ed.Draft(), presets, v.Typing, v.scroll)
	}
}

// Widgets are the form's widgets as last laid out (some may lie outside
// the visible area when scrolled).
func (v *View) Widgets() []Widget { return v.widgets }

// Area is where the form is drawn; Band where its message is.
func (v *View) Area() image.Rectangle { return v.area }

// Band is where the editor says what is wrong, or what to do.
func (v *View) Band() image.Rectangle { return v.band }

// ScrollBy scrolls the form by dy device pixels (down for dy > 0).
func (v *View) ScrollBy(dy int) {
	v.scroll = max(0, min(v.scroll+dy, max(0, v.height-v.area.Dy())))
}

// Scrolled says how far the form is scrolled and how much more there is.
func (v *View) Scrolled() (top, more int) { return v.scroll, max(0, v.height-v.area.Dy()-v.scroll) }

// Press finds what was pressed at pt.
func (v *View) Press(pt image.Point) (Widget, bool) { return Hit(v.widgets, v.area, pt) }

// Apply makes an edit; an edit that cannot be made at all says why in
// Message. It reports whether the story that plays changed.
func (v *View) Apply(ed edit.Edit) bool {
	before := v.Ed.Valid()
	if err := v.Ed.Apply(ed); err != nil {
		v.Message = err.Error()
		return false
	}
	v.Message = ""
	return !same(before, v.Ed.Valid())
}

// Error is what the editor says is wrong: the refused draft's reason, or
// why an edit could not be made; "" when all is well.
func (v *View) Error() string {
	if err := v.Ed.Err(); err != nil {
		return err.Error()
	}
	return v.Message
}

func same(a, b sim.Scenario) bool { return string(a.JSON()) == string(b.JSON()) }

// Limits of what is typed: a name as long as the model allows, a number
// of a dozen characters.
const maxNumberChars = 12

// StartTyping starts typing into the field w, with its text as it is.
func (v *View) StartTyping(w Widget) {
	text := w.Text
	v.Typing = Typing{Active: true, Edit: w.Edit, Text: text}
}

// Type adds typed characters to the field (control characters are
// dropped; the text stops at its limit).
func (v *View) Type(chars []rune) {
	if !v.Typing.Active {
		return
	}
	limit := sim.MaxNameLength
	if k := v.Typing.Edit.Kind; k != edit.RenamePerson && k != edit.RenameRoom {
		limit = maxNumberChars
	}
	for _, r := range chars {
		if unicode.IsControl(r) || !unicode.IsPrint(r) || utf8.RuneCountInString(v.Typing.Text) >= limit {
			continue
		}
		v.Typing.Text += string(r)
	}
}

// Backspace removes the last typed character.
func (v *View) Backspace() {
	if t := []rune(v.Typing.Text); v.Typing.Active && len(t) > 0 {
		v.Typing.Text = string(t[:len(t)-1])
	}
}

// EndTyping finishes typing: the text becomes its edit (keep), or is
// dropped. It reports whether the story that plays changed.
func (v *View) EndTyping(keep bool) bool {
	t := v.Typing
	v.Typing = Typing{}
	if !t.Active || !keep {
		return false
	}
	ed, err := Finish(t)
	if err != nil {
		v.Message = err.Error()
		return false
	}
	return v.Apply(ed)
}

// SetText finishes typing with text given whole (a prompt of the page, on
// a touch screen).
func (v *View) SetText(w Widget, text string) bool {
	v.StartTyping(w)
	v.Typing.Text = ""
	v.Type([]rune(text))
	return v.EndTyping(true)
}

// Focus moves the keyboard's focus to the next (step 1) or previous (-1)
// widget that does something, scrolling the form to show it. The focus is
// kept by the widget's name, which stays put as the form is laid out
// again.
func (v *View) Focus(step int) {
	var live []Widget
	at := -1
	for _, w := range v.widgets {
		if w.Do == DoNothing {
			continue
		}
		if w.Name == v.Focused {
			at = len(live)
		}
		live = append(live, w)
	}
	if len(live) == 0 {
		return
	}
	switch {
	case at < 0 && step < 0:
		at = len(live) - 1
	case at < 0:
		at = 0
	default:
		at = (at + step + len(live)) % len(live)
	}
	w := live[at]
	v.Focused = w.Name
	pad := v.m.px(6)
	switch {
	case w.R.Min.Y < v.area.Min.Y:
		v.ScrollBy(w.R.Min.Y - v.area.Min.Y - pad)
	case w.R.Max.Y > v.area.Max.Y:
		v.ScrollBy(w.R.Max.Y - v.area.Max.Y + pad)
	}
}

// FocusedWidget is the widget the keyboard's focus is on.
func (v *View) FocusedWidget() (Widget, bool) {
	for _, w := range v.widgets {
		if w.Name == v.Focused && w.Do != DoNothing {
			return w, true
		}
	}
	return Widget{}, false
}
