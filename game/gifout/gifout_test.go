package gifout

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"testing"
)

// Frames in the palette's colours come back exactly, frame by frame, once
// the cut frames are drawn over each other; an unchanged frame only
// lengthens the one before.
func TestRoundTrip(t *testing.T) {
	cols := []Weighted{{color.RGBA{10, 20, 30, 255}, 100}, {color.RGBA{200, 100, 50, 255}, 10}, {color.RGBA{255, 255, 255, 255}, 5}}
	pal := BuildPalette(cols)
	if len(pal) != 4 {
		t.Fatalf("palette of %d colours, want 3 and the transparent one", len(pal))
	}
	const w, h = 40, 30
	frame := func(x int) *image.RGBA {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(img, img.Bounds(), image.NewUniform(cols[0].C), image.Point{}, draw.Src)
		draw.Draw(img, image.Rect(x, 5, x+6, 12), image.NewUniform(cols[1].C), image.Point{}, draw.Src)
		img.Set(39, 29, cols[2].C)
		return img
	}
	r := NewRecorder(pal, w, h)
	xs := []int{0, 3, 3, 10, 20}
	for _, x := range xs {
		r.Add(frame(x), 10)
	}
	if r.Frames() != 4 {
		t.Errorf("%d frames kept, want 4 (the repeated one merged)", r.Frames())
	}
	var buf bytes.Buffer
	if err := r.Encode(&buf, func() {}); err != nil {
		t.Fatal(err)
	}
	anim, err := gif.DecodeAll(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if anim.Delay[1] != 20 {
		t.Errorf("the repeated frame's time: %d, want 20", anim.Delay[1])
	}
	if b := anim.Image[1].Bounds(); b.Dx() > 9 || b.Dy() > 7 {
		t.Errorf("the second frame is %v: not cut to what changed", b)
	}
	canvas := image.NewRGBA(image.Rect(0, 0, w, h))
	want := []int{0, 3, 10, 20}
	for i, fr := range anim.Image {
		draw.Draw(canvas, fr.Bounds(), fr, fr.Bounds().Min, draw.Over)
		exp := frame(want[i])
		if !bytes.Equal(canvas.Pix, exp.Pix) {
			t.Errorf("frame %d differs from what was recorded", i)
		}
	}
}

// More colours than fit: the nearest are merged into the more used one,
// and the frequent colours stay exact.
func TestBuildPaletteMerges(t *testing.T) {
	var cols []Weighted
	for i := range 300 {
		cols = append(cols, Weighted{color.RGBA{uint8(i % 256), uint8(i / 256 * 100), 0, 255}, 1})
	}
	cols = append(cols, Weighted{color.RGBA{7, 0, 0, 255}, 1000})
	pal := BuildPalette(cols)
	if len(pal) != MaxColors+1 {
		t.Fatalf("%d entries, want %d", len(pal), MaxColors+1)
	}
	found := false
	for _, c := range pal {
		found = found || c == color.RGBA{7, 0, 0, 255}
	}
	if !found {
		t.Error("the most used colour was merged away")
	}
	if _, _, _, a := pal[len(pal)-1].RGBA(); a != 0 {
		t.Error("the last entry is not transparent")
	}
}
