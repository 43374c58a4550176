package game

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"chores/game/edit"
	"chores/game/play"
	"chores/game/ui"
	"chores/game/view/editor"
	"chores/sim"
)

// editing is the story editor's glue: the editor view open on a story, the
// story it was opened on (another story picked while it is open reopens
// it there), and a touch that may become a scroll.
type editing struct {
	view  *editor.View
	story *play.Story // the story playing when the editor last changed it or opened
	// revised: the editor sent its story to play this frame; once played,
	// it is the editor's story (story above).
	revised bool
	touch   struct {
		on       bool
		id       ebiten.TouchID
		start    image.Point
		lastY    int
		scrolled bool
	}
}

// editorRects split the house's place between the editor's form and, when
// there is room, a smaller house beside it that follows every change.
func editorRects(l *ui.Layout) (form, house image.Rectangle) {
	s := l.Scene
	if s.Dx() < l.Px(900) {
		return s, image.Rectangle{}
	}
	w := max(l.Px(640), s.Dx()*3/5)
	form = image.Rect(s.Min.X, s.Min.Y, s.Min.X+w, s.Max.Y)
	return form, image.Rect(form.Max.X+l.Px(8), s.Min.Y, s.Max.X, s.Max.Y)
}

// editorMetrics are the form's sizes on this layout.
func (g *Game) editorMetrics() editor.Metrics {
	f := g.faces.Get(float64(g.layout.Px(13)), false)
	return editor.Metrics{U: g.layout.U, CharW: int(f.Advance("m"))}
}

// editorPresets are the names the form offers to start from.
func editorPresets() editor.Presets {
	var names editor.Presets
	for _, p := range sim.Presets() {
		names = append(names, p.Name)
	}
	return names
}

// updateEditor opens the editor on the story playing when its view is
// shown, and lays its form out. It returns the editor when open.
func (g *Game) updateEditor() *editor.View {
	p := g.player
	if p.View() != play.ViewEditor || g.layout.UI == play.UINone {
		if g.edit.view != nil && g.edit.view.Typing.Active {
			g.edit.view.EndTyping(false)
		}
		return nil
	}
	if g.edit.view == nil || g.edit.story != p.Story() {
		g.edit.view = editor.New(p.Story().Scenario)
		g.edit.story = p.Story()
	}
	form, _ := editorRects(g.layout)
	g.edit.view.Lay(form, g.editorMetrics(), editorPresets())
	return g.edit.view
}

// editorInput handles the editor's own input before the rest: typing into a
// field (when it takes every key), the wheel, and presses on the form. It
// returns the intents it makes and whether the keys are taken.
func (g *Game) editorInput(v *editor.View, out []play.Intent) ([]play.Intent, bool) {
	if v == nil {
		return out, false
	}
	form, _ := editorRects(g.layout)
	if v.Typing.Active {
		v.Type(ebiten.AppendInputChars(nil))
		switch {
		case inpututil.IsKeyJustPressed(ebiten.KeyBackspace) || repeating(ebiten.KeyBackspace):
			v.Backspace()
		case inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter):
			out = g.editorChanged(v, v.EndTyping(true), out)
		case inpututil.IsKeyJustPressed(ebiten.KeyEscape):
			v.EndTyping(false)
		}
	} else if inpututil.IsKeyJustPressed(ebiten.KeyTab) {
		// Tab moves through the form (the buttons below are pressed by
		// pointer or by their keys while the editor is open).
		step := 1
		if ebiten.IsKeyPressed(ebiten.KeyShift) {
			step = -1
		}
		v.Focus(step)
	} else if w, ok := v.FocusedWidget(); ok && (inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter)) {
		out = g.editorDo(v, w, false, out)
	} else if ctrl := ebiten.IsKeyPressed(ebiten.KeyControl) || ebiten.IsKeyPressed(ebiten.KeyMeta); ctrl {
		switch {
		case inpututil.IsKeyJustPressed(ebiten.KeyZ) && ebiten.IsKeyPressed(ebiten.KeyShift), inpututil.IsKeyJustPressed(ebiten.KeyY):
			out = g.editorChanged(v, v.Apply(edit.Edit{Kind: edit.Redo}), out)
		case inpututil.IsKeyJustPressed(ebiten.KeyZ):
			out = g.editorChanged(v, v.Apply(edit.Edit{Kind: edit.Undo}), out)
		}
	}
	if _, dy := ebiten.Wheel(); dy != 0 && image.Pt(ebiten.CursorPosition()).In(form) {
		v.ScrollBy(int(-dy * float64(g.layout.Px(24))))
	}
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		if pt := image.Pt(ebiten.CursorPosition()); pt.In(form) {
			out = g.editorPress(v, pt, false, out)
		}
	}
	out = g.editorTouch(v, form, out)
	return out, v.Typing.Active
}

// editorTouch: a touch on the form scrolls it when it moves, and presses
// what it started on when it does not.
func (g *Game) editorTouch(v *editor.View, form image.Rectangle, out []play.Intent) []play.Intent {
	t := &g.edit.touch
	for _, id := range inpututil.AppendJustPressedTouchIDs(nil) {
		if pt := image.Pt(ebiten.TouchPosition(id)); pt.In(form) && !t.on {
			t.on, t.id, t.start, t.lastY, t.scrolled = true, id, pt, pt.Y, false
		}
	}
	if !t.on {
		return out
	}
	if inpututil.IsTouchJustReleased(t.id) {
		t.on = false
		if !t.scrolled {
			return g.editorPress(v, t.start, true, out)
		}
		return out
	}
	_, y := ebiten.TouchPosition(t.id)
	if abs(y-t.start.Y) > g.layout.Px(8) {
		t.scrolled = true
	}
	if t.scrolled {
		v.ScrollBy(t.lastY - y)
	}
	t.lastY = y
	return out
}

// editorPress carries out what was pressed on the form.
func (g *Game) editorPress(v *editor.View, pt image.Point, touch bool, out []play.Intent) []play.Intent {
	if v.Typing.Active {
		// A press anywhere keeps what was typed.
		out = g.editorChanged(v, v.EndTyping(true), out)
	}
	w, ok := v.Press(pt)
	if !ok {
		return out
	}
	v.Focused = ""
	return g.editorDo(v, w, touch, out)
}

// editorDo carries out what a widget of the form does.
func (g *Game) editorDo(v *editor.View, w editor.Widget, touch bool, out []play.Intent) []play.Intent {
	switch w.Do {
	case editor.DoEdit:
		return g.editorChanged(v, v.Apply(w.Edit), out)
	case editor.DoType:
		if touch {
			// On a touch screen the page asks, so that its keyboard appears.
			if text, ok := askText(w.Name, w.Text); ok {
				return g.editorChanged(v, v.SetText(w, text), out)
			}
		}
		v.StartTyping(w)
	case editor.DoStart:
		s := g.player.Story().Scenario
		if w.Index >= 0 {
			s = sim.Presets()[w.Index].Scenario
		}
		g.edit.view = editor.New(s)
		g.edit.revised = true
		return append(out, play.Intent{Kind: play.Revise, Scenario: ptr(g.edit.view.Ed.Valid())})
	case editor.DoClose:
		return append(out, play.Intent{Kind: play.SetView, Text: play.ViewHouse})
	}
	return out
}

// editorChanged plays the editor's story when it changed.
func (g *Game) editorChanged(v *editor.View, changed bool, out []play.Intent) []play.Intent {
	if !changed {
		return out
	}
	g.edit.revised = true
	return append(out, play.Intent{Kind: play.Revise, Scenario: ptr(v.Ed.Valid())})
}

func ptr[T any](v T) *T { return &v }

// drawEditor draws the form, and the house beside it where there is room.
func (g *Game) drawEditor(screen ui.Surface, l *ui.Layout) {
	v := g.updateEditor()
	if v == nil {
		return
	}
	form, house := editorRects(l)
	if !house.Empty() {
		g.scene.Prepare(g.player.Story(), house, l.U, &g.faces)
		g.scene.Draw(screen, g.player)
	}
	v.Draw(screen, form, &g.faces)
}

// EditorState is state().editor.
type EditorState struct {
	Open  bool   `json:"open"`
	Error string `json:"error"`
	// Typing is the field being typed into, or "".
	Typing string `json:"typing,omitempty"`
	// Scroll is how far the form is scrolled, and More how much is left
	// below, in CSS pixels.
	Scroll float64 `json:"scroll"`
	More   float64 `json:"more"`
}

func (g *Game) editorState() *EditorState {
	v := g.edit.view
	if v == nil || g.player.View() != play.ViewEditor {
		return &EditorState{}
	}
	s := &EditorState{Open: true, Error: play.Clip(v.Error(), play.MaxMessage)}
	if v.Typing.Active {
		s.Typing = v.Typing.Text
	}
	top, more := v.Scrolled()
	s.Scroll, s.More = float64(top)/g.u, float64(more)/g.u
	return s
}
