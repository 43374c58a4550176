package sim

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Every event stands for a boundary of the timeline, every boundary has its
// event, and the narration at any minute is the line of the latest event:
// checked against the spans, not against sentences typed a second time.
func TestEventsFollowTheTimeline(t *testing.T) {
	scenarios := []Scenario{turnsAlternative(t)}
	for _, p := range Presets() {
		scenarios = append(scenarios, p.Scenario)
	}
	rng := rand.New(rand.NewPCG(3, 13))
	for n := range 200 {
		scenarios = append(scenarios, randomScenario(rng, n))
	}
	for _, s := range scenarios {
		r := mustRun(t, s)
		evs := r.Events()
		has := func(at Time, kind, who, what string) bool {
			for _, e := range evs {
				if e.At == at && e.Kind == kind && (e.Who == who || e.Kind == EventListenStart || e.Kind == EventListenEnd) && e.What == what {
					return true
				}
			}
			return false
		}
		for _, sp := range r.Spans {
			start, end, what := EventRoomStart, EventRoomEnd, sp.What
			if sp.Lane == LaneEars {
				start, end, what = EventListenStart, EventListenEnd, sp.Device
			}
			if !has(sp.Start, start, sp.Who, what) || !has(sp.End, end, sp.Who, what) {
				t.Fatalf("%s: no events for %+v in %+v", s.Name, sp, evs)
			}
		}
		for _, w := range r.Waits {
			if !has(w.Start, EventWaitStart, w.Who, w.For) || !has(w.End, EventWaitEnd, w.Who, w.For) {
				t.Fatalf("%s: no events for the wait %+v", s.Name, w)
			}
		}
		for i, e := range evs {
			if i > 0 && e.At.Less(evs[i-1].At) {
				t.Fatalf("%s: events out of order at %d", s.Name, i)
			}
			if e.Line == "" || !strings.HasSuffix(e.Line, ".") {
				t.Fatalf("%s: event %+v has no sentence", s.Name, e)
			}
			if e.Kind != EventListenStart && e.Kind != EventListenEnd && !strings.HasPrefix(e.Line, e.Who+" ") {
				t.Errorf("%s: %q does not start with who it is about (%s)", s.Name, e.Line, e.Who)
			}
			if (e.Kind == EventRoomStart || e.Kind == EventRoomEnd) && !strings.Contains(e.Line, roomWord(e.What)) {
				t.Errorf("%s: %q does not name the room %s", s.Name, e.Line, e.What)
			}
			// Just after the event (before the next instant) the narration
			// is the line of the last event at that instant.
			last := i
			for last+1 < len(evs) && evs[last+1].At == e.At {
				last++
			}
			if got := r.NarrationAt(e.At); got != evs[last].Line {
				t.Errorf("%s at %s: narration %q, want %q", s.Name, e.At.Exact(), got, evs[last].Line)
			}
			// Stepping goes from instant to instant.
			if i == last && last+1 < len(evs) {
				if next := r.NextEvent(e.At); next != evs[last+1].At {
					t.Errorf("%s: next event after %s is %s, want %s", s.Name, e.At.Exact(), next.Exact(), evs[last+1].At.Exact())
				}
				if prev := r.PrevEvent(evs[last+1].At); prev != e.At {
					t.Errorf("%s: previous event before %s is %s, want %s", s.Name, evs[last+1].At.Exact(), prev.Exact(), e.At.Exact())
				}
			}
		}
	}
}

// The words at chosen minutes of the stories, to read: a few lines pinned
// so a change in wording is seen.
func TestNarrationReads(t *testing.T) {
	tests := []struct {
		story  string
		minute float64
		want   string
	}{
		{"sequential", 10, "You start on the kitchen."},
		{"sequential", 70, "You start the episode on your phone."},
		{"concurrency-2", 31, "Your phone starts the episode for you and Friend together."},
		{"best-of-both", 1, "The home theatre starts the episode for everyone."},
		{"parallelism-1", 16, "Friend starts on the bedroom."},
	}
	for _, tt := range tests {
		r := mustRun(t, preset(t, tt.story))
		if got := r.NarrationAt(mins(tt.minute)); got != tt.want {
			t.Errorf("%s at %v: %q, want %q", tt.story, tt.minute, got, tt.want)
		}
	}
	r := mustRun(t, turnsAlternative(t))
	if got := r.NarrationAt(mins(50)); got != "Friend waits for your phone." {
		t.Errorf("turns at 50: %q, want the friend waiting", got)
	}
}
