package play

import (
	"math"
	"strings"
	"testing"

	"chores/sim"
)

// playToEnd ticks until the playhead stops (at most a simulated hour).
func playToEnd(t *testing.T, p *Player) {
	t.Helper()
	p.Apply(Intent{Kind: Play})
	for i := 0; p.Playing; i++ {
		if i > 3600*TicksPerSecond {
			t.Fatal("the story never ended")
		}
		p.Tick()
	}
}

// The house's round: guess (clamped to whole minutes), play, and the end
// says how close the guess was, from the model's makespan.
func TestPredictHouse(t *testing.T) {
	p := newTestPlayer(t, "parallelism-1")
	p.Apply(Intent{Kind: Seek, Value: 30})
	p.Apply(Intent{Kind: Play})
	p.Apply(Intent{Kind: TogglePredict})
	if !p.Predict.On || p.Playing || !p.Minute.IsZero() || !p.Hiding() || !p.CanGuess() {
		t.Fatalf("predict on: %+v, playing %v at %v", p.Predict, p.Playing, p.Minute)
	}
	if l := p.PredictLine(); !strings.Contains(l, "drag the marker") {
		t.Errorf("the first line %q", l)
	}
	for _, c := range []struct {
		in   float64
		want int64
	}{{60.4, 60}, {-5, 1}, {0.2, 1}, {1e9, maxGuess}, {59.5, 60}} {
		p.Apply(Intent{Kind: SetGuess, Value: c.in})
		if p.Predict.Guess != sim.Whole(c.want) || !p.Predict.HasGuess {
			t.Errorf("guess %v: %v, want %d", c.in, p.Predict.Guess, c.want)
		}
	}
	p.Apply(Intent{Kind: SetGuess, Value: math.NaN()})
	if len(p.Messages) != 1 || p.Predict.Guess != sim.Whole(60) {
		t.Errorf("a NaN guess: %v, guess %v", p.Messages, p.Predict.Guess)
	}
	p.Messages = nil
	if l := p.PredictLine(); l != "Your guess: 60 min. Press play to see." {
		t.Errorf("with a guess: %q", l)
	}
	p.Apply(Intent{Kind: Play})
	p.Tick()
	p.Apply(Intent{Kind: SetGuess, Value: 75})
	if p.Predict.Guess != sim.Whole(60) || len(p.Messages) != 1 || !strings.Contains(p.Messages[0], "stays at 60") {
		t.Errorf("a guess once it runs: %v %v", p.Predict.Guess, p.Messages)
	}
	p.Messages = nil
	if !p.Hiding() || p.Predict.Revealed {
		t.Error("revealed before the end")
	}
	playToEnd(t, p)
	want := "You guessed 60 min; it took 75: 15 minutes off."
	if off, ok := p.Off(); !p.Predict.Revealed || !ok || off != sim.Whole(15) || p.Hiding() {
		t.Fatalf("at the end: %+v, off %v", p.Predict, off)
	}
	if p.PredictLine() != want || len(p.Messages) != 1 || p.Messages[0] != want {
		t.Errorf("the reveal says %q (messages %v), want %q", p.PredictLine(), p.Messages, want)
	}
	// R: a new round, paused at the start; the line asks again.
	p.Apply(Intent{Kind: Restart})
	if p.Predict.Revealed || p.Predict.HasGuess || p.Playing || !p.Minute.IsZero() {
		t.Errorf("R after the reveal: %+v, playing %v at %v", p.Predict, p.Playing, p.Minute)
	}
	// Spot on, and one minute off.
	p.Apply(Intent{Kind: SetGuess, Value: 75})
	playToEnd(t, p)
	if l := p.PredictLine(); !strings.HasSuffix(l, "spot on!") {
		t.Errorf("a right guess: %q", l)
	}
	p.Apply(Intent{Kind: Restart})
	p.Apply(Intent{Kind: SetGuess, Value: 76})
	p.Apply(Intent{Kind: Seek, Value: 1000}) // seeking to the end reveals it too
	if l := p.PredictLine(); !strings.HasSuffix(l, ": 1 minute off.") {
		t.Errorf("one off: %q", l)
	}
}

// Another story is another round; without a guess the end still says how
// long it took; predict off shows everything.
func TestPredictRounds(t *testing.T) {
	p := newTestPlayer(t, "sequential")
	p.Apply(Intent{Kind: TogglePredict})
	p.Apply(Intent{Kind: SetGuess, Value: 50})
	p.Apply(Intent{Kind: Pick, Value: 1})
	if p.Predict.HasGuess || p.Predict.Revealed {
		t.Errorf("a new story keeps the old round: %+v", p.Predict)
	}
	p.Playing = false
	p.Minute = sim.Time{}
	playToEnd(t, p)
	if l := p.PredictLine(); l != "It took 60 min. Press R and drag the marker to guess first." || !p.Predict.Revealed {
		t.Errorf("no guess: %q", l)
	}
	if _, ok := p.Off(); ok {
		t.Error("off without a guess")
	}
	p.Apply(Intent{Kind: TogglePredict})
	if p.Predict.On || p.Hiding() || p.PredictLine() != "" {
		t.Errorf("predict off: %+v %q", p.Predict, p.PredictLine())
	}
	p.Apply(Intent{Kind: SetGuess, Value: 3})
	if !strings.Contains(p.Messages[len(p.Messages)-1], "predict mode on") {
		t.Errorf("a guess outside predict mode: %v", p.Messages)
	}
}

// The compare view's round: pick a story, play, and the first to finish
// (the model's ranks) says whether the pick was right.
func TestPredictFirst(t *testing.T) {
	p := newTestPlayer(t, "sequential")
	p.Apply(Intent{Kind: SetView, Text: ViewCompare})
	p.Apply(Intent{Kind: TogglePredict})
	if !p.CanPickFirst() || p.CanGuess() || !p.Hiding() || p.Predict.First != -1 {
		t.Fatalf("compare predict: %+v", p.Predict)
	}
	if l := p.FirstLine(); !strings.Contains(l, "finishes first") {
		t.Errorf("the compare line %q", l)
	}
	p.Apply(Intent{Kind: GuessFirst, Value: 9})
	p.Apply(Intent{Kind: GuessFirst, Value: 0})
	if p.Predict.First != 0 || len(p.Messages) != 1 {
		t.Errorf("picks: %+v %v", p.Predict, p.Messages)
	}
	p.Messages = nil
	// The first to finish: the shortest makespan of the six.
	first, at := 0, p.Stories[0].Result.Makespan
	for i, st := range p.Stories {
		if st.Result.Makespan.Less(at) {
			first, at = i, st.Result.Makespan
		}
	}
	p.Apply(Intent{Kind: Play})
	for p.Minute.Less(at) {
		if p.Predict.FirstRevealed {
			t.Fatalf("revealed at %v, before the first finished at %v", p.Minute, at)
		}
		p.Tick()
	}
	if !p.Predict.FirstRevealed || p.FirstRight() || p.Hiding() {
		t.Fatalf("after the first finished: %+v right %v", p.Predict, p.FirstRight())
	}
	want := "You picked One thing after another; " + p.Stories[first].Title + " finished first (" + MinutesText(at) + " min). Yours came 6th, after 105."
	if p.FirstLine() != want || len(p.Messages) != 1 {
		t.Errorf("the reveal %q (messages %v), want %q", p.FirstLine(), p.Messages, want)
	}
	p.Apply(Intent{Kind: Restart})
	p.Apply(Intent{Kind: GuessFirst, Value: float64(first)})
	p.Apply(Intent{Kind: Seek, Value: 200})
	if !p.FirstRight() || !strings.Contains(p.FirstLine(), "right, it finished first") {
		t.Errorf("a right pick: %q", p.FirstLine())
	}
}

// While hidden, a story of one's own longer than the presets does not end
// its axis at its makespan.
func TestPredictSpan(t *testing.T) {
	p := newTestPlayer(t, "sequential")
	s := sim.Presets()[0].Scenario
	s.Name, s.People[0].Speed = "slow", 0.5
	p.Apply(Intent{Kind: Load, Scenario: &s})
	mk := p.Story().Result.Makespan
	if p.AxisSpan() != mk {
		t.Fatalf("span %v, makespan %v", p.AxisSpan(), mk)
	}
	p.Apply(Intent{Kind: TogglePredict})
	if span := p.AxisSpan(); !mk.Less(span) || int(span.Min())%30 != 0 {
		t.Errorf("hidden: span %v for a makespan of %v", span, mk)
	}
	p.Apply(Intent{Kind: Seek, Value: 1e6})
	if p.AxisSpan() != mk {
		t.Errorf("revealed: span %v", p.AxisSpan())
	}
}

func TestPredictParam(t *testing.T) {
	base := Options{Scenario: sim.Presets()[0].Scenario, Speed: 1}
	if o, notes := OptionsFromQuery("?predict=1&scenario=concurrency-1", base); !o.Predict || len(notes) != 0 {
		t.Errorf("predict=1: %+v %v", o, notes)
	}
	if o, notes := OptionsFromQuery("?predict=maybe", base); o.Predict || len(notes) != 1 || !strings.Contains(notes[0], "predict") {
		t.Errorf("predict=maybe: %+v %v", o, notes)
	}
}
