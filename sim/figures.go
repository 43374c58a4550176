package sim

import (
	"math/big"
	"strconv"
)

// Ratio is an exact quotient of two times, such as minutes of cleaning per
// minute. A ratio over zero (a figure at minute 0) is 0.
type Ratio struct{ Num, Den Time }

// Rat is the ratio as a big.Rat.
func (q Ratio) Rat() *big.Rat {
	if q.Den.IsZero() {
		return new(big.Rat)
	}
	return new(big.Rat).Quo(q.Num.Rat(), q.Den.Rat())
}

// Float is the float64 nearest to the ratio.
func (q Ratio) Float() float64 {
	if q.Den.IsZero() {
		return 0
	}
	if q.Num.Den() == 1 && q.Den.Den() == 1 && q.Num.Num() < 1<<53 && q.Num.Num() > -1<<53 && q.Den.Num() < 1<<53 && q.Den.Num() > -1<<53 {
		return float64(q.Num.Num()) / float64(q.Den.Num()) // correctly rounded
	}
	f, _ := q.Rat().Float64()
	return f
}

// Exact is the ratio as a fraction in lowest terms ("71/61").
func (q Ratio) Exact() string { return q.Rat().RatString() }

// String is the ratio rounded to at most three decimals.
func (q Ratio) String() string { return Round3(q.Float()) }

// MarshalJSON writes the nearest float64, in full.
func (q Ratio) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, q.Float(), 'g', -1, 64), nil
}

// Figures are the numbers of a story as far as a minute: what the figures
// panel shows while a story plays, and, at the makespan, its result.
type Figures struct {
	Minute Time `json:"minute"`
	// Final is true from the makespan on: the figures are the story's.
	Final bool `json:"final"`
	// Makespan is the story's makespan when Final, else the minute so far.
	Makespan Time `json:"makespan"`
	// Speedup is known only at the end: the first person doing everything
	// alone, in a row, over the makespan. Zero before.
	Speedup Ratio `json:"speedup"`
	// Parallelism is the minutes of cleaning so far, summed over people,
	// per minute so far.
	Parallelism Ratio `json:"parallelism"`
	// Overlap is the share of the minutes so far in which someone was
	// cleaning and listening at once (a minute counts once, however many
	// did).
	Overlap Ratio `json:"overlap"`
	// Waiting is the minutes so far people spent ready but blocked.
	Waiting Time `json:"waiting"`
}

// FiguresAt are the figures over [0, t], t clamped to [0, makespan]. At the
// makespan they are the result's own figures.
func (r *Result) FiguresAt(t Time) Figures {
	t = Clamp(t, Time{}, r.Makespan)
	f := Figures{Minute: t, Final: !t.Less(r.Makespan), Makespan: t}
	upTo := func(a, b Time) Time { // the length of [a, b) ∩ [0, t)
		if b = Earlier(b, t); a.Less(b) {
			return b.Sub(a)
		}
		return Time{}
	}
	var cleaning Time
	var both []interval // when someone cleans and listens at once
	for i, spans := range r.byPerson {
		for _, h := range spans {
			hands := &r.Spans[h]
			if hands.Lane != LaneHands {
				continue
			}
			cleaning = cleaning.Add(upTo(hands.Start, hands.End))
			for _, e := range spans {
				ears := &r.Spans[e]
				if ears.Lane != LaneEars {
					continue
				}
				if a, b := Later(hands.Start, ears.Start), Earlier(Earlier(hands.End, ears.End), t); a.Less(b) {
					both = append(both, interval{a, b})
				}
			}
		}
		if w := r.waitOf[i]; w >= 0 {
			f.Waiting = f.Waiting.Add(upTo(r.Waits[w].Start, r.Waits[w].End))
		}
	}
	f.Parallelism, f.Overlap = Ratio{cleaning, t}, Ratio{measure(both), t}
	if f.Final {
		f.Makespan = r.Makespan
		f.Speedup = Ratio{r.alone, r.Makespan}
	}
	return f
}

// Alternative is the same scenario with the other way of sharing a phone:
// taking turns instead of listening together, or the other way round. It
// exists when two or more listeners hear the podcast through one phone (the
// home theatre always plays to everyone at once, so it has none).
func Alternative(s Scenario) (Scenario, bool) {
	if s.HomeTheatre {
		return Scenario{}, false
	}
	shared := false
	for i := range s.People {
		n := 0
		for _, l := range s.Podcast.Listeners {
			if j := s.PersonIndex(l); j >= 0 && s.phoneFor(j) == i {
				n++
			}
		}
		shared = shared || n >= 2
	}
	if !shared {
		return Scenario{}, false
	}
	alt := s.Clone()
	if alt.Share == ShareTurns {
		alt.Share = ShareTogether
	} else {
		alt.Share = ShareTurns
	}
	return alt, true
}

// Ranks are the finishing places of several stories run on one clock, as
// far as minute t: 1 for the first to finish, stories finishing at the same
// instant sharing a place, and 0 for a story not finished by t.
func Ranks(results []*Result, t Time) []int {
	ranks := make([]int, len(results))
	for i, r := range results {
		if t.Less(r.Makespan) {
			continue
		}
		ranks[i] = 1
		for _, o := range results {
			if o.Makespan.Less(r.Makespan) {
				ranks[i]++
			}
		}
	}
	return ranks
}
