package game

import (
	"image"
	"image/color"
	"sync"

	"chores/game/art"
	"chores/game/gifout"
	"chores/game/ui"
)

// The GIF's palette comes from the art: every colour of every sprite (the
// art's sheet), the interface's colours, and those a few frames of the
// story actually show (gifout.BuildPalette merges them to fit 255).

var sheetColors = sync.OnceValue(func() []gifout.Weighted { return countColors(nil, art.Sheet()) })

// artColors is the art's colours and the interface's, the latter weighted
// high so that they are never merged away.
func artColors() []gifout.Weighted {
	cols := append([]gifout.Weighted(nil), sheetColors()...)
	const heavy = 1 << 20
	for _, c := range []color.RGBA{ui.ColBackground, ui.ColPanel, ui.ColPanelLight, ui.ColText, ui.ColTextDim,
		ui.ColAccent, ui.ColListen, ui.ColWait, ui.ColPlayhead, ui.ColGrid, ui.ColOnDark} {
		cols = append(cols, gifout.Weighted{C: c, N: heavy})
	}
	for i := range 8 {
		cols = append(cols, gifout.Weighted{C: ui.RoomColor(i), N: heavy})
	}
	return cols
}

// countColors adds the opaque colours of img, with how many pixels each.
func countColors(cols []gifout.Weighted, img *image.RGBA) []gifout.Weighted {
	n := map[color.RGBA]int{}
	for i := 0; i+3 < len(img.Pix); i += 4 {
		if img.Pix[i+3] == 0xff {
			n[color.RGBA{img.Pix[i], img.Pix[i+1], img.Pix[i+2], 0xff}]++
		}
	}
	for c, k := range n {
		cols = append(cols, gifout.Weighted{C: c, N: k})
	}
	return cols
}
