package code

import (
	"image"
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
	width := float64(r.Dx() - 2*pad)
	head := ui.Wrap(codeFile+": the Go that plays this story. Each goroutine is marked where it is parked at this minute: running through its work, or blocked. Press C for the house.", title, width)
	legend := ui.Wrap(codeLegend, f, width)
	// On a small screen the code comes first: the legend, then the
	// heading, give way.
	room := (r.Dy() - 2*pad) / lineH
	for len(head)+len(legend) > room/3 && len(legend) > 0 {
		legend = legend[:len(legend)-1]
	}
	for len(head)+len(legend) > room/3 && len(head) > 1 {
		head = head[:len(head)-1]
	}
	y := r.Min.Y + pad
	for i, h := range append(head, legend...) {
		clr, face := ui.ColAccent, title
		if i >= len(head) {
			clr, face = ui.ColTextDim, f
		}
		ui.DrawText(dst, ui.Fit(h, face, width), face, float64(r.Min.X+pad), float64(y), clr)
		y += lineH
	}
	y += lineH / 2
	marks := cv.marks(p)
	cv.hits = cv.hits[:0]
	rowsFit := max(1, (r.Max.Y-pad-y)/lineH)
	// Two columns, the cleaners beside the listeners, when the file is too
	// long for one and its lines fit half the width.
	longest := 0.0
	for _, line := range cv.lines {
		longest = max(longest, f.Advance(line))
	}
	colW := r.Dx() - 2*pad
	if len(cv.lines) > rowsFit && float64(colW/2) >= longest*0.8 {
		split := cv.split()
		for c, span := range [][2]int{{0, split}, {split, len(cv.lines)}} {
			rows := cv.rows(span[0], span[1], marks, f, colW/2, u)
			cv.drawRows(dst, window(rows, rowsFit), p.Selected, r.Min.X+pad+c*(colW/2), y, colW/2, lineH, f, u)
		}
		return
	}
	rows := cv.rows(0, len(cv.lines), marks, f, colW, u)
	cv.drawRows(dst, window(rows, rowsFit), p.Selected, r.Min.X+pad, y, colW, lineH, f, u)
}

// row is one row of the code view: a line of the file (or the rest of a
// long one), or the note of who is parked on it.
type row struct {
	line  int
	text  string
	marks []codeMark
	note  bool
}

// rows lays lines [from, to) out in a column w wide: a line too long loses
// its trailing comment, then wraps; a marked line's note goes after the
// code, or on a row of its own under it.
func (cv *View) rows(from, to int, marks map[int][]codeMark, f *ui.Face, w int, u float64) []row {
	var out []row
	room := float64(w) - 8*u
	for i := from; i < to; i++ {
		line := cv.lines[i]
		ms := marks[i]
		note := noteFor(ms)
		if code, _, ok := strings.Cut(line, " // "); ok && (f.Advance(line) > room || (note != "" && f.Advance(line)+f.Advance(note)+16*u > room)) {
			line = code
		}
		indent := strings.Repeat(" ", len(line)-len(strings.TrimLeft(line, " ")))
		rest := strings.TrimLeft(line, " ")
		prefix := indent
		for {
			part := prefix + rest
			if f.Advance(part) <= room || len(rest) <= 1 {
				out = append(out, row{line: i, text: ui.Fit(part, f, room), marks: ms})
				break
			}
			// Break the line where it still fits, at a space if there is one.
			n := len(rest)
			for n > 1 && f.Advance(prefix+rest[:n]) > room {
				n--
			}
			if sp := strings.LastIndexByte(rest[:n], ' '); sp > 0 {
				n = sp
			}
			out = append(out, row{line: i, text: prefix + rest[:n], marks: ms})
			rest = strings.TrimLeft(rest[n:], " ")
			prefix = indent + "    "
		}
		if note != "" {
			if last := out[len(out)-1]; f.Advance(last.text)+f.Advance(note)+16*u > room {
				out = append(out, row{line: i, text: ui.Fit(note, f, room), marks: ms, note: true})
			}
		}
	}
	return out
}

// window is the rows that fit, n of them, around the first marked one.
func window(rows []row, n int) []row {
	if len(rows) <= n {
		return rows
	}
	first := 0
	for i, r := range rows {
		if len(r.marks) > 0 {
			first = i
			break
		}
	}
	start := max(0, min(first-n/3, len(rows)-n))
	return rows[start : start+n]
}

func (cv *View) drawRows(dst ui.Surface, rows []row, selected, x, y, w, lineH int, f *ui.Face, u float64) {
	for _, rw := range rows {
		cv.drawRow(dst, rw, selected, x, y, w, lineH, f, u)
		if len(rw.marks) > 0 {
			cv.hits = append(cv.hits, lineHit{image.Rect(x, y, x+w, y+lineH), rw.line, rw.marks})
		}
		y += lineH
	}
}

// noteFor says who is parked on a line: "← You running; Friend blocked".
func noteFor(ms []codeMark) string {
	if len(ms) == 0 {
		return ""
	}
	var running, blocked []string
	for _, m := range ms {
		if m.blocked {
			blocked = append(blocked, m.who)
		} else {
			running = append(running, m.who)
		}
	}
	var parts []string
	if len(running) > 0 {
		parts = append(parts, strings.Join(running, ", ")+" running")
	}
	if len(blocked) > 0 {
		parts = append(parts, strings.Join(blocked, ", ")+" blocked")
	}
	return "← " + strings.Join(parts, "; ")
}

func (cv *View) drawRow(dst ui.Surface, rw row, selected, x, y, w, lineH int, f *ui.Face, u float64) {
	clr := ui.ColText
	if strings.HasPrefix(strings.TrimSpace(cv.lines[rw.line]), "//") {
		clr = ui.ColTextDim
	}
	if len(rw.marks) == 0 {
		ui.DrawText(dst, rw.text, f, float64(x), float64(y), clr)
		return
	}
	bg := ui.ColMarked
	noteClr := ui.ColAccent
	running := false
	for _, m := range rw.marks {
		if m.person == selected {
			bg = ui.ColSelected // the selected person's line stands out
		}
		running = running || !m.blocked
	}
	if !running {
		noteClr = ui.ColBlocked
	}
	ui.FillRect(dst, image.Rect(x-int(4*u), y-int(u), x+w-int(4*u), y+lineH-int(u)), bg)
	if rw.note {
		ui.DrawText(dst, rw.text, f, float64(x+w)-f.Advance(rw.text)-8*u, float64(y), noteClr)
		return
	}
	ui.DrawText(dst, rw.text, f, float64(x), float64(y), clr)
	// The note at the end of the row, when it fits there (else it has a
	// row of its own, next).
	if note := noteFor(rw.marks); f.Advance(rw.text)+f.Advance(note)+16*u <= float64(w)-8*u {
		ui.DrawText(dst, note, f, float64(x+w)-f.Advance(note)-8*u, float64(y), noteClr)
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
