//go:build !js

package assets

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2/audio/vorbis"
)

func TestLoadEpisodeDecodes(t *testing.T) {
	done := make(chan EpisodeResult, 1)
	LoadEpisode(done)
	var res EpisodeResult
	select {
	case res = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("LoadEpisode delivered nothing")
	}
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if n := len(res.Data); n == 0 || n > 100<<10 {
		t.Fatalf("episode is %d bytes, want 1..100 KiB", n)
	}
	s, err := vorbis.DecodeF32(bytes.NewReader(res.Data))
	if err != nil {
		t.Fatal(err)
	}
	if s.SampleRate() != 22050 {
		t.Errorf("sample rate %d, want 22050", s.SampleRate())
	}
	pcm, err := io.ReadAll(s)
	if err != nil {
		t.Fatal(err)
	}
	frames := len(pcm) / 8 // stereo float32
	if want := int(EpisodeSeconds * 22050); frames != want {
		t.Errorf("episode has %d frames, want %d (%.3f s)", frames, want, EpisodeSeconds)
	}
}
