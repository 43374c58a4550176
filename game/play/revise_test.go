package play

import (
	"testing"

	"chores/sim"
)

// The editor's every change plays as the learner's own story, in the
// seventh tab, at the same minute, playing or paused as it was, with the
// sharing the editor chose.
func TestReviseKeepsTheMinute(t *testing.T) {
	pre, _ := sim.PresetByName("concurrency-2")
	p, err := NewPlayer(pre.Scenario, 1)
	if err != nil {
		t.Fatal(err)
	}
	p.Apply(Intent{Kind: SetShare, Text: ShareTurns})
	p.Apply(Intent{Kind: Seek, Value: 30})
	p.Apply(Intent{Kind: Pause})
	s := pre.Scenario.Clone()
	s.Name = "my concurrency-2"
	s.Rooms[0].Work += 10
	p.Apply(Intent{Kind: Revise, Scenario: &s})
	if p.Index != sim.NumPresets || len(p.Stories) != sim.NumPresets+1 {
		t.Fatalf("the story is at tab %d of %d, want the seventh", p.Index+1, len(p.Stories))
	}
	if p.Minute != sim.Whole(30) || p.Playing {
		t.Fatalf("after a change: minute %v, playing %v; want 30, paused", p.Minute, p.Playing)
	}
	if p.Story().Share() != sim.ShareTogether || p.Share != "" {
		t.Fatalf("the editor's sharing (together) does not play: %q (asked %q)", p.Story().Share(), p.Share)
	}
	want, _ := sim.Simulate(s)
	if p.Story().Result.Makespan != want.Makespan {
		t.Fatalf("makespan %v, the model says %v", p.Story().Result.Makespan, want.Makespan)
	}
	// A second change replaces the first, in the same tab; an unchanged
	// preset's twin stays a story of one's own.
	p.Apply(Intent{Kind: Revise, Scenario: &pre.Scenario})
	if p.Index != sim.NumPresets || len(p.Stories) != sim.NumPresets+1 {
		t.Fatalf("a second change went to tab %d of %d", p.Index+1, len(p.Stories))
	}
}
