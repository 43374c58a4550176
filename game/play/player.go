package play

// This file is long (about 700 lines) on purpose: the intents and the one
// Apply that carries them out stay together, so that what every intent
// does is read in one switch. Predict mode (predict.go), the share link
// (shareurl.go) and the URL (url.go) live apart.

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
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
	Seek              // to Value minutes
	StepEventForward  // to the model's next event (a room, a listening, a wait starts or ends), pausing
	StepEventBack     // to the previous event, pausing
	StepMinuteForward // one step (stepMinutes) ahead, pausing
	StepMinuteBack    // one step back, pausing
	Pick              // story number Value
	Load              // Story
	SetSpeed          // to Value
	Faster            // next speed up
	Slower            // next speed down
	Restart           // to minute 0 and play
	SetMute           // Value 1 mutes, 0 unmutes
	ToggleMute        //
	ToggleHelp        //
	ToggleCode        // the house or the code that plays it
	SetView           // to Text (ViewHouse, ViewCode, ViewCompare...)
	ToggleTheme       // dark or light
	TogglePresent     // the presenter's interface, or the full one
	SetVolume         // to Value, 0 to 1
	VolumeUp          // a step louder
	VolumeDown        // a step quieter
	CloseOverlay      // Escape
	Select            // person Value (-1: nobody): highlighted in the house, the timeline and the code
	ToggleShare       // play the story's sharing alternative (listen together / take turns), or back
	SetShare          // to Text: ShareTurns or ShareTogether, played wherever a story has that alternative
	Open              // story Value in the house, at the same minute (a row of the compare view)
	ToggleView        // Text's view, or back to the house when it is shown (the edit and real buttons)
	// Requests the game carries out itself (they change no playback state):
	// Apply queues them in Player.Requests.
	ShareLink      // make the link to this story at this minute: copied in the browser, printed on the desktop
	ShowSnippet    // the iframe line for an embed of this story
	ExportGIF      // record a GIF of the story
	ExportTimeline // a PNG of the timeline alone
	TogglePredict  // predict mode: guess when the story is done before it plays
	SetGuess       // the guess, to Value minutes (the marker dragged on the timeline)
	GuessFirst     // in the compare view, the guess of which story finishes first: story Value
	// Revise plays Scenario as the learner's own story (the seventh tab) in
	// place of the one shown, keeping the minute, the view and playing or
	// not: the editor's every change.
	Revise
	// The real run's panel (view real), requests too:
	RunAgain // run the story on real goroutines again
	AddProcs // ask the real run for Value more processors (GOMAXPROCS; -1 for fewer)
)

// StepForward and StepBack are the ⏭ and ⏮ buttons' intents: a step is one
// event of the model (the arrow keys step minutes).
const (
	StepForward = StepEventForward
	StepBack    = StepEventBack
)

// The sharing modes a learner can pick (share= in the URL): the model's own
// words for them.
const (
	ShareTurns    = sim.ShareTurns
	ShareTogether = sim.ShareTogether
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
	// twin is the story played the other way of sharing (Alternative as
	// its Result), when there is one: what the turns toggle plays.
	twin *Story
}

// Sharing is the story played with the given sharing mode: itself when it
// shares that way already or shares no phone, else its twin.
func (st *Story) Sharing(mode string) *Story {
	if mode == "" || st.twin == nil || st.Scenario.Share == mode {
		return st
	}
	return st.twin
}

// Share is the sharing mode the story plays with.
func (st *Story) Share() string { return st.Scenario.Share }

// Lesson is the line said at the story's end: the preset's own, or for a
// household of one's own, its result in words.
func (st *Story) Lesson() string {
	if p, ok := sim.IsPreset(st.Scenario); ok {
		return p.Lesson
	}
	r := st.Result
	return fmt.Sprintf("Done after %s min: %sx as fast as one person doing it all in a row.",
		minutesText(r.Makespan), strconv.FormatFloat(roundRatio(r.Speedup.Float()), 'f', 2, 64))
}

// ShareSentence says in words what sharing one phone changes, from the two
// results' waiting: "" for a story that shares no phone.
func (st *Story) ShareSentence() string {
	if st.Alternative == nil {
		return ""
	}
	turns, together := st.Result, st.Alternative
	if st.Scenario.Share == ShareTogether {
		turns, together = together, turns
	}
	saved := turns.Waiting.Sub(together.Waiting)
	if !together.Waiting.Less(turns.Waiting) {
		return "Here taking turns costs no waiting: nobody is ready while the phone is busy."
	}
	if st.Scenario.Share == ShareTurns {
		return fmt.Sprintf("Taking turns on one phone: %s minutes of waiting. Listening together saves them (T).", minutesText(saved))
	}
	return fmt.Sprintf("Listening together on one phone saves %s minutes of waiting (T: take turns).", minutesText(saved))
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
		st.twin = &Story{Name: s.Name, Title: title, Caption: caption, Result: st.Alternative, Alternative: r, Scenario: alt, twin: st}
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
	return customStory(s)
}

// customStory is a story of one's own, even one the same as a preset (an
// edit taken back keeps it in the learner's tab).
func customStory(s sim.Scenario) (*Story, error) {
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
	// Share is the sharing mode asked for (ShareTurns, ShareTogether), or
	// "" for each story's own: a story with that alternative plays it.
	Share string
	// Selected is the person highlighted everywhere (their goroutines'
	// lines, their timeline rows, them in the house), or -1.
	Selected int
	Ticks    int // ticks since start: drives idle animation
	// Predict is predict mode: guess, then run (predict.go).
	Predict Predict
	// The share link's config of the story linkOf (shareurl.go).
	linkOf   *Story
	linkText string
	endWait  int // ticks spent resting on the end while looping

	State     sim.State   // the model at Minute, refreshed by Apply and Tick
	figures   sim.Figures // the model's figures at Minute, likewise
	figuresOf *sim.Result
	Messages  []string // things to tell the user (bad input), drained by the game
	// Requests are the intents the game carries out itself (ShareLink,
	// ShowSnippet, ExportGIF, ExportTimeline), drained by the game.
	Requests []Intent
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

// placeOwn puts the learner's own story in the seventh tab.
func (p *Player) placeOwn(st *Story) int {
	if len(p.Stories) > sim.NumPresets {
		p.Stories[sim.NumPresets] = st
	} else {
		p.Stories = append(p.Stories, st)
	}
	return sim.NumPresets
}

// place puts a story in the tabs (replacing a preset of the same name, or as
// the custom tab) and returns its index.
func (p *Player) place(st *Story) int {
	for i, old := range p.Stories {
		if old.Name == st.Name && i < sim.NumPresets && old.Caption == st.Caption {
			return i
		}
	}
	return p.placeOwn(st)
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

// InCompare reports whether the compare view is shown.
func (p *Player) InCompare() bool { return p.View() == ViewCompare }

// Story is the current story, played with the sharing mode asked for.
func (p *Player) Story() *Story { return p.Stories[p.Index].Sharing(p.Share) }

// Compared are all the stories (the six and the learner's own) as they play
// now, for the compare view.
func (p *Player) Compared() []*Story {
	out := make([]*Story, len(p.Stories))
	for i, st := range p.Stories {
		out[i] = st.Sharing(p.Share)
	}
	return out
}

// End is the last minute of the clock: the story's makespan, or in the
// compare view the longest story's.
func (p *Player) End() sim.Time {
	end := p.Story().Result.Makespan
	if p.InCompare() {
		for _, st := range p.Compared() {
			end = sim.Later(end, st.Result.Makespan)
		}
	}
	return end
}

// AxisSpan is the minutes a story's timeline spans: the same for all the
// presets (the longest of them, alternatives included), so that switching
// stories shows their lengths; a longer story of one's own gets its own.
func (p *Player) AxisSpan() sim.Time {
	span := sim.Whole(1)
	stories := p.Stories[:min(len(p.Stories), sim.NumPresets)]
	for _, st := range append(stories[:len(stories):len(stories)], p.Story()) {
		span = sim.Later(span, st.Result.Makespan)
		if st.Alternative != nil {
			span = sim.Later(span, st.Alternative.Makespan)
		}
	}
	return p.predictSpan(span)
}

// Done reports whether the playhead is at the end.
func (p *Player) Done() bool { return !p.Minute.Less(p.End()) }

// Narration is the latest event of the story playing, in words ("" before
// the first).
func (p *Player) Narration() string { return p.Story().Result.NarrationAt(p.Minute) }

// stepEvent is the next (or previous) event's instant: of the story, or in
// the compare view of any story.
func (p *Player) stepEvent(forward bool) sim.Time {
	stories := []*Story{p.Story()}
	if p.InCompare() {
		stories = p.Compared()
	}
	var at sim.Time
	for i, st := range stories {
		var t sim.Time
		if forward {
			t = st.Result.NextEvent(p.Minute)
			if !p.Minute.Less(t) { // nothing after: this story is over
				t = p.End()
			}
		} else {
			t = st.Result.PrevEvent(p.Minute)
		}
		if i == 0 || forward && t.Less(at) || !forward && at.Less(t) {
			at = t
		}
	}
	return at
}

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
	end := p.End()
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
	case StepMinuteForward, StepMinuteBack:
		step := sim.Whole(stepMinutes)
		if in.Kind == StepMinuteBack {
			step = sim.Whole(-stepMinutes)
		}
		p.Playing = false
		p.Minute = sim.Clamp(p.Minute.Add(step), sim.Time{}, end)
	case StepEventForward, StepEventBack:
		p.Playing = false
		p.Minute = sim.Clamp(p.stepEvent(in.Kind == StepEventForward), sim.Time{}, end)
	case ToggleShare:
		st := p.Story()
		if st.Alternative == nil {
			p.say("%s shares no phone between listeners: there are no turns to take.", st.Title)
			return
		}
		if st.Share() == ShareTogether {
			p.Share = ShareTurns
		} else {
			p.Share = ShareTogether
		}
		p.Minute = sim.Clamp(p.Minute, sim.Time{}, p.End())
	case SetShare:
		if in.Text != ShareTurns && in.Text != ShareTogether {
			p.say("share: there is no sharing mode %s (use %s or %s)", quote(in.Text), ShareTurns, ShareTogether)
			return
		}
		p.Share = in.Text
		p.Minute = sim.Clamp(p.Minute, sim.Time{}, p.End())
	case Open:
		i := int(in.Value)
		if float64(i) != in.Value || i < 0 || i >= len(p.Stories) {
			p.say("there is no story number %v", in.Value)
			return
		}
		p.Index, p.Selected, p.Showing = i, -1, ViewHouse
		p.Minute = sim.Clamp(p.Minute, sim.Time{}, p.End())
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
	case Revise:
		if in.Scenario == nil {
			return
		}
		st, err := customStory(*in.Scenario)
		if err != nil {
			p.say("%v", err)
			return
		}
		p.Index = p.placeOwn(st)
		if p.Share != "" && p.Share != st.Share() {
			p.Share = "" // the editor's choice of sharing is what plays
		}
		if p.Selected >= len(st.Scenario.People) {
			p.Selected = -1
		}
	case SetSpeed:
		if err := p.setSpeed(in.Value); err != nil {
			p.say("%v", err)
		}
	case Faster, Slower:
		p.Speed = nextSpeed(p.Speed, in.Kind == Faster)
	case Restart:
		if p.restartPredict() {
			break // a new round of guessing
		}
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
	case TogglePredict, SetGuess, GuessFirst:
		p.applyPredict(in)
	case ShareLink, ShowSnippet, ExportGIF, ExportTimeline, RunAgain, AddProcs:
		p.Requests = append(p.Requests, in)
		return
	case ToggleView:
		if !slices.Contains(Views, in.Text) {
			p.say("there is no view %s (views: %s)", quote(in.Text), strings.Join(Views, ", "))
			return
		}
		if p.View() == in.Text {
			p.Showing = ViewHouse
		} else {
			p.Showing = in.Text
		}
	case SetView:
		if !slices.Contains(Views, in.Text) {
			p.say("there is no view %s (views: %s)", quote(in.Text), strings.Join(Views, ", "))
			return
		}
		p.Showing = in.Text
		p.Minute = sim.Clamp(p.Minute, sim.Time{}, p.End()) // the compare view's clock may run longer
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
	// A view or a story with a shorter clock keeps the playhead on it.
	p.Minute = sim.Clamp(p.Minute, sim.Time{}, p.End())
	p.refresh()
	p.afterPredict()
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
		end := p.End()
		p.Minute = sim.Earlier(p.Minute.Add(p.MinutesPerTick()), end)
		if !p.Minute.Less(end) {
			p.Playing = false
		}
		p.refresh()
		p.afterPredict()
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
	if p.Share != "" || p.InCompare() {
		fmt.Fprintf(h, "|share %s|%s", p.Share, p.View())
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
