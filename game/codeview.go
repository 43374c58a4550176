package game

import (
	"image"
	"image/color"
	"strings"

	"chores/sim"
)

// The code view shows the model's own Go (sim/household.go, embedded) with a
// marker on the line where each person's goroutines are parked at the
// playhead's minute, as the engine recorded it during the run: running
// through a room or the episode, or blocked on a signal or a device.

// codeMarks are the statements the view points at, as they appear in the
// source. TestCodeMarksExist keeps them in step with household.go.
var codeMarks = struct {
	cleaning, notReady, waiting, listening string
}{
	cleaning:  "p.Wait(cleaningTime(h.s.Rooms[room].Work, speed))",
	notReady:  "h.finished[who].wait(p)",
	waiting:   "d.acquire(p)",
	listening: "p.Wait(h.episode)",
}

type codeView struct {
	lines []string
	first int // first line shown: the clean function
	last  int // last line shown: the end of listen
	at    map[string]int
}

func newCodeView() *codeView {
	cv := &codeView{lines: strings.Split(strings.ReplaceAll(sim.HouseholdSource, "\t", "    "), "\n"), at: map[string]int{}}
	for i, line := range cv.lines {
		for _, m := range []string{codeMarks.cleaning, codeMarks.notReady, codeMarks.waiting, codeMarks.listening} {
			if strings.Contains(line, m) {
				cv.at[m] = i
			}
		}
		if strings.HasPrefix(line, "// clean is rule 1") {
			cv.first = i
		}
		if strings.HasPrefix(line, "func (h *household) listen(") {
			cv.last = i
		}
	}
	for cv.last < len(cv.lines)-1 && cv.lines[cv.last] != "}" {
		cv.last++
	}
	return cv
}

// codeMark is one goroutine parked on a line at the playhead: whose it is
// and whether it is blocked (waiting for a room, a phone, the others) or
// running through its work (sleeping for a room or the episode).
type codeMark struct {
	who     string
	blocked bool
}

// marks says who is on which line (0-based, into cv.lines) at the player's
// minute: the engine's own record of where each goroutine was parked.
func (cv *codeView) marks(p *Player) map[int][]codeMark {
	st := p.Story()
	out := map[int][]codeMark{}
	t := p.Minute
	for _, g := range st.Result.Goroutines {
		for _, park := range g.Parks {
			if !t.Less(park.From) && t.Less(park.To) && park.Site.Line > 0 {
				line := park.Site.Line - 1
				out[line] = append(out[line], codeMark{st.scenario.People[g.Person].Name, park.Blocked})
			}
		}
	}
	return out
}

func (cv *codeView) draw(dst surface, r image.Rectangle, p *Player, fs *faces, u float64) {
	fillRound(dst, r, float32(8*u), colPanel)
	f := fs.get(13*u, false)
	lineH := f.height() + int(2*u)
	pad := int(12 * u)
	title := fs.get(13*u, true)
	head := wrap("sim/household.go, the code that plays this story: every person runs as goroutines, and the marks show where each one is parked at this minute. Press C for the house.", title, float64(r.Dx()-2*pad))
	y := r.Min.Y + pad
	for _, h := range head {
		drawText(dst, h, title, float64(r.Min.X+pad), float64(y), colAccent)
		y += lineH
	}
	y += lineH / 2
	marks := cv.marks(p)
	for i := cv.first; i <= cv.last && y+lineH <= r.Max.Y-pad; i++ {
		line := cv.lines[i]
		clr := colText
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			clr = colTextDim
		}
		if ms, ok := marks[i]; ok {
			fillRect(dst, image.Rect(r.Min.X+pad/2, y-int(u), r.Max.X-pad/2, y+lineH-int(u)), color.RGBA{0x4a, 0x3a, 0x20, 0xff})
			var running, blocked []string
			for _, m := range ms {
				if m.blocked {
					blocked = append(blocked, m.who)
				} else {
					running = append(running, m.who)
				}
			}
			var parts []string
			clr := colAccent
			if len(running) > 0 {
				parts = append(parts, strings.Join(running, ", ")+" running")
			}
			if len(blocked) > 0 {
				parts = append(parts, strings.Join(blocked, ", ")+" blocked")
				if len(running) == 0 {
					clr = colTextDim
				}
			}
			note := "← " + strings.Join(parts, "; ")
			drawText(dst, note, f, float64(r.Max.X-pad)-f.advance(note), float64(y), clr)
		}
		drawText(dst, line, f, float64(r.Min.X+pad), float64(y), clr)
		y += lineH
	}
}
