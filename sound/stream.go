package sound

import (
	"encoding/binary"
	"math"
	"sync"
)

const (
	// MaxVoices is how many voices (phones, a home theatre) can play the
	// episode at once.
	MaxVoices = 8
	// MinRate and MaxRate bound the playback rate, in episode seconds per
	// real second. Rates outside are clamped; drift correction then jumps.
	MinRate = 0.25
	MaxRate = 8.0

	fadeSeconds = 0.020 // fade in/out when a voice starts, stops or jumps
	blockFrames = 256   // frames rendered between position checkpoints
	ringSize    = 1024  // checkpoints kept: about 6 s at 44100 Hz
	bytesFrame  = 8     // stereo float32
)

// voice is one playback head over the episode, as the audio goroutine sees it.
type voice struct {
	active bool    // the target says it is playing
	rate   float64 // episode seconds per real second, drift nudge included
	pan    float64 // -1 (left) .. 1 (right)
	pos    float64 // in source samples
	gain   float64 // fade gain, 0..1

	jump   bool    // a jump is waiting for the fade-out to finish
	jumpTo float64 // in source samples
	want   uint32  // number of the jump asked for last
	gen    uint32  // number of the last jump applied
}

// checkpoint records the voices' state at an output frame, so the position
// that is audible now (frames behind the read head) can be looked up.
type checkpoint struct {
	frame int64
	pos   [MaxVoices]float64 // episode seconds
	step  [MaxVoices]float64 // episode seconds per output frame (0: frozen)
	gen   [MaxVoices]uint32
	sound [MaxVoices]bool // audible at this checkpoint
}

// stream is an io.Reader of stereo float32 little-endian frames at outRate
// that mixes up to MaxVoices heads over one mono episode. The audio
// goroutine calls Read; the game's goroutine changes the voices. A mutex
// guards everything.
type stream struct {
	mu sync.Mutex

	pcm      []float32 // mono episode at srcRate
	srcRate  float64
	outRate  float64
	fadeStep float64 // gain change per output frame

	nv int
	v  [MaxVoices]voice

	master       float64 // current master gain (volume, mute), ramped
	masterTarget float64

	frames int64 // output frames produced so far
	ring   [ringSize]checkpoint
	ringN  int // checkpoints stored (up to ringSize)
	ringAt int // index of the newest

	carry []byte // bytes of a frame that did not fit the last Read
}

func newStream(pcm []float32, srcRate, outRate int) *stream {
	s := &stream{
		pcm:          pcm,
		srcRate:      float64(srcRate),
		outRate:      float64(outRate),
		fadeStep:     1 / (fadeSeconds * float64(outRate)),
		master:       1,
		masterTarget: 1,
	}
	for i := range s.v {
		s.v[i].rate = 1
	}
	return s
}

// setMaster sets the master gain target (volume, or 0 when muted).
func (s *stream) setMaster(g float64) {
	s.mu.Lock()
	s.masterTarget = clamp(g, 0, 1)
	s.mu.Unlock()
}

// setVoice updates voice i's target state: whether it plays, at what rate
// (episode seconds per real second) and where it sits in the stereo field.
func (s *stream) setVoice(i int, active bool, rate, pan float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i >= s.nv {
		s.nv = i + 1
	}
	v := &s.v[i]
	v.active = active
	v.rate = clamp(rate, MinRate, MaxRate)
	v.pan = clamp(pan, -1, 1)
}

// jumpVoice moves voice i to episode second to: it fades out, jumps and fades
// back in (at once when it is silent). gen numbers the jump; audible reports
// it once the jump can be heard.
func (s *stream) jumpVoice(i int, to float64, gen uint32) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := &s.v[i]
	v.jump = true
	v.jumpTo = to * s.srcRate
	v.want = gen
}

// retarget changes where a jump that has not happened yet will land.
func (s *stream) retarget(i int, to float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v := &s.v[i]; v.jump {
		v.jumpTo = to * s.srcRate
	}
}

// setVoiceCount sets how many voices exist; voices beyond n fade out and stop.
func (s *stream) setVoiceCount(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := n; i < s.nv; i++ {
		s.v[i].active = false
	}
	if n > s.nv {
		s.nv = n
	}
}

// Read renders frames into p. It never fails and never ends: when no voice
// plays it renders silence.
func (s *stream) Read(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := copy(p, s.carry)
	s.carry = s.carry[n:]
	p = p[n:]
	whole := len(p) / bytesFrame
	s.render(p[:whole*bytesFrame])
	n += whole * bytesFrame
	if rest := len(p) - whole*bytesFrame; rest > 0 {
		var f [bytesFrame]byte
		s.render(f[:])
		copy(p[whole*bytesFrame:], f[:rest])
		s.carry = append(s.carry[:0], f[rest:]...)
		n += rest
	}
	return n, nil
}

// render fills p (a whole number of frames) and advances the voices.
// The caller holds s.mu.
func (s *stream) render(p []byte) {
	frames := len(p) / bytesFrame
	off := 0
	for frames > 0 {
		// Each block starts on a checkpoint.
		if s.ringN == 0 || s.frames%blockFrames == 0 {
			s.checkpoint()
		}
		n := blockFrames - int(s.frames%blockFrames)
		if n > frames {
			n = frames
		}
		for k := 0; k < n; k++ {
			l, r := s.frame()
			binary.LittleEndian.PutUint32(p[off:], math.Float32bits(l))
			binary.LittleEndian.PutUint32(p[off+4:], math.Float32bits(r))
			off += bytesFrame
		}
		s.frames += int64(n)
		frames -= n
	}
}

func (s *stream) checkpoint() {
	s.ringAt = (s.ringAt + 1) % ringSize
	if s.ringN < ringSize {
		s.ringN++
	}
	c := &s.ring[s.ringAt]
	c.frame = s.frames
	for i := 0; i < MaxVoices; i++ {
		v := &s.v[i]
		c.pos[i] = v.pos / s.srcRate
		c.gen[i] = v.gen
		c.sound[i] = i < s.nv && (v.gain > 0 || (v.active && !v.jump))
		if c.sound[i] {
			c.step[i] = v.rate / s.outRate
		} else {
			c.step[i] = 0
		}
	}
}

// frame mixes one output frame. The caller holds s.mu.
func (s *stream) frame() (float32, float32) {
	var l, r float64
	for i := 0; i < s.nv; i++ {
		v := &s.v[i]
		if v.jump && v.gain <= 0 {
			v.pos = v.jumpTo
			v.jump = false
			v.gen = v.want
		}
		target := 0.0
		if v.active && !v.jump {
			target = 1
		}
		if v.gain <= 0 && target == 0 {
			continue // silent and frozen
		}
		step := v.rate * s.srcRate / s.outRate
		x := s.sample(v.pos, step) * v.gain
		l += x * math.Min(1, 1-v.pan)
		r += x * math.Min(1, 1+v.pan)
		v.pos += step
		v.gain = approach(v.gain, target, s.fadeStep)
	}
	g := s.master
	s.master = approach(s.master, s.masterTarget, s.fadeStep)
	return float32(clamp(l*g, -1, 1)), float32(clamp(r*g, -1, 1))
}

// sample reads the episode at source position pos (in samples). When the
// head moves more than one source sample per output frame it averages over
// the step, a box filter that keeps fast playback from aliasing harshly;
// otherwise it interpolates linearly.
func (s *stream) sample(pos, step float64) float64 {
	if step <= 1 {
		return s.lerp(pos)
	}
	n := int(math.Ceil(step))
	d := step / float64(n)
	sum := 0.0
	for k := 0; k < n; k++ {
		sum += s.lerp(pos + float64(k)*d)
	}
	return sum / float64(n)
}

func (s *stream) lerp(pos float64) float64 {
	if pos < 0 || pos >= float64(len(s.pcm)) || math.IsNaN(pos) {
		return 0
	}
	i := int(pos)
	f := pos - float64(i)
	a := float64(s.pcm[i])
	if f == 0 || i+1 >= len(s.pcm) {
		return a
	}
	return a + (float64(s.pcm[i+1])-a)*f
}

// audible returns, for voice i, the episode position (seconds) that is
// being heard at output frame played, the jump generation heard then, and
// whether the voice is sounding. It also returns the read head's frame.
func (s *stream) audible(i int, played int64) (pos float64, gen uint32, sounding bool, head int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	head = s.frames
	if s.ringN == 0 {
		v := &s.v[i]
		return v.pos / s.srcRate, v.gen, false, head
	}
	if played > head {
		played = head
	}
	// Walk back from the newest checkpoint to the last one at or before played.
	k := s.ringAt
	for n := 1; n < s.ringN && s.ring[k].frame > played; n++ {
		k = (k - 1 + ringSize) % ringSize
	}
	c := &s.ring[k]
	d := played - c.frame
	if d < 0 {
		d = 0 // older than anything kept
	}
	if d > blockFrames {
		d = blockFrames
	}
	if played == head {
		// At the read head the voice's own state is exact.
		v := &s.v[i]
		return v.pos / s.srcRate, v.gen, v.gain > 0 || (v.active && !v.jump), head
	}
	return c.pos[i] + float64(d)*c.step[i], c.gen[i], c.sound[i], head
}

func approach(x, target, step float64) float64 {
	if x < target {
		return math.Min(x+step, target)
	}
	if x > target {
		return math.Max(x-step, target)
	}
	return x
}

func clamp(x, lo, hi float64) float64 {
	if math.IsNaN(x) {
		return lo
	}
	return math.Max(lo, math.Min(hi, x))
}
