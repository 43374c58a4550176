package game

import (
	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/play"
	"chores/sim"
)

// command carries out window.chores.<name>(args...) and returns the answer
// for the caller: {ok: true}, or {ok: false, error}. It never blocks: what it
// decides goes to Update as an intent. A scenario is parsed here, so the
// caller learns at once whether it is valid; building its story (the
// simulation) waits for Update, which builds only the last of a burst.
func (g *Game) command(name string, args []play.JSArg) map[string]any {
	c, err := play.DecodeCall(name, args)
	if err == nil && c.Kind == play.Load {
		var s sim.Scenario
		if s, err = play.LoadScenario(c.Text); err == nil {
			g.Send(play.Intent{Kind: play.Load, Scenario: &s})
			return map[string]any{"ok": true}
		}
	}
	if err != nil {
		return g.refuse(err.Error())
	}
	g.Send(play.Intent{Kind: c.Kind, Value: c.Value, Text: c.Text})
	return map[string]any{"ok": true}
}

// refuse records why a call was refused: state().error, and a notice (merged
// with the others of the same frame). It returns the caller's answer.
func (g *Game) refuse(msg string) map[string]any {
	msg = play.Clip(msg, play.MaxMessage)
	g.mu.Lock()
	g.lastError = msg
	g.mu.Unlock()
	g.notes.add(msg)
	//lint:ignore SA1019 deprecated since v2.5, still the way to draw only on demand: a paused page costs 12% of a core with it, 183% without (rest.go)
	ebiten.ScheduleFrame() // a resting game shows the notice and state().error
	return map[string]any{"ok": false, "error": msg}
}
