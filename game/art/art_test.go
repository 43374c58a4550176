package art

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"testing"
)

// TestWritePreview builds the preview sheet and, when ART_PREVIEW names a
// file, writes it there scaled 4× so the art can be looked at:
//
//	ART_PREVIEW=/tmp/art.png go test ./game/art/ -run Preview
func TestWritePreview(t *testing.T) {
	sheet := Sheet()
	if empty(sheet) {
		t.Fatal("empty sheet")
	}
	path := os.Getenv("ART_PREVIEW")
	if path == "" {
		return
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, scaleUp(sheet, 4)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func scaleUp(src *image.RGBA, k int) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx()*k, b.Dy()*k))
	for y := 0; y < b.Dy()*k; y++ {
		for x := 0; x < b.Dx()*k; x++ {
			dst.SetRGBA(x, y, src.RGBAAt(b.Min.X+x/k, b.Min.Y+y/k))
		}
	}
	return dst
}

func empty(img *image.RGBA) bool {
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] != 0 {
			return false
		}
	}
	return true
}

// diff counts pixels that differ between two images of the same size.
func diff(a, b *image.RGBA) int {
	if a.Bounds().Size() != b.Bounds().Size() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	for i := 0; i < len(a.Pix); i += 4 {
		if !bytes.Equal(a.Pix[i:i+4], b.Pix[i:i+4]) {
			n++
		}
	}
	return n
}

// sprites lists every sprite the package makes, by name.
func sprites() map[string]*image.RGBA {
	m := map[string]*image.RGBA{
		"Phone": Phone(), "Airpods": Airpods(), "HomeTheatre": HomeTheatre(),
		"Bubble": Bubble(), "Broom": Broom(), "Sofa": Sofa(),
		"Roof": Roof(120), "Walls": Walls(100, 60), "Slab": Slab(100),
		"Post": Post(50), "Ground": Ground(100),
	}
	for i, img := range SoundWaves() {
		m[fmt.Sprint("SoundWaves", i)] = img
	}
	for i, img := range MusicNote() {
		m[fmt.Sprint("MusicNote", i)] = img
	}
	for i, img := range Dust(3) {
		m[fmt.Sprint("Dust", i)] = img
	}
	for i := Icon(0); i < NumIcons; i++ {
		m[fmt.Sprint("Icon", i)] = HUDIcon(i)
	}
	for k := RoomKind(0); k < NumRoomKinds; k++ {
		for _, sz := range [][2]int{{48, 36}, {96, 54}, {160, 90}} {
			m[fmt.Sprint(k, sz)] = Room(k, sz[0], sz[1])
		}
	}
	for s := 0; s < NumStyles; s++ {
		p := Person(s)
		for a, anim := range p.All {
			for i, f := range anim {
				m[fmt.Sprint(p.Name, p.Names[a], i)] = f.Image
				m[fmt.Sprint(p.Name, p.Names[a], i, "airpods")] = f.Airpods
			}
		}
	}
	return m
}

func TestSpritesNotEmpty(t *testing.T) {
	for name, img := range sprites() {
		if img == nil || img.Bounds().Empty() || empty(img) {
			t.Errorf("%s is empty", name)
		}
	}
}

func TestSizes(t *testing.T) {
	for s := 0; s < NumStyles; s++ {
		p := Person(s)
		wantLen := map[string][2]int{"Idle": {2, 2}, "Walk": {4, 4}, "Sweep": {4, 4}, "Sit": {1, 2}, "Tap": {2, 4}}
		for a, anim := range p.All {
			name := p.Names[a]
			if n := len(anim); n < wantLen[name][0] || n > wantLen[name][1] {
				t.Errorf("%s %s: %d frames", p.Name, name, n)
			}
			for i, f := range anim {
				for _, img := range []*image.RGBA{f.Image, f.Airpods} {
					if sz := img.Bounds().Size(); sz != image.Pt(FrameW, FrameH) {
						t.Errorf("%s %s %d: size %v", p.Name, name, i, sz)
					}
				}
				if !image.Pt(f.HandX, f.HandY).In(image.Rect(0, 0, FrameW, FrameH)) {
					t.Errorf("%s %s %d: hand (%d,%d) outside the frame", p.Name, name, i, f.HandX, f.HandY)
				}
				if diff(f.Image, f.Airpods) == 0 {
					t.Errorf("%s %s %d: airpods variant shows no airpods", p.Name, name, i)
				}
				// Feet on the bottom row.
				if empty(f.Image.SubImage(image.Rect(0, FrameH-1, FrameW, FrameH)).(*image.RGBA)) {
					t.Errorf("%s %s %d: nothing on the bottom row", p.Name, name, i)
				}
			}
		}
	}
	check := func(name string, imgs []*image.RGBA, w, h int) {
		for i, img := range imgs {
			if sz := img.Bounds().Size(); (w > 0 && sz.X != w) || (h > 0 && sz.Y != h) {
				t.Errorf("%s %d: size %v", name, i, sz)
			}
		}
	}
	check("SoundWaves", SoundWaves(), 10, 16)
	check("Dust", Dust(0), DustSize, DustSize)
	var icons []*image.RGBA
	for i := Icon(0); i < NumIcons; i++ {
		icons = append(icons, HUDIcon(i))
	}
	check("icons", icons, IconSize, IconSize)
	check("Sofa", []*image.RGBA{Sofa()}, SofaW, SofaH)
	check("HomeTheatre", []*image.RGBA{HomeTheatre()}, 24, 16)
	for _, n := range MusicNote() {
		if sz := n.Bounds().Size(); sz.X < 5 || sz.X > 10 || sz.Y > 10 {
			t.Errorf("music note size %v", sz)
		}
	}
	for _, w := range []int{40, 100, 333} {
		if sz := Roof(w).Bounds().Size(); sz != image.Pt(w, RoofHeight(w)) {
			t.Errorf("Roof(%d) size %v", w, sz)
		}
	}
	for k := RoomKind(0); k < NumRoomKinds; k++ {
		for _, sz := range [][2]int{{48, 36}, {64, 40}, {96, 54}, {120, 70}, {160, 90}} {
			img := Room(k, sz[0], sz[1])
			if got := img.Bounds().Size(); got != image.Pt(sz[0], sz[1]) {
				t.Errorf("Room(%v, %v) size %v", k, sz, got)
			}
			l := RoomLayout(k, sz[0], sz[1])
			if l.FloorY > sz[1] || l.FloorY-FrameH < 0 || l.FloorTop >= l.FloorY {
				t.Errorf("Room(%v, %v): bad floor %+v", k, sz, l)
			}
			if k == LivingRoom && len(l.Seats) < 2 {
				t.Errorf("living room %v has %d seats", sz, len(l.Seats))
			}
			for i := 3; i < len(img.Pix); i += 4 {
				if img.Pix[i] != 0xff {
					t.Fatalf("Room(%v, %v) has a transparent pixel", k, sz)
				}
			}
		}
	}
}

func TestPeopleDiffer(t *testing.T) {
	for a := 0; a < NumStyles; a++ {
		for b := a + 1; b < NumStyles; b++ {
			pa, pb := Person(a), Person(b)
			for i := range pa.All {
				for j := range pa.All[i] {
					// At least a handful of pixels, so they are told apart at a glance.
					if d := diff(pa.All[i][j].Image, pb.All[i][j].Image); d < 30 {
						t.Errorf("%s and %s differ by only %d pixels in %s %d", pa.Name, pb.Name, d, pa.Names[i], j)
					}
				}
			}
			if pa.Color == pb.Color {
				t.Errorf("%s and %s share a colour", pa.Name, pb.Name)
			}
		}
	}
	if Person(0).Name != "You" || Person(1).Name != "Friend" {
		t.Errorf("styles 0 and 1 are %q and %q", Person(0).Name, Person(1).Name)
	}
	if diff(Person(9).Idle[0].Image, Person(1).Idle[0].Image) != 0 {
		t.Error("Person does not wrap styles")
	}
}

func TestDustVariants(t *testing.T) {
	d := Dust(0)
	if len(d) < 4 {
		t.Fatalf("only %d dust sprites", len(d))
	}
	for i := range d {
		for j := i + 1; j < len(d); j++ {
			if diff(d[i], d[j]) == 0 {
				t.Errorf("dust sprites %d and %d are identical", i, j)
			}
		}
	}
	seeds := map[string]int{}
	for seed := 0; seed < 8; seed++ {
		var key bytes.Buffer
		for _, img := range Dust(seed) {
			key.Write(img.Pix)
		}
		seeds[key.String()]++
	}
	if len(seeds) < 6 {
		t.Errorf("8 seeds give only %d different dust sets", len(seeds))
	}
}

func TestDeterministic(t *testing.T) {
	a, b := sprites(), sprites()
	for name, img := range a {
		if diff(img, b[name]) != 0 {
			t.Errorf("%s differs between calls", name)
		}
	}
	if diff(Sheet(), Sheet()) != 0 {
		t.Error("Sheet differs between calls")
	}
	for v := 0; v < 3; v++ {
		if diff(RoomVariant(Generic, 64, 40, v), RoomVariant(Generic, 64, 40, v)) != 0 {
			t.Errorf("variant %d differs between calls", v)
		}
	}
}

func TestKindFor(t *testing.T) {
	for name, want := range map[string]RoomKind{
		"Kitchen": Kitchen, "Living room": LivingRoom, "bedroom": Bedroom,
		"Bathroom": Bathroom, "Garage": Generic, "Room 42": Generic,
	} {
		if got := KindFor(name); got != want {
			t.Errorf("KindFor(%q) = %v, want %v", name, got, want)
		}
	}
}
