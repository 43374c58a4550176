package bounds

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var (
	nan  = math.NaN()
	inf  = math.Inf(1)
	ninf = math.Inf(-1)
)

func TestClosed(t *testing.T) {
	for _, x := range []float64{0.5, 1, 8, math.Nextafter(8, 0)} {
		if err := Closed("-speed", x, 0.5, 8); err != nil {
			t.Errorf("%g: %v", x, err)
		}
	}
	for _, tt := range []struct {
		x    float64
		want string
	}{
		{nan, "-speed NaN: must be a number from 0.5 to 8"},
		{inf, "-speed +Inf: must be a number from 0.5 to 8"},
		{ninf, "-speed -Inf: must be a number from 0.5 to 8"},
		{0.49, "-speed 0.49: must be a number from 0.5 to 8"},
		{math.Nextafter(8, 9), "-speed 8.000000000000002: must be a number from 0.5 to 8"},
		{-1, "-speed -1: must be a number from 0.5 to 8"},
	} {
		err := Closed("-speed", tt.x, 0.5, 8)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%g: got %v, want %q", tt.x, err, tt.want)
		}
		var e *Error
		if !errors.As(err, &e) || e.Name != "-speed" {
			t.Errorf("%g: not a *bounds.Error: %#v", tt.x, err)
		}
	}
}

func TestOver(t *testing.T) {
	if err := Over("work", 600, 0, 600); err != nil {
		t.Error(err)
	}
	if err := Over("work", 1e-300, 0, 600); err != nil {
		t.Error(err)
	}
	for _, x := range []float64{0, math.Copysign(0, -1), nan, inf, ninf, 600.0001} {
		err := Over("work", x, 0, 600)
		if err == nil || !strings.Contains(err.Error(), "must be a number over 0 and at most 600") {
			t.Errorf("%g: got %v", x, err)
		}
	}
}

func TestAtLeast(t *testing.T) {
	for _, x := range []float64{0, 1, 1e300, math.MaxFloat64} {
		if err := AtLeast("-at", x, 0); err != nil {
			t.Errorf("%g: %v", x, err)
		}
	}
	for _, x := range []float64{nan, inf, ninf, -1, -math.SmallestNonzeroFloat64} {
		err := AtLeast("-at", x, 0)
		if err == nil || !strings.HasSuffix(err.Error(), ": must be a number, at least 0") {
			t.Errorf("%g: got %v", x, err)
		}
	}
	if err := AtLeast("-at", nan, 0); err == nil || err.Error() != "-at NaN: must be a number, at least 0" {
		t.Errorf("message %q", err)
	}
}

func TestParseClosed(t *testing.T) {
	for s, want := range map[string]float64{"1": 1, "0.5": 0.5, " 8 ": 8, "2e0": 2} {
		if x, err := ParseClosed("speed", s, 0.5, 8); err != nil || x != want {
			t.Errorf("%q: %g, %v", s, x, err)
		}
	}
	for _, s := range []string{"NaN", "nan", "Inf", "+Inf", "-Infinity", "infinity", "", "x", "1e400", "9", "0x1p-2", "1_0", strings.Repeat("9", 100000)} {
		x, err := ParseClosed("speed", s, 0.5, 8)
		if err == nil {
			t.Errorf("%q accepted as %g", s, x)
			continue
		}
		if msg := err.Error(); utf8.RuneCountInString(msg) > 100 || !strings.HasPrefix(msg, "speed \"") || !strings.HasSuffix(msg, ": must be a number from 0.5 to 8") {
			t.Errorf("%q: message %q", s[:min(len(s), 20)], msg)
		}
	}
}

func TestQuote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", `""`},
		{"Ann", `"Ann"`},
		{`say "hi"`, `"say \"hi\""`},
		{"\x1b]0;pwned\x07", `"\x1b]0;pwned\a"`},
		{"a\nb\x00", `"a\nb\x00"`},
		{"abc\u202e", `"abc\u202e"`},
		{"A\xff", `"A\xff"`},
		{"Zoë 😀", `"Zoë 😀"`},
		{strings.Repeat("a", 40), `"` + strings.Repeat("a", 40) + `"`},
		{strings.Repeat("a", 41), `"` + strings.Repeat("a", 40) + `…"`},
		{strings.Repeat("é", 1000), `"` + strings.Repeat("é", 40) + `…"`},
		{strings.Repeat("\x00", 100), `"` + strings.Repeat(`\x00`, 10) + `…"`},
	} {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %s, want %s", tt.in[:min(len(tt.in), 30)], got, tt.want)
		}
	}
	// Whatever the input, the result is short, printable and one line.
	huge := strings.Repeat("\u202e\x1b\xff\n", 1<<20)
	if q := Quote(huge); utf8.RuneCountInString(q) > QuoteLimit+3 || strings.ContainsAny(q, "\x1b\n\u202e") || !utf8.ValidString(q) {
		t.Errorf("Quote of 4 MiB: %q", q)
	}
}

func TestQuoteTail(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", `""`},
		{"house.json", `"house.json"`},
		{"/tmp/a\x1b.json", `"/tmp/a\x1b.json"`},
		{"/home/someone/projects/chores/examples/my-house.json", `"…e/projects/chores/examples/my-house.json"`},
		{strings.Repeat("é", 100) + "\xff", `"…` + strings.Repeat("é", 36) + `\xff"`},
		{"\xe2\x80" + strings.Repeat("a", 10), `"\xe2\x80aaaaaaaaaa"`},
		{strings.Repeat("\n", 50), `"…` + strings.Repeat(`\n`, 20) + `"`},
	} {
		if got := QuoteTail(tt.in); got != tt.want {
			t.Errorf("QuoteTail(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Ann", "Ann"},
		{`C:\x`, `C:\x`},
		{"Zoë 😀 \"q\"", "Zoë 😀 \"q\""},
		{"\x1b[2J", `\x1b[2J`},
		{"bell\a", `bell\a`},
		{"two\nlines\r", `two\nlines\r`},
		{"nul\x00", `nul\x00`},
		{"\u202egnp.exe", `\u202egnp.exe`},
		{"\u2066x\u2069", `\u2066x\u2069`},
		{"A\xff\xfe", `A\xff\xfe`},
		{"\ufffd", "\ufffd"},
		{"\u0085\u2028", `\u0085\u2028`},
	} {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzQuote(f *testing.F) {
	f.Add("Ann")
	f.Add("\x1b\xff\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		q, qt := Quote(s), QuoteTail(s)
		if utf8.RuneCountInString(q) > QuoteLimit+3 || !utf8.ValidString(q) {
			t.Fatalf("Quote(%q) = %q", s, q)
		}
		if utf8.RuneCountInString(qt) > QuoteLimit+3 || !utf8.ValidString(qt) {
			t.Fatalf("QuoteTail(%q) = %q", s, qt)
		}
		if utf8.RuneCountInString(strconv.Quote(s)) <= QuoteLimit+2 && (q != strconv.Quote(s) || qt != q) {
			t.Fatalf("short %q: Quote %s, QuoteTail %s, strconv.Quote %s", s, q, qt, strconv.Quote(s))
		}
		for _, r := range q {
			if r < 0x20 || r == 0x7f {
				t.Fatalf("Quote(%q) has a control character: %q", s, q)
			}
		}
		e := Escape(s)
		if !utf8.ValidString(e) || strings.ContainsAny(e, "\x00\x1b\a\n\r\u202e") {
			t.Fatalf("Escape(%q) = %q", s, e)
		}
	})
}
