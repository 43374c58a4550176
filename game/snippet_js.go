//go:build js

package game

import (
	"syscall/js"

	"chores/game/play"
)

// showSnippetLine opens the page's embed panel (loader.js's
// choresHost.embedHelp), which writes the line with the page's own
// address, at this size.
func showSnippetLine(g *Game, w, h int) {
	b, ok := g.platform.(*browser)
	if !ok || !b.call("embedHelp", w, h) {
		g.say("This page has no panel for the embed's line.")
	}
}

// extraAPI is window.chores.showSnippet(): what the snippet button does
// (the page's tests and a host page can open the panel too).
func extraAPI(g *Game) map[string]func([]js.Value) any {
	return map[string]func([]js.Value) any{
		"showSnippet": func([]js.Value) any {
			g.Send(play.Intent{Kind: play.ShowSnippet})
			return map[string]any{"ok": true}
		},
		// lastExport: what making the last GIF cost (for the bench and
		// the tests: the longest pause of the frame loop, the encoding).
		"lastExport": func([]js.Value) any {
			g.mu.Lock()
			r := g.exportSeen
			g.mu.Unlock()
			return map[string]any{"bytes": r.Bytes, "frames": r.Frames, "longestUpdateMs": r.LongestUpdate.Milliseconds(),
				"encodeMs": r.Encode.Milliseconds(), "totalMs": r.Total.Milliseconds()}
		},
	}
}
