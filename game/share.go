package game

import "chores/game/play"

// shareLink makes the link to the story at this minute (play.ShareQuery):
// in the browser the page's own address in front, copied to the clipboard
// with a panel to copy it by hand; on the desktop printed to stdout. With
// -save, the desktop also writes the story to its file.
func (g *Game) shareLink() {
	if g.opts.Save != "" {
		g.saveStory()
	}
	if msg := g.platform.shareLink(g.player.ShareQuery()); msg != "" {
		g.say(msg)
	}
}

// linkKey is what the link depends on.
type linkKey struct {
	story   *play.Story
	minute  string
	share   string
	view    string
	predict bool
}

func (g *Game) updateLink() {
	p := g.player
	k := linkKey{p.Stories[p.Index], p.Minute.String(), p.Share, p.View(), p.Predict.On}
	if k == g.linkFor {
		return
	}
	q := p.ShareQuery()
	g.mu.Lock()
	g.link, g.linkFor = q, k
	g.mu.Unlock()
}

// showSnippet shows the iframe line for an embed (snippet.go).
func (g *Game) showSnippet() { g.openSnippet() }
