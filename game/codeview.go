package game

import (
	"image"
	"image/color"
	"strings"

	"chores/sim"
)

// The code view shows the model's own Go (sim/household.go, embedded) with a
// marker on the line where each person's goroutines are at the playhead's
// minute: the cleaning goroutine inside p.Wait while a room is cleaned, the
// listening goroutine parked on a signal, a device, or the episode.

// codeMarks are the statements the view points at, as they appear in the
// source. TestCodeMarksExist keeps them in step with household.go.
var codeMarks = struct {
	cleaning, notReady, waiting, listening string
}{
	cleaning:  "p.Wait(Minutes(h.s.Rooms[room].Work / speed))",
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

// marks says who is on which line at the player's minute.
func (cv *codeView) marks(p *Player) map[int][]string {
	st := p.Story()
	out := map[int][]string{}
	add := func(mark, who string) {
		if i, ok := cv.at[mark]; ok {
			out[i] = append(out[i], who)
		}
	}
	for i, ps := range p.State.People {
		person := st.scenario.People[i]
		if ps.Room >= 0 {
			add(codeMarks.cleaning, person.Name)
		}
		switch {
		case ps.Device >= 0:
			add(codeMarks.listening, person.Name)
		case ps.WaitingFor >= 0:
			add(codeMarks.waiting, person.Name)
		case st.Result.Devices != nil && isListener(st, person.Name) && !ps.Heard &&
			st.scenario.Listen == sim.ListenAfter && ps.Cleaning:
			add(codeMarks.notReady, person.Name)
		}
	}
	return out
}

func isListener(st *story, name string) bool {
	for _, l := range st.scenario.Podcast.Listeners {
		if l == name {
			return true
		}
	}
	return false
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
		if who, ok := marks[i]; ok {
			fillRect(dst, image.Rect(r.Min.X+pad/2, y-int(u), r.Max.X-pad/2, y+lineH-int(u)), color.RGBA{0x4a, 0x3a, 0x20, 0xff})
			note := "← " + strings.Join(who, ", ")
			drawText(dst, note, f, float64(r.Max.X-pad)-f.advance(note), float64(y), colAccent)
		}
		drawText(dst, line, f, float64(r.Min.X+pad), float64(y), clr)
		y += lineH
	}
}
