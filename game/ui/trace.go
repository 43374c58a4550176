package ui

import (
	"image"
	"unicode/utf8"
)

// Item is something the last frame drew that a person reads or presses: a
// text, a button, a tab or a panel, with where it is. The page reads the
// list (state().layout) and the tests check it: nothing overlaps, nothing
// is cut, text is big enough.
type Item struct {
	Kind  string // "text", "button", "tab", "panel"
	Label string
	R     image.Rectangle // device pixels
	Px    int             // for text: the glyph height, device pixels
}

// maxItems bounds the list: a frame of the largest house draws a few
// hundred labels and lines.
const maxItems = 600

var trace struct {
	on     bool
	target Surface
	items  []Item
}

// BeginTrace starts recording what is drawn on target (the frame's screen;
// drawing into an offscreen image is not recorded).
func BeginTrace(target Surface) {
	trace.on, trace.target, trace.items = true, target, trace.items[:0]
}

// EndTrace stops recording and returns the items, valid until the next
// BeginTrace.
func EndTrace() []Item {
	trace.on, trace.target = false, nil
	return trace.items
}

// Note records an item drawn on the frame.
func Note(kind, label string, r image.Rectangle, px int) {
	if !trace.on || len(trace.items) >= maxItems || r.Empty() {
		return
	}
	if utf8.RuneCountInString(label) > 40 {
		label = string([]rune(label)[:40]) + "…"
	}
	trace.items = append(trace.items, Item{Kind: kind, Label: label, R: r, Px: px})
}

func noteText(dst Surface, s string, f *Face, x, y float64) {
	if !trace.on || dst != trace.target || s == "" {
		return
	}
	Note("text", s, image.Rect(int(x), int(y), int(x+f.Advance(s)), int(y)+f.Height()), f.Height())
}
