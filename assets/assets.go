// Package assets holds the files the game ships with: the "Small Wonders" podcast
// episode (an Ogg Vorbis file made by podcast/make-podcast.sh) and its
// captions.
//
// The captions are embedded in every build. The episode is embedded in native
// builds only; the WebAssembly build fetches it from the page's directory
// (EpisodeURL) so that the .wasm file stays small. Either way LoadEpisode
// delivers the bytes on a channel and never blocks its caller.
package assets

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"sync"
)

// EpisodeSeconds is the length of the episode audio. The model's episode
// lasts 45 virtual minutes and the game plays 3 virtual minutes per real
// second at 1x, so the audio is 15 seconds long.
const EpisodeSeconds = 15.0

// EpisodeURL is where the WebAssembly build fetches the episode from,
// relative to the page. The web build must copy podcast/episode.ogg there.
const EpisodeURL = "episode.ogg"

// EpisodeResult is what LoadEpisode delivers: the raw Ogg Vorbis bytes, or an
// error saying why they could not be had. Data must not be modified.
type EpisodeResult struct {
	Data []byte
	Err  error
}

// Caption is one line of the episode's captions, timed in seconds of episode
// audio: it is shown from Start until End.
type Caption struct {
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	Text  string  `json:"text"`
}

//go:embed podcast/captions.json
var captionsJSON []byte

var (
	captionsOnce sync.Once
	captions     []Caption
	captionsErr  error
)

// Captions returns the episode's captions in order. The slice is a copy.
func Captions() ([]Caption, error) {
	captionsOnce.Do(func() {
		captions, captionsErr = ParseCaptions(captionsJSON)
	})
	if captionsErr != nil {
		return nil, captionsErr
	}
	return append([]Caption(nil), captions...), nil
}

// ParseCaptions reads captions in the form written by make-podcast.sh:
// a JSON array of {"start", "end", "text"} in seconds. Captions must be in
// order, must not overlap, and must lie within the episode.
func ParseCaptions(data []byte) ([]Caption, error) {
	var cs []Caption
	if err := json.Unmarshal(data, &cs); err != nil {
		return nil, fmt.Errorf("assets: captions: %w", err)
	}
	if len(cs) == 0 {
		return nil, errors.New("assets: captions: none")
	}
	prevEnd := 0.0
	for i, c := range cs {
		switch {
		case math.IsNaN(c.Start) || math.IsNaN(c.End):
			return nil, fmt.Errorf("assets: captions[%d]: time is not a number", i)
		case c.Start < 0 || c.End > EpisodeSeconds:
			return nil, fmt.Errorf("assets: captions[%d]: %.3f..%.3f is outside 0..%g s", i, c.Start, c.End, EpisodeSeconds)
		case c.End <= c.Start:
			return nil, fmt.Errorf("assets: captions[%d]: end %.3f is not after start %.3f", i, c.End, c.Start)
		case c.Start < prevEnd:
			return nil, fmt.Errorf("assets: captions[%d]: starts at %.3f, before the previous one ends (%.3f)", i, c.Start, prevEnd)
		case c.Text == "":
			return nil, fmt.Errorf("assets: captions[%d]: empty text", i)
		}
		prevEnd = c.End
	}
	return cs, nil
}

// captionHold is how long a caption stays up after its end when the next one
// has not started yet, so short pauses between lines do not flicker.
const captionHold = 0.5

// CaptionAt returns the caption text to show at t seconds into the episode,
// or "" when nothing is being said. A line stays up through a pause of up to
// half a second before the next line.
func CaptionAt(t float64) string {
	cs, err := Captions()
	if err != nil {
		return ""
	}
	return captionAt(cs, t)
}

func captionAt(cs []Caption, t float64) string {
	// The last caption that has started by t.
	i := sort.Search(len(cs), func(i int) bool { return cs[i].Start > t }) - 1
	if i < 0 {
		return ""
	}
	if t < cs[i].End+captionHold {
		return cs[i].Text
	}
	return ""
}
