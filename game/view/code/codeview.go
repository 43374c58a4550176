package code

import (
	"image"
	"image/color"
	"strings"

	"chores/game/play"
	"chores/game/ui"
	"chores/sim"
)

// The code view shows the story's own Go (sim/story.go, embedded) whole,
// with a marker on the line where each person's goroutines are parked at the
// playhead's minute, as the engine recorded it during the run: running
// through a room or the episode, or blocked on a WaitGroup or the phone.

// codeFile is the file the view shows, as state().code names it.
const codeFile = "sim/story.go"

// codeLegend says what each primitive of the story stands for in Go.
const codeLegend = "rt.Go = go · rt.Sleep = time.Sleep · rt.Work = computing (needs a processor) · WaitGroup = sync.WaitGroup · Mutex = sync.Mutex · rooms = chan room"

// codeMarks are statements the tests look for, as they appear in the source.
// TestCodeMarksExist keeps them in step with story.go.
var codeMarks = struct {
	cleaning, notReady, waiting, listening string
}{
	cleaning:  "rt.Work(p.timeFor(r))",
	notReady:  "p.cleaning.Wait()",
	waiting:   "d.phone.Lock()",
	listening: "rt.Sleep(h.episode)",
}

type View struct {
	lines []string
	at    map[string]int // 0-based line of each of codeMarks
	hits  []lineHit      // the marked lines drawn in the last frame, for picking
}

// lineHit is a marked line on screen and whose goroutines are on it.
type lineHit struct {
	r     image.Rectangle
	line  int // 0-based, into lines
	marks []codeMark
}

// LineRect is where line n (1-based, as in state) was drawn in the last
// frame, when it was drawn marked.
func (cv *View) LineRect(n int) (image.Rectangle, bool) {
	for _, h := range cv.hits {
		if h.line == n-1 {
			return h.r, true
		}
	}
	return image.Rectangle{}, false
}

// PersonAt is whose goroutine is marked on the line at pt; with several on
// one line, the one after the person selected now, so clicks cycle.
func (cv *View) PersonAt(pt image.Point, p *play.Player) (int, bool) {
	for _, h := range cv.hits {
		if !pt.In(h.r) {
			continue
		}
		next := 0
		for k, m := range h.marks {
			if m.person == p.Selected {
				next = (k + 1) % len(h.marks)
			}
		}
		return h.marks[next].person, true
	}
	return 0, false
}

func New() *View {
	src := strings.TrimRight(strings.ReplaceAll(sim.StorySource, "\t", "    "), "\n")
	cv := &View{lines: strings.Split(src, "\n"), at: map[string]int{}}
	for i, line := range cv.lines {
		for _, m := range []string{codeMarks.cleaning, codeMarks.notReady, codeMarks.waiting, codeMarks.listening} {
			if strings.Contains(line, m) {
				cv.at[m] = i
			}
		}
	}
	return cv
}

// codeMark is one goroutine parked on a line at the playhead: whose it is
// and whether it is blocked (waiting for a room, a phone, the others) or
// running through its work (sleeping for a room or the episode).
type codeMark struct {
	who     string
	person  int
	blocked bool
}

// marks says who is on which line (0-based, into cv.lines) at the player's
// minute: the engine's own record of where each goroutine was parked.
func (cv *View) marks(p *play.Player) map[int][]codeMark {
	st := p.Story()
	out := map[int][]codeMark{}
	t := p.Minute
	for _, g := range st.Result.Goroutines {
		for _, park := range g.Parks {
			if !t.Less(park.From) && t.Less(park.To) && park.Site.Line > 0 {
				line := park.Site.Line - 1
				out[line] = append(out[line], codeMark{st.Scenario.People[g.Person].Name, g.Person, park.Blocked})
			}
		}
	}
	return out
}

func (cv *View) Draw(dst ui.Surface, r image.Rectangle, p *play.Player, fs *ui.Faces, u float64) {
	ui.FillRound(dst, r, float32(8*u), ui.ColPanel)
	f := fs.Get(13*u, false)
	lineH := f.Height() + int(2*u)
	pad := int(12 * u)
	title := fs.Get(13*u, true)
	head := ui.Wrap(codeFile+": the Go that plays this story. Each goroutine is marked where it is parked at this minute: running through its work, or blocked. Press C for the house.", title, float64(r.Dx()-2*pad))
	head = append(head, ui.Wrap(codeLegend, f, float64(r.Dx()-2*pad))...)
	y := r.Min.Y + pad
	for i, h := range head {
		clr := ui.ColAccent
		if i >= len(head)-1 || !strings.Contains(h, codeFile) && i > 0 {
			clr = ui.ColTextDim
		}
		ui.DrawText(dst, h, title, float64(r.Min.X+pad), float64(y), clr)
		y += lineH
	}
	y += lineH / 2
	// The whole file, in one column when it fits, else in two: the
	// cleaners beside the listeners.
	cols := [][2]int{{0, len(cv.lines)}}
	if y+len(cv.lines)*lineH > r.Max.Y-pad {
		split := cv.split()
		cols = [][2]int{{0, split}, {split, len(cv.lines)}}
	}
	colW := (r.Dx() - 2*pad) / len(cols)
	marks := cv.marks(p)
	cv.hits = cv.hits[:0]
	for c, span := range cols {
		x := r.Min.X + pad + c*colW
		cy := y
		for i := span[0]; i < span[1] && cy+lineH <= r.Max.Y-pad; i++ {
			cv.drawLine(dst, i, marks[i], p.Selected, x, cy, colW, lineH, f, u)
			if len(marks[i]) > 0 {
				cv.hits = append(cv.hits, lineHit{image.Rect(x, cy, x+colW, cy+lineH), i, marks[i]})
			}
			cy += lineH
		}
	}
}

// split is where a second column starts: the listeners' loop.
func (cv *View) split() int {
	for i, line := range cv.lines {
		if strings.Contains(line, "range h.listeners") {
			return i
		}
	}
	return len(cv.lines) / 2
}

// drawLine draws line i of the source at (x, y) in a column w wide, with the
// goroutines parked on it.
func (cv *View) drawLine(dst ui.Surface, i int, ms []codeMark, selected, x, y, w, lineH int, f *ui.Face, u float64) {
	line := cv.lines[i]
	clr := ui.ColText
	if strings.HasPrefix(strings.TrimSpace(line), "//") {
		clr = ui.ColTextDim
	}
	if len(ms) > 0 {
		bg := color.RGBA{0x4a, 0x3a, 0x20, 0xff}
		for _, m := range ms {
			if m.person == selected {
				bg = color.RGBA{0x7a, 0x55, 0x18, 0xff} // the selected person's line stands out
			}
		}
		ui.FillRect(dst, image.Rect(x-int(4*u), y-int(u), x+w-int(4*u), y+lineH-int(u)), bg)
		var running, blocked []string
		for _, m := range ms {
			if m.blocked {
				blocked = append(blocked, m.who)
			} else {
				running = append(running, m.who)
			}
		}
		var parts []string
		noteClr := ui.ColAccent
		if len(running) > 0 {
			parts = append(parts, strings.Join(running, ", ")+" running")
		}
		if len(blocked) > 0 {
			parts = append(parts, strings.Join(blocked, ", ")+" blocked")
			if len(running) == 0 {
				noteClr = ui.ColBlocked
			}
		}
		// The note goes at the end of the column; a line's trailing comment
		// gives way to it when both do not fit.
		note := "← " + strings.Join(parts, "; ")
		nx := float64(x+w) - f.Advance(note) - 8*u
		if code, _, ok := strings.Cut(line, " // "); ok && float64(x)+f.Advance(line)+8*u > nx {
			line = code
		}
		ui.DrawText(dst, line, f, float64(x), float64(y), clr)
		ui.DrawText(dst, note, f, nx, float64(y), noteClr)
		return
	}
	ui.DrawText(dst, line, f, float64(x), float64(y), clr)
}

// CodeState is the code view as state() reports it: the file, its lines as
// shown, and where each goroutine is marked (1-based lines).
type State struct {
	File  string   `json:"file"`
	Lines []string `json:"lines"`
	Marks []Mark   `json:"marks"`
}

// CodeMark is one goroutine's mark.
type Mark struct {
	Person  string `json:"person"`
	Line    int    `json:"line"`
	Blocked bool   `json:"blocked"`
}

// State reads the code view's marks at the playhead, in line order.
func (cv *View) State(p *play.Player) *State {
	cs := &State{File: codeFile, Lines: cv.lines, Marks: []Mark{}}
	marks := cv.marks(p)
	for i := range cv.lines {
		for _, m := range marks[i] {
			cs.Marks = append(cs.Marks, Mark{Person: m.who, Line: i + 1, Blocked: m.blocked})
		}
	}
	return cs
}
