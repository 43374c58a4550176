//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestJSAPI: every window.chores call changes the state as DESIGN.md says,
// and bad calls answer {ok: false, error} without throwing.
func TestJSAPI(t *testing.T) {
	tb := newTabSize(t, smallW, smallH)
	tb.open("/index.html?autoplay=0")
	tb.wait("paused at start", func(s State) bool { return !s.Playing })

	tb.callOK(top, "play")
	tb.wait("play() → playing", func(s State) bool { return s.Playing })
	tb.callOK(top, "pause")
	s := tb.wait("pause() → paused", func(s State) bool { return !s.Playing })
	m := s.Minute
	time.Sleep(700 * time.Millisecond)
	if s := tb.state(); s.Minute != m {
		t.Errorf("paused, yet the minute moved from %v to %v", m, s.Minute)
	}

	tb.callOK(top, "seek", "42")
	tb.wait("seek(42) → minute 42", func(s State) bool { return s.Minute == 42 && !s.Playing })
	tb.callOK(top, "seek", "0")
	tb.wait("seek(0) → minute 0", func(s State) bool { return s.Minute == 0 })
	tb.callOK(top, "seek", "1e9")
	tb.wait("seek(1e9) → clamped to the makespan", func(s State) bool { return s.Minute == s.Makespan && s.Done })

	tb.callOK(top, "setScenario", strconv.Quote("parallelism-2"))
	tb.wait("setScenario(parallelism-2)", func(s State) bool {
		return s.Scenario == "parallelism-2" && s.Makespan == 75 && s.Minute < 10
	})

	scenario := presetJSON(t, "from a string")
	tb.callOK(top, "setScenario", strconv.Quote(string(scenario)))
	tb.wait("setScenario(<JSON string>)", func(s State) bool { return s.Scenario == "from a string" && s.Makespan == 75 })

	object := presetJSON(t, "from an object")
	tb.callOK(top, "setScenario", string(object)) // a JavaScript object literal
	tb.wait("setScenario(<object>)", func(s State) bool { return s.Scenario == "from an object" && s.Makespan == 75 })

	// Back to a preset by name after custom ones.
	tb.callOK(top, "setScenario", strconv.Quote("best-of-both"))
	tb.wait("setScenario(best-of-both)", func(s State) bool { return s.Scenario == "best-of-both" && s.Makespan == 45 })

	for _, x := range []string{"4", "0.5", "8", "1"} {
		tb.callOK(top, "setSpeed", x)
		want, _ := strconv.ParseFloat(x, 64)
		tb.wait("setSpeed("+x+")", func(s State) bool { return s.Speed == want })
	}

	tb.callOK(top, "mute", "true")
	tb.wait("mute(true) → muted", func(s State) bool { return s.Audio.Muted })
	tb.callOK(top, "mute", "false")
	tb.wait("mute(false) → not muted", func(s State) bool { return !s.Audio.Muted })

	// Bad calls: {ok: false, error: "..."}, no exception, no change.
	tb.callOK(top, "pause")
	tb.callOK(top, "seek", "10")
	before := tb.wait("paused at 10", func(s State) bool { return !s.Playing && s.Minute == 10 })
	bad := []struct{ name, args string }{
		{"seek", `"x"`},
		{"seek", `-1`},
		{"seek", ``},
		{"seek", `NaN`},
		{"seek", `Infinity`},
		{"setSpeed", `NaN`},
		{"setSpeed", `100`},
		{"setSpeed", `0`},
		{"setSpeed", `"2"`},
		{"setSpeed", ``},
		{"setScenario", `"nope"`},
		{"setScenario", `"{bad json"`},
		{"setScenario", `{"name": "half"}`},
		{"setScenario", ``},
		{"setScenario", `42`},
		{"mute", `"yes"`},
	}
	for _, c := range bad {
		expr := fmt.Sprintf("window.chores.%s(%s)", c.name, c.args)
		res, err := evalJS[map[string]any](tb, expr)
		if err != nil {
			t.Errorf("%s threw or failed: %v", expr, err)
			continue
		}
		msg, _ := res["error"].(string)
		if res["ok"] != false || strings.TrimSpace(msg) == "" {
			t.Errorf("%s = %v, want {ok: false, error: <a message>}", expr, res)
		}
	}
	time.Sleep(500 * time.Millisecond)
	after := tb.state()
	if after.Scenario != before.Scenario || after.Minute != before.Minute || after.Speed != before.Speed || after.Playing != before.Playing || after.Audio.Muted != before.Audio.Muted {
		t.Errorf("bad calls changed the state:\nbefore %s\nafter  %s", before, after)
	}
	if after.Error == "" {
		t.Errorf("after bad calls state().error is empty: %s", after)
	}
	tb.framesAdvance(top, "after bad calls")
}

// TestPostMessage: a parent page drives an embed with postMessage and gets
// its state back; malformed messages are ignored.
func TestPostMessage(t *testing.T) {
	tb := newTab(t)
	tb.navigate("/host.html")
	embed := frameWin(0)
	tb.waitReady(embed)
	tb.waitJS("a state message from the embed", `window.lastState !== null && window.lastState.chores === "state"`, stepTimeout)

	send := func(msg string) {
		t.Helper()
		if _, err := evalJS[bool](tb, "(window.send("+msg+"), true)"); err != nil {
			t.Fatalf("posting %s: %v", msg, err)
		}
	}
	// lastState must follow the embed: the iframe posts on every change.
	lastState := func(what string, cond func(State) bool) {
		t.Helper()
		deadline := time.Now().Add(stepTimeout)
		var raw string
		for time.Now().Before(deadline) {
			r, err := evalJS[json.RawMessage](tb, "window.lastState")
			if err == nil {
				raw = string(r)
				var s State
				if json.Unmarshal(r, &s) == nil && cond(s) {
					return
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("the host's lastState never showed %s; last: %s", what, raw)
	}

	send(`{chores: "pause"}`)
	tb.waitState(embed, "pause", stepTimeout, func(s State) bool { return !s.Playing })
	lastState("paused", func(s State) bool { return !s.Playing })

	send(`{chores: "play"}`)
	tb.waitState(embed, "play", stepTimeout, func(s State) bool { return s.Playing })
	lastState("playing", func(s State) bool { return s.Playing })

	send(`{chores: "pause"}`)
	send(`{chores: "seek", value: 20}`)
	tb.waitState(embed, "seek 20", stepTimeout, func(s State) bool { return s.Minute == 20 && !s.Playing })
	lastState("minute 20", func(s State) bool { return s.Minute == 20 })

	send(`{chores: "scenario", value: "best-of-both"}`)
	tb.waitState(embed, "scenario best-of-both", stepTimeout, func(s State) bool { return s.Scenario == "best-of-both" })
	lastState("best-of-both", func(s State) bool { return s.Scenario == "best-of-both" })

	send(`{chores: "scenario", value: ` + string(presetJSON(t, "posted object")) + `}`)
	tb.waitState(embed, "scenario as an object", stepTimeout, func(s State) bool { return s.Scenario == "posted object" })

	send(`{chores: "scenario", value: ` + strconv.Quote(string(presetJSON(t, "posted string"))) + `}`)
	tb.waitState(embed, "scenario as a JSON string", stepTimeout, func(s State) bool { return s.Scenario == "posted string" })

	send(`{chores: "speed", value: 2}`)
	tb.waitState(embed, "speed 2", stepTimeout, func(s State) bool { return s.Speed == 2 })
	lastState("speed 2", func(s State) bool { return s.Speed == 2 })

	// The embed starts muted (poster); unmute, then mute again.
	send(`{chores: "mute", value: false}`)
	tb.waitState(embed, "mute false", stepTimeout, func(s State) bool { return !s.Audio.Muted })
	send(`{chores: "mute", value: true}`)
	tb.waitState(embed, "mute true", stepTimeout, func(s State) bool { return s.Audio.Muted })
	lastState("muted", func(s State) bool { return s.Audio.Muted })

	// Malformed messages change nothing and throw nothing (exceptions
	// would fail the test when the tab closes).
	send(`{chores: "pause"}`)
	send(`{chores: "seek", value: 10}`)
	before := tb.waitState(embed, "paused at 10", stepTimeout, func(s State) bool { return !s.Playing && s.Minute == 10 })
	for _, msg := range []string{
		`"play"`,
		`{chores: "fly"}`,
		`{chores: "seek", value: "x"}`,
		`{chores: "seek", value: -5}`,
		`{chores: "seek"}`,
		`{chores: "speed", value: "fast"}`,
		`{chores: "speed", value: 0}`,
		`{chores: "mute", value: "yes"}`,
		`{chores: "scenario", value: 7}`,
		`{chores: "scenario", value: ""}`,
		`{chores: "PLAY"}`,
		`["play"]`,
		`null`,
		`undefined`,
		`42`,
	} {
		send(msg)
	}
	time.Sleep(time.Second)
	after, err := tb.stateOf(embed)
	if err != nil {
		t.Fatal(err)
	}
	if after.Scenario != before.Scenario || after.Minute != before.Minute || after.Speed != before.Speed || after.Playing != before.Playing || after.Audio.Muted != before.Audio.Muted {
		t.Errorf("malformed messages changed the state:\nbefore %s\nafter  %s", before, after)
	}
	tb.framesAdvance(embed, "after malformed messages")

	// Commands sent before the game is ready are queued and replayed in
	// order.
	tb.navigate("/host.html?early=1")
	tb.waitReady(embed)
	s := tb.waitState(embed, "the early commands replayed", stepTimeout, func(s State) bool {
		return s.Scenario == "parallelism-1" && !s.Playing && s.Minute == 33 && s.Speed == 4
	})
	if early := mustEval[bool](tb, "window.earlyBeforeReady === true"); !early {
		t.Logf("note: the embed was ready before its load event; the queue was not exercised (%s)", s)
	}
}
