package game

import "chores/game/play"

// request carries out what the player asked the game to do itself: a
// link, an embed's line, a picture. Each lives in its own file.
func (g *Game) request(in play.Intent) {
	switch in.Kind {
	case play.ShareLink:
		g.shareLink()
	case play.ShowSnippet:
		g.showSnippet()
	case play.ExportGIF:
		g.exportGIF()
	case play.ExportTimeline:
		g.exportTimeline()
	case play.RunAgain:
		g.real.Again()
	case play.AddProcs:
		if in.Value < 0 {
			g.real.AddProcs(-1)
		} else if in.Value > 0 {
			g.real.AddProcs(1)
		}
	}
}
