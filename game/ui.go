package game

import (
	"bytes"
	"image"
	"image/color"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
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

// Fonts: one small family (Go's own fonts), sources parsed once.
var (
	fontOnce    sync.Once
	fontRegular *text.GoTextFaceSource
	fontBold    *text.GoTextFaceSource
)

func loadFonts() {
	fontOnce.Do(func() {
		var err error
		if fontRegular, err = text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF)); err != nil {
			panic(err) // embedded font data; cannot fail
		}
		if fontBold, err = text.NewGoTextFaceSource(bytes.NewReader(gobold.TTF)); err != nil {
			panic(err)
		}
	})
}

// faces caches text faces by size, so a frame never builds one.
type faces struct {
	regular map[float64]*text.GoTextFace
	bold    map[float64]*text.GoTextFace
}

func (f *faces) get(size float64, bold bool) *text.GoTextFace {
	loadFonts()
	m, src := &f.regular, fontRegular
	if bold {
		m, src = &f.bold, fontBold
	}
	if *m == nil {
		*m = map[float64]*text.GoTextFace{}
	}
	face, ok := (*m)[size]
	if !ok {
		face = &text.GoTextFace{Source: src, Size: size}
		(*m)[size] = face
	}
	return face
}

// drawText draws s with its top-left corner at (x, y).
func drawText(dst *ebiten.Image, s string, face *text.GoTextFace, x, y float64, clr color.Color) {
	op := &text.DrawOptions{}
	op.GeoM.Translate(x, y)
	op.ColorScale.ScaleWithColor(clr)
	text.Draw(dst, s, face, op)
}

// drawTextAligned draws s inside r, aligned horizontally (start, center, end)
// and centred vertically.
func drawTextAligned(dst *ebiten.Image, s string, face *text.GoTextFace, r image.Rectangle, align text.Align, clr color.Color) {
	op := &text.DrawOptions{}
	x := float64(r.Min.X)
	switch align {
	case text.AlignCenter:
		x = float64(r.Min.X+r.Max.X) / 2
	case text.AlignEnd:
		x = float64(r.Max.X)
	}
	op.GeoM.Translate(x, float64(r.Min.Y+r.Max.Y)/2)
	op.PrimaryAlign = align
	op.SecondaryAlign = text.AlignCenter
	op.ColorScale.ScaleWithColor(clr)
	text.Draw(dst, s, face, op)
}

// wrap splits s into lines no wider than width.
func wrap(s string, face *text.GoTextFace, width float64) []string {
	var lines []string
	line := ""
	word := ""
	flush := func() {
		if word == "" {
			return
		}
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && text.Advance(try, face) > width {
			lines = append(lines, line)
			line = word
		} else {
			line = try
		}
		word = ""
	}
	for _, r := range s {
		if r == ' ' {
			flush()
			continue
		}
		word += string(r)
	}
	flush()
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

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
