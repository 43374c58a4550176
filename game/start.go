package game

import "chores/game/play"

// newOrDefaults builds the game with opts (base plus what the page's link
// asked for). When that fails and fallback is set (in the browser, where
// the options come from a link), it says why in a notice and builds the game
// with base instead: a link never stops the program.
func newOrDefaults(base, opts play.Options, fallback bool) (*Game, error) {
	g, err := New(opts)
	if err == nil || !fallback {
		return g, err
	}
	base.Notices = append(append([]string(nil), opts.Notices...),
		"This link could not be played ("+play.Clip(err.Error(), play.MaxMessage)+"); showing the defaults.")
	return New(base)
}
