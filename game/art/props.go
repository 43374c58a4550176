package art

import (
	"image"
	"image/color"
)

// PhoneGripX, PhoneGripY is the pixel of Phone() that sits in a hand: draw
// the phone at (HandX-PhoneGripX, HandY-PhoneGripY) of a Frame.
const (
	PhoneGripX = 2
	PhoneGripY = 6
)

// Phone returns a small smartphone (5×8) with a glowing screen.
func Phone() *image.RGBA {
	c := newCanvas(5, 8)
	c.rect(1, 1, 3, 6, PhoneBody)
	c.rect(1, 2, 3, 3, ScreenGlow)
	c.set(3, 2, GlassLight)
	c.set(2, 6, Steel)
	c.outline(Ink)
	return c.RGBA
}

// Airpods returns a pair of white earbuds (9×6), for legends and captions.
func Airpods() *image.RGBA {
	c := newCanvas(9, 6)
	for _, x := range []int{1, 5} {
		c.rect(x, 1, 2, 2, White)
		c.set(x+1, 3, White)
		c.set(x+1, 4, ApplianceShade)
	}
	c.set(2, 2, ApplianceShade)
	c.set(6, 2, ApplianceShade)
	c.outline(Ink)
	return c.RGBA
}

var speakerBody = rgb(0x4a, 0x3f, 0x4c)

// HomeTheatre returns two speakers and an amplifier box (24×16), bottom
// edge on the floor.
func HomeTheatre() *image.RGBA {
	c := newCanvas(24, 16)
	speaker := func(x int) {
		c.rect(x, 1, 5, 14, speakerBody)
		c.vline(x+4, 1, 14, mix(speakerBody, Ink, 0.4))
		c.set(x+2, 3, Steel)
		c.rect(x+1, 6, 3, 3, SteelDark)
		c.set(x+2, 7, Steel)
		c.rect(x+1, 10, 3, 3, SteelDark)
		c.set(x+2, 11, Steel)
	}
	speaker(1)
	speaker(18)
	// Amplifier with a glowing display and a knob.
	c.rect(8, 9, 8, 6, speakerBody)
	c.hline(8, 15, 9, mix(speakerBody, White, 0.2))
	c.rect(9, 11, 4, 2, ScreenGlow)
	c.set(14, 11, WaveColor)
	c.set(14, 12, Steel)
	c.outline(Ink)
	return c.RGBA
}

// SoundWaves returns 3 frames (10×16) of arcs spreading to the right from
// the left-middle edge: frame i shows i+1 arcs. Flip for the left side.
func SoundWaves() []*image.RGBA {
	radii := []int{3, 6, 9}
	var out []*image.RGBA
	for f := range radii {
		c := newCanvas(10, 16)
		for _, r := range radii[:f+1] {
			col := WaveColor
			if r == radii[f] {
				col = mix(WaveColor, RoofRed, 0.5)
			}
			arc(c, 0, 8, r, col)
		}
		out = append(out, c.RGBA)
	}
	return out
}

// arc draws the right half of a circle outline of radius r around (cx, cy),
// skipping the flat ends so it reads as a sound wave.
func arc(c canvas, cx, cy, r int, col color.RGBA) {
	for y := -r; y <= r; y++ {
		for x := 0; x <= r; x++ {
			d := x*x + y*y
			if d <= r*r+r && d > (r-1)*(r-1)+(r-1) && abs(y) < r-r/4 {
				c.set(cx+x, cy+y, col)
			}
		}
	}
}

var noteShapes = [][]string{
	{
		"...X..",
		"...XX.",
		"...X.X",
		"...X.X",
		"...X..",
		".XXX..",
		"XoXX..",
		".XX...",
	},
	{
		"..XXXXXX",
		"..XXXXXX",
		"..X....X",
		"..X....X",
		"..X....X",
		"XXX..XXX",
		"oXX.oXXX",
		".X...XX.",
	},
	{
		"...X",
		"...X",
		"...X",
		"...X",
		"...X",
		".XXX",
		"XoXX",
		".XX.",
	},
}

// MusicNote returns three note shapes (an eighth note, a beamed pair and a
// quarter note), each at most 10×10 including a light outline.
func MusicNote() []*image.RGBA {
	var out []*image.RGBA
	for _, t := range noteShapes {
		c := newCanvas(len(t[0])+2, len(t)+2)
		c.stamp(1, 1, t, map[byte]color.RGBA{'X': NoteColor, 'o': mix(NoteColor, White, 0.45)})
		c.outline(Cream)
		out = append(out, c.RGBA)
	}
	return out
}

// Bubble returns a speech bubble with "…" (16×13) whose tail points down at
// its bottom-left: draw it so that pixel (3, 12) is just above a head.
func Bubble() *image.RGBA {
	c := newCanvas(16, 13)
	c.rect(2, 1, 12, 8, BubbleFill)
	c.rect(1, 2, 14, 6, BubbleFill)
	c.hline(3, 5, 9, BubbleFill)
	c.hline(3, 4, 10, BubbleFill)
	c.set(3, 11, BubbleFill)
	c.outline(Ink)
	for _, x := range []int{4, 7, 10} {
		c.rect(x, 4, 2, 2, Ink)
	}
	return c.RGBA
}

// Broom returns a broom standing upright (7×24), bristles at the bottom.
func Broom() *image.RGBA {
	c := newCanvas(7, 24)
	c.vline(3, 1, 15, WoodMid)
	c.set(3, 1, WoodDark)
	c.hline(2, 4, 16, StrawBand)
	c.hline(2, 4, 17, Straw)
	c.hline(1, 5, 18, Straw)
	c.hline(1, 5, 19, Straw)
	c.hline(1, 5, 20, Straw)
	c.hline(1, 5, 21, StrawDark)
	c.set(2, 19, StrawDark)
	c.set(4, 19, StrawDark)
	c.outline(Ink)
	return c.RGBA
}

// DustSize is the size of every Dust sprite; draw them with the bottom edge
// on the floor.
const DustSize = 8

// Dust returns 6 small messes (DustSize×DustSize): two dust bunnies, crumbs,
// a juice spill, a crumpled paper ball and a lost sock. The seed varies
// shapes and colours; the same seed always gives the same pixels.
func Dust(seed int) []*image.RGBA {
	r := newRNG(seed)
	return []*image.RGBA{
		dustBunny(r, true),
		dustBunny(r, false),
		crumbs(r),
		spill(r),
		paperBall(r),
		sock(r),
	}
}

var bunnyShapes = [][]string{
	{
		".X.X..",
		"XXXXXX",
		"XeXeXX",
		"XXXXXX",
		".XXXX.",
	},
	{
		"..XX.X",
		"XXXXXX",
		"XXeXeX",
		"XXXXXX",
		".XXXX.",
	},
	{
		"X..X..",
		".XXXXX",
		"XeXeXX",
		"XXXXXX",
		".XXXX.",
	},
}

var smallBunnyShapes = [][]string{
	{
		".X..",
		"XXXX",
		"eXeX",
		"XXXX",
	},
	{
		"..X.",
		"XXXX",
		"XeXe",
		"XXXX",
	},
}

func dustBunny(r *rng, big bool) *image.RGBA {
	c := newCanvas(DustSize, DustSize)
	shapes, x, y := bunnyShapes, 1, 2
	if !big {
		shapes, x, y = smallBunnyShapes, 2, 3
	}
	t := shapes[r.intn(len(shapes))]
	c.stamp(x, y, t, map[byte]color.RGBA{'X': DustGrey, 'e': Ink})
	// A light tuft or two.
	for i := 0; i < 2; i++ {
		tx, ty := x+r.intn(len(t[0])), y+1+r.intn(2)
		if c.RGBAAt(tx, ty) == DustGrey {
			c.set(tx, ty, DustLight)
		}
	}
	c.outline(DustDark)
	return c.RGBA
}

func crumbs(r *rng) *image.RGBA {
	c := newCanvas(DustSize, DustSize)
	light := rgb(0xf2, 0xc4, 0x7e)
	spots := [][2]int{{1, 5}, {4, 6}, {5, 3}, {2, 2}}
	start := r.intn(len(spots))
	for i := 0; i < 3; i++ {
		p := spots[(start+i)%len(spots)]
		c.set(p[0], p[1], light)
		c.set(p[0]+1, p[1], Crumb)
		if r.intn(2) == 0 {
			c.set(p[0], p[1]-1, light)
		}
	}
	c.outline(mix(CrumbDark, Ink, 0.3))
	return c.RGBA
}

var juices = []color.RGBA{rgb(0xb0, 0x4a, 0x8a), rgb(0xd9, 0x4a, 0x3a), rgb(0x5a, 0x9a, 0xd8)}

func spill(r *rng) *image.RGBA {
	c := newCanvas(DustSize, DustSize)
	col := juices[r.intn(len(juices))]
	w := 4 + r.intn(2)
	x0 := 2
	c.hline(x0, x0+w-1, 4, col)
	c.hline(x0-1, x0+w-1, 5, col)
	c.hline(x0, x0+w-2, 6, col)
	c.set(x0+1, 4, mix(col, White, 0.5))
	// A drop splashed beside it.
	c.set(x0+r.intn(w), 2, col)
	c.outline(mix(col, Ink, 0.45))
	return c.RGBA
}

func paperBall(r *rng) *image.RGBA {
	c := newCanvas(DustSize, DustSize)
	c.disc(4, 4, 2, Cream)
	c.set(4, 1, Cream)
	c.set(4+r.intn(2)-1, 7, Cream)
	for i := 0; i < 3; i++ {
		c.set(3+r.intn(3), 3+r.intn(3), ApplianceShade)
	}
	c.outline(InkSoft)
	return c.RGBA
}

var sockColours = []color.RGBA{rgb(0xe8, 0x5d, 0x4a), rgb(0x5f, 0xa8, 0xe0), rgb(0x6c, 0xb0, 0x4a), rgb(0xf0, 0xc2, 0x3e)}

func sock(r *rng) *image.RGBA {
	c := newCanvas(DustSize, DustSize)
	col := sockColours[r.intn(len(sockColours))]
	c.stamp(1, 2, []string{
		"XX...",
		"XW...",
		"XX...",
		"XXXXX",
		"XXXXX",
	}, map[byte]color.RGBA{'X': col, 'W': White})
	c.hline(1, 2, 2, White)
	c.outline(Ink)
	return c.RGBA
}
