//go:build display

// These tests need a display (make test runs them under xvfb-run): reading
// pixels back works only while Ebitengine's loop runs, so TestMain runs the
// tests from inside RunGame, as Ebitengine's own tests do.
//
// It is longer than most files because it is the one harness for the pixels
// of the whole game (every view composed, redraw against full draw); the
// house's own pixel tests are in game/view/scene.

package game

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/play"
	"chores/game/redraw"
	"chores/game/view/code"
	"chores/sim"
)

type testRunner struct {
	m       *testing.M
	started bool
	code    int
	done    chan struct{}
}

func (r *testRunner) Update() error {
	if !r.started {
		r.started = true
		go func() {
			r.code = r.m.Run()
			close(r.done)
		}()
	}
	select {
	case <-r.done:
		return ebiten.Termination
	default:
		return nil
	}
}

func (*testRunner) Draw(*ebiten.Image)         {}
func (*testRunner) Layout(int, int) (int, int) { return 320, 240 }

func TestMain(m *testing.M) {
	r := &testRunner{m: m, done: make(chan struct{})}
	if err := ebiten.RunGame(r); err != nil {
		fmt.Fprintln(os.Stderr, "RunGame:", err)
		os.Exit(1)
	}
	os.Exit(r.code)
}

// render draws a story at a minute into a 1280×800 picture, as the window
// would show it.
func render(t *testing.T, name string, minute float64) (*image.RGBA, *Game) {
	t.Helper()
	p, _ := sim.PresetByName(name)
	return renderWith(t, play.Options{Scenario: p.Scenario, Start: mins(minute), UI: play.UIFull}, 1280, 800, 1)
}

// renderWith draws one frame of a muted game on a w×h screen at scale u.
func renderWith(t *testing.T, opts play.Options, w, h int, u float64) (*image.RGBA, *Game) {
	t.Helper()
	opts.Speed, opts.Mute = 1, true
	g, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	g.w, g.h, g.u = w, h, u
	g.ensureLayout()
	g.updateAudio() // captions follow the model
	screen := ebiten.NewImage(w, h)
	g.drawAll(screen)
	img := image.NewRGBA(screen.Bounds())
	screen.ReadPixels(img.Pix)
	return img, g
}

func shotsDir(t *testing.T) string {
	dir := os.Getenv("CHORES_SHOTS")
	if dir == "" {
		dir = filepath.Join("..", "testdata", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func save(t *testing.T, img image.Image, file string) {
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

func distinctColors(img *image.RGBA) int {
	seen := map[uint32]bool{}
	for i := 0; i < len(img.Pix); i += 4 * 7 {
		seen[uint32(img.Pix[i])<<16|uint32(img.Pix[i+1])<<8|uint32(img.Pix[i+2])] = true
	}
	return len(seen)
}

func differingPixels(a, b *image.RGBA) int {
	n := 0
	for i := 0; i < len(a.Pix); i += 4 {
		if a.Pix[i] != b.Pix[i] || a.Pix[i+1] != b.Pix[i+1] || a.Pix[i+2] != b.Pix[i+2] {
			n++
		}
	}
	return n
}

// Each story at a few minutes: not blank, and the six stories look different.
func TestStoriesRender(t *testing.T) {
	dir := shotsDir(t)
	var mids []*image.RGBA
	for _, p := range sim.Presets() {
		r, _ := sim.Simulate(p.Scenario)
		for _, frac := range []float64{0, 0.4, 1} {
			minute := r.Makespan.Min() * frac
			img, _ := render(t, p.Name, minute)
			if n := distinctColors(img); n < 40 {
				t.Errorf("%s at %v: only %d colors; blank?", p.Name, minute, n)
			}
			save(t, img, filepath.Join(dir, fmt.Sprintf("desktop-%s-%03.0f.png", p.Name, minute)))
			if frac == 0.4 {
				mids = append(mids, img)
			}
		}
	}
	for i := range mids {
		for j := i + 1; j < len(mids); j++ {
			if d := differingPixels(mids[i], mids[j]); d < 5000 {
				t.Errorf("%s and %s differ in only %d pixels", sim.Presets()[i].Name, sim.Presets()[j].Name, d)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}

// A big scenario (the largest the limits allow) still lays out and draws.
func TestLargestScenarioRenders(t *testing.T) {
	img, _ := renderWith(t, play.Options{Scenario: sim.Largest(), Start: mins(20), UI: play.UIFull}, 1280, 800, 1)
	if n := distinctColors(img); n < 40 {
		t.Errorf("largest scenario: only %d colors", n)
	}
	save(t, img, filepath.Join(shotsDir(t), "desktop-largest.png"))
}

// The minimal embed layout and a high-DPI screen draw too.
func TestEmbedAndHighDPI(t *testing.T) {
	p, _ := sim.PresetByName("concurrency-1")
	for _, c := range []struct {
		ui   string
		w, h int
		u    float64
	}{{play.UIMinimal, 480, 300, 1}, {play.UINone, 480, 300, 1}, {play.UIFull, 2560, 1600, 2}} {
		img, g := renderWith(t, play.Options{Scenario: p.Scenario, Start: mins(25), UI: c.ui}, c.w, c.h, c.u)
		if n := distinctColors(img); n < 30 {
			t.Errorf("%s %dx%d: only %d colors", c.ui, c.w, c.h, n)
		}
		if c.u == 2 && g.scene.Scale() < 4 {
			t.Errorf("at 2x the house should scale by at least 4, is %v", g.scene.Scale())
		}
		save(t, img, filepath.Join(shotsDir(t), fmt.Sprintf("desktop-%s-%dx%d.png", c.ui, c.w, c.h)))
	}
}

// Without a sound device the game says so once and keeps running; with
// ALSA's null device (make test sets ALSA_CONFIG_PATH) audio runs.
func TestAudioDevices(t *testing.T) {
	alsa := os.Getenv("ALSA_CONFIG_PATH")
	if alsa == "" {
		t.Fatal("ALSA_CONFIG_PATH is not set: run through make test")
	}
	p, _ := sim.PresetByName("concurrency-1")

	t.Setenv("ALSA_CONFIG_PATH", "")
	t.Setenv("PULSE_SERVER", "")
	if _, err := os.Stat("/dev/snd"); err == nil {
		t.Log("this machine has /dev/snd; the no-device case is not exercised")
	} else {
		g, err := New(play.Options{Scenario: p.Scenario, Speed: 1, UI: play.UIFull})
		if err != nil {
			t.Fatal(err)
		}
		said := 0
		for _, n := range g.notices {
			if strings.Contains(n.text, "no sound device") {
				said++
			}
		}
		if said != 1 {
			t.Errorf("no-device notices: %d, want exactly 1 (%+v)", said, g.notices)
		}
		for range 30 {
			if err := g.Update(); err != nil {
				t.Fatalf("the game stopped without a device: %v", err)
			}
		}
		if s := g.State(); s.Audio.Ready || s.Audio.Playing {
			t.Errorf("audio claims to run without a device: %+v", s.Audio)
		}
	}

	t.Setenv("ALSA_CONFIG_PATH", alsa)
	g, err := New(play.Options{Scenario: p.Scenario, Speed: 1, UI: play.UIFull, Autoplay: true})
	if err != nil {
		t.Fatal(err)
	}
	ready := false
	for range 300 { // the driver starts asynchronously: allow it 3 s
		time.Sleep(10 * time.Millisecond)
		if err := g.Update(); err != nil {
			t.Fatal(err)
		}
		if s := g.State(); s.Audio.Ready && s.Audio.Playing {
			ready = true
			break
		}
	}
	if !ready {
		t.Errorf("audio did not start on the null device: %+v", g.State().Audio)
	}
}

// The code view draws the model's source with people's marks.
func TestCodeViewRenders(t *testing.T) {
	p, _ := sim.PresetByName("concurrency-2")
	img, _ := renderWith(t, play.Options{Scenario: p.Scenario, Start: mins(10), UI: play.UIFull, View: play.ViewCode}, 1280, 800, 1)
	house, _ := render(t, "concurrency-2", 10)
	if d := differingPixels(img, house); d < 50000 {
		t.Errorf("the code view differs from the house in only %d pixels", d)
	}
	save(t, img, filepath.Join(shotsDir(t), "desktop-code-view.png"))
}

// Painting only the tiles that changed (game/redraw) shows, frame after
// frame, exactly what drawing everything shows: through playing, seeking,
// story changes, the code view, help, notices, muting and a resize. And it
// is worth it: a still frame paints nothing, and a playing frame of the
// largest house repaints a small share of the screen.
func TestRedrawMatchesFullDraw(t *testing.T) {
	opts := play.Options{Scenario: sim.Largest(), UI: play.UIFull, Speed: 1, Mute: true}
	g, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	script := map[int][]play.Intent{
		0:   {{Kind: play.Play}},
		30:  {{Kind: play.ToggleHelp}},
		34:  {{Kind: play.ToggleHelp}},
		40:  {{Kind: play.Seek, Value: 150}},
		55:  {{Kind: play.Pause}},
		70:  {{Kind: play.Play}, {Kind: play.SetSpeed, Value: 8}},
		85:  {{Kind: play.Pick, Value: 5}}, // best-of-both: the home theatre's waves
		86:  {{Kind: play.Play}},
		100: {{Kind: play.ToggleCode}, {Kind: play.Pause}},
		110: {{Kind: play.ToggleCode}, {Kind: play.Play}},
		120: {{Kind: play.StepBack}},
		125: {{Kind: play.ToggleMute}, {Kind: play.VolumeDown}},
		130: {{Kind: play.Pick, Value: 6}}, // the largest house again
		131: {{Kind: play.Play}},
		152: {{Kind: play.ToggleTheme}},   // light
		158: {{Kind: play.ToggleTheme}},   // and dark again
		162: {{Kind: play.TogglePresent}}, // the presenter's interface
		166: {{Kind: play.TogglePresent}},
	}
	// The last size is too small for the largest house at 1x: it is shrunk
	// to fit, smoothly, and drawn whole every frame.
	// Then across the compact boundary (600 wide) and back.
	size := map[int]image.Point{0: {1280, 800}, 140: {1440, 900}, 150: {900, 600}, 170: {600, 800}, 176: {700, 800}}
	var (
		painter         redraw.Painter
		screen, whole   *ebiten.Image
		playingShare    []float64
		idleWhilePaused int
	)
	for frame := range 180 {
		if sz, ok := size[frame]; ok {
			g.w, g.h, g.u = sz.X, sz.Y, 1
			screen, whole = ebiten.NewImage(sz.X, sz.Y), ebiten.NewImage(sz.X, sz.Y)
		}
		if frame == 95 {
			g.say("A notice, shown for a while over the picture.")
		}
		for _, in := range script[frame] {
			g.player.Apply(in)
		}
		g.player.Tick()
		g.ensureLayout()
		g.updateAudio()
		g.drawAll(painter.Begin(screen.Bounds()))
		painter.Finish(screen)
		g.drawAll(whole)

		got, want := pixelsOf(screen), pixelsOf(whole)
		// Two draws of a smoothly shrunk picture can differ by a unit or
		// so in a channel (Ebitengine's mipmaps); anything else is exact.
		tolerance := 0
		if g.scene.Scale() < 1 {
			tolerance = 2
		}
		if d := differingBeyond(got, want, tolerance); d > 0 {
			save(t, got, filepath.Join(shotsDir(t), "redraw-got.png"))
			save(t, want, filepath.Join(shotsDir(t), "redraw-want.png"))
			t.Fatalf("frame %d: %d pixels differ from a full draw (pictures in testdata/screenshots/redraw-*.png)", frame, d)
		}
		st := painter.Stats()
		switch {
		case frame > 100 && frame < 110: // the code view, paused: nothing moves
			if st.Last == 0 {
				idleWhilePaused++
			}
		case frame > 10 && frame < 30 || frame > 140 && frame < 150:
			playingShare = append(playingShare, float64(st.Last)/float64(g.w*g.h))
		}
	}
	if idleWhilePaused != 9 {
		t.Errorf("the code view, paused: %d of 9 frames painted nothing; want all", idleWhilePaused)
	}
	mean := 0.0
	for _, s := range playingShare {
		mean += s
	}
	mean /= float64(len(playingShare))
	t.Logf("playing the largest house: %.1f%% of the screen repainted per frame", 100*mean)
	if mean > 0.15 {
		t.Errorf("playing the largest house repaints %.0f%% of the screen per frame; want a small share", 100*mean)
	}
}

// differingBeyond counts the pixels where a channel of a and b differ by more
// than tolerance.
func differingBeyond(a, b *image.RGBA, tolerance int) int {
	n := 0
	for i := 0; i < len(a.Pix); i += 4 {
		for c := range 3 {
			if d := int(a.Pix[i+c]) - int(b.Pix[i+c]); d > tolerance || -d > tolerance {
				n++
				break
			}
		}
	}
	return n
}

func pixelsOf(img *ebiten.Image) *image.RGBA {
	out := image.NewRGBA(img.Bounds())
	img.ReadPixels(out.Pix)
	return out
}

// visibility is a platform whose page can be scrolled out of view.
type visibility struct {
	platform
	shown bool
}

func (v *visibility) visible() bool { return v.shown }

// Back in view after being hidden, the whole screen is painted again (the
// browser may have dropped its pixels meanwhile); while in view, a still
// frame paints nothing.
func TestBackInViewPaintsEverything(t *testing.T) {
	g, err := New(play.Options{Scenario: sim.Presets()[0].Scenario, UI: play.UIFull, Speed: 1, Mute: true, View: play.ViewCode})
	if err != nil {
		t.Fatal(err)
	}
	v := &visibility{platform: g.platform, shown: true}
	g.platform = v
	g.w, g.h, g.u = 640, 400, 1
	screen := ebiten.NewImage(640, 400)
	frame := func() redraw.Stats {
		if err := g.Update(); err != nil {
			t.Fatal(err)
		}
		g.Draw(screen)
		return g.painter.Stats()
	}
	frame()
	if st := frame(); st.Last != 0 {
		t.Fatalf("a still frame (paused code view) painted %d pixels", st.Last)
	}
	v.shown = false
	hidden := frame()
	v.shown = true
	if st := frame(); st.Frames != hidden.Frames+1 || st.Last != 640*400 {
		t.Errorf("back in view: %d pixels painted, want all %d", st.Last, 640*400)
	}
	if st := frame(); st.Last != 0 {
		t.Errorf("then still again: %d pixels painted, want none", st.Last)
	}
}

// Clicking a person in the house, a row label or a marked line of code
// selects that person; the selection shows in every view.
func TestSelectionShowsEverywhere(t *testing.T) {
	before, g := render(t, "best-of-both", 10)
	people := g.scene.PersonRects()
	if len(people) != 2 {
		t.Fatalf("%d people on screen to pick, want 2", len(people))
	}
	friend := people[1]
	who, ok := g.pick(friend.Min.Add(friend.Size().Div(2)))
	if !ok || who != 1 {
		t.Fatalf("picking the friend's sprite gives %d %v", who, ok)
	}
	g.player.Apply(play.Intent{Kind: play.Select, Value: float64(who)})
	after := drawAgain(g)
	if d := differingPixels(before, after); d < 500 {
		t.Errorf("selecting the friend changed only %d pixels", d)
	}
	save(t, after, filepath.Join(shotsDir(t), "desktop-selected-friend.png"))

	// The code view: a click on the line where both sleep for a room picks
	// one, a second click the other.
	g.player.Apply(play.Intent{Kind: play.ToggleCode})
	drawAgain(g)
	var line image.Rectangle
	byLine := map[int][]code.Mark{}
	var order []int
	for _, m := range g.code.State(g.player).Marks { // in line order
		if len(byLine[m.Line]) == 0 {
			order = append(order, m.Line)
		}
		byLine[m.Line] = append(byLine[m.Line], m)
	}
	for _, n := range order {
		if ms := byLine[n]; len(ms) == 2 && !ms[0].Blocked {
			line, _ = g.code.LineRect(n)
			break
		}
	}
	if line.Empty() {
		t.Fatal("no marked line with both people")
	}
	mid := line.Min.Add(line.Size().Div(2))
	if who, ok := g.pick(mid); !ok || who != 0 {
		t.Errorf("with the friend selected, a click on the shared line picks %d %v, want You (0)", who, ok)
	}
	save(t, drawAgain(g), filepath.Join(shotsDir(t), "desktop-code-selected.png"))
}

// drawAgain draws g's next frame from scratch.
func drawAgain(g *Game) *image.RGBA {
	screen := ebiten.NewImage(g.w, g.h)
	g.drawAll(screen)
	img := image.NewRGBA(screen.Bounds())
	screen.ReadPixels(img.Pix)
	return img
}

// mins is m minutes, for tests.
func mins(m float64) sim.Time {
	t, ok := sim.Approx(m)
	if !ok {
		panic(m)
	}
	return t
}

// The compare view draws every story on one clock, at the desktop size and
// in a small embed, and its rows are where state() says they are.
func TestCompareViewRenders(t *testing.T) {
	p, _ := sim.PresetByName("concurrency-2")
	for _, c := range []struct {
		name string
		ui   string
		w, h int
	}{{"desktop-compare-view", play.UIFull, 1280, 800}, {"embed-compare-view", play.UIMinimal, 480, 300}} {
		img, g := renderWith(t, play.Options{Scenario: p.Scenario, Start: mins(50), UI: c.ui, View: play.ViewCompare}, c.w, c.h, 1)
		house, _ := renderWith(t, play.Options{Scenario: p.Scenario, Start: mins(50), UI: c.ui}, c.w, c.h, 1)
		if d := differingPixels(img, house); d < c.w*c.h/8 {
			t.Errorf("%s: the compare view differs from the house in only %d pixels", c.name, d)
		}
		g.publishState(true)
		s := g.State()
		if len(s.Compare) != sim.NumPresets {
			t.Fatalf("%s: %d rows in state, want %d", c.name, len(s.Compare), sim.NumPresets)
		}
		for i, e := range s.Compare {
			if e.Row.W <= 0 || e.Row.H <= 0 || e.Row.Y+e.Row.H > float64(c.h) {
				t.Errorf("%s: row %d (%s) at %+v, off the screen", c.name, i, e.Scenario, e.Row)
			}
			if i > 0 && e.Row.Y < s.Compare[i-1].Row.Y+s.Compare[i-1].Row.H {
				t.Errorf("%s: row %d overlaps the one above", c.name, i)
			}
		}
		save(t, img, filepath.Join(shotsDir(t), c.name+".png"))
	}
}

// Taking turns shows in the house: at minute 50 of concurrency-2 played in
// turns, the friend waits for the phone.
func TestTurnsRenders(t *testing.T) {
	p, _ := sim.PresetByName("concurrency-2")
	img, g := renderWith(t, play.Options{Scenario: p.Scenario, Start: mins(50), UI: play.UIFull, Share: play.ShareTurns}, 1280, 800, 1)
	g.publishState(true)
	if s := g.State(); s.Share != "turns" || s.Makespan != 120 || len(s.Waiting) != 1 || s.Waiting[0] != "Friend" {
		t.Errorf("turns at 50: share %q, makespan %v, waiting %v", s.Share, s.Makespan, s.Waiting)
	}
	together, _ := render(t, "concurrency-2", 50)
	if d := differingPixels(img, together); d < 2000 {
		t.Errorf("taking turns differs from listening together in only %d pixels", d)
	}
	save(t, img, filepath.Join(shotsDir(t), "desktop-turns-50.png"))
}
