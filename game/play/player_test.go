package play

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"chores/sim"
)

func newTestPlayer(t *testing.T, name string) *Player {
	t.Helper()
	p, ok := sim.PresetByName(name)
	if !ok {
		t.Fatalf("no preset %s", name)
	}
	pl, err := NewPlayer(p.Scenario, 1)
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

// Playing shows, at every tick, what the timeline says at that minute:
// checked here against the spans directly, not through sim's State.At. The
// playhead moves in exact steps and stops exactly at the makespan.
func TestPlayShowsTheTimeline(t *testing.T) {
	for _, preset := range sim.Presets() {
		played := newTestPlayer(t, preset.Name)
		played.Apply(Intent{Kind: Play})
		r := played.Story().Result
		var want sim.Time
		for !played.Done() {
			played.Tick()
			want = sim.Earlier(want.Add(played.MinutesPerTick()), r.Makespan)
			if played.Minute != want {
				t.Fatalf("%s: playhead at %s, want %s", preset.Name, played.Minute.Exact(), want.Exact())
			}
			if err := stateMatchesSpans(r, played.Minute, &played.State); err != nil {
				t.Fatalf("%s at %s: %v", preset.Name, played.Minute.Exact(), err)
			}
		}
		if played.Playing {
			t.Errorf("%s: still playing at the end", preset.Name)
		}
		// Seeking back shows the same as seeking there from the start.
		played.Apply(Intent{Kind: Seek, Value: 12.5})
		if err := stateMatchesSpans(r, played.Minute, &played.State); err != nil {
			t.Errorf("%s: after seeking back to 12.5: %v", preset.Name, err)
		}
	}
}

func TestIntents(t *testing.T) {
	p := newTestPlayer(t, "sequential")
	steps := []struct {
		in    Intent
		check func() bool
		what  string
	}{
		{Intent{Kind: Play}, func() bool { return p.Playing }, "play"},
		{Intent{Kind: TogglePlay}, func() bool { return !p.Playing }, "toggle pauses"},
		{Intent{Kind: Seek, Value: 30}, func() bool { return p.Minute == mins(30) }, "seek 30"},
		{Intent{Kind: StepMinuteForward}, func() bool { return p.Minute == mins(31) && !p.Playing }, "step forward"},
		{Intent{Kind: StepMinuteBack}, func() bool { return p.Minute == mins(30) }, "step back"},
		{Intent{Kind: StepEventForward}, func() bool { return p.Minute == mins(35) && !p.Playing }, "next event: the kitchen and living room done, the bedroom begun"},
		{Intent{Kind: StepEventBack}, func() bool { return p.Minute == mins(20) }, "previous event: the kitchen done"},
		{Intent{Kind: Seek, Value: 1000}, func() bool { return p.Minute == mins(105) && p.Done() }, "seek past the end clamps"},
		{Intent{Kind: Seek, Value: -5}, func() bool { return p.Minute.IsZero() }, "seek before 0 clamps"},
		{Intent{Kind: Faster}, func() bool { return p.Speed == 2 }, "faster"},
		{Intent{Kind: Faster}, func() bool { return p.Speed == 4 }, "faster again"},
		{Intent{Kind: Slower}, func() bool { return p.Speed == 2 }, "slower"},
		{Intent{Kind: SetSpeed, Value: 0.5}, func() bool { return p.Speed == 0.5 }, "set speed"},
		{Intent{Kind: Slower}, func() bool { return p.Speed == 0.5 }, "slowest stays"},
		{Intent{Kind: SetSpeed, Value: 9}, func() bool { return p.Speed == 0.5 && len(p.Messages) == 1 }, "bad speed is refused with a message"},
		{Intent{Kind: Pick, Value: 5}, func() bool { return p.Story().Name == "best-of-both" && p.Minute.IsZero() && p.Playing }, "pick 6"},
		{Intent{Kind: Pick, Value: 9}, func() bool { return p.Story().Name == "best-of-both" && len(p.Messages) == 2 }, "no story 10"},
		{Intent{Kind: Restart}, func() bool { return p.Minute.IsZero() && p.Playing }, "restart"},
		{Intent{Kind: ToggleMute}, func() bool { return p.Muted }, "mute"},
		{Intent{Kind: SetMute, Value: 0}, func() bool { return !p.Muted }, "unmute"},
		{Intent{Kind: ToggleHelp}, func() bool { return p.Help }, "help"},
		{Intent{Kind: CloseOverlay}, func() bool { return !p.Help }, "escape closes help"},
	}
	for _, s := range steps {
		p.Apply(s.in)
		if !s.check() {
			t.Fatalf("%s: player is %+v", s.what, p)
		}
	}
}

func TestLoadCustomScenario(t *testing.T) {
	p := newTestPlayer(t, "sequential")
	pre, _ := sim.PresetByName("concurrency-2")
	s, _ := sim.Alternative(pre.Scenario)
	s.Name = "my house"
	p.Apply(Intent{Kind: Load, Scenario: &s})
	if p.Story().Name != "my house" || p.Index != sim.NumPresets || len(p.Stories) != sim.NumPresets+1 {
		t.Fatalf("custom story not shown in its own tab: index %d of %d", p.Index, len(p.Stories))
	}
	// A second custom scenario replaces the first tab rather than adding one.
	s.Name = "another"
	p.Apply(Intent{Kind: Load, Scenario: &s})
	if len(p.Stories) != sim.NumPresets+1 || p.Story().Name != "another" {
		t.Errorf("tabs: %d, story %s", len(p.Stories), p.Story().Name)
	}
	// A preset by value goes to its own tab.
	pre, _ = sim.PresetByName("parallelism-1")
	p.Apply(Intent{Kind: Load, Scenario: &pre.Scenario})
	if p.Index != 2 {
		t.Errorf("parallelism-1 loaded into tab %d, want 2", p.Index)
	}
	p.Apply(Intent{Kind: Load, Err: fmt.Errorf("bad")})
	if p.Index != 2 || len(p.Messages) != 1 {
		t.Errorf("a bad load must keep the story and say why")
	}
}

func TestPlaybackSpeed(t *testing.T) {
	// At 1x the sequential story (105 minutes) plays in 35 seconds, inside
	// DESIGN.md's 20 to 40.
	p := newTestPlayer(t, "sequential")
	p.Apply(Intent{Kind: Play})
	ticks := 0
	for p.Playing {
		p.Tick()
		ticks++
	}
	if secs := float64(ticks) / TicksPerSecond; secs < 20 || secs > 40 {
		t.Errorf("sequential plays in %.1f s at 1x", secs)
	}
	p.Apply(Intent{Kind: SetSpeed, Value: 8})
	if got := p.MinutesPerTick(); got != mins(0.4) {
		t.Errorf("8x moves %v minutes a tick, want 0.4", got)
	}
}

func TestLoopingRestarts(t *testing.T) {
	p := newTestPlayer(t, "best-of-both")
	p.Loop = true
	p.Apply(Intent{Kind: Seek, Value: 44.9})
	p.Apply(Intent{Kind: Play})
	for p.Playing {
		p.Tick()
	}
	for range loopPause - 1 {
		p.Tick()
		if !p.Done() || p.Playing {
			t.Fatalf("should rest on the end for %d ticks", loopPause)
		}
	}
	p.Tick()
	if !p.Playing || !p.Minute.IsZero() {
		t.Errorf("looping should start again after the pause: minute %v playing %v", p.Minute, p.Playing)
	}
}

// For hundreds of random households, the figures state() reports at the end
// are the model's own result, rounded the one way the panel rounds.
func TestFiguresAtTheEndAreTheModels(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 10))
	for n := range 300 {
		s := randomHousehold(rng, n)
		p, err := NewPlayer(s, 1)
		if err != nil {
			t.Fatalf("%v\n%s", err, s.JSON())
		}
		r := p.Story().Result
		p.Apply(Intent{Kind: Seek, Value: 1e6})
		got := ShowFigures(p.Figures())
		want := FigureState{Makespan: roundMinutes(r.Makespan.Min()), Speedup: roundRatio(r.Speedup.Float()),
			Parallelism: roundRatio(r.Parallelism.Float()), Overlap: roundRatio(r.Overlap.Float()),
			Waiting: roundMinutes(r.Waiting.Min()), Final: true}
		if got != want {
			t.Fatalf("%s: state() figures %+v, the model's %+v\n%s", s.Name, got, want, s.JSON())
		}
		half, _ := sim.Approx(r.Makespan.Min() / 2)
		p.Apply(Intent{Kind: Seek, Value: half.Min()})
		if f := ShowFigures(p.Figures()); f.Final && half.Less(r.Makespan) {
			t.Errorf("%s: halfway the figures say final: %+v", s.Name, f)
		}
	}
}

// randomHousehold is a valid scenario with odd speeds and fractional work.
func randomHousehold(rng *rand.Rand, n int) sim.Scenario {
	s := sim.Scenario{Name: fmt.Sprintf("random-%d", n), Listen: sim.ListenAfter, Share: []string{sim.ShareTurns, sim.ShareTogether}[rng.IntN(2)],
		HomeTheatre: rng.IntN(4) == 0, HandoffMinutes: float64(rng.IntN(3)), Podcast: sim.Podcast{Minutes: float64(5 + rng.IntN(60))}}
	speeds := []float64{0.3, 0.5, 1, 1.1, 1.5, 2, 7}
	for i := range 1 + rng.IntN(sim.MaxPeople) {
		name := fmt.Sprintf("P%d", i)
		s.People = append(s.People, sim.Person{Name: name, Speed: speeds[rng.IntN(len(speeds))], Phone: i == 0 || rng.IntN(2) == 0})
		s.Cleaners = append(s.Cleaners, name)
		if rng.IntN(2) == 0 {
			s.Podcast.Listeners = append(s.Podcast.Listeners, name)
		}
	}
	for i := range rng.IntN(20) {
		s.Rooms = append(s.Rooms, sim.Room{Name: fmt.Sprintf("R%d", i), Work: float64(1+rng.IntN(80)) / 4})
	}
	return s
}

var update = flag.Bool("update", false, "rewrite testdata/replay.txt")

// TestReplay plays a scripted session of intents and compares the player's
// state hash every frame with a recording. A change in behaviour shows as the
// first differing frame.
func TestReplay(t *testing.T) {
	script := map[int][]Intent{
		0:   {{Kind: Play}},
		30:  {{Kind: Faster}},
		90:  {{Kind: Pick, Value: 4}},
		150: {{Kind: Seek, Value: 40}},
		151: {{Kind: Pause}},
		160: {{Kind: StepMinuteForward}, {Kind: StepMinuteForward}},
		170: {{Kind: StepMinuteBack}},
		180: {{Kind: Play}, {Kind: SetSpeed, Value: 8}},
		300: {{Kind: Pick, Value: 5}, {Kind: ToggleMute}},
		400: {{Kind: Restart}},
		420: {{Kind: Seek, Value: 20}},
	}
	p := newTestPlayer(t, "sequential")
	var b strings.Builder
	for frame := range 600 {
		for _, in := range script[frame] {
			p.Apply(in)
		}
		p.Tick()
		fmt.Fprintf(&b, "%d %016x\n", frame, p.Hash())
	}
	const file = "testdata/replay.txt"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (create it with go test ./game -run Replay -update)", err)
	}
	got := strings.Split(b.String(), "\n")
	for i, line := range strings.Split(string(want), "\n") {
		if i >= len(got) || got[i] != line {
			t.Fatalf("replay differs at frame %d: want %q, got %q", i, line, got[min(i, len(got)-1)])
		}
	}
}

func TestOptionsFromQuery(t *testing.T) {
	base := Options{Scenario: sim.Presets()[0].Scenario, Speed: 1, Autoplay: true, UI: UIFull, View: ViewHouse}
	good, notes := OptionsFromQuery("?scenario=best-of-both&speed=2&t=12.5&autoplay=0&ui=minimal&mute=1&view=code", base)
	if len(notes) != 0 {
		t.Fatalf("notes for good values: %v", notes)
	}
	if good.Scenario.Name != "best-of-both" || good.Speed != 2 || good.Start != mins(12.5) ||
		good.Autoplay || good.UI != UIMinimal || !good.Mute || good.View != ViewCode || !good.Loop {
		t.Errorf("options %+v", good)
	}
	c2, _ := sim.PresetByName("concurrency-2")
	s, _ := sim.Alternative(c2.Scenario)
	s.Name = "shared"
	cfg, notes := OptionsFromQuery("config="+EncodeConfig(s), base)
	if len(notes) != 0 || cfg.Scenario.Name != "shared" || cfg.Scenario.Share != sim.ShareTurns {
		t.Errorf("config: %v %+v", notes, cfg.Scenario)
	}
	bad := []struct{ query, mention string }{
		{"scenario=nope", `"nope"`},
		{"speed=99", "speed"},
		{"speed=fast", "speed"},
		{"t=-3", "t="},
		{"ui=huge", "ui="},
		{"mute=maybe", "mute="},
		{"autoplay=yes", "autoplay="},
		{"view=3d", "view="},
		{"config=!!!", "config"},
		{"config=" + EncodeConfig(sim.Scenario{Name: "empty"}), "config"},
		{"colour=red", `"colour"`},
	}
	for _, b := range bad {
		o, notes := OptionsFromQuery(b.query, base)
		if len(notes) != 1 || !strings.Contains(notes[0], b.mention) {
			t.Errorf("%s: notes %q, want one mentioning %s", b.query, notes, b.mention)
		}
		if !reflect.DeepEqual(o, base) {
			t.Errorf("%s: a bad value changed the options: %+v", b.query, o)
		}
	}
}

func TestVolume(t *testing.T) {
	p := newTestPlayer(t, "concurrency-1")
	if p.Volume != defaultVolume {
		t.Fatalf("volume %v", p.Volume)
	}
	p.Apply(Intent{Kind: SetMute, Value: 1})
	p.Apply(Intent{Kind: VolumeDown})
	if p.Volume != 0.7 || !p.Muted {
		t.Errorf("down: %v muted %v", p.Volume, p.Muted)
	}
	p.Apply(Intent{Kind: VolumeUp})
	if p.Volume != 0.8 || p.Muted {
		t.Errorf("up unmutes: %v muted %v", p.Volume, p.Muted)
	}
	for range 5 {
		p.Apply(Intent{Kind: VolumeUp})
	}
	if p.Volume != 1 {
		t.Errorf("clamped at 1: %v", p.Volume)
	}
	p.Apply(Intent{Kind: SetVolume, Value: -3})
	if p.Volume != 0 {
		t.Errorf("clamped at 0: %v", p.Volume)
	}
}

// mins is m minutes, for tests.
func mins(m float64) sim.Time {
	t, ok := sim.Approx(m)
	if !ok {
		panic(m)
	}
	return t
}

// stateMatchesSpans checks who cleans which room, who hears which device and
// who waits at minute m against the result's spans.
func stateMatchesSpans(r *sim.Result, m sim.Time, st *sim.State) error {
	in := func(a, b sim.Time) bool { return !m.Less(a) && m.Less(b) }
	for i, ps := range st.People {
		room, dev, wait := -1, -1, -1
		for _, sp := range r.Spans {
			if sp.Person == i && in(sp.Start, sp.End) {
				if sp.Lane == sim.LaneHands {
					room = sp.Room
				} else {
					dev = sp.Dev
				}
			}
		}
		for _, w := range r.Waits {
			if w.Person == i && in(w.Start, w.End) {
				wait = w.Dev
			}
		}
		if ps.Room != room || ps.Device != dev || ps.WaitingFor != wait {
			return fmt.Errorf("person %d shows room %d, device %d, waiting for %d; the spans say %d, %d, %d",
				i, ps.Room, ps.Device, ps.WaitingFor, room, dev, wait)
		}
	}
	return nil
}

func TestSelect(t *testing.T) {
	p := newTestPlayer(t, "best-of-both")
	steps := []struct {
		in   Intent
		want int
	}{
		{Intent{Kind: Select, Value: 1}, 1},
		{Intent{Kind: Select, Value: 0}, 0},
		{Intent{Kind: Select, Value: 0}, -1}, // again: let go
		{Intent{Kind: Select, Value: 1}, 1},
		{Intent{Kind: Select, Value: 2}, 1},   // nobody there: refused
		{Intent{Kind: Select, Value: 0.5}, 1}, // not a person: refused
		{Intent{Kind: Pick, Value: 0}, -1},    // another story: nobody selected
	}
	for i, s := range steps {
		p.Apply(s.in)
		if p.Selected != s.want {
			t.Errorf("step %d (%+v): selected %d, want %d", i, s.in, p.Selected, s.want)
		}
	}
	if len(p.Messages) != 2 {
		t.Errorf("messages %q, want two refusals", p.Messages)
	}
}
