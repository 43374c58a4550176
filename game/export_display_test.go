//go:build display

package game

import (
	"bytes"
	"image"
	"image/draw"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"chores/game/play"
	"chores/game/view/timeline"
	"chores/sim"
)

// runGIF makes a GIF of the story from..to as key G does, stepping the
// game's export as Update would, and returns the file's bytes.
func runGIF(t *testing.T, g *Game, from, to sim.Time) []byte {
	t.Helper()
	file := filepath.Join(t.TempDir(), "x.gif")
	g.startGIF(from, to, file)
	deadline := time.Now().Add(2 * time.Minute)
	for g.gif != nil {
		if time.Now().After(deadline) {
			t.Fatal("the GIF was not done in 2 minutes")
		}
		g.stepExports()
		time.Sleep(time.Millisecond)
	}
	if g.lastExport.Err != nil {
		t.Fatal(g.lastExport.Err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The whole of the longest preset: a 10-second GIF at 480x300 that
// image/gif decodes, at least 10 frames, at most 2 MB; frame by frame the
// same picture as the game draws at that minute (the frames cut to what
// changed add up to the whole), within what the palette changes.
func TestGIFExport(t *testing.T) {
	p, _ := sim.PresetByName("sequential")
	g, err := New(play.Options{Scenario: p.Scenario, Mute: true})
	if err != nil {
		t.Fatal(err)
	}
	end := g.player.Story().Result.Makespan
	t0 := time.Now()
	data := runGIF(t, g, sim.Time{}, end)
	rep := g.lastExport
	t.Logf("GIF: %d bytes, %d frames in %v (longest Update %v, encoding %v)", len(data), rep.Frames, time.Since(t0), rep.LongestUpdate, rep.Encode)
	anim, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("image/gif cannot decode it: %v", err)
	}
	if anim.Config.Width != GIFWidth || anim.Config.Height != GIFHeight {
		t.Errorf("the GIF is %dx%d", anim.Config.Width, anim.Config.Height)
	}
	if len(anim.Image) < 10 || len(data) > 2<<20 {
		t.Errorf("%d frames, %d bytes: want at least 10 frames and at most 2 MB", len(anim.Image), len(data))
	}
	total := 0
	for _, d := range anim.Delay {
		total += d
	}
	if total < 990 || total > 1000+gifHold+10 {
		t.Errorf("the GIF lasts %d hundredths of a second, want 10 s and the pause at the end", total)
	}
	// Frame by frame: the composed picture matches the game's drawing.
	canvas := image.NewRGBA(image.Rect(0, 0, GIFWidth, GIFHeight))
	check := map[int]bool{0: true, len(anim.Image) / 2: true, len(anim.Image) - 1: true}
	st := newStill(g, GIFWidth, GIFHeight)
	defer st.dispose()
	shown := 0 // frames that changed nothing were merged: count the time
	for i, fr := range anim.Image {
		draw.Draw(canvas, fr.Bounds(), fr, fr.Bounds().Min, draw.Over)
		if check[i] {
			k := shown
			want := st.at(g.gif0Minute(sim.Time{}, end, k), k*play.TicksPerSecond/gifFPS)
			if d := meanDiff(canvas, want); d > 6 {
				t.Errorf("frame %d: differs from the game's drawing by %.1f on average", i, d)
			}
			if i == len(anim.Image)/2 {
				save(t, canvas, filepath.Join(shotsDir(t), "gif-frame-middle.png"))
			}
		}
		shown += anim.Delay[i] / (100 / gifFPS)
	}
	if got := g.player.Minute; !got.Less(sim.Whole(1)) {
		t.Errorf("recording moved the reader's playhead to %v", got)
	}
}

// gif0Minute is frame k's minute in a GIF of from..to (as gifJob.minute).
func (g *Game) gif0Minute(from, to sim.Time, k int) sim.Time {
	j := gifJob{from: from, to: to, n: GIFFrames(to.Sub(from), g.player.Speed)}
	return j.minute(k)
}

func meanDiff(a, b *image.RGBA) float64 {
	sum := 0
	for i := 0; i < len(a.Pix); i += 4 {
		for c := range 3 {
			d := int(a.Pix[i+c]) - int(b.Pix[i+c])
			sum += max(d, -d)
		}
	}
	return float64(sum) / float64(len(a.Pix)/4*3)
}

// The timeline's picture: a PNG, 1200 wide, as tall as the story's rows.
func TestTimelineExport(t *testing.T) {
	p, _ := sim.PresetByName("concurrency-2")
	g, err := New(play.Options{Scenario: p.Scenario, Mute: true})
	if err != nil {
		t.Fatal(err)
	}
	data, err := g.timelinePNG()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	rows := timeline.Rows(g.player.Story())
	if b := img.Bounds(); b.Dx() != TimelineWidth || b.Dy() != 28+rows*26+46 {
		t.Errorf("the picture is %v; want %d wide, %d tall", b, TimelineWidth, 28+rows*26+46)
	}
	if n := distinctColors(toRGBA(img)); n < 8 {
		t.Errorf("the timeline's picture has %d colours: blank?", n)
	}
	save(t, img, filepath.Join(shotsDir(t), "timeline-concurrency-2.png"))
}
