//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"chores/game/play"
	"chores/sim"
)

// EditorState mirrors state().editor.
type EditorState struct {
	Open   bool   `json:"open"`
	Error  string `json:"error"`
	Typing string `json:"typing"`
}

// story is state().story, the scenario playing, read by the model's own
// parser.
func (tb *tab) story() sim.Scenario {
	tb.t.Helper()
	raw := mustEval[json.RawMessage](tb, `window.chores.state().story`)
	s, err := sim.Parse(raw)
	if err != nil {
		tb.t.Fatalf("state().story is not a scenario (%v): %s", err, raw)
	}
	return s
}

func (tb *tab) editor() EditorState {
	return mustEval[EditorState](tb, `window.chores.state().editor`)
}

// item finds what the last frame drew with this label; in the editor, the
// form is scrolled down with the wheel until it shows.
func (tb *tab) item(kind, label string) LayoutItem {
	tb.t.Helper()
	var last []LayoutItem
	for i := range 50 {
		if i%5 == 4 {
			tb.wheelOver("editor", 60)
		}
		last = mustEval[[]LayoutItem](tb, `window.chores.state().layout`)
		for _, it := range last {
			if it.Kind == kind && it.Label == label {
				return it
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	var labels []string
	for _, it := range last {
		if it.Kind == kind {
			labels = append(labels, it.Label)
		}
	}
	tb.t.Fatalf("no %s %q on screen (%d items drawn); %ss: %q", kind, label, len(last), kind, labels)
	return LayoutItem{}
}

// wheelOver turns the mouse wheel (dy pixels down) over the panel named.
func (tb *tab) wheelOver(panel string, dy float64) {
	for _, it := range mustEval[[]LayoutItem](tb, `window.chores.state().layout`) {
		if it.Kind == "panel" && it.Label == panel {
			x, y := it.X+it.W/2, it.Y+it.H/2
			if err := tb.do(stepTimeout, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) {
				// A zero deltaX would be left out of the message, which
				// the protocol refuses: a sideways nothing instead.
				p.DeltaX, p.DeltaY = 1e-6, dy
			})); err != nil {
				tb.t.Logf("wheel: %v", err)
			}
			return
		}
	}
}

// press clicks the middle of what is labelled label, with the mouse.
func (tb *tab) press(kind, label string) {
	tb.t.Helper()
	it := tb.item(kind, label)
	if err := tb.do(stepTimeout, chromedp.MouseClickXY(it.X+it.W/2, it.Y+it.H/2)); err != nil {
		tb.t.Fatalf("clicking %s: %v", label, err)
	}
}

// A learner opens the editor with E, adds a person, gives the friend a
// phone and makes them share it taking turns, renames the new person by
// typing, and sees the model's figures for the very story state() says is
// playing; a change the rules refuse is said with the person's name while
// the last valid story plays on, and undo takes it back.
func TestEditorByMouseAndKeys(t *testing.T) {
	tb := newTab(t)
	tb.open("/?scenario=parallelism-1&autoplay=0&mute=1")
	if err := tb.do(stepTimeout, chromedp.KeyEvent("e")); err != nil {
		t.Fatal(err)
	}
	tb.wait("the editor", func(s State) bool { return s.View == "editor" })
	if ed := tb.editor(); !ed.Open || ed.Error != "" {
		t.Fatalf("state().editor after E: %+v", ed)
	}

	tb.press("button", "add person")
	tb.wait("the seventh tab", func(s State) bool { return strings.HasPrefix(s.Scenario, "my ") })
	s := tb.story()
	if len(s.People) != 3 {
		t.Fatalf("after add person the story has %d people", len(s.People))
	}
	guest := s.People[2].Name
	tb.item("tab", "7 "+"yours")

	tb.press("button", "phone of Friend")
	tb.press("button", "share turns")
	tb.waitJS("Friend's phone", `window.chores.state().story.people[1].phone === true`, stepTimeout)

	// Rename the new person by typing.
	tb.press("button", "name of "+guest)
	tb.waitJS("typing", `window.chores.state().editor.typing !== undefined && window.chores.state().editor.typing !== ""`, stepTimeout)
	for range len([]rune(guest)) {
		if err := tb.do(stepTimeout, chromedp.KeyEvent(kb.Backspace)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tb.do(stepTimeout, chromedp.KeyEvent("Ana"), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	tb.waitJS("Ana in the story", `window.chores.state().story.people[2].name === "Ana"`, stepTimeout)
	if tb.state().View != "editor" {
		t.Fatal("typing a name left the editor (a key was taken as a command)")
	}

	// The figures at the end are the model's for the story state() reports.
	s = tb.story()
	r, err := sim.Simulate(s)
	if err != nil {
		t.Fatalf("the story playing does not run: %v", err)
	}
	mustEval[any](tb, `window.chores.seek(1000)`)
	end := tb.wait("the end", func(st State) bool { return st.Done && st.Figures.Final })
	want := play.ShowFigures(r.FiguresAt(r.Makespan))
	if end.Figures.Makespan != want.Makespan || end.Figures.Speedup != want.Speedup || end.Figures.Waiting != want.Waiting {
		t.Fatalf("figures %+v, the model says %+v for %s", end.Figures, want, s.JSON())
	}

	// A refusal: listening while cleaning, with no airpods and no theatre.
	before := string(tb.story().JSON())
	tb.press("button", "listen during")
	tb.waitJS("a refusal", `window.chores.state().editor.error !== ""`, stepTimeout)
	ed := tb.editor()
	if !strings.Contains(ed.Error, "You") && !strings.Contains(ed.Error, "Friend") && !strings.Contains(ed.Error, "Ana") {
		t.Errorf("the refusal names nobody: %q", ed.Error)
	}
	if got := string(tb.story().JSON()); got != before {
		t.Fatalf("a refused draft is playing: %s", got)
	}
	tb.screenshot("editor-refused-1280x800")
	tb.press("button", "undo")
	tb.waitJS("undone", `window.chores.state().editor.error === ""`, stepTimeout)

	// E again: back to the house, the story of one's own still playing.
	if err := tb.do(stepTimeout, chromedp.KeyEvent("e")); err != nil {
		t.Fatal(err)
	}
	tb.wait("the house", func(st State) bool { return st.View == "house" && strings.HasPrefix(st.Scenario, "my ") })
}

// tap touches the middle of what is labelled label with a finger.
func (tb *tab) tap(kind, label string) {
	tb.t.Helper()
	it := tb.item(kind, label)
	touch := func(typ input.DispatchTouchEventType, pts []*input.TouchPoint) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts})
			return err
		})
	}
	pt := []*input.TouchPoint{{X: it.X + it.W/2, Y: it.Y + it.H/2}}
	if err := tb.do(stepTimeout, touch(input.DispatchTouchEventTypeTouchStart, pt), touch(input.DispatchTouchEventTypeTouchEnd, []*input.TouchPoint{})); err != nil {
		tb.t.Fatalf("tapping %s: %v", label, err)
	}
}

// On a phone the editor fits; a tap presses what it lands on, and a tap on
// a name asks the page for the new one (so that the phone's keyboard
// appears): the answer renames the room.
func TestEditorOnAPhone(t *testing.T) {
	tb := newTabSize(t, 390, 844)
	if err := tb.do(stepTimeout, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 1})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	asked := make(chan string, 4)
	tb.onEvents(func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			select {
			case asked <- d.Message:
			default:
			}
			_, _ = chromedp.Call(tb.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true, PromptText: "Attic"})
		}
	})
	tb.open("/?scenario=sequential&view=editor&autoplay=0&mute=1")
	tb.wait("the editor", func(s State) bool { return s.View == "editor" })
	tb.tap("button", "add room")
	tb.waitJS("five rooms", `window.chores.state().story.rooms.length === 5`, stepTimeout)
	room := tb.story().Rooms[4].Name
	tb.tap("button", "name of "+room)
	select {
	case msg := <-asked:
		if !strings.Contains(msg, room) {
			t.Errorf("the page asked %q, not naming the room %q", msg, room)
		}
	case <-time.After(stepTimeout):
		t.Fatal("tapping a name did not ask the page for one")
	}
	tb.waitJS("the room renamed", `window.chores.state().story.rooms[4].name === "Attic"`, stepTimeout)
	tb.screenshot("editor-phone-390x844")
}
