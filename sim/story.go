package sim

// play is the household as Go: a goroutine per cleaner,
// taking rooms from a channel, and one per listener, which
// waits until it may listen, then hears the whole episode.
// rt is Go: rt.Go is the go statement, rt.Sleep is
// time.Sleep, and so on, in virtual time.
func (h *household) play(rt Runtime) {
	rooms := rt.MakeRooms(len(h.rooms)) // a chan room
	for _, r := range h.rooms {
		rooms.Send(r) // rooms <- r
	}
	rooms.Close()

	for _, p := range h.cleaners {
		p.cleaning.Add(1)
		rt.Go(p.index, "cleans", func() {
			defer p.cleaning.Done()
			for r := range rooms.Receive {
				start := rt.Now()
				rt.Work(p.timeFor(r)) // hands busy
				h.cleaned(p, r, start)
			}
		})
	}

	for _, p := range h.listeners {
		rt.Go(p.index, "listens", func() {
			if h.listenAfter {
				p.cleaning.Wait() // my rooms are done
			}
			ready, d := rt.Now(), p.device
			if d.inTurns {
				d.phone.Lock() // one at a time
			} else {
				d.everyone.Done() // I am ready...
				d.everyone.Wait() // ...and so are all
			}
			h.waited(p, ready)
			start := rt.Now()
			rt.Sleep(h.episode) // ears busy, hands free
			h.listened(p, start)
			if d.inTurns {
				rt.Sleep(h.handoff) // pass the phone on
				d.phone.Unlock()
			}
		})
	}
}
