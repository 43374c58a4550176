package game

import (
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/play"
	"chores/game/view/hud"
)

// Every key the help overlay (and the README) promises is wired to its
// intent.
func TestKeysMatchTheHelp(t *testing.T) {
	want := map[ebiten.Key]play.IntentKind{
		ebiten.KeySpace:      play.TogglePlay,
		ebiten.KeyArrowLeft:  play.StepBack,
		ebiten.KeyArrowRight: play.StepForward,
		ebiten.KeyEqual:      play.Faster,
		ebiten.KeyMinus:      play.Slower,
		ebiten.KeyR:          play.Restart,
		ebiten.KeyM:          play.ToggleMute,
		ebiten.KeyArrowUp:    play.VolumeUp,
		ebiten.KeyArrowDown:  play.VolumeDown,
		ebiten.KeyC:          play.ToggleCode,
		ebiten.KeyEscape:     play.CloseOverlay,
	}
	for key, kind := range want {
		got := keysDown(func(k ebiten.Key) bool { return k == key }, nil)
		if len(got) != 1 || got[0].Kind != kind {
			t.Errorf("key %v: %+v, want intent %d", key, got, kind)
		}
	}
	// Keys pressed together apply in binding order, the same every run.
	both := keysDown(func(k ebiten.Key) bool { return k == ebiten.KeyArrowRight || k == ebiten.KeySpace }, nil)
	if len(both) != 2 || both[0].Kind != play.TogglePlay || both[1].Kind != play.StepForward {
		t.Errorf("space and → together: %+v, want play/pause then step", both)
	}
	help := strings.Join(hud.HelpLines, "\n")
	for _, s := range []string{"Space", "← →", "1 – 6", "+ −", "R ", "M ", "↑ ↓", "C ", "?"} {
		if !strings.Contains(help, s) {
			t.Errorf("the help does not mention %q", s)
		}
	}
}
