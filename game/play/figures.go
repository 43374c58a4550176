package play

import (
	"math"
	"strconv"

	"chores/sim"
)

// FigureState is the figures panel as state() reports it: the model's
// figures at the playhead (sim.Result.FiguresAt), rounded once, the way the
// panel prints them. The game computes none of them itself.
type FigureState struct {
	Makespan    float64 `json:"makespan"` // the makespan when final, else the minute so far
	Speedup     float64 `json:"speedup"`  // 0 until final
	Parallelism float64 `json:"parallelism"`
	Overlap     float64 `json:"overlap"`
	Waiting     float64 `json:"waiting"` // minutes
	Final       bool    `json:"final"`
}

// The one rounding of what a person reads: minutes to a tenth (the clock
// too), ratios to hundredths.
func roundMinutes(m float64) float64 { return math.Round(m*10) / 10 }
func roundRatio(x float64) float64   { return math.Round(x*100) / 100 }

// MinutesText is minutes as the clock and the figures write them.
func MinutesText(t sim.Time) string { return minutesText(t) }

// minutesText is minutes as the clock and the panel write them: "75",
// "6.7".
func minutesText(t sim.Time) string {
	return strconv.FormatFloat(roundMinutes(t.Min()), 'f', -1, 64)
}

func ShowFigures(f sim.Figures) FigureState {
	return FigureState{
		Makespan:    roundMinutes(f.Makespan.Min()),
		Speedup:     roundRatio(f.Speedup.Float()),
		Parallelism: roundRatio(f.Parallelism.Float()),
		Overlap:     roundRatio(f.Overlap.Float()),
		Waiting:     roundMinutes(f.Waiting.Min()),
		Final:       f.Final,
	}
}

// FigureTexts are the panel's values as text.
type FigureTexts struct{ Makespan, Speedup, Parallelism, Overlap, Waiting string }

func Texts(f sim.Figures) FigureTexts {
	s := ShowFigures(f)
	t := FigureTexts{
		Makespan:    minutesText(f.Makespan) + " min",
		Speedup:     "…",
		Parallelism: strconv.FormatFloat(s.Parallelism, 'f', 2, 64),
		// The same rounding as state().figures.overlap (hundredths), read
		// as a share of the time.
		Overlap: strconv.FormatFloat(s.Overlap*100, 'f', 0, 64) + "%",
		Waiting: minutesText(f.Waiting) + " min",
	}
	if f.Final {
		t.Speedup = strconv.FormatFloat(s.Speedup, 'f', 2, 64) + "x"
	}
	return t
}
