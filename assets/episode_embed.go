//go:build !js

package assets

import _ "embed"

//go:embed podcast/episode.ogg
var episodeOGG []byte

// LoadEpisode delivers the episode's Ogg Vorbis bytes on done, from a new
// goroutine, so it never blocks. Give it a channel with room for one result.
// Native builds embed the file, so the result comes at once and has no error.
func LoadEpisode(done chan<- EpisodeResult) {
	go func() { done <- EpisodeResult{Data: episodeOGG} }()
}
