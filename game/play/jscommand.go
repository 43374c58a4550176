package play

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"chores/sim"
)

// The JavaScript API (window.chores) and a parent page's messages arrive as
// JavaScript values. game/platform_js.go turns each argument into a JSArg, without
// copying a string it is going to refuse, and DecodeCall, plain Go testable
// natively, decides what the call means. The rules, in one place:
//
//	play(), pause()          no arguments needed (extra ones are ignored)
//	seek(minute)             a number from 0 to 10^9 (past the end is the end)
//	setSpeed(x)              a number from MinSpeed to MaxSpeed (0.5 to 8)
//	mute(flag)               true or false; mute() with nothing, or "yes",
//	                         or 1, is refused and changes nothing (a missing
//	                         argument must not silently mute or unmute)
//	setScenario(v)           a story name or a scenario (JSON text or an
//	                         object), at most maxScenarioText characters
//
// A refused call answers {ok: false, error}, where the error quotes at most
// about 40 characters of what it was given.

// MaxScenarioText is the longest setScenario text read at all, in
// JavaScript string units (UTF-16), which are never more than the UTF-8
// bytes: sim.Parse refuses more than 1 MiB of bytes anyway.
const MaxScenarioText = 1 << 20

// JSArg is one JavaScript value as the decoder sees it.
type JSArg struct {
	Type string  // the JavaScript typeof: "undefined", "number", "string", "object", ...
	Num  float64 // for "number"
	Bool bool    // for "boolean"
	// Str is a string's text, or an object's JSON; empty when Len is over
	// maxScenarioText (it was not copied).
	Str string
	Len int // the string's (or the JSON's) length in UTF-16 units
	// Err says why an object could not be turned into JSON (a cycle, a
	// BigInt, a throwing getter).
	Err string
}

// JSCall is a decoded call: what to do.
type JSCall struct {
	Kind  IntentKind // Play, Pause, Seek, SetSpeed, SetMute or Load
	Value float64    // minute, speed, or 1 (mute) / 0 (unmute)
	Text  string     // Load: a story name or scenario JSON
}

// APINames are the window.chores commands DecodeCall knows.
var APINames = []string{"play", "pause", "seek", "setSpeed", "mute", "setScenario", "setView"}

// messageNames maps a parent's {chores: cmd} to the API call it stands for.
var messageNames = map[string]string{
	"play": "play", "pause": "pause", "seek": "seek",
	"speed": "setSpeed", "mute": "mute", "scenario": "setScenario",
}

// describe names a value for a message: its type, or the value itself when
// it is short.
func (a JSArg) describe() string {
	switch a.Type {
	case "number":
		return fmt.Sprint(a.Num)
	case "boolean":
		return fmt.Sprint(a.Bool)
	case "string":
		if a.Len > MaxScenarioText {
			return fmt.Sprintf("a string of %d characters", a.Len)
		}
		return quote(a.Str)
	case "", "undefined":
		return "nothing (undefined)"
	case "null":
		return "null"
	}
	return "a value of type " + Clip(a.Type, 20)
}

// DecodeCall decides what window.chores.<name>(args...) means. Its errors
// are at most MaxMessage characters.
func DecodeCall(name string, args []JSArg) (JSCall, error) {
	c, err := decode(name, args)
	if err != nil && len(err.Error()) > MaxMessage {
		err = errors.New(Clip(err.Error(), MaxMessage))
	}
	return c, err
}

func decode(name string, args []JSArg) (JSCall, error) {
	arg := JSArg{Type: "undefined"}
	if len(args) > 0 {
		arg = args[0]
	}
	switch name {
	case "play":
		return JSCall{Kind: Play}, nil
	case "pause":
		return JSCall{Kind: Pause}, nil
	case "seek", "setSpeed":
		r, kind := minuteRange, Seek
		if name == "setSpeed" {
			r, kind = speedRange, SetSpeed
		}
		if arg.Type != "number" {
			return JSCall{}, fmt.Errorf("%s: %s must be a number from %s to %s, not %s", name, r.what, num(r.lo), num(r.hi), arg.describe())
		}
		if err := r.check(arg.Num); err != nil {
			return JSCall{}, fmt.Errorf("%s: %w", name, err)
		}
		return JSCall{Kind: kind, Value: arg.Num}, nil
	case "mute":
		if arg.Type != "boolean" {
			return JSCall{}, fmt.Errorf("mute: give true (mute) or false (unmute), not %s; nothing changed", arg.describe())
		}
		v := 0.0
		if arg.Bool {
			v = 1
		}
		return JSCall{Kind: SetMute, Value: v}, nil
	case "setView":
		if arg.Type != "string" || !slices.Contains(Views, arg.Str) {
			return JSCall{}, fmt.Errorf("setView: give one of %s, not %s", strings.Join(Views, ", "), arg.describe())
		}
		return JSCall{Kind: SetView, Text: arg.Str}, nil
	case "setScenario":
		switch arg.Type {
		case "string", "object":
		default:
			return JSCall{}, fmt.Errorf("setScenario: give a story name or a scenario, not %s", arg.describe())
		}
		if arg.Err != "" {
			return JSCall{}, fmt.Errorf("setScenario: the object cannot be read as JSON (%s)", Clip(arg.Err, 120))
		}
		if arg.Len > MaxScenarioText || len(arg.Str) > MaxScenarioText {
			return JSCall{}, fmt.Errorf("setScenario: %d characters is more than a scenario can be (at most %d)", max(arg.Len, len(arg.Str)), MaxScenarioText)
		}
		return JSCall{Kind: Load, Text: arg.Str}, nil
	}
	return JSCall{}, fmt.Errorf("there is no command %s (known: %s)", quote(name), strings.Join(APINames, ", "))
}

// decodeMessage decides what a parent's {chores: cmd, value} means.
func decodeMessage(cmd string, value JSArg) (JSCall, error) {
	name, ok := messageNames[cmd]
	if !ok {
		return JSCall{}, fmt.Errorf("there is no message %s", quote(cmd))
	}
	return DecodeCall(name, []JSArg{value})
}

// LoadScenario reads setScenario's text: a story name or scenario JSON. Its
// errors quote at most about 40 characters of the text, whatever sim says.
func LoadScenario(text string) (sim.Scenario, error) {
	if p, ok := sim.PresetByName(text); ok {
		return p.Scenario, nil
	}
	data := []byte(text)
	if !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		return sim.Scenario{}, fmt.Errorf("unknown scenario %s (one of %s, or scenario JSON)", quote(text), strings.Join(sim.PresetNames(), ", "))
	}
	s, err := sim.Parse(data)
	if err != nil {
		return sim.Scenario{}, errors.New(Clip(err.Error(), MaxMessage))
	}
	return s, nil
}

// MaxMessage is the longest message shown or kept (notices, state().error),
// in characters: a backstop behind quote.
const MaxMessage = 240

// Clip cuts s to at most n characters, the last of them "…" when cut.
func Clip(s string, n int) string {
	if len(s) <= n && utf8.ValidString(s) {
		return s
	}
	if utf8.RuneCountInString(s) <= n {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	k := 0
	for _, r := range s { // invalid bytes become U+FFFD
		if k == n-1 {
			break
		}
		b.WriteRune(r)
		k++
	}
	b.WriteString("…")
	return b.String()
}

// LastLoadOnly drops every Load intent (of a scenario) but the last from a frame's intents:
// a burst of scenarios builds (simulates) one story, not thousands. The
// result is the same: a Load starts its story from minute 0, playing, so
// nothing between two Loads outlives the second.
func LastLoadOnly(ins []Intent) []Intent {
	isLoad := func(in Intent) bool { return in.Kind == Load && in.Err == nil }
	last := -1
	for i, in := range ins {
		if isLoad(in) {
			last = i
		}
	}
	out := ins[:0]
	for i, in := range ins {
		if !isLoad(in) || i == last {
			out = append(out, in)
		}
	}
	return out
}
