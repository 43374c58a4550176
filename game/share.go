package game

// shareLink makes the link to the story at this minute (being built).
func (g *Game) shareLink() { g.say("Sharing a link is on its way.") }

// showSnippet shows the iframe line for an embed (snippet.go).
func (g *Game) showSnippet() { g.openSnippet() }
