package ui

import (
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
)

// Surface is what the game draws on: the screen's recorder (see
// game/redraw), or an offscreen *ebiten.Image. Everything is drawn with
// DrawImage, so a frame can be recorded and compared with the last.
type Surface interface {
	DrawImage(img *ebiten.Image, op *ebiten.DrawImageOptions)
	Bounds() image.Rectangle
}

// whitePixel is the centre of a white 3x3 image: scaled and tinted, it fills
// rectangles (the border keeps filtering from reading outside it).
var whitePixel = func() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
}()

func FillRect(dst Surface, r image.Rectangle, clr color.Color) {
	FillRectF(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), clr)
}

// FillRectF fills the rectangle at (x, y) of size w×h.
func FillRectF(dst Surface, x, y, w, h float32, clr color.Color) {
	if w <= 0 || h <= 0 {
		return
	}
	drawPart(dst, whitePixel, float64(x), float64(y), float64(w), float64(h), clr)
}

// Rounded rectangles and circles are drawn from small antialiased disc
// images, made once per radius, rather than as vector paths: a path is
// filled through a stencil, which breaks Ebitengine's batching, and a frame
// has dozens of them (tabs, buttons, labels). Drawn as images, the whole
// interface goes to the GPU in a few draw calls; that matters most under a
// software renderer.

// discs caches an antialiased white disc of each radius, and quarters its
// four quarters (top-left, top-right, bottom-left, bottom-right).
var (
	discs    = map[int]*ebiten.Image{}
	quarters = map[int][4]*ebiten.Image{}
)

func disc(r int) *ebiten.Image {
	if d, ok := discs[r]; ok {
		return d
	}
	img := image.NewRGBA(image.Rect(0, 0, 2*r, 2*r))
	for y := range 2 * r {
		for x := range 2 * r {
			// Coverage by 4×4 supersampling of the pixel.
			n := 0
			for sy := range 4 {
				for sx := range 4 {
					dx := float64(x) + (float64(sx)+0.5)/4 - float64(r)
					dy := float64(y) + (float64(sy)+0.5)/4 - float64(r)
					if dx*dx+dy*dy <= float64(r*r) {
						n++
					}
				}
			}
			a := uint8(n * 255 / 16)
			img.SetRGBA(x, y, color.RGBA{a, a, a, a})
		}
	}
	d := ebiten.NewImageFromImage(img)
	discs[r] = d
	var q [4]*ebiten.Image
	for i := range q {
		qx, qy := i%2, i/2
		q[i] = d.SubImage(image.Rect(qx*r, qy*r, (qx+1)*r, (qy+1)*r)).(*ebiten.Image)
	}
	quarters[r] = q
	return d
}

// drawPart draws src scaled to the rectangle (x, y, w, h), tinted.
func drawPart(dst Surface, src *ebiten.Image, x, y, w, h float64, clr color.Color) {
	b := src.Bounds()
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(w/float64(b.Dx()), h/float64(b.Dy()))
	op.GeoM.Translate(x, y)
	op.ColorScale.ScaleWithColor(clr)
	dst.DrawImage(src, op)
}

// FillRound fills a rectangle with rounded corners of radius rad: four
// quarter discs and three rectangles.
func FillRound(dst Surface, r image.Rectangle, rad float32, clr color.Color) {
	rr := int(min(rad, float32(r.Dx())/2, float32(r.Dy())/2))
	if rr < 1 {
		FillRect(dst, r, clr)
		return
	}
	disc(rr)
	q := quarters[rr]
	x0, y0, x1, y1 := r.Min.X, r.Min.Y, r.Max.X, r.Max.Y
	for i, at := range [4]image.Point{{x0, y0}, {x1 - rr, y0}, {x0, y1 - rr}, {x1 - rr, y1 - rr}} {
		drawPart(dst, q[i], float64(at.X), float64(at.Y), float64(rr), float64(rr), clr)
	}
	FillRect(dst, image.Rect(x0+rr, y0, x1-rr, y1), clr)
	FillRect(dst, image.Rect(x0, y0+rr, x0+rr, y1-rr), clr)
	FillRect(dst, image.Rect(x1-rr, y0+rr, x1, y1-rr), clr)
}

// FillDisc fills a circle of radius r around (cx, cy).
func FillDisc(dst Surface, cx, cy, r float32, clr color.Color) {
	ri := max(1, int(r+0.5))
	drawPart(dst, disc(ri), float64(cx)-float64(ri), float64(cy)-float64(ri), float64(2*ri), float64(2*ri), clr)
}
