package game

// exportGIF records a GIF of the story (being built).
func (g *Game) exportGIF() { g.say("GIF export is on its way.") }

// exportTimeline writes a picture of the timeline (being built).
func (g *Game) exportTimeline() { g.say("The timeline's picture is on its way.") }
