package sim

import "chores/sim/vt"

// Runtime is Go as the story (story.go) uses it: goroutines, the clock, a
// channel of rooms, WaitGroups and Mutexes. Simulate runs the story on a
// virtual-time Runtime (package vt), exact and the same every time; the
// same story can run on real goroutines, channels and sync types.
type Runtime interface {
	// Go starts f as a goroutine of person who: the go statement.
	Go(who int, what string, f func())
	// Now is the time since the story started.
	Now() Time
	// Work keeps the goroutine computing for d: hands need a processor.
	Work(d Time)
	// Sleep blocks the goroutine for d, like time.Sleep: ears need none.
	Sleep(d Time)
	// MakeRooms is make(chan room, n).
	MakeRooms(n int) Rooms
	NewWaitGroup() WaitGroup
	NewMutex() Mutex
}

// Rooms is a channel of rooms.
type Rooms interface {
	Send(r room)                   // rooms <- r
	Close()                        // close(rooms)
	Receive(yield func(room) bool) // for r := range rooms
}

// WaitGroup is sync.WaitGroup.
type WaitGroup interface {
	Add(delta int)
	Done()
	Wait()
}

// Mutex is sync.Mutex, served first come, first served.
type Mutex interface {
	Lock()
	Unlock()
}

// virtual is the Runtime of Simulate: a vt.World.
type virtual struct {
	w *vt.World
	s *Scenario
}

func (v virtual) Go(who int, what string, f func()) {
	v.w.Go(v.s.People[who].Name+" "+what, who, f)
}
func (v virtual) Now() Time               { return v.w.Now() }
func (v virtual) Work(d Time)             { v.w.Sleep(d) } // in virtual time, work takes time and nothing else
func (v virtual) Sleep(d Time)            { v.w.Sleep(d) }
func (v virtual) MakeRooms(n int) Rooms   { return vt.MakeChan[room](v.w, n) }
func (v virtual) NewWaitGroup() WaitGroup { return v.w.NewWaitGroup() }
func (v virtual) NewMutex() Mutex         { return v.w.NewMutex() }
