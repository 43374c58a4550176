//go:build e2e

package e2e

import (
	"encoding/base64"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// CompareEntry mirrors one row of state().compare.
type CompareEntry struct {
	Scenario string  `json:"scenario"`
	Title    string  `json:"title"`
	Makespan float64 `json:"makespan"`
	Waiting  float64 `json:"waiting"`
	Finished bool    `json:"finished"`
	Rank     int     `json:"rank"`
	Row      struct{ X, Y, W, H float64 }
}

// CompareAxis mirrors state().compareAxis.
type CompareAxis struct {
	X, Y, W, H float64
	Minutes    float64 `json:"minutes"`
}

func compareRows(tb *tab) []CompareEntry {
	return mustEval[[]CompareEntry](tb, `window.chores.state().compare || []`)
}

// The compare view lists the six stories with the model's makespans, on one
// clock that runs to the longest, and ranks them as they finish; dragging
// the shared playhead moves every story; a row's label opens its story at
// the same minute.
func TestCompareView(t *testing.T) {
	tb := newTab(t)
	tb.open("/?view=compare&autoplay=0&mute=1")
	tb.wait("the compare view", func(s State) bool { return s.View == "compare" && s.Makespan == 105 })
	rows := compareRows(tb)
	want := []struct {
		name     string
		makespan float64
	}{{"sequential", 105}, {"concurrency-1", 60}, {"parallelism-1", 75}, {"parallelism-2", 75}, {"concurrency-2", 75}, {"best-of-both", 45}}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(rows), len(want), rows)
	}
	for i, w := range want {
		if rows[i].Scenario != w.name || rows[i].Makespan != w.makespan || rows[i].Rank != 0 || rows[i].Finished {
			t.Errorf("row %d at minute 0: %+v, want %s, %v min, unranked", i, rows[i], w.name, w.makespan)
		}
	}
	// The places are revealed as the stories finish.
	places := []struct {
		minute float64
		ranks  []int
	}{
		{44, []int{0, 0, 0, 0, 0, 0}},
		{45, []int{0, 0, 0, 0, 0, 1}},
		{60, []int{0, 2, 0, 0, 0, 1}},
		{75, []int{0, 2, 3, 3, 3, 1}},
		{105, []int{6, 2, 3, 3, 3, 1}},
	}
	for _, pl := range places {
		mustEval[any](tb, fmt.Sprintf(`window.chores.seek(%v)`, pl.minute))
		tb.wait(fmt.Sprintf("minute %v", pl.minute), func(s State) bool { return s.Minute == pl.minute })
		rows = compareRows(tb)
		for i, r := range rows {
			if r.Rank != pl.ranks[i] || r.Finished != (pl.ranks[i] > 0) {
				t.Errorf("minute %v: %s ranked %d (finished %v), want %d", pl.minute, r.Scenario, r.Rank, r.Finished, pl.ranks[i])
			}
		}
	}
	if s := tb.state(); !s.Done {
		t.Errorf("at 105 the compare clock is not done: %v", s)
	}

	// Drag the shared playhead from minute 10 to minute 50.
	axis := mustEval[CompareAxis](tb, `window.chores.state().compareAxis`)
	xAt := func(m float64) float64 { return axis.X + axis.W*m/axis.Minutes }
	y := axis.Y + 20
	err := tb.do(stepTimeout,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, xAt(10), y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xAt(30), y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xAt(50), y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, xAt(50), y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	)
	if err != nil {
		t.Fatalf("dragging the playhead: %v", err)
	}
	s := tb.wait("the playhead dragged to about 50", func(s State) bool { return s.Minute > 49 && s.Minute < 51 })
	rows = compareRows(tb)
	for i, r := range rows {
		if done := r.Makespan <= s.Minute; r.Finished != done {
			t.Errorf("dragged to %v: %s finished %v", s.Minute, want[i].name, r.Finished)
		}
	}
	mustEval[any](tb, `window.chores.seek(50)`)
	tb.wait("minute 50", func(s State) bool { return s.Minute == 50 })
	tb.screenshot("compare-1280x800-50")

	// Click parallelism-1's label: that story, in the house, at 50.
	r := compareRows(tb)[2].Row
	if err := tb.do(stepTimeout, chromedp.MouseClickXY(r.X+r.W/3, r.Y+r.H/2)); err != nil {
		t.Fatalf("clicking a row: %v", err)
	}
	tb.wait("parallelism-1 at 50 in the house", func(s State) bool {
		return s.Scenario == "parallelism-1" && s.View == "house" && s.Minute == 50 && s.Makespan == 75
	})
}

// A story of one's own (config=) joins as a seventh row.
func TestCompareCustomStory(t *testing.T) {
	tb := newTabSize(t, 640, 400)
	config := base64.RawURLEncoding.EncodeToString(presetJSON(t, "my house"))
	tb.open("/?view=compare&autoplay=0&mute=1&config=" + config)
	tb.wait("the compare view", func(s State) bool { return s.View == "compare" })
	rows := compareRows(tb)
	if len(rows) != 7 || rows[6].Scenario != "my house" || rows[6].Makespan != 75 {
		t.Fatalf("rows: %+v, want a seventh, my house, 75 min", rows)
	}
}

// The compare view on a phone and in a small embed.
func TestCompareViewSizes(t *testing.T) {
	for _, c := range []struct {
		name  string
		w, h  int64
		query string
	}{
		{"compare-phone-390x844", 390, 844, "/?view=compare&autoplay=0&mute=1&t=50"},
		{"compare-embed-480x300", 480, 300, "/?view=compare&ui=minimal&load=now&autoplay=0&mute=1&t=50"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := newTabSize(t, c.w, c.h)
			tb.open(c.query)
			tb.wait("the compare view at 50", func(s State) bool { return s.View == "compare" && s.Minute == 50 })
			for i, r := range compareRows(tb) {
				if r.Row.H <= 0 || r.Row.Y+r.Row.H > float64(c.h) || r.Row.X+r.Row.W > float64(c.w) {
					t.Errorf("row %d (%s) at %+v: off a %dx%d screen", i, r.Scenario, r.Row, c.w, c.h)
				}
			}
			img := tb.screenshot(c.name)
			if n := distinctColors(img); n < 20 {
				t.Errorf("%s: only %d colours", c.name, n)
			}
		})
	}
}

// ShareState is the part of state() the turns toggle changes.
type ShareState struct {
	Share     string   `json:"share"`
	Makespan  float64  `json:"makespan"`
	Waiting   []string `json:"waiting"`
	Narration string   `json:"narration"`
	Figures   Figures  `json:"figures"`
}

// concurrency-2 taking turns (T, or share=turns in the URL): 120 minutes,
// 45 of waiting, the friend waiting at 50; T again listens together.
func TestTurnsToggle(t *testing.T) {
	tb := newTab(t)
	tb.open("/?scenario=concurrency-2&autoplay=0&mute=1&t=50")
	tb.wait("concurrency-2 at 50", func(s State) bool { return s.Scenario == "concurrency-2" && s.Minute == 50 })
	tb.clickScene() // focus the canvas
	share := func() ShareState { return mustEval[ShareState](tb, `window.chores.state()`) }
	if s := share(); s.Share != "together" || s.Makespan != 75 || len(s.Waiting) != 0 {
		t.Fatalf("together at 50: %+v", s)
	}
	if err := tb.do(stepTimeout, chromedp.KeyEvent("t")); err != nil {
		t.Fatal(err)
	}
	tb.wait("T to take turns", func(s State) bool { return s.Makespan == 120 })
	s := share()
	if s.Share != "turns" || len(s.Waiting) != 1 || s.Waiting[0] != "Friend" || s.Narration != "Friend waits for your phone." {
		t.Errorf("taking turns at 50: %+v", s)
	}
	tb.screenshot("turns-concurrency-2-50")
	mustEval[any](tb, `window.chores.seek(120)`)
	tb.wait("the end of the turns", func(s State) bool { return s.Minute == 120 && s.Figures.Final })
	if s := share(); s.Figures.Waiting != 45 || s.Figures.Makespan != 120 {
		t.Errorf("turns at the end: figures %+v, want waiting 45 and makespan 120", s.Figures)
	}
	if err := tb.do(stepTimeout, chromedp.KeyEvent("t")); err != nil {
		t.Fatal(err)
	}
	tb.wait("T again to listen together", func(s State) bool { return s.Makespan == 75 && s.Minute == 75 })
	if s := share(); s.Share != "together" || s.Figures.Waiting != 0 {
		t.Errorf("back together: %+v", s)
	}

	// The same from the URL.
	tb.open("/?scenario=concurrency-2&share=turns&autoplay=0&mute=1&t=50")
	tb.wait("share=turns", func(s State) bool { return s.Makespan == 120 && s.Minute == 50 })
	if s := share(); s.Share != "turns" || len(s.Waiting) != 1 || s.Waiting[0] != "Friend" {
		t.Errorf("share=turns at 50: %+v", s)
	}
}

// Step by event: ] and [ jump to the model's next and previous events.
func TestStepByEvent(t *testing.T) {
	tb := newTabSize(t, 640, 400)
	tb.open("/?scenario=sequential&autoplay=0&mute=1&t=30")
	tb.wait("sequential at 30", func(s State) bool { return s.Minute == 30 })
	tb.clickScene()
	if err := tb.do(stepTimeout, chromedp.KeyEvent("]")); err != nil {
		t.Fatal(err)
	}
	tb.wait("] to the living room's end at 35", func(s State) bool { return s.Minute == 35 })
	if err := tb.do(stepTimeout, chromedp.KeyEvent("[")); err != nil {
		t.Fatal(err)
	}
	tb.wait("[ back to the kitchen's end at 20", func(s State) bool { return s.Minute == 20 })
}
