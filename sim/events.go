package sim

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// Kinds of Event: the moments a story changes.
const (
	EventRoomStart   = "room-start"
	EventRoomEnd     = "room-end"
	EventListenStart = "listen-start"
	EventListenEnd   = "listen-end"
	EventWaitStart   = "wait-start"
	EventWaitEnd     = "wait-end"
	EventHandoff     = "handoff"
)

// Event is one moment of the timeline: a room started or finished, an
// episode started or finished for someone, a wait begun or over, a phone
// passed on. The game narrates them and steps from one to the next.
type Event struct {
	At     Time   `json:"at"`
	Kind   string `json:"kind"`
	Who    string `json:"who"`
	What   string `json:"what"` // the room, or the device
	Person int    `json:"-"`
	Line   string `json:"line"` // the event in words
}

// Events lists the story's events in time order (and, at one instant, ends
// before starts, in people order), each with its sentence.
func (r *Result) Events() []Event {
	if r.events != nil {
		return r.events
	}
	var out []Event
	add := func(at Time, kind string, person int, who, what string) {
		out = append(out, Event{At: at, Kind: kind, Who: who, What: what, Person: person})
	}
	theatre := func(dev string) bool { return dev == "home theatre" }
	together := map[string]bool{} // a together stream is told once, for everyone
	for _, sp := range r.Spans {
		if sp.Lane == LaneHands {
			add(sp.Start, EventRoomStart, sp.Person, sp.Who, sp.What)
			add(sp.End, EventRoomEnd, sp.Person, sp.Who, sp.What)
			continue
		}
		add(sp.Start, EventListenStart, sp.Person, sp.Who, sp.Device)
		add(sp.End, EventListenEnd, sp.Person, sp.Who, sp.Device)
	}
	for _, w := range r.Waits {
		add(w.Start, EventWaitStart, w.Person, w.Who, w.For)
		add(w.End, EventWaitEnd, w.Person, w.Who, w.For)
	}
	for _, h := range r.Handoffs {
		add(h.Start, EventHandoff, h.FromP, h.From, h.Device)
		out[len(out)-1].Line = says(h.From, "passes", "pass") + " " + h.Device + " to " + object(h.To) + "."
	}
	// At one instant: what ends, then what starts, and a wait last, so that
	// the line left standing while someone waits says so.
	order := map[string]int{EventRoomEnd: 0, EventListenEnd: 1, EventWaitEnd: 2, EventHandoff: 3, EventRoomStart: 4, EventListenStart: 5, EventWaitStart: 6}
	slices.SortStableFunc(out, func(a, b Event) int {
		return cmp.Or(a.At.Cmp(b.At), cmp.Compare(order[a.Kind], order[b.Kind]), cmp.Compare(a.Person, b.Person))
	})
	// Listeners who start or stop a shared stream at one instant are told
	// together: "The home theatre starts the episode for everyone."
	merged := out[:0]
	for i := 0; i < len(out); i++ {
		e := out[i]
		if e.Kind == EventListenStart || e.Kind == EventListenEnd {
			key := e.Kind + "|" + e.What + "|" + e.At.Exact()
			if together[key] {
				continue
			}
			var who []string
			for j := i; j < len(out) && out[j].At == e.At; j++ {
				if out[j].Kind == e.Kind && out[j].What == e.What {
					who = append(who, out[j].Who)
				}
			}
			together[key] = true
			e.Line = listenLine(e, who, theatre(e.What))
		}
		if e.Line == "" {
			e.Line = eventLine(e)
		}
		merged = append(merged, e)
	}
	r.events = slices.Clip(merged)
	return r.events
}

func eventLine(e Event) string {
	room := roomWord(e.What)
	switch e.Kind {
	case EventRoomStart:
		return says(e.Who, "starts", "start") + " on the " + room + "."
	case EventRoomEnd:
		return says(e.Who, "finishes", "finish") + " the " + room + "."
	case EventWaitStart:
		return says(e.Who, "waits", "wait") + " for " + e.What + "."
	case EventWaitEnd:
		return says(e.Who, "gets", "get") + " " + e.What + "."
	}
	return ""
}

// roomWord is a room's name inside a sentence: "the kitchen", but "the R2".
func roomWord(name string) string {
	r := []rune(name)
	if len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// says puts a verb after a name: "Friend waits", but "You wait".
func says(who, verbs, verb string) string {
	if who == "You" {
		return who + " " + verb
	}
	return who + " " + verbs
}

func listenLine(e Event, who []string, theatre bool) string {
	verb := "starts"
	if e.Kind == EventListenEnd {
		verb = "ends"
	}
	switch {
	case theatre:
		return "The home theatre " + verb + " the episode for everyone."
	case len(who) > 1:
		return capital(e.What) + " " + verb + " the episode for " + joinNames(who) + " together."
	case e.Kind == EventListenStart:
		return says(who[0], "starts", "start") + " the episode on " + e.What + "."
	}
	return says(who[0], "has", "have") + " heard the whole episode."
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// object is a name after a verb: "you", not "You".
func object(who string) string {
	if who == "You" {
		return "you"
	}
	return who
}

func joinNames(names []string) string {
	objs := make([]string, len(names))
	for i, n := range names {
		objs[i] = object(n)
	}
	if len(objs) <= 1 {
		return strings.Join(objs, "")
	}
	return strings.Join(objs[:len(objs)-1], ", ") + " and " + objs[len(objs)-1]
}

// NarrationAt is the latest event line at or before t, or "" before the
// first.
func (r *Result) NarrationAt(t Time) string {
	line := ""
	for _, e := range r.Events() {
		if t.Less(e.At) {
			break
		}
		line = e.Line
	}
	return line
}

// NextEvent is the first instant after t at which something happens, or the
// makespan when nothing does.
func (r *Result) NextEvent(t Time) Time {
	for _, e := range r.Events() {
		if t.Less(e.At) {
			return e.At
		}
	}
	return r.Makespan
}

// PrevEvent is the last instant before t at which something happens, or 0.
func (r *Result) PrevEvent(t Time) Time {
	var at Time
	for _, e := range r.Events() {
		if !e.At.Less(t) {
			break
		}
		at = e.At
	}
	return at
}
