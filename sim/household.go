package sim

import (
	"context"
	"fmt"
	"slices"

	"chores/sim/vt"
)

// This file sets a story up and runs it: who cleans, who listens through
// what, and the timeline it leaves. The story itself, the goroutines, is
// story.go.

// Simulate runs a scenario to its end and returns the full result.
func Simulate(s Scenario) (*Result, error) {
	return SimulateContext(context.Background(), s)
}

// storyFile is the file whose lines the code view marks.
const storyFile = "story.go"

// SimulateContext is Simulate that gives up when ctx is done. Either way, no
// goroutine of the run is left behind when it returns.
func SimulateContext(ctx context.Context, s Scenario) (res *Result, err error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	defer func() {
		// Validate keeps time arithmetic in range; should it ever not, the
		// run says so instead of giving a wrong answer.
		if r := recover(); r != nil {
			if r != vt.ErrOverflow {
				panic(r)
			}
			res, err = nil, fmt.Errorf("sim: %v", r)
		}
	}()
	w := vt.NewWorld(storyFile)
	defer w.Close()
	rt := virtual{w: w, s: &s}
	h := newHousehold(&s, rt)
	h.play(rt)
	// In slices of events, so a cancelled ctx is noticed soon.
	for more := true; more; more = w.RunFor(256) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	if stuck := w.Stuck(); len(stuck) > 0 {
		// Every rule ends; a goroutine left blocked is a bug in the model.
		return nil, fmt.Errorf("sim: %s never finished", stuck[0])
	}
	return h.rec.result(&s, h.devices, h.deviceOf(), w.Goroutines()), nil
}

// household is what the story's goroutines share. In virtual time only one
// runs at a time; on real goroutines the recorder locks.
type household struct {
	s           *Scenario
	rt          Runtime
	rec         *recorder
	rooms       []room
	people      []*person
	cleaners    []*person
	listeners   []*person
	devices     []*device
	listenAfter bool
	episode     Time
	handoff     Time
}

// person is one of the people, as the story sees them.
type person struct {
	index    int
	speed    int64 // thousandths
	cleaning WaitGroup
	device   *device // what they hear the podcast through, or nil
	// listened, on a real run being traced, ends the trace region of the
	// person's listening (see listenTracer).
	listened func()
}

// room is a room to clean; work in thousandths of a minute at speed 1.
type room struct {
	index int
	work  int64
}

// timeFor is how long p takes to clean r, exactly: work / speed.
func (p *person) timeFor(r room) Time { return Frac(r.work, p.speed) }

// device is a phone or the home theatre.
type device struct {
	index     int
	name      string
	owner     int // person index, or -1 for the home theatre
	share     string
	inTurns   bool
	phone     Mutex     // in turns: held by the listener it plays for
	everyone  WaitGroup // together: counts the listeners not yet ready
	listeners int
}

func newHousehold(s *Scenario, rt Runtime) *household {
	h := &household{
		s:           s,
		rt:          rt,
		rec:         newRecorder(s),
		listenAfter: s.Listen == ListenAfter,
		episode:     minutesOf(s.Podcast.Minutes),
		handoff:     minutesOf(s.HandoffMinutes),
	}
	for i, r := range s.Rooms {
		w, _ := milli(r.Work)
		h.rooms = append(h.rooms, room{index: i, work: w})
	}
	for i, p := range s.People {
		speed, _ := milli(p.Speed)
		h.people = append(h.people, &person{index: i, speed: speed, cleaning: rt.NewWaitGroup()})
	}
	for _, name := range s.Cleaners {
		h.cleaners = append(h.cleaners, h.people[s.PersonIndex(name)])
	}
	h.pickDevices(rt)
	return h
}

// pickDevices applies rule 3: the home theatre when there is one; otherwise
// the listener's own phone; otherwise the first phone in the house. Rule 5:
// a phone is shared as the scenario says; the home theatre always together.
func (h *household) pickDevices(rt Runtime) {
	byOwner := map[int]*device{}
	for i, p := range h.s.People {
		if !slices.Contains(h.s.Podcast.Listeners, p.Name) {
			continue
		}
		owner := -1
		if !h.s.HomeTheatre {
			owner = h.s.phoneFor(i)
		}
		d, ok := byOwner[owner]
		if !ok {
			d = &device{index: len(h.devices), owner: owner, share: h.s.Share, name: "home theatre"}
			if owner >= 0 {
				d.name = phoneName(h.s.People[owner].Name)
			} else {
				d.share = ShareTogether
			}
			d.inTurns = d.share == ShareTurns
			d.phone, d.everyone = rt.NewMutex(), rt.NewWaitGroup()
			byOwner[owner] = d
			h.devices = append(h.devices, d)
		}
		d.listeners++
		d.everyone.Add(1)
		h.people[i].device = d
		h.listeners = append(h.listeners, h.people[i])
	}
}

func (h *household) deviceOf() []*device {
	out := make([]*device, len(h.people))
	for i, p := range h.people {
		out[i] = p.device
	}
	return out
}

// What the story records on the timeline as it goes.

func (h *household) cleaned(p *person, r room, start Time) {
	h.rec.cleaned(p.index, r.index, start, h.rt.Now())
}

// waited is called once the listener may listen, just before the episode
// starts; listened just after it ends.
func (h *household) waited(p *person, ready Time) {
	if now := h.rt.Now(); ready.Less(now) {
		h.rec.waited(p.index, p.device.index, ready, now)
	}
	if t, ok := h.rt.(listenTracer); ok {
		p.listened = t.listening(p.index)
	}
}

func (h *household) listened(p *person, start Time) {
	h.rec.listened(p.index, p.device.index, start, h.rt.Now())
	if p.listened != nil {
		p.listened()
		p.listened = nil
	}
}

// listenTracer is a Runtime that is told, on the listener's goroutine, when
// a listening starts, and returns what to call when it ends (or nil): the
// real Runtime writes it to the trace as a region.
type listenTracer interface {
	listening(who int) (listened func())
}

// phoneName is how captions and the timeline name a person's phone.
func phoneName(owner string) string {
	if owner == "You" {
		return "your phone"
	}
	return owner + "'s phone"
}
