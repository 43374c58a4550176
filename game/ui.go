package game

import (
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// Colors of the interface around the house.
var (
	colBackground = color.RGBA{0x1d, 0x1f, 0x33, 0xff}
	colPanel      = color.RGBA{0x27, 0x2a, 0x45, 0xff}
	colPanelLight = color.RGBA{0x34, 0x38, 0x5a, 0xff}
	colText       = color.RGBA{0xf4, 0xef, 0xe6, 0xff}
	colTextDim    = color.RGBA{0xa9, 0xa8, 0xc0, 0xff}
	colAccent     = color.RGBA{0xff, 0xb3, 0x47, 0xff}
	colListen     = color.RGBA{0xb0, 0x7c, 0xff, 0xff}
	colWait       = color.RGBA{0x8a, 0x8d, 0xa3, 0xff}
	colPlayhead   = color.RGBA{0xff, 0x5d, 0x73, 0xff}
	colGrid       = color.RGBA{0x3d, 0x41, 0x66, 0xff}
)

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

func roomColor(i int) color.RGBA { return roomColors[i%len(roomColors)] }

func fillRect(dst *ebiten.Image, r image.Rectangle, clr color.Color) {
	vector.FillRect(dst, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), clr, false)
}

// fillRound fills a rectangle with rounded corners of radius rad.
func fillRound(dst *ebiten.Image, r image.Rectangle, rad float32, clr color.Color) {
	x, y, w, h := float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy())
	rad = min(rad, w/2, h/2)
	var p vector.Path
	p.MoveTo(x+rad, y)
	p.LineTo(x+w-rad, y)
	p.ArcTo(x+w, y, x+w, y+rad, rad)
	p.LineTo(x+w, y+h-rad)
	p.ArcTo(x+w, y+h, x+w-rad, y+h, rad)
	p.LineTo(x+rad, y+h)
	p.ArcTo(x, y+h, x, y+h-rad, rad)
	p.LineTo(x, y+rad)
	p.ArcTo(x, y, x+rad, y, rad)
	p.Close()
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(clr)
	vector.FillPath(dst, &p, nil, op)
}

func lerp(a, b, t float64) float64 { return a + (b-a)*t }
