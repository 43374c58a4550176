package game

import (
	"encoding/json"
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
	num := func(x float64) jsArg { return jsArg{Type: "number", Num: x} }
	str := func(s string) jsArg { return jsArg{Type: "string", Str: s, Len: len(s)} }
	boolean := func(b bool) jsArg { return jsArg{Type: "boolean", Bool: b} }
	cases := []struct {
		name string
		args []jsArg
		want jsCall
		ok   bool
	}{
		{"play", nil, jsCall{Kind: Play}, true},
		{"pause", []jsArg{num(3)}, jsCall{Kind: Pause}, true},
		{"seek", []jsArg{num(42)}, jsCall{Kind: Seek, Value: 42}, true},
		{"seek", []jsArg{num(0)}, jsCall{Kind: Seek, Value: 0}, true},
		{"seek", []jsArg{num(1e9)}, jsCall{Kind: Seek, Value: 1e9}, true},
		{"seek", []jsArg{num(math.NaN())}, jsCall{}, false},
		{"seek", []jsArg{num(math.Inf(1))}, jsCall{}, false},
		{"seek", []jsArg{num(-1)}, jsCall{}, false},
		{"seek", []jsArg{str("10")}, jsCall{}, false},
		{"seek", nil, jsCall{}, false},
		{"setSpeed", []jsArg{num(8)}, jsCall{Kind: SetSpeed, Value: 8}, true},
		{"setSpeed", []jsArg{num(math.NaN())}, jsCall{}, false},
		{"setSpeed", []jsArg{num(math.Inf(-1))}, jsCall{}, false},
		{"setSpeed", []jsArg{num(0)}, jsCall{}, false},
		{"setSpeed", []jsArg{{Type: "null"}}, jsCall{}, false},
		{"mute", []jsArg{boolean(true)}, jsCall{Kind: SetMute, Value: 1}, true},
		{"mute", []jsArg{boolean(false)}, jsCall{Kind: SetMute, Value: 0}, true},
		{"mute", nil, jsCall{}, false}, // mute() must not mute
		{"mute", []jsArg{{Type: "undefined"}}, jsCall{}, false},
		{"mute", []jsArg{num(1)}, jsCall{}, false},
		{"mute", []jsArg{str("yes")}, jsCall{}, false},
		{"setScenario", []jsArg{str("best-of-both")}, jsCall{Kind: Load, Text: "best-of-both"}, true},
		{"setScenario", []jsArg{{Type: "object", Str: "{}", Len: 2}}, jsCall{Kind: Load, Text: "{}"}, true},
		{"setScenario", []jsArg{{Type: "string", Len: 10_000_000}}, jsCall{}, false},
		{"setScenario", []jsArg{{Type: "object", Err: "TypeError: cyclic object value"}}, jsCall{}, false},
		{"setScenario", []jsArg{num(42)}, jsCall{}, false},
		{"setScenario", nil, jsCall{}, false},
		{"fly", nil, jsCall{}, false},
		{strings.Repeat("f", 100_000), nil, jsCall{}, false},
	}
	for _, c := range cases {
		got, err := decodeCall(c.name, c.args)
		label := c.name
		if len(label) > 20 {
			label = label[:20] + "…"
		}
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("%s(%v) = %+v, %v; want %+v, ok=%v", label, c.args, got, err, c.want, c.ok)
		}
		if err != nil && utf8.RuneCountInString(err.Error()) > maxMessage {
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
		_, err := loadScenario(text)
		if err == nil {
			t.Errorf("%.20q accepted", text)
			continue
		}
		if n := utf8.RuneCountInString(err.Error()); n > maxMessage+1 {
			t.Errorf("%.20q: error of %d characters", text, n)
		}
		if strings.ContainsAny(err.Error(), "\x1b\x07") {
			t.Errorf("%.20q: the error has raw control characters: %q", text, err)
		}
	}
}

// A burst from JavaScript: 20,000 refused calls and 10,000 scenarios reach
// the game between two frames. The frame after shows a few merged notices,
// builds one story (the last), and the state stays small.
func TestCommandBurst(t *testing.T) {
	p := sim.Presets()[0]
	g, err := New(Options{Scenario: p.Scenario, Speed: 1, Mute: true, UI: UIFull})
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	g.platform = countingPlatform{g.platform, &shown}
	for i := range 20_000 {
		switch i % 4 {
		case 0:
			g.command("setSpeed", []jsArg{{Type: "number", Num: math.NaN()}})
		case 1:
			g.command("mute", nil)
		case 2:
			g.command("setScenario", []jsArg{{Type: "string", Len: 10_000_000}})
		case 3:
			long := strings.Repeat("x", 1000+i)
			g.command("setScenario", []jsArg{{Type: "string", Str: long, Len: len(long)}})
		}
	}
	if err := g.Update(); err != nil {
		t.Fatal(err)
	}
	if shown > maxNoticesPerFrame+1 {
		t.Errorf("20,000 refused calls gave %d notices in one frame", shown)
	}
	data, _ := json.Marshal(g.State())
	if len(data) > 10_000 {
		t.Errorf("state is %d bytes", len(data))
	}
	if e := g.State().Error; e == "" || utf8.RuneCountInString(e) > maxMessage+1 {
		t.Errorf("state().error is %d characters: %.100s", len(e), e)
	}

	built := 0
	names := []string{"sequential", "best-of-both", "parallelism-1"}
	for i := range 60 { // the channel holds 64; more are refused and said so
		if res := g.command("setScenario", []jsArg{{Type: "string", Str: names[i%3], Len: len(names[i%3])}}); res["ok"] != true {
			t.Fatalf("setScenario: %v", res)
		}
	}
	g.intents = g.intents[:0]
	if err := g.Update(); err != nil {
		t.Fatal(err)
	}
	for _, in := range g.intents {
		if in.Kind == Load {
			built++
		}
	}
	if built != 1 || g.player.Story().Name != names[59%3] {
		t.Errorf("a burst of 60 scenarios applied %d Loads and shows %s, want 1 and %s", built, g.player.Story().Name, names[59%3])
	}
}

type countingPlatform struct {
	platform
	n *int
}

func (c countingPlatform) notice(string) bool { *c.n++; return true }

// The notices the game draws itself are bounded.
func TestKeepNoticeBounded(t *testing.T) {
	var list []notice
	for i := range 10_000 {
		list = keepNotice(list, notice{text: "n", until: i + 100}, i)
	}
	if len(list) > maxDrawnNotices {
		t.Errorf("%d notices kept", len(list))
	}
}

// Fuzz targets, run on their corpus by go test; longer with
// go test -run XXX -fuzz FuzzOptionsFromQuery ./game/
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
		arg := jsArg{Type: typ, Num: num, Bool: b, Str: s, Len: len(s)}
		for _, decode := range []func() (jsCall, error){
			func() (jsCall, error) { return decodeCall(name, []jsArg{arg}) },
			func() (jsCall, error) { return decodeMessage(name, arg) },
		} {
			c, err := decode()
			if err != nil {
				if n := utf8.RuneCountInString(err.Error()); n > maxMessage {
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
				if _, err := loadScenario(c.Text); err != nil && utf8.RuneCountInString(err.Error()) > maxMessage+1 {
					t.Fatalf("scenario error of %d characters", len(err.Error()))
				}
			}
		}
	})
}

// A start that fails on a link's options plays the defaults with a notice
// (the browser); without the fallback (the desktop) it is an error.
func TestStartFallback(t *testing.T) {
	base := Options{Scenario: sim.Presets()[0].Scenario, Speed: 1, Mute: true, UI: UIFull}
	bad := base
	bad.Speed = math.NaN()
	bad.Notices = []string{"from the link"}
	if _, err := newOrDefaults(base, bad, false); err == nil {
		t.Errorf("speed NaN without the fallback: no error")
	}
	g, err := newOrDefaults(base, bad, true)
	if err != nil {
		t.Fatalf("with the fallback: %v", err)
	}
	if err := g.Update(); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, n := range g.notices {
		texts = append(texts, n.text)
	}
	if s := g.State(); s.Speed != 1 || len(texts) != 2 || !strings.Contains(texts[1], "could not be played") {
		t.Errorf("with the fallback: speed %v, notices %q", s.Speed, texts)
	}
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
		if got := clip(c.s, c.n); got != c.want || utf8.RuneCountInString(got) > c.n {
			t.Errorf("clip(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}
