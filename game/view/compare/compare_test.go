package compare

import (
	"image"
	"testing"

	"chores/game/play"
	"chores/sim"
)

func stories(t *testing.T) []*play.Story {
	t.Helper()
	p, err := play.NewPlayer(sim.Presets()[0].Scenario, 1)
	if err != nil {
		t.Fatal(err)
	}
	return p.Compared()
}

// The rows come from the model: makespans, waiting, places as each story
// finishes, and who does what at the minute.
func TestRows(t *testing.T) {
	st := stories(t)
	cases := []struct {
		minute int64
		ranks  []int
	}{
		{0, []int{0, 0, 0, 0, 0, 0}},
		{45, []int{0, 0, 0, 0, 0, 1}},
		{74, []int{0, 2, 0, 0, 0, 1}},
		{75, []int{0, 2, 3, 3, 3, 1}},
		{105, []int{6, 2, 3, 3, 3, 1}},
	}
	for _, c := range cases {
		rows := Rows(st, sim.Whole(c.minute))
		for i, r := range rows {
			if r.Rank != c.ranks[i] || r.Finished != (c.ranks[i] > 0) {
				t.Errorf("minute %d: %s rank %d finished %v, want %d", c.minute, r.Name, r.Rank, r.Finished, c.ranks[i])
			}
			if r.Makespan != st[i].Result.Makespan || r.Waiting != st[i].Result.Waiting {
				t.Errorf("%s: makespan %v waiting %v, not the model's", r.Name, r.Makespan, r.Waiting)
			}
		}
	}
	// concurrency-2 at minute 10: both clean; at 50 both listen together.
	r := Rows(st, sim.Whole(10))[4]
	if len(r.People) != 2 || r.People[0].Room < 0 || r.People[1].Room < 0 || r.People[0].Listening {
		t.Errorf("concurrency-2 at 10: %+v", r.People)
	}
	r = Rows(st, sim.Whole(50))[4]
	if !r.People[0].Listening || !r.People[1].Listening || r.People[1].Waiting {
		t.Errorf("concurrency-2 at 50: %+v", r.People)
	}
	if End(st) != sim.Whole(105) {
		t.Errorf("the clock ends at %v, want 105", End(st))
	}
}

// Taking turns, the friend waits at 50 and the story runs to 120.
func TestRowsTakingTurns(t *testing.T) {
	st := stories(t)
	st[4] = st[4].Sharing(play.ShareTurns)
	r := Rows(st, sim.Whole(50))[4]
	if !r.People[1].Waiting || r.Makespan != sim.Whole(120) || r.Waiting != sim.Whole(45) {
		t.Errorf("turns at 50: %+v", r)
	}
	if End(st) != sim.Whole(120) {
		t.Errorf("the clock ends at %v, want 120", End(st))
	}
}

// Layout puts the rows one under another inside the area, compact in an
// embed; Hit opens a row from its label and seeks on the chart; MinuteAt
// and X agree.
func TestLayoutAndHit(t *testing.T) {
	for _, c := range []struct {
		area    image.Rectangle
		n       int
		compact bool
	}{
		{image.Rect(8, 78, 1272, 756), 6, false},
		{image.Rect(0, 0, 480, 270), 7, true},
		{image.Rect(8, 78, 382, 796), 7, false},
	} {
		g := Layout(c.area, c.n, 1)
		if g.Compact != c.compact || len(g.Rows) != c.n {
			t.Errorf("%v: compact %v, %d rows", c.area, g.Compact, len(g.Rows))
		}
		for i, r := range g.Rows {
			if !r.In(c.area) || i > 0 && r.Min.Y < g.Rows[i-1].Max.Y {
				t.Errorf("%v: row %d at %v", c.area, i, r)
			}
			pt := image.Pt(r.Min.X+5, (r.Min.Y+r.Max.Y)/2)
			if story, open, _ := g.Hit(pt); !open || story != i {
				t.Errorf("%v: a press on row %d's label opens %d (%v)", c.area, i, story, open)
			}
			if _, open, seek := g.Hit(image.Pt(g.Chart.Min.X+10, pt.Y)); open || !seek {
				t.Errorf("%v: a press on row %d's chart does not seek", c.area, i)
			}
		}
		end := sim.Whole(105)
		if m := g.MinuteAt(int(g.X(sim.Whole(50), end)+0.5), end); m < 49 || m > 51 {
			t.Errorf("%v: x of 50 maps back to %v", c.area, m)
		}
	}
}

func TestPlace(t *testing.T) {
	for rank, want := range map[int]string{0: "", 1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 21: "21st"} {
		if got := Place(rank); got != want {
			t.Errorf("Place(%d) = %q, want %q", rank, got, want)
		}
	}
}
