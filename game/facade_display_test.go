//go:build display

package game

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"chores/game/play"
	"chores/sim"
)

var updatePosters = flag.Bool("update-posters", false, "rewrite web/posters/*.png")

// posterSize is the picture an embed's facade shows (scaled to fit).
const posterW, posterH = 480, 300

// The facade's pictures are the game's own drawing of each story's house at
// its start, committed in web/posters so that make web needs no display.
// This test draws them again and fails when a committed one is stale (run
// go test -tags display ./game -run Posters -update-posters to refresh).
func TestPostersAreFresh(t *testing.T) {
	scenarios := map[string]sim.Scenario{}
	for _, p := range sim.Presets() {
		scenarios[p.Name] = p.Scenario
	}
	// A household of one's own: the default house, nobody at work yet.
	generic := sim.Presets()[0].Scenario
	generic.Name = "custom"
	scenarios["custom"] = generic
	for name, s := range scenarios {
		_, g := renderWith(t, play.Options{Scenario: s, UI: play.UINone}, posterW, posterH, 1)
		g.caption = "" // a still picture: no podcast words over the roof
		img := drawAgain(g)
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join("..", "web", "posters", name+".png")
		if *updatePosters {
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if buf.Len() > 100_000 {
			t.Errorf("%s: the poster is %d bytes, over 100 KB", name, buf.Len())
		}
		old, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (make them: go test -tags display ./game -run Posters -update-posters)", err)
		}
		was, err := png.Decode(bytes.NewReader(old))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if d := differingPixels(toRGBA(was), img); d > 0 {
			t.Errorf("%s is stale: %d pixels differ from the game's drawing (run with -update-posters)", file, d)
		}
	}
}

func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok {
		return r
	}
	b := img.Bounds()
	out := image.NewRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.Set(x, y, img.At(x, y))
		}
	}
	return out
}
