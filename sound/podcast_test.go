//go:build !js

package sound

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"chores/assets"

	"github.com/hajimehoshi/ebiten/v2/audio"
)

func episode(t *testing.T) []byte {
	t.Helper()
	done := make(chan assets.EpisodeResult, 1)
	assets.LoadEpisode(done)
	res := <-done
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	return res.Data
}

func TestLoadEpisode(t *testing.T) {
	p := New()
	start := time.Now()
	if err := p.Load(episode(t)); err != nil {
		t.Fatal(err)
	}
	t.Logf("decoded in %v", time.Since(start))
	if d := p.Duration(); !near(d, assets.EpisodeSeconds, 1e-9) {
		t.Errorf("duration %v, want %v", d, assets.EpisodeSeconds)
	}
	if err := p.Load(episode(t)); err == nil {
		t.Error("a second Load gave no error")
	}
}

func TestDamagedEpisode(t *testing.T) {
	good := episode(t)
	flipped := append([]byte(nil), good...)
	for i := len(flipped) / 3; i < len(flipped)/3+64; i++ {
		flipped[i] ^= 0x5a
	}
	for name, data := range map[string][]byte{
		"nil":       nil,
		"garbage":   []byte("this is not an ogg file, it is a shopping list: soap, sponges"),
		"ogg magic": append([]byte("OggS"), make([]byte, 200)...),
		"header":    good[:100],
		"half":      good[:len(good)/2],
		"all but 1": good[:len(good)-1],
		"flipped":   flipped,
	} {
		p := New()
		err := p.Load(data)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		// The Podcast carries on, silent.
		p.Set(Target{Playing: true, Position: 1, Rate: 1})
		if ready, playing, _, pos := p.State(); ready || playing || pos != 1 {
			t.Errorf("%s: State = %v %v _ %v after a failed load", name, ready, playing, pos)
		}
	}
}

func TestNoContextUntilEnabled(t *testing.T) {
	p := New()
	if err := p.Load(episode(t)); err != nil {
		t.Fatal(err)
	}
	if err := p.SetMuted(true); err != nil {
		t.Fatal(err)
	}
	p.SetVolume(0.7)
	p.Set(Target{Playing: true, Position: 3, Rate: 2})
	ready, playing, muted, pos := p.State()
	if ready || playing || !muted || pos != 3 {
		t.Errorf("State = %v %v %v %v; want not ready, not playing, muted, 3", ready, playing, muted, pos)
	}
	if audio.CurrentContext() != nil {
		t.Error("an audio context exists, but nothing enabled sound")
	}
}

func TestEnableWithoutDevice(t *testing.T) {
	t.Setenv("ALSA_CONFIG_PATH", "")
	t.Setenv("PULSE_SERVER", "")
	if ok, why := DeviceAvailable(); ok {
		t.Skipf("this machine has a sound device (%s)", why)
	}
	p := New()
	if err := p.Enable(); !errors.Is(err, ErrNoDevice) {
		t.Fatalf("Enable = %v, want ErrNoDevice", err)
	}
	if err := p.Enable(); err != nil {
		t.Errorf("second Enable = %v, want nil (reported once)", err)
	}
	if err := p.SetMuted(false); err != nil {
		t.Errorf("unmuting = %v, want nil (reported once)", err)
	}
	if audio.CurrentContext() != nil {
		t.Error("an audio context was made without a device")
	}
	if err := p.Load(episode(t)); err != nil {
		t.Fatal(err)
	}
	p.Set(Target{Playing: true, Position: 1, Rate: 1})
	if ready, playing, _, _ := p.State(); ready || playing {
		t.Error("State says ready or playing without a device")
	}
}

func TestDeviceAvailableALSAConfig(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "asound.conf")
	if err := os.WriteFile(cfg, []byte("pcm.!default { type null }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ALSA_CONFIG_PATH", cfg)
	if ok, why := DeviceAvailable(); !ok {
		t.Errorf("with ALSA_CONFIG_PATH: not available (%s)", why)
	}
}

// TestRenderEpisode renders 3 s of the real episode at 1x and 2x through the
// stream, checks that it is sound of the right length, and writes WAV files
// to $CHORES_WAV_DIR when that is set (to measure with `sox FILE -n stat`).
func TestRenderEpisode(t *testing.T) {
	pcm, rate, err := decode(episode(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, speed := range []float64{1, 2} {
		p := testPodcast(pcm, rate, SampleRate)
		model := 0.0
		var out []byte
		const dt = 1.0 / 60
		frames := int(SampleRate * dt)
		for i := 0; i < 180; i++ { // 3 s at 60 frames a second
			p.Set(Target{Playing: true, Position: model, Rate: speed})
			buf := make([]byte, frames*bytesFrame)
			p.st.Read(buf)
			out = append(out, buf...)
			model += speed * float64(frames) / SampleRate
		}
		n := len(out) / bytesFrame
		sum := 0.0
		for i := 0; i < n*2; i++ {
			v := float64(math.Float32frombits(binary.LittleEndian.Uint32(out[i*4:])))
			sum += v * v
		}
		r := math.Sqrt(sum / float64(2*n))
		_, _, _, pos := p.State()
		t.Logf("%vx: %d frames (%.3f s), rms %.4f, episode position %.3f s", speed, n, float64(n)/SampleRate, r, pos)
		if r < 0.02 {
			t.Errorf("%vx: rms %v, want audible sound", speed, r)
		}
		if !near(pos, 3*speed, 0.01) {
			t.Errorf("%vx: position %v after 3 s, want %v", speed, pos, 3*speed)
		}
		if dir := os.Getenv("CHORES_WAV_DIR"); dir != "" {
			name := filepath.Join(dir, "chores-"+map[float64]string{1: "1x", 2: "2x"}[speed]+".wav")
			if err := os.WriteFile(name, wav16(out, SampleRate), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// wav16 wraps stereo float32 frames as a 16-bit PCM WAV file.
func wav16(f32 []byte, rate int) []byte {
	n := len(f32) / 4
	var b bytes.Buffer
	le := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(36 + n*2))
	b.WriteString("WAVEfmt ")
	le(uint32(16))
	le(uint16(1))
	le(uint16(2))
	le(uint32(rate))
	le(uint32(rate * 4))
	le(uint16(4))
	le(uint16(16))
	b.WriteString("data")
	le(uint32(n * 2))
	for i := 0; i < n; i++ {
		v := math.Float32frombits(binary.LittleEndian.Uint32(f32[i*4:]))
		le(int16(math.Round(clamp(float64(v), -1, 1) * 32767)))
	}
	return b.Bytes()
}
