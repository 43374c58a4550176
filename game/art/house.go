package art

import "image"

// Thickness of the house's structural pieces, in art pixels.
const (
	WallT   = 3 // outer walls (Walls) and inner walls (Post)
	SlabH   = 4 // floors between storeys (Slab)
	GroundH = 6 // the strip of grass under the house (Ground)
)

// RoofHeight returns the height of Roof(w), chimney included.
func RoofHeight(w int) int { return clamp(w/5, 10, 30) + 6 }

// Roof returns a tiled roof w pixels wide (RoofHeight(w) tall) with a
// chimney. Its bottom row is the eave: make w a few pixels wider than the
// house and centre it over the top wall.
func Roof(w int) *image.RGBA {
	w = max(w, 24)
	h := RoofHeight(w)
	c := newCanvas(w, h)
	const lift = 6 // rows above the ridge for the chimney
	rh := h - lift
	// Chimney first, so the roof covers its foot.
	chx := w * 3 / 4
	c.rect(chx, 1, 6, rh/2+lift, Brick)
	c.hline(chx-1, chx+6, 1, BrickDark)
	c.hline(chx-1, chx+6, 2, BrickDark)
	for y := 4; y < rh/2+lift; y += 3 {
		c.hline(chx, chx+5, y, Mortar)
		c.set(chx+(y/3%2)*3+1, y+1, Mortar)
	}
	// The roof: a slope of two pixels across per row, flat on top.
	for y := 0; y < rh; y++ {
		inset := (rh - 1 - y) * 2
		x0, x1 := inset, w-1-inset
		if x0 > w/2-4 {
			x0, x1 = w/2-4, w/2+3
		}
		course := y / 3
		for x := x0; x <= x1; x++ {
			col := RoofRed
			switch {
			case y%3 == 2:
				col = RoofDark
			case (x+course*3)%6 == 0:
				col = RoofDark
			case y%3 == 0 && (x+course*3)%6 == 1:
				col = RoofLight
			}
			c.set(x, lift+y, col)
		}
	}
	// Ridge and eave highlight.
	c.hline(0, w-1, h-1, RoofDark)
	c.outline(InkSoft)
	return c.RGBA
}

var plaster = rgb(0xee, 0xdc, 0xc4)

// Walls returns the outer frame of the house: a w×h rectangle with a
// WallT-thick plaster border and a transparent inside where rooms go.
func Walls(w, h int) *image.RGBA {
	c := newCanvas(w, h)
	fill := func(x, y, ww, hh int) {
		c.rect(x, y, ww, hh, plaster)
	}
	fill(0, 0, w, WallT)
	fill(0, h-WallT, w, WallT)
	fill(0, 0, WallT, h)
	fill(w-WallT, 0, WallT, h)
	edge := mix(plaster, InkSoft, 0.5)
	c.hline(0, w-1, 0, edge)
	c.hline(0, w-1, h-1, edge)
	c.vline(0, 0, h-1, edge)
	c.vline(w-1, 0, h-1, edge)
	in := mix(plaster, InkSoft, 0.25)
	c.hline(WallT-1, w-WallT, WallT-1, in)
	c.hline(WallT-1, w-WallT, h-WallT, in)
	c.vline(WallT-1, WallT-1, h-WallT, in)
	c.vline(w-WallT, WallT-1, h-WallT, in)
	return c.RGBA
}

// Slab returns a floor between storeys, w×SlabH: wood on top, a ceiling
// edge below.
func Slab(w int) *image.RGBA {
	c := newCanvas(w, SlabH)
	c.hline(0, w-1, 0, WoodDark)
	c.hline(0, w-1, 1, plaster)
	c.hline(0, w-1, 2, plaster)
	c.hline(0, w-1, 3, mix(plaster, InkSoft, 0.35))
	return c.RGBA
}

// Post returns an inner wall between rooms, WallT×h.
func Post(h int) *image.RGBA {
	c := newCanvas(WallT, h)
	c.rect(0, 0, WallT, h, plaster)
	c.vline(0, 0, h-1, mix(plaster, InkSoft, 0.25))
	c.vline(WallT-1, 0, h-1, mix(plaster, InkSoft, 0.4))
	return c.RGBA
}

// Ground returns a w×GroundH strip of grass and soil to stand the house on.
func Ground(w int) *image.RGBA {
	c := newCanvas(w, GroundH)
	c.rect(0, 0, w, GroundH, Soil)
	c.rect(0, 0, w, 3, Grass)
	for x := 0; x < w; x++ {
		if x%5 == 1 || x%7 == 3 {
			c.set(x, 2, GrassDark)
		}
		if x%9 == 4 {
			c.set(x, 3, GrassDark)
		}
		if x%11 == 6 {
			c.set(x, 4, mix(Soil, Ink, 0.3))
		}
	}
	c.hline(0, w-1, 0, mix(Grass, White, 0.25))
	return c.RGBA
}
