package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"chores/sim"
)

// hostile are names that would act on a terminal if printed raw: retitle it
// (OSC), clear it (CSI), ring the bell, start a fake report line, cut a
// string (NUL), turn the rest of the line around (bidi overrides and
// isolates), or break UTF-8.
var hostile = []string{
	"\x1b]0;owned\a",
	"\x1b[2J\x1b[H",
	"bell\a\a",
	"Ann\n  makespan 1 min",
	"nul\x00nul",
	"cr\rover",
	"\u202egnp.exe",
	"\u202a\u202b\u202c\u202d",
	"\u2066\u2067\u2068\u2069",
	"\u200e\u200f\u061c",
	"A\xff",
	"A\xfe\xed",
	"\u0085\u2028\u2029",
	"\x7f\u009b31m",
}

func simulate(t *testing.T, name string) *sim.Result {
	t.Helper()
	p, ok := sim.PresetByName(name)
	if !ok {
		t.Fatalf("no preset %s", name)
	}
	r, err := sim.Simulate(p.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// rename gives every name the report prints (the scenario, people, devices
// and their listeners) the hostile name bad. The model refuses such names
// in a scenario; the report must not rely on that.
func rename(r *sim.Result, bad string) {
	r.Scenario = bad
	for i := range r.People {
		r.People[i].Name = bad
	}
	for i := range r.Devices {
		r.Devices[i].Name = bad
		for j := range r.Devices[i].Listeners {
			r.Devices[i].Listeners[j] = bad
		}
	}
}

func checkPrintable(t *testing.T, label, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s: output is not valid UTF-8", label)
	}
	for i, r := range out {
		if r != '\n' && !unicode.IsPrint(r) {
			t.Errorf("%s: character %U at byte %d reaches the terminal raw", label, r, i)
			return
		}
	}
}

func TestTextEscapesNames(t *testing.T) {
	for _, preset := range []string{"concurrency-2", "best-of-both"} {
		var clean bytes.Buffer
		if err := Text(&clean, []Entry{{Result: simulate(t, preset)}}); err != nil {
			t.Fatal(err)
		}
		for _, bad := range hostile {
			r := simulate(t, preset)
			rename(r, bad)
			var out bytes.Buffer
			if err := Text(&out, []Entry{{Result: r}, {Result: simulate(t, "sequential")}}); err != nil {
				t.Fatal(err)
			}
			label := preset + " " + strings.ToValidUTF8(bad, "?")
			checkPrintable(t, label, out.String())
			// No name adds a line: the report has the lines it has with
			// clean names (one entry, a blank line, one more entry, a
			// blank line and the summary of header and two rows).
			var seq bytes.Buffer
			Text(&seq, []Entry{{Result: simulate(t, "sequential")}})
			want := strings.Count(clean.String(), "\n") + 1 + strings.Count(seq.String(), "\n") + 1 + 3
			if got := strings.Count(out.String(), "\n"); got != want {
				t.Errorf("%s: %d lines, want %d", label, got, want)
			}
		}
	}
}

func TestTextShowsEscapes(t *testing.T) {
	r := simulate(t, "concurrency-2")
	rename(r, "\x1b[2J\u202eA\xff")
	var out bytes.Buffer
	Text(&out, []Entry{{Result: r}})
	if !strings.Contains(out.String(), `\x1b[2J\u202eA\xff`) {
		t.Errorf("the escaped name is not shown:\n%s", out.String())
	}
}

func TestTextKeepsPrintableNames(t *testing.T) {
	r := simulate(t, "concurrency-2")
	rename(r, `Zoë "Z" \ 😀 李`)
	var out bytes.Buffer
	Text(&out, []Entry{{Result: r}})
	if !strings.Contains(out.String(), `Zoë "Z" \ 😀 李`) {
		t.Errorf("a printable name was changed:\n%s", out.String())
	}
}
