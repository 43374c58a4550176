// Package gifout turns frames of the game into a small animated GIF: one
// fixed palette for every frame (built from the art's own colours, so the
// house keeps its exact colours and nothing flickers between frames), and
// frames after the first cut to the rectangle that changed, with the
// unchanged pixels inside it transparent. A house where two people move
// then costs a few kilobytes a frame.
//
// It knows nothing of Ebitengine: the game hands it RGBA pictures.
package gifout

import (
	"image"
	"image/color"
	"image/gif"
	"io"
	"time"
)

// Weighted is a colour and how much of the art uses it.
type Weighted struct {
	C color.RGBA
	N int
}

// MaxColors is how many opaque colours a palette holds: 255, and one
// transparent entry for "unchanged" in the frames after the first.
const MaxColors = 255

// BuildPalette makes a palette of at most MaxColors opaque colours plus a
// transparent one (the last). When there are more colours than that, the
// two nearest are merged into the more used of them until they fit: the
// art's frequent colours stay exact, near-duplicates are the ones to go.
func BuildPalette(cols []Weighted) color.Palette {
	var list []Weighted
	seen := map[color.RGBA]int{}
	for _, w := range cols {
		c := w.C
		c.A = 0xff
		if i, ok := seen[c]; ok {
			list[i].N += w.N
			continue
		}
		seen[c] = len(list)
		list = append(list, Weighted{c, w.N})
	}
	for len(list) > MaxColors {
		bi, bj, best := 0, 1, int(^uint(0)>>1)
		for i := range list {
			for j := i + 1; j < len(list); j++ {
				if d := dist(list[i].C, list[j].C); d < best {
					bi, bj, best = i, j, d
				}
			}
		}
		if list[bj].N > list[bi].N {
			bi, bj = bj, bi
		}
		list[bi].N += list[bj].N
		list = append(list[:bj], list[bj+1:]...)
	}
	pal := make(color.Palette, 0, len(list)+1)
	for _, w := range list {
		pal = append(pal, w.C)
	}
	return append(pal, color.RGBA{})
}

// dist is a squared distance weighted for the eye (green counts most).
func dist(a, b color.RGBA) int {
	dr, dg, db := int(a.R)-int(b.R), int(a.G)-int(b.G), int(a.B)-int(b.B)
	return 3*dr*dr + 4*dg*dg + 2*db*db
}

// Recorder collects frames: quantized at once (so that only small
// paletted pictures are kept, not RGBA ones), cut to what changed.
type Recorder struct {
	pal    color.Palette
	opaque []color.RGBA // pal without the transparent entry
	clear  uint8        // the transparent index
	cache  map[uint32]uint8
	prev   *image.Paletted // the last full frame, quantized
	cur    *image.Paletted
	anim   gif.GIF
}

// NewRecorder records frames of w×h pixels with the palette pal (from
// BuildPalette: its last entry is the transparent one).
func NewRecorder(pal color.Palette, w, h int) *Recorder {
	r := &Recorder{pal: pal, clear: uint8(len(pal) - 1), cache: map[uint32]uint8{}}
	for _, c := range pal[:len(pal)-1] {
		r.opaque = append(r.opaque, c.(color.RGBA))
	}
	r.anim.Config = image.Config{ColorModel: pal, Width: w, Height: h}
	r.anim.LoopCount = 0 // for ever
	return r
}

// Frames is how many frames are kept (a frame like the one before only
// lengthens it).
func (r *Recorder) Frames() int { return len(r.anim.Image) }

// Add quantizes img (the recorder's size) and keeps it for delay
// hundredths of a second.
func (r *Recorder) Add(img *image.RGBA, delay int) {
	b := image.Rect(0, 0, r.anim.Config.Width, r.anim.Config.Height)
	if r.cur == nil {
		r.cur = image.NewPaletted(b, r.pal)
		r.prev = image.NewPaletted(b, r.pal)
	}
	r.quantize(img, r.cur)
	if len(r.anim.Image) == 0 {
		first := image.NewPaletted(b, r.pal)
		copy(first.Pix, r.cur.Pix)
		r.keep(first, delay)
		r.prev, r.cur = r.cur, r.prev
		return
	}
	changed := diffRect(r.prev, r.cur)
	if changed.Empty() {
		r.anim.Delay[len(r.anim.Delay)-1] += delay
		return
	}
	part := image.NewPaletted(changed, r.pal)
	for y := changed.Min.Y; y < changed.Max.Y; y++ {
		for x := changed.Min.X; x < changed.Max.X; x++ {
			i := r.cur.PixOffset(x, y)
			v := r.cur.Pix[i]
			if v == r.prev.Pix[i] {
				v = r.clear
			}
			part.Pix[part.PixOffset(x, y)] = v
		}
	}
	r.keep(part, delay)
	r.prev, r.cur = r.cur, r.prev
}

func (r *Recorder) keep(m *image.Paletted, delay int) {
	r.anim.Image = append(r.anim.Image, m)
	r.anim.Delay = append(r.anim.Delay, max(delay, 2))
	r.anim.Disposal = append(r.anim.Disposal, gif.DisposalNone)
}

// Hold lengthens the last frame (a pause at the end before the GIF loops).
func (r *Recorder) Hold(delay int) {
	if n := len(r.anim.Delay); n > 0 {
		r.anim.Delay[n-1] += delay
	}
}

// quantize maps every pixel to its nearest palette entry. Runs of one
// colour are common in pixel art, so the last pixel's answer is tried
// first, then a cache of every colour met so far.
func (r *Recorder) quantize(img *image.RGBA, dst *image.Paletted) {
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	last, lastIdx := uint32(1<<31), uint8(0)
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		for x := 0; x < w; x++ {
			k := uint32(row[4*x])<<16 | uint32(row[4*x+1])<<8 | uint32(row[4*x+2])
			if k != last {
				idx, ok := r.cache[k]
				if !ok {
					idx = r.nearest(color.RGBA{row[4*x], row[4*x+1], row[4*x+2], 0xff})
					r.cache[k] = idx
				}
				last, lastIdx = k, idx
			}
			out[x] = lastIdx
		}
	}
}

func (r *Recorder) nearest(c color.RGBA) uint8 {
	best, bi := int(^uint(0)>>1), 0
	for i, p := range r.opaque {
		if d := dist(c, p); d < best {
			best, bi = d, i
			if d == 0 {
				break
			}
		}
	}
	return uint8(bi)
}

// diffRect is the smallest rectangle holding every pixel that differs.
func diffRect(a, b *image.Paletted) image.Rectangle {
	w, h := a.Rect.Dx(), a.Rect.Dy()
	x0, y0, x1, y1 := w, h, -1, -1
	for y := 0; y < h; y++ {
		ra, rb := a.Pix[y*a.Stride:y*a.Stride+w], b.Pix[y*b.Stride:y*b.Stride+w]
		for x := 0; x < w; x++ {
			if ra[x] != rb[x] {
				x0, x1 = min(x0, x), max(x1, x)
				y0, y1 = min(y0, y), max(y1, y)
			}
		}
	}
	if x1 < 0 {
		return image.Rectangle{}
	}
	return image.Rect(x0, y0, x1+1, y1+1)
}

// Encode writes the GIF. pause, when not nil, is called every slice of
// work (about 8 ms): in the browser it sleeps a moment, so that the page's
// event loop runs between slices (WebAssembly has one thread, and a long
// encode would otherwise freeze the page).
func (r *Recorder) Encode(w io.Writer, pause func()) error {
	if pause != nil {
		w = &yielder{w: w, pause: pause, since: time.Now()}
	}
	return gif.EncodeAll(w, &r.anim)
}

// yielder is a writer that pauses now and then. It has no WriteByte, so
// image/gif buffers in front of it and writes in 4 KB pieces.
type yielder struct {
	w     io.Writer
	pause func()
	since time.Time
}

// slice is how long the encoder works between pauses.
const slice = 8 * time.Millisecond

func (y *yielder) Write(p []byte) (int, error) {
	n, err := y.w.Write(p)
	if time.Since(y.since) > slice {
		y.pause()
		y.since = time.Now()
	}
	return n, err
}
