package sim

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// house is a small valid scenario with the two people's names and the room's
// name written into the JSON text as given, byte for byte (escapes and all).
func house(you, friend, room string) string {
	return `{"name":"flat","people":[{"name":"` + you + `","speed":1,"phone":true,"airpods":false},` +
		`{"name":"` + friend + `","speed":1,"phone":false,"airpods":false}],` +
		`"rooms":[{"name":"` + room + `","work":10}],"podcast":{"minutes":30,"listeners":["` + you + `"]},` +
		`"cleaners":["` + you + `","` + friend + `"],"listen":"after","share":"turns","homeTheatre":false,"handoffMinutes":0}`
}

func TestHouseIsValid(t *testing.T) {
	if _, err := Parse([]byte(house("You", "Friend", "Kitchen"))); err != nil {
		t.Fatal(err)
	}
}

func parseErr(t *testing.T, doc string) string {
	t.Helper()
	_, err := Parse([]byte(doc))
	if err == nil {
		return ""
	}
	return err.Error()
}

// Names are printable characters only. The JSON escapes reach the name as
// the character they stand for, so both forms are tried.
func TestNamesArePrintable(t *testing.T) {
	refused := []struct{ json, kind string }{
		{`\u001b]0;owned\u0007`, "a control character"},
		{"\x1b[2J", "a control character"}, // raw ESC is not valid JSON either
		{`bell\u0007`, "a control character"},
		{`A\nB`, "a control character"},
		{`A\rB`, "a control character"},
		{`A\tB`, "a control character"},
		{`nul\u0000`, "a control character"},
		{`del\u007f`, "a control character"},
		{`c1\u0085`, "a control character"},
		{`csi\u009b`, "a control character"},
		{`\u202egnp`, "a bidirectional control"},
		{"\u202egnp", "a bidirectional control"},
		{`\u202aA`, "a bidirectional control"},
		{`\u202bA`, "a bidirectional control"},
		{`\u202cA`, "a bidirectional control"},
		{`\u202dA`, "a bidirectional control"},
		{`\u2066A`, "a bidirectional control"},
		{`\u2067A`, "a bidirectional control"},
		{`\u2068A`, "a bidirectional control"},
		{`\u2069A`, "a bidirectional control"},
		{`\u200eA`, "a bidirectional control"},
		{`\u200fA`, "a bidirectional control"},
		{`\u061cA`, "a bidirectional control"},
		{`A\u200dB`, "an invisible format character"},
		{`A\u00adB`, "an invisible format character"},
		{`A\ufeffB`, "an invisible format character"},
		{`A\u2028B`, "a space other than U+0020"},
		{`A\u00a0B`, "a space other than U+0020"},
		{`A\u3000B`, "a space other than U+0020"},
	}
	for _, tt := range refused {
		for i, doc := range []string{house(tt.json, "Friend", "Kitchen"), house("You", tt.json, "Kitchen"), house("You", "Friend", tt.json)} {
			field := []string{"people[0].name", "people[1].name", "rooms[0].name"}[i]
			msg := parseErr(t, doc)
			if tt.json[0] == '\x1b' {
				if !strings.Contains(msg, "invalid JSON") {
					t.Errorf("raw ESC in %s: %q", field, msg)
				}
				continue
			}
			if !strings.HasPrefix(msg, field+": must be printable characters only; character ") || !strings.HasSuffix(msg, tt.kind) {
				t.Errorf("%s = %s: got %q, want %s: ... %s", field, tt.json, msg, field, tt.kind)
			}
		}
	}
	// The scenario's own name too.
	doc := strings.Replace(house("You", "Friend", "Kitchen"), `"name":"flat"`, `"name":"fl\u202eat"`, 1)
	if msg := parseErr(t, doc); !strings.HasPrefix(msg, "name: must be printable") {
		t.Errorf("scenario name: %q", msg)
	}
	// Printable names from anywhere stay welcome.
	for _, name := range []string{"Zoë", "李小龙", "Ωmega", "😀", `\ud83d\ude00`, "O'Brien", `Ann \"A\"`, `back\\slash`, `A\\ud800`, "x\ufffdy", "Ann Lee", "Ж-1", "नमस्ते"} {
		if msg := parseErr(t, house(name, "Friend", name)); msg != "" {
			t.Errorf("%s refused: %s", name, msg)
		}
	}
}

// Invalid UTF-8 is found in the raw bytes, at its field, before encoding/json
// replaces it with U+FFFD (which made "A\xff" and "A\xfe" one name, "used
// twice").
func TestInvalidUTF8IsFoundInTheRawText(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{house("A\xff", "A\xfe", "Kitchen"), "people[0].name: is not valid UTF-8"},
		{house("You", "A\xfe", "Kitchen"), "people[1].name: is not valid UTF-8"},
		{house("You", "Friend", "K\xc3"), "rooms[0].name: is not valid UTF-8"},
		{house("You", "Friend", "K\xed\xa0\x80"), "rooms[0].name: is not valid UTF-8"}, // a surrogate in UTF-8 form
		{house("You", "Friend", "K\xc0\xaf"), "rooms[0].name: is not valid UTF-8"},     // overlong
		{house(`A\ud800`, "Friend", "Kitchen"), "people[0].name: is not valid UTF-8"},
		{house(`A\udc00`, "Friend", "Kitchen"), "people[0].name: is not valid UTF-8"},
		{house(`A\ud800x`, "Friend", "Kitchen"), "people[0].name: is not valid UTF-8"},
		{house(`A\ud800\u0041`, "Friend", "Kitchen"), "people[0].name: is not valid UTF-8"},
		{house(`A\ud800\ud800`, "Friend", "Kitchen"), "people[0].name: is not valid UTF-8"},
		{strings.Replace(house("You", "Friend", "Kitchen"), `"name":"flat"`, "\"name\":\"fl\xffat\"", 1), "name: is not valid UTF-8"},
		{strings.Replace(house("You", "Friend", "Kitchen"), `"listen":"after"`, "\"listen\":\"aft\xffer\"", 1), "listen: is not valid UTF-8"},
		{strings.Replace(house("You", "Friend", "Kitchen"), `"listeners":["You"]`, "\"listeners\":[\"You\",\"\xff\"]", 1), "podcast.listeners[1]: is not valid UTF-8"},
		{strings.Replace(house("You", "Friend", "Kitchen"), `"share"`, "\"sh\xffare\":1,\"share\"", 1), `scenario: key "sh\xffare" is not valid UTF-8`},
		{strings.Replace(house("You", "Friend", "Kitchen"), `"speed":1,"phone":false`, `"speed":1,"x\ud800":1,"phone":false`, 1), `people[1]: key "x\\ud800" is not valid UTF-8`},
	} {
		if msg := parseErr(t, tt.doc); msg != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.doc[:min(len(tt.doc), 60)], msg, tt.want)
		}
	}
}

// encoding/json keeps the last of repeated keys and matches keys to fields
// ignoring case: both are refused with the key named.
func TestRepeatedKeys(t *testing.T) {
	base := house("You", "Friend", "Kitchen")
	for _, tt := range []struct{ from, to, want string }{
		{`"name":"flat"`, `"name":"flat","name":"other"`, `scenario: key "name" is there twice`},
		{`"name":"flat"`, `"name":"flat","Name":"other"`, `scenario: key "Name" repeats "name" (keys are matched ignoring case)`},
		{`"name":"flat"`, `"NAME":"other","name":"flat"`, `scenario: key "name" repeats "NAME"`},
		{`{"name":"You","speed":1`, `{"name":"You","Name":"Eve","speed":1`, `people[0]: key "Name" repeats "name"`},
		{`{"name":"Friend","speed":1`, `{"name":"Friend","speed":1,"speed":9`, `people[1]: key "speed" is there twice`},
		{`{"name":"Friend","speed":1`, `{"name":"Friend","speed":1,"ſpeed":9`, `people[1]: key "ſpeed" repeats "speed"`}, // U+017F folds to s
		{`"work":10`, `"work":10,"WORK":600`, `rooms[0]: key "WORK" repeats "work"`},
		{`"minutes":30`, `"minutes":30,"Minutes":1`, `podcast: key "Minutes" repeats "minutes"`},
		{`"homeTheatre":false`, `"homeTheatre":false,"hometheatre":true`, `scenario: key "hometheatre" repeats "homeTheatre"`},
		{`"homeTheatre":false`, `"homeTheatre":false,"x":{"a":1,"A":2}`, `x: key "A" repeats "a"`},
	} {
		if !strings.Contains(base, tt.from) {
			t.Fatalf("stale: %q", tt.from)
		}
		msg := parseErr(t, strings.Replace(base, tt.from, tt.to, 1))
		if !strings.HasPrefix(msg, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.to, msg, tt.want)
		}
	}
	// A key in another case alone is not the field: it is missing, and the
	// message says why.
	msg := parseErr(t, strings.Replace(base, `"work":10`, `"Work":10`, 1))
	if msg != `rooms[0].work: missing (there is "Work": keys are case-sensitive)` {
		t.Errorf("Work alone: %q", msg)
	}
	// The same key in different objects is fine.
	if msg := parseErr(t, base); msg != "" {
		t.Error(msg)
	}
}

func TestByteOrderMark(t *testing.T) {
	base := house("You", "Friend", "Kitchen")
	s, err := Parse([]byte("\xef\xbb\xbf" + base))
	if err != nil || s.People[0].Name != "You" {
		t.Errorf("a leading BOM: %v", err)
	}
	for _, doc := range []string{" \xef\xbb\xbf" + base, "\xef\xbb\xbf\xef\xbb\xbf" + base, "\xef\xbb" + base} {
		if _, err := Parse([]byte(doc)); err == nil || !strings.Contains(err.Error(), "invalid JSON") {
			t.Errorf("%q...: %v", doc[:6], err)
		}
	}
}

// Whatever a document echoes into its error, the message stays short and
// printable.
func TestErrorsEchoLittle(t *testing.T) {
	base := house("You", "Friend", "Kitchen")
	long := strings.Repeat("k", 100000)
	digits := strings.Repeat("9", 100000)
	for _, doc := range []string{
		strings.Replace(base, `"share"`, `"`+long+`":1,"share"`, 1),
		strings.Replace(base, `"share"`, `"\u001b[2J`+long+`":1,"share"`, 1),
		strings.Replace(base, `"homeTheatre":false`, `"homeTheatre":`+digits, 1),
		strings.Replace(base, `"homeTheatre":false`, `"homeTheatre":-`+digits+`e99999`, 1),
		strings.Replace(base, `"speed":1`, `"speed":1e400`, 1),
		strings.Replace(base, `"speed":1`, `"speed":`+digits+`e9999`, 1),
		strings.Replace(base, `"name":"flat"`, `"name":"`+long+`"`, 1),
		strings.Replace(base, `"name":"flat"`, `"name":"flat","name":"x","`+long+`":1`, 1),
		strings.Replace(base, `"name":"flat"`, `"name":"flat","`+long+`":1,"`+strings.ToUpper(long)+`":2`, 1),
		strings.Replace(base, `"name":"flat"`, `"name":`+long, 1),
		`{"` + long + `"`,
		`{"a":"` + long + "\x00",
		long,
	} {
		msg := parseErr(t, doc)
		if msg == "" || utf8.RuneCountInString(msg) > 160 || strings.ContainsAny(msg, "\x00\x1b\n") {
			t.Errorf("%d bytes: message %d characters: %q", len(doc), len(msg), msg[:min(len(msg), 300)])
		}
	}
}
