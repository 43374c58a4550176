package sim

import (
	"cmp"
	"encoding/json"
	"math"
	"slices"
)

// Lanes of the timeline: what a person's hands and ears are busy with.
const (
	LaneHands = "hands"
	LaneEars  = "ears"
)

// Span is one bar of the timeline: who did what, with which lane, when.
type Span struct {
	Who    string `json:"who"`
	Lane   string `json:"lane"`
	What   string `json:"what"`             // a room's name, or "podcast"
	Device string `json:"device,omitempty"` // what the podcast played on
	Start  Time   `json:"start"`
	End    Time   `json:"end"`

	Person int `json:"-"`
	Room   int `json:"-"` // -1 for listening
	Dev    int `json:"-"` // -1 for cleaning
}

// WaitSpan is time a person spent ready but blocked on a device: a phone in
// use or being handed over, or a shared stream that has not started yet.
type WaitSpan struct {
	Who    string `json:"who"`
	For    string `json:"for"`
	Start  Time   `json:"start"`
	End    Time   `json:"end"`
	Person int    `json:"-"`
	Dev    int    `json:"-"`
}

// PersonFigures are one person's minutes, summing to the makespan together
// with any time spent cleaning and listening at once.
type PersonFigures struct {
	Name      string `json:"name"`
	Cleaning  Time   `json:"cleaning"`
	Listening Time   `json:"listening"`
	Waiting   Time   `json:"waiting"`
	Idle      Time   `json:"idle"`
}

// DeviceFigures say how long a device played and for whom.
type DeviceFigures struct {
	Name      string   `json:"name"`
	Owner     string   `json:"owner,omitempty"` // empty for the home theatre
	Share     string   `json:"share"`
	Busy      Time     `json:"busy"`
	Listeners []string `json:"listeners"`
}

// Result is everything a run of a scenario produced.
type Result struct {
	Scenario    string          `json:"scenario"`
	Makespan    Time            `json:"makespan"`
	Speedup     float64         `json:"speedup"`
	Parallelism float64         `json:"parallelism"`
	Overlap     float64         `json:"overlap"`
	Waiting     Time            `json:"waiting"`
	People      []PersonFigures `json:"people"`
	Devices     []DeviceFigures `json:"devices"`
	Spans       []Span          `json:"spans"`
	Waits       []WaitSpan      `json:"waits"`

	Episode  Time `json:"episode"`
	Handoff  Time `json:"handoff"`
	roomWork []Time
	byPerson [][]int // indexes into Spans, per person, in time order
	waitOf   []int   // index into Waits per person, or -1
	turns    [][]int // per device: its listening spans in time order
}

// JSON is the result as indented JSON. The same scenario gives the same bytes
// on every platform.
func (r *Result) JSON() []byte {
	out, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		panic(err) // plain data; cannot fail
	}
	return out
}

// recorder collects spans while processes run.
type recorder struct {
	s     *Scenario
	spans []Span
	waits []WaitSpan
}

func newRecorder(s *Scenario) *recorder { return &recorder{s: s} }

func (r *recorder) cleaned(who, room int, start, end Time) {
	r.spans = append(r.spans, Span{Who: r.s.People[who].Name, Lane: LaneHands, What: r.s.Rooms[room].Name,
		Start: start, End: end, Person: who, Room: room, Dev: -1})
}

func (r *recorder) listened(who, dev int, start, end Time) {
	r.spans = append(r.spans, Span{Who: r.s.People[who].Name, Lane: LaneEars, What: "podcast",
		Start: start, End: end, Person: who, Room: -1, Dev: dev})
}

func (r *recorder) waited(who, dev int, start, end Time) {
	r.waits = append(r.waits, WaitSpan{Who: r.s.People[who].Name, Start: start, End: end, Person: who, Dev: dev})
}

// result computes the figures of DESIGN.md from the recorded spans.
func (r *recorder) result(s *Scenario, devices []*device) *Result {
	res := &Result{
		Scenario: s.Name,
		Spans:    r.spans,
		Waits:    r.waits,
		Episode:  Minutes(s.Podcast.Minutes),
		Handoff:  Minutes(s.HandoffMinutes),
	}
	if res.Waits == nil {
		res.Waits = []WaitSpan{}
	}
	// Spans are recorded when they end; show them in the order they start.
	slices.SortStableFunc(res.Spans, func(a, b Span) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Person, b.Person), cmp.Compare(laneOrder(a.Lane), laneOrder(b.Lane)))
	})
	slices.SortStableFunc(res.Waits, func(a, b WaitSpan) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Person, b.Person))
	})
	for _, sp := range res.Spans {
		res.Makespan = max(res.Makespan, sp.End)
	}
	for _, rm := range s.Rooms {
		res.roomWork = append(res.roomWork, Minutes(rm.Work))
	}

	res.byPerson = make([][]int, len(s.People))
	res.waitOf = make([]int, len(s.People))
	res.turns = make([][]int, len(devices))
	for i, sp := range res.Spans {
		res.byPerson[sp.Person] = append(res.byPerson[sp.Person], i)
		if sp.Dev >= 0 {
			res.turns[sp.Dev] = append(res.turns[sp.Dev], i)
		}
	}
	for i := range res.waitOf {
		res.waitOf[i] = -1
	}
	for i := range res.Waits {
		w := &res.Waits[i]
		w.For = devices[w.Dev].name
		res.waitOf[w.Person] = i
		res.Waiting += w.End - w.Start
	}
	for i := range res.Spans {
		if d := res.Spans[i].Dev; d >= 0 {
			res.Spans[i].Device = devices[d].name
		}
	}

	var cleaning Time
	var overlaps []interval
	for i, p := range s.People {
		f := PersonFigures{Name: p.Name}
		var hands, ears, all []interval
		for _, k := range res.byPerson[i] {
			sp := res.Spans[k]
			iv := interval{sp.Start, sp.End}
			if sp.Lane == LaneHands {
				f.Cleaning += sp.End - sp.Start
				hands = append(hands, iv)
			} else {
				f.Listening += sp.End - sp.Start
				ears = append(ears, iv)
			}
			all = append(all, iv)
		}
		if w := res.waitOf[i]; w >= 0 {
			f.Waiting = res.Waits[w].End - res.Waits[w].Start
			all = append(all, interval{res.Waits[w].Start, res.Waits[w].End})
		}
		f.Idle = res.Makespan - measure(all)
		cleaning += f.Cleaning
		for _, h := range hands {
			for _, e := range ears {
				if a, b := max(h.a, e.a), min(h.b, e.b); a < b {
					overlaps = append(overlaps, interval{a, b})
				}
			}
		}
		res.People = append(res.People, f)
	}

	for i, d := range devices {
		f := DeviceFigures{Name: d.name, Share: d.share, Listeners: []string{}}
		if d.owner >= 0 {
			f.Owner = s.People[d.owner].Name
		}
		var plays []interval
		for _, k := range res.turns[i] {
			sp := res.Spans[k]
			plays = append(plays, interval{sp.Start, sp.End})
			f.Listeners = append(f.Listeners, sp.Who)
		}
		f.Busy = measure(plays)
		res.Devices = append(res.Devices, f)
	}
	if res.Devices == nil {
		res.Devices = []DeviceFigures{}
	}

	if res.Makespan > 0 {
		m := res.Makespan.Min()
		// The yardstick: the first person doing all of it alone, in a row.
		alone := 0.0
		for _, rm := range s.Rooms {
			alone += rm.Work
		}
		alone /= s.People[0].Speed
		if len(s.Podcast.Listeners) > 0 {
			alone += s.Podcast.Minutes
		}
		res.Speedup = round3(alone / m)
		res.Parallelism = round3(cleaning.Min() / m)
		res.Overlap = round3(measure(overlaps).Min() / m)
	}
	return res
}

// laneOrder puts a person's hands before their ears.
func laneOrder(lane string) int {
	if lane == LaneHands {
		return 0
	}
	return 1
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

type interval struct{ a, b Time }

// measure is the length of the union of intervals.
func measure(ivs []interval) Time {
	ivs = slices.Clone(ivs)
	slices.SortFunc(ivs, func(x, y interval) int { return cmp.Compare(x.a, y.a) })
	var total, end Time
	end = math.MinInt64
	for _, iv := range ivs {
		if iv.a > end {
			total += iv.b - iv.a
			end = iv.b
		} else if iv.b > end {
			total += iv.b - end
			end = iv.b
		}
	}
	return total
}
