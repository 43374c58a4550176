// Package art draws every picture in Chores — people, rooms, furniture,
// dust, props and HUD icons — as small pixel-art images made in Go code.
//
// Nothing here is loaded from files and nothing depends on Ebitengine: each
// function returns a fresh *image.RGBA built with the standard library, the
// same pixels on every platform and on every call. The game uploads them once
// to GPU images and scales them by whole numbers with nearest filtering, so
// one art pixel is one image pixel and all sprites share that grid.
//
// Conventions:
//   - Sprites face right; flip horizontally for left.
//   - Pixels are either fully opaque or fully transparent.
//   - People frames are FrameW×FrameH. Draw a frame with its bottom edge on
//     the floor line and its centre column (FrameW/2) on the person's x.
//   - HUD icons are white on transparent so the game can tint them.
package art

import (
	"image"
	"image/color"
)

// The palette. Every colour in the package comes from here, so the game can
// match its HUD and timeline to the art.
var (
	Ink     = rgb(0x2e, 0x22, 0x2f) // outlines of people and props
	InkSoft = rgb(0x5a, 0x43, 0x4a) // outlines of furniture, fine details
	Cream   = rgb(0xff, 0xf4, 0xe0) // paper, light highlights
	White   = rgb(0xff, 0xff, 0xff)

	Mouth = rgb(0xa8, 0x40, 0x4a)
	Lens  = rgb(0xd4, 0xee, 0xf4)

	WoodLight = rgb(0xd8, 0x9b, 0x62)
	WoodMid   = rgb(0xbd, 0x7c, 0x4a)
	WoodDark  = rgb(0x92, 0x5a, 0x36)
	WoodSeam  = rgb(0x6e, 0x40, 0x2a)

	TileLight = rgb(0xf3, 0xec, 0xdc)
	TileDark  = rgb(0xd9, 0x8c, 0x6b)
	TileBlue  = rgb(0xa9, 0xcf, 0xe0)

	WallKitchen  = rgb(0xf7, 0xe6, 0xa8)
	WallLiving   = rgb(0xf6, 0xcc, 0xb4)
	WallBedroom  = rgb(0xd9, 0xcf, 0xf2)
	WallBathroom = rgb(0xbf, 0xe6, 0xe8)
	WallGeneric  = rgb(0xd4, 0xe6, 0xbf)
	WallPink     = rgb(0xf6, 0xcd, 0xd9)
	WallSky      = rgb(0xc8, 0xdc, 0xf6)

	Baseboard = rgb(0xf8, 0xf1, 0xe4)
	Brick     = rgb(0xb8, 0x5a, 0x44)
	BrickDark = rgb(0x8f, 0x40, 0x35)
	Mortar    = rgb(0xe0, 0xc9, 0xb0)
	RoofRed   = rgb(0xc4, 0x4d, 0x3c)
	RoofDark  = rgb(0x93, 0x33, 0x2e)
	RoofLight = rgb(0xe0, 0x6e, 0x52)
	Grass     = rgb(0x7c, 0xb8, 0x4e)
	GrassDark = rgb(0x58, 0x90, 0x3a)
	Soil      = rgb(0x8a, 0x5c, 0x3b)

	Appliance      = rgb(0xf2, 0xf0, 0xea)
	ApplianceShade = rgb(0xcb, 0xc8, 0xc2)
	Steel          = rgb(0x9d, 0xa6, 0xb2)
	SteelDark      = rgb(0x6c, 0x74, 0x82)
	Glass          = rgb(0x9f, 0xd8, 0xf0)
	GlassLight     = rgb(0xe2, 0xf6, 0xfc)
	Screen         = rgb(0x33, 0x3d, 0x5c)
	ScreenGlow     = rgb(0x7f, 0xd6, 0xe6)
	LampGlow       = rgb(0xff, 0xe0, 0x8a)

	SofaMain  = rgb(0x5f, 0x8f, 0xa8)
	SofaShade = rgb(0x46, 0x6f, 0x88)
	SofaLight = rgb(0x86, 0xb3, 0xc7)

	Blanket      = rgb(0xe8, 0x8a, 0x8a)
	BlanketShade = rgb(0xc8, 0x66, 0x6c)
	Leaf         = rgb(0x5c, 0xa8, 0x4c)
	LeafDark     = rgb(0x3e, 0x7e, 0x3c)
	Pot          = rgb(0xd0, 0x6e, 0x45)
	Book1        = rgb(0xd9, 0x5b, 0x4a)
	Book2        = rgb(0x4f, 0x8f, 0xc9)
	Book3        = rgb(0xe8, 0xb6, 0x3c)
	Book4        = rgb(0x6a, 0xad, 0x6a)

	DustGrey  = rgb(0xa7, 0x9e, 0x9a)
	DustLight = rgb(0xcf, 0xc8, 0xc3)
	DustDark  = rgb(0x7c, 0x72, 0x70)
	Crumb     = rgb(0xc9, 0x8a, 0x45)
	CrumbDark = rgb(0x94, 0x5e, 0x2e)

	NoteColor  = rgb(0x5a, 0x3f, 0x9c)
	WaveColor  = rgb(0xff, 0xb8, 0x4a)
	PhoneBody  = rgb(0x3b, 0x3a, 0x4a)
	BubbleFill = White
)

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// mix returns a blend of a and b, t in [0,1] from a to b.
func mix(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xff}
}

// canvas wraps an RGBA image with bounds-checked drawing helpers.
type canvas struct{ *image.RGBA }

func newCanvas(w, h int) canvas { return canvas{image.NewRGBA(image.Rect(0, 0, w, h))} }

func (c canvas) in(x, y int) bool {
	return x >= 0 && y >= 0 && x < c.Rect.Dx() && y < c.Rect.Dy()
}

func (c canvas) set(x, y int, col color.RGBA) {
	if c.in(x, y) {
		c.SetRGBA(x, y, col)
	}
}

func (c canvas) opaque(x, y int) bool {
	return c.in(x, y) && c.RGBAAt(x, y).A != 0
}

func (c canvas) rect(x, y, w, h int, col color.RGBA) {
	for j := y; j < y+h; j++ {
		for i := x; i < x+w; i++ {
			c.set(i, j, col)
		}
	}
}

func (c canvas) hline(x0, x1, y int, col color.RGBA) {
	for x := x0; x <= x1; x++ {
		c.set(x, y, col)
	}
}

func (c canvas) vline(x, y0, y1 int, col color.RGBA) {
	for y := y0; y <= y1; y++ {
		c.set(x, y, col)
	}
}

// line draws a 1-pixel Bresenham line, width w pixels to the right.
func (c canvas) line(x0, y0, x1, y1, w int, col color.RGBA) {
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := sign(x1-x0), sign(y1-y0)
	err := dx + dy
	for {
		for i := 0; i < w; i++ {
			c.set(x0+i, y0, col)
		}
		if x0 == x1 && y0 == y1 {
			return
		}
		e2 := 2 * err
		if e2 >= dy {
			err += dy
			x0 += sx
		}
		if e2 <= dx {
			err += dx
			y0 += sy
		}
	}
}

// disc fills a circle of radius r (in half-pixel steps for nicer small shapes).
func (c canvas) disc(cx, cy, r int, col color.RGBA) {
	for y := -r; y <= r; y++ {
		for x := -r; x <= r; x++ {
			if x*x+y*y <= r*r+r/2 {
				c.set(cx+x, cy+y, col)
			}
		}
	}
}

// outline paints col on every transparent pixel that touches an opaque one
// (4-neighbourhood), giving sprites a clean silhouette with rounded corners.
func (c canvas) outline(col color.RGBA) {
	w, h := c.Rect.Dx(), c.Rect.Dy()
	var pts []image.Point
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if c.opaque(x, y) {
				continue
			}
			if c.opaque(x-1, y) || c.opaque(x+1, y) || c.opaque(x, y-1) || c.opaque(x, y+1) {
				pts = append(pts, image.Pt(x, y))
			}
		}
	}
	for _, p := range pts {
		c.SetRGBA(p.X, p.Y, col)
	}
}

// stamp draws a character template: each byte looks up a colour in pal;
// bytes missing from pal (like '.') are left untouched.
func (c canvas) stamp(x, y int, tmpl []string, pal map[byte]color.RGBA) {
	for j, row := range tmpl {
		for i := 0; i < len(row); i++ {
			if col, ok := pal[row[i]]; ok {
				c.set(x+i, y+j, col)
			}
		}
	}
}

// blit copies the opaque pixels of src with its top-left at (x, y).
func (c canvas) blit(x, y int, src *image.RGBA) {
	b := src.Bounds()
	for j := b.Min.Y; j < b.Max.Y; j++ {
		for i := b.Min.X; i < b.Max.X; i++ {
			p := src.RGBAAt(i, j)
			if p.A != 0 {
				c.set(x+i-b.Min.X, y+j-b.Min.Y, p)
			}
		}
	}
}

// blitFlip is blit mirrored horizontally.
func (c canvas) blitFlip(x, y int, src *image.RGBA) {
	b := src.Bounds()
	for j := b.Min.Y; j < b.Max.Y; j++ {
		for i := b.Min.X; i < b.Max.X; i++ {
			p := src.RGBAAt(i, j)
			if p.A != 0 {
				c.set(x+(b.Max.X-1-i), y+j-b.Min.Y, p)
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// rng is a tiny deterministic generator (xorshift) so seeded art is the same
// everywhere.
type rng uint64

func newRNG(seed int) *rng {
	r := rng(uint64(seed)*0x9E3779B97F4A7C15 + 0x2545F4914F6CDD1D)
	if r == 0 {
		r = 1
	}
	for i := 0; i < 4; i++ {
		r.next()
	}
	return &r
}

func (r *rng) next() uint64 {
	x := uint64(*r)
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	*r = rng(x)
	return x
}

// intn returns a number in [0, n).
func (r *rng) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.next() % uint64(n))
}
