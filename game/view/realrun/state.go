package realrun

import "chores/sim"

// State is the panel as state().real reports it. Minutes are virtual
// minutes (the measured ones read off the wall clock and scaled back).
type State struct {
	Running     bool    `json:"running"`
	Runs        int     `json:"runs"`
	GOMAXPROCS  int     `json:"gomaxprocs"` // of the latest run; before one, what the next asks for
	NumCPU      int     `json:"numCPU"`
	Browser     bool    `json:"browser"`
	MsPerMinute float64 `json:"msPerMinute"`
	Model       Figures `json:"model"`
	Measured    Figures `json:"measured"`
	Why         string  `json:"why"`
	Error       string  `json:"error"`
}

// Figures are one side of the panel: when everything was done, and when the
// last room was.
type Figures struct {
	Makespan     float64 `json:"makespan"`
	CleaningDone float64 `json:"cleaningDone"`
}

// State is what the panel shows now.
func (r *Runner) State() *State {
	s := &State{Running: r.Running(), Runs: r.runs, GOMAXPROCS: r.Procs(), Browser: r.Browser, Error: r.lastErr}
	if r.story != nil {
		s.Model = figures(r.story.Result)
	}
	if res := r.last; res != nil {
		s.GOMAXPROCS, s.NumCPU, s.MsPerMinute = res.GOMAXPROCS, res.NumCPU, res.MsPerMinute
		s.Model, s.Measured = figures(res.Model), figures(res.Measured)
		s.Why = r.why
	}
	return s
}

func figures(r *sim.Result) Figures {
	return Figures{Makespan: r.Makespan.Min(), CleaningDone: r.CleaningDone().Min()}
}
