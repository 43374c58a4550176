package sim

// State is the household at one moment of a finished run: what the game
// draws for a frame. It is computed from the result's timeline, so any minute
// can be looked up directly, forward or backward, in one pass over the spans
// (a few hundred at most) without allocating.
type State struct {
	Minute  Time
	Done    bool // the minute is at or past the makespan
	People  []PersonState
	Rooms   []RoomState
	Devices []DeviceState
}

// PersonState is what one person's hands and ears are doing.
type PersonState struct {
	Room       int     // the room being cleaned, or -1
	Progress   float64 // how much of that room is done, 0..1
	Device     int     // the device being listened to, or -1
	Episode    Time    // how far into the episode they are (while listening)
	WaitingFor int     // the device they wait for, or -1
	RoomsDone  int     // rooms this person has finished
	Cleaning   bool    // still has cleaning ahead or in hand
	Heard      bool    // has heard the whole episode
}

// RoomState is how much of a room is left.
type RoomState struct {
	Left float64 // fraction of the work left, 1 (untouched) to 0 (clean)
	By   int     // who cleans or cleaned it, or -1 if nobody has started
}

// DeviceState is what a device is doing.
type DeviceState struct {
	Playing   bool
	Episode   Time   // position in the episode while playing
	Listeners uint16 // bit i set: person i hears it now
	// HandingOver is true between two turns, while the phone passes from
	// From to To.
	HandingOver bool
	From, To    int
	Handed      float64 // how far the handoff has got, 0..1 (for drawing)
}

// At fills st with the state at minute t. It reuses st's slices, so a game
// can call it every frame without allocating.
func (r *Result) At(t Time, st *State) {
	st.Minute = t
	st.Done = !t.Less(r.Makespan)
	st.People = resize(st.People, len(r.byPerson))
	st.Rooms = resize(st.Rooms, len(r.roomWork))
	st.Devices = resize(st.Devices, len(r.turns))
	for i := range st.Rooms {
		st.Rooms[i] = RoomState{Left: 1, By: -1}
	}
	for i, spans := range r.byPerson {
		ps := PersonState{Room: -1, Device: -1, WaitingFor: -1}
		for _, idx := range spans {
			sp := &r.Spans[idx]
			if sp.Lane == LaneHands {
				ps.Cleaning = true // until proven done below
			}
			if t.Less(sp.Start) {
				continue
			}
			active := t.Less(sp.End)
			switch sp.Lane {
			case LaneHands:
				room := &st.Rooms[sp.Room]
				room.By = i
				if active {
					ps.Room = sp.Room
					ps.Progress = t.Sub(sp.Start).Min() / sp.End.Sub(sp.Start).Min() // for drawing: need not be exact
					room.Left = 1 - ps.Progress
				} else {
					room.Left = 0
					ps.RoomsDone++
				}
			case LaneEars:
				if active {
					ps.Device = sp.Dev
					ps.Episode = t.Sub(sp.Start)
				} else {
					ps.Heard = true
				}
			}
		}
		if last := lastHands(r, spans); last >= 0 && !t.Less(r.Spans[last].End) {
			ps.Cleaning = false
		}
		if w := r.waitOf[i]; w >= 0 && !t.Less(r.Waits[w].Start) && t.Less(r.Waits[w].End) {
			ps.WaitingFor = r.Waits[w].Dev
		}
		st.People[i] = ps
	}
	for d, turns := range r.turns {
		ds := DeviceState{From: -1, To: -1}
		for _, idx := range turns {
			sp := &r.Spans[idx]
			if !t.Less(sp.Start) && t.Less(sp.End) {
				ds.Playing = true
				ds.Episode = t.Sub(sp.Start)
				ds.Listeners |= 1 << sp.Person
			}
		}
		st.Devices[d] = ds
	}
	for _, h := range r.Handoffs {
		if !t.Less(h.Start) && t.Less(h.End) {
			ds := &st.Devices[h.Dev]
			ds.HandingOver, ds.From, ds.To = true, h.FromP, h.ToP
			ds.Handed = t.Sub(h.Start).Min() / h.End.Sub(h.Start).Min()
		}
	}
}

func lastHands(r *Result, spans []int) int {
	for k := len(spans) - 1; k >= 0; k-- {
		if r.Spans[spans[k]].Lane == LaneHands {
			return spans[k]
		}
	}
	return -1
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
