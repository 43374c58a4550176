package sound

import (
	"encoding/binary"
	"math"
	"sync"
	"testing"
)

// testPodcast is a Podcast over pcm with a stream but no audio context: the
// test reads the stream as the audio goroutine would, and what is "heard" is
// the read head.
func testPodcast(pcm []float32, srcRate, outRate int) *Podcast {
	p := New()
	p.pcm, p.srcRate = pcm, srcRate
	p.enabled = true // Enable must not make a real context in tests
	p.st = newStream(pcm, srcRate, outRate)
	return p
}

// read renders n frames and returns the two channels.
func read(t *testing.T, p *Podcast, n int) (l, r []float32) {
	t.Helper()
	buf := make([]byte, n*bytesFrame)
	got, err := p.st.Read(buf)
	if err != nil || got != len(buf) {
		t.Fatalf("Read = %d, %v; want %d, nil", got, err, len(buf))
	}
	l, r = make([]float32, n), make([]float32, n)
	for i := 0; i < n; i++ {
		l[i] = math.Float32frombits(binary.LittleEndian.Uint32(buf[i*8:]))
		r[i] = math.Float32frombits(binary.LittleEndian.Uint32(buf[i*8+4:]))
	}
	return l, r
}

func sine(n int, freq, rate float64) []float32 {
	pcm := make([]float32, n)
	for i := range pcm {
		pcm[i] = float32(0.5 * math.Sin(2*math.Pi*freq*float64(i)/rate))
	}
	return pcm
}

func constant(n int, v float32) []float32 {
	pcm := make([]float32, n)
	for i := range pcm {
		pcm[i] = v
	}
	return pcm
}

func rms(x []float32) float64 {
	s := 0.0
	for _, v := range x {
		s += float64(v) * float64(v)
	}
	return math.Sqrt(s / float64(len(x)))
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

const fadeFrames1k = 20 // fadeSeconds at 1000 Hz

func TestRate1ReproducesSamples(t *testing.T) {
	pcm := sine(3000, 37, 1000)
	p := testPodcast(pcm, 1000, 1000)
	p.Set(Target{Playing: true, Position: 0, Rate: 1})
	l, r := read(t, p, 2000)
	for i := fadeFrames1k; i < 2000; i++ {
		if l[i] != pcm[i] || r[i] != pcm[i] {
			t.Fatalf("frame %d: got %v,%v want %v", i, l[i], r[i], pcm[i])
		}
	}
	// During the fade-in the signal grows from nothing.
	if l[0] != 0 {
		t.Errorf("first frame %v, want 0 (fade in)", l[0])
	}
}

func TestRate1UpsamplesByInterpolation(t *testing.T) {
	pcm := sine(22050, 440, 22050)
	p := testPodcast(pcm, 22050, 44100)
	p.Set(Target{Playing: true, Position: 0, Rate: 1})
	l, _ := read(t, p, 20000)
	for i := 1000; i < 9990; i++ {
		if got, want := l[2*i], pcm[i]; !near(float64(got), float64(want), 1e-6) {
			t.Fatalf("out[%d] = %v, want pcm[%d] = %v", 2*i, got, i, want)
		}
		mid := (float64(pcm[i]) + float64(pcm[i+1])) / 2
		if got := l[2*i+1]; !near(float64(got), mid, 1e-6) {
			t.Fatalf("out[%d] = %v, want midpoint %v", 2*i+1, got, mid)
		}
	}
}

// sounding counts frames whose left channel is not silent.
func sounding(l []float32) int {
	n := 0
	for _, v := range l {
		if v != 0 {
			n++
		}
	}
	return n
}

func TestRate2HalvesLength(t *testing.T) {
	for _, tc := range []struct {
		rate float64
		want int
	}{{1, 2000}, {2, 1000}, {4, 500}, {0.5, 4000}} {
		p := testPodcast(constant(2000, 0.5), 1000, 1000)
		p.Set(Target{Playing: true, Position: 0, Rate: tc.rate})
		l, _ := read(t, p, 6000)
		if got := sounding(l); got < tc.want-2 || got > tc.want+1 {
			t.Errorf("rate %v: %d frames sound, want %d", tc.rate, got, tc.want)
		}
		if got := l[tc.want/2]; !near(float64(got), 0.5, 1e-6) {
			t.Errorf("rate %v: level %v mid-way, want 0.5", tc.rate, got)
		}
	}
}

func TestPanExtremes(t *testing.T) {
	for _, pan := range []float64{-1, 1, 0} {
		p := testPodcast(sine(4000, 50, 1000), 1000, 1000)
		p.Set(Target{Playing: true, Position: 0, Rate: 1, Pan: pan})
		l, r := read(t, p, 2000)
		rl, rr := rms(l), rms(r)
		switch pan {
		case -1:
			if rr != 0 || rl < 0.3 {
				t.Errorf("pan -1: rms left %v right %v; want all left", rl, rr)
			}
		case 1:
			if rl != 0 || rr < 0.3 {
				t.Errorf("pan 1: rms left %v right %v; want all right", rl, rr)
			}
		case 0:
			if rl != rr || rl < 0.3 {
				t.Errorf("pan 0: rms left %v right %v; want equal", rl, rr)
			}
		}
	}
}

func TestTwoVoicesPannedApart(t *testing.T) {
	// A ramp, so the sample value tells the position.
	pcm := make([]float32, 10000)
	for i := range pcm {
		pcm[i] = float32(i) / 10000
	}
	p := testPodcast(pcm, 1000, 1000)
	p.SetVoices([]Voice{
		{Playing: true, Position: 1, Rate: 1, Pan: -1},
		{Playing: true, Position: 5, Rate: 1, Pan: 1},
	})
	l, r := read(t, p, 500)
	if !near(float64(l[100]), 0.11, 1e-4) || !near(float64(r[100]), 0.51, 1e-4) {
		t.Errorf("frame 100: left %v right %v, want 0.11 and 0.51", l[100], r[100])
	}
}

func TestPositionTracking(t *testing.T) {
	p := testPodcast(sine(44100*10, 220, 44100), 44100, 44100)
	p.Set(Target{Playing: true, Position: 2, Rate: 1})
	read(t, p, 44100)
	if _, _, _, pos := p.State(); !near(pos, 3, 1e-6) {
		t.Errorf("after 1 s at 1x from 2: position %v, want 3", pos)
	}
	p.Set(Target{Playing: true, Position: 3, Rate: 2})
	read(t, p, 44100)
	if _, _, _, pos := p.State(); !near(pos, 5, 1e-6) {
		t.Errorf("after 1 s more at 2x: position %v, want 5", pos)
	}
	// Paused: the position holds.
	p.Set(Target{Playing: false, Position: 5, Rate: 2})
	read(t, p, 44100)
	if _, playing, _, pos := p.State(); playing || !near(pos, 5, 0.05) {
		t.Errorf("paused: playing %v position %v, want false, about 5", playing, pos)
	}
}

// play simulates the game: each frame the model advances dt at the rate and
// the stream renders dt of audio.
func play(t *testing.T, p *Podcast, model *float64, rate, dt float64, frames int) {
	for i := 0; i < frames; i++ {
		p.Set(Target{Playing: true, Position: *model, Rate: rate})
		read(t, p, int(dt*p.st.outRate))
		*model += rate * dt
	}
}

func TestJumpOnDrift(t *testing.T) {
	p := testPodcast(sine(44100*15, 220, 44100), 44100, 44100)
	model := 0.0
	play(t, p, &model, 1, 0.02, 25) // 0.5 s
	gen := p.gen[0]
	model = 9 // a seek
	play(t, p, &model, 1, 0.02, 10)
	if p.gen[0] != gen+1 {
		t.Errorf("a seek made %d jumps, want 1", p.gen[0]-gen)
	}
	if _, _, _, pos := p.State(); !near(pos, model, 0.03) {
		t.Errorf("after the seek: position %v, model %v", pos, model)
	}
}

func TestSmallDriftIsNudged(t *testing.T) {
	p := testPodcast(sine(44100*15, 220, 44100), 44100, 44100)
	model := 0.0
	play(t, p, &model, 2, 0.02, 10)
	gen := p.gen[0]
	model += 0.15 // the model runs ahead a little, as clocks do
	_, _, _, pos := p.State()
	before := math.Abs(model - pos)
	play(t, p, &model, 2, 0.02, 150) // 3 s
	_, _, _, pos = p.State()
	after := math.Abs(model - pos)
	if p.gen[0] != gen {
		t.Errorf("small drift made %d jumps, want none", p.gen[0]-gen)
	}
	if after > before/2 || after > deadband+0.02 {
		t.Errorf("drift %v before, %v after 3 s; want it to converge", before, after)
	}
}

func TestSilenceWhenNotPlaying(t *testing.T) {
	p := testPodcast(sine(44100, 220, 44100), 44100, 44100)
	l, r := read(t, p, 4410) // nothing set yet
	if rms(l) != 0 || rms(r) != 0 {
		t.Error("sound before any target")
	}
	p.Set(Target{Playing: false, Position: 0.3, Rate: 1})
	l, _ = read(t, p, 4410)
	if rms(l) != 0 {
		t.Error("sound with a stopped target")
	}
	p.Set(Target{Playing: true, Position: 0.3, Rate: 1})
	l, _ = read(t, p, 4410)
	if rms(l) < 0.2 {
		t.Errorf("rms %v while playing", rms(l))
	}
	// Stopping fades out over fadeSeconds, then silence.
	p.Set(Target{Playing: false, Position: 0.4, Rate: 1})
	l, _ = read(t, p, 4410)
	fade := int(fadeSeconds * 44100)
	if rms(l[:fade/2]) == 0 {
		t.Error("stopped with a click: no fade-out")
	}
	if rms(l[fade+1:]) != 0 {
		t.Error("sound after the fade-out")
	}
	// Past the end of the episode: silence.
	p.Set(Target{Playing: true, Position: 1.5, Rate: 1})
	l, _ = read(t, p, 4410)
	if rms(l) != 0 {
		t.Error("sound past the end of the episode")
	}
}

func TestMuteAndVolume(t *testing.T) {
	p := testPodcast(constant(44100*4, 0.5), 44100, 44100)
	p.Set(Target{Playing: true, Position: 0, Rate: 1})
	read(t, p, 4410)
	p.SetVolume(0.5)
	l, _ := read(t, p, 4410)
	if !near(float64(l[len(l)-1]), 0.25, 1e-6) {
		t.Errorf("volume 0.5: level %v, want 0.25", l[len(l)-1])
	}
	if err := p.SetMuted(true); err != nil {
		t.Fatal(err)
	}
	l, _ = read(t, p, 4410)
	if l[len(l)-1] != 0 {
		t.Errorf("muted: level %v", l[len(l)-1])
	}
	ready, playing, muted, pos := p.State()
	if !ready || playing || !muted || !near(pos, 0.3, 1e-6) {
		t.Errorf("muted State = %v %v %v %v; want ready, not playing, muted, 0.3 (muted voices keep time)", ready, playing, muted, pos)
	}
	if err := p.SetMuted(false); err != nil {
		t.Fatal(err)
	}
	l, _ = read(t, p, 4410)
	if !near(float64(l[len(l)-1]), 0.25, 1e-6) {
		t.Errorf("unmuted: level %v, want 0.25", l[len(l)-1])
	}
	if _, playing, _, _ := p.State(); !playing {
		t.Error("unmuted and playing, but State says not playing")
	}
}

func TestOddReadSizes(t *testing.T) {
	pcm := sine(3000, 37, 1000)
	a := testPodcast(pcm, 1000, 1000)
	b := testPodcast(pcm, 1000, 1000)
	a.Set(Target{Playing: true, Rate: 1})
	b.Set(Target{Playing: true, Rate: 1})
	whole := make([]byte, 1000*bytesFrame)
	a.st.Read(whole)
	var parts []byte
	for _, n := range []int{3, 5, 1, 7, 8, 13, 1000*bytesFrame - 37} {
		buf := make([]byte, n)
		got, _ := b.st.Read(buf)
		parts = append(parts, buf[:got]...)
	}
	if string(parts) != string(whole) {
		t.Error("reads of odd sizes differ from one whole read")
	}
}

func TestLatencyCompensation(t *testing.T) {
	// The speaker is 0.1 s behind the read head.
	p := testPodcast(sine(44100*15, 220, 44100), 44100, 44100)
	lag := int64(4410)
	p.played = func() int64 { return max(p.st.frames-lag, 0) }
	model := 0.0
	read(t, p, int(lag)) // fill the buffer with silence
	model += 0.1
	play(t, p, &model, 4, 0.02, 50)
	if _, _, _, pos := p.State(); !near(pos, model, 0.05) {
		t.Errorf("heard %v, model %v", pos, model)
	}
	if p.gen[0] != 1 {
		t.Errorf("%d jumps, want only the start", p.gen[0])
	}
}

func TestNoRace(t *testing.T) {
	p := testPodcast(sine(44100*15, 220, 44100), 44100, 44100)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() { // the audio goroutine
		defer wg.Done()
		buf := make([]byte, 1024)
		for {
			select {
			case <-stop:
				return
			default:
				p.st.Read(buf)
			}
		}
	}()
	for i := 0; i < 500; i++ {
		p.SetVoices([]Voice{
			{Playing: i%50 < 40, Position: float64(i) * 0.02, Rate: 1 + float64(i%3), Pan: -0.8},
			{Playing: true, Position: float64(i) * 0.01, Rate: 1, Pan: 0.8},
		})
		p.SetVolume(float64(i%10) / 10)
		_ = p.SetMuted(i%7 == 0)
		p.State()
	}
	close(stop)
	wg.Wait()
}
