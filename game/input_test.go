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
		ebiten.KeySpace:        play.TogglePlay,
		ebiten.KeyArrowLeft:    play.StepMinuteBack,
		ebiten.KeyArrowRight:   play.StepMinuteForward,
		ebiten.KeyBracketLeft:  play.StepEventBack,
		ebiten.KeyBracketRight: play.StepEventForward,
		ebiten.KeyT:            play.ToggleShare,
		ebiten.Key0:            play.SetView,
		ebiten.KeyEqual:        play.Faster,
		ebiten.KeyMinus:        play.Slower,
		ebiten.KeyR:            play.Restart,
		ebiten.KeyM:            play.ToggleMute,
		ebiten.KeyArrowUp:      play.VolumeUp,
		ebiten.KeyArrowDown:    play.VolumeDown,
		ebiten.KeyC:            play.ToggleCode,
		ebiten.KeyEscape:       play.CloseOverlay,
	}
	for key, kind := range want {
		got := keysDown(func(k ebiten.Key) bool { return k == key }, nil)
		if len(got) != 1 || got[0].Kind != kind {
			t.Errorf("key %v: %+v, want intent %d", key, got, kind)
		}
	}
	// Keys pressed together apply in binding order, the same every run.
	both := keysDown(func(k ebiten.Key) bool { return k == ebiten.KeyArrowRight || k == ebiten.KeySpace }, nil)
	if len(both) != 2 || both[0].Kind != play.TogglePlay || both[1].Kind != play.StepMinuteForward {
		t.Errorf("space and → together: %+v, want play/pause then step", both)
	}
	// A horizontal swipe steps by event; a short or mostly vertical one
	// is no swipe.
	for _, c := range []struct {
		x0, y0, x1, y1 int
		want           play.IntentKind // 0: none
	}{
		{200, 100, 100, 110, play.StepEventForward},
		{100, 100, 200, 90, play.StepEventBack},
		{100, 100, 130, 100, 0},
		{100, 100, 160, 200, 0},
	} {
		in, ok := swipeIntent(c.x0, c.y0, c.x1, c.y1, 48)
		if ok != (c.want != 0) || ok && in.Kind != c.want {
			t.Errorf("swipe %+v: %+v %v, want %v", c, in, ok, c.want)
		}
	}
	help := strings.Join(hud.HelpLines, "\n")
	for _, s := range []string{"Space", "← →", "[ ]", "T ", "0 ", "1 – 6", "+ −", "R ", "M ", "↑ ↓", "C ", "?"} {
		if !strings.Contains(help, s) {
			t.Errorf("the help does not mention %q", s)
		}
	}
}
