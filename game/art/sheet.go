package art

import (
	"image"
)

var sheetBG = rgb(0x3d, 0x34, 0x45)

// Sheet returns a preview of every sprite, for looking at the art: the eight
// people with all their animations (top left), props, dust and HUD icons
// (below them), every room kind at three sizes (right), and a small house
// scene put together from the pieces (bottom).
func Sheet() *image.RGBA {
	const (
		roomsX = 356
		sceneY = 392
	)
	house := sampleHouse()
	hb := house.Bounds()
	c := newCanvas(max(roomsX+330, hb.Dx()+8), sceneY+hb.Dy()+6)
	c.rect(0, 0, c.Rect.Dx(), c.Rect.Dy(), sheetBG)

	// People: one row per style; animations separated by gaps, then the
	// walk and sit frames with airpods, then a phone in the hand.
	y := 4
	for s := 0; s < NumStyles; s++ {
		p := Person(s)
		x := 4
		c.rect(0, y, 2, FrameH, p.Color)
		for _, anim := range p.All {
			for _, f := range anim {
				c.blit(x, y, f.Image)
				x += FrameW + 1
			}
			x += 3
		}
		c.blit(x, y, p.Walk[0].Airpods)
		x += FrameW + 1
		c.blit(x, y, p.Sit[0].Airpods)
		x += FrameW + 1
		f := p.Sit[1]
		c.blit(x, y, f.Image)
		c.blit(x+f.HandX-PhoneGripX, y+f.HandY-PhoneGripY, Phone())
		y += FrameH + 2
	}

	// Props.
	y += 4
	x := 4
	place := func(img *image.RGBA) {
		c.blit(x, y, img)
		x += img.Bounds().Dx() + 3
	}
	place(Phone())
	place(Airpods())
	place(HomeTheatre())
	for _, w := range SoundWaves() {
		place(w)
	}
	for _, n := range MusicNote() {
		place(n)
	}
	place(Bubble())
	place(Broom())
	sofaX := x
	place(Sofa())
	for i, seat := range SofaSeats {
		f := Person(i).Sit[0]
		c.blit(sofaX+seat.X-FrameW/2, y+seat.Y-FrameH, f.Airpods)
	}
	place(Roof(48))

	// Dust: four seeds.
	y += 30
	for seed := 0; seed < 4; seed++ {
		x = 4 + seed*56
		for _, d := range Dust(seed) {
			c.rect(x-1, y-1, DustSize+2, DustSize+2, WoodMid)
			c.blit(x, y, d)
			x += DustSize + 1
		}
	}

	// HUD icons, on a dark strip.
	y += 14
	c.rect(2, y-2, int(NumIcons)*(IconSize+3)+3, IconSize+4, Ink)
	for i := Icon(0); i < NumIcons; i++ {
		c.blit(4+int(i)*(IconSize+3), y, HUDIcon(i))
	}

	// Rooms: each kind at three sizes.
	y = 4
	for k := RoomKind(0); k < NumRoomKinds; k++ {
		x := roomsX
		for _, sz := range [][2]int{{48, 36}, {96, 54}, {160, 72}} {
			c.blit(x, y, Room(k, sz[0], sz[1]))
			x += sz[0] + 4
		}
		y += 76
	}

	c.blit(4, sceneY, house)
	// Extra room sizes beside the house.
	x = hb.Dx() + 10
	c.blit(x, sceneY, Room(LivingRoom, 160, 90))
	l := RoomLayout(LivingRoom, 160, 90)
	c.blit(x+l.Theatre.X, sceneY+l.Theatre.Y, HomeTheatre())
	c.blit(x+l.Theatre.X+24, sceneY+l.Theatre.Y-2, SoundWaves()[2])
	for i, s := range l.Seats {
		f := Person(4 + i).Sit[i]
		c.blit(x+s.X-FrameW/2, sceneY+s.Y-FrameH, f.Image)
	}
	f := Person(5).Walk[2]
	c.blit(x+70, sceneY+l.FloorY-FrameH, f.Airpods)
	c.blit(x, sceneY+94, RoomVariant(Generic, 64, 40, 1))
	c.blit(x+68, sceneY+94, RoomVariant(Generic, 64, 40, 2))
	return c.RGBA
}

// sampleHouse assembles a two-storey house from the pieces, with people,
// props and dust in it, to check that everything fits together.
func sampleHouse() *image.RGBA {
	const rw, rh = 96, 54
	w := 2*rw + 3*WallT
	h := 2*rh + WallT*2 + SlabH
	roof := Roof(w + 8)
	rhgt := roof.Bounds().Dy()
	c := newCanvas(w+8, rhgt+h+GroundH)
	ox, oy := 4, rhgt
	c.blit(0, 0, roof)
	kinds := [2][2]RoomKind{{Bedroom, Bathroom}, {Kitchen, LivingRoom}}
	for row := 0; row < 2; row++ {
		for col := 0; col < 2; col++ {
			rx := ox + WallT + col*(rw+WallT)
			ry := oy + WallT + row*(rh+SlabH)
			k := kinds[row][col]
			c.blit(rx, ry, Room(k, rw, rh))
			l := RoomLayout(k, rw, rh)
			switch k {
			case Kitchen:
				f := Person(0).Sweep[1]
				c.blit(rx+44, ry+l.FloorY-FrameH, f.Airpods)
				for i, d := range Dust(1)[:3] {
					c.blit(rx+66+i*9, ry+l.Floor.Max.Y-DustSize, d)
				}
			case LivingRoom:
				f := Person(1).Sit[0]
				s := l.Seats[1]
				c.blit(rx+s.X-FrameW/2, ry+s.Y-FrameH, f.Image)
				c.blit(rx+s.X-FrameW/2+f.HandX-PhoneGripX, ry+s.Y-FrameH+f.HandY-PhoneGripY, Phone())
				n := MusicNote()
				c.blit(rx+s.X-2, ry+s.Y-FrameH-10, n[0])
				c.blit(rx+s.X+8, ry+s.Y-FrameH-6, n[1])
			case Bedroom:
				for i, d := range Dust(2) {
					c.blit(rx+6+i*9, ry+l.Floor.Min.Y+(i%2)*3, d)
				}
				f := Person(2).Walk[0]
				c.blit(rx+14, ry+l.FloorY-FrameH, f.Image)
			case Bathroom:
				f := Person(3).Tap[1]
				px := rx + 40
				c.blit(px, ry+l.FloorY-FrameH, f.Image)
				c.blit(px+f.HeadX-3, ry+l.FloorY-FrameH+f.HeadY-13, Bubble())
			}
		}
		if row == 0 {
			c.blit(ox+WallT, oy+WallT+rh, Slab(w-2*WallT))
		}
		c.blit(ox+WallT+rw, oy+WallT+row*(rh+SlabH), Post(rh))
	}
	c.blit(ox, oy, Walls(w, h))
	c.blit(0, oy+h, Ground(w+8))
	return c.RGBA
}
