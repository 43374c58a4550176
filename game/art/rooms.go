// This file is long by nature: it is pixel art drawn in code (walls,
// floors and furniture of five kinds of room, with variants), one small
// function a piece. Splitting it would scatter one drawing over files.

package art

import (
	"image"
	"image/color"
	"strings"
)

// RoomKind chooses the wallpaper, floor and furniture of a room.
type RoomKind int

// The kinds of room.
const (
	Generic      RoomKind = iota // table and plant; used for any other room name
	Kitchen                      // fridge, stove, counter
	LivingRoom                   // sofa, TV, shelf: the lounge where people listen
	Bedroom                      // bed, bedside lamp
	Bathroom                     // bathtub, sink, mirror
	NumRoomKinds                 // the number of kinds
)

// String returns the kind's English name.
func (k RoomKind) String() string {
	switch k {
	case Kitchen:
		return "Kitchen"
	case LivingRoom:
		return "Living room"
	case Bedroom:
		return "Bedroom"
	case Bathroom:
		return "Bathroom"
	}
	return "Room"
}

// KindFor guesses the kind of a room from its name ("Kitchen", "living
// room", "Bath", "Lounge" ...), falling back to Generic.
func KindFor(name string) RoomKind {
	n := strings.ToLower(name)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(n, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("kitchen", "pantry"):
		return Kitchen
	case has("living", "lounge", "sitting", "family"):
		return LivingRoom
	case has("bed", "nursery", "guest"):
		return Bedroom
	case has("bath", "toilet", "shower", "wc", "washroom"):
		return Bathroom
	}
	return Generic
}

// Layout tells the game where things are in a Room image of a given kind
// and size. All coordinates are in the room image's pixels.
type Layout struct {
	W, H int
	// FloorTop is the first row of the floor band (where wall meets floor).
	FloorTop int
	// FloorY is the line people stand on: draw a person frame with its
	// bottom edge at FloorY.
	FloorY int
	// Floor is the visible floor band in front of the furniture, where
	// dust can be scattered (a Dust sprite's bottom edge inside it).
	Floor image.Rectangle
	// Seats are the bottom-centre points for Sit frames on the sofa
	// (LivingRoom only; empty for other kinds).
	Seats []image.Point
	// Theatre is the top-left point for HomeTheatre() (on the floor).
	Theatre image.Point
}

// Room sizes: rooms smaller than this are drawn at this size.
const (
	MinRoomW = 40
	MinRoomH = 32
)

// RoomLayout returns where the floor, seats and home theatre are in
// Room(kind, w, h).
func RoomLayout(kind RoomKind, w, h int) Layout {
	w, h = max(w, MinRoomW), max(h, MinRoomH)
	floorH := clamp(h/4, 7, 14)
	top := h - floorH
	l := Layout{W: w, H: h, FloorTop: top, FloorY: h - 2}
	l.Floor = image.Rect(2, top+4, w-2, h-1)
	base := top + 2
	l.Theatre = image.Pt(w-3-24, base-16)
	if kind == LivingRoom {
		sw, sx := livingSofa(w)
		sofaBase := top + 3
		if sw >= 40 {
			l.Seats = []image.Point{{sx + 12, sofaBase}, {sx + 28, sofaBase}}
		} else {
			l.Seats = []image.Point{{sx + 9, sofaBase}, {sx + 19, sofaBase}}
		}
		// Beside the TV when there is room, else as close to it as fits.
		tx := 23
		if sx-tx < 24 {
			tx = max(2, sx-24)
		}
		l.Theatre = image.Pt(tx, base-16)
	}
	return l
}

// livingSofa returns the width and x of the sofa in a living room.
func livingSofa(w int) (sw, sx int) {
	sw = 28
	if w >= 84 {
		sw = 40
	}
	if w < 60 {
		return sw, (w - sw) / 2
	}
	return sw, w - 4 - sw
}

// Room draws the inside of a room of the given kind, w×h art pixels (at
// least MinRoomW×MinRoomH): wallpaper, floor and furniture, placed relative
// to the floor and the side edges so it works from about 48×36 to 160×90.
func Room(kind RoomKind, w, h int) *image.RGBA { return RoomVariant(kind, w, h, 0) }

// RoomVariant is Room with a variant number that changes the wall colour
// and decorations, so a house of many Generic rooms does not look cloned.
func RoomVariant(kind RoomKind, w, h, variant int) *image.RGBA {
	l := RoomLayout(kind, w, h)
	w, h = l.W, l.H
	c := newCanvas(w, h)
	r := newRNG(int(kind)*7919 + variant*104729 + w*31 + h)
	top := l.FloorTop
	base := top + 2

	wall := []color.RGBA{WallGeneric, WallKitchen, WallLiving, WallBedroom, WallBathroom}[kind]
	if variant != 0 {
		alts := []color.RGBA{WallGeneric, WallPink, WallSky, WallKitchen, WallBedroom, WallLiving, WallBathroom}
		wall = alts[((variant%len(alts))+len(alts))%len(alts)]
	}
	drawWall(c, kind, wall, top)
	drawFloor(c, kind, top)

	ro := &roomObjects{c: c, top: top}
	switch kind {
	case Kitchen:
		furnishKitchen(ro, w, h, base)
	case LivingRoom:
		furnishLiving(ro, w, h, base)
	case Bedroom:
		furnishBedroom(ro, w, base, variant)
	case Bathroom:
		furnishBathroom(ro, w, base)
	default:
		furnishGeneric(ro, w, base, variant, r)
	}
	fillWall(ro, r)
	// A pendant lamp in tall rooms, where there is space under the ceiling.
	if top >= 44 && kind != Kitchen {
		x := w / 2
		if ro.freeAbove(x-3, 7) >= 16 {
			ro.c.vline(x, 0, 5, InkSoft)
			ro.put(x-3, 6, pendant())
		}
	}
	return c.RGBA
}

// roomObjects places sprites and remembers which wall columns are taken, so
// pictures and windows go only where they fit.
type roomObjects struct {
	c     canvas
	top   int
	spans []image.Rectangle
}

func (ro *roomObjects) put(x, y int, img *image.RGBA) {
	ro.c.blit(x, y, img)
	b := img.Bounds()
	ro.spans = append(ro.spans, image.Rect(x, y, x+b.Dx(), y+b.Dy()))
}

// stand puts img with its bottom edge on base.
func (ro *roomObjects) stand(x, base int, img *image.RGBA) {
	ro.put(x, base-img.Bounds().Dy(), img)
}

// freeAbove returns the lowest y above which columns x..x+w-1 are free.
func (ro *roomObjects) freeAbove(x, w int) int {
	y := ro.top
	for _, s := range ro.spans {
		if s.Min.X < x+w && s.Max.X > x && s.Min.Y < y {
			y = s.Min.Y
		}
	}
	return y
}

// decorate hangs img on the wall over x, centred in the free space above
// the furniture, if it fits with a margin. It reports whether it did.
func (ro *roomObjects) decorate(x int, img *image.RGBA) bool {
	b := img.Bounds()
	if x < 2 || x+b.Dx() > ro.c.Rect.Dx()-2 {
		return false
	}
	free := ro.freeAbove(x, b.Dx()) - 3
	if free-b.Dy() < 3 {
		return false
	}
	y := clamp((ro.top-14)/2-b.Dy()/2, 3, free-b.Dy())
	ro.put(x, y, img)
	return true
}

func drawWall(c canvas, kind RoomKind, wall color.RGBA, top int) {
	w := c.Rect.Dx()
	light := mix(wall, Cream, 0.45)
	dark := mix(wall, InkSoft, 0.12)
	c.rect(0, 0, w, top, wall)
	switch kind {
	case LivingRoom: // soft vertical stripes
		for x := 0; x < w; x++ {
			if x%8 == 2 || x%8 == 3 {
				c.vline(x, 0, top-1, light)
			}
		}
	case Bedroom: // little diamonds
		for y := 3; y < top; y++ {
			for x := 0; x < w; x++ {
				if (x%8 == 4 && y%8 == 3) || (x%8 == 0 && y%8 == 7) {
					c.set(x, y, light)
					c.set(x-1, y+1, dark)
					c.set(x+1, y+1, dark)
					c.set(x, y+2, light)
				}
			}
		}
	case Bathroom: // tiled lower wall
		tileTop := top - clamp(top/2, 8, 18)
		c.rect(0, tileTop, w, top-tileTop, White)
		for y := tileTop; y < top; y++ {
			for x := 0; x < w; x++ {
				if (y-tileTop)%4 == 3 || x%4 == 3 {
					c.set(x, y, TileBlue)
				}
			}
		}
		c.hline(0, w-1, tileTop, TileBlue)
	case Generic: // wainscot
		ws := top - clamp(top/3, 6, 14)
		c.rect(0, ws, w, top-ws, dark)
		c.hline(0, w-1, ws, light)
		for x := 5; x < w; x += 10 {
			c.vline(x, ws+2, top-2, mix(dark, InkSoft, 0.15))
		}
	case Kitchen: // tiny dots
		for y := 4; y < top; y += 6 {
			for x := (y / 6 % 2) * 3; x < w; x += 6 {
				c.set(x, y, light)
			}
		}
	}
	// A shadow under the ceiling and a baseboard.
	c.hline(0, w-1, 0, mix(wall, InkSoft, 0.35))
	c.hline(0, w-1, 1, mix(wall, InkSoft, 0.15))
	c.hline(0, w-1, top-2, Baseboard)
	c.hline(0, w-1, top-1, mix(Baseboard, InkSoft, 0.3))
}

func drawFloor(c canvas, kind RoomKind, top int) {
	w, h := c.Rect.Dx(), c.Rect.Dy()
	switch kind {
	case Kitchen, Bathroom:
		a, b := TileLight, TileDark
		if kind == Bathroom {
			a, b = White, TileBlue
		}
		for y := top; y < h; y++ {
			for x := 0; x < w; x++ {
				col := a
				if ((x/4)+((y-top)/3))%2 == 1 {
					col = b
				}
				c.set(x, y, col)
			}
		}
	default:
		// Wood planks running along the wall, joints staggered.
		row := 0
		for y := top; y < h; y += 3 {
			c.rect(0, y, w, 3, WoodMid)
			c.hline(0, w-1, y, WoodLight)
			c.hline(0, w-1, y+2, WoodDark)
			off := (row * 11) % 17
			for x := off; x < w; x += 17 {
				c.vline(x, y, y+2, WoodSeam)
			}
			row++
		}
	}
	c.hline(0, w-1, top, mix(c.RGBAAt(0, top), InkSoft, 0.4))
}

// ----- furniture -----

func finish(c canvas) *image.RGBA {
	c.outline(InkSoft)
	return c.RGBA
}

func fridge(h int) *image.RGBA {
	c := newCanvas(14, h)
	c.rect(1, 1, 12, h-2, Appliance)
	c.vline(11, 1, h-2, ApplianceShade)
	split := h * 2 / 5
	c.hline(1, 12, split, ApplianceShade)
	c.vline(10, split-4, split-2, Steel)
	c.vline(10, split+2, split+6, Steel)
	// Magnets and a child's drawing.
	c.set(3, 4, Book1)
	c.set(5, 5, Book2)
	c.rect(3, split+3, 4, 3, Cream)
	c.set(4, split+4, Book3)
	c.set(5, split+4, Book2)
	c.hline(2, 11, h-2, ApplianceShade)
	return finish(c)
}

func stove() *image.RGBA {
	c := newCanvas(15, 17)
	// Pot with steam space above.
	c.rect(3, 2, 7, 4, Steel)
	c.hline(2, 10, 2, SteelDark)
	c.set(1, 3, SteelDark)
	c.set(11, 3, SteelDark)
	c.set(6, 1, SteelDark)
	c.hline(4, 8, 4, GlassLight)
	// Body.
	c.rect(1, 6, 13, 10, Appliance)
	c.hline(1, 13, 6, SteelDark)
	c.hline(1, 13, 7, ApplianceShade)
	for _, x := range []int{3, 6, 9, 12} {
		c.set(x, 7, Ink)
	}
	c.rect(3, 9, 9, 5, Screen)
	c.rect(4, 10, 7, 3, mix(Screen, WaveColor, 0.35))
	c.hline(3, 11, 9, Steel)
	return finish(c)
}

func counter(w int) *image.RGBA {
	c := newCanvas(w, 13)
	cab := rgb(0x8c, 0xc4, 0xb0)
	cabShade := mix(cab, InkSoft, 0.25)
	c.rect(1, 1, w-2, 2, WoodLight)
	c.hline(1, w-2, 3, WoodDark)
	c.rect(2, 4, w-4, 8, cab)
	for x := 2; x < w-2; x += 7 {
		c.vline(x, 4, 11, cabShade)
		if x+4 < w-2 {
			c.set(x+4, 6, Steel)
		}
	}
	// A sink set in the top, with a tap.
	if w >= 16 {
		sx := w - 12
		c.hline(sx, sx+6, 1, SteelDark)
		c.vline(sx+5, -1, 1, Steel)
	}
	return finish(c)
}

// counterWithTap is a counter with a tap sticking above the worktop.
func counterWithTap(w int) *image.RGBA {
	c := newCanvas(w, 17)
	c.blit(0, 4, counter(w))
	if w >= 16 {
		sx := w - 12
		c.vline(sx+5, 1, 4, Steel)
		c.hline(sx+3, sx+5, 1, Steel)
		c.set(sx+3, 2, SteelDark)
		c.outline(InkSoft)
	} else {
		// A jar so short counters are not bare.
		c.rect(3, 1, 3, 4, Book3)
		c.hline(3, 5, 1, WoodDark)
		c.outline(InkSoft)
	}
	return c.RGBA
}

func upperCabinet(w int) *image.RGBA {
	c := newCanvas(w, 10)
	cab := rgb(0x8c, 0xc4, 0xb0)
	c.rect(1, 1, w-2, 8, cab)
	for x := 1; x < w-1; x += 7 {
		c.vline(x, 1, 8, mix(cab, InkSoft, 0.25))
		if x+3 < w-1 {
			c.set(x+3, 6, Steel)
		}
	}
	c.hline(1, w-2, 8, mix(cab, InkSoft, 0.25))
	return finish(c)
}

func window(w, h int, curtains color.RGBA, withCurtains bool) *image.RGBA {
	c := newCanvas(w, h)
	c.rect(1, 1, w-2, h-3, Appliance)
	c.rect(2, 2, w-4, h-5, Glass)
	// Sky with a cloud and a shine.
	c.hline(3, 5, 4, GlassLight)
	c.hline(4, 7, 3, GlassLight)
	c.set(w-4, 3, GlassLight)
	c.set(w-5, 4, GlassLight)
	c.vline(w/2, 2, h-4, Appliance)
	c.hline(2, w-3, (h-3)/2+1, Appliance)
	c.hline(0, w-1, h-2, Appliance)
	if withCurtains {
		c.rect(1, 1, 3, h-4, curtains)
		c.rect(w-4, 1, 3, h-4, curtains)
		c.vline(2, 1, h-4, mix(curtains, InkSoft, 0.2))
		c.vline(w-3, 1, h-4, mix(curtains, InkSoft, 0.2))
		c.hline(0, w-1, 0, WoodDark)
	}
	return finish(c)
}

func picture(w, h int, r *rng) *image.RGBA {
	c := newCanvas(w, h)
	c.rect(1, 1, w-2, h-2, WoodDark)
	c.rect(2, 2, w-4, h-4, GlassLight)
	// A tiny landscape: hill, sun.
	hill := []color.RGBA{Leaf, Book2, Book1}[r.intn(3)]
	for x := 2; x < w-2; x++ {
		hy := h - 3 - (x%5)/3
		c.vline(x, hy, h-3, hill)
	}
	c.set(w-4, 3, Book3)
	return finish(c)
}

func clockFace() *image.RGBA {
	c := newCanvas(9, 9)
	c.disc(4, 4, 3, Appliance)
	c.vline(4, 2, 4, Ink)
	c.hline(4, 5, 4, Ink)
	return finish(c)
}

func pendant() *image.RGBA {
	c := newCanvas(7, 6)
	c.hline(2, 4, 1, WoodDark)
	c.hline(1, 5, 2, Book3)
	c.hline(1, 5, 3, Book3)
	c.hline(2, 4, 4, LampGlow)
	return finish(c)
}

func sofaImg(w int) *image.RGBA {
	const h = 19
	c := newCanvas(w, h)
	// Back cushion, seat, arm rests, feet. The seat top is 7 rows above
	// the bottom edge, where a sitting person's lap rests.
	c.rect(4, 2, w-8, 9, SofaMain)
	c.hline(4, w-5, 2, SofaLight)
	mid := w / 2
	c.vline(mid, 3, 10, SofaShade)
	c.rect(1, 6, 4, 10, SofaMain)
	c.rect(w-5, 6, 4, 10, SofaMain)
	c.hline(1, 4, 6, SofaLight)
	c.hline(w-5, w-2, 6, SofaLight)
	c.vline(4, 7, 15, SofaShade)
	c.vline(w-5, 7, 15, SofaShade)
	c.rect(5, 11, w-10, 5, SofaMain)
	c.hline(5, w-6, 11, SofaLight)
	c.hline(5, w-6, 15, SofaShade)
	c.vline(mid, 11, 15, SofaShade)
	// A cushion.
	c.rect(6, 6, 5, 5, Book3)
	c.hline(6, 10, 10, mix(Book3, InkSoft, 0.3))
	c.rect(2, 16, 2, 2, WoodDark)
	c.rect(w-4, 16, 2, 2, WoodDark)
	return finish(c)
}

// SofaW and SofaH are the size of Sofa().
const (
	SofaW = 40
	SofaH = 19
)

// SofaSeats are the bottom-centre points for Sit frames on Sofa(), in the
// sofa's own coordinates (the bottom edge of the sofa is y = SofaH).
var SofaSeats = []image.Point{{12, SofaH}, {28, SofaH}}

// Sofa returns the lounge sofa (SofaW×SofaH) for two, facing the viewer.
// Draw a Sit frame with its bottom-centre at one of SofaSeats (offset by
// the sofa's position) after the sofa, so the person sits on it.
func Sofa() *image.RGBA { return sofaImg(SofaW) }

func tv() *image.RGBA {
	c := newCanvas(20, 21)
	// Screen on a low cabinet.
	c.rect(2, 1, 16, 10, Ink)
	c.rect(3, 2, 14, 8, Screen)
	c.hline(4, 9, 3, ScreenGlow)
	c.hline(4, 6, 4, ScreenGlow)
	c.vline(9, 11, 11, Ink)
	c.rect(1, 12, 18, 7, WoodMid)
	c.hline(1, 18, 12, WoodLight)
	c.vline(9, 13, 18, WoodDark)
	c.set(7, 15, WoodDark)
	c.set(11, 15, WoodDark)
	c.set(2, 19, WoodDark)
	c.set(17, 19, WoodDark)
	return finish(c)
}

func bookshelf(h int) *image.RGBA {
	c := newCanvas(14, h)
	c.rect(1, 1, 12, h-2, WoodDark)
	books := []color.RGBA{Book1, Book2, Book3, Book4, Cream}
	k := 0
	for y := 2; y+6 < h-1; y += 7 {
		c.rect(2, y, 10, 6, mix(WoodDark, Ink, 0.3))
		for x := 2; x < 12; x++ {
			if (x+y)%5 == 4 {
				continue
			}
			bh := 4 + (x*3+y)%3
			c.vline(x, y+6-bh, y+5, books[k%len(books)])
			k++
		}
	}
	return finish(c)
}

func plant(h int) *image.RGBA {
	c := newCanvas(11, h)
	c.rect(3, h-6, 5, 5, Pot)
	c.hline(2, 8, h-6, mix(Pot, White, 0.2))
	c.vline(5, 3, h-7, LeafDark)
	for i, y := 0, 2; y < h-7; i, y = i+1, y+3 {
		if i%2 == 0 {
			c.hline(2, 4, y, Leaf)
			c.hline(1, 3, y+1, Leaf)
		} else {
			c.hline(6, 8, y, Leaf)
			c.hline(7, 9, y+1, Leaf)
		}
	}
	c.rect(4, 1, 3, 2, Leaf)
	return finish(c)
}

func floorLamp(h int) *image.RGBA {
	c := newCanvas(9, h)
	c.rect(1, 1, 7, 4, LampGlow)
	c.hline(1, 7, 4, mix(LampGlow, WoodDark, 0.3))
	c.vline(4, 5, h-3, SteelDark)
	c.hline(2, 6, h-2, SteelDark)
	return finish(c)
}

func bed(w int) *image.RGBA {
	c := newCanvas(w, 16)
	// Headboard at the left, footboard at the right.
	c.rect(1, 1, 4, 14, WoodMid)
	c.hline(1, 4, 1, WoodLight)
	c.rect(w-4, 6, 3, 9, WoodMid)
	c.rect(4, 7, w-8, 5, Cream) // mattress
	c.rect(5, 5, 7, 3, White)   // pillow
	c.hline(5, 11, 7, ApplianceShade)
	c.rect(12, 6, w-16, 5, Blanket)
	c.hline(12, w-5, 6, mix(Blanket, White, 0.3))
	c.vline(12, 6, 10, BlanketShade)
	for x := 15; x < w-5; x += 5 {
		c.set(x, 8, BlanketShade)
	}
	c.hline(4, w-5, 12, WoodDark)
	c.rect(4, 13, 2, 2, WoodDark)
	c.rect(w-7, 13, 2, 2, WoodDark)
	return finish(c)
}

func nightstand() *image.RGBA {
	c := newCanvas(10, 18)
	// Lamp.
	c.rect(2, 1, 6, 4, LampGlow)
	c.hline(2, 7, 4, mix(LampGlow, WoodDark, 0.3))
	c.vline(4, 5, 8, SteelDark)
	c.vline(5, 5, 8, SteelDark)
	// Table.
	c.rect(1, 9, 8, 7, WoodMid)
	c.hline(1, 8, 9, WoodLight)
	c.hline(2, 7, 12, WoodDark)
	c.set(5, 11, Steel)
	c.set(5, 14, Steel)
	c.vline(1, 16, 16, WoodDark)
	c.vline(8, 16, 16, WoodDark)
	return finish(c)
}

func bathtub(w int) *image.RGBA {
	c := newCanvas(w, 15)
	// Bubbles over the rim.
	for x := 3; x < w-4; x += 4 {
		c.disc(x+1, 3, 1, White)
		c.set(x+3, 2, White)
	}
	c.rect(1, 4, w-2, 7, White)
	c.hline(1, w-2, 4, ApplianceShade)
	c.hline(2, w-3, 10, ApplianceShade)
	c.rect(2, 11, w-4, 1, White)
	// Tap at the right and clawed feet.
	c.vline(w-3, 0, 3, Steel)
	c.hline(w-5, w-3, 0, Steel)
	c.rect(3, 12, 2, 2, Book3)
	c.rect(w-5, 12, 2, 2, Book3)
	return finish(c)
}

func sink() *image.RGBA {
	c := newCanvas(11, 16)
	c.vline(7, 1, 3, Steel)
	c.hline(5, 7, 1, Steel)
	c.rect(1, 4, 9, 3, White)
	c.hline(2, 8, 6, ApplianceShade)
	c.rect(4, 7, 3, 8, White)
	c.vline(6, 7, 14, ApplianceShade)
	return finish(c)
}

func mirror() *image.RGBA {
	c := newCanvas(10, 12)
	c.rect(1, 1, 8, 10, Steel)
	c.rect(2, 2, 6, 8, Glass)
	c.set(3, 3, GlassLight)
	c.set(4, 3, GlassLight)
	c.set(3, 4, GlassLight)
	return finish(c)
}

func toilet() *image.RGBA {
	c := newCanvas(11, 15)
	c.rect(6, 1, 4, 7, White) // cistern
	c.vline(9, 2, 6, ApplianceShade)
	c.set(7, 2, Steel)
	c.rect(1, 7, 9, 3, White) // bowl
	c.hline(1, 9, 7, ApplianceShade)
	c.rect(3, 10, 6, 4, White)
	c.vline(8, 10, 13, ApplianceShade)
	return finish(c)
}

func towel() *image.RGBA {
	c := newCanvas(9, 11)
	c.hline(1, 7, 1, Steel)
	c.rect(2, 2, 5, 8, Book2)
	c.hline(2, 6, 7, White)
	return finish(c)
}

func table(w int) *image.RGBA {
	c := newCanvas(w, 14)
	// A bowl of fruit on top.
	c.rect(w/2-3, 2, 7, 2, Cream)
	c.set(w/2-1, 1, Book1)
	c.set(w/2+1, 1, Book3)
	c.set(w/2, 1, Book4)
	c.rect(1, 4, w-2, 2, WoodLight)
	c.hline(1, w-2, 5, WoodMid)
	c.rect(2, 6, 2, 7, WoodMid)
	c.rect(w-4, 6, 2, 7, WoodMid)
	return finish(c)
}

func chair(flip bool) *image.RGBA {
	c := newCanvas(8, 17)
	c.rect(1, 1, 2, 15, WoodDark)
	c.rect(1, 8, 6, 2, WoodMid)
	c.vline(5, 10, 15, WoodDark)
	c.hline(1, 2, 1, WoodMid)
	img := finish(c)
	if flip {
		f := newCanvas(8, 17)
		f.blitFlip(0, 0, img)
		return f.RGBA
	}
	return img
}

func rug(w int, col color.RGBA) *image.RGBA {
	c := newCanvas(w, 3)
	c.rect(1, 0, w-2, 3, col)
	for x := 2; x < w-2; x += 3 {
		c.set(x, 1, mix(col, White, 0.4))
	}
	c.set(0, 1, Cream)
	c.set(w-1, 1, Cream)
	return c.RGBA
}

func wardrobe(h int) *image.RGBA {
	c := newCanvas(18, h)
	c.rect(1, 1, 16, h-3, WoodMid)
	c.hline(1, 16, 1, WoodLight)
	c.vline(8, 2, h-4, WoodDark)
	c.vline(9, 2, h-4, WoodDark)
	c.vline(6, h/2-2, h/2+1, Steel)
	c.vline(11, h/2-2, h/2+1, Steel)
	c.set(2, h-2, WoodDark)
	c.set(15, h-2, WoodDark)
	return finish(c)
}

// fillWall hangs extra pictures and clocks in wide gaps of bare wall, so
// big rooms do not look empty.
func fillWall(ro *roomObjects, r *rng) {
	w := ro.c.Rect.Dx()
	if ro.top < 40 {
		return
	}
	added := 0
	for x := 8 + r.intn(8); x < w-20 && added < 2; {
		pw, ph := 10+2*r.intn(2), 8+2*r.intn(2)
		if ro.freeAbove(x-12, pw+24) >= ph+14 && ro.decorate(x, picture(pw, ph, r)) {
			added++
			x += pw + 24
			continue
		}
		x += 4
	}
}

// ----- room furnishing -----

func furnishKitchen(ro *roomObjects, w, h, base int) {
	ro.stand(2, base, fridge(clamp(ro.top-4, 18, 26)))
	ro.stand(17, base, stove())
	cx := 32
	cw := min(w-3-cx, 58)
	if w-3-cx-cw < 30 {
		cw = w - 3 - cx
	}
	if cw >= 10 {
		ro.stand(cx, base, counterWithTap(cw))
		// Tiles behind the worktop.
		by := base - 13
		for y := by - 6; y < by; y++ {
			for x := cx + 1; x < cx+cw-1; x++ {
				col := White
				if (x+y)%4 == 0 || y == by-6 {
					col = TileBlue
				}
				ro.c.set(x, y, col)
			}
		}
		ro.spans = append(ro.spans, image.Rect(cx, by-6, cx+cw, by))
		if ro.top >= 52 && cw >= 16 {
			uw := min(cw-2, 30)
			ro.put(cx+1, 6, upperCabinet(uw))
			ro.decorate(cx+uw+6, window(16, 14, Book1, false))
		} else if cw >= 18 {
			ro.decorate(cx+(cw-16)/2, window(16, 14, Book1, false))
		}
	}
	if rest := w - 3 - (cx + cw); rest >= 30 {
		tx := cx + cw + (rest-18)/2
		ro.stand(tx-6, base, chair(false))
		ro.stand(tx+17, base, chair(true))
		ro.stand(tx, base, table(18))
	}
	ro.decorate(17+3, clockFace())
}

func furnishLiving(ro *roomObjects, w, h, base int) {
	r := newRNG(w*17 + h)
	sw, sx := livingSofa(w)
	// Rug under the sofa, on the floor in front of it.
	ro.c.blit(sx-4, base+1, rug(sw+8, rgb(0xd9, 0x8a, 0x6a)))
	if w >= 60 {
		ro.stand(2, base, tv())
	}
	if sx-11 >= 48 {
		ro.stand(sx-11, base, floorLamp(clamp(ro.top-6, 16, 26)))
	}
	if 48+14 <= sx-11 {
		ro.stand(48, base, bookshelf(clamp(ro.top-4, 16, 30)))
	}
	if w < 60 && sx >= 12 {
		ro.stand(1, base, plant(14))
	}
	ro.stand(sx, base+1, sofaImg(sw))
	ro.decorate(sx+sw/2-6, picture(12, 9, r))
	if w >= 100 {
		ro.decorate(2, window(18, 16, Book2, true))
	}
}

func furnishBedroom(ro *roomObjects, w, base, variant int) {
	r := newRNG(w*19 + variant)
	bw := clamp(w-16, 30, 40)
	bx := w - 3 - bw
	ro.c.blit(bx+4, base+1, rug(bw-6, rgb(0x9b, 0x7f, 0xd6)))
	ro.stand(bx-11, base, nightstand())
	ro.stand(bx, base+1, bed(bw))
	switch {
	case w >= 110:
		ro.stand(3, base, wardrobe(clamp(ro.top-4, 20, 34)))
		ro.stand(24, base, plant(clamp(ro.top-12, 12, 18)))
	case w >= 80:
		ro.stand(2, base, plant(clamp(ro.top-12, 12, 18)))
	}
	if !ro.decorate(bx+bw/2-8, window(16, 15, Book1, true)) {
		ro.decorate(bx+bw/2-4, picture(10, 8, r))
	}
	if w >= 90 {
		ro.decorate(bx-22, picture(10, 8, r))
	}
}

func furnishBathroom(ro *roomObjects, w, base int) {
	tw := clamp(w/2-2, 22, 34)
	ro.stand(2, base+1, bathtub(tw))
	sx := w - 14
	ro.stand(sx, base, sink())
	if y := base - 16 - 14; y >= 3 {
		ro.put(sx, y, mirror())
	}
	if sx-(tw+2) >= 14 {
		ro.stand(sx-12, base, toilet())
	}
	if w >= 80 {
		if y := base - 15 - 14; y >= 3 {
			ro.put(tw/2-2, y, towel())
		}
	}
	if w >= 110 {
		ro.stand(tw+8, base, plant(clamp(ro.top-14, 12, 16)))
	}
}

func furnishGeneric(ro *roomObjects, w, base, variant int, r *rng) {
	tw := clamp(w/4, 16, 26)
	tx := (w - tw) / 2
	ro.stand(tx-7, base, chair(false))
	ro.stand(tx+tw-1, base, chair(true))
	ro.stand(tx, base, table(tw))
	ph := clamp(ro.top-10, 12, 22)
	if variant%2 == 0 {
		ro.stand(w-13, base, plant(ph))
	} else {
		ro.stand(2, base, plant(ph))
	}
	if w >= 80 {
		ro.stand(2+(variant%2)*(w-18), base, bookshelf(clamp(ro.top-6, 16, 30)))
	}
	if !ro.decorate(tx+tw/2-8, window(16, 14, Book4, variant%3 == 0)) {
		ro.decorate(tx+tw/2-5, picture(10, 8, r))
	}
}
