package game

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"chores/game/play"
	"chores/game/ui"
	"chores/game/view/compare"
	"chores/game/view/timeline"
)

// input turns keys, mouse and touches into intents, once per frame. The
// player never looks at raw input (STYLE.md: input becomes intent).
type input struct {
	volume   bool // dragging the volume slider
	dragging bool
	seekAt   func(x int) float64 // while dragging: the minute under x (the timeline's or the compare view's)
	dragKind play.IntentKind     // what dragging sends: Seek, or SetGuess (predict mode's marker)
	guess    guessing            // what predict mode lets a press guess, set before read
	swipe    []swipeStart        // touches that began on the scene, for swipes
	dragID   ebiten.TouchID      // the touch dragging the playhead, or -1 for the mouse
	pressed  image.Point         // where the current press began, for button feedback
	down     bool
	touches  []ebiten.TouchID
	chars    []rune
	gestured bool // a real user gesture happened (unlocks audio in browsers)
	touched  bool // the screen has been touched: the help lists gestures
	focus    int  // the button the keyboard's focus is on (Tab), 1-based; 0 for none
	// Set by the game before read: the keys are taken (the editor's field
	// is being typed into), and presses in claim are someone else's (the
	// editor's form).
	keysTaken bool
	tabTaken  bool // Tab and Enter are the editor's (its form's focus)
	claim     image.Rectangle
	panel     image.Rectangle // a panel over the house and the timeline (the real run's): a press there only hits its buttons
}

// guessing is what a press can guess in predict mode: the house's timeline
// moves the guess marker, the compare view's row names pick the first.
type guessing struct{ house, first bool }

// swipeStart is where a touch began on the scene.
type swipeStart struct {
	id   ebiten.TouchID
	x, y int
}

// swipeIntent is what a touch that went from (x0, y0) to (x1, y1) means: a
// horizontal swipe of at least min pixels steps to the next event (leftwards,
// like turning a page) or the previous one (rightwards).
func swipeIntent(x0, y0, x1, y1, min int) (play.Intent, bool) {
	dx, dy := x1-x0, y1-y0
	if abs(dx) < min || abs(dy)*2 > abs(dx) {
		return play.Intent{}, false
	}
	if dx < 0 {
		return play.Intent{Kind: play.StepEventForward}, true
	}
	return play.Intent{Kind: play.StepEventBack}, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// keyBinding is a key and the intent it stands for.
type keyBinding struct {
	key    ebiten.Key
	intent play.Intent
}

// keyIntents are the key bindings, in the order their intents apply when
// several keys go down in one frame (a list, not a map: a map's order
// changes from run to run). Digits pick stories.
var keyIntents = []keyBinding{
	{ebiten.KeySpace, play.Intent{Kind: play.TogglePlay}},
	{ebiten.KeyK, play.Intent{Kind: play.TogglePlay}},
	{ebiten.KeyArrowRight, play.Intent{Kind: play.StepMinuteForward}},
	{ebiten.KeyArrowLeft, play.Intent{Kind: play.StepMinuteBack}},
	{ebiten.KeyBracketRight, play.Intent{Kind: play.StepEventForward}},
	{ebiten.KeyBracketLeft, play.Intent{Kind: play.StepEventBack}},
	{ebiten.KeyT, play.Intent{Kind: play.ToggleShare}},
	{ebiten.Key0, play.Intent{Kind: play.SetView, Text: play.ViewCompare}},
	{ebiten.KeyEqual, play.Intent{Kind: play.Faster}}, // "+" without shift on most layouts
	{ebiten.KeyNumpadAdd, play.Intent{Kind: play.Faster}},
	{ebiten.KeyMinus, play.Intent{Kind: play.Slower}},
	{ebiten.KeyNumpadSubtract, play.Intent{Kind: play.Slower}},
	{ebiten.KeyR, play.Intent{Kind: play.Restart}},
	{ebiten.KeyM, play.Intent{Kind: play.ToggleMute}},
	{ebiten.KeyArrowUp, play.Intent{Kind: play.VolumeUp}},
	{ebiten.KeyArrowDown, play.Intent{Kind: play.VolumeDown}},
	{ebiten.KeyC, play.Intent{Kind: play.ToggleCode}},
	{ebiten.KeyE, play.Intent{Kind: play.ToggleView, Text: play.ViewEditor}},
	{ebiten.KeyX, play.Intent{Kind: play.ToggleView, Text: play.ViewReal}},
	{ebiten.KeyComma, play.Intent{Kind: play.AddProcs, Value: -1}}, // the real run's GOMAXPROCS
	{ebiten.KeyPeriod, play.Intent{Kind: play.AddProcs, Value: 1}},
	{ebiten.KeyS, play.Intent{Kind: play.ShareLink}},
	{ebiten.KeyG, play.Intent{Kind: play.ExportGIF}},
	{ebiten.KeyI, play.Intent{Kind: play.ExportTimeline}},
	{ebiten.KeyH, play.Intent{Kind: play.ToggleHelp}},
	{ebiten.KeyF1, play.Intent{Kind: play.ToggleHelp}},
	{ebiten.KeyEscape, play.Intent{Kind: play.CloseOverlay}},
	{ebiten.KeyL, play.Intent{Kind: play.ToggleTheme}},
	{ebiten.KeyP, play.Intent{Kind: play.TogglePresent}},
}

// keysDown is the intents of the keys pressed (or repeating) this frame, in
// binding order. pressed says whether a key went down or repeats.
func keysDown(pressed func(ebiten.Key) bool, out []play.Intent) []play.Intent {
	for _, b := range keyIntents {
		if pressed(b.key) {
			out = append(out, b.intent)
		}
	}
	return out
}

// read appends this frame's intents. seek is how the timeline maps a screen
// x to a minute; it is only called while dragging on the timeline.
// cmp is the compare view when it is shown, else nil.
func (in *input) read(l *ui.Layout, tl *timeline.Timeline, cmp *compare.View, pick picker, help bool, out []play.Intent) []play.Intent {
	if !in.keysTaken {
		out = in.readKeys(out)
	}
	for _, key := range inpututil.AppendJustReleasedKeys(nil) {
		_ = key
		in.gestured = true
	}

	// Mouse and touch share one path: a press, maybe a drag, a release.
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		out = in.press(ebiten.CursorPosition, -1, l, tl, cmp, pick, help, out)
	}
	in.touches = inpututil.AppendJustPressedTouchIDs(in.touches[:0])
	in.touched = in.touched || len(in.touches) > 0
	if !in.keysTaken && !in.tabTaken && in.focus == 0 && (inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter)) {
		// Enter with no button focused: the real run again (nothing
		// elsewhere; with a button focused, Enter presses it).
		out = append(out, play.Intent{Kind: play.RunAgain})
	}
	if !in.keysTaken && !in.tabTaken {
		out = in.keyboardFocus(l, out)
	}
	for _, id := range in.touches {
		x, y := ebiten.TouchPosition(id)
		if pt := image.Pt(x, y); pt.In(l.Scene) && cmp == nil {
			in.swipe = append(in.swipe, swipeStart{id, x, y})
		}
		out = in.press(func() (int, int) { return ebiten.TouchPosition(id) }, id, l, tl, cmp, pick, help, out)
	}
	// A touch that began on the scene and ends further left or right is a
	// swipe: the previous or next event.
	kept := in.swipe[:0]
	for _, s := range in.swipe {
		if !inpututil.IsTouchJustReleased(s.id) {
			kept = append(kept, s)
			continue
		}
		x, y := inpututil.TouchPositionInPreviousTick(s.id)
		if it, ok := swipeIntent(s.x, s.y, x, y, l.Px(48)); ok {
			out = append(out, it)
		}
	}
	in.swipe = kept
	if in.volume {
		x, still := in.pointer()
		if still {
			out = append(out, play.Intent{Kind: play.SetVolume, Value: l.VolumeAt(x)})
		} else {
			in.volume = false
		}
	}
	if in.dragging {
		x, still := in.pointer()
		if still {
			out = append(out, play.Intent{Kind: in.dragKind, Value: in.seekAt(x)})
		} else {
			in.dragging = false
		}
	}
	if in.down && !ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) && len(ebiten.AppendTouchIDs(nil)) == 0 {
		in.down = false
		in.gestured = true
	}
	return out
}

// readKeys appends the intents of the keys pressed and characters typed.
func (in *input) readKeys(out []play.Intent) []play.Intent {
	out = keysDown(func(key ebiten.Key) bool {
		return inpututil.IsKeyJustPressed(key) || (isRepeatKey(key) && repeating(key))
	}, out)
	for k := ebiten.Key1; k <= ebiten.Key9; k++ {
		if inpututil.IsKeyJustPressed(k) {
			out = append(out, play.Intent{Kind: play.Pick, Value: float64(k - ebiten.Key1)})
		}
	}
	in.chars = ebiten.AppendInputChars(in.chars[:0])
	for _, r := range in.chars {
		if r == '?' {
			out = append(out, play.Intent{Kind: play.ToggleHelp})
		}
		if r == '+' && !inpututil.IsKeyJustPressed(ebiten.KeyEqual) {
			out = append(out, play.Intent{Kind: play.Faster})
		}
	}
	return out
}

// pointer is the x of whatever is dragging, and whether it is still down.
func (in *input) pointer() (int, bool) {
	if in.dragID < 0 {
		x, _ := ebiten.CursorPosition()
		return x, ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	}
	x, _ := ebiten.TouchPosition(in.dragID)
	return x, !inpututil.IsTouchJustReleased(in.dragID)
}

// press handles the start of a click or a touch.
// picker finds the person drawn at a point of the last frame: in the house,
// or on a marked line of the code view.
type picker func(image.Point) (person int, ok bool)

func (in *input) press(pos func() (int, int), id ebiten.TouchID, l *ui.Layout, tl *timeline.Timeline, cmp *compare.View, pick picker, help bool, out []play.Intent) []play.Intent {
	x, y := pos()
	pt := image.Pt(x, y)
	in.pressed, in.down = pt, true
	if help {
		return append(out, play.Intent{Kind: play.CloseOverlay})
	}
	if b, ok := l.Hit(pt); ok {
		if b.Kind == ui.BtnVolume {
			in.volume, in.dragID = true, id
			return append(out, play.Intent{Kind: play.SetVolume, Value: l.VolumeAt(x)})
		}
		return append(out, b.Intent)
	}
	if pt.In(in.claim) {
		return out // the editor's form takes it (game/editor.go)
	}
	if pt.In(in.panel) {
		return out
	}
	if cmp != nil {
		// The compare view: a row's label opens that story at this minute;
		// the chart and the axis (or an embed's slim timeline) move the
		// shared playhead.
		g, end := cmp.Geometry(), cmp.End()
		in.dragKind = play.Seek
		if cmp.InScrub(pt) {
			in.dragging, in.dragID, in.seekAt = true, id, cmp.ScrubMinuteAt
			return append(out, play.Intent{Kind: play.Seek, Value: cmp.ScrubMinuteAt(x)})
		}
		story, open, seek := g.Hit(pt)
		switch {
		case open && in.guess.first:
			// Predict mode: a row's name is the guess of the first to finish.
			return append(out, play.Intent{Kind: play.GuessFirst, Value: float64(story)})
		case open:
			return append(out, play.Intent{Kind: play.Open, Value: float64(story)})
		case seek:
			in.dragging, in.dragID = true, id
			in.seekAt = func(x int) float64 { return g.MinuteAt(x, end) }
			return append(out, play.Intent{Kind: play.Seek, Value: in.seekAt(x)})
		}
		return out
	}
	if !l.Timeline.Empty() && pt.In(l.Timeline) {
		if who, ok := tl.PersonAt(pt); ok {
			return append(out, play.Intent{Kind: play.Select, Value: float64(who)})
		}
		if in.guess.house {
			// Predict mode: the chart moves the guess marker, not the playhead.
			in.dragging, in.dragID, in.seekAt, in.dragKind = true, id, tl.GuessAt, play.SetGuess
			return append(out, play.Intent{Kind: play.SetGuess, Value: tl.GuessAt(x)})
		}
		in.dragging, in.dragID, in.seekAt, in.dragKind = true, id, tl.MinuteAt, play.Seek
		return append(out, play.Intent{Kind: play.Seek, Value: tl.MinuteAt(x)})
	}
	if who, ok := pick(pt); ok && pt.In(l.Scene) && l.UI == play.UIFull {
		return append(out, play.Intent{Kind: play.Select, Value: float64(who)})
	}
	if pt.In(l.Scene) && l.UI != play.UIFull {
		// In embeds the house itself is the play button.
		return append(out, play.Intent{Kind: play.TogglePlay})
	}
	return out
}

// isRepeatKey says which keys repeat while held: stepping through time.
func isRepeatKey(k ebiten.Key) bool { return k == ebiten.KeyArrowLeft || k == ebiten.KeyArrowRight }

// repeating is true every few ticks while a key is held, after a delay.
func repeating(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d > 20 && d%4 == 0
}

// pressedButton reports whether a button is held down now (for feedback).
func (in *input) pressedButton(b ui.Button) bool { return in.down && in.pressed.In(b.R) }

// keyboardFocus moves the focus between buttons with Tab (Shift+Tab back)
// and presses the focused one with Enter: every control works without a
// pointer. The focused button is drawn with a ring.
func (in *input) keyboardFocus(l *ui.Layout, out []play.Intent) []play.Intent {
	n := len(l.Buttons)
	if n == 0 {
		in.focus = 0
		return out
	}
	if inpututil.IsKeyJustPressed(ebiten.KeyTab) {
		step := 1
		if ebiten.IsKeyPressed(ebiten.KeyShift) {
			step = n - 1
		}
		in.focus = (in.focus+step-1+n)%n + 1
		if in.focus == 0 {
			in.focus = 1
		}
	}
	if in.focus > n {
		in.focus = 0
	}
	for i := range l.Buttons {
		l.Buttons[i].Focused = in.focus == i+1
	}
	if in.focus > 0 && (inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter)) {
		if b := l.Buttons[in.focus-1]; b.Kind != ui.BtnVolume {
			out = append(out, b.Intent)
		}
	}
	return out
}
