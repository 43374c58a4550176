package house

import (
	"image"
	"image/draw"
	"math"
	"slices"

	"chores/game/art"
	"chores/game/play"
	"chores/sim"
)

const (
	// walkMinutes is how long, at the start of a stay, a person is shown
	// walking in from where they were. Walking takes no time in the model;
	// this is only the animation of arriving.
	walkMinutes = 1.5
	animTicks   = 9 // ticks per animation frame
	Lounge      = -1
)

// Stay is a stretch of time a person spends in one place.
type Stay struct {
	place    int // a room index, or lounge
	from, to sim.Time
}

// computeStays lists where each person is: in a room while cleaning it, in
// the lounge otherwise.
func computeStays(r *sim.Result, people int) [][]Stay {
	out := make([][]Stay, people)
	for p := range out {
		var at sim.Time
		for _, sp := range r.Spans {
			if sp.Person != p || sp.Lane != sim.LaneHands {
				continue
			}
			if at.Less(sp.Start) {
				out[p] = append(out[p], Stay{Lounge, at, sp.Start})
			}
			out[p] = append(out[p], Stay{sp.Room, sp.Start, sp.End})
			at = sp.End
		}
		out[p] = append(out[p], Stay{Lounge, at, sim.Whole(math.MaxInt64)})
	}
	return out
}

// stayAt finds the stay holding t and the one before it.
func stayAt(stays []Stay, t sim.Time) (cur, prev Stay, hasPrev bool) {
	for i, s := range stays {
		if t.Less(s.to) || i == len(stays)-1 {
			if i > 0 {
				return s, stays[i-1], true
			}
			return s, Stay{}, false
		}
	}
	return stays[len(stays)-1], Stay{}, false
}

// house is where a story's rooms are drawn, and who has been where.
type Plan struct {
	Story    *play.Story
	stays    [][]Stay // per person: where they are when
	W, H     int      // art pixels
	Cells    []Cell
	LoungeAt int // the cell used as the lounge
	Dust     [][]Mote
}

type Cell struct {
	Rect   image.Rectangle // inside the house image
	kind   art.RoomKind
	Layout art.Layout
	Room   int // room index, or lounge for an extra lounge cell
	floor  int
}

type Mote struct {
	N  int // which mote of the room's set of dust sprites
	X  int // bottom-left, in cell coordinates
	Y  int
	At float64 // the share of the sweep at which it disappears
}

// New lays out the rooms of a story to fit a scene of sw×sh pixels at
// the largest whole scale.
func New(st *play.Story, sw, sh int) (*Plan, int) {
	rooms := st.Scenario.Rooms
	h := &Plan{Story: st, stays: computeStays(st.Result, len(st.Scenario.People)), LoungeAt: -1}
	// The lounge, where people listen and wait, is the living room when the
	// house has one, otherwise a cell of its own.
	kinds := make([]art.RoomKind, len(rooms))
	for i, r := range rooms {
		kinds[i] = art.KindFor(r.Name)
		if kinds[i] == art.LivingRoom && h.LoungeAt < 0 {
			h.LoungeAt = i
		}
	}
	n := len(rooms)
	extraLounge := h.LoungeAt < 0
	if extraLounge {
		n++
	}
	cols := int(math.Ceil(math.Sqrt(float64(n))))
	floors := (n + cols - 1) / cols

	// The largest whole scale at which floors are still tall enough for a
	// person (and rooms wide enough for furniture); floors shrink from 64 art
	// pixels to 40 before the scale steps down.
	fixed := func(w int) int { return art.RoofHeight(w) + art.GroundH + 2*art.WallT + (floors-1)*art.SlabH }
	widthFor := func(cellW int) int { return cols*cellW + (cols-1)*art.WallT + 2*art.WallT }
	k, cellH, cellW := 1, 40, art.MinRoomW+8
	for try := 8; try >= 1; try-- {
		w := (sw/try - 2*art.WallT - (cols-1)*art.WallT) / cols
		hgt := min(64, (sh/try-fixed(widthFor(min(w, 176))))/max(floors, 1))
		if hgt >= 40 && w >= art.MinRoomW+8 {
			k, cellH, cellW = try, hgt, min(w, 176)
			break
		}
	}
	h.W = widthFor(cellW)
	h.H = art.RoofHeight(h.W) + floors*cellH + (floors-1)*art.SlabH + 2*art.WallT + art.GroundH

	// Cells fill the ground floor first, left to right, then upwards.
	idx := 0
	place := func(room int, kind art.RoomKind) {
		f, c := idx/cols, idx%cols
		x := art.WallT + c*(cellW+art.WallT)
		y := h.H - art.GroundH - art.WallT - (f+1)*cellH - f*art.SlabH
		rect := image.Rect(x, y, x+cellW, y+cellH)
		h.Cells = append(h.Cells, Cell{Rect: rect, kind: kind, Layout: art.RoomLayout(kind, cellW, cellH), Room: room, floor: f})
		idx++
	}
	if extraLounge {
		place(Lounge, art.LivingRoom)
		h.LoungeAt = 0
	} else {
		// Put the living room first so the lounge sits on the ground floor.
		order := append([]int{h.LoungeAt}, slices.Delete(seq(len(rooms)), h.LoungeAt, h.LoungeAt+1)...)
		h.Cells = make([]Cell, 0, n)
		for _, r := range order {
			place(r, kinds[r])
		}
		h.LoungeAt = 0
	}
	if extraLounge {
		for i := range rooms {
			place(i, kinds[i])
		}
	}

	// Dust: more for bigger jobs, placed the same way every time.
	h.Dust = make([][]Mote, len(h.Cells))
	for ci, c := range h.Cells {
		if c.Room < 0 {
			continue
		}
		work := rooms[c.Room].Work
		count := min(12, 4+int(work/3))
		fl := c.Layout.Floor
		for i := range count {
			// A small deterministic hash spreads the motes over the floor.
			hsh := uint32(c.Room*7919 + i*104729)
			hsh ^= hsh >> 13
			hsh *= 0x5bd1e995
			hsh ^= hsh >> 15
			x := fl.Min.X + int(hsh%uint32(max(1, fl.Dx()-art.DustSize)))
			y := fl.Min.Y + art.DustSize + int((hsh>>8)%uint32(max(1, fl.Dy()-art.DustSize)))
			at := float64(x-fl.Min.X+art.DustSize/2) / float64(max(1, fl.Dx()))
			h.Dust[ci] = append(h.Dust[ci], Mote{N: i, X: x, Y: min(y, fl.Max.Y), At: at})
		}
	}
	return h, k
}

// Picture is the house without its people and dust: roof, walls, rooms,
// slabs, ground.
func (h *Plan) Picture() *image.RGBA {
	roofH := art.RoofHeight(h.W)
	img := image.NewRGBA(image.Rect(0, 0, h.W, h.H))
	bodyTop := roofH
	paste(img, art.Roof(h.W), 0, 0)
	paste(img, art.Walls(h.W, h.H-bodyTop-art.GroundH), 0, bodyTop)
	variants := map[art.RoomKind]int{}
	for _, c := range h.Cells {
		paste(img, art.RoomVariant(c.kind, c.Rect.Dx(), c.Rect.Dy(), variants[c.kind]), c.Rect.Min.X, c.Rect.Min.Y)
		variants[c.kind]++
		if c.Rect.Min.X > art.WallT {
			paste(img, art.Post(c.Rect.Dy()), c.Rect.Min.X-art.WallT, c.Rect.Min.Y)
		}
		if c.floor > 0 {
			paste(img, art.Slab(h.W-2*art.WallT), art.WallT, c.Rect.Max.Y)
		}
	}
	paste(img, art.Ground(h.W), 0, h.H-art.GroundH)
	return img
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func paste(dst *image.RGBA, src *image.RGBA, x, y int) {
	r := src.Bounds().Add(image.Pt(x, y))
	draw.Draw(dst, r, src, src.Bounds().Min, draw.Over)
}

// CellOf finds the cell showing a room (or the lounge).
func (h *Plan) CellOf(place int) int {
	if place == Lounge {
		return h.LoungeAt
	}
	for i, c := range h.Cells {
		if c.Room == place {
			return i
		}
	}
	return h.LoungeAt
}

// Pose is where and how a person is drawn.
type Pose struct {
	X, Y    float64 // bottom-centre, house pixels
	Anim    []art.Frame
	Frame   int
	Flip    bool
	Airpods bool
	Notes   bool
	Bubble  bool
}

// Poses works out every person's place, animation and props at the minute.
// sheets are the people's sprite sheets, one per style.
func (h *Plan) Poses(p *play.Player, sheets []*art.PersonSheet) []Pose {
	st := p.Story()
	state := &p.State
	t := p.Minute
	poses := make([]Pose, len(state.People))
	// People in the lounge get spots in people order: seats first, then
	// standing room beside the sofa.
	spot := 0
	for i, ps := range state.People {
		sheet := sheets[i%len(sheets)]
		pose := &poses[i]
		cur, prev, hasPrev := stayAt(h.stays[i], t)
		cl := h.Cells[h.CellOf(cur.place)]
		ticks := p.Ticks
		if p.Still {
			ticks = 0 // reduced motion: one frame of each pose
		}
		anim := ticks / animTicks
		switch {
		case ps.Room >= 0:
			// Sweeping across the floor, left to right as the room gets
			// done, with a little back and forth.
			fl := cl.Layout.Floor
			span := float64(fl.Dx() - art.FrameW)
			wiggle := 3 * math.Sin(float64(ticks)/7+float64(i))
			pose.X = float64(cl.Rect.Min.X+fl.Min.X+art.FrameW/2) + span*ps.Progress + wiggle
			pose.Y = float64(cl.Rect.Min.Y + cl.Layout.FloorY)
			pose.Anim, pose.Frame = sheet.Sweep, anim
			pose.Flip = math.Cos(float64(ticks)/7+float64(i)) < 0
		default:
			seats := cl.Layout.Seats
			pose.Y = float64(cl.Rect.Min.Y + cl.Layout.FloorY)
			if spot < len(seats) && ps.WaitingFor < 0 {
				pose.X = float64(cl.Rect.Min.X + seats[spot].X)
				pose.Y = float64(cl.Rect.Min.Y + seats[spot].Y)
				pose.Anim, pose.Frame = sheet.Sit, anim/4
			} else {
				// Standing room, leftwards from the sofa.
				base := cl.Rect.Min.X + art.FrameW
				if len(seats) > 0 {
					base = cl.Rect.Min.X + seats[0].X - art.FrameW
				}
				pose.X = float64(base - (spot-len(seats))*(art.FrameW-2))
				if spot < len(seats) {
					pose.X = float64(cl.Rect.Min.X + seats[spot].X)
				}
				pose.X = max(pose.X, float64(cl.Rect.Min.X+art.FrameW/2))
				pose.Anim, pose.Frame = sheet.Idle, anim/3
				if ps.WaitingFor >= 0 {
					pose.Anim, pose.Frame = sheet.Tap, anim
					pose.Bubble = true
				}
			}
			spot++
		}
		// Arriving: walk in from the previous place on the same floor.
		if hasPrev && t.Sub(cur.from).Min() < walkMinutes {
			pc := h.Cells[h.CellOf(prev.place)]
			if pc.floor == cl.floor && pc.Rect != cl.Rect {
				var fromX float64
				if prev.place == Lounge {
					fromX = float64(pc.Rect.Min.X + pc.Rect.Dx()/2)
				} else {
					fromX = float64(pc.Rect.Max.X - art.FrameW)
				}
				share := t.Sub(cur.from).Min() / walkMinutes
				toX := pose.X
				pose.X = lerp(fromX, toX, share)
				pose.Y = float64(cl.Rect.Min.Y + cl.Layout.FloorY)
				pose.Anim, pose.Frame = sheet.Walk, anim
				pose.Flip = toX < fromX
			}
		}
		if ps.Device >= 0 {
			pose.Notes = true
			hear, _ := st.Result.HearingOf(i)
			pose.Airpods = hear.How == sim.HearAirpods
		}
	}
	return poses
}

// HandOf is where a person's hand is, in house pixels.
func HandOf(pose *Pose) (float64, float64) {
	if len(pose.Anim) == 0 {
		return pose.X, pose.Y
	}
	f := pose.Anim[pose.Frame%len(pose.Anim)]
	hx := float64(f.HandX)
	if pose.Flip {
		hx = art.FrameW - hx
	}
	return pose.X - art.FrameW/2 + hx, pose.Y - art.FrameH + float64(f.HandY)
}

func personIndex(st *play.Story, name string) int {
	for i, p := range st.Scenario.People {
		if p.Name == name {
			return i
		}
	}
	return 0
}

func lerp(a, b, t float64) float64 { return a + (b-a)*t }

// Phones are where the phones are drawn (their grips, in house pixels): each
// in the hand of whoever it plays for, between two listeners who share it,
// or in flight between them during a handoff; none for a phone in a pocket.
func Phones(poses []Pose, p *play.Player) [][2]float64 {
	st := p.Story()
	var out [][2]float64
	for d, dev := range st.Result.Devices {
		if dev.Owner == "" {
			continue
		}
		ds := p.State.Devices[d]
		var xs, ys []float64
		for i := range poses {
			if ds.Listeners&(1<<i) != 0 {
				x, y := HandOf(&poses[i])
				xs, ys = append(xs, x), append(ys, y)
			}
		}
		if ds.HandingOver {
			fx, fy := HandOf(&poses[ds.From])
			tx, ty := HandOf(&poses[ds.To])
			share := ds.Handed
			xs, ys = []float64{lerp(fx, tx, share)}, []float64{lerp(fy, ty, share) - 6*math.Sin(share*math.Pi)}
		}
		if len(xs) == 0 {
			continue
		}
		var x, y float64
		for i := range xs {
			x += xs[i]
			y += ys[i]
		}
		x /= float64(len(xs))
		y /= float64(len(ys))
		if p.State.People[personIndex(st, dev.Owner)].Device == d && len(xs) == 1 && poses[personIndex(st, dev.Owner)].Airpods {
			continue // in a pocket: heard through airpods
		}
		out = append(out, [2]float64{x, y})
	}
	return out
}
