//go:build js

package game

// shareQuery is the link's query for window.chores.shareURL(), which
// answers outside the frame loop: publishState keeps it, rebuilt only when
// what it says changed.
func (g *Game) shareQuery() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.link
}
