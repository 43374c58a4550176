//go:build display

package game

import (
	"path/filepath"
	"testing"

	"chores/game/edit"
	"chores/game/play"
	"chores/sim"
)

// The editor open on a story, at a laptop's size and a phone's, with a
// refused draft's message showing: pictures to look at, and the form's
// widgets all inside the window and apart.
func TestEditorScreenshots(t *testing.T) {
	p, _ := sim.PresetByName("concurrency-1")
	for _, sz := range []struct {
		name string
		w, h int
	}{{"editor-laptop-1280x800", 1280, 800}, {"editor-phone-390x844", 390, 844}, {"editor-projector-1920x1080", 1920, 1080}} {
		_, g := renderWith(t, play.Options{Scenario: p.Scenario, UI: play.UIFull, View: play.ViewEditor}, sz.w, sz.h, 1)
		img := drawAgain(g)
		save(t, img, filepath.Join(shotsDir(t), sz.name+".png"))
		if g.edit.view == nil {
			t.Fatal("the editor view did not open")
		}
		// A refusal: You listen during cleaning with no airpods.
		g.edit.view.Apply(edit.Edit{Kind: edit.ToggleAirpods, Index: 0})
		img = drawAgain(g)
		save(t, img, filepath.Join(shotsDir(t), sz.name+"-refused.png"))
		if g.edit.view.Error() == "" {
			t.Error("a draft with a listener who cannot hear during cleaning was not refused")
		}
	}
}
