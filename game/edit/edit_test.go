package edit

import (
	"strings"
	"testing"

	"chores/sim"
)

func start(t *testing.T, name string) *Editor {
	t.Helper()
	p, ok := sim.PresetByName(name)
	if !ok {
		t.Fatal(name)
	}
	return New(p.Scenario)
}

func makespan(t *testing.T, s sim.Scenario) string {
	t.Helper()
	r, err := sim.Simulate(s)
	if err != nil {
		t.Fatal(err)
	}
	return r.Makespan.Exact()
}

// Each edit changes the draft the way it says, and a valid draft plays.
func TestEdits(t *testing.T) {
	e := start(t, "sequential")
	if e.Draft().Name != "my sequential" || e.Err() != nil {
		t.Fatalf("a fresh editor: %q, %v", e.Draft().Name, e.Err())
	}
	steps := []struct {
		edit  Edit
		check func(s sim.Scenario) bool
		what  string
	}{
		{Edit{Kind: AddPerson}, func(s sim.Scenario) bool {
			return len(s.People) == 2 && s.People[1].Name == "Guest 1" && len(s.Cleaners) == 2 && len(s.Podcast.Listeners) == 2
		}, "a guest who cleans and listens"},
		{Edit{Kind: RenamePerson, Index: 1, Text: "  Friend "}, func(s sim.Scenario) bool {
			return s.People[1].Name == "Friend" && s.Cleaners[1] == "Friend" && s.Podcast.Listeners[1] == "Friend"
		}, "renamed everywhere, trimmed"},
		{Edit{Kind: SetSpeed, Index: 1, Value: 1.5}, func(s sim.Scenario) bool { return s.People[1].Speed == 1.5 }, "speed 1.5"},
		{Edit{Kind: TogglePhone, Index: 1}, func(s sim.Scenario) bool { return !s.People[1].Phone }, "no phone"},
		{Edit{Kind: ToggleAirpods, Index: 0}, func(s sim.Scenario) bool { return s.People[0].Airpods }, "airpods"},
		{Edit{Kind: ToggleCleans, Index: 0}, func(s sim.Scenario) bool { return len(s.Cleaners) == 1 && s.Cleaners[0] == "Friend" }, "You stop cleaning"},
		{Edit{Kind: ToggleCleans, Index: 0}, func(s sim.Scenario) bool { return len(s.Cleaners) == 2 && s.Cleaners[0] == "You" }, "and start again, in people order"},
		{Edit{Kind: ToggleListens, Index: 1}, func(s sim.Scenario) bool { return len(s.Podcast.Listeners) == 1 }, "Friend stops listening"},
		{Edit{Kind: AddRoom}, func(s sim.Scenario) bool {
			return len(s.Rooms) == 5 && s.Rooms[4].Name == "Room 5" && s.Rooms[4].Work == 10
		}, "a fifth room"},
		{Edit{Kind: RenameRoom, Index: 4, Text: "Study"}, func(s sim.Scenario) bool { return s.Rooms[4].Name == "Study" }, "the study"},
		{Edit{Kind: SetWork, Index: 4, Value: 12.5}, func(s sim.Scenario) bool { return s.Rooms[4].Work == 12.5 }, "12.5 minutes"},
		{Edit{Kind: MoveRoom, Index: 4, Value: -1}, func(s sim.Scenario) bool { return s.Rooms[3].Name == "Study" && s.Rooms[4].Name == "Bathroom" }, "moved up"},
		{Edit{Kind: RemoveRoom, Index: 0}, func(s sim.Scenario) bool { return len(s.Rooms) == 4 && s.Rooms[0].Name == "Living room" }, "no kitchen"},
		{Edit{Kind: SetEpisode, Value: 30}, func(s sim.Scenario) bool { return s.Podcast.Minutes == 30 }, "a 30-minute episode"},
		{Edit{Kind: SetShare, Text: sim.ShareTogether}, func(s sim.Scenario) bool { return s.Share == sim.ShareTogether }, "together"},
		{Edit{Kind: SetHandoff, Value: 2}, func(s sim.Scenario) bool { return s.HandoffMinutes == 2 }, "a handoff"},
		{Edit{Kind: ToggleTheatre}, func(s sim.Scenario) bool { return s.HomeTheatre }, "a home theatre"},
		{Edit{Kind: SetListen, Text: sim.ListenDuring}, func(s sim.Scenario) bool { return s.Listen == sim.ListenDuring }, "during"},
		{Edit{Kind: RemovePerson, Index: 0}, func(s sim.Scenario) bool {
			return len(s.People) == 1 && s.People[0].Name == "Friend" && len(s.Cleaners) == 1 && len(s.Podcast.Listeners) == 0
		}, "You leave"},
	}
	for i, st := range steps {
		if err := e.Apply(st.edit); err != nil {
			t.Fatalf("step %d (%s): %v", i, st.what, err)
		}
		if !st.check(e.Draft()) {
			t.Fatalf("step %d (%s): draft %s", i, st.what, e.Draft().JSON())
		}
		if e.Err() != nil {
			t.Fatalf("step %d (%s): refused: %v", i, st.what, e.Err())
		}
		if string(e.Valid().JSON()) != string(e.Draft().JSON()) {
			t.Fatalf("step %d (%s): a valid draft does not play", i, st.what)
		}
	}
}

// A draft the rules refuse keeps its edit and a message naming the person
// or field; the last valid story keeps playing.
func TestRefusals(t *testing.T) {
	tests := []struct {
		story string
		edits []Edit
		msg   string
	}{
		{"sequential", []Edit{{Kind: SetListen, Text: sim.ListenDuring}}, `"You" cannot listen during the cleaning`},
		{"parallelism-1", []Edit{{Kind: RenamePerson, Index: 1, Text: "You"}}, `"You" is used twice`},
		{"sequential", []Edit{{Kind: SetSpeed, Index: 0, Value: 11}}, "You's speed: must be at least 0.1 and at most 10"},
		{"sequential", []Edit{{Kind: SetSpeed, Index: 0, Value: 1.2345}}, "You's speed: 1.2345 has more than three decimals"},
		{"sequential", []Edit{{Kind: SetWork, Index: 0, Value: 0}}, "the Kitchen's work: must be over 0"},
		{"sequential", []Edit{{Kind: SetEpisode, Value: 700}}, "podcast minutes: must be over 0 and at most 600"},
		{"sequential", []Edit{{Kind: RenameRoom, Index: 1, Text: "Kitchen"}}, `"Kitchen" is used twice`},
		{"sequential", []Edit{{Kind: RenamePerson, Index: 0, Text: ""}}, "person 1's name: must be 1 to 24 characters"},
		{"sequential", []Edit{{Kind: TogglePhone, Index: 0}}, `"You" has nothing to listen with`},
		{"sequential", []Edit{{Kind: SetShare, Text: "both"}}, `share: must be "turns" or "together"`},
		{"sequential", []Edit{{Kind: SetHandoff, Value: 61}}, "handoffMinutes: must be at least 0 and at most 60"},
		{"sequential", []Edit{{Kind: ToggleCleans, Index: 0}}, "cleaners: nobody cleans the 4 rooms"},
	}
	for _, tt := range tests {
		e := start(t, tt.story)
		before := e.Valid()
		for _, ed := range tt.edits {
			if err := e.Apply(ed); err != nil {
				t.Fatalf("%v: %v", ed, err)
			}
		}
		if e.Err() == nil || !strings.Contains(e.Err().Error(), tt.msg) {
			t.Errorf("%+v: refusal %v, want one saying %q", tt.edits, e.Err(), tt.msg)
		}
		if string(e.Valid().JSON()) != string(before.JSON()) {
			t.Errorf("%+v: a refused draft replaced the story that plays", tt.edits)
		}
		// Undo brings back the valid story.
		if err := e.Apply(Edit{Kind: Undo}); err != nil || e.Err() != nil {
			t.Errorf("%+v: undo: %v, %v", tt.edits, err, e.Err())
		}
	}
}

// Edits that cannot be made change nothing and say why.
func TestImpossibleEdits(t *testing.T) {
	e := start(t, "sequential")
	for range sim.MaxPeople - 1 {
		if err := e.Apply(Edit{Kind: AddPerson}); err != nil {
			t.Fatal(err)
		}
	}
	before := string(e.Draft().JSON())
	for _, ed := range []Edit{
		{Kind: AddPerson},
		{Kind: RemovePerson, Index: 8},
		{Kind: SetSpeed, Index: -1, Value: 2},
		{Kind: RemoveRoom, Index: 4},
		{Kind: MoveRoom, Index: 0, Value: -1},
		{Kind: MoveRoom, Index: 0, Value: 0.5},
		{Kind: Redo},
	} {
		if err := e.Apply(ed); err == nil {
			t.Errorf("%+v was made", ed)
		}
		if string(e.Draft().JSON()) != before {
			t.Errorf("%+v changed the draft", ed)
		}
	}
	one := New(sim.Scenario{Name: "solo", People: []sim.Person{{Name: "A", Speed: 1, Phone: true}}, Podcast: sim.Podcast{Minutes: 5},
		Listen: sim.ListenAfter, Share: sim.ShareTurns})
	if err := one.Apply(Edit{Kind: RemovePerson, Index: 0}); err == nil {
		t.Error("the last person was removed")
	}
	for range sim.MaxRooms {
		one.Apply(Edit{Kind: AddRoom})
	}
	if err := one.Apply(Edit{Kind: AddRoom}); err == nil || len(one.Draft().Rooms) != sim.MaxRooms {
		t.Errorf("room %d was added", len(one.Draft().Rooms))
	}
}

func TestUndoRedoReset(t *testing.T) {
	e := start(t, "parallelism-1")
	want75 := makespan(t, e.Valid())
	e.Apply(Edit{Kind: SetSpeed, Index: 1, Value: 2})
	fast := makespan(t, e.Valid())
	e.Apply(Edit{Kind: SetShare, Text: sim.ShareTogether})
	e.Apply(Edit{Kind: Undo})
	e.Apply(Edit{Kind: Undo})
	if got := makespan(t, e.Valid()); got != want75 || e.CanUndo() || !e.CanRedo() {
		t.Errorf("after two undos: makespan %s, want %s (undo %v redo %v)", got, want75, e.CanUndo(), e.CanRedo())
	}
	e.Apply(Edit{Kind: Redo})
	if got := makespan(t, e.Valid()); got != fast {
		t.Errorf("after redo: %s, want %s", got, fast)
	}
	e.Apply(Edit{Kind: SetWork, Index: 0, Value: 40}) // a new edit drops the redo
	if e.CanRedo() {
		t.Error("redo survives a new edit")
	}
	e.Apply(Edit{Kind: Reset})
	if got := makespan(t, e.Valid()); got != want75 || e.Draft().Name != "my parallelism-1" {
		t.Errorf("reset: %s %q", got, e.Draft().Name)
	}
	e.Apply(Edit{Kind: Undo}) // reset itself can be undone
	if e.Draft().Rooms[0].Work != 40 {
		t.Error("reset cannot be undone")
	}
	for range historyLimit + 50 {
		e.Apply(Edit{Kind: ToggleTheatre})
	}
	if len(e.undo) > historyLimit {
		t.Errorf("%d undo steps kept", len(e.undo))
	}
}
