package realrun

import (
	"fmt"
	"image"

	"chores/game/play"
	"chores/game/ui"
	"chores/sim"
)

// View draws the panel and remembers where its buttons were, for the
// pointer.
type View struct {
	buttons []ui.Button
	px      func(float64) int
}

// Buttons are the panel's buttons in the last frame drawn.
func (v *View) Buttons() []ui.Button { return v.buttons }

// lane is one row of both charts: a person's hands or ears.
type lane struct {
	label  string
	person int
	hands  bool
}

// lanes are the rows the model and the measured run share: each person's
// hands if they clean, ears if they listen or wait, in the model's order.
func lanes(st *play.Story) []lane {
	r := st.Result
	var out []lane
	for p, person := range st.Scenario.People {
		hands, ears := false, false
		for _, sp := range r.Spans {
			if sp.Person == p {
				hands = hands || sp.Lane == sim.LaneHands
				ears = ears || sp.Lane == sim.LaneEars
			}
		}
		for _, w := range r.Waits {
			ears = ears || w.Person == p
		}
		if hands {
			out = append(out, lane{person.Name + " ✋", p, true})
		}
		if ears {
			out = append(out, lane{person.Name + " 🎧", p, false})
		}
	}
	return out
}

// Draw draws the panel for st in area: a heading with the run again and
// GOMAXPROCS buttons, the model's timeline and the measured one under it on
// one time scale, and the sentence of why they differ. pressed says whether
// a button is held (for feedback).
func (v *View) Draw(dst ui.Surface, area image.Rectangle, r *Runner, st *play.Story, fs *ui.Faces, u float64, pressed func(image.Rectangle) bool) {
	v.buttons = v.buttons[:0]
	px := func(css float64) int { return int(css*u + 0.5) }
	v.px = px
	ui.FillRound(dst, area, float32(px(8)), ui.ColPanel)
	ui.Note("panel", "real", area, 0)
	in := area.Inset(px(10))
	if in.Dx() <= 0 || in.Dy() <= 0 {
		return
	}
	small := fs.Get(float64(px(11)), false)
	bold := fs.Get(float64(px(13)), true)
	lineH := small.Height() + px(4)
	res := r.Result()

	// The heading, and the buttons beside it or under it.
	y := in.Min.Y
	bh := bold.Height() + px(10)
	btns := v.layoutButtons(r, bold, image.Pt(0, 0), bh)
	bw := 0
	if n := len(btns); n > 0 {
		bw = btns[n-1].R.Max.X
	}
	title := "Run for real: " + st.Title
	if bold.Advance(title) > float64(in.Dx()-bw-px(12)) && bold.Advance(title) > float64(in.Dx()) {
		title = "Run for real"
	}
	if in.Dx()-bw-px(12) >= int(bold.Advance("Run for real")) {
		titleR := image.Rect(in.Min.X, y, in.Max.X-bw-px(12), y+bh)
		ui.DrawTextAligned(dst, ui.Fit(title, bold, float64(titleR.Dx())), bold, titleR, ui.AlignStart, ui.ColAccent)
		btns = v.layoutButtons(r, bold, image.Pt(in.Max.X-bw, y), bh)
		y += bh + px(4)
	} else {
		ui.DrawTextAligned(dst, ui.Fit(title, bold, float64(in.Dx())), bold, image.Rect(in.Min.X, y, in.Max.X, y+bold.Height()), ui.AlignStart, ui.ColAccent)
		y += bold.Height() + px(6)
		btns = v.layoutButtons(r, bold, image.Pt(in.Min.X, y), bh)
		y += bh + px(4)
	}
	v.drawButtons(dst, btns, bold, pressed)

	// What the run had: its processors and its clock.
	info := infoLine(r, res)
	if y+small.Height() <= in.Max.Y {
		clr := ui.ColTextDim
		if r.Running() {
			clr = ui.ColAccent
		}
		ui.DrawText(dst, ui.Fit(info, small, float64(in.Dx())), small, float64(in.Min.X), float64(y), clr)
		y += lineH + px(2)
	}

	// From the bottom up: the keys, the sentence; the charts take what is
	// left, or the totals are written when they cannot be drawn.
	bottom := in.Max.Y
	why := r.Why()
	switch {
	case r.Err() != "":
		why = "The real run failed: " + r.Err()
	case res == nil && r.Running():
		why = "The story runs on real goroutines now: the measured timeline comes when it is done."
	case res == nil:
		why = ""
	}
	sentence := ui.Wrap(why, small, float64(in.Dx()))
	textH := len(sentence) * lineH
	keys := keysLine(r)
	keysFit := int(small.Advance(keys)) <= in.Dx()
	lns := lanes(st)
	chartNeed := px(50) + 2*len(lns)*max(2, px(3))
	keysShown := keysFit && bottom-y-textH-lineH-px(6) >= chartNeed+px(40)
	if keysShown {
		bottom -= lineH + px(4)
	}
	if bottom-y-textH-px(6) < chartNeed {
		// No room for the charts: the figures in words, then as much of
		// the sentence as fits.
		for _, t := range totals(st, res, r.Running()) {
			if y+small.Height() > bottom {
				return
			}
			ui.DrawText(dst, ui.Fit(t, small, float64(in.Dx())), small, float64(in.Min.X), float64(y), ui.ColText)
			y += lineH
		}
		for _, line := range sentence {
			if y+small.Height() > bottom {
				return
			}
			ui.DrawText(dst, line, small, float64(in.Min.X), float64(y), ui.ColText)
			y += lineH
		}
		return
	}
	// The charts as tall as their lanes need (a lane at most 36 design
	// pixels), the sentence and the keys right under them.
	headH := small.Height() + px(4)
	want := small.Height() + px(2) + px(8) + 2*(headH+len(lns)*px(36))
	chartH := min(bottom-y-textH-px(6), want)
	v.drawCharts(dst, image.Rect(in.Min.X, y, in.Max.X, y+chartH), st, res, r.Running(), lns, small, bold)
	top := y + chartH + px(6)
	for i, line := range sentence {
		ui.DrawText(dst, line, small, float64(in.Min.X), float64(top+i*lineH), ui.ColText)
	}
	if keysShown {
		ui.DrawText(dst, keys, small, float64(in.Min.X), float64(top+textH+px(4)), ui.ColTextDim)
	}
}

// infoLine is the line under the heading: the processors, the clock, the
// runs.
func infoLine(r *Runner, res *sim.RealResult) string {
	switch {
	case r.Running():
		return fmt.Sprintf("running… on GOMAXPROCS %d", r.Procs())
	case res == nil:
		return "not run yet"
	}
	where := fmt.Sprintf("%d CPUs", res.NumCPU)
	if r.Browser {
		where = "in the browser"
	}
	return fmt.Sprintf("GOMAXPROCS %d · %s · 1 minute = %g ms · run %d", res.GOMAXPROCS, where, res.MsPerMinute, r.Runs())
}

// keysLine says the panel's keys.
func keysLine(r *Runner) string {
	if r.Browser {
		return "Enter: run again · X: back to the house"
	}
	return "Enter: run again · , and .: fewer or more processors · X: the house"
}

// totals are the two makespans and cleaning times in words.
func totals(st *play.Story, res *sim.RealResult, running bool) []string {
	m := st.Result
	out := []string{"model: " + figuresText(m)}
	switch {
	case res != nil:
		out = append(out, "real run: "+figuresText(res.Measured))
	case running:
		out = append(out, "real run: running…")
	}
	return out
}

func figuresText(r *sim.Result) string {
	return fmt.Sprintf("done at %s min, cleaning done at %s", play.MinutesText(r.Makespan), play.MinutesText(r.CleaningDone()))
}

// button is one of the panel's buttons before it is drawn.
func (v *View) layoutButtons(r *Runner, f *ui.Face, at image.Point, h int) []ui.Button {
	px := v.px
	var out []ui.Button
	x := at.X
	add := func(label string, in play.Intent, w int) {
		out = append(out, ui.Button{R: image.Rect(x, at.Y, x+w, at.Y+h), Intent: in, Label: label})
		x += w + px(6)
	}
	add("run again", play.Intent{Kind: play.RunAgain}, int(f.Advance("run again"))+px(16))
	if !r.Browser {
		add("−", play.Intent{Kind: play.AddProcs, Value: -1}, h)
		label := fmt.Sprintf("GOMAXPROCS %d", r.Procs())
		out = append(out, ui.Button{R: image.Rect(x, at.Y, x+int(f.Advance(label))+px(8), at.Y+h), Label: label})
		x = out[len(out)-1].R.Max.X + px(6)
		add("+", play.Intent{Kind: play.AddProcs, Value: 1}, h)
	}
	return out
}

func (v *View) drawButtons(dst ui.Surface, btns []ui.Button, f *ui.Face, pressed func(image.Rectangle) bool) {
	px := v.px
	for _, b := range btns {
		if b.Intent.Kind == 0 {
			// The GOMAXPROCS asked for, between − and +.
			ui.DrawTextAligned(dst, b.Label, f, b.R, ui.AlignCenter, ui.ColText)
			continue
		}
		bg := ui.ColPanelLight
		if pressed != nil && pressed(b.R) {
			bg = ui.ColAccent
		}
		ui.FillRound(dst, b.R, float32(px(6)), bg)
		ui.Note("button", b.Label, b.R, 0)
		ui.DrawTextAligned(dst, b.Label, f, b.R, ui.AlignCenter, ui.ColText)
		v.buttons = append(v.buttons, b)
	}
}

// drawCharts draws the model's timeline and the measured one under it, on
// one time scale: a row per lane, the cleaning's end and the makespan
// marked.
func (v *View) drawCharts(dst ui.Surface, r image.Rectangle, st *play.Story, res *sim.RealResult, running bool, lns []lane, small, bold *ui.Face) {
	px := v.px
	end := sim.Later(st.Result.Makespan, sim.Whole(1))
	if res != nil {
		end = sim.Later(end, res.Measured.Makespan)
	}
	labelW := min(px(100), r.Dx()/4)
	chart := image.Rect(r.Min.X+labelW, r.Min.Y, r.Max.X-px(4), r.Max.Y)
	xOf := func(t sim.Time) float32 {
		return float32(chart.Min.X) + float32(chart.Dx())*float32(t.Min()/end.Min())
	}
	// The axis: minutes over both charts.
	axisH := small.Height() + px(2)
	step := ui.AxisStep(end, max(2, chart.Dx()/px(40)))
	for m := (sim.Time{}); !end.Less(m); m = m.Add(step) {
		x := xOf(m)
		ui.FillRectF(dst, x, float32(r.Min.Y+axisH), 1, float32(r.Max.Y-r.Min.Y-axisH), ui.ColGrid)
		lx := int(x) - px(20)
		al := ui.AlignCenter
		if int(x)+px(20) > r.Max.X {
			lx, al = int(x)-px(40), ui.AlignEnd
		}
		ui.DrawTextAligned(dst, m.String(), small, image.Rect(lx, r.Min.Y, lx+px(40), r.Min.Y+small.Height()), al, ui.ColTextDim)
	}
	gap := px(8)
	blockH := (r.Dy() - axisH - gap) / 2
	model := image.Rect(r.Min.X, r.Min.Y+axisH, r.Max.X, r.Min.Y+axisH+blockH)
	real := image.Rect(r.Min.X, model.Max.Y+gap, r.Max.X, model.Max.Y+gap+blockH)
	v.drawBlock(dst, model, chart, "model", st.Result, lns, xOf, small, bold)
	var measured *sim.Result
	if res != nil {
		measured = res.Measured
	}
	v.drawBlock(dst, real, chart, "real run", measured, lns, xOf, small, bold)
	if running {
		// The previous run stays in view, shaded, until the new one comes.
		body := image.Rect(chart.Min.X, real.Min.Y+small.Height()+px(4), chart.Max.X, real.Max.Y)
		ui.FillRect(dst, body, ui.ColShade)
		ui.DrawTextAligned(dst, "running…", bold, body, ui.AlignCenter, ui.ColAccent)
	}
}

// drawBlock draws one chart: its title and figures on a line, then its
// lanes, the cleaning's end marked with an accent line and the makespan
// with a bright one.
func (v *View) drawBlock(dst ui.Surface, b, chart image.Rectangle, title string, res *sim.Result, lns []lane, xOf func(sim.Time) float32, small, bold *ui.Face) {
	px := v.px
	headH := small.Height() + px(4)
	labelR := image.Rect(b.Min.X, b.Min.Y, chart.Min.X-px(6), b.Min.Y+small.Height())
	ui.DrawText(dst, ui.Fit(title, small, float64(labelR.Dx())), small, float64(labelR.Min.X), float64(labelR.Min.Y), ui.ColAccent)
	if res != nil {
		// The makespan in the colour of its line, the cleaning's end in
		// the colour of its own: the lines' legend.
		done := "done at " + play.MinutesText(res.Makespan) + " min"
		clean := ", cleaning done at " + play.MinutesText(res.CleaningDone())
		if small.Advance(done+clean) > float64(chart.Dx()) {
			done, clean = play.MinutesText(res.Makespan)+" min", ", cleaning "+play.MinutesText(res.CleaningDone())
		}
		x := float64(chart.Min.X)
		if small.Advance(done+clean) <= float64(chart.Dx()) {
			ui.DrawText(dst, done, small, x, float64(b.Min.Y), ui.ColPlayhead)
			ui.DrawText(dst, clean, small, x+small.Advance(done), float64(b.Min.Y), ui.ColAccent)
		}
	}
	body := image.Rect(b.Min.X, b.Min.Y+headH, b.Max.X, b.Max.Y)
	n := max(len(lns), 1)
	laneH := float32(body.Dy()) / float32(n)
	stride := max(1, (small.Height()+int(laneH)-1)/max(1, int(laneH)))
	for i, ln := range lns {
		y0 := float32(body.Min.Y) + laneH*float32(i)
		if i%stride == 0 && int(y0)+small.Height() <= body.Max.Y && laneH >= 2 {
			lr := labelR.Sub(image.Pt(0, labelR.Min.Y-int(y0)))
			ui.DrawText(dst, ui.Fit(ln.label, small, float64(lr.Dx())), small, float64(lr.Min.X), float64(lr.Min.Y), ui.ColText)
		}
		if res == nil {
			continue
		}
		gapY := max(1, laneH/6)
		for _, sp := range res.Spans {
			if sp.Person != ln.person || (sp.Lane == sim.LaneHands) != ln.hands {
				continue
			}
			clr := ui.ColListen
			if ln.hands {
				clr = ui.RoomColor(sp.Room)
			}
			x0, x1 := xOf(sp.Start), xOf(sp.End)
			ui.FillRectF(dst, x0, y0+gapY, max(1, x1-x0-1), laneH-2*gapY, clr)
		}
		if !ln.hands {
			for _, w := range res.Waits {
				if w.Person == ln.person {
					x0, x1 := xOf(w.Start), xOf(w.End)
					ui.Hatch(dst, x0, y0+gapY, max(1, x1-x0), laneH-2*gapY, ui.ColWait)
				}
			}
		}
	}
	if res == nil {
		return
	}
	w := float32(max(1, px(2)))
	if c := res.CleaningDone(); !c.IsZero() {
		ui.FillRectF(dst, xOf(c)-w/2, float32(body.Min.Y), w, float32(body.Dy()), ui.ColAccent)
	}
	ui.FillRectF(dst, xOf(res.Makespan)-w/2, float32(body.Min.Y), w, float32(body.Dy()), ui.ColPlayhead)
}
