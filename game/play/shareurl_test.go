package play

import (
	"strings"
	"testing"

	"chores/sim"
)

// A link says the story, the minute to a thousandth, and share= and view=
// only where they are not the defaults; read back, it gives the same.
func TestShareQuery(t *testing.T) {
	p := newTestPlayer(t, "concurrency-2")
	p.Apply(Intent{Kind: Seek, Value: 37.25})
	if q := p.ShareQuery(); q != "scenario=concurrency-2&t=37.25&autoplay=0" {
		t.Errorf("a preset: %q", q)
	}
	p.Apply(Intent{Kind: SetShare, Text: ShareTurns})
	p.Apply(Intent{Kind: SetView, Text: ViewCode})
	if q := p.ShareQuery(); q != "scenario=concurrency-2&t=37.25&autoplay=0&share=turns&view=code" {
		t.Errorf("taking turns, in the code view: %q", q)
	}
	// A story of one's own: config=, which reads back to the same JSON.
	s := sim.Largest()
	p.Apply(Intent{Kind: Load, Scenario: &s})
	p.Apply(Intent{Kind: Seek, Value: 12.345})
	p.Apply(Intent{Kind: SetView, Text: ViewHouse})
	q := p.ShareQuery()
	if !strings.HasPrefix(q, "config=z.") || !strings.HasSuffix(q, "&t=12.345&autoplay=0&share=turns") {
		t.Fatalf("a story of one's own: %.60q…%q", q, q[max(0, len(q)-30):])
	}
	o, notes := OptionsFromQuery("?"+q, Options{Scenario: sim.Presets()[0].Scenario, Speed: 1})
	if len(notes) != 0 || string(o.Scenario.JSON()) != string(s.JSON()) || o.Start != sim.Frac(12345, 1000) || o.Share != ShareTurns || o.View != "" || o.Autoplay {
		t.Errorf("read back: %+v %v", o, notes)
	}
	if len(q) > 2000+40 {
		t.Errorf("the largest household's link query is %d characters", len(q))
	}
	p.Apply(Intent{Kind: Seek, Value: 0})
	if q := p.ShareQuery(); strings.Contains(q, "t=") || strings.Contains(q, "autoplay") {
		t.Errorf("at the start: %q", q)
	}
	// A predict link is a challenge: from the start.
	p.Apply(Intent{Kind: TogglePredict})
	if q := p.ShareQuery(); !strings.Contains(q, "&predict=1") || strings.Contains(q, "&t=") {
		t.Errorf("predicting: %q", q)
	}
}
