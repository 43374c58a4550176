package game

import (
	"chores/game/play"
	"chores/game/view/timeline"
)

// predictMarks is what predict mode puts on the house's timeline.
func predictMarks(p *play.Player) timeline.Predict {
	pr := &p.Predict
	if !pr.On {
		return timeline.Predict{}
	}
	return timeline.Predict{Hide: p.Hiding(), Guess: pr.Guess, HasGuess: pr.HasGuess, Line: p.PredictLine()}
}

// PredictState is predict mode as state().predict reports it.
type PredictState struct {
	On       bool     `json:"on"`
	Guess    *float64 `json:"guess"`    // the guessed minutes, null before a guess
	Revealed bool     `json:"revealed"` // the house's round is over
	Off      *float64 `json:"off"`      // |guess - makespan| once revealed, null before
	First    string   `json:"first"`    // the story picked to finish first (its name), or ""
	// FirstRevealed: the compare view's round is over; Right: the pick
	// finished first (sim.Ranks).
	FirstRevealed bool   `json:"firstRevealed"`
	Right         bool   `json:"right"`
	Line          string `json:"line"` // what the view says: what to do, or the answer
}

func predictState(p *play.Player) PredictState {
	pr := &p.Predict
	s := PredictState{On: pr.On, Revealed: pr.Revealed, FirstRevealed: pr.FirstRevealed, Right: p.FirstRight()}
	if !pr.On {
		return s
	}
	if pr.HasGuess {
		m := pr.Guess.Min()
		s.Guess = &m
	}
	if off, ok := p.Off(); ok {
		m := off.Min()
		s.Off = &m
	}
	if pr.First >= 0 && pr.First < len(p.Stories) {
		s.First = p.Stories[pr.First].Name
	}
	s.Line = p.PredictLine()
	if p.InCompare() {
		s.Line = p.FirstLine()
	}
	return s
}
