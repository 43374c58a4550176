package game

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

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

// Scrubbing to a minute shows the same state as playing up to it.
func TestScrubEqualsPlay(t *testing.T) {
	for _, preset := range sim.Presets {
		played := newTestPlayer(t, preset.Name)
		played.Apply(Intent{Kind: Play})
		scrubbed := newTestPlayer(t, preset.Name)
		for !played.Done() {
			played.Tick()
			scrubbed.Apply(Intent{Kind: Seek, Value: played.Minute.Min()})
			if !reflect.DeepEqual(played.State, scrubbed.State) {
				t.Fatalf("%s at %v: played %+v, scrubbed %+v", preset.Name, played.Minute, played.State, scrubbed.State)
			}
		}
		if played.Playing {
			t.Errorf("%s: still playing at the end", preset.Name)
		}
		// Backwards too.
		scrubbed.Apply(Intent{Kind: Seek, Value: 12.5})
		fresh := newTestPlayer(t, preset.Name)
		fresh.Apply(Intent{Kind: Seek, Value: 12.5})
		if !reflect.DeepEqual(fresh.State, scrubbed.State) {
			t.Errorf("%s: seeking back to 12.5 differs from seeking there directly", preset.Name)
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
		{Intent{Kind: Seek, Value: 30}, func() bool { return p.Minute == sim.Minutes(30) }, "seek 30"},
		{Intent{Kind: StepForward}, func() bool { return p.Minute == sim.Minutes(31) && !p.Playing }, "step forward"},
		{Intent{Kind: StepBack}, func() bool { return p.Minute == sim.Minutes(30) }, "step back"},
		{Intent{Kind: Seek, Value: 1000}, func() bool { return p.Minute == sim.Minutes(105) && p.Done() }, "seek past the end clamps"},
		{Intent{Kind: Seek, Value: -5}, func() bool { return p.Minute == 0 }, "seek before 0 clamps"},
		{Intent{Kind: Faster}, func() bool { return p.Speed == 2 }, "faster"},
		{Intent{Kind: Faster}, func() bool { return p.Speed == 4 }, "faster again"},
		{Intent{Kind: Slower}, func() bool { return p.Speed == 2 }, "slower"},
		{Intent{Kind: SetSpeed, Value: 0.5}, func() bool { return p.Speed == 0.5 }, "set speed"},
		{Intent{Kind: Slower}, func() bool { return p.Speed == 0.5 }, "slowest stays"},
		{Intent{Kind: SetSpeed, Value: 9}, func() bool { return p.Speed == 0.5 && len(p.Messages) == 1 }, "bad speed is refused with a message"},
		{Intent{Kind: Pick, Value: 5}, func() bool { return p.Story().Name == "best-of-both" && p.Minute == 0 && p.Playing }, "pick 6"},
		{Intent{Kind: Pick, Value: 9}, func() bool { return p.Story().Name == "best-of-both" && len(p.Messages) == 2 }, "no story 10"},
		{Intent{Kind: Restart}, func() bool { return p.Minute == 0 && p.Playing }, "restart"},
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
	s := sim.TurnsAlternative()
	s.Name = "my house"
	p.Apply(Intent{Kind: Load, Scenario: &s})
	if p.Story().Name != "my house" || p.Index != len(sim.Presets) || len(p.Stories) != len(sim.Presets)+1 {
		t.Fatalf("custom story not shown in its own tab: index %d of %d", p.Index, len(p.Stories))
	}
	// A second custom scenario replaces the first tab rather than adding one.
	s.Name = "another"
	p.Apply(Intent{Kind: Load, Scenario: &s})
	if len(p.Stories) != len(sim.Presets)+1 || p.Story().Name != "another" {
		t.Errorf("tabs: %d, story %s", len(p.Stories), p.Story().Name)
	}
	// A preset by value goes to its own tab.
	pre, _ := sim.PresetByName("parallelism-1")
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
	if got := p.MinutesPerTick(); got != sim.Minutes(0.4) {
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
	if !p.Playing || p.Minute != 0 {
		t.Errorf("looping should start again after the pause: minute %v playing %v", p.Minute, p.Playing)
	}
}

func TestFiguresAtTheEndAgreeWithTheModel(t *testing.T) {
	seq := newTestPlayer(t, "sequential").Story().Result.Makespan
	for _, preset := range sim.Presets {
		r, err := sim.Simulate(preset.Scenario)
		if err != nil {
			t.Fatal(err)
		}
		f := figuresAt(r, seq, r.Makespan)
		if !f.done || round(f.parallelism) != r.Parallelism || round(f.overlap) != r.Overlap || f.waiting != r.Waiting {
			t.Errorf("%s: figures %+v, model %v %v %v", preset.Name, f, r.Parallelism, r.Overlap, r.Waiting)
		}
		if want := round(seq.Min() / r.Makespan.Min()); round(f.speedup) != want {
			t.Errorf("%s: speedup %v, want %v", preset.Name, f.speedup, want)
		}
		half := figuresAt(r, seq, r.Makespan/2)
		if half.done || half.minute != r.Makespan/2 {
			t.Errorf("%s: halfway figures say done", preset.Name)
		}
	}
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

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
		160: {{Kind: StepForward}, {Kind: StepForward}},
		170: {{Kind: StepBack}},
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
	base := Options{Scenario: sim.Presets[0].Scenario, Speed: 1, Autoplay: true, UI: UIFull, View: ViewHouse}
	good, notes := OptionsFromQuery("?scenario=best-of-both&speed=2&t=12.5&autoplay=0&ui=minimal&mute=1&view=code", base)
	if len(notes) != 0 {
		t.Fatalf("notes for good values: %v", notes)
	}
	if good.Scenario.Name != "best-of-both" || good.Speed != 2 || good.Start != sim.Minutes(12.5) ||
		good.Autoplay || good.UI != UIMinimal || !good.Mute || good.View != ViewCode || !good.Loop {
		t.Errorf("options %+v", good)
	}
	s := sim.TurnsAlternative()
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

func TestComputeStays(t *testing.T) {
	r, err := sim.Simulate(sim.Presets[2].Scenario) // parallelism-1
	if err != nil {
		t.Fatal(err)
	}
	stays := computeStays(r, 2)
	// You: kitchen 0-20, bathroom 20-30, then the lounge.
	you := stays[0]
	if len(you) != 3 || you[0].place != 0 || you[1].place != 3 || you[2].place != lounge || you[2].from != sim.Minutes(30) {
		t.Errorf("your stays: %+v", you)
	}
	cur, prev, ok := stayAt(you, sim.Minutes(25))
	if cur.place != 3 || !ok || prev.place != 0 {
		t.Errorf("at 25: %+v after %+v", cur, prev)
	}
}

// The code view points at statements of sim/household.go; if one is
// renamed there, the view must follow.
func TestCodeMarksExist(t *testing.T) {
	cv := newCodeView()
	for _, m := range []string{codeMarks.cleaning, codeMarks.notReady, codeMarks.waiting, codeMarks.listening} {
		if _, ok := cv.at[m]; !ok {
			t.Errorf("household.go has no line %q", m)
		}
	}
	if cv.first == 0 || cv.last <= cv.first {
		t.Errorf("code view range %d-%d", cv.first, cv.last)
	}
	p := newTestPlayer(t, "concurrency-2")
	p.Apply(Intent{Kind: Seek, Value: 10})
	marks := cv.marks(p)
	if got := marks[cv.at[codeMarks.cleaning]]; len(got) != 2 {
		t.Errorf("at 10 both clean: %v", got)
	}
	if got := marks[cv.at[codeMarks.notReady]]; len(got) != 2 {
		t.Errorf("at 10 both listening goroutines wait for their cleaning: %v", got)
	}
	turns := sim.TurnsAlternative()
	p.Apply(Intent{Kind: Load, Scenario: &turns})
	p.Apply(Intent{Kind: Seek, Value: 50})
	marks = cv.marks(p)
	if got := marks[cv.at[codeMarks.waiting]]; len(got) != 1 || got[0] != "Friend" {
		t.Errorf("at 50 the friend waits for the phone: %v", got)
	}
	if got := marks[cv.at[codeMarks.listening]]; len(got) != 1 || got[0] != "You" {
		t.Errorf("at 50 you listen: %v", got)
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

// Every key the help overlay (and the README) promises is wired to its
// intent.
func TestKeysMatchTheHelp(t *testing.T) {
	want := map[ebiten.Key]IntentKind{
		ebiten.KeySpace:      TogglePlay,
		ebiten.KeyArrowLeft:  StepBack,
		ebiten.KeyArrowRight: StepForward,
		ebiten.KeyEqual:      Faster,
		ebiten.KeyMinus:      Slower,
		ebiten.KeyR:          Restart,
		ebiten.KeyM:          ToggleMute,
		ebiten.KeyArrowUp:    VolumeUp,
		ebiten.KeyArrowDown:  VolumeDown,
		ebiten.KeyC:          ToggleCode,
		ebiten.KeyEscape:     CloseOverlay,
	}
	for key, kind := range want {
		if got, ok := keyIntents[key]; !ok || got.Kind != kind {
			t.Errorf("key %v: %+v, want intent %d", key, got, kind)
		}
	}
	help := strings.Join(helpLines, "\n")
	for _, s := range []string{"Space", "← →", "1 – 6", "+ −", "R ", "M ", "↑ ↓", "C ", "?"} {
		if !strings.Contains(help, s) {
			t.Errorf("the help does not mention %q", s)
		}
	}
}
