package play

// The number and echo rules of internal/bounds, in the words the game's
// notices use.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"chores/internal/bounds"
)

// inRange reports whether lo <= x <= hi, written so that NaN (every
// comparison with it is false) and infinities beyond the range fail.
func inRange(x, lo, hi float64) bool { return bounds.Closed("", x, lo, hi) == nil }

// quote is an echo of someone's input, cut short (bounds.Quote), saying how
// long it really was when it was cut.
func quote(s string) string {
	q := bounds.Quote(s)
	if strings.HasSuffix(q, "…\"") {
		q += fmt.Sprintf(" (%d characters)", utf8.RuneCountInString(s))
	}
	return q
}

// numberRange is one kind of number a user gives (a speed, a minute): its
// name for messages and the range it must be in. Every number from a URL
// parameter, the JavaScript API and a parent's messages is checked here.
type numberRange struct {
	what   string // "a speed"
	lo, hi float64
}

var (
	speedRange = numberRange{"a speed", MinSpeed, MaxSpeed}
	// A minute past the end is the end; the bound keeps the playhead's
	// arithmetic far from overflow.
	minuteRange = numberRange{"a minute", 0, 1e9}
)

// check returns nil when x is in the range, or the one message for it.
func (r numberRange) check(x float64) error {
	if inRange(x, r.lo, r.hi) {
		return nil
	}
	return fmt.Errorf("%s must be a number from %s to %s, not %v", r.what, num(r.lo), num(r.hi), x)
}

// parse reads a number typed by a user (a URL parameter) and checks it.
func (r numberRange) parse(s string) (float64, error) {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%s must be a number from %s to %s, not %s", r.what, num(r.lo), num(r.hi), quote(s))
	}
	return x, r.check(x)
}

// num prints a bound in plain digits (1000000000, not 1e+09).
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
