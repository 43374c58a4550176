package redraw

import (
	"image"
	"slices"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// The dirty tiles are covered exactly: every dirty tile by one rectangle,
// no clean tile at all, and runs on consecutive rows merged.
func TestRectsCoverTheDirtyTiles(t *testing.T) {
	cases := []struct {
		grid []string
		want int // rectangles
	}{
		{[]string{"....", "....", "...."}, 0},
		{[]string{"####", "####", "####"}, 1},
		{[]string{".##.", ".##.", "...."}, 1},
		{[]string{"#..#", "#..#", "...."}, 2},
		{[]string{"##..", ".##.", "..##"}, 3},
		{[]string{"#.#.", "....", "#.#."}, 4},
		{[]string{".#..", "###.", ".#.."}, 3},
	}
	for _, c := range cases {
		p := &Painter{cols: len(c.grid[0]), rows: len(c.grid)}
		for _, row := range c.grid {
			for _, ch := range row {
				p.dirty = append(p.dirty, ch == '#')
			}
		}
		rs := p.rects()
		if len(rs) != c.want {
			t.Errorf("%v: %d rectangles %v, want %d", c.grid, len(rs), rs, c.want)
		}
		covered := make([]int, len(p.dirty))
		for _, r := range rs {
			for y := r.Min.Y; y < r.Max.Y; y += TileSize {
				for x := r.Min.X; x < r.Max.X; x += TileSize {
					covered[y/TileSize*p.cols+x/TileSize]++
				}
			}
		}
		for i, d := range p.dirty {
			if want := map[bool]int{true: 1, false: 0}[d]; covered[i] != want {
				t.Errorf("%v: tile %d covered %d times, want %d", c.grid, i, covered[i], want)
			}
		}
	}
}

// A draw reaches the pixels its transformed image covers, a pixel wider.
func TestReach(t *testing.T) {
	b := image.Rect(0, 0, 10, 4)
	var g ebiten.GeoM
	g.Translate(5, 7)
	if got, want := reach(b, &g), image.Rect(4, 6, 16, 12); got != want {
		t.Errorf("translated: %v, want %v", got, want)
	}
	g.Reset()
	g.Scale(-2, 3) // flipped and scaled
	g.Translate(100.5, 0)
	if got, want := reach(b, &g), image.Rect(79, -1, 102, 13); got != want {
		t.Errorf("flipped and scaled: %v, want %v", got, want)
	}
	g.Reset()
	g.Scale(0, 0)
	g.Translate(1e300, 0)
	if got := reach(b, &g); got.Dx() > 1<<25 {
		t.Errorf("far away: %v", got)
	}
}

// Frame after frame, only the tiles whose draws changed are painted.
func TestOnlyChangedTilesArePainted(t *testing.T) {
	screen := ebiten.NewImage(256, 128)
	bg := ebiten.NewImage(1, 1)
	sprite := ebiten.NewImage(8, 8)
	other := ebiten.NewImage(8, 8)
	var p Painter
	frame := func(sx, sy float64, img *ebiten.Image, tint float32) Stats {
		l := p.Begin(screen.Bounds())
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Scale(256, 128)
		l.DrawImage(bg, op)
		op = &ebiten.DrawImageOptions{}
		op.GeoM.Translate(sx, sy)
		op.ColorScale.Scale(tint, tint, tint, 1)
		l.DrawImage(img, op)
		p.Finish(screen)
		return p.Stats()
	}
	steps := []struct {
		name       string
		x, y       float64
		img        *ebiten.Image
		tint       float32
		wantPixels int
	}{
		{"first frame: everything", 40, 40, sprite, 1, 256 * 128},
		{"the same again: nothing", 40, 40, sprite, 1, 0},
		{"moved inside its tile: that tile", 44, 42, sprite, 1, 32 * 32},
		{"moved across a tile border: old and new tiles", 60, 42, sprite, 1, 2 * 32 * 32},
		{"another image in the same place", 60, 42, other, 1, 2 * 32 * 32},
		{"another tint", 60, 42, other, 0.5, 2 * 32 * 32},
		{"to a corner: two tiles become four", 94, 94, other, 0.5, 6 * 32 * 32},
		{"still", 94, 94, other, 0.5, 0},
	}
	for _, s := range steps {
		st := frame(s.x, s.y, s.img, s.tint)
		if st.Last != s.wantPixels {
			t.Errorf("%s: %d pixels painted, want %d", s.name, st.Last, s.wantPixels)
		}
	}
	if st := p.Stats(); st.Idle != 2 || st.Frames != len(steps) {
		t.Errorf("stats %+v: want 2 idle frames of %d", st, len(steps))
	}
	// A new screen image paints everything, of the same size or not;
	// Invalidate does too.
	screen = ebiten.NewImage(256, 128)
	if st := frame(94, 94, other, 0.5); st.Last != 256*128 {
		t.Errorf("new screen image: %d pixels, want all %d", st.Last, 256*128)
	}
	screen = ebiten.NewImage(200, 100)
	if st := frame(94, 94, other, 0.5); st.Last != 200*100 {
		t.Errorf("new size: %d pixels, want all %d", st.Last, 200*100)
	}
	p.Invalidate()
	if st := frame(94, 94, other, 0.5); st.Last != 200*100 {
		t.Errorf("invalidated: %d pixels, want all", st.Last)
	}
	// An offscreen image with new pixels is a change where it is drawn.
	l := p.Begin(screen.Bounds())
	l.Redrawn(other)
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(256, 128)
	l.DrawImage(bg, op)
	op = &ebiten.DrawImageOptions{}
	op.GeoM.Translate(94, 94)
	op.ColorScale.Scale(0.5, 0.5, 0.5, 1)
	l.DrawImage(other, op)
	p.Finish(screen)
	if got := p.Stats().Last; got == 0 || got > 6*32*32 {
		t.Errorf("redrawn offscreen image: %d pixels painted, want its tiles", got)
	}
	if !slices.IsSortedFunc(p.rects(), func(a, b image.Rectangle) int { return a.Min.Y - b.Min.Y }) {
		t.Error("rectangles out of order")
	}
}
