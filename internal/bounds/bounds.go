// Package bounds holds the checks every piece of user input goes through, so
// that one rule is written once: numbers from flags, URL parameters, the
// JavaScript API, messages and scenario files are in range (and NaN and the
// infinities never are), and text echoed back in an error is short, quoted
// and escaped, whatever its size or content.
//
// Range checks are written as lo <= x && x <= hi. Every comparison with NaN
// is false, so this form refuses NaN; the tempting x < lo || x > hi lets it
// through. The infinities fail because the bounds are finite.
//
// The package has no dependencies outside the standard library (no ebiten),
// so the model, the command line and the game can all use it.
package bounds

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a number out of its range. Its message names the input and the
// range, for example "-speed NaN: must be a number from 0.5 to 8".
type Error struct {
	Name  string  // what was read: "-speed", "speed", "people[0].speed"
	Value string  // the value as written, or as formatted with %g
	Lo    float64 // the bounds of the range
	Hi    float64
	Kind  Kind
}

// Kind is the shape of a range.
type Kind int

// The kinds of range.
const (
	ClosedRange Kind = iota // lo <= x <= hi
	OpenLow                 // lo < x <= hi
	AtLeastLo               // lo <= x, finite
)

func (e *Error) Error() string {
	switch e.Kind {
	case OpenLow:
		return fmt.Sprintf("%s %s: must be a number over %g and at most %g", e.Name, e.Value, e.Lo, e.Hi)
	case AtLeastLo:
		return fmt.Sprintf("%s %s: must be a number, at least %g", e.Name, e.Value, e.Lo)
	}
	return fmt.Sprintf("%s %s: must be a number from %g to %g", e.Name, e.Value, e.Lo, e.Hi)
}

// Closed checks lo <= x <= hi. NaN and the infinities fail.
func Closed(name string, x, lo, hi float64) error {
	if lo <= x && x <= hi {
		return nil
	}
	return &Error{Name: name, Value: format(x), Lo: lo, Hi: hi, Kind: ClosedRange}
}

// Over checks lo < x <= hi (a duration that must be positive, say). NaN and
// the infinities fail.
func Over(name string, x, lo, hi float64) error {
	if lo < x && x <= hi {
		return nil
	}
	return &Error{Name: name, Value: format(x), Lo: lo, Hi: hi, Kind: OpenLow}
}

// AtLeast checks lo <= x and that x is finite. NaN and the infinities fail.
func AtLeast(name string, x, lo float64) error {
	if lo <= x && x <= math.MaxFloat64 {
		return nil
	}
	return &Error{Name: name, Value: format(x), Lo: lo, Hi: math.Inf(1), Kind: AtLeastLo}
}

// ParseClosed reads a decimal number from text (a URL parameter, say) and
// checks lo <= x <= hi. Text that is not a number, or is "NaN" or "Inf",
// fails with the text echoed through Quote.
func ParseClosed(name, s string, lo, hi float64) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, &Error{Name: name, Value: Quote(s), Lo: lo, Hi: hi, Kind: ClosedRange}
	}
	if err := Closed(name, x, lo, hi); err != nil {
		err.(*Error).Value = Quote(s)
		return 0, err
	}
	return x, nil
}

func format(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// QuoteLimit is how many characters of an input Quote shows, escapes
// included, before cutting it.
const QuoteLimit = 40

// Quote returns s in double quotes with Go's escapes for anything that is
// not printable (control characters, bidirectional controls, invalid UTF-8),
// like strconv.Quote, but cut after QuoteLimit characters of the quoted text
// with "…" before the closing quote. Its result is at most QuoteLimit+3
// characters, whatever s is.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	n := 0
	for i := 0; i < len(s); {
		esc, size := escapeAt(s, i)
		w := utf8.RuneCountInString(esc)
		if n+w > QuoteLimit {
			b.WriteString("…")
			break
		}
		b.WriteString(esc)
		n += w
		i += size
	}
	b.WriteByte('"')
	return b.String()
}

// QuoteTail is Quote keeping the end of s instead of its start, for a file
// path, whose last part names the file: "…/examples/house.json".
func QuoteTail(s string) string {
	var parts []string
	n := 0
	cut := false
	for i := len(s); i > 0; {
		start := i - 1
		for start > 0 && i-start < utf8.UTFMax && !utf8.RuneStart(s[start]) {
			start--
		}
		if _, size := utf8.DecodeRuneInString(s[start:i]); size != i-start {
			start = i - 1 // not one whole rune: take the last byte alone
		}
		esc, _ := escapeAt(s[:i], start)
		w := utf8.RuneCountInString(esc)
		if n+w > QuoteLimit {
			cut = true
			break
		}
		parts = append(parts, esc)
		n += w
		i = start
	}
	var b strings.Builder
	b.WriteByte('"')
	if cut {
		b.WriteString("…")
	}
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	b.WriteByte('"')
	return b.String()
}

// escapeAt returns the character of s at byte i as Quote writes it, and how
// many bytes of s it takes.
func escapeAt(s string, i int) (string, int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 {
		return fmt.Sprintf(`\x%02x`, s[i]), 1
	}
	q := strconv.Quote(s[i : i+size])
	return q[1 : len(q)-1], size
}

// Escape returns s with everything that is not printable written as a Go
// escape (\x1b, \n, \u202e, \xff for a byte that is not UTF-8), and
// printable characters, backslash included, as they are. It does not cut:
// it is for text whose length is already bounded, such as a scenario's names
// in a report, so that no name can move the cursor, retitle a terminal or
// turn the rest of a line around.
func Escape(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || !strconv.IsPrint(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case strconv.IsPrint(r):
			b.WriteString(s[i : i+size])
		default:
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}
