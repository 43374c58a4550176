package code

import (
	"strings"
	"testing"

	"chores/game/play"
	"chores/sim"
)

// The code view points at statements of sim/household.go; if one is
// renamed there, the view must follow.
func TestCodeMarksExist(t *testing.T) {
	cv := New()
	for _, m := range []string{codeMarks.cleaning, codeMarks.notReady, codeMarks.waiting, codeMarks.listening} {
		if _, ok := cv.at[m]; !ok {
			t.Errorf("household.go has no line %q", m)
		}
	}
	if len(cv.lines) < 30 || !strings.HasPrefix(cv.lines[0], "package sim") {
		t.Errorf("the code view does not show story.go whole: %d lines from %q", len(cv.lines), cv.lines[0])
	}
	for _, no := range []string{"Passivate", "Activate", "AtEndOfInstant"} {
		if strings.Contains(sim.StorySource, no) {
			t.Errorf("the story shows the engine's %s", no)
		}
	}
	// The marks are the engine's record of where each goroutine is parked.
	names := func(ms []codeMark, blocked bool) string {
		var out []string
		for _, m := range ms {
			if m.blocked == blocked {
				out = append(out, m.who)
			}
		}
		return strings.Join(out, ",")
	}
	p := newTestPlayer(t, "concurrency-2")
	p.Apply(play.Intent{Kind: play.Seek, Value: 10})
	marks := cv.marks(p)
	if got := names(marks[cv.at[codeMarks.cleaning]], false); got != "You,Friend" {
		t.Errorf("at 10 both clean, running: %q", got)
	}
	if got := names(marks[cv.at[codeMarks.notReady]], true); got != "You,Friend" {
		t.Errorf("at 10 both listening goroutines are blocked on their cleaning: %q", got)
	}
	c2, _ := sim.PresetByName("concurrency-2")
	turns, _ := sim.Alternative(c2.Scenario)
	p.Apply(play.Intent{Kind: play.Load, Scenario: &turns})
	p.Apply(play.Intent{Kind: play.Seek, Value: 50})
	marks = cv.marks(p)
	if got := names(marks[cv.at[codeMarks.waiting]], true); got != "Friend" {
		t.Errorf("at 50 the friend is blocked on the phone: %q", got)
	}
	if got := names(marks[cv.at[codeMarks.listening]], false); got != "You" {
		t.Errorf("at 50 you listen, running: %q", got)
	}
	p = newTestPlayer(t, "sequential")
	p.Apply(play.Intent{Kind: play.Seek, Value: 10})
	marks = cv.marks(p)
	if got := names(marks[cv.at[codeMarks.cleaning]], false); got != "You" {
		t.Errorf("at 10 of sequential you are running on the room's line: %q (%+v)", got, marks)
	}
	p = newTestPlayer(t, "best-of-both")
	p.Apply(play.Intent{Kind: play.Seek, Value: 10})
	marks = cv.marks(p)
	if a, b := names(marks[cv.at[codeMarks.cleaning]], false), names(marks[cv.at[codeMarks.listening]], false); a != "You,Friend" || b != "You,Friend" || len(marks) != 2 {
		t.Errorf("at 10 of best-of-both each has two marks, running, on the room and the episode: %+v", marks)
	}
	p = newTestPlayer(t, "sequential")
	p.Apply(play.Intent{Kind: play.Seek, Value: 70})
	marks = cv.marks(p)
	if len(marks) != 1 || names(marks[cv.at[codeMarks.listening]], false) != "You" {
		t.Errorf("at 70 of sequential only your listening goroutine is parked, on the episode: %+v", marks)
	}
}
