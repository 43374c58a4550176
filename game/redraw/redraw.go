// Package redraw paints a frame only where it differs from the one before.
//
// A frame is first recorded: every DrawImage call goes into a List instead
// of onto the screen. The screen is cut into square tiles, and each tile
// gets a hash of the draws that touch it, in order. A tile whose hash is the
// same as last frame's already shows the right pixels (the screen is not
// cleared between frames), so only the changed tiles are painted again, by
// replaying the draws that touch them, clipped to them.
//
// Why: where WebGL runs on a CPU renderer (headless Chromium, machines
// without a usable GPU), every pixel a frame touches costs CPU, and so does
// presenting it. Most of Chores' picture is still from one frame to the next
// (the house, the chart, the panels); a moving person or playhead changes a
// few tiles. A frame where nothing changed (the code view while paused)
// paints nothing at all, which lets Ebitengine skip presenting it.
//
// The pixels are the same as painting everything: a tile is repainted from
// scratch (the first draw of every frame must cover the screen with an opaque
// colour) by every draw that touches it, in the frame's order.
package redraw

import (
	"image"
	"math"
	"math/bits"
	"unsafe"

	"github.com/hajimehoshi/ebiten/v2"
)

// TileSize is the side of a tile, in screen pixels. Smaller tiles repaint
// fewer pixels around a change but mean more, smaller draw batches.
const TileSize = 32

type draw struct {
	img  *ebiten.Image
	op   ebiten.DrawImageOptions
	r    image.Rectangle // the screen pixels it can touch
	hash uint64
}

// List records a frame's draws. It has the drawing methods of
// *ebiten.Image that the game uses, so drawing code takes either.
type List struct {
	bounds   image.Rectangle
	draws    []draw
	versions map[*ebiten.Image]uint64
}

// Bounds is the screen's rectangle.
func (l *List) Bounds() image.Rectangle { return l.bounds }

// DrawImage records drawing img with op (nil means no options).
func (l *List) DrawImage(img *ebiten.Image, op *ebiten.DrawImageOptions) {
	d := draw{img: img}
	if op != nil {
		d.op = *op
	}
	d.r = reach(img.Bounds(), &d.op.GeoM).Intersect(l.bounds)
	if d.r.Empty() {
		return
	}
	d.hash = l.hashOf(&d)
	l.draws = append(l.draws, d)
}

// Redrawn says that img, an offscreen image drawn this frame, has new
// pixels: its draws count as changed even where nothing else did.
func (l *List) Redrawn(img *ebiten.Image) {
	if l.versions == nil {
		l.versions = map[*ebiten.Image]uint64{}
	}
	l.versions[img]++
}

// reach is the screen rectangle a draw of an image with bounds b can touch:
// the transformed corners, widened by a pixel for filtering and rounding.
func reach(b image.Rectangle, g *ebiten.GeoM) image.Rectangle {
	w, h := float64(b.Dx()), float64(b.Dy())
	x0, y0 := math.Inf(1), math.Inf(1)
	x1, y1 := math.Inf(-1), math.Inf(-1)
	for _, c := range [4][2]float64{{0, 0}, {w, 0}, {0, h}, {w, h}} {
		x, y := g.Apply(c[0], c[1])
		x0, y0 = min(x0, x), min(y0, y)
		x1, y1 = max(x1, x), max(y1, y)
	}
	if math.IsNaN(x0+y0+x1+y1) || math.IsInf(x0+y0+x1+y1, 0) {
		return image.Rectangle{}
	}
	const far = 1 << 24 // keeps the conversion to int sane
	clamp := func(v float64) int { return int(max(-far, min(far, v))) }
	return image.Rect(clamp(math.Floor(x0))-1, clamp(math.Floor(y0))-1, clamp(math.Ceil(x1))+1, clamp(math.Ceil(y1))+1)
}

// hashOf identifies a draw by everything that decides its pixels: the
// source (which image, and which version of an offscreen one) and the
// options the game sets.
func (l *List) hashOf(d *draw) uint64 {
	h := mix(0, uint64(uintptr(unsafe.Pointer(d.img))))
	if v, ok := l.versions[d.img]; ok {
		h = mix(h, v)
	}
	for i := range 2 {
		for j := range 3 {
			h = mix(h, math.Float64bits(d.op.GeoM.Element(i, j)))
		}
	}
	cs := &d.op.ColorScale
	h = mix(h, uint64(math.Float32bits(cs.R()))<<32|uint64(math.Float32bits(cs.G())))
	h = mix(h, uint64(math.Float32bits(cs.B()))<<32|uint64(math.Float32bits(cs.A())))
	b := d.op.Blend
	h = mix(h, uint64(b.BlendFactorSourceRGB)|uint64(b.BlendFactorSourceAlpha)<<8|
		uint64(b.BlendFactorDestinationRGB)<<16|uint64(b.BlendFactorDestinationAlpha)<<24|
		uint64(b.BlendOperationRGB)<<32|uint64(b.BlendOperationAlpha)<<40)
	return mix(h, uint64(d.op.Filter))
}

// mix folds v into h, order mattering (a 64-bit multiply-rotate hash).
func mix(h, v uint64) uint64 {
	h ^= v * 0x9e3779b97f4a7c15
	h = bits.RotateLeft64(h, 27) * 0xff51afd7ed558ccd
	return h ^ h>>31
}

// Painter keeps the screen's tiles from frame to frame.
type Painter struct {
	list  List
	prev  []draw // last frame's draws: kept so no image they name is freed (and its address reused) before the comparison
	cols  int
	rows  int
	tiles []uint64 // last frame's hash per tile
	next  []uint64
	dirty []bool
	full  bool
	last  *ebiten.Image // the screen painted last

	out         []image.Rectangle // rects' buffers, reused
	above, here []run

	stats Stats
}

// Stats count what the painter did.
type Stats struct {
	Frames int   // frames finished
	Idle   int   // frames that painted nothing (nothing had changed)
	Pixels int64 // screen pixels repainted, in all
	Screen int64 // screen pixels, in all frames: Pixels/Screen is the share repainted
	Last   int   // pixels repainted in the last frame
}

// Stats reports the counts so far.
func (p *Painter) Stats() Stats { return p.stats }

// Invalidate makes the next frame paint every tile, for when the screen's
// pixels cannot be trusted.
func (p *Painter) Invalidate() { p.full = true }

// Begin starts recording a frame for a screen with the given bounds.
func (p *Painter) Begin(bounds image.Rectangle) *List {
	if bounds != p.list.bounds {
		p.list.bounds = bounds
		p.cols = (bounds.Dx() + TileSize - 1) / TileSize
		p.rows = (bounds.Dy() + TileSize - 1) / TileSize
		n := p.cols * p.rows
		p.tiles, p.next, p.dirty = make([]uint64, n), make([]uint64, n), make([]bool, n)
		p.full = true
	}
	p.prev, p.list.draws = p.list.draws, p.prev[:0]
	return &p.list
}

// Finish paints the changed tiles of the recorded frame onto screen, whose
// bounds must be those given to Begin.
func (p *Painter) Finish(screen *ebiten.Image) {
	l := &p.list
	if screen != p.last {
		p.full, p.last = true, screen // a new screen image has none of the old pixels
	}
	clear(p.next)
	origin := l.bounds.Min
	for i := range l.draws {
		d := &l.draws[i]
		r := d.r.Sub(origin)
		for ty := r.Min.Y / TileSize; ty <= (r.Max.Y-1)/TileSize && ty < p.rows; ty++ {
			row := p.next[ty*p.cols : (ty+1)*p.cols]
			for tx := r.Min.X / TileSize; tx <= (r.Max.X-1)/TileSize && tx < p.cols; tx++ {
				row[tx] = mix(row[tx], d.hash)
			}
		}
	}
	any := false
	for i := range p.next {
		p.dirty[i] = p.full || p.next[i] != p.tiles[i]
		any = any || p.dirty[i]
	}
	p.tiles, p.next = p.next, p.tiles
	p.full = false
	p.stats.Frames++
	p.stats.Screen += int64(l.bounds.Dx() * l.bounds.Dy())
	p.stats.Last = 0
	if !any {
		p.stats.Idle++
		return
	}
	for _, r := range p.rects() {
		r = r.Add(origin).Intersect(l.bounds)
		p.paint(screen, r)
		p.stats.Last += r.Dx() * r.Dy()
	}
	p.stats.Pixels += int64(p.stats.Last)
}

// paint replays, clipped to r, every draw that touches r.
func (p *Painter) paint(screen *ebiten.Image, r image.Rectangle) {
	dst := screen
	if r != screen.Bounds() {
		dst = screen.SubImage(r).(*ebiten.Image)
	}
	for i := range p.list.draws {
		d := &p.list.draws[i]
		if d.r.Overlaps(r) {
			dst.DrawImage(d.img, &d.op)
		}
	}
}

// rects covers the dirty tiles with few rectangles (in tile-grid pixels):
// runs of dirty tiles along each row, and runs on consecutive rows that
// span the same columns joined into one.
func (p *Painter) rects() []image.Rectangle {
	out := p.out[:0]
	above, here := p.above[:0], p.here[:0] // the runs of the row above and of this row
	for ty := range p.rows {
		here = here[:0]
		for tx := 0; tx < p.cols; {
			if !p.dirty[ty*p.cols+tx] {
				tx++
				continue
			}
			r := run{from: tx}
			for tx < p.cols && p.dirty[ty*p.cols+tx] {
				tx++
			}
			r.to = tx
			r.rect = -1
			for _, a := range above {
				if a.from == r.from && a.to == r.to {
					r.rect = a.rect
					out[r.rect].Max.Y += TileSize
					break
				}
			}
			if r.rect < 0 {
				r.rect = len(out)
				out = append(out, image.Rect(r.from*TileSize, ty*TileSize, r.to*TileSize, (ty+1)*TileSize))
			}
			here = append(here, r)
		}
		above, here = here, above
	}
	p.out, p.above, p.here = out, above, here
	return out
}

// run is a stretch of dirty tiles in a row, columns from to to (exclusive),
// and the rectangle of out that covers it.
type run struct{ from, to, rect int }
