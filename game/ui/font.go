package ui

import (
	"image"
	"image/color"
	"math"
	"strings"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// Text is drawn with a bitmap font (x/image's 7×13 basicfont) scaled by whole
// factors, like the pixel art: crisp at every size and on high-DPI screens.
// A shaping engine (ebiten's text/v2 over go-text) would have cost about
// 0.7 MB of compressed WebAssembly, more than the whole size budget allows,
// for labels and captions in one script.

const (
	glyphW       = 7  // advance
	glyphH       = 13 // line height
	glyphAscent  = 11
	glyphMissing = '?'
)

// extraGlyphs are drawn here: the basic font has no such characters, and the
// interface uses them. '#' is ink; each is 7 wide and 13 tall.
var extraGlyphs = map[rune][]string{
	'…': {"", "", "", "", "", "", "", "", "", "# # #", "", "", ""},
	'–': {"", "", "", "", "", "", "######", "", "", "", "", "", ""},
	'−': {"", "", "", "", "", "", " #####", "", "", "", "", "", ""},
	'←': {"", "", "", "", "  #", " ##", "######", " ##", "  #", "", "", "", ""},
	'→': {"", "", "", "", "   #", "   ##", "######", "   ##", "   #", "", "", "", ""},
	'↑': {"", "", "   #", "  ###", " # # #", "   #", "   #", "   #", "   #", "", "", "", ""},
	'↓': {"", "", "   #", "   #", "   #", "   #", " # # #", "  ###", "   #", "", "", "", ""},
	'♪': {"", "   #", "   ##", "   # #", "   #  #", "   #", "   #", " ###", "####", " ##", "", "", ""},
	'⌂': {"", "", "   #", "  # #", " #   #", "#     #", " #   #", " # # #", " # # #", " #####", "", "", ""},
	'≥': {"", "", " #", "  #", "   #", "    #", "   #", "  #", " #", "", " #####", "", ""},
	'·': {"", "", "", "", "", "", "  ##", "  ##", "", "", "", "", ""},
	'✓': {"", "", "", "      #", "     #", "#   #", " # #", "  #", "", "", "", "", ""},
	// A raised hand (cleaning) and an ear (listening), for the timeline's
	// lanes: told apart by shape, not only by colour.
	'✋': {"", " # # #", " # # #", " # # #", "## # #", "# #####", "#######", "#######", " ######", "  #####", "  ####", "", ""},
	'🎧': {"", "", "  ###", " #   #", "#     #", "#     #", "##   ##", "### ###", "### ###", "##   ##", "", "", ""},
}

// glyphAtlas holds every glyph once on the GPU.
type glyphAtlas struct {
	glyphs map[rune]*ebiten.Image
}

var (
	atlasOnce sync.Once
	atlas     glyphAtlas
)

func loadAtlas() *glyphAtlas {
	atlasOnce.Do(func() {
		f := basicfont.Face7x13
		var runes []rune
		for _, r := range f.Ranges {
			for c := r.Low; c < r.High; c++ {
				runes = append(runes, c)
			}
		}
		for r := range extraGlyphs {
			runes = append(runes, r)
		}
		img := image.NewRGBA(image.Rect(0, 0, glyphW*len(runes), glyphH))
		rects := map[rune]image.Rectangle{}
		for i, r := range runes {
			x := i * glyphW
			if rows, ok := extraGlyphs[r]; ok {
				for y, row := range rows {
					for dx, c := range row {
						if c == '#' {
							img.Set(x+dx, y, color.White)
						}
					}
				}
			} else {
				dr, mask, mp, _, ok := f.Glyph(fixed.P(x, glyphAscent), r)
				if !ok {
					continue
				}
				for y := dr.Min.Y; y < dr.Max.Y; y++ {
					for dx := dr.Min.X; dx < dr.Max.X; dx++ {
						_, _, _, a := mask.At(mp.X+dx-dr.Min.X, mp.Y+y-dr.Min.Y).RGBA()
						if a > 0x7fff {
							img.Set(dx, y, color.White)
						}
					}
				}
			}
			rects[r] = image.Rect(x, 0, x+glyphW, glyphH)
		}
		sheet := ebiten.NewImageFromImage(img)
		atlas.glyphs = map[rune]*ebiten.Image{}
		for r, rect := range rects {
			atlas.glyphs[r] = sheet.SubImage(rect).(*ebiten.Image)
		}
	})
	return &atlas
}

// Face is the font at one whole scale, regular or bold (drawn twice, one
// pixel apart).
type Face struct {
	scale int
	bold  bool
}

// Advance is the width of s in pixels.
func (f *Face) Advance(s string) float64 {
	n := 0
	for range s {
		n++
	}
	return float64(n * glyphW * f.scale)
}

func (f *Face) Height() int { return glyphH * f.scale }

// Faces hands out faces by requested size; a size becomes the nearest whole
// scale of the 13 px font.
type Faces struct{ m map[[2]int]*Face }

func (fs *Faces) Get(size float64, bold bool) *Face {
	scale := max(1, int(math.Round(size/glyphH)))
	key := [2]int{scale, 0}
	if bold {
		key[1] = 1
	}
	if fs.m == nil {
		fs.m = map[[2]int]*Face{}
	}
	f, ok := fs.m[key]
	if !ok {
		f = &Face{scale: scale, bold: bold}
		fs.m[key] = f
	}
	return f
}

// Horizontal alignment of drawTextAligned.
type Align int

const (
	AlignStart Align = iota
	AlignCenter
	AlignEnd
)

// DrawText draws s with its top-left corner at (x, y).
func DrawText(dst Surface, s string, f *Face, x, y float64, clr color.Color) {
	a := loadAtlas()
	var op ebiten.DrawImageOptions
	op.ColorScale.ScaleWithColor(clr)
	x, y = math.Round(x), math.Round(y)
	noteText(dst, s, f, x, y)
	// Bold is the glyph drawn twice, one screen pixel apart. At 1x that
	// would fill the one-pixel gaps of letters like m and w, so 1x text is
	// never bold.
	passes := 1
	if f.bold && f.scale >= 2 {
		passes = 2
	}
	for pass := range passes {
		cx := x + float64(pass)
		for _, r := range s {
			g, ok := a.glyphs[r]
			if !ok {
				g = a.glyphs[glyphMissing]
			}
			op.GeoM.Reset()
			op.GeoM.Scale(float64(f.scale), float64(f.scale))
			op.GeoM.Translate(cx, y)
			dst.DrawImage(g, &op)
			cx += float64(glyphW * f.scale)
		}
	}
}

// DrawTextAligned draws s inside r, aligned horizontally and centred
// vertically.
func DrawTextAligned(dst Surface, s string, f *Face, r image.Rectangle, al Align, clr color.Color) {
	w := f.Advance(s)
	x := float64(r.Min.X)
	switch al {
	case AlignCenter:
		x = float64(r.Min.X+r.Max.X)/2 - w/2
	case AlignEnd:
		x = float64(r.Max.X) - w
	}
	y := float64(r.Min.Y+r.Max.Y)/2 - float64(f.Height())/2
	DrawText(dst, s, f, x, y, clr)
}

// Wrap splits s into lines no wider than width.
func Wrap(s string, f *Face, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && f.Advance(try) > width {
			lines = append(lines, line)
			line = word
		} else {
			line = try
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// Fit is s, or as much of it as fits in w pixels followed by "…".
func Fit(s string, f *Face, w float64) string {
	if f.Advance(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && f.Advance(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
