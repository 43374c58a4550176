//go:build e2e

package e2e

import (
	"strconv"
	"testing"
	"time"
)

// TestAudio: a real click unlocks audio, and the podcast is heard exactly
// while someone in the story listens.
func TestAudio(t *testing.T) {
	tb := newTabSize(t, 640, 400)
	s := tb.open("/index.html?autoplay=0")
	if s.Audio.Ready {
		t.Errorf("audio is ready before any gesture: %s", s)
	}
	tb.clickScene()
	tb.waitState(top, "audio.ready after a click", 20*time.Second, func(s State) bool { return s.Audio.Ready })
	s = tb.state()
	if s.Playing {
		t.Errorf("a click on the house in the full UI started playing: %s", s)
	}

	// concurrency-1: you listen on airpods from minute 0 to 45.
	tb.callOK(top, "setScenario", strconv.Quote("concurrency-1"))
	tb.callOK(top, "setSpeed", "1")
	a := tb.wait("concurrency-1 playing, audio playing", func(s State) bool {
		return s.Scenario == "concurrency-1" && s.Playing && s.Minute < 45 && s.Audio.Playing
	})
	time.Sleep(1500 * time.Millisecond)
	b := tb.state()
	if b.Minute < 45 && (!b.Audio.Playing || b.Audio.Position <= a.Audio.Position) {
		t.Errorf("while listening (minute %.1f → %.1f) audio should play and advance: position %.2f → %.2f; state %s",
			a.Minute, b.Minute, a.Audio.Position, b.Audio.Position, b)
	}
	if len(b.Listening) == 0 {
		t.Errorf("nobody listens at minute %.1f of concurrency-1: %s", b.Minute, b)
	}

	tb.callOK(top, "seek", "50")
	tb.wait("after the episode (minute 50): audio stops", func(s State) bool { return s.Minute >= 50 && !s.Audio.Playing })

	// sequential: cleaning until 60, then listening until 105.
	tb.callOK(top, "setScenario", strconv.Quote("sequential"))
	tb.callOK(top, "seek", "10")
	tb.wait("sequential at 10 (cleaning): no audio", func(s State) bool {
		return s.Scenario == "sequential" && s.Minute >= 10 && s.Minute < 60 && s.Playing && !s.Audio.Playing
	})
	for i := 0; i < 5; i++ {
		time.Sleep(200 * time.Millisecond)
		if s := tb.state(); s.Minute < 60 && s.Audio.Playing {
			t.Fatalf("audio plays while only cleaning: %s", s)
		}
	}
	tb.callOK(top, "seek", "70")
	tb.wait("sequential at 70 (listening): audio plays", func(s State) bool {
		return s.Minute >= 70 && s.Minute < 105 && s.Audio.Playing
	})
	tb.callOK(top, "pause")
	tb.wait("paused: audio stops", func(s State) bool { return !s.Playing && !s.Audio.Playing })
	tb.callOK(top, "play")
	tb.wait("playing again: audio plays", func(s State) bool { return s.Playing && s.Audio.Playing })
	tb.callOK(top, "mute", "true")
	tb.wait("muted: audio stops", func(s State) bool { return s.Audio.Muted && !s.Audio.Playing })
	tb.callOK(top, "mute", "false")
	tb.wait("unmuted: audio plays", func(s State) bool { return !s.Audio.Muted && s.Audio.Playing })
}

// TestAudioMuteParam: with mute=1 there is no sound, even after a click.
func TestAudioMuteParam(t *testing.T) {
	tb := newTabSize(t, 640, 400)
	tb.open("/index.html?mute=1&scenario=concurrency-1")
	s := tb.wait("muted", func(s State) bool { return s.Audio.Muted && s.Playing })
	if s.Audio.Ready || s.Audio.Playing {
		t.Errorf("mute=1, before a click: audio %+v, want not ready, not playing", s.Audio)
	}
	tb.clickScene()
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		s = tb.state()
		if !s.Audio.Muted || s.Audio.Ready || s.Audio.Playing {
			t.Fatalf("mute=1, after a click: audio %+v, want muted, not ready, not playing; state %s", s.Audio, s)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if s.Minute >= 45 {
		t.Logf("note: the check ran at minute %.1f, after the listening", s.Minute)
	}
	noNotices(tb)
}
