package game

import (
	"bytes"
	"encoding/json"
	"math"
	"runtime/metrics"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/play"
	"chores/game/ui"
	"chores/game/view/code"
	"chores/game/view/compare"
	"chores/game/view/realrun"
)

// heapSample reads the live heap (bytes in use after the last collection),
// which does not swing with the garbage collector's cycle like HeapAlloc.
// The live heap is measured at the end of each collection, so it comes with
// the number of collections: a reader can tell a fresh figure from an old one.
var heapSample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}

func liveHeap() (live, cycles uint64) {
	metrics.Read(heapSample)
	for i, s := range heapSample {
		if s.Value.Kind() == metrics.KindUint64 {
			if i == 0 {
				live = s.Value.Uint64()
			} else {
				cycles = s.Value.Uint64()
			}
		}
	}
	return live, cycles
}

// Snapshot is the game's state as the page sees it: window.chores.state()
// and the messages an embed posts to its parent. Field names are the
// JavaScript contract of DESIGN.md.
type Snapshot struct {
	Scenario string           `json:"scenario"`
	Title    string           `json:"title"`
	Minute   float64          `json:"minute"`
	Playing  bool             `json:"playing"`
	Speed    float64          `json:"speed"`
	Done     bool             `json:"done"`
	Makespan float64          `json:"makespan"`
	Frames   int              `json:"frames"`
	Hidden   int              `json:"hiddenFrames"` // frames not drawn while out of view
	Visible  bool             `json:"visible"`
	FPS      float64          `json:"fps"`
	TPS      float64          `json:"tps"`
	Error    string           `json:"error"`
	Caption  string           `json:"caption"`
	UI       string           `json:"ui"`
	Audio    AudioState       `json:"audio"`
	Waiting  []string         `json:"waiting"`        // who waits right now
	Hearing  []string         `json:"listening"`      // who hears the podcast right now
	View     string           `json:"view"`           // house or code
	Loop     bool             `json:"loop"`           // starts again after resting on the end
	Figures  play.FigureState `json:"figures"`        // exactly what the figures panel shows
	Code     *code.State      `json:"code,omitempty"` // in the code view
	Selected string           `json:"selected"`       // the person highlighted, or ""
	Theme    string           `json:"theme"`          // dark or light
	Layout   []LayoutItem     `json:"layout"`         // what the last frame drew, in CSS pixels
	Compact  bool             `json:"compact"`        // the narrow arrangement
	Share    string           `json:"share"`          // the sharing mode playing: turns or together
	// Story is the scenario playing, in its JSON form (what -scenario
	// FILE.json reads and -report reports on).
	Story   json.RawMessage `json:"story"`
	Editor  *EditorState    `json:"editor"`  // the story editor: open or not, what it refuses
	Predict PredictState    `json:"predict"` // predict mode: the guesses and the answers
	// Narration is the latest event of the story playing, in words (the
	// caption line; the page speaks it through an aria-live region).
	Narration string `json:"narration"`
	// In the compare view: every story on one clock, and the shared axis.
	Compare     []compare.Entry `json:"compare,omitempty"`
	CompareAxis *compare.Axis   `json:"compareAxis,omitempty"`
	// In the real view: the story run on real goroutines beside the model.
	Real *realrun.State `json:"real,omitempty"`

	// For benchmarks: when the first frame was drawn (milliseconds since
	// navigation, in the browser) and the live Go heap after the last GC.
	FirstFrameMs float64 `json:"firstFrameMs"`
	HeapLive     uint64  `json:"heapLive"`
	GCCycles     uint64  `json:"gcCycles"` // heapLive is as of the latest of these
	// Of the frames drawn, how many changed no pixel (so nothing was
	// painted), and the share of the screen repainted per frame on average
	// (0 to 1): only what changes is painted again (game/redraw).
	StillFrames int     `json:"stillFrames"`
	Repainted   float64 `json:"repainted"`
}

// AudioState is the podcast player's state.
type AudioState struct {
	Ready    bool    `json:"ready"`
	Playing  bool    `json:"playing"`
	Muted    bool    `json:"muted"`
	Position float64 `json:"position"` // seconds into the episode audio
	Volume   float64 `json:"volume"`   // 0 to 1
}

// State returns the latest snapshot. It is safe to call from any goroutine.
func (g *Game) State() Snapshot {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.snapshot
}

// publishState refreshes the snapshot and tells the page when something it
// cares about changed (or once a second while playing).
func (g *Game) publishState(force bool) {
	p := g.player
	if p.Ticks%play.TicksPerSecond == 0 {
		g.heapLive, g.gcCycles = liveHeap()
	}
	st := p.Story()
	ready, playing, muted, pos := g.pod.State()
	s := Snapshot{
		Scenario: st.Name,
		Title:    st.Title,
		Minute:   p.Minute.Min(),
		Playing:  p.Playing,
		Speed:    p.Speed,
		Done:     p.Done(),
		Makespan: p.End().Min(), // in the compare view, the longest story's
		Frames:   g.frames,
		Hidden:   g.hidden,
		Visible:  g.visible,
		FPS:      ebiten.ActualFPS(),
		TPS:      ebiten.ActualTPS(),
		Caption:  g.caption,
		UI:       g.opts.UI,
		Audio:    AudioState{Ready: ready && g.audioOn, Playing: playing && g.audioOn, Muted: p.Muted || muted || !g.audioOn, Position: pos, Volume: p.Volume},
		Waiting:  []string{},
		Hearing:  []string{},
		View:     p.View(),
		Loop:     p.Loop,
		Figures:  play.ShowFigures(p.Figures()),
		Share:    st.Share(),
		Story:    g.storyJSON(st),
		Editor:   g.editorState(),
		Predict:  predictState(p),

		Narration: p.Narration(),

		FirstFrameMs: g.firstFrameMs,
		HeapLive:     g.heapLive,
		GCCycles:     g.gcCycles,
	}
	if p.Selected >= 0 {
		s.Selected = st.Scenario.People[p.Selected].Name
	}
	s.Theme = p.Theme
	if l := g.layout; l != nil {
		s.UI, s.Compact = l.UI, l.Compact
		s.Layout = layoutItems(g.items, l.CSS)
	}
	if p.InCode() {
		if g.code == nil {
			g.code = code.New()
		}
		s.Code = g.code.State(p)
	}
	if p.InCompare() {
		g.ensureLayout()
		area, scrub := compareRects(g.layout)
		g.compare.Update(area, scrub, p, g.u) // at this minute, not the last frame's
		s.Compare = g.compare.Entries()
		axis := g.compare.Axis()
		s.CompareAxis = &axis
	}
	if g.inReal() {
		s.Real = g.real.State()
	}
	if ps := g.painter.Stats(); ps.Screen > 0 {
		s.StillFrames, s.Repainted = ps.Idle, float64(ps.Pixels)/float64(ps.Screen)
	}
	for i, ps := range p.State.People {
		name := st.Scenario.People[i].Name
		if ps.WaitingFor >= 0 {
			s.Waiting = append(s.Waiting, name)
		}
		if ps.Device >= 0 {
			s.Hearing = append(s.Hearing, name)
		}
	}
	g.updateLink()
	g.mu.Lock()
	s.Error = g.lastError
	old := g.snapshot
	g.snapshot = s
	g.mu.Unlock()
	jumped := s.Minute < old.Minute || s.Minute-old.Minute > 10
	if force || s.Scenario != old.Scenario || s.Playing != old.Playing || s.Speed != old.Speed ||
		s.Done != old.Done || s.Audio.Muted != old.Audio.Muted || s.Error != old.Error || jumped ||
		s.Narration != old.Narration || s.Share != old.Share || s.View != old.View || realChanged(s.Real, old.Real) ||
		(s.Playing && p.Ticks%play.TicksPerSecond == 0) {
		// The layout is for state() (tests, tools); a parent page is
		// told the rest, which stays small.
		// (The story stays: the loader keeps it for a reload, and does not
		// post it to a parent page.)
		s.Layout = nil
		g.platform.changed(s)
	}
}

// storyJSON is the scenario of st as compact JSON, made once per story.
func (g *Game) storyJSON(st *play.Story) json.RawMessage {
	if g.storyOf != st {
		var b bytes.Buffer
		if err := json.Compact(&b, st.Scenario.JSON()); err == nil {
			g.storyOf, g.storyText = st, b.Bytes()
		}
	}
	return g.storyText
}

// realChanged says whether a parent page should hear of the real run: it
// started or finished.
func realChanged(a, b *realrun.State) bool {
	if a == nil || b == nil {
		return a != b
	}
	return a.Running != b.Running || a.Runs != b.Runs
}

// LayoutItem is one thing the last frame drew, as state().layout reports
// it: in CSS pixels, px the height of a text's glyphs.
type LayoutItem struct {
	Kind  string  `json:"kind"`
	Label string  `json:"label"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	W     float64 `json:"w"`
	H     float64 `json:"h"`
	Px    float64 `json:"px"`
}

func layoutItems(items []ui.Item, css float64) []LayoutItem {
	out := make([]LayoutItem, 0, len(items))
	c := func(v int) float64 { return math.Round(float64(v)/css*10) / 10 }
	for _, it := range items {
		out = append(out, LayoutItem{Kind: it.Kind, Label: it.Label, X: c(it.R.Min.X), Y: c(it.R.Min.Y), W: c(it.R.Dx()), H: c(it.R.Dy()), Px: c(it.Px)})
	}
	return out
}
