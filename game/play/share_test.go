package play

import (
	"strings"
	"testing"

	"chores/sim"
)

// T plays the story's sharing alternative, for presets and custom stories,
// keeping the minute; a story that shares no phone says so.
func TestToggleShare(t *testing.T) {
	p := newTestPlayer(t, "concurrency-2")
	p.Apply(Intent{Kind: Seek, Value: 50})
	p.Apply(Intent{Kind: ToggleShare})
	st := p.Story()
	if st.Share() != ShareTurns || st.Result.Makespan != sim.Whole(120) || st.Result.Waiting != sim.Whole(45) || p.Minute != sim.Whole(50) {
		t.Fatalf("taking turns: share %s, makespan %v, waiting %v, minute %v", st.Share(), st.Result.Makespan, st.Result.Waiting, p.Minute)
	}
	if p.State.People[1].WaitingFor < 0 {
		t.Errorf("at 50, taking turns, the friend does not wait")
	}
	if s := st.ShareSentence(); !strings.Contains(s, "45 minutes of waiting") {
		t.Errorf("the sentence is %q", s)
	}
	p.Apply(Intent{Kind: Seek, Value: 110})
	p.Apply(Intent{Kind: ToggleShare})
	if p.Story().Share() != ShareTogether || p.Minute != sim.Whole(75) || p.Story() != p.Stories[4] {
		t.Errorf("back together: share %s, minute %v", p.Story().Share(), p.Minute)
	}
	if s := p.Story().ShareSentence(); !strings.Contains(s, "saves 45 minutes of waiting") {
		t.Errorf("the sentence is %q", s)
	}
	p.Apply(Intent{Kind: Pick, Value: 0})
	p.Apply(Intent{Kind: ToggleShare})
	if len(p.Messages) != 1 || p.Story().ShareSentence() != "" {
		t.Errorf("toggling sequential: messages %v", p.Messages)
	}
	// A custom story that takes turns listens together with T.
	pre, _ := sim.PresetByName("concurrency-2")
	s, _ := sim.Alternative(pre.Scenario)
	s.Name = "my house"
	p.Apply(Intent{Kind: Load, Scenario: &s})
	p.Apply(Intent{Kind: SetShare, Text: ShareTogether})
	if p.Story().Result.Makespan != sim.Whole(75) {
		t.Errorf("my house together: makespan %v", p.Story().Result.Makespan)
	}
	p.Apply(Intent{Kind: SetShare, Text: "sometimes"})
	if len(p.Messages) != 2 {
		t.Errorf("a bad sharing mode is not refused: %v", p.Messages)
	}
}

// The compare view's clock runs to the longest story; Open goes to a story
// in the house at the same minute; steps by event there take the nearest
// event of any story.
func TestCompareClock(t *testing.T) {
	p := newTestPlayer(t, "best-of-both")
	p.Apply(Intent{Kind: SetView, Text: ViewCompare})
	if p.End() != sim.Whole(105) {
		t.Fatalf("the compare clock ends at %v", p.End())
	}
	p.Apply(Intent{Kind: Seek, Value: 90})
	if p.Minute != sim.Whole(90) || p.Done() {
		t.Errorf("seek 90 in the compare view: %v (done %v)", p.Minute, p.Done())
	}
	p.Apply(Intent{Kind: Seek, Value: 44})
	p.Apply(Intent{Kind: StepEventForward})
	if p.Minute != sim.Whole(45) {
		t.Errorf("next event from 44 in the compare view: %v, want 45", p.Minute)
	}
	p.Apply(Intent{Kind: Seek, Value: 50})
	p.Apply(Intent{Kind: Open, Value: 2})
	if p.View() != ViewHouse || p.Story().Name != "parallelism-1" || p.Minute != sim.Whole(50) {
		t.Errorf("open parallelism-1: %s %s %v", p.View(), p.Story().Name, p.Minute)
	}
	p.Apply(Intent{Kind: SetView, Text: ViewCompare})
	p.Apply(Intent{Kind: Seek, Value: 100})
	p.Apply(Intent{Kind: SetView, Text: ViewHouse})
	if p.Minute != sim.Whole(75) {
		t.Errorf("leaving the compare view at 100: %v, want parallelism-1's end, 75", p.Minute)
	}
}

// One time scale: every preset's axis spans 120 minutes (concurrency-2
// taking turns); a longer story of one's own, its own.
func TestAxisSpan(t *testing.T) {
	p := newTestPlayer(t, "sequential")
	for i := range sim.NumPresets {
		p.Apply(Intent{Kind: Pick, Value: float64(i)})
		if p.AxisSpan() != sim.Whole(120) {
			t.Errorf("%s spans %v", p.Story().Name, p.AxisSpan())
		}
	}
	s := sim.Presets()[0].Scenario
	s.Name = "slow"
	s.People[0].Speed = 0.5
	p.Apply(Intent{Kind: Load, Scenario: &s})
	if want := p.Story().Result.Makespan; p.AxisSpan() != want || want.Min() <= 120 {
		t.Errorf("a slow house spans %v, want its own %v", p.AxisSpan(), want)
	}
}

func TestShareParam(t *testing.T) {
	base := Options{Scenario: sim.Presets()[0].Scenario, Speed: 1}
	if o, notes := OptionsFromQuery("?share=turns&view=compare", base); o.Share != ShareTurns || o.View != ViewCompare || len(notes) != 0 {
		t.Errorf("share=turns&view=compare: %+v %v", o, notes)
	}
	if o, notes := OptionsFromQuery("?share=maybe", base); o.Share != "" || len(notes) != 1 || !strings.Contains(notes[0], "share") {
		t.Errorf("share=maybe: %+v %v", o, notes)
	}
}

// Every story ends with a line of what it teaches; a household of one's own
// says its result in words, from the model.
func TestLessons(t *testing.T) {
	p := newTestPlayer(t, "sequential")
	for i := range sim.NumPresets {
		if l := p.Stories[i].Lesson(); l == "" || !strings.HasSuffix(l, ".") {
			t.Errorf("story %d has no lesson: %q", i, l)
		}
	}
	s := sim.Largest()
	st, err := storyFor(s)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Done after " + minutesText(st.Result.Makespan) + " min:"; !strings.HasPrefix(st.Lesson(), want) {
		t.Errorf("a custom story's lesson %q, want it to start %q", st.Lesson(), want)
	}
}
