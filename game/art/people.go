// This file is long by nature: it is the people's pixel art drawn in code
// (eight people in every pose, with and without airpods), one frame a
// function. Splitting it would scatter one drawing over files.

package art

import (
	"image"
	"image/color"
)

// Size of every person frame, in art pixels.
const (
	FrameW = 16
	FrameH = 24
)

// NumStyles is the number of distinct people: style 0 is "You", style 1 is
// the "Friend", 2..7 are others. Person wraps other numbers into this range.
const NumStyles = 8

// Frame is one picture of a person plus the points the game needs to attach
// things to it. All coordinates are relative to the frame's top-left corner.
type Frame struct {
	Image   *image.RGBA // the person
	Airpods *image.RGBA // the same picture with white airpods at the ears
	// HandX, HandY is the pixel of the front hand: draw Phone() so that its
	// grip point (PhoneGripX, PhoneGripY) lands here.
	HandX, HandY int
	// HeadX, HeadY is the top-centre of the head: a place for a Bubble or
	// music notes (draw them just above it).
	HeadX, HeadY int
}

// PersonSheet holds every animation of one person. Each animation is a
// slice of frames of identical size (FrameW×FrameH), facing right, with the
// feet on the bottom row. Sit faces the viewer: draw it with its bottom
// edge on a sofa's bottom edge at one of SofaSeats.
type PersonSheet struct {
	Style int
	Name  string     // a short name for the style, e.g. "You"
	Color color.RGBA // the shirt colour, handy for the timeline and labels
	Idle  []Frame    // 2 frames: standing, breathing
	Walk  []Frame    // 4 frames: a walk cycle
	Sweep []Frame    // 4 frames: sweeping with a broom
	Sit   []Frame    // 2 frames: seated facing the viewer, nodding along
	Tap   []Frame    // 4 frames: arms crossed, tapping a foot (waiting)
	All   [][]Frame  // the five animations above, in that order
	Names []string   // the names of the animations in All
}

type personStyle struct {
	name                string
	skin, skinShade     color.RGBA
	hair, hairShade     color.RGBA
	shirt, shirtShade   color.RGBA
	pants, pantsShade   color.RGBA
	shoes               color.RGBA
	cap, capShade, bead color.RGBA
	glasses             color.RGBA
	side, front         []string // 10×10 head templates
}

// Skin tones, hair and clothes for the eight people.
var (
	skinFair   = [2]color.RGBA{rgb(0xfb, 0xdc, 0xc4), rgb(0xe8, 0xb4, 0x98)}
	skinLight  = [2]color.RGBA{rgb(0xf3, 0xc8, 0x9c), rgb(0xdb, 0xa2, 0x78)}
	skinTan    = [2]color.RGBA{rgb(0xd9, 0x9c, 0x68), rgb(0xb8, 0x7a, 0x4c)}
	skinOlive  = [2]color.RGBA{rgb(0xc8, 0x92, 0x62), rgb(0xa6, 0x72, 0x48)}
	skinBrown  = [2]color.RGBA{rgb(0xa0, 0x66, 0x40), rgb(0x82, 0x4e, 0x30)}
	skinDeep   = [2]color.RGBA{rgb(0x74, 0x4a, 0x32), rgb(0x5a, 0x36, 0x24)}
	hairBrown  = [2]color.RGBA{rgb(0x7a, 0x4a, 0x2a), rgb(0x58, 0x33, 0x1f)}
	hairBlack  = [2]color.RGBA{rgb(0x3b, 0x30, 0x3d), rgb(0x55, 0x48, 0x5a)}
	hairBlonde = [2]color.RGBA{rgb(0xf2, 0xc6, 0x5c), rgb(0xd3, 0x9c, 0x3a)}
	hairGinger = [2]color.RGBA{rgb(0xe0, 0x70, 0x34), rgb(0xb8, 0x52, 0x24)}
	hairGrey   = [2]color.RGBA{rgb(0xc9, 0xc4, 0xcc), rgb(0xa3, 0x9d, 0xa8)}
	hairWhite  = [2]color.RGBA{rgb(0xf0, 0xec, 0xe6), rgb(0xcc, 0xc6, 0xc0)}
	hairAuburn = [2]color.RGBA{rgb(0x9a, 0x3a, 0x2e), rgb(0x74, 0x28, 0x22)}
)

var styles = [NumStyles]personStyle{
	{
		name: "You", skin: skinLight[0], skinShade: skinLight[1],
		hair: hairBrown[0], hairShade: hairBrown[1],
		shirt: rgb(0xe8, 0x5d, 0x4a), shirtShade: rgb(0xbf, 0x44, 0x3a),
		pants: rgb(0x3f, 0x5f, 0x9a), pantsShade: rgb(0x2f, 0x47, 0x78),
		shoes: rgb(0xf4, 0xf0, 0xe8),
		side: []string{
			"..........",
			"..HHHHH...",
			".HHHhHHHH.",
			".HHHHHHHHH",
			".HHHHSSeS.",
			".HHsSSSeS.",
			".HSsSSSSSS",
			".SSSSSrSS.",
			"..SSSSSm..",
			"...SSSS...",
		},
		front: []string{
			"..........",
			"..HHHHHH..",
			".HHHHHHHH.",
			".HHHHHHHHH",
			".HSSSHHHH.",
			".SSeSSeSS.",
			"sSSeSSeSSs",
			".SrSSSSrS.",
			"..SSmmSS..",
			"...SSSS...",
		},
	},
	{
		name: "Friend", skin: skinBrown[0], skinShade: skinBrown[1],
		hair: hairBlack[0], hairShade: hairBlack[1],
		shirt: rgb(0x2f, 0xa8, 0x96), shirtShade: rgb(0x22, 0x80, 0x74),
		pants: rgb(0xc9, 0xab, 0x74), pantsShade: rgb(0xa3, 0x88, 0x58),
		shoes: rgb(0xe8, 0x5d, 0x4a),
		side: []string{
			"..........",
			".HHhHHHH..",
			"HHHHHHhHH.",
			"HhHHHHHHHH",
			"HHHHHSSeS.",
			"HHhsSSSeS.",
			"HHHsSSSSSS",
			".HHSSSrSS.",
			"..SSSSSm..",
			"...SSSS...",
		},
		front: []string{
			"..........",
			".HHhHHHH..",
			"HHHHHHhHHH",
			"HhHHHHHHhH",
			"HHSSSSSSHH",
			"HSSeSSeSSH",
			"HSSeSSeSSH",
			".SrSSSSrS.",
			"..SSmmSS..",
			"...SSSS...",
		},
	},
	{
		name: "Mia", skin: skinFair[0], skinShade: skinFair[1],
		hair: hairBlonde[0], hairShade: hairBlonde[1], bead: rgb(0xe8, 0x5d, 0x9a),
		shirt: rgb(0x9b, 0x7f, 0xd6), shirtShade: rgb(0x77, 0x5d, 0xb0),
		pants: rgb(0x4a, 0x46, 0x58), pantsShade: rgb(0x36, 0x33, 0x42),
		shoes: rgb(0x6a, 0x4a, 0x3a),
		side: []string{
			"..........",
			"...HHHHH..",
			"..HHHHHHH.",
			".bHHHHHHHH",
			"HHHHHHSeS.",
			"Hh.HsSSeS.",
			"Hh.SsSSSSS",
			"H..SSSrSS.",
			"H...SSSm..",
			"....SSS...",
		},
		front: []string{
			"..........",
			"..HHHHHH..",
			".HHHHhHHHb",
			".HHHHHHHHH",
			".HSSSSSSHH",
			".SSeSSeSSH",
			"sSSeSSeSSH",
			".SrSSSSrSh",
			"..SSmmSS..",
			"...SSSS...",
		},
	},
	{
		name: "Sam", skin: skinTan[0], skinShade: skinTan[1],
		hair: hairAuburn[0], hairShade: hairAuburn[1],
		cap: rgb(0xd9, 0x3b, 0x3b), capShade: rgb(0xa8, 0x2a, 0x30),
		shirt: rgb(0xf0, 0xc2, 0x3e), shirtShade: rgb(0xcc, 0x98, 0x2a),
		pants: rgb(0x7a, 0x52, 0x36), pantsShade: rgb(0x5c, 0x3c, 0x28),
		shoes: rgb(0x3b, 0x3a, 0x4a),
		side: []string{
			"..........",
			"..CCCCC...",
			".CCCCCWC..",
			".CCCCCCccc",
			".HHHSSSeS.",
			".HHsSSSeS.",
			"..HsSSSSSS",
			".SSSSSrSS.",
			"..SSSSSm..",
			"...SSSS...",
		},
		front: []string{
			"..........",
			"..CCCCCC..",
			".CCCCWCCC.",
			".CCCCCCCC.",
			".cccccccc.",
			".HSeSSeSH.",
			"sSSeSSeSSs",
			".SrSSSSrS.",
			"..SSmmSS..",
			"...SSSS...",
		},
	},
	{
		name: "Rosa", skin: skinDeep[0], skinShade: skinDeep[1], glasses: rgb(0xd0, 0x40, 0x6a),
		hair: hairGrey[0], hairShade: hairGrey[1],
		shirt: rgb(0x5f, 0xa8, 0xe0), shirtShade: rgb(0x45, 0x84, 0xbc),
		pants: rgb(0x6b, 0x4e, 0x7a), pantsShade: rgb(0x52, 0x3a, 0x5e),
		shoes: rgb(0x8a, 0x4a, 0x3a),
		side: []string{
			"..........",
			"hH.HHHH...",
			"HHHHHHHHH.",
			".HHhHHHHH.",
			".HHHgggggS",
			".HHsSSGeG.",
			".HSsSSgggS",
			".SSSSSrSS.",
			"..SSSSSm..",
			"...SSSS...",
		},
		front: []string{
			"....hH....",
			"...HHHH...",
			".HHHHHHHH.",
			".HHhHHHHH.",
			".HSSSSSSH.",
			".gggSSggg.",
			"sgeGSSGegs",
			".gggSSggg.",
			"..SSmmSS..",
			"...SSSS...",
		},
	},
	{
		name: "Lin", skin: skinOlive[0], skinShade: skinOlive[1],
		hair: hairBlack[0], hairShade: hairBlack[1], bead: rgb(0xff, 0xd8, 0x4a),
		shirt: rgb(0xef, 0x8f, 0xb8), shirtShade: rgb(0xcc, 0x6a, 0x96),
		pants: rgb(0x2f, 0x3f, 0x6b), pantsShade: rgb(0x23, 0x2f, 0x52),
		shoes: rgb(0xf4, 0xf0, 0xe8),
		side: []string{
			"..........",
			"..HHHHHH..",
			".HHHHbHHH.",
			"HHHHHHHHHH",
			"HHHHHHHeS.",
			"HHHsSSSeS.",
			"HHHsSSSSSS",
			"HHHSSSrSS.",
			".HH.SSSm..",
			"...SSSS...",
		},
		front: []string{
			"..........",
			"..HHHHHH..",
			".HHHHHHbH.",
			"HHHHHHHHHH",
			"HHHHHHHHHH",
			"HSSeSSeSSH",
			"HSSeSSeSSH",
			"HSrSSSSrSH",
			"HHSSmmSSHH",
			"...SSSS...",
		},
	},
	{
		name: "Theo", skin: skinFair[0], skinShade: skinFair[1], glasses: rgb(0x2f, 0x3f, 0x8a),
		hair: hairGinger[0], hairShade: hairGinger[1],
		shirt: rgb(0x6c, 0xb0, 0x4a), shirtShade: rgb(0x50, 0x8c, 0x36),
		pants: rgb(0x4a, 0x46, 0x58), pantsShade: rgb(0x36, 0x33, 0x42),
		shoes: rgb(0x5f, 0xa8, 0xe0),
		side: []string{
			"..........",
			".H.HH.H...",
			".HHHHHHHH.",
			".HHHHHHHHH",
			".HHHgggggS",
			".HHsSSGeG.",
			".HSsSSgggS",
			".SSSSSrSS.",
			"..SSSSSm..",
			"...SSSS...",
		},
		front: []string{
			"..........",
			".H.HH.HH..",
			".HHHHHHHH.",
			".HHHHHHHH.",
			".SSSSSSSS.",
			".gggSSggg.",
			"sgeGSSGegs",
			".gggSSggg.",
			"..SSmmSS..",
			"...SSSS...",
		},
	},
	{
		name: "Omar", skin: skinTan[0], skinShade: skinTan[1],
		hair: hairWhite[0], hairShade: hairWhite[1],
		shirt: rgb(0xf0, 0x8a, 0x3c), shirtShade: rgb(0xc8, 0x68, 0x2a),
		pants: rgb(0x3a, 0x5a, 0x52), pantsShade: rgb(0x2a, 0x44, 0x3e),
		shoes: rgb(0x6a, 0x4a, 0x3a),
		side: []string{
			"..........",
			"...SSSS...",
			"..SSSSSS..",
			".HSSSSSSS.",
			".HHSSSSeS.",
			".HHsSSSeS.",
			".HHsSSSSSS",
			".HHHHHHHS.",
			"..HHHHHHH.",
			"...HHHH...",
		},
		front: []string{
			"..........",
			"...SSSS...",
			"..SSSSSS..",
			".HSSSSSSH.",
			".HSSSSSSH.",
			".SSeSSeSS.",
			"sSSeSSeSSs",
			".HHHHHHHH.",
			".HHHmmHHH.",
			"..HHHHHH..",
		},
	},
}

// PersonColor returns the identity colour of a style (its shirt colour).
func PersonColor(style int) color.RGBA { return styles[wrapStyle(style)].shirt }

// PersonName returns the short name of a style: "You", "Friend", ...
func PersonName(style int) string { return styles[wrapStyle(style)].name }

func wrapStyle(s int) int { return ((s % NumStyles) + NumStyles) % NumStyles }

// Straw for brooms.
var (
	Straw     = rgb(0xf0, 0xcf, 0x6a)
	StrawDark = rgb(0xc9, 0x9c, 0x3c)
	StrawBand = rgb(0xc4, 0x4d, 0x3c)
)

// pose describes one frame of the side view (or the front view when front).
type pose struct {
	dx, bob  int
	nearFoot int // x of the near ankle
	farFoot  int
	nearLift int // rows the near foot is raised
	farLift  int
	tapToe   bool
	nearHand image.Point
	farHand  image.Point
	crossed  bool // arms folded
	broom    bool
	broomX   int
	front    bool
	blink    bool
}

// Person returns the animation sheet of a style (0 = You, 1 = Friend, ...).
func Person(style int) *PersonSheet {
	s := styles[wrapStyle(style)]
	ps := &PersonSheet{Style: wrapStyle(style), Name: s.name, Color: s.shirt}
	hand := func(x, y int) image.Point { return image.Pt(x, y) }
	idle := []pose{
		{nearFoot: 8, farFoot: 6, nearHand: hand(8, 15), farHand: hand(6, 15)},
		{bob: 1, nearFoot: 8, farFoot: 6, nearHand: hand(8, 15), farHand: hand(6, 15)},
	}
	walk := []pose{
		{bob: 1, nearFoot: 10, farFoot: 4, nearHand: hand(5, 14), farHand: hand(10, 14)},
		{nearFoot: 7, farFoot: 8, farLift: 1, nearHand: hand(7, 15), farHand: hand(8, 15)},
		{bob: 1, nearFoot: 4, farFoot: 10, nearHand: hand(10, 14), farHand: hand(5, 14)},
		{nearFoot: 8, farFoot: 7, nearLift: 1, nearHand: hand(8, 15), farHand: hand(7, 15)},
	}
	var sweep []pose
	for i, bx := range []int{10, 11, 12, 11} {
		b := i % 2
		sweep = append(sweep, pose{
			dx: -2, bob: b, nearFoot: 6, farFoot: 2,
			broom: true, broomX: bx,
			nearHand: hand(bx-3, 14), farHand: hand(bx-5, 11),
		})
	}
	tap := []pose{
		{nearFoot: 9, farFoot: 6, crossed: true, nearHand: hand(10, 12)},
		{nearFoot: 9, farFoot: 6, crossed: true, tapToe: true, nearHand: hand(10, 12)},
		{nearFoot: 9, farFoot: 6, crossed: true, nearHand: hand(10, 12)},
		{nearFoot: 9, farFoot: 6, crossed: true, tapToe: true, blink: true, nearHand: hand(10, 12)},
	}
	sit := []pose{
		{front: true, nearHand: hand(8, 16)},
		{front: true, bob: 1, nearHand: hand(8, 16)},
	}
	build := func(ps []pose) []Frame {
		var out []Frame
		for _, p := range ps {
			hx, hy := 8+p.dx, 1+p.bob
			if p.front {
				hx, hy = 8, 3+p.bob
			}
			out = append(out, Frame{
				Image:   drawPerson(s, p, false),
				Airpods: drawPerson(s, p, true),
				HandX:   p.nearHand.X,
				HandY:   p.nearHand.Y,
				HeadX:   hx,
				HeadY:   hy,
			})
		}
		return out
	}
	ps.Idle = build(idle)
	ps.Walk = build(walk)
	ps.Sweep = build(sweep)
	ps.Sit = build(sit)
	ps.Tap = build(tap)
	ps.All = [][]Frame{ps.Idle, ps.Walk, ps.Sweep, ps.Sit, ps.Tap}
	ps.Names = []string{"Idle", "Walk", "Sweep", "Sit", "Tap"}
	return ps
}

func (s personStyle) palette(blink bool) map[byte]color.RGBA {
	pal := map[byte]color.RGBA{
		'S': s.skin, 's': s.skinShade, 'e': Ink, 'r': mix(s.skin, rgb(0xf0, 0x60, 0x70), 0.35),
		'm': Mouth, 'H': s.hair, 'h': s.hairShade, 'C': s.cap, 'c': s.capShade,
		'g': s.glasses, 'G': Lens, 'W': White, 'b': s.bead,
	}
	if blink {
		pal['e'] = s.skinShade
	}
	return pal
}

func drawPerson(s personStyle, p pose, airpods bool) *image.RGBA {
	c := newCanvas(FrameW, FrameH)
	if p.front {
		drawSitting(c, s, p, airpods)
		c.outline(Ink)
		return c.RGBA
	}
	dx, b := p.dx, p.bob
	farArm := mix(s.shirtShade, Ink, 0.3)
	// Far arm and far leg, behind the body.
	if !p.crossed {
		c.line(6+dx, 11+b, p.farHand.X+dx*0, p.farHand.Y, 2, farArm)
		c.set(p.farHand.X, p.farHand.Y+1, s.skinShade)
		c.set(p.farHand.X+1, p.farHand.Y+1, s.skinShade)
	}
	drawLeg(c, s, 6+dx, 16+b, p.farFoot+dx, p.farLift, false, s.pantsShade, mix(s.shoes, Ink, 0.3))
	// Torso and hips.
	c.rect(5+dx, 10+b, 6, 5, s.shirt)
	c.vline(5+dx, 10+b, 14+b, s.shirtShade)
	c.rect(5+dx, 15+b, 6, 2-b, s.pants)
	drawLeg(c, s, 8+dx, 16+b, p.nearFoot+dx, p.nearLift, p.tapToe, s.pants, s.shoes)
	// Head.
	c.stamp(3+dx, b, s.side, s.palette(p.blink))
	if airpods {
		c.set(6+dx, 6+b, White)
		c.set(6+dx, 7+b, White)
	}
	if p.broom {
		drawBroomInHands(c, p.broomX, b)
	}
	// Near arm, in front.
	switch {
	case p.crossed:
		c.rect(6+dx, 12+b, 4, 2, s.shirtShade)
		c.set(10+dx, 12+b, s.skin)
		c.set(10+dx, 13+b, s.skinShade)
	default:
		hx, hy := p.nearHand.X, p.nearHand.Y
		c.line(7+dx, 11+b, hx, hy-1, 2, s.shirtShade)
		c.set(hx, hy, s.skin)
		c.set(hx+1, hy, s.skin)
		if p.broom {
			c.set(p.farHand.X, p.farHand.Y, s.skin)
			c.set(p.farHand.X+1, p.farHand.Y, s.skin)
		}
	}
	c.outline(Ink)
	return c.RGBA
}

// drawLeg draws a 2-pixel leg from the hip to the ankle and a shoe.
func drawLeg(c canvas, s personStyle, hipX, hipY, ankleX, lift int, tapToe bool, pants, shoes color.RGBA) {
	ay := 20 - lift
	c.line(hipX, hipY, ankleX, ay, 2, pants)
	if tapToe {
		c.hline(ankleX, ankleX+1, ay+1, shoes)
		c.hline(ankleX, ankleX+1, ay+2, shoes)
		c.set(ankleX+2, ay+1, shoes)
		c.set(ankleX+3, ay, shoes)
		return
	}
	c.hline(ankleX, ankleX+1, ay+1, shoes)
	c.hline(ankleX, ankleX+2, ay+2, shoes)
}

func drawBroomInHands(c canvas, bx, b int) {
	// Handle from over the shoulder down to the bristles on the floor.
	c.line(bx-6, 8+b, bx, 19, 1, WoodMid)
	c.hline(bx-1, bx+1, 19, StrawBand)
	c.hline(bx-2, bx+2, 20, Straw)
	c.hline(bx-2, bx+2, 21, Straw)
	c.hline(bx-2, bx+2, 22, StrawDark)
	c.set(bx-1, 21, StrawDark)
	c.set(bx+1, 21, StrawDark)
}

func drawSitting(c canvas, s personStyle, p pose, airpods bool) {
	b := p.bob
	// Lower legs and shoes hang over the seat front.
	c.rect(5, 19, 2, 2, s.pantsShade)
	c.rect(9, 19, 2, 2, s.pantsShade)
	c.hline(4, 6, 21, s.shoes)
	c.hline(4, 6, 22, s.shoes)
	c.hline(9, 11, 21, s.shoes)
	c.hline(9, 11, 22, s.shoes)
	// Lap.
	c.rect(4, 17, 8, 2, s.pants)
	c.hline(4, 11, 18, s.pantsShade)
	// Torso.
	c.rect(5, 12, 6, 5, s.shirt)
	c.vline(10, 12, 16, s.shirtShade)
	c.set(7, 12, s.skinShade)
	c.set(8, 12, s.skinShade)
	// Arms down the sides, hands meeting on the lap.
	c.vline(4, 12, 14, s.shirtShade)
	c.vline(11, 12, 14, s.shirtShade)
	c.set(5, 15, s.shirtShade)
	c.set(10, 15, s.shirtShade)
	c.set(6, 16, s.skin)
	c.set(9, 16, s.skin)
	c.set(7, 16, s.skin)
	c.set(8, 16, s.skinShade)
	// Head.
	c.stamp(3, 2+b, s.front, s.palette(false))
	if airpods {
		c.set(3, 8+b, White)
		c.set(3, 9+b, White)
		c.set(12, 8+b, White)
		c.set(12, 9+b, White)
	}
}
