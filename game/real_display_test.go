//go:build display

package game

import (
	"context"
	"path/filepath"
	"testing"

	"chores/game/play"
	"chores/sim"
)

// stretched is a made-up real run of st: the model's timeline with every
// time multiplied by k, as a slow machine might measure it (for pictures
// that do not depend on this machine's load).
func stretched(st *play.Story, k float64) *sim.RealResult {
	scale := func(t sim.Time) sim.Time { v, _ := sim.Approx(t.Min() * k); return v }
	m := *st.Result
	m.Spans = append([]sim.Span(nil), m.Spans...)
	for i := range m.Spans {
		m.Spans[i].Start, m.Spans[i].End = scale(m.Spans[i].Start), scale(m.Spans[i].End)
	}
	m.Waits = append([]sim.WaitSpan(nil), m.Waits...)
	for i := range m.Waits {
		m.Waits[i].Start, m.Waits[i].End = scale(m.Waits[i].Start), scale(m.Waits[i].End)
	}
	m.Makespan = scale(m.Makespan)
	return &sim.RealResult{Scenario: st.Name, GOMAXPROCS: 1, NumCPU: 2, MsPerMinute: sim.DefaultMsPerMinute, Model: st.Result, Measured: &m}
}

// openReal opens the real panel of g with run standing for the real run,
// and waits for its result.
func openReal(g *Game, run func(ctx context.Context, s sim.Scenario, o sim.RealOptions) (*sim.RealResult, error)) {
	g.real.Run = run
	g.player.Apply(play.Intent{Kind: play.ToggleView, Text: play.ViewReal})
	g.syncReal()
	g.real.Wait()
}

// openRealRunning opens the real panel of g with a run that never ends
// until it is cancelled (at the end of the test).
func openRealRunning(t *testing.T, g *Game) {
	g.real.Run = func(ctx context.Context, _ sim.Scenario, _ sim.RealOptions) (*sim.RealResult, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	g.player.Apply(play.Intent{Kind: play.ToggleView, Text: play.ViewReal})
	g.syncReal()
	t.Cleanup(g.real.Close)
}

func fakeRun(g *Game, k float64) func(ctx context.Context, s sim.Scenario, o sim.RealOptions) (*sim.RealResult, error) {
	return func(context.Context, sim.Scenario, sim.RealOptions) (*sim.RealResult, error) {
		return stretched(g.player.Story(), k), nil
	}
}

// The panel at a laptop's, a phone's and a projector's size, from a real
// run on this machine (its figures vary with the load; the picture is to
// look at), and the layout of each checked like the matrix's.
func TestRealPanelRenders(t *testing.T) {
	p, _ := sim.PresetByName("parallelism-1")
	for _, sz := range []struct {
		name string
		w, h int
	}{{"laptop-1280x800", 1280, 800}, {"phone-390x844", 390, 844}, {"projector-1920x1080", 1920, 1080}} {
		_, g := renderWith(t, play.Options{Scenario: p.Scenario, UI: play.UIFull}, sz.w, sz.h, 1)
		openReal(g, nil)
		if g.real.Result() == nil {
			t.Fatalf("%s: no result (%s)", sz.name, g.real.Err())
		}
		img := drawAgain(g)
		save(t, img, filepath.Join(shotsDir(t), "real-"+sz.name+".png"))
		if err := checkItems(g.items, img.Bounds().Size(), false); err != nil {
			t.Errorf("%s: %v", sz.name, err)
		}
		t.Logf("%s: %s", sz.name, g.real.Why())

		// While a run is in flight: "running…", laid out as well.
		_, g = renderWith(t, play.Options{Scenario: p.Scenario, UI: play.UIFull}, sz.w, sz.h, 1)
		openRealRunning(t, g)
		img = drawAgain(g)
		save(t, img, filepath.Join(shotsDir(t), "real-running-"+sz.name+".png"))
		if err := checkItems(g.items, img.Bounds().Size(), false); err != nil {
			t.Errorf("%s, running: %v", sz.name, err)
		}
		if !g.real.Running() {
			t.Errorf("%s: not running", sz.name)
		}
	}
}
