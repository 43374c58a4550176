package sim

import (
	"cmp"
	"encoding/json"
	"slices"
	"sync"

	"chores/sim/vt"
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

// Result is everything a run of a scenario produced. Its figures are the
// ones FiguresAt gives at the makespan: one formula for the end and for any
// minute on the way.
type Result struct {
	Scenario    string          `json:"scenario"`
	Makespan    Time            `json:"makespan"`
	Speedup     Ratio           `json:"speedup"`
	Parallelism Ratio           `json:"parallelism"`
	Overlap     Ratio           `json:"overlap"`
	Waiting     Time            `json:"waiting"`
	Exact       ExactFigures    `json:"exact"`
	People      []PersonFigures `json:"people"`
	Devices     []DeviceFigures `json:"devices"`
	Hearing     []Hearing       `json:"hearing"`
	Spans       []Span          `json:"spans"`
	Waits       []WaitSpan      `json:"waits"`
	Handoffs    []HandoffSpan   `json:"handoffs"`
	Goroutines  []Goroutine     `json:"goroutines"`

	Episode  Time    `json:"episode"`
	Handoff  Time    `json:"handoff"`
	alone    Time    // the first person doing everything in a row
	roomWork []Time  // per room, its cleaning time for whoever cleaned it
	byPerson [][]int // indexes into Spans, per person, in time order
	waitOf   []int   // index into Waits per person, or -1
	turns    [][]int // per device: its listening spans in time order
	hearOf   []int   // index into Hearing per person, or -1
	events   []Event // made on first use (Events)
}

// ExactFigures are the figures as fractions ("71/61"), for programs that
// want them without the rounding of a float64.
type ExactFigures struct {
	Makespan    string `json:"makespan"`
	Speedup     string `json:"speedup"`
	Parallelism string `json:"parallelism"`
	Overlap     string `json:"overlap"`
	Waiting     string `json:"waiting"`
}

// Ways of hearing the podcast (rule 3).
const (
	HearTheatre  = "theatre"  // the home theatre, for the whole house
	HearAirpods  = "airpods"  // one's own phone, through one's airpods
	HearPhone    = "phone"    // one's own phone's speaker
	HearBorrowed = "borrowed" // someone else's phone
)

// Hearing is what a listener hears the podcast through, and how.
type Hearing struct {
	Who     string `json:"who"`
	Through string `json:"through"` // the device's name
	How     string `json:"how"`     // one of the Hear constants
	Person  int    `json:"-"`
	Dev     int    `json:"-"`
}

// HandoffSpan is a phone being passed from one listener to the next between
// two turns.
type HandoffSpan struct {
	Device string `json:"device"`
	From   string `json:"from"`
	To     string `json:"to"`
	Start  Time   `json:"start"`
	End    Time   `json:"end"`
	Dev    int    `json:"-"`
	FromP  int    `json:"-"`
	ToP    int    `json:"-"`
}

// Park is where and when a goroutine was blocked (see vt.Park).
type Park = vt.Park

// Goroutine is one goroutine of the run (a person's cleaning or listening)
// with the places it was parked, as the world recorded them.
type Goroutine struct {
	Name   string `json:"name"`
	Person int    `json:"person"`
	Parks  []Park `json:"parks"`
}

// HearingOf says what person i hears through, if they listen.
func (r *Result) HearingOf(i int) (Hearing, bool) {
	if i < 0 || i >= len(r.hearOf) || r.hearOf[i] < 0 {
		return Hearing{}, false
	}
	return r.Hearing[r.hearOf[i]], true
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

// recorder collects spans while processes run. In virtual time one runs at
// a time; on real goroutines (RunReal) several call it at once, so it locks
// (uncontended, a few ns a call in the virtual run).
type recorder struct {
	mu    sync.Mutex
	s     *Scenario
	spans []Span
	waits []WaitSpan
}

func newRecorder(s *Scenario) *recorder { return &recorder{s: s} }

func (r *recorder) cleaned(who, room int, start, end Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.spans = append(r.spans, Span{Who: r.s.People[who].Name, Lane: LaneHands, What: r.s.Rooms[room].Name,
		Start: start, End: end, Person: who, Room: room, Dev: -1})
}

func (r *recorder) listened(who, dev int, start, end Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.spans = append(r.spans, Span{Who: r.s.People[who].Name, Lane: LaneEars, What: "podcast",
		Start: start, End: end, Person: who, Room: -1, Dev: dev})
}

func (r *recorder) waited(who, dev int, start, end Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.waits = append(r.waits, WaitSpan{Who: r.s.People[who].Name, Start: start, End: end, Person: who, Dev: dev})
}

// result puts together the timeline and the figures of DESIGN.md from the
// recorded spans.
func (r *recorder) result(s *Scenario, devices []*device, deviceOf []*device, gs []vt.Goroutine) *Result {
	res := &Result{
		Scenario: s.Name,
		Spans:    r.spans,
		Waits:    r.waits,
		Episode:  minutesOf(s.Podcast.Minutes),
		Handoff:  minutesOf(s.HandoffMinutes),
		Handoffs: []HandoffSpan{},
		Hearing:  []Hearing{},
	}
	if res.Waits == nil {
		res.Waits = []WaitSpan{}
	}
	// Spans are recorded when they end; show them in the order they start.
	slices.SortStableFunc(res.Spans, func(a, b Span) int {
		return cmp.Or(a.Start.Cmp(b.Start), cmp.Compare(a.Person, b.Person), cmp.Compare(laneOrder(a.Lane), laneOrder(b.Lane)))
	})
	slices.SortStableFunc(res.Waits, func(a, b WaitSpan) int {
		return cmp.Or(a.Start.Cmp(b.Start), cmp.Compare(a.Person, b.Person))
	})
	for _, sp := range res.Spans {
		res.Makespan = Later(res.Makespan, sp.End)
	}
	res.roomWork = make([]Time, len(s.Rooms))
	for _, sp := range res.Spans {
		if sp.Room >= 0 {
			res.roomWork[sp.Room] = sp.End.Sub(sp.Start)
		}
	}

	res.byPerson = make([][]int, len(s.People))
	res.waitOf = make([]int, len(s.People))
	res.hearOf = make([]int, len(s.People))
	res.turns = make([][]int, len(devices))
	for i, sp := range res.Spans {
		res.byPerson[sp.Person] = append(res.byPerson[sp.Person], i)
		if sp.Dev >= 0 {
			res.turns[sp.Dev] = append(res.turns[sp.Dev], i)
		}
	}
	for i := range res.waitOf {
		res.waitOf[i], res.hearOf[i] = -1, -1
	}
	for i := range res.Waits {
		w := &res.Waits[i]
		w.For = devices[w.Dev].name
		res.waitOf[w.Person] = i
	}
	for i := range res.Spans {
		if d := res.Spans[i].Dev; d >= 0 {
			res.Spans[i].Device = devices[d].name
		}
	}
	for i, d := range deviceOf {
		if d == nil {
			continue
		}
		hear := Hearing{Who: s.People[i].Name, Through: d.name, Person: i, Dev: d.index}
		switch {
		case d.owner < 0:
			hear.How = HearTheatre
		case d.owner != i:
			hear.How = HearBorrowed
		case s.People[i].Airpods:
			hear.How = HearAirpods
		default:
			hear.How = HearPhone
		}
		res.hearOf[i] = len(res.Hearing)
		res.Hearing = append(res.Hearing, hear)
	}
	// Between two turns on a phone it is passed on, for the handoff's
	// length from the end of one turn (the next turn cannot start sooner).
	for d, turns := range res.turns {
		for k := 1; k < len(turns); k++ {
			prev, next := &res.Spans[turns[k-1]], &res.Spans[turns[k]]
			end := Earlier(prev.End.Add(res.Handoff), next.Start)
			if devices[d].share == ShareTurns && prev.End.Less(end) {
				res.Handoffs = append(res.Handoffs, HandoffSpan{Device: devices[d].name, From: prev.Who, To: next.Who,
					Start: prev.End, End: end, Dev: d, FromP: prev.Person, ToP: next.Person})
			}
		}
	}
	for _, p := range gs {
		g := Goroutine{Name: p.Name, Person: p.Rank, Parks: p.Parks}
		if g.Parks == nil {
			g.Parks = []Park{}
		}
		res.Goroutines = append(res.Goroutines, g)
	}

	for i, p := range s.People {
		f := PersonFigures{Name: p.Name}
		var all []interval
		for _, k := range res.byPerson[i] {
			sp := res.Spans[k]
			if sp.Lane == LaneHands {
				f.Cleaning = f.Cleaning.Add(sp.End.Sub(sp.Start))
			} else {
				f.Listening = f.Listening.Add(sp.End.Sub(sp.Start))
			}
			all = append(all, interval{sp.Start, sp.End})
		}
		if w := res.waitOf[i]; w >= 0 {
			f.Waiting = res.Waits[w].End.Sub(res.Waits[w].Start)
			all = append(all, interval{res.Waits[w].Start, res.Waits[w].End})
		}
		f.Idle = res.Makespan.Sub(measure(all))
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

	// The yardstick of speedup: the first person doing all of it alone, in
	// a row: every room at their speed, then the episode if anyone is to
	// hear it.
	for _, rm := range s.Rooms {
		res.alone = res.alone.Add(cleaningTime(rm.Work, s.People[0].Speed))
	}
	if len(s.Podcast.Listeners) > 0 {
		res.alone = res.alone.Add(res.Episode)
	}
	f := res.FiguresAt(res.Makespan)
	res.Speedup, res.Parallelism, res.Overlap, res.Waiting = f.Speedup, f.Parallelism, f.Overlap, f.Waiting
	res.Exact = ExactFigures{Makespan: res.Makespan.Exact(), Speedup: f.Speedup.Exact(),
		Parallelism: f.Parallelism.Exact(), Overlap: f.Overlap.Exact(), Waiting: f.Waiting.Exact()}
	return res
}

// laneOrder puts a person's hands before their ears.
func laneOrder(lane string) int {
	if lane == LaneHands {
		return 0
	}
	return 1
}

type interval struct{ a, b Time }

// measure is the length of the union of intervals.
func measure(ivs []interval) Time {
	ivs = slices.Clone(ivs)
	slices.SortFunc(ivs, func(x, y interval) int { return x.a.Cmp(y.a) })
	var total, end Time
	for i, iv := range ivs {
		switch {
		case i == 0 || end.Less(iv.a):
			total = total.Add(iv.b.Sub(iv.a))
			end = iv.b
		case end.Less(iv.b):
			total = total.Add(iv.b.Sub(end))
			end = iv.b
		}
	}
	return total
}
