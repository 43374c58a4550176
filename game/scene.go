package game

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/art"
	"chores/game/play"
	"chores/game/ui"
	"chores/sim"
)

// The scene is the house in cutaway. Everything in it is a function of the
// story and the minute (plus a tick counter for idle animation), so scrubbing
// to a minute shows exactly what playing up to it shows.
//
// The art is scaled by a whole factor (one art pixel becomes k×k screen
// pixels, never blurred): crisp pixel art on any screen. Every sprite is drawn
// straight onto the screen at that scale, which gives the same pixels as
// drawing at art size and scaling the result, but keeps each moving sprite a
// draw of its own, so only its own tiles are repainted (see game/redraw).

const (
	// walkMinutes is how long, at the start of a stay, a person is shown
	// walking in from where they were. Walking takes no time in the model;
	// this is only the animation of arriving.
	walkMinutes = 1.5
	animTicks   = 9 // ticks per animation frame
	lounge      = -1
)

// stay is a stretch of time a person spends in one place.
type stay struct {
	place    int // a room index, or lounge
	from, to sim.Time
}

// computeStays lists where each person is: in a room while cleaning it, in
// the lounge otherwise.
func computeStays(r *sim.Result, people int) [][]stay {
	out := make([][]stay, people)
	for p := range out {
		var at sim.Time
		for _, sp := range r.Spans {
			if sp.Person != p || sp.Lane != sim.LaneHands {
				continue
			}
			if at.Less(sp.Start) {
				out[p] = append(out[p], stay{lounge, at, sp.Start})
			}
			out[p] = append(out[p], stay{sp.Room, sp.Start, sp.End})
			at = sp.End
		}
		out[p] = append(out[p], stay{lounge, at, sim.Whole(math.MaxInt64)})
	}
	return out
}

// stayAt finds the stay holding t and the one before it.
func stayAt(stays []stay, t sim.Time) (cur, prev stay, hasPrev bool) {
	for i, s := range stays {
		if t.Less(s.to) || i == len(stays)-1 {
			if i > 0 {
				return s, stays[i-1], true
			}
			return s, stay{}, false
		}
	}
	return stays[len(stays)-1], stay{}, false
}

// house is the static drawing of a story's house and where its rooms are.
type house struct {
	st       *play.Story
	stays    [][]stay // per person: where they are when
	w, h     int      // art pixels
	cells    []cell
	loungeAt int // the cell used as the lounge
	static   *ebiten.Image
	dust     [][]dustMote
}

type cell struct {
	rect   image.Rectangle // inside the house image
	kind   art.RoomKind
	layout art.Layout
	room   int // room index, or lounge for an extra lounge cell
	floor  int
}

type dustMote struct {
	img *ebiten.Image
	x   int // bottom-left, in cell coordinates
	y   int
	at  float64 // the share of the sweep at which it disappears
}

// newHouse lays out the rooms of a story to fit a scene of sw×sh pixels at
// the largest whole scale.
func newHouse(st *play.Story, sw, sh int, sprites *sprites) (*house, int) {
	rooms := st.Scenario.Rooms
	h := &house{st: st, stays: computeStays(st.Result, len(st.Scenario.People)), loungeAt: -1}
	// The lounge, where people listen and wait, is the living room when the
	// house has one, otherwise a cell of its own.
	kinds := make([]art.RoomKind, len(rooms))
	for i, r := range rooms {
		kinds[i] = art.KindFor(r.Name)
		if kinds[i] == art.LivingRoom && h.loungeAt < 0 {
			h.loungeAt = i
		}
	}
	n := len(rooms)
	extraLounge := h.loungeAt < 0
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
	h.w = widthFor(cellW)
	roofH := art.RoofHeight(h.w)
	h.h = roofH + floors*cellH + (floors-1)*art.SlabH + 2*art.WallT + art.GroundH

	// Cells fill the ground floor first, left to right, then upwards.
	idx := 0
	place := func(room int, kind art.RoomKind) {
		f, c := idx/cols, idx%cols
		x := art.WallT + c*(cellW+art.WallT)
		y := h.h - art.GroundH - art.WallT - (f+1)*cellH - f*art.SlabH
		rect := image.Rect(x, y, x+cellW, y+cellH)
		h.cells = append(h.cells, cell{rect: rect, kind: kind, layout: art.RoomLayout(kind, cellW, cellH), room: room, floor: f})
		idx++
	}
	if extraLounge {
		place(lounge, art.LivingRoom)
		h.loungeAt = 0
	} else {
		// Put the living room first so the lounge sits on the ground floor.
		order := append([]int{h.loungeAt}, slices.Delete(seq(len(rooms)), h.loungeAt, h.loungeAt+1)...)
		h.cells = make([]cell, 0, n)
		for _, r := range order {
			place(r, kinds[r])
		}
		h.loungeAt = 0
	}
	if extraLounge {
		for i := range rooms {
			place(i, kinds[i])
		}
	}

	// The static picture: roof, walls, rooms, slabs, ground.
	img := image.NewRGBA(image.Rect(0, 0, h.w, h.h))
	bodyTop := roofH
	paste(img, art.Roof(h.w), 0, 0)
	paste(img, art.Walls(h.w, h.h-bodyTop-art.GroundH), 0, bodyTop)
	variants := map[art.RoomKind]int{}
	for _, c := range h.cells {
		paste(img, art.RoomVariant(c.kind, c.rect.Dx(), c.rect.Dy(), variants[c.kind]), c.rect.Min.X, c.rect.Min.Y)
		variants[c.kind]++
		if c.rect.Min.X > art.WallT {
			paste(img, art.Post(c.rect.Dy()), c.rect.Min.X-art.WallT, c.rect.Min.Y)
		}
		if c.floor > 0 {
			paste(img, art.Slab(h.w-2*art.WallT), art.WallT, c.rect.Max.Y)
		}
	}
	paste(img, art.Ground(h.w), 0, h.h-art.GroundH)
	h.static = ebiten.NewImageFromImage(img)

	// Dust: more for bigger jobs, placed the same way every time.
	h.dust = make([][]dustMote, len(h.cells))
	for ci, c := range h.cells {
		if c.room < 0 {
			continue
		}
		work := rooms[c.room].Work
		count := min(12, 4+int(work/3))
		fl := c.layout.Floor
		motes := sprites.dust[c.room%len(sprites.dust)]
		for i := range count {
			// A small deterministic hash spreads the motes over the floor.
			hsh := uint32(c.room*7919 + i*104729)
			hsh ^= hsh >> 13
			hsh *= 0x5bd1e995
			hsh ^= hsh >> 15
			x := fl.Min.X + int(hsh%uint32(max(1, fl.Dx()-art.DustSize)))
			y := fl.Min.Y + art.DustSize + int((hsh>>8)%uint32(max(1, fl.Dy()-art.DustSize)))
			at := float64(x-fl.Min.X+art.DustSize/2) / float64(max(1, fl.Dx()))
			h.dust[ci] = append(h.dust[ci], dustMote{img: motes[i%len(motes)], x: x, y: min(y, fl.Max.Y), at: at})
		}
	}
	return h, k
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

// cellOf finds the cell showing a room (or the lounge).
func (h *house) cellOf(place int) int {
	if place == lounge {
		return h.loungeAt
	}
	for i, c := range h.cells {
		if c.room == place {
			return i
		}
	}
	return h.loungeAt
}

// sprites are the art, uploaded to the GPU once.
type sprites struct {
	people  []*art.PersonSheet
	frames  map[*image.RGBA]*ebiten.Image
	dust    [][]*ebiten.Image
	phone   *ebiten.Image
	theatre *ebiten.Image
	waves   []*ebiten.Image
	notes   []*ebiten.Image
	bubble  *ebiten.Image
}

func newSprites() *sprites {
	s := &sprites{frames: map[*image.RGBA]*ebiten.Image{}}
	for i := range art.NumStyles {
		sheet := art.Person(i)
		s.people = append(s.people, sheet)
		// Upload every pose now rather than the first time it is drawn, so
		// memory reaches its steady size at the start, not during play.
		for _, anim := range sheet.All {
			for _, f := range anim {
				s.image(f.Image)
				if f.Airpods != nil {
					s.image(f.Airpods)
				}
			}
		}
	}
	for seed := range 4 {
		var set []*ebiten.Image
		for _, d := range art.Dust(seed) {
			set = append(set, ebiten.NewImageFromImage(d))
		}
		s.dust = append(s.dust, set)
	}
	s.phone = ebiten.NewImageFromImage(art.Phone())
	s.theatre = ebiten.NewImageFromImage(art.HomeTheatre())
	for _, w := range art.SoundWaves() {
		s.waves = append(s.waves, ebiten.NewImageFromImage(w))
	}
	for _, n := range art.MusicNote() {
		s.notes = append(s.notes, ebiten.NewImageFromImage(n))
	}
	s.bubble = ebiten.NewImageFromImage(art.Bubble())
	return s
}

// image returns the GPU copy of an art image, uploading it on first use.
func (s *sprites) image(img *image.RGBA) *ebiten.Image {
	e, ok := s.frames[img]
	if !ok {
		e = ebiten.NewImageFromImage(img)
		s.frames[img] = e
	}
	return e
}

// scene draws the house for a player's state.
type scene struct {
	sprites *sprites
	house   *house
	k       float64 // scale from art pixels to screen pixels
	rect    image.Rectangle
	canvas  *ebiten.Image // only for a house shrunk to fit (k < 1)
	target  ui.Surface    // where blit draws this frame
	place   ebiten.GeoM   // from house pixels to target pixels, this frame
	faces   *ui.Faces
	u       float64
	hits    []personHit // where each person was drawn in the last frame, for picking
}

// personHit is the screen rectangle a person was drawn in.
type personHit struct {
	r      image.Rectangle
	person int
}

// personAt is who was drawn at pt in the last frame (the one in front when
// two overlap).
func (sc *scene) personAt(pt image.Point) (int, bool) {
	for i := len(sc.hits) - 1; i >= 0; i-- {
		if pt.In(sc.hits[i].r) {
			return sc.hits[i].person, true
		}
	}
	return 0, false
}

func (sc *scene) prepare(st *play.Story, rect image.Rectangle, u float64, f *ui.Faces) {
	if sc.house != nil && sc.house.st == st && sc.rect == rect && sc.u == u {
		return
	}
	if sc.sprites == nil {
		sc.sprites = newSprites()
	}
	sc.rect, sc.u, sc.faces = rect, u, f
	h, k := newHouse(st, rect.Dx(), rect.Dy(), sc.sprites)
	sc.house = h
	sc.k = float64(k)
	// A house too big for the scene even at 1x (tiny embeds with many rooms)
	// is scaled down; that is the one case that loses crispness.
	if fit := min(float64(rect.Dx())/float64(h.w), float64(rect.Dy())/float64(h.h)); fit < sc.k {
		sc.k = fit
	}
	if sc.canvas != nil {
		sc.canvas.Deallocate()
		sc.canvas = nil
	}
	if sc.k < 1 {
		sc.canvas = ebiten.NewImage(h.w, h.h)
	}
}

// origin is where the house's top-left lands on screen: on a whole pixel,
// so every art pixel covers whole screen pixels.
func (sc *scene) origin() (float64, float64) {
	h := sc.house
	return math.Floor(float64(sc.rect.Min.X) + (float64(sc.rect.Dx())-float64(h.w)*sc.k)/2),
		math.Floor(float64(sc.rect.Min.Y) + (float64(sc.rect.Dy())-float64(h.h)*sc.k)/2)
}

// personPose is where and how a person is drawn.
type personPose struct {
	x, y    float64 // bottom-centre, house pixels
	anim    []art.Frame
	frame   int
	flip    bool
	airpods bool
	notes   bool
	bubble  bool
}

func (sc *scene) draw(dst ui.Surface, p *play.Player) {
	h := sc.house
	st := p.Story()
	state := &p.State
	sc.target = dst
	sc.place.Reset()
	if sc.canvas != nil {
		sc.canvas.Clear() // the house has see-through pixels, which must not pile up
		sc.target = sc.canvas
	} else {
		ox, oy := sc.origin()
		sc.place.Scale(sc.k, sc.k)
		sc.place.Translate(ox, oy)
	}
	sc.blit(h.static, 0, 0, false)

	// Dust still on the floor: a mote goes when the sweep passes it.
	for ci, cl := range h.cells {
		if cl.room < 0 {
			continue
		}
		left := state.Rooms[cl.room].Left
		done := 1 - left
		for _, m := range h.dust[ci] {
			if left == 0 || (left < 1 && m.at < done) {
				continue
			}
			sc.blit(m.img, float64(cl.rect.Min.X+m.x), float64(cl.rect.Min.Y+m.y-m.img.Bounds().Dy()), false)
		}
	}

	lc := h.cells[h.loungeAt]
	theatre := -1
	for d, dev := range st.Result.Devices {
		if dev.Owner == "" {
			theatre = d
		}
	}
	if theatre >= 0 {
		tp := lc.layout.Theatre.Add(lc.rect.Min)
		sc.blit(sc.sprites.theatre, float64(tp.X), float64(tp.Y), false)
		if state.Devices[theatre].Playing {
			// Waves from the speakers, and into every room: it plays
			// through the whole house.
			w := sc.sprites.waves[(p.Ticks/12)%len(sc.sprites.waves)]
			sc.blit(w, float64(tp.X+24), float64(tp.Y), false)
			for _, cl := range h.cells {
				if cl.room >= 0 || cl.rect != lc.rect {
					sc.blit(w, float64(cl.rect.Max.X-12), float64(cl.rect.Min.Y+4), false)
				}
			}
		}
	}

	poses := sc.poses(p)
	for i := range poses {
		sc.drawPerson(i, &poses[i], p)
	}
	sc.drawPhones(poses, p)

	if sc.canvas != nil {
		// A house shrunk to fit was drawn at art size; scale it down,
		// smoothly. Its pixels are new every frame.
		if r, ok := dst.(interface{ Redrawn(*ebiten.Image) }); ok {
			r.Redrawn(sc.canvas)
		}
		ox, oy := sc.origin()
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Scale(sc.k, sc.k)
		op.GeoM.Translate(ox, oy)
		op.Filter = ebiten.FilterLinear
		dst.DrawImage(sc.canvas, op)
	}
	sc.drawLabels(dst, p, poses)
	sc.hits = sc.hits[:0]
	ox, oy := sc.origin()
	for i, pose := range poses {
		x, y := ox+(pose.x-art.FrameW/2)*sc.k, oy+(pose.y-art.FrameH)*sc.k
		sc.hits = append(sc.hits, personHit{image.Rect(int(x), int(y), int(x+art.FrameW*sc.k), int(y+art.FrameH*sc.k)), i})
	}
	sc.drawSelection(dst, p, poses)
}

// drawSelection points at the selected person with an arrow and their name.
func (sc *scene) drawSelection(dst ui.Surface, p *play.Player, poses []personPose) {
	i := p.Selected
	if i < 0 || i >= len(poses) || len(poses[i].anim) == 0 {
		return
	}
	ox, oy := sc.origin()
	k := max(sc.k, 1)
	face := sc.faces.Get(math.Round(13*max(sc.u, 1)), true)
	name := "↓ " + p.Story().Scenario.People[i].Name
	x := ox + poses[i].x*sc.k - face.Advance(name)/2
	y := oy + (poses[i].y-art.FrameH)*sc.k - float64(face.Height()) - 2*k
	r := image.Rect(int(x-4*sc.u), int(y-2*sc.u), int(x+face.Advance(name)+4*sc.u), int(y+float64(face.Height())+sc.u))
	ui.FillRound(dst, r, float32(3*sc.u), ui.ColAccent)
	ui.DrawText(dst, name, face, x, y, ui.ColBackground)
}

func (sc *scene) blit(img *ebiten.Image, x, y float64, flip bool) {
	op := &ebiten.DrawImageOptions{}
	if flip {
		op.GeoM.Scale(-1, 1)
		op.GeoM.Translate(float64(img.Bounds().Dx()), 0)
	}
	op.GeoM.Translate(math.Round(x), math.Round(y))
	op.GeoM.Concat(sc.place)
	sc.target.DrawImage(img, op)
}

// poses works out every person's place, animation and props at the minute.
func (sc *scene) poses(p *play.Player) []personPose {
	h := sc.house
	st := p.Story()
	state := &p.State
	t := p.Minute
	poses := make([]personPose, len(state.People))
	// People in the lounge get spots in people order: seats first, then
	// standing room beside the sofa.
	spot := 0
	for i, ps := range state.People {
		sheet := sc.sprites.people[i%len(sc.sprites.people)]
		pose := &poses[i]
		cur, prev, hasPrev := stayAt(h.stays[i], t)
		cl := h.cells[h.cellOf(cur.place)]
		anim := p.Ticks / animTicks
		switch {
		case ps.Room >= 0:
			// Sweeping across the floor, left to right as the room gets
			// done, with a little back and forth.
			fl := cl.layout.Floor
			span := float64(fl.Dx() - art.FrameW)
			wiggle := 3 * math.Sin(float64(p.Ticks)/7+float64(i))
			pose.x = float64(cl.rect.Min.X+fl.Min.X+art.FrameW/2) + span*ps.Progress + wiggle
			pose.y = float64(cl.rect.Min.Y + cl.layout.FloorY)
			pose.anim, pose.frame = sheet.Sweep, anim
			pose.flip = math.Cos(float64(p.Ticks)/7+float64(i)) < 0
		default:
			seats := cl.layout.Seats
			pose.y = float64(cl.rect.Min.Y + cl.layout.FloorY)
			if spot < len(seats) && ps.WaitingFor < 0 {
				pose.x = float64(cl.rect.Min.X + seats[spot].X)
				pose.y = float64(cl.rect.Min.Y + seats[spot].Y)
				pose.anim, pose.frame = sheet.Sit, anim/4
			} else {
				// Standing room, leftwards from the sofa.
				base := cl.rect.Min.X + art.FrameW
				if len(seats) > 0 {
					base = cl.rect.Min.X + seats[0].X - art.FrameW
				}
				pose.x = float64(base - (spot-len(seats))*(art.FrameW-2))
				if spot < len(seats) {
					pose.x = float64(cl.rect.Min.X + seats[spot].X)
				}
				pose.x = max(pose.x, float64(cl.rect.Min.X+art.FrameW/2))
				pose.anim, pose.frame = sheet.Idle, anim/3
				if ps.WaitingFor >= 0 {
					pose.anim, pose.frame = sheet.Tap, anim
					pose.bubble = true
				}
			}
			spot++
		}
		// Arriving: walk in from the previous place on the same floor.
		if hasPrev && t.Sub(cur.from).Min() < walkMinutes {
			pc := h.cells[h.cellOf(prev.place)]
			if pc.floor == cl.floor && pc.rect != cl.rect {
				var fromX float64
				if prev.place == lounge {
					fromX = float64(pc.rect.Min.X + pc.rect.Dx()/2)
				} else {
					fromX = float64(pc.rect.Max.X - art.FrameW)
				}
				share := t.Sub(cur.from).Min() / walkMinutes
				toX := pose.x
				pose.x = lerp(fromX, toX, share)
				pose.y = float64(cl.rect.Min.Y + cl.layout.FloorY)
				pose.anim, pose.frame = sheet.Walk, anim
				pose.flip = toX < fromX
			}
		}
		if ps.Device >= 0 {
			pose.notes = true
			hear, _ := st.Result.HearingOf(i)
			pose.airpods = hear.How == sim.HearAirpods
		}
	}
	return poses
}

func (sc *scene) drawPerson(i int, pose *personPose, p *play.Player) {
	if len(pose.anim) == 0 {
		return
	}
	f := pose.anim[pose.frame%len(pose.anim)]
	img := f.Image
	if pose.airpods && f.Airpods != nil {
		img = f.Airpods
	}
	x := pose.x - art.FrameW/2
	y := pose.y - art.FrameH
	sc.blit(sc.sprites.image(img), x, y, pose.flip)
	hx := float64(f.HeadX)
	if pose.flip {
		hx = art.FrameW - hx
	}
	if pose.notes {
		// Two notes drift up and sway above the head.
		for n := range 2 {
			phase := float64((p.Ticks+n*30+i*17)%60) / 60
			note := sc.sprites.notes[(n+i)%len(sc.sprites.notes)]
			nx := x + hx + 4 + float64(n*5) + 2*math.Sin(phase*2*math.Pi)
			ny := y + float64(f.HeadY) - 6 - phase*10
			sc.blit(note, nx, ny, false)
		}
	}
	if pose.bubble {
		sc.blit(sc.sprites.bubble, x+hx-3, y+float64(f.HeadY)-14, false)
	}
}

// drawPhones puts each phone in the hand of whoever it plays for, between
// two listeners who share it, or in flight between them during a handoff.
func (sc *scene) drawPhones(poses []personPose, p *play.Player) {
	st := p.Story()
	for d, dev := range st.Result.Devices {
		if dev.Owner == "" {
			continue
		}
		ds := p.State.Devices[d]
		var xs, ys []float64
		for i := range poses {
			if ds.Listeners&(1<<i) != 0 {
				x, y := sc.handOf(&poses[i])
				xs, ys = append(xs, x), append(ys, y)
			}
		}
		if ds.HandingOver {
			fx, fy := sc.handOf(&poses[ds.From])
			tx, ty := sc.handOf(&poses[ds.To])
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
		if p.State.People[personIndex(st, dev.Owner)].Device == d && len(xs) == 1 && poses[personIndex(st, dev.Owner)].airpods {
			continue // in a pocket: heard through airpods
		}
		sc.blit(sc.sprites.phone, x-art.PhoneGripX, y-art.PhoneGripY, false)
	}
}

func (sc *scene) handOf(pose *personPose) (float64, float64) {
	if len(pose.anim) == 0 {
		return pose.x, pose.y
	}
	f := pose.anim[pose.frame%len(pose.anim)]
	hx := float64(f.HandX)
	if pose.flip {
		hx = art.FrameW - hx
	}
	return pose.x - art.FrameW/2 + hx, pose.y - art.FrameH + float64(f.HandY)
}

func personIndex(st *play.Story, name string) int {
	for i, p := range st.Scenario.People {
		if p.Name == name {
			return i
		}
	}
	return 0
}

// drawLabels writes room names and people's names at screen resolution, when
// there is room for them.
func (sc *scene) drawLabels(dst ui.Surface, p *play.Player, poses []personPose) {
	if sc.k < 2 || sc.u <= 0 {
		return
	}
	ox, oy := sc.origin()
	face := sc.faces.Get(math.Round(11*sc.u), true)
	for _, cl := range sc.house.cells {
		name := "Lounge"
		if cl.room >= 0 {
			name = p.Story().Scenario.Rooms[cl.room].Name
		}
		at := image.Pt(int(ox+float64(cl.rect.Min.X)*sc.k)+int(4*sc.u), int(oy+float64(cl.rect.Min.Y)*sc.k)+int(3*sc.u))
		r := image.Rectangle{Min: at, Max: at.Add(image.Pt(int(face.Advance(name))+int(8*sc.u), int(16*sc.u)))}
		ui.FillRound(dst, r, float32(3*sc.u), color.RGBA{0x1d, 0x1f, 0x33, 0xb0})
		label := ui.ColText
		if cl.room >= 0 && p.State.Rooms[cl.room].Left == 0 {
			label = ui.ColAccent // clean
		}
		ui.DrawTextAligned(dst, name, face, r, ui.AlignCenter, label)
	}
	if len(poses) > 3 {
		return
	}
	small := sc.faces.Get(math.Round(10*sc.u), false)
	for i, pose := range poses {
		x := ox + pose.x*sc.k
		y := oy + pose.y*sc.k + 2*sc.u
		name := p.Story().Scenario.People[i].Name
		w := small.Advance(name)
		r := image.Rect(int(x-w/2-3*sc.u), int(y), int(x+w/2+3*sc.u), int(y+13*sc.u))
		ui.FillRound(dst, r, float32(3*sc.u), art.PersonColor(i))
		ui.DrawTextAligned(dst, name, small, r, ui.AlignCenter, ui.ColBackground)
	}
}

func lerp(a, b, t float64) float64 { return a + (b-a)*t }
