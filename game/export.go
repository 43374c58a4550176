package game

// Pictures to take away: a GIF of the story (key G, -gif) and a PNG of the
// timeline alone (key I, -timeline). Both are drawn by the game itself
// (still.go); the browser downloads them, the desktop writes them
// (export_js.go, export_other.go).

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/gifout"
	"chores/game/play"
	"chores/game/ui"
	"chores/game/view/timeline"
	"chores/sim"
)

const (
	GIFWidth, GIFHeight = 480, 300
	gifFPS              = 10
	// GIFMaxFrames is ten seconds: a longer stretch of the story plays
	// faster in the GIF, so that it stays small.
	GIFMaxFrames = 100
	GIFMinFrames = 10
	gifHold      = 150 // hundredths of a second on the last frame before it loops
	// renderBudget is how long one Update may spend drawing GIF frames:
	// the window (or the page) keeps answering while a GIF is recorded.
	renderBudget = 12 * time.Millisecond

	// TimelineWidth is the timeline picture's width; its height follows
	// the story's rows.
	TimelineWidth = 1200
)

// exportState is the Game's part for pictures.
type exportState struct {
	gif          *gifJob      // a GIF being made
	lastExport   exportReport // what the last GIF measured
	exportSeen   exportReport // the same, for JavaScript (under Game.mu)
	exportOnly   bool         // -gif or -timeline: close once the file is written
	exportErr    error
	timelineFile string // -timeline FILE
	pending      func() // the export a -gif or -timeline run starts with
}

// gifJob is a GIF being made: frames drawn a few at a time in Update, then
// encoded off the frame loop.
type gifJob struct {
	st       *still
	rec      *gifout.Recorder
	from, to sim.Time
	n, i     int
	file     string // -gif FILE; "" is chores-<story>.gif
	name     string
	began    time.Time
	longest  time.Duration // the longest Update spent drawing frames
	encoding chan encoded
}

type encoded struct {
	data []byte
	err  error
	took time.Duration
}

// GIFFrames is how many frames a GIF of span minutes played at speed has:
// the story's own pace, 10 frames a second, within GIFMinFrames and
// GIFMaxFrames.
func GIFFrames(span sim.Time, speed float64) int {
	secs := span.Min() / (play.MinutesPerSecond * max(speed, play.MinSpeed))
	return max(GIFMinFrames, min(GIFMaxFrames, int(math.Round(secs*gifFPS))+1))
}

// exportGIF records the whole story (key G).
func (g *Game) exportGIF() { g.startGIF(sim.Time{}, g.player.Story().Result.Makespan, "") }

func (g *Game) startGIF(from, to sim.Time, file string) {
	if g.gif != nil {
		g.say("A GIF is being made already; one moment.")
		return
	}
	if !from.Less(to) {
		to = from.Add(sim.Whole(1))
	}
	p := g.player
	j := &gifJob{from: from, to: to, file: file, name: exportName(p.Story(), ".gif"), began: time.Now()}
	j.n = GIFFrames(to.Sub(from), p.Speed)
	j.st = newStill(g, GIFWidth, GIFHeight)
	// The palette: the art's colours and those of the story's first,
	// middle and last frames, fixed for every frame.
	cols := artColors()
	for _, m := range []sim.Time{from, j.minute(j.n / 2), to} {
		cols = countColors(cols, j.st.at(m, 0))
	}
	j.rec = gifout.NewRecorder(gifout.BuildPalette(cols), GIFWidth, GIFHeight)
	g.gif = j
	g.say(fmt.Sprintf("Recording a GIF of %s (%d frames)…", p.Story().Title, j.n))
}

// minute is frame k's minute.
func (j *gifJob) minute(k int) sim.Time {
	span := j.to.Sub(j.from).Min()
	m, _ := sim.Approx(j.from.Min() + span*float64(k)/float64(max(j.n-1, 1)))
	return sim.Clamp(m, j.from, j.to)
}

// stepExports moves a GIF on: a few frames per Update, then the encoding,
// then the file.
func (g *Game) stepExports() {
	if f := g.pending; f != nil {
		g.pending = nil
		f() // the game runs now: pictures can be read back
	}
	j := g.gif
	if j == nil {
		return
	}
	//lint:ignore SA1019 deprecated since v2.5, still the way to draw only on demand: a paused page costs 12% of a core with it, 183% without (rest.go)
	ebiten.ScheduleFrame() // a resting game keeps working on it
	if j.encoding == nil {
		t0 := time.Now()
		for j.i < j.n && time.Since(t0) < renderBudget {
			j.rec.Add(j.st.at(j.minute(j.i), j.i*play.TicksPerSecond/gifFPS), 100/gifFPS)
			j.i++
		}
		j.longest = max(j.longest, time.Since(t0))
		if j.i < j.n {
			return
		}
		j.rec.Hold(gifHold)
		j.st.dispose()
		j.encoding = make(chan encoded, 1)
		go func(rec *gifout.Recorder, out chan<- encoded) {
			t := time.Now()
			var buf bytes.Buffer
			err := rec.Encode(&buf, encodePause)
			out <- encoded{buf.Bytes(), err, time.Since(t)}
			//lint:ignore SA1019 deprecated since v2.5, still the way to draw only on demand: a paused page costs 12% of a core with it, 183% without (rest.go)
			ebiten.ScheduleFrame()
		}(j.rec, j.encoding)
		return
	}
	var r encoded
	select {
	case r = <-j.encoding:
	default:
		return
	}
	g.gif = nil
	if r.err == nil {
		var where string
		where, r.err = saveExport(j.file, j.name, "image/gif", r.data)
		if r.err == nil {
			g.say(fmt.Sprintf("GIF %s: %s (%d frames, %d KB).", savedVerb, where, j.rec.Frames(), (len(r.data)+1023)/1024))
		}
	}
	g.lastExport = exportReport{
		Bytes: len(r.data), Frames: j.rec.Frames(), LongestUpdate: j.longest,
		Encode: r.took, Total: time.Since(j.began), Err: r.err,
	}
	g.mu.Lock()
	g.exportSeen = g.lastExport
	g.mu.Unlock()
	if r.err != nil {
		g.say("The GIF could not be made: " + r.err.Error())
	}
	g.exportDone(r.err)
}

// exportReport is what the last export measured (tests and the bench read
// it; state() does not carry it).
type exportReport struct {
	Bytes, Frames int
	LongestUpdate time.Duration // the longest frame-loop pause while drawing frames
	Encode, Total time.Duration
	Err           error
}

// exportDone ends a -gif or -timeline run: the window closes once the
// file is written.
func (g *Game) exportDone(err error) {
	if g.exportOnly {
		g.exportErr = err
		g.shotDone = ebiten.Termination
	}
}

// exportTimeline draws the timeline alone, the whole story, and saves it
// (key I).
func (g *Game) exportTimeline() {
	data, err := g.timelinePNG()
	if err == nil {
		var where string
		where, err = saveExport(g.timelineFile, exportName(g.player.Story(), "-timeline.png"), "image/png", data)
		if err == nil {
			g.say(fmt.Sprintf("The timeline's picture %s: %s (%d KB).", savedVerb, where, (len(data)+1023)/1024))
		}
	}
	if err != nil {
		g.say("The timeline's picture could not be made: " + err.Error())
	}
	g.exportDone(err)
}

// timelinePNG is the story's timeline drawn TimelineWidth wide, with every
// bar shown (the playhead at the end).
func (g *Game) timelinePNG() ([]byte, error) {
	st := g.player.Story()
	rows := timeline.Rows(st)
	const head = 28 // the title line
	w, h := TimelineWidth, head+rows*26+34+12
	img := ebiten.NewImage(w, h)
	defer img.Deallocate()
	ui.FillRect(img, img.Bounds(), ui.ColBackground)
	var faces ui.Faces
	title := fmt.Sprintf("Chores: %s. Everything done at minute %s.", play.Clip(st.Title, 80), play.MinutesText(st.Result.Makespan))
	ui.DrawTextAligned(img, title, faces.Get(13, false), image.Rect(12, 6, w-12, head), ui.AlignStart, ui.ColText)
	// The story's own span: the chart fills the picture.
	var tl timeline.Timeline
	tl.Prepare(st, st.Result.Makespan, image.Rect(6, head, w-6, h-6), 1, &faces)
	tl.Draw(img, st.Result.Makespan, false)
	rgba := image.NewRGBA(img.Bounds())
	img.ReadPixels(rgba.Pix)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, rgba); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// GIF writes a GIF of the story from minute from to minute to in file,
// and returns. Like Screenshot, it needs a display.
func GIF(opts play.Options, file string, from, to sim.Time) error {
	return exportOnly(opts, func(g *Game) { g.startGIF(from, to, file) })
}

// TimelinePNG writes the story's timeline to file, and returns.
func TimelinePNG(opts play.Options, file string) error {
	return exportOnly(opts, func(g *Game) { g.timelineFile = file; g.exportTimeline() })
}

func exportOnly(opts play.Options, start func(*Game)) error {
	opts.Autoplay, opts.Mute = false, true
	g, err := New(opts)
	if err != nil {
		return err
	}
	g.exportOnly = true
	g.pending = func() { start(g) }
	if err := runGame(g); err != nil {
		return err
	}
	return g.exportErr
}

// exportName is chores-<story><suffix>, the story's name kept to letters,
// digits and dashes.
func exportName(st *play.Story, suffix string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(st.Scenario.Name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 40 {
			break
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "story"
	}
	return "chores-" + name + suffix
}
