package scene

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/art"
	"chores/game/house"
	"chores/game/play"
	"chores/game/ui"
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

// Scene draws the house for a player's state.
type Scene struct {
	sprites *sprites
	house   *house.Plan
	static  *ebiten.Image // the house's picture (house.picture)
	k       float64       // scale from art pixels to screen pixels
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

// PersonAt is who was drawn at pt in the last frame (the one in front when
// two overlap).
func (sc *Scene) PersonAt(pt image.Point) (int, bool) {
	for i := len(sc.hits) - 1; i >= 0; i-- {
		if pt.In(sc.hits[i].r) {
			return sc.hits[i].person, true
		}
	}
	return 0, false
}

// Scale is how many screen pixels an art pixel covers.
func (sc *Scene) Scale() float64 { return sc.k }

// PersonRects are where each person was drawn in the last frame, in person
// order.
func (sc *Scene) PersonRects() []image.Rectangle {
	out := make([]image.Rectangle, len(sc.hits))
	for i, h := range sc.hits {
		out[i] = h.r
	}
	return out
}

func (sc *Scene) Prepare(st *play.Story, rect image.Rectangle, u float64, f *ui.Faces) {
	if sc.house != nil && sc.house.Story == st && sc.rect == rect && sc.u == u {
		return
	}
	if sc.sprites == nil {
		sc.sprites = newSprites()
	}
	sc.rect, sc.u, sc.faces = rect, u, f
	h, k := house.New(st, rect.Dx(), rect.Dy())
	sc.house = h
	sc.static = ebiten.NewImageFromImage(h.Picture())
	sc.k = float64(k)
	// A house too big for the scene even at 1x (tiny embeds with many rooms)
	// is scaled down; that is the one case that loses crispness.
	if fit := min(float64(rect.Dx())/float64(h.W), float64(rect.Dy())/float64(h.H)); fit < sc.k {
		sc.k = fit
	}
	if sc.canvas != nil {
		sc.canvas.Deallocate()
		sc.canvas = nil
	}
	if sc.k < 1 {
		sc.canvas = ebiten.NewImage(h.W, h.H)
	}
}

// origin is where the house's top-left lands on screen: on a whole pixel,
// so every art pixel covers whole screen pixels.
// Ceiling is the screen y of the top of the house's highest room: above it
// is roof and sky, where words can go without hiding anyone.
func (sc *Scene) Ceiling() int {
	if sc.house == nil || len(sc.house.Cells) == 0 {
		return sc.rect.Min.Y
	}
	_, oy := sc.origin()
	top := sc.house.Cells[0].Rect.Min.Y
	for _, cl := range sc.house.Cells {
		top = min(top, cl.Rect.Min.Y)
	}
	return int(oy + float64(top)*sc.k)
}

func (sc *Scene) origin() (float64, float64) {
	h := sc.house
	return math.Floor(float64(sc.rect.Min.X) + (float64(sc.rect.Dx())-float64(h.W)*sc.k)/2),
		math.Floor(float64(sc.rect.Min.Y) + (float64(sc.rect.Dy())-float64(h.H)*sc.k)/2)
}

func (sc *Scene) Draw(dst ui.Surface, p *play.Player) {
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
	sc.blit(sc.static, 0, 0, false)

	// Dust still on the floor: a mote goes when the sweep passes it.
	for ci, cl := range h.Cells {
		if cl.Room < 0 {
			continue
		}
		left := state.Rooms[cl.Room].Left
		done := 1 - left
		motes := sc.sprites.dust[cl.Room%len(sc.sprites.dust)]
		for _, m := range h.Dust[ci] {
			img := motes[m.N%len(motes)]
			if left == 0 || (left < 1 && m.At < done) {
				continue
			}
			sc.blit(img, float64(cl.Rect.Min.X+m.X), float64(cl.Rect.Min.Y+m.Y-img.Bounds().Dy()), false)
		}
	}

	lc := h.Cells[h.LoungeAt]
	theatre := -1
	for d, dev := range st.Result.Devices {
		if dev.Owner == "" {
			theatre = d
		}
	}
	if theatre >= 0 {
		tp := lc.Layout.Theatre.Add(lc.Rect.Min)
		sc.blit(sc.sprites.theatre, float64(tp.X), float64(tp.Y), false)
		if state.Devices[theatre].Playing {
			// Waves from the speakers, and into every room: it plays
			// through the whole house.
			w := sc.sprites.waves[0]
			if !p.Still {
				w = sc.sprites.waves[(p.Ticks/12)%len(sc.sprites.waves)]
			}
			sc.blit(w, float64(tp.X+24), float64(tp.Y), false)
			for _, cl := range h.Cells {
				if cl.Room >= 0 || cl.Rect != lc.Rect {
					sc.blit(w, float64(cl.Rect.Max.X-12), float64(cl.Rect.Min.Y+4), false)
				}
			}
		}
	}

	poses := h.Poses(p, sc.sprites.people)
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
		x, y := ox+(pose.X-art.FrameW/2)*sc.k, oy+(pose.Y-art.FrameH)*sc.k
		sc.hits = append(sc.hits, personHit{image.Rect(int(x), int(y), int(x+art.FrameW*sc.k), int(y+art.FrameH*sc.k)), i})
	}
	sc.drawSelection(dst, p, poses)
}

// drawSelection points at the selected person with an arrow and their name.
func (sc *Scene) drawSelection(dst ui.Surface, p *play.Player, poses []house.Pose) {
	i := p.Selected
	if i < 0 || i >= len(poses) || len(poses[i].Anim) == 0 {
		return
	}
	ox, oy := sc.origin()
	k := max(sc.k, 1)
	face := sc.faces.Get(math.Round(13*max(sc.u, 1)), true)
	name := "↓ " + p.Story().Scenario.People[i].Name
	x := ox + poses[i].X*sc.k - face.Advance(name)/2
	y := oy + (poses[i].Y-art.FrameH)*sc.k - float64(face.Height()) - 2*k
	r := image.Rect(int(x-4*sc.u), int(y-2*sc.u), int(x+face.Advance(name)+4*sc.u), int(y+float64(face.Height())+sc.u))
	ui.FillRound(dst, r, float32(3*sc.u), ui.ColAccent)
	ui.DrawText(dst, name, face, x, y, ui.ColBackground)
}

func (sc *Scene) blit(img *ebiten.Image, x, y float64, flip bool) {
	op := &ebiten.DrawImageOptions{}
	if flip {
		op.GeoM.Scale(-1, 1)
		op.GeoM.Translate(float64(img.Bounds().Dx()), 0)
	}
	op.GeoM.Translate(math.Round(x), math.Round(y))
	op.GeoM.Concat(sc.place)
	sc.target.DrawImage(img, op)
}

func (sc *Scene) drawPerson(i int, pose *house.Pose, p *play.Player) {
	if len(pose.Anim) == 0 {
		return
	}
	f := pose.Anim[pose.Frame%len(pose.Anim)]
	img := f.Image
	if pose.Airpods && f.Airpods != nil {
		img = f.Airpods
	}
	x := pose.X - art.FrameW/2
	y := pose.Y - art.FrameH
	sc.blit(sc.sprites.image(img), x, y, pose.Flip)
	hx := float64(f.HeadX)
	if pose.Flip {
		hx = art.FrameW - hx
	}
	if pose.Notes {
		// Two notes drift up and sway above the head.
		for n := range 2 {
			phase := float64((p.Ticks+n*30+i*17)%60) / 60
			if p.Still {
				phase = 0.3 + 0.4*float64(n) // reduced motion: notes stand still
			}
			note := sc.sprites.notes[(n+i)%len(sc.sprites.notes)]
			nx := x + hx + 4 + float64(n*5) + 2*math.Sin(phase*2*math.Pi)
			ny := y + float64(f.HeadY) - 6 - phase*10
			sc.blit(note, nx, ny, false)
		}
	}
	if pose.Bubble {
		sc.blit(sc.sprites.bubble, x+hx-3, y+float64(f.HeadY)-14, false)
	}
}

// drawPhones puts each phone where the house says it is (phones).
func (sc *Scene) drawPhones(poses []house.Pose, p *play.Player) {
	for _, at := range house.Phones(poses, p) {
		sc.blit(sc.sprites.phone, at[0]-art.PhoneGripX, at[1]-art.PhoneGripY, false)
	}
}

// drawLabels writes room names and people's names at screen resolution, when
// there is room for them.
func (sc *Scene) drawLabels(dst ui.Surface, p *play.Player, poses []house.Pose) {
	if sc.k < 2 || sc.u <= 0 {
		return
	}
	ox, oy := sc.origin()
	face := sc.faces.Get(math.Round(11*sc.u), true)
	var placed []image.Rectangle // labels drawn so far: name tags keep off them
	for _, cl := range sc.house.Cells {
		name := "Lounge"
		if cl.Room >= 0 {
			name = p.Story().Scenario.Rooms[cl.Room].Name
		}
		at := image.Pt(int(ox+float64(cl.Rect.Min.X)*sc.k)+int(4*sc.u), int(oy+float64(cl.Rect.Min.Y)*sc.k)+int(3*sc.u))
		// A name longer than its room is cut to fit inside it.
		room := float64(cl.Rect.Dx())*sc.k - 16*sc.u - 12*sc.u
		for r := []rune(name); face.Advance(name) > room && len(r) > 1; {
			r = r[:len(r)-1]
			name = string(r) + "…"
		}
		// A room's label carries its colour on the timeline: the legend.
		sw := 0
		if cl.Room >= 0 {
			sw = int(12 * sc.u)
		}
		r := image.Rectangle{Min: at, Max: at.Add(image.Pt(int(face.Advance(name))+int(8*sc.u)+sw, int(16*sc.u)))}
		placed = append(placed, r)
		ui.FillRound(dst, r, float32(3*sc.u), color.RGBA{0x1d, 0x1f, 0x33, 0xb0})
		label := ui.ColOnDark
		if cl.Room >= 0 {
			ui.FillRect(dst, image.Rect(r.Min.X+int(4*sc.u), r.Min.Y+int(4*sc.u), r.Min.X+int(12*sc.u), r.Max.Y-int(4*sc.u)), ui.RoomColor(cl.Room))
			if p.State.Rooms[cl.Room].Left == 0 {
				label = color.RGBA{0xff, 0xc8, 0x6a, 0xff} // clean
			}
		}
		ui.DrawTextAligned(dst, name, face, image.Rect(r.Min.X+sw, r.Min.Y, r.Max.X, r.Max.Y), ui.AlignCenter, label)
	}
	if len(poses) > 3 {
		return
	}
	small := sc.faces.Get(math.Round(10*sc.u), false)
	// Name tags under the feet; two people side by side would print over
	// each other (or over a room's label), so a tag that would meet one
	// already placed moves down a row.
	for i, pose := range poses {
		x := ox + pose.X*sc.k
		y := oy + pose.Y*sc.k + 2*sc.u
		name := p.Story().Scenario.People[i].Name
		w := small.Advance(name)
		r := image.Rect(int(x-w/2-3*sc.u), int(y), int(x+w/2+3*sc.u), int(y+float64(small.Height())+2*sc.u))
		for moved := true; moved; {
			moved = false
			for _, o := range placed {
				if r.Overlaps(o.Inset(-int(sc.u))) {
					r = r.Add(image.Pt(0, o.Max.Y-r.Min.Y+int(2*sc.u)))
					moved = true
				}
			}
		}
		placed = append(placed, r)
		ui.FillRound(dst, r, float32(3*sc.u), art.PersonColor(i))
		ui.DrawTextAligned(dst, name, small, r, ui.AlignCenter, color.RGBA{0x1d, 0x1f, 0x33, 0xff})
	}
}
