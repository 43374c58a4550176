package game

import (
	"fmt"
	"html"
	"net/url"
	"strconv"

	"chores/game/play"
	"chores/sim"
)

// The embed's line: an iframe for the story, view and minute on screen, at
// the size on screen (within what a blog's column holds). In the browser
// the page's own panel shows it (loader.js's embed-help, with its copy
// button: the page knows its address); on the desktop it goes to stdout.

// snippetSize is the iframe's size in CSS pixels for a screen of w×h CSS
// pixels: as shown, but no wider than a wide column (960) and no smaller
// than the small embed's 320×200, keeping the screen's shape.
func snippetSize(w, h float64) (int, int) {
	if w <= 0 || h <= 0 {
		return 480, 300
	}
	if w > 960 {
		w, h = 960, h*960/w
	}
	return max(320, int(w+0.5)), max(200, int(h+0.5))
}

// snippetUI is the interface the iframe asks for: the full one when there
// is room for it, the small embed's otherwise.
func snippetUI(w, h int) string {
	if w >= 640 && h >= 400 {
		return play.UIFull
	}
	return play.UIMinimal
}

// EmbedLine is the iframe line for st at minute m in view, w×h CSS pixels,
// on a site whose Chores page is at base.
func EmbedLine(base string, st *play.Story, view string, m sim.Time, w, h int) string {
	q := url.Values{}
	if _, ok := sim.IsPreset(st.Scenario); ok {
		q.Set("scenario", st.Scenario.Name)
	} else {
		q.Set("config", play.EncodeConfig(st.Scenario))
	}
	q.Set("ui", snippetUI(w, h))
	if view != "" && view != play.ViewHouse {
		q.Set("view", view)
	}
	if whole := int(m.Min()); whole > 0 {
		q.Set("t", strconv.Itoa(whole))
	}
	return fmt.Sprintf(`<iframe src="%s" width="%d" height="%d" loading="lazy" allow="autoplay" title="Chores: %s" style="border:0"></iframe>`,
		html.EscapeString(base+"?"+q.Encode()), w, h, html.EscapeString(play.Clip(st.Title, 80)))
}

// openSnippet shows the line for what is on screen.
func (g *Game) openSnippet() {
	u := g.u
	if u <= 0 {
		u = 1
	}
	w, h := snippetSize(float64(g.w)/u, float64(g.h)/u)
	showSnippetLine(g, w, h)
}
