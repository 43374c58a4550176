package play

import (
	"math"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"chores/sim"
)

// The number helper: NaN and infinities fail, the bounds are inside.
func TestInRange(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want bool
	}{
		{0.5, true}, {8, true}, {1, true}, {0.49, false}, {8.01, false},
		{math.NaN(), false}, {math.Inf(1), false}, {math.Inf(-1), false},
		{math.Copysign(math.NaN(), -1), false},
	} {
		if got := inRange(c.x, 0.5, 8); got != c.want {
			t.Errorf("inRange(%v, 0.5, 8) = %v, want %v", c.x, got, c.want)
		}
		if err := speedRange.check(c.x); (err == nil) != c.want {
			t.Errorf("speedRange.check(%v) = %v, want ok=%v", c.x, err, c.want)
		}
	}
}

func TestQuote(t *testing.T) {
	if got := quote("best"); got != `"best"` {
		t.Errorf("quote(best) = %s", got)
	}
	long := strings.Repeat("x", 10_000_000)
	got := quote(long)
	if n := utf8.RuneCountInString(got); n > 80 || !strings.Contains(got, "10000000 characters") {
		t.Errorf("quote of 10M characters is %d characters: %s", n, got)
	}
	for _, s := range []string{"\x1b]0;owned\x07", "A\xff\xfe", "\u202egnp.exe", strings.Repeat("é", 100)} {
		q := quote(s)
		if strings.ContainsAny(q, "\x1b\x07\u202e") || !utf8.ValidString(q) || utf8.RuneCountInString(q) > 80 {
			t.Errorf("quote(%q) = %s: not escaped or too long", s, q)
		}
	}
}

// Every number a link gives is checked by the one helper: NaN, infinities
// and out-of-range values give a notice and the default.
func TestURLNumbers(t *testing.T) {
	base := Options{Scenario: sim.Presets()[0].Scenario, Speed: 1, UI: UIFull}
	for _, v := range []string{"NaN", "nan", "-NaN", "Inf", "+Inf", "-Inf", "Infinity", "1e309", "-1e309", "0", "0.4", "9", "", "x", "0x10", "1_0"} {
		for _, k := range []string{"speed", "t"} {
			if k == "t" && (v == "0" || v == "0.4" || v == "9" || v == "0x10" || v == "1_0") {
				continue // minutes: fine (0x10 and 1_0 are not, but ParseFloat reads 0x10)
			}
			o, notes := OptionsFromQuery("?"+k+"="+url.QueryEscape(v), base)
			if len(notes) != 1 {
				t.Errorf("%s=%s: %d notices %q, want 1", k, v, len(notes), notes)
				continue
			}
			if o.Speed != 1 || !o.Start.IsZero() {
				t.Errorf("%s=%s: speed %v start %v, want the defaults", k, v, o.Speed, o.Start)
			}
			if !strings.Contains(notes[0], k+"=") {
				t.Errorf("%s=%s: the notice does not name the parameter: %s", k, v, notes[0])
			}
		}
	}
	o, notes := OptionsFromQuery("?speed=2&t=30", base)
	if len(notes) != 0 || o.Speed != 2 || o.Start != mins(30) {
		t.Errorf("speed=2&t=30: %+v %q", o, notes)
	}
}

// Echoes of a link are short, and many bad parameters make one notice.
func TestURLEchoesBounded(t *testing.T) {
	base := Options{Scenario: sim.Presets()[0].Scenario, Speed: 1, UI: UIFull}
	var q []string
	for i := range 300 {
		q = append(q, "junk"+strings.Repeat("z", i)+"=1")
	}
	_, notes := OptionsFromQuery("?"+strings.Join(q, "&"), base)
	if len(notes) != 1 || !strings.Contains(notes[0], "and 297 more") || len(notes[0]) > 400 {
		t.Errorf("300 unknown parameters: %d notices, first %d bytes: %.300s", len(notes), len(notes[0]), notes[0])
	}
	huge := strings.Repeat("A", 100_000)
	for _, query := range []string{
		huge + "=1",
		"scenario=" + huge,
		"speed=" + huge,
		"t=" + huge,
		"ui=" + huge,
		"view=" + huge,
		"mute=" + huge,
		"config=" + huge,
		"config=" + strings.Repeat("e30", 30_000), // base64url of {}{}{}...
		"%zz" + huge,
		"scenario=%" + huge,
	} {
		_, notes := OptionsFromQuery("?"+query, base)
		if len(notes) == 0 {
			t.Errorf("%.20s…: no notice", query)
		}
		for _, n := range notes {
			if utf8.RuneCountInString(n) > 400 {
				t.Errorf("%.20s…: a notice of %d characters: %.200s", query, len(n), n)
			}
		}
	}
}

// The decoder of window.chores calls: what each call means, and that every
// refusal is short.
func TestDecodeCall(t *testing.T) {
	num := func(x float64) JSArg { return JSArg{Type: "number", Num: x} }
	str := func(s string) JSArg { return JSArg{Type: "string", Str: s, Len: len(s)} }
	boolean := func(b bool) JSArg { return JSArg{Type: "boolean", Bool: b} }
	cases := []struct {
		name string
		args []JSArg
		want JSCall
		ok   bool
	}{
		{"play", nil, JSCall{Kind: Play}, true},
		{"pause", []JSArg{num(3)}, JSCall{Kind: Pause}, true},
		{"seek", []JSArg{num(42)}, JSCall{Kind: Seek, Value: 42}, true},
		{"seek", []JSArg{num(0)}, JSCall{Kind: Seek, Value: 0}, true},
		{"seek", []JSArg{num(1e9)}, JSCall{Kind: Seek, Value: 1e9}, true},
		{"seek", []JSArg{num(math.NaN())}, JSCall{}, false},
		{"seek", []JSArg{num(math.Inf(1))}, JSCall{}, false},
		{"seek", []JSArg{num(-1)}, JSCall{}, false},
		{"seek", []JSArg{str("10")}, JSCall{}, false},
		{"seek", nil, JSCall{}, false},
		{"setSpeed", []JSArg{num(8)}, JSCall{Kind: SetSpeed, Value: 8}, true},
		{"setSpeed", []JSArg{num(math.NaN())}, JSCall{}, false},
		{"setSpeed", []JSArg{num(math.Inf(-1))}, JSCall{}, false},
		{"setSpeed", []JSArg{num(0)}, JSCall{}, false},
		{"setSpeed", []JSArg{{Type: "null"}}, JSCall{}, false},
		{"mute", []JSArg{boolean(true)}, JSCall{Kind: SetMute, Value: 1}, true},
		{"mute", []JSArg{boolean(false)}, JSCall{Kind: SetMute, Value: 0}, true},
		{"mute", nil, JSCall{}, false}, // mute() must not mute
		{"mute", []JSArg{{Type: "undefined"}}, JSCall{}, false},
		{"mute", []JSArg{num(1)}, JSCall{}, false},
		{"mute", []JSArg{str("yes")}, JSCall{}, false},
		{"setView", []JSArg{str("code")}, JSCall{Kind: SetView, Text: "code"}, true},
		{"setView", []JSArg{str("editor")}, JSCall{Kind: SetView, Text: "editor"}, true},
		{"setView", []JSArg{str("garden")}, JSCall{}, false},
		{"setView", []JSArg{num(1)}, JSCall{}, false},
		{"setView", nil, JSCall{}, false},
		{"setScenario", []JSArg{str("best-of-both")}, JSCall{Kind: Load, Text: "best-of-both"}, true},
		{"setScenario", []JSArg{{Type: "object", Str: "{}", Len: 2}}, JSCall{Kind: Load, Text: "{}"}, true},
		{"setScenario", []JSArg{{Type: "string", Len: 10_000_000}}, JSCall{}, false},
		{"setScenario", []JSArg{{Type: "object", Err: "TypeError: cyclic object value"}}, JSCall{}, false},
		{"setScenario", []JSArg{num(42)}, JSCall{}, false},
		{"setScenario", nil, JSCall{}, false},
		{"fly", nil, JSCall{}, false},
		{strings.Repeat("f", 100_000), nil, JSCall{}, false},
	}
	for _, c := range cases {
		got, err := DecodeCall(c.name, c.args)
		label := c.name
		if len(label) > 20 {
			label = label[:20] + "…"
		}
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("%s(%v) = %+v, %v; want %+v, ok=%v", label, c.args, got, err, c.want, c.ok)
		}
		if err != nil && utf8.RuneCountInString(err.Error()) > MaxMessage {
			t.Errorf("%s: an error of %d characters", label, len(err.Error()))
		}
	}
	// A parent's messages use the same rules.
	if c, err := decodeMessage("speed", num(math.NaN())); err == nil {
		t.Errorf("message speed NaN accepted: %+v", c)
	}
	if c, err := decodeMessage("scenario", str("sequential")); err != nil || c.Kind != Load {
		t.Errorf("message scenario: %+v %v", c, err)
	}
}

// Scenario text from JavaScript: errors quote briefly, whatever the input.
func TestLoadScenarioEchoes(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("n", 1_000_000),
		"{" + strings.Repeat(" ", 500_000) + "x",
		`{"name": "` + strings.Repeat("q", 500_000) + `"}`,
		`{"` + strings.Repeat("k", 500_000) + `": 1}`,
		"\x1b[2J\x07",
	} {
		_, err := LoadScenario(text)
		if err == nil {
			t.Errorf("%.20q accepted", text)
			continue
		}
		if n := utf8.RuneCountInString(err.Error()); n > MaxMessage+1 {
			t.Errorf("%.20q: error of %d characters", text, n)
		}
		if strings.ContainsAny(err.Error(), "\x1b\x07") {
			t.Errorf("%.20q: the error has raw control characters: %q", text, err)
		}
	}
}

// Fuzz targets, run on their corpus by go test; longer with
// go test -run XXX -fuzz FuzzOptionsFromQuery ./game/play/
func FuzzOptionsFromQuery(f *testing.F) {
	for _, s := range []string{"", "?speed=NaN", "?t=NaN", "?speed=2&t=30&ui=minimal&mute=1", "?scenario=best-of-both&view=code",
		"?speed=Inf", "?t=-Infinity", "?%zz", "?config=e30", "?a=1&b=2&c=3&d=4", "?speed=1e309&t=1e309", "?loop=yes&autoplay=2"} {
		f.Add(s)
	}
	base := Options{Scenario: sim.Presets()[0].Scenario, Speed: 1, UI: UIFull}
	f.Fuzz(func(t *testing.T, query string) {
		o, notes := OptionsFromQuery(query, base)
		if !inRange(o.Speed, speeds[0], speeds[len(speeds)-1]) {
			t.Fatalf("speed %v accepted from %q", o.Speed, query)
		}
		if o.Start.Sign() < 0 || mins(minuteRange.hi).Less(o.Start) {
			t.Fatalf("start %v accepted from %q", o.Start, query)
		}
		if len(notes) > len(knownParams)+1 {
			t.Fatalf("%d notices from %q", len(notes), query)
		}
		for _, n := range notes {
			if utf8.RuneCountInString(n) > 500 {
				t.Fatalf("a notice of %d characters from %q", len(n), query)
			}
		}
	})
}

func FuzzDecodeCall(f *testing.F) {
	f.Add("seek", "number", 1.5, false, "")
	f.Add("setSpeed", "number", math.NaN(), false, "")
	f.Add("mute", "undefined", 0.0, false, "")
	f.Add("mute", "boolean", 0.0, true, "")
	f.Add("setScenario", "string", 0.0, false, "best-of-both")
	f.Add("setScenario", "object", 0.0, false, `{"name":"x"}`)
	f.Add("scenario", "string", 0.0, false, "\x1b]0;hi\x07")
	f.Add("speed", "number", math.Inf(1), false, "")
	f.Fuzz(func(t *testing.T, name, typ string, num float64, b bool, s string) {
		arg := JSArg{Type: typ, Num: num, Bool: b, Str: s, Len: len(s)}
		for _, decode := range []func() (JSCall, error){
			func() (JSCall, error) { return DecodeCall(name, []JSArg{arg}) },
			func() (JSCall, error) { return decodeMessage(name, arg) },
		} {
			c, err := decode()
			if err != nil {
				if n := utf8.RuneCountInString(err.Error()); n > MaxMessage {
					t.Fatalf("error of %d characters", n)
				}
				continue
			}
			switch c.Kind {
			case Seek:
				if !inRange(c.Value, minuteRange.lo, minuteRange.hi) {
					t.Fatalf("seek %v accepted", c.Value)
				}
			case SetSpeed:
				if !inRange(c.Value, speedRange.lo, speedRange.hi) {
					t.Fatalf("speed %v accepted", c.Value)
				}
			case SetMute:
				if typ != "boolean" {
					t.Fatalf("mute accepted a %s", typ)
				}
			case Load:
				if _, err := LoadScenario(c.Text); err != nil && utf8.RuneCountInString(err.Error()) > MaxMessage+1 {
					t.Fatalf("scenario error of %d characters", len(err.Error()))
				}
			}
		}
	})
}

func TestClip(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"}, {"exactly10!", 10, "exactly10!"}, {"eleven char", 10, "eleven ch…"},
		{"A\xff", 10, "A\uFFFD"}, {strings.Repeat("é", 20), 5, "éééé…"},
	} {
		if got := Clip(c.s, c.n); got != c.want || utf8.RuneCountInString(got) > c.n {
			t.Errorf("clip(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}
