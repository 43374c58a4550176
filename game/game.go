// Package game puts Chores together: the Ebitengine game (Update, Draw),
// input turned into intents for the player (package play), the views that
// draw it (game/view/...), the audio glue, the platform glue (browser or
// desktop) and the state() snapshot the page reads. It reads the model's
// results (package sim) and never decides anything the model decides.
package game

import (
	"image"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/assets"
	"chores/game/play"
	"chores/game/redraw"
	"chores/game/ui"
	"chores/game/view/code"
	"chores/game/view/compare"
	"chores/game/view/hud"
	"chores/game/view/realrun"
	"chores/game/view/scene"
	"chores/game/view/timeline"
	"chores/sound"
)

// Game is the Ebitengine game.
type Game struct {
	opts     play.Options
	player   *play.Player
	input    input
	intents  []play.Intent
	external chan play.Intent // intents from JavaScript, read in Update
	faces    ui.Faces
	hud      *hud.HUD
	scene    scene.Scene
	code     *code.View
	compare  compare.View
	edit     editing // the story editor (editor.go)
	timeline timeline.Timeline
	real     realrun.Runner // the story on real goroutines (real.go)
	gate     frameGate      // in the browser, the real run's share of each frame
	realView realrun.View
	painter  redraw.Painter // paints each frame where it changed
	layout   *ui.Layout
	// the layout depends on the stories (tabs) and the current one (rows)
	layoutStories int
	layoutStory   *play.Story
	layoutAsked   string
	items         []ui.Item // what the last frame drew (state().layout)
	rest          rest      // resting while nothing moves (rest.go)
	restAllowed   bool      // only a running window rests (not tests, screenshots)
	w, h          int
	u             float64

	pod     *sound.Podcast
	episode chan assets.EpisodeResult
	audioOn bool // an audio context was asked for
	voices  []sound.Voice
	caption string
	notices []notice
	frames  int
	visible bool

	firstFrameMs float64 // when the first frame was drawn (ms since navigation)
	heapLive     uint64
	gcCycles     uint64
	hidden       int // frames skipped while out of view
	lastError    string
	notes        noticeBox // notices owed for refused JavaScript calls (notices.go)

	exportState // GIF and timeline pictures (export.go)

	shot     string // -screenshot: write this file and stop
	shotDone error

	storyOf   *play.Story // storyText is its scenario's JSON (state().story)
	storyText []byte

	mu       sync.Mutex
	snapshot Snapshot
	link     string  // the share link's query, for shareURL() (share.go)
	linkFor  linkKey // what link was made of
	platform platform
}

type notice struct {
	text  string
	until int // tick
}

// platform is what differs between the browser and the desktop.
type platform interface {
	notice(text string) (shown bool) // false: the game shows it itself
	changed(s Snapshot)
	visible() bool
	reducedMotion() bool // the reader asked for less motion (prefers-reduced-motion)
	publish(g *Game)     // install the JavaScript API (browser only)
	now() float64        // milliseconds since the page's navigation (0 on the desktop)
	// shareLink hands over a link's query (the page's address goes in
	// front) and returns what to tell the user ("" when the page does).
	shareLink(query string) (notice string)
	// resting tells the page the game needs no frames until input or a
	// wake (the browser then answers Ebitengine's frame requests slowly).
	resting(on bool)
}

// New builds the game.
func New(opts play.Options) (*Game, error) {
	if opts.Speed == 0 {
		opts.Speed = 1
	}
	if opts.UI == "" {
		opts.UI = play.UIFull
	}
	p, err := play.NewPlayer(opts.Scenario, opts.Speed)
	if err != nil {
		return nil, err
	}
	p.Loop = opts.Loop
	// The view and the sharing mode first: they set how long the clock runs.
	p.Showing = opts.View
	p.Share = opts.Share
	p.Apply(play.Intent{Kind: play.Seek, Value: opts.Start.Min()})
	p.Playing = opts.Autoplay
	p.Muted = opts.Mute
	p.Showing = opts.View
	if opts.Predict {
		p.Apply(play.Intent{Kind: play.TogglePredict}) // from the start, paused: guess first
	}
	if opts.Theme != "" {
		p.Theme = opts.Theme
	}
	if opts.UI == play.UIPresent {
		p.Presenting, opts.UI = true, play.UIFull
	}
	g := &Game{
		opts:     opts,
		player:   p,
		external: make(chan play.Intent, 64),
		visible:  true,
		pod:      sound.New(),
		episode:  make(chan assets.EpisodeResult, 1),
		platform: newPlatform(),
	}
	g.input.dragID = -1
	g.setupReal()
	g.hud = hud.New(&g.faces)
	for _, n := range opts.Notices {
		g.say(n)
	}
	episode := make(chan assets.EpisodeResult, 1)
	assets.LoadEpisode(episode)
	go func() {
		// Pass the episode on, and wake a resting game for it.
		g.episode <- <-episode
		//lint:ignore SA1019 deprecated since v2.5, still the way to draw only on demand: a paused page costs 12% of a core with it, 183% without (rest.go)
		ebiten.ScheduleFrame()
	}()
	if !opts.Mute {
		g.enableAudio()
	}
	g.platform.publish(g)
	g.publishState(true)
	return g, nil
}

// enableAudio opens the audio context once; without a device the game
// carries on silent and says so once.
func (g *Game) enableAudio() {
	if g.audioOn {
		return
	}
	g.audioOn = true
	if err := g.pod.Enable(); err != nil {
		g.say(err.Error())
	}
}

func (g *Game) say(text string) {
	text = play.Clip(text, play.MaxMessage)
	if !g.platform.notice(text) {
		g.notices = keepNotice(g.notices, notice{text: text, until: g.player.Ticks + 6*play.TicksPerSecond}, g.player.Ticks)
	}
}

// Send queues an intent from outside the frame loop (JavaScript). It never
// blocks; when the queue is full the intent is dropped with a notice.
func (g *Game) Send(in play.Intent) {
	select {
	case g.external <- in:
		//lint:ignore SA1019 deprecated since v2.5, still the way to draw only on demand: a paused page costs 12% of a core with it, 183% without (rest.go)
		ebiten.ScheduleFrame() // a resting game wakes for it
	default:
		g.mu.Lock()
		g.lastError = "too many commands at once; some were dropped"
		g.mu.Unlock()
	}
}

// Update reads input, applies intents, and advances the playhead.
func (g *Game) Update() error {
	if g.shotDone != nil {
		return g.shotDone
	}
	wasVisible := g.visible
	g.visible = g.platform.visible()
	g.player.Still = g.platform.reducedMotion()
	if g.visible && !wasVisible {
		// Out of view, the browser may have dropped the page's graphics
		// context, and with it the screen's pixels: paint all of it again.
		g.painter.Invalidate()
	}
	p := g.player
	g.ensureLayout()

	var cmp *compare.View
	if p.InCompare() {
		cmp = &g.compare
	}
	// The editor's form first: typing into it takes the keys.
	ev := g.updateEditor()
	out := g.intents[:0]
	if !p.Help {
		out, g.input.keysTaken = g.editorInput(ev, out)
	}
	g.input.claim, g.input.tabTaken = image.Rectangle{}, ev != nil
	if ev != nil {
		g.input.claim, _ = editorRects(g.layout)
	}
	g.input.panel = image.Rectangle{}
	if g.inReal() {
		g.input.panel = realArea(g.layout)
	}
	g.input.guess = guessing{house: p.CanGuess(), first: p.CanPickFirst()}
	g.intents = g.input.read(g.layout, &g.timeline, cmp, g.pick, p.Help, out)
	for {
		select {
		case in := <-g.external:
			g.intents = append(g.intents, in)
			continue
		default:
		}
		break
	}
	g.intents = play.LastLoadOnly(g.intents) // a burst of scenarios runs only the last
	for _, m := range g.notes.take() {
		g.say(m)
	}
	wasMuted := p.Muted
	for _, in := range g.intents {
		p.Apply(in)
	}
	for _, m := range p.Messages {
		g.say(m)
	}
	p.Messages = p.Messages[:0]
	if ev != nil && g.edit.revised {
		g.edit.story, g.edit.revised = p.Story(), false
	}
	for _, r := range p.Requests {
		g.request(r)
	}
	p.Requests = p.Requests[:0]
	g.syncReal()
	if wasMuted && !p.Muted {
		g.enableAudio() // unmuting is the moment a context is first needed
	}
	if g.visible && !g.rest.on {
		p.Tick()
	}
	select {
	case r := <-g.episode:
		err := r.Err
		if err == nil {
			err = g.pod.Load(r.Data)
		}
		if err != nil {
			g.say("The podcast could not be loaded (" + err.Error() + "); playing on without sound.")
		}
	default:
	}
	g.updateAudio()
	g.stepExports()
	g.publishState(false)
	g.settle()
	return nil
}

// updateAudio tells the podcast player what the model says is audible: one
// voice per device playing, panned apart when there are several.
func (g *Game) updateAudio() {
	p := g.player
	st := p.Story()
	episode := st.Result.Episode.Min()
	g.voices = g.voices[:0]
	g.caption = ""
	playing := 0
	for _, d := range p.State.Devices {
		if d.Playing {
			playing++
		}
	}
	k := 0
	for _, d := range p.State.Devices {
		if !d.Playing || episode <= 0 {
			continue
		}
		pan := 0.0
		if playing > 1 {
			pan = -0.8 + 1.6*float64(k)/float64(playing-1)
		}
		k++
		pos := d.Episode.Min() / episode * assets.EpisodeSeconds
		rate := 0.0
		if p.Playing {
			rate = p.Speed * play.MinutesPerSecond * assets.EpisodeSeconds / episode
		}
		g.voices = append(g.voices, sound.Voice{Playing: p.Playing, Position: pos, Rate: max(rate, sound.MinRate), Pan: pan})
		if g.caption == "" {
			g.caption = assets.CaptionAt(pos)
		}
	}
	if g.audioOn {
		_ = g.pod.SetMuted(p.Muted) // errors were reported by Enable
	}
	g.pod.SetVolume(p.Volume)
	g.pod.SetVoices(g.voices)
}

func (g *Game) ensureLayout() {
	if g.w == 0 {
		g.w, g.h, g.u = 1280, 800, 1
	}
	asked := g.opts.UI
	if asked == play.UIFull && g.player.Presenting {
		asked = play.UIPresent
	}
	ui.SetTheme(g.player.Theme)
	if g.layout == nil || g.layout.W != g.w || g.layout.H != g.h || g.layout.CSS != g.u || g.layoutAsked != asked || g.layoutStories != len(g.player.Stories) || g.layoutStory != g.player.Story() {
		g.layout = ui.NewLayout(g.w, g.h, g.u, asked, g.player, timeline.Rows(g.player.Story()))
		g.layoutStories, g.layoutStory, g.layoutAsked = len(g.player.Stories), g.player.Story(), asked
	}
	for i := range g.layout.Buttons {
		g.layout.Buttons[i].Pressed = g.input.pressedButton(g.layout.Buttons[i])
	}
}

// Draw draws the frame. Out of view (an embed scrolled away, a hidden tab) it
// draws nothing at all: the screen keeps its last picture.
func (g *Game) Draw(screen *ebiten.Image) {
	if !g.visible {
		g.hidden++
		return
	}
	g.frames++
	if g.frames == 1 {
		g.firstFrameMs = g.platform.now()
	}
	g.ensureLayout()
	// The frame is recorded, then painted only where it changed.
	g.drawAll(g.painter.Begin(screen.Bounds()))
	g.painter.Finish(screen)
	if g.shot != "" && g.shotDone == nil && g.frames >= 3 {
		g.shotDone = g.writeShot(screen)
	}
}

func (g *Game) drawAll(screen ui.Surface) {
	l := g.layout
	p := g.player
	ui.BeginTrace(screen)
	defer func() { g.items = append(g.items[:0], ui.EndTrace()...) }()
	ui.FillRect(screen, screen.Bounds(), ui.ColBackground)
	inCompare := p.InCompare()
	inReal := g.inReal()
	l.Panel = l.Panel[:0]
	if area, _ := compareRects(l); inReal {
		g.drawReal(screen) // noted as the panel "real"
	} else if inCompare {
		ui.Note("panel", p.View(), area, 0) // the compare view spreads over the figures' and the timeline's places
	} else {
		ui.Note("panel", p.View(), l.Scene, 0)
	}
	switch {
	case inReal:
	case p.InCode():
		if g.code == nil {
			g.code = code.New()
		}
		g.code.Draw(screen, l.Scene, p, &g.faces, l.U)
	case p.View() == play.ViewEditor && l.UI != play.UINone:
		g.drawEditor(screen, l)
	case inCompare:
		// The compare view has its own axis: it takes the house's, the
		// figures' and the timeline's places (an embed keeps its slim
		// timeline, for the shared clock).
		area, scrub := compareRects(l)
		g.compare.Update(area, scrub, p, l.U)
	default:
		g.scene.Prepare(p.Story(), l.Scene, l.U, &g.faces)
		g.scene.Draw(screen, p)
	}
	if !inCompare && !inReal && !p.InCode() && p.View() != play.ViewEditor && l.UI != play.UINone {
		// Over the roof (the code view has no room for it; ui=none is the
		// house alone), the narration under it.
		box := g.hud.DrawPodcast(screen, l, g.caption, false)
		g.drawNarration(screen, l, box)
	}
	switch l.UI {
	case play.UIFull, play.UIPresent:
		g.hud.DrawTabs(screen, l, p)
		g.hud.DrawStoryCaption(screen, l, p)
		if !inCompare && !inReal {
			g.hud.DrawFigures(screen, l, p)
		}
		g.hud.DrawControls(screen, l, p)
	case play.UIMinimal:
		g.hud.DrawControls(screen, l, p)
	}
	if inCompare {
		g.compare.Draw(screen, p, &g.faces, g.input.dragging)
	} else if !l.Timeline.Empty() && !(inReal && realArea(l).Overlaps(l.Timeline)) {
		g.timeline.Prepare(p.Story(), p.AxisSpan(), l.Timeline, l.U, &g.faces)
		g.timeline.Draw(screen, p.Minute, g.input.dragging)
		g.timeline.DrawPredict(screen, p.Minute, predictMarks(p))
		g.timeline.DrawSelection(screen, p.Selected)
		g.timeline.NoteTexts()
	}
	// Notices: the latest one still due.
	for i := len(g.notices) - 1; i >= 0; i-- {
		if g.notices[i].until > p.Ticks {
			g.hud.DrawNotice(screen, l, g.notices[i].text)
			break
		}
	}
	if p.Help {
		g.hud.DrawHelp(screen, l, g.input.touched)
	}
}

// compareRects are where the compare view draws: its rows, and an embed's
// slim timeline (empty in the full interface, where the view draws its own
// axis over the house's, the figures' and the timeline's places).
func compareRects(l *ui.Layout) (area, scrub image.Rectangle) {
	if l.UI != play.UIFull {
		return l.Scene, l.Timeline
	}
	return l.Scene.Union(l.Figures).Union(l.Timeline), image.Rectangle{}
}

// pick is who was drawn at pt in the last frame: on a marked line of the
// code view, or in the house.
func (g *Game) pick(pt image.Point) (int, bool) {
	if g.player.InCode() {
		if g.code == nil {
			return 0, false
		}
		return g.code.PersonAt(pt, g.player)
	}
	return g.scene.PersonAt(pt)
}
