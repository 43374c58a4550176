package ui

import "image/color"

// Colors of the interface around the house, of the theme in use (SetTheme).
// The house itself is pixel art and keeps its colours in both themes.
var (
	ColBackground color.RGBA
	ColPanel      color.RGBA
	ColPanelLight color.RGBA
	ColText       color.RGBA
	ColTextDim    color.RGBA
	ColAccent     color.RGBA
	ColListen     color.RGBA
	ColWait       color.RGBA
	ColPlayhead   color.RGBA
	ColBlocked    color.RGBA // a goroutine blocked in the code view
	ColGrid       color.RGBA
	ColShade      color.RGBA // over the part of the timeline not reached yet
	ColMarked     color.RGBA // a marked line of code
	ColSelected   color.RGBA // the selected person's marked line
)

// ColOnDark is text on the dark, see-through boxes drawn over the house
// (labels, captions, notices) in either theme.
var ColOnDark = color.RGBA{0xf4, 0xef, 0xe6, 0xff}

// palette is one theme's colours.
type palette struct {
	background, panel, panelLight, text, textDim, accent, listen, wait, playhead, blocked, grid, shade, marked, selected color.RGBA
}

var themes = map[string]palette{
	// Dark: for a screen in a room of its own.
	"dark": {
		background: color.RGBA{0x1d, 0x1f, 0x33, 0xff},
		panel:      color.RGBA{0x27, 0x2a, 0x45, 0xff},
		panelLight: color.RGBA{0x34, 0x38, 0x5a, 0xff},
		text:       color.RGBA{0xf4, 0xef, 0xe6, 0xff},
		textDim:    color.RGBA{0xa9, 0xa8, 0xc0, 0xff},
		accent:     color.RGBA{0xff, 0xb3, 0x47, 0xff},
		listen:     color.RGBA{0xb0, 0x7c, 0xff, 0xff},
		wait:       color.RGBA{0x8a, 0x8d, 0xa3, 0xff},
		playhead:   color.RGBA{0xff, 0x5d, 0x73, 0xff},
		blocked:    color.RGBA{0xff, 0x8a, 0x9a, 0xff},
		grid:       color.RGBA{0x3d, 0x41, 0x66, 0xff},
		shade:      color.RGBA{0x1d, 0x1f, 0x33, 0x90},
		marked:     color.RGBA{0x4a, 0x3a, 0x20, 0xff},
		selected:   color.RGBA{0x7a, 0x55, 0x18, 0xff},
	},
	// Light: a projector washes dark grey into black and pale text into
	// nothing; dark text on a light ground survives it.
	"light": {
		background: color.RGBA{0xf6, 0xf2, 0xea, 0xff},
		panel:      color.RGBA{0xff, 0xff, 0xff, 0xff},
		panelLight: color.RGBA{0xe4, 0xde, 0xd2, 0xff},
		text:       color.RGBA{0x1c, 0x1b, 0x24, 0xff},
		textDim:    color.RGBA{0x4f, 0x4c, 0x5c, 0xff},
		accent:     color.RGBA{0xb3, 0x4d, 0x00, 0xff},
		listen:     color.RGBA{0x6a, 0x3a, 0xc8, 0xff},
		wait:       color.RGBA{0x6d, 0x70, 0x84, 0xff},
		playhead:   color.RGBA{0xd0, 0x1a, 0x3a, 0xff},
		blocked:    color.RGBA{0xb0, 0x1c, 0x38, 0xff},
		grid:       color.RGBA{0xc9, 0xc3, 0xb6, 0xff},
		shade:      color.RGBA{0xf6, 0xf2, 0xea, 0xa0},
		marked:     color.RGBA{0xff, 0xe2, 0xb0, 0xff},
		selected:   color.RGBA{0xff, 0xc2, 0x66, 0xff},
	},
}

var theme string

func init() { SetTheme("dark") }

// SetTheme switches the palette ("dark" or "light"; anything else is dark).
func SetTheme(name string) {
	if name == theme {
		return
	}
	t, ok := themes[name]
	if !ok {
		name, t = "dark", themes["dark"]
	}
	theme = name
	ColBackground, ColPanel, ColPanelLight = t.background, t.panel, t.panelLight
	ColText, ColTextDim, ColAccent = t.text, t.textDim, t.accent
	ColListen, ColWait, ColPlayhead, ColBlocked = t.listen, t.wait, t.playhead, t.blocked
	ColGrid, ColShade, ColMarked, ColSelected = t.grid, t.shade, t.marked, t.selected
}

// Theme is the theme in use.
func Theme() string { return theme }

// roomColors tell rooms apart on the timeline: the four default rooms get
// their own, and further rooms cycle through the list.
var roomColors = []color.RGBA{
	{0xff, 0x9f, 0x43, 0xff}, // kitchen: orange
	{0x5c, 0xc8, 0x6e, 0xff}, // living room: green
	{0x4d, 0x9d, 0xe0, 0xff}, // bedroom: blue
	{0x3e, 0xc9, 0xc0, 0xff}, // bathroom: teal
	{0xf2, 0xd0, 0x4b, 0xff},
	{0xe8, 0x7c, 0xa0, 0xff},
	{0x9a, 0xd1, 0x5b, 0xff},
	{0x7f, 0x9c, 0xf5, 0xff},
}

func RoomColor(i int) color.RGBA { return roomColors[i%len(roomColors)] }
