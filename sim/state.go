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
}

// At fills st with the state at minute t. It reuses st's slices, so a game
// can call it every frame without allocating.
func (r *Result) At(t Time, st *State) {
	st.Minute = t
	st.Done = t >= r.Makespan
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
			if sp.Start > t {
				continue
			}
			active := t < sp.End
			switch sp.Lane {
			case LaneHands:
				room := &st.Rooms[sp.Room]
				room.By = i
				if active {
					ps.Room = sp.Room
					ps.Progress = float64(t-sp.Start) / float64(sp.End-sp.Start)
					room.Left = 1 - ps.Progress
				} else {
					room.Left = 0
					ps.RoomsDone++
				}
			case LaneEars:
				if active {
					ps.Device = sp.Dev
					ps.Episode = t - sp.Start
				} else {
					ps.Heard = true
				}
			}
		}
		if last := lastHands(r, spans); last >= 0 && t >= r.Spans[last].End {
			ps.Cleaning = false
		}
		if w := r.waitOf[i]; w >= 0 && r.Waits[w].Start <= t && t < r.Waits[w].End {
			ps.WaitingFor = r.Waits[w].Dev
		}
		st.People[i] = ps
	}
	for d, turns := range r.turns {
		ds := DeviceState{From: -1, To: -1}
		for k, idx := range turns {
			sp := &r.Spans[idx]
			if sp.Start <= t && t < sp.End {
				ds.Playing = true
				ds.Episode = t - sp.Start
				ds.Listeners |= 1 << sp.Person
			}
			// Between one turn's end and the next one's start, the phone
			// is being passed on (only while the handoff lasts).
			if k > 0 {
				prev := &r.Spans[turns[k-1]]
				if prev.End <= t && t < sp.Start && t < prev.End+r.Handoff && prev.End < sp.Start {
					ds.HandingOver, ds.From, ds.To = true, prev.Person, sp.Person
				}
			}
		}
		st.Devices[d] = ds
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
