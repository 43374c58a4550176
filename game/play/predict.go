package play

import (
	"fmt"

	"chores/sim"
)

// Predict, then run: in predict mode the learner guesses, before the story
// plays, when it will be done (a marker dragged on the timeline) and, in the
// compare view, which story finishes first (a row's name clicked). The
// views hide what lies beyond the playhead until the answer is revealed; the
// model's makespans and ranks decide the answer, the game only shows it.

// Predict is predict mode's state: two rounds, one for the story in the
// house (when is it done?) and one for the compare view (which is first?).
type Predict struct {
	On bool
	// The house's round.
	Guess    sim.Time // the guessed makespan, in whole minutes
	HasGuess bool
	Revealed bool
	started  bool   // it has played since the round began: the guess is locked
	story    *Story // the round's story: another story is a new round
	// The compare view's round.
	First         int // the story guessed to finish first (into Player.Stories), or -1
	FirstRevealed bool
	firstStarted  bool
	firstOf       []*Story // the stories the round compares
}

// maxGuess bounds a guess whatever the axis: a day of chores.
const maxGuess = 24 * 60

// resetHouse starts the house's round again on the story playing.
func (p *Player) resetHouse() {
	pr := &p.Predict
	pr.Guess, pr.HasGuess, pr.Revealed, pr.started, pr.story = sim.Time{}, false, false, false, p.Story()
}

// resetFirst starts the compare view's round again.
func (p *Player) resetFirst() {
	pr := &p.Predict
	pr.First, pr.FirstRevealed, pr.firstStarted, pr.firstOf = -1, false, false, p.Compared()
}

// CanGuess reports whether the guess marker can be moved now: in predict
// mode, in the house, before the story has played.
func (p *Player) CanGuess() bool {
	pr := &p.Predict
	return pr.On && !p.InCompare() && !pr.Revealed && !pr.started
}

// CanPickFirst reports whether a click on a row's name of the compare view
// is a guess (rather than opening the story).
func (p *Player) CanPickFirst() bool {
	pr := &p.Predict
	return pr.On && p.InCompare() && !pr.FirstRevealed && !pr.firstStarted
}

// Hiding reports whether the views must hide what lies beyond the playhead:
// the answer is not revealed yet.
func (p *Player) Hiding() bool {
	pr := &p.Predict
	if !pr.On {
		return false
	}
	if p.InCompare() {
		return !pr.FirstRevealed
	}
	return !pr.Revealed
}

// applyPredict carries out TogglePredict, SetGuess and GuessFirst.
func (p *Player) applyPredict(in Intent) {
	pr := &p.Predict
	switch in.Kind {
	case TogglePredict:
		pr.On = !pr.On
		if pr.On {
			// A guess is made before the story plays: from the start.
			p.resetHouse()
			p.resetFirst()
			p.Minute, p.Playing = sim.Time{}, false
		}
	case SetGuess:
		switch {
		case !pr.On:
			p.say("Turn predict mode on (the predict button) to make a guess.")
		case pr.Revealed:
			p.say("This round is over: press R to guess again.")
		case pr.started:
			p.say("The story has started: your guess stays at %s min (R starts a new round).", minutesText(pr.Guess))
		default:
			m, ok := sim.Approx(in.Value)
			if !ok {
				p.say("guess: %v is not a minute", in.Value)
				return
			}
			// A guess is a whole number of minutes, at least one.
			whole := int64(m.Min() + 0.5)
			pr.Guess, pr.HasGuess = sim.Whole(max(1, min(whole, maxGuess))), true
		}
	case GuessFirst:
		i := int(in.Value)
		switch {
		case !pr.On:
			p.say("Turn predict mode on (the predict button) to pick a story.")
		case float64(i) != in.Value || i < 0 || i >= len(p.Stories):
			p.say("there is no story number %v", in.Value)
		case pr.FirstRevealed:
			p.say("This round is over: press R to pick again.")
		case pr.firstStarted:
			p.say("The stories have started: your pick stays %s (R starts a new round).", p.Stories[pr.First].Title)
		default:
			pr.First = i
		}
	}
}

// restartPredict is R in predict mode once a round is over: a new round,
// from the start and paused, so that the learner guesses again. It reports
// whether it did (otherwise R restarts as usual).
func (p *Player) restartPredict() bool {
	pr := &p.Predict
	if !pr.On {
		return false
	}
	if p.InCompare() && pr.FirstRevealed {
		p.resetFirst()
	} else if !p.InCompare() && pr.Revealed {
		p.resetHouse()
	} else {
		return false
	}
	p.Minute, p.Playing = sim.Time{}, false
	return true
}

// afterPredict follows the playhead after every change: a new story starts
// a new round, playing locks the guess, and the end (or, in the compare
// view, the first story finishing) reveals the answer.
func (p *Player) afterPredict() {
	pr := &p.Predict
	if !pr.On {
		return
	}
	if pr.story != p.Story() {
		p.resetHouse()
	}
	if !sameStories(pr.firstOf, p.Compared()) {
		p.resetFirst()
	}
	if p.InCompare() {
		pr.firstStarted = pr.firstStarted || p.Playing
		if !pr.FirstRevealed && !p.Minute.Less(p.firstFinish()) {
			pr.FirstRevealed = true
			p.say("%s", p.FirstLine())
		}
		return
	}
	pr.started = pr.started || p.Playing
	if !pr.Revealed && p.Done() {
		pr.Revealed = true
		p.say("%s", p.PredictLine())
	}
}

func sameStories(a, b []*Story) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// firstFinish is when the first of the compared stories is done.
func (p *Player) firstFinish() sim.Time {
	var t sim.Time
	for i, st := range p.Compared() {
		if i == 0 || st.Result.Makespan.Less(t) {
			t = st.Result.Makespan
		}
	}
	return t
}

// Off is how far the guess was from the model's makespan, once revealed.
func (p *Player) Off() (sim.Time, bool) {
	pr := &p.Predict
	if !pr.Revealed || !pr.HasGuess {
		return sim.Time{}, false
	}
	d := pr.Guess.Sub(p.Story().Result.Makespan)
	if d.Sign() < 0 {
		d = sim.Time{}.Sub(d)
	}
	return d, true
}

// PredictLine is the line that tells the learner what to do in the house's
// round, or how close the guess was ("" outside predict mode).
func (p *Player) PredictLine() string {
	pr := &p.Predict
	if !pr.On {
		return ""
	}
	took := p.Story().Result.Makespan
	switch {
	case pr.Revealed && pr.HasGuess:
		off, _ := p.Off()
		if off.IsZero() {
			return fmt.Sprintf("You guessed %s min; it took %s: spot on!", minutesText(pr.Guess), minutesText(took))
		}
		unit := "minutes"
		if off == sim.Whole(1) {
			unit = "minute"
		}
		return fmt.Sprintf("You guessed %s min; it took %s: %s %s off.", minutesText(pr.Guess), minutesText(took), minutesText(off), unit)
	case pr.Revealed:
		return fmt.Sprintf("It took %s min. Press R and drag the marker to guess first.", minutesText(took))
	case pr.HasGuess && pr.started:
		return fmt.Sprintf("Your guess: %s min. Watch…", minutesText(pr.Guess))
	case pr.HasGuess:
		return fmt.Sprintf("Your guess: %s min. Press play to see.", minutesText(pr.Guess))
	case pr.started:
		return "No guess this time: watch, then press R to guess."
	}
	return "Predict: drag the marker on the timeline to when all is done, then press play."
}

// FirstLine is the compare view's line: what to do, or whether the story
// picked finished first (the model's ranks decide).
func (p *Player) FirstLine() string {
	pr := &p.Predict
	if !pr.On {
		return ""
	}
	stories := p.Compared()
	if !pr.FirstRevealed {
		switch {
		case pr.First >= 0 && pr.firstStarted:
			return fmt.Sprintf("Your pick: %s. Watch…", stories[pr.First].Title)
		case pr.First >= 0:
			return fmt.Sprintf("Your pick: %s. Press play to see.", stories[pr.First].Title)
		case pr.firstStarted:
			return "No pick this time: watch, then press R to pick."
		}
		return "Predict: click the name of the story you think finishes first, then press play."
	}
	ranks := p.finalRanks()
	var winners []string
	for i, r := range ranks {
		if r == 1 {
			winners = append(winners, stories[i].Title)
		}
	}
	first := winners[0]
	if len(winners) > 1 {
		first = fmt.Sprintf("%s (and %d more)", first, len(winners)-1)
	}
	at := minutesText(p.firstFinish())
	switch {
	case pr.First < 0:
		return fmt.Sprintf("%s finished first, after %s min. Press R to pick one next time.", first, at)
	case ranks[pr.First] == 1:
		return fmt.Sprintf("You picked %s: right, it finished first (%s min).", stories[pr.First].Title, at)
	}
	return fmt.Sprintf("You picked %s; %s finished first (%s min). Yours came %s, after %s.", stories[pr.First].Title, first, at,
		place(ranks[pr.First]), minutesText(stories[pr.First].Result.Makespan))
}

// FirstRight reports whether the story picked finished first (once revealed).
func (p *Player) FirstRight() bool {
	pr := &p.Predict
	if !pr.FirstRevealed || pr.First < 0 {
		return false
	}
	return p.finalRanks()[pr.First] == 1
}

// finalRanks are the compared stories' places once all are done (sim.Ranks).
func (p *Player) finalRanks() []int {
	stories := p.Compared()
	results := make([]*sim.Result, len(stories))
	last := sim.Time{}
	for i, st := range stories {
		results[i] = st.Result
		last = sim.Later(last, st.Result.Makespan)
	}
	return sim.Ranks(results, last)
}

// place is a finishing place in words: "2nd".
func place(rank int) string {
	suffix := "th"
	switch {
	case rank%100 >= 11 && rank%100 <= 13:
	case rank%10 == 1:
		suffix = "st"
	case rank%10 == 2:
		suffix = "nd"
	case rank%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", rank, suffix)
}

// predictSpan is the timeline's span while the answer is hidden: a story of
// one's own longer than the presets would end its axis at its makespan,
// giving the answer away, so its axis runs on to a round figure past it.
func (p *Player) predictSpan(span sim.Time) sim.Time {
	if !p.Hiding() || p.InCompare() {
		return span
	}
	if p.Index >= sim.NumPresets && p.Story().Result.Makespan.Cmp(span) == 0 {
		m := int64(span.Min()*5/4/30+1) * 30
		return sim.Whole(m)
	}
	return span
}
