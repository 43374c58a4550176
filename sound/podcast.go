// Package sound plays the "Small Wonders" podcast episode in step with the model.
//
// The game tells a Podcast, once per frame, what each listening device should
// be playing (SetVoices, or Set for one): whether it plays, the episode
// position the model is at, the rate (episode seconds per real second, which
// is the game speed: at 1x the 45-minute episode takes 15 s) and a stereo pan.
// The Podcast keeps what is heard within a fraction of a second of the model:
// small drift is corrected by nudging the rate, big drift (a seek, a resume)
// by a jump with a short fade.
//
// Nothing here needs a window. The audio context is created only by Enable
// (or by unmuting), never by New, so a game muted from the start never opens
// an audio device; on Linux Enable first checks that a device can exist.
package sound

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/hajimehoshi/ebiten/v2/audio"
	"github.com/hajimehoshi/ebiten/v2/audio/vorbis"
)

// SampleRate is the sample rate of the audio context this package creates.
const SampleRate = 44100

// Drift correction: a voice further than DriftJump episode seconds from the
// model jumps (at rates above 2x the limit grows with the rate, to an eighth
// of a real second); closer than that its rate is nudged by up to maxNudge
// (a fraction of the rate) so that it converges without a click.
const (
	DriftJump = 0.25
	deadband  = 0.02 // episode seconds of drift left alone
	nudgeGain = 0.5  // rate correction per second of drift
	maxNudge  = 0.04
)

// ErrNoDevice is returned (once) by Enable when no sound device can exist.
var ErrNoDevice = errors.New("no sound device found; playing silently")

// Voice is what one listening device should be playing, as the model says.
type Voice struct {
	Playing  bool    // the device plays the episode now
	Position float64 // seconds into the episode audio (0..15)
	Rate     float64 // episode seconds per real second; the game speed (1 at 1x)
	Pan      float64 // -1 left .. 0 centre .. 1 right
}

// Target is the state of the single voice given to Set.
type Target = Voice

// Podcast plays the episode through up to MaxVoices voices. Its methods are
// safe to call from any goroutine, but are meant for the game's Update.
type Podcast struct {
	mu sync.Mutex

	pcm     []float32 // decoded episode, mono
	srcRate int

	ctx    *audio.Context
	player *audio.Player
	st     *stream
	// played returns the output frame being heard now; nil means the
	// stream's read head (tests).
	played func() int64

	enabled  bool // Enable has run
	noDevice bool
	muted    bool
	volume   float64
	targets  []Voice
	was      [MaxVoices]bool   // voice i was playing at the last SetVoices
	gen      [MaxVoices]uint32 // jumps asked for, per voice
}

// New returns a silent Podcast with no episode and no audio context.
func New() *Podcast {
	return &Podcast{volume: 1}
}

// Load decodes the episode (Ogg Vorbis bytes, as from assets.LoadEpisode)
// once into memory. Damaged or undecodable data gives an error and leaves the
// Podcast silent; the game can carry on. Decoding the 15-second episode takes
// a few tens of milliseconds.
func (p *Podcast) Load(ogg []byte) error {
	pcm, rate, err := decode(ogg)
	if err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pcm != nil {
		return errors.New("sound: episode already loaded")
	}
	p.pcm, p.srcRate = pcm, rate
	return p.start()
}

// decode turns Ogg Vorbis bytes into mono float32 samples at the file's rate.
func decode(ogg []byte) (pcm []float32, rate int, err error) {
	defer func() {
		if r := recover(); r != nil {
			pcm, rate, err = nil, 0, fmt.Errorf("sound: damaged episode: %v", r)
		}
	}()
	if len(ogg) == 0 {
		return nil, 0, errors.New("sound: damaged episode: no data")
	}
	s, err := vorbis.DecodeF32(bytes.NewReader(ogg))
	if err != nil {
		return nil, 0, fmt.Errorf("sound: damaged episode: %w", err)
	}
	raw, err := io.ReadAll(s)
	if err != nil {
		return nil, 0, fmt.Errorf("sound: damaged episode: %w", err)
	}
	frames := len(raw) / bytesFrame
	if frames == 0 || s.SampleRate() <= 0 {
		return nil, 0, errors.New("sound: damaged episode: no audio in it")
	}
	if want := s.Length() / bytesFrame; int64(frames) < want {
		return nil, 0, fmt.Errorf("sound: damaged episode: %d of %d samples", frames, want)
	}
	pcm = make([]float32, frames)
	for i := range pcm {
		l := math.Float32frombits(le32(raw[i*8:]))
		r := math.Float32frombits(le32(raw[i*8+4:]))
		pcm[i] = (l + r) / 2
	}
	return pcm, s.SampleRate(), nil
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// The process has at most one audio context; Enable makes it once.
var (
	contextMu sync.Mutex
	theCtx    *audio.Context
)

func sharedContext() *audio.Context {
	contextMu.Lock()
	defer contextMu.Unlock()
	if theCtx == nil {
		if c := audio.CurrentContext(); c != nil {
			theCtx = c // made elsewhere in the program
		} else {
			theCtx = audio.NewContext(SampleRate)
		}
	}
	return theCtx
}

// Enable creates the audio context (once per process) and starts playing as
// soon as the episode is loaded. Call it when sound is wanted: at start when
// not muted, or when the player unmutes. When no sound device can exist it
// creates nothing and returns ErrNoDevice the first time, nil afterwards;
// the Podcast then stays silent and State reports ready false.
func (p *Podcast) Enable() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.enabled {
		return nil
	}
	p.enabled = true
	if ok, _ := DeviceAvailable(); !ok {
		p.noDevice = true
		return ErrNoDevice
	}
	p.ctx = sharedContext()
	return p.start()
}

// start makes the stream and its player once both the episode and the
// context are there. The caller holds p.mu.
func (p *Podcast) start() error {
	if p.pcm == nil || p.ctx == nil || p.st != nil {
		return nil
	}
	st := newStream(p.pcm, p.srcRate, p.ctx.SampleRate())
	st.setMaster(p.gain())
	player, err := p.ctx.NewPlayerF32(st)
	if err != nil {
		return fmt.Errorf("sound: %w", err)
	}
	// A short buffer keeps rate changes and jumps prompt.
	player.SetBufferSize(playerBuffer)
	rate := float64(p.ctx.SampleRate())
	p.played = func() int64 {
		return int64(player.Position().Seconds() * rate)
	}
	p.st, p.player = st, player
	p.was = [MaxVoices]bool{}
	player.Play()
	p.applyLocked()
	return nil
}

// SetMuted mutes or unmutes. Muting never touches the audio device; the
// voices keep their places so unmuting is in step. Unmuting calls Enable and
// returns its error (ErrNoDevice at most once).
func (p *Podcast) SetMuted(muted bool) error {
	p.mu.Lock()
	p.muted = muted
	if p.st != nil {
		p.st.setMaster(p.gain())
	}
	p.mu.Unlock()
	if !muted {
		return p.Enable()
	}
	return nil
}

// SetVolume sets the volume, 0..1 (1 by default).
func (p *Podcast) SetVolume(v float64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.volume = clamp(v, 0, 1)
	if p.st != nil {
		p.st.setMaster(p.gain())
	}
}

func (p *Podcast) gain() float64 {
	if p.muted {
		return 0
	}
	return p.volume
}

// Set is SetVoices with one voice.
func (p *Podcast) Set(t Target) { p.SetVoices([]Voice{t}) }

// SetVoices gives the model's state of every voice; call it once per game
// frame. Voices beyond MaxVoices are ignored; voices left out fade away.
func (p *Podcast) SetVoices(vs []Voice) {
	if len(vs) > MaxVoices {
		vs = vs[:MaxVoices]
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.targets = append(p.targets[:0], vs...)
	p.applyLocked()
}

// applyLocked steers the stream's voices towards the targets.
// The caller holds p.mu.
func (p *Podcast) applyLocked() {
	if p.st == nil {
		return
	}
	st := p.st
	st.setVoiceCount(len(p.targets))
	for i := len(p.targets); i < MaxVoices; i++ {
		p.was[i] = false
	}
	played := int64(math.MaxInt64)
	if p.played != nil {
		played = p.played()
	}
	for i, v := range p.targets {
		playing := v.Playing && v.Rate > 0 && !math.IsNaN(v.Position) && !math.IsNaN(v.Rate)
		rate := 1.0
		if playing {
			rate = clamp(v.Rate, MinRate, MaxRate)
		}
		if !playing {
			st.setVoice(i, false, rate, v.Pan)
			p.was[i] = false
			continue
		}
		pos, gen, _, head := st.audible(i, played)
		lag := 0.0 // real seconds between the read head and the speaker
		if played < head {
			lag = float64(head-played) / st.outRate
		}
		ahead := v.Position + lag*rate // where the read head should be
		switch {
		case !p.was[i]:
			// Starting (or resuming): begin exactly where the model is.
			p.gen[i]++
			st.jumpVoice(i, ahead, p.gen[i])
			st.setVoice(i, true, rate, v.Pan)
		case gen != p.gen[i]:
			// A jump is on its way to the speaker; aim it again.
			st.retarget(i, ahead)
			st.setVoice(i, true, rate, v.Pan)
		default:
			drift := v.Position - pos
			if math.Abs(drift) > math.Max(DriftJump, rate/8) {
				p.gen[i]++
				st.jumpVoice(i, ahead, p.gen[i])
				st.setVoice(i, true, rate, v.Pan)
				break
			}
			r := rate
			if math.Abs(drift) > deadband {
				r += clamp(drift*nudgeGain, -maxNudge*rate, maxNudge*rate)
			}
			st.setVoice(i, true, r, v.Pan)
		}
		p.was[i] = true
	}
}

// State reports, for the game's audio state: ready, the episode is loaded
// and the audio context is running; playing, a voice is audible now (ready,
// not muted, volume above 0, a target playing within the episode); muted;
// and position, the episode second of the first voice as heard (the model's
// position when nothing is running).
func (p *Podcast) State() (ready, playing, muted bool, position float64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	muted = p.muted
	// (A stream without a context exists only in tests.)
	ready = p.st != nil && (p.ctx == nil || p.ctx.IsReady())
	if len(p.targets) > 0 {
		position = p.targets[0].Position
	}
	if p.st != nil && len(p.targets) > 0 {
		played := int64(math.MaxInt64)
		if p.played != nil {
			played = p.played()
		}
		position, _, _, _ = p.st.audible(0, played)
	}
	if ready && !p.muted && p.volume > 0 {
		d := p.duration()
		for _, v := range p.targets {
			if v.Playing && v.Rate > 0 && v.Position >= 0 && v.Position < d {
				playing = true
			}
		}
	}
	return ready, playing, muted, position
}

// Duration is the episode's length in seconds, or 0 before Load.
func (p *Podcast) Duration() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.duration()
}

func (p *Podcast) duration() float64 {
	if p.srcRate == 0 {
		return 0
	}
	return float64(len(p.pcm)) / float64(p.srcRate)
}

// Close stops the player for good; the Podcast is silent afterwards. The
// audio context stays (there is one per process).
func (p *Podcast) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.player == nil {
		return
	}
	p.player.PauseAndStopReading()
	p.player, p.st, p.played = nil, nil, nil
}
