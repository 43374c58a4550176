package play

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"

	"chores/sim"
)

// Intent is one thing the user (or a page, through JavaScript) wants: input
// of every kind becomes intents first, and only intents change the player.
type Intent struct {
	Kind     IntentKind
	Value    float64       // minute for Seek, story index for Pick, speed for SetSpeed, 0/1 for SetMute
	Story    *Story        // for Load: the story to show, or
	Scenario *sim.Scenario // for Load: a scenario to run and show
	Err      error         // for Load: why the scenario could not be used
	Text     string        // for SetView: the view
}

// IntentKind names the intents.
type IntentKind int

const (
	Play IntentKind = iota + 1
	Pause
	TogglePlay
	Seek          // to Value minutes
	StepForward   // one step (stepMinutes) ahead, pausing
	StepBack      // one step back, pausing
	Pick          // story number Value
	Load          // Story
	SetSpeed      // to Value
	Faster        // next speed up
	Slower        // next speed down
	Restart       // to minute 0 and play
	SetMute       // Value 1 mutes, 0 unmutes
	ToggleMute    //
	ToggleHelp    //
	ToggleCode    // the house or the code that plays it
	SetView       // to Text (ViewHouse, ViewCode, ViewCompare...)
	ToggleTheme   // dark or light
	TogglePresent // the presenter's interface, or the full one
	SetVolume     // to Value, 0 to 1
	VolumeUp      // a step louder
	VolumeDown    // a step quieter
	CloseOverlay  // Escape
	Select        // person Value (-1: nobody): highlighted in the house, the timeline and the code
)

// The slowest and fastest playback: every speed given (-speed, the URL,
// setSpeed) is checked against these, and the help says them.
const (
	MinSpeed float64 = 0.5
	MaxSpeed float64 = 8
)

// Speeds the +/- keys step through. Any speed from the first to the last can
// be set directly (-speed, the URL, setSpeed).
var speeds = []float64{MinSpeed, 1, 2, 4, MaxSpeed}

const (
	// MinutesPerSecond is how fast virtual time runs at 1x: the sequential
	// story (105 minutes) plays in 35 seconds.
	MinutesPerSecond = 3
	// TicksPerSecond is Ebitengine's default update rate.
	TicksPerSecond = 60
	// stepMinutes is how far the arrow keys move the playhead.
	stepMinutes = 1
	// loopPause is how long a looping embed rests on the end, in ticks.
	loopPause = 3 * TicksPerSecond
	// defaultVolume leaves room above for a quiet room; volumeStep is one
	// press of the up or down arrow.
	defaultVolume = 0.8
	volumeStep    = 0.1
)

// Story is a scenario with its run and what the playground says about it.
type Story struct {
	Name    string
	Title   string
	Caption string
	Result  *sim.Result
	// Alternative is the same story with the other way of sharing a phone
	// (sim.Alternative), when it has one: shown beside it.
	Alternative *sim.Result
	Scenario    sim.Scenario
}

func newStory(s sim.Scenario, title, caption string) (*Story, error) {
	r, err := sim.Simulate(s)
	if err != nil {
		return nil, err
	}
	st := &Story{Name: s.Name, Title: title, Caption: caption, Result: r, Scenario: s}
	if alt, ok := sim.Alternative(s); ok {
		if st.Alternative, err = sim.Simulate(alt); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// presetStories runs the six presets once.
func presetStories() []*Story {
	out := make([]*Story, sim.NumPresets)
	for i, p := range sim.Presets() {
		st, err := newStory(p.Scenario, p.Title, p.Caption)
		if err != nil {
			panic(fmt.Sprintf("preset %s: %v", p.Name, err)) // the presets are tested in sim
		}
		out[i] = st
	}
	return out
}

// storyFor returns the story for a scenario: the preset when it is one
// unchanged, otherwise a custom story.
func storyFor(s sim.Scenario) (*Story, error) {
	if p, ok := sim.IsPreset(s); ok {
		return newStory(s, p.Title, p.Caption)
	}
	title := s.Name
	if title == "" {
		title = "Your own house"
	}
	return newStory(s, title, "A scenario of your own. Watch where hands and ears overlap, and who waits for what.")
}

// Player is the state of playback: which story, which minute, playing or
// not, how fast, muted or not. It changes only through Apply and Tick, so it
// can be tested, replayed and hashed without a window.
type Player struct {
	Stories []*Story
	Index   int // current story
	Minute  sim.Time
	Playing bool
	Speed   float64
	Muted   bool
	Volume  float64 // 0 to 1
	Help    bool
	Showing string // the view shown (View): ViewHouse when empty
	Theme   string // ThemeDark or ThemeLight
	// Presenting asks for the presenter's interface (ui=present, key P).
	Presenting bool
	// Still is set when the reader asks for reduced motion: people do not
	// bob or sway, notes do not bounce; what changes, changes in place.
	Still bool
	Loop  bool // start again after a pause at the end (embeds)
	// Selected is the person highlighted everywhere (their goroutines'
	// lines, their timeline rows, them in the house), or -1.
	Selected int
	Ticks    int // ticks since start: drives idle animation
	endWait  int // ticks spent resting on the end while looping

	State     sim.State   // the model at Minute, refreshed by Apply and Tick
	figures   sim.Figures // the model's figures at Minute, likewise
	figuresOf *sim.Result
	Messages  []string // things to tell the user (bad input), drained by the game
}

// NewPlayer starts on the given scenario (a preset, or a custom one).
func NewPlayer(s sim.Scenario, speed float64) (*Player, error) {
	p := &Player{Stories: presetStories(), Speed: 1, Volume: defaultVolume, Selected: -1, Theme: ThemeDark}
	if err := p.setSpeed(speed); err != nil {
		return nil, err
	}
	st, err := storyFor(s)
	if err != nil {
		return nil, err
	}
	p.Index = p.place(st)
	p.refresh()
	return p, nil
}

// place puts a story in the tabs (replacing a preset of the same name, or as
// the custom tab) and returns its index.
func (p *Player) place(st *Story) int {
	for i, old := range p.Stories {
		if old.Name == st.Name && i < sim.NumPresets && old.Caption == st.Caption {
			return i
		}
	}
	if len(p.Stories) > sim.NumPresets {
		p.Stories[sim.NumPresets] = st
	} else {
		p.Stories = append(p.Stories, st)
	}
	return sim.NumPresets
}

// View is the view shown: the house, the code that plays the story, the
// stories side by side...
func (p *Player) View() string {
	if p.Showing == "" {
		return ViewHouse
	}
	return p.Showing
}

// InCode reports whether the code view is shown.
func (p *Player) InCode() bool { return p.View() == ViewCode }

// Story is the current story.
func (p *Player) Story() *Story { return p.Stories[p.Index] }

// Done reports whether the playhead is at the end.
func (p *Player) Done() bool { return !p.Minute.Less(p.Story().Result.Makespan) }

// Figures are the model's figures at the playhead.
func (p *Player) Figures() sim.Figures { return p.figures }

func (p *Player) refresh() {
	r := p.Story().Result
	r.At(p.Minute, &p.State)
	if p.figures.Minute != p.Minute || p.figuresOf != r {
		p.figures, p.figuresOf = r.FiguresAt(p.Minute), r
	}
}

// Apply carries out one intent.
func (p *Player) Apply(in Intent) {
	end := p.Story().Result.Makespan
	switch in.Kind {
	case Play:
		if p.Done() {
			p.Minute = sim.Time{}
		}
		p.Playing = true
	case Pause:
		p.Playing = false
	case TogglePlay:
		if p.Playing {
			p.Apply(Intent{Kind: Pause})
		} else {
			p.Apply(Intent{Kind: Play})
		}
		return
	case Seek:
		m, ok := sim.Approx(in.Value)
		if !ok {
			p.say("seek: %v is not a minute", in.Value)
			return
		}
		p.Minute = sim.Clamp(m, sim.Time{}, end)
	case StepForward, StepBack:
		step := sim.Whole(stepMinutes)
		if in.Kind == StepBack {
			step = sim.Whole(-stepMinutes)
		}
		p.Playing = false
		p.Minute = sim.Clamp(p.Minute.Add(step), sim.Time{}, end)
	case Pick:
		i := int(in.Value)
		if float64(i) != in.Value || i < 0 || i >= len(p.Stories) {
			p.say("there is no story number %v", in.Value)
			return
		}
		p.switchTo(i)
	case Load:
		if in.Err != nil {
			p.say("%v", in.Err)
			return
		}
		st := in.Story
		if st == nil && in.Scenario != nil {
			var err error
			if st, err = storyFor(*in.Scenario); err != nil {
				p.say("%v", err)
				return
			}
		}
		if st == nil {
			return
		}
		p.switchTo(p.place(st))
	case SetSpeed:
		if err := p.setSpeed(in.Value); err != nil {
			p.say("%v", err)
		}
	case Faster, Slower:
		p.Speed = nextSpeed(p.Speed, in.Kind == Faster)
	case Restart:
		p.Minute = sim.Time{}
		p.Playing = true
	case SetMute:
		p.Muted = in.Value != 0
	case ToggleMute:
		p.Muted = !p.Muted
	case ToggleHelp:
		p.Help = !p.Help
	case ToggleCode:
		if p.InCode() {
			p.Showing = ViewHouse
		} else {
			p.Showing = ViewCode
		}
	case ToggleTheme:
		if p.Theme == ThemeLight {
			p.Theme = ThemeDark
		} else {
			p.Theme = ThemeLight
		}
	case TogglePresent:
		p.Presenting = !p.Presenting
	case SetView:
		if !slices.Contains(Views, in.Text) {
			p.say("there is no view %s (views: %s)", quote(in.Text), strings.Join(Views, ", "))
			return
		}
		p.Showing = in.Text
	case SetVolume, VolumeUp, VolumeDown:
		v := in.Value
		switch in.Kind {
		case VolumeUp:
			v = p.Volume + volumeStep
		case VolumeDown:
			v = p.Volume - volumeStep
		}
		if math.IsNaN(v) {
			p.say("volume: %v is not a number", in.Value)
			return
		}
		p.Volume = math.Round(max(0, min(1, v))*100) / 100
		if p.Volume > 0 && in.Kind != VolumeDown {
			p.Muted = false // turning it up means wanting to hear it
		}
	case CloseOverlay:
		p.Help = false
	case Select:
		i := int(in.Value)
		switch {
		case float64(i) != in.Value || i < -1 || i >= len(p.Story().Scenario.People):
			p.say("there is no person number %v", in.Value)
			return
		case i == p.Selected:
			p.Selected = -1 // a second click lets go
		default:
			p.Selected = i
		}
	}
	p.endWait = 0
	p.refresh()
}

func (p *Player) switchTo(i int) {
	p.Index = i
	p.Minute = sim.Time{}
	p.Selected = -1
	p.Playing = true
}

func (p *Player) say(format string, args ...any) {
	p.Messages = append(p.Messages, fmt.Sprintf(format, args...))
}

func (p *Player) setSpeed(x float64) error {
	if err := speedRange.check(x); err != nil {
		return fmt.Errorf("speed: %w", err)
	}
	p.Speed = x
	return nil
}

func nextSpeed(cur float64, up bool) float64 {
	if up {
		for _, s := range speeds {
			if s > cur {
				return s
			}
		}
		return speeds[len(speeds)-1]
	}
	for i := len(speeds) - 1; i >= 0; i-- {
		if speeds[i] < cur {
			return speeds[i]
		}
	}
	return speeds[0]
}

// MinutesPerTick is how far one tick moves the playhead at the current speed,
// in thousandths of a minute, so that playback is exact and repeatable.
func (p *Player) MinutesPerTick() sim.Time {
	return sim.Frac(int64(math.Round(p.Speed*MinutesPerSecond*1000/TicksPerSecond)), 1000)
}

// Tick advances one update: the playhead moves while playing and stops at the
// end (or, when looping, rests there and starts again).
func (p *Player) Tick() {
	p.Ticks++
	if p.Playing {
		end := p.Story().Result.Makespan
		p.Minute = sim.Earlier(p.Minute.Add(p.MinutesPerTick()), end)
		if !p.Minute.Less(end) {
			p.Playing = false
		}
		p.refresh()
		return
	}
	if p.Loop && p.Done() {
		p.endWait++
		if p.endWait >= loopPause {
			p.endWait = 0
			p.Minute = sim.Time{}
			p.Playing = true
			p.refresh()
		}
	}
}

// Hash is a digest of everything the player decides, for replay tests.
func (p *Player) Hash() uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d|%s|%s|%t|%v|%t|%v|%t|%t|%d", p.Index, p.Story().Name, p.Minute.Exact(), p.Playing, p.Speed, p.Muted, p.Volume, p.Help, p.InCode(), p.Ticks)
	if p.Selected >= 0 {
		fmt.Fprintf(h, "|sel %d", p.Selected)
	}
	if p.Theme == ThemeLight || p.Presenting {
		fmt.Fprintf(h, "|%s %t", p.Theme, p.Presenting)
	}
	for _, ps := range p.State.People {
		fmt.Fprintf(h, "|%d,%d,%d", ps.Room, ps.Device, ps.WaitingFor)
	}
	for _, r := range p.State.Rooms {
		fmt.Fprintf(h, "|%.4f", r.Left)
	}
	return h.Sum64()
}
