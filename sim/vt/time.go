package vt

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Time is an exact number of virtual minutes: a fraction in lowest terms.
//
// Exact, because the rules break ties by who is free first: a cleaner at
// speed 1.5 who finishes three 10-minute rooms is free at 20 exactly, at the
// same instant as a cleaner at speed 1 who finishes a 20-minute room, and
// rule 1 then gives the next room to the one earlier in `people`. Rounding
// each room's duration to a grid would let the drift decide instead.
//
// Arithmetic is on int64 fractions and checks for overflow: a result that
// would not fit panics with ErrOverflow rather than be wrong. (The model
// keeps its numbers in range: see sim's maxGrid.)
//
// The zero value is 0. Times in lowest terms are equal exactly when their
// fields are, so == and map keys work.
type Time struct {
	num  int64
	den1 int64 // the denominator minus one, so that the zero value is 0/1
}

// Whole is m whole minutes.
func Whole(m int64) Time { return Time{num: m} }

// Frac is num/den minutes. den must be positive.
func Frac(num, den int64) Time {
	if den <= 0 {
		panic("vt: Frac with a denominator that is not positive")
	}
	g := gcd(abs(num), den)
	if g > 1 {
		num, den = num/g, den/g
	}
	return Time{num: num, den1: den - 1}
}

// Approx is the time nearest to m minutes on a grid of thousandths: for
// minutes typed by a person or moved by a playhead, never for the model's
// own instants. It reports false for NaN, infinities and values too large
// to hold.
func Approx(m float64) (Time, bool) {
	if !(math.Abs(m) <= 1e12) {
		return Time{}, false
	}
	return Frac(int64(math.Round(m*1000)), 1000), true
}

// Num and Den are the fraction, in lowest terms.
func (t Time) Num() int64 { return t.num }

// Den is the denominator, at least 1.
func (t Time) Den() int64 { return t.den1 + 1 }

// IsZero reports whether t is 0.
func (t Time) IsZero() bool { return t.num == 0 }

// Sign is -1, 0 or +1.
func (t Time) Sign() int {
	switch {
	case t.num < 0:
		return -1
	case t.num > 0:
		return 1
	}
	return 0
}

// Cmp compares exactly: -1 if t < u, 0 if equal, +1 if t > u.
func (t Time) Cmp(u Time) int {
	if t.den1 == u.den1 {
		switch {
		case t.num < u.num:
			return -1
		case t.num > u.num:
			return 1
		}
		return 0
	}
	// Compare t.num*u.den with u.num*t.den in 128 bits: never overflows.
	ah, al := mul128(t.num, u.Den())
	bh, bl := mul128(u.num, t.Den())
	return cmp128(ah, al, bh, bl)
}

// Less reports t < u.
func (t Time) Less(u Time) bool { return t.Cmp(u) < 0 }

// Add is t + u.
func (t Time) Add(u Time) Time {
	if t.den1 == u.den1 {
		return Frac(addChecked(t.num, u.num), t.Den())
	}
	td, ud := t.Den(), u.Den()
	g := gcd(td, ud)
	l := mulChecked(td/g, ud) // the least common denominator
	return Frac(addChecked(mulChecked(t.num, l/td), mulChecked(u.num, l/ud)), l)
}

// Sub is t - u.
func (t Time) Sub(u Time) Time { return t.Add(Time{num: -u.num, den1: u.den1}) }

// Scale is t times k/d, d positive.
func (t Time) Scale(k, d int64) Time {
	// Cancel first so the products stay as small as they can.
	g1, g2 := gcd(abs(t.num), d), gcd(abs(k), t.Den())
	n := mulChecked(t.num/max(g1, 1), k/max(g2, 1))
	return Frac(n, mulChecked(d/max(g1, 1), t.Den()/max(g2, 1)))
}

// Later is the later of a and b; Earlier the earlier.
func Later(a, b Time) Time {
	if a.Less(b) {
		return b
	}
	return a
}

// Earlier is the earlier of a and b.
func Earlier(a, b Time) Time {
	if b.Less(a) {
		return b
	}
	return a
}

// Clamp is t limited to [lo, hi].
func Clamp(t, lo, hi Time) Time { return Later(lo, Earlier(t, hi)) }

// Min is the time in minutes, as the float64 nearest to it. (It only
// rounds: compare Times, not their Min.)
func (t Time) Min() float64 {
	if t.den1 == 0 {
		return float64(t.num)
	}
	if abs(t.num) < 1<<53 && t.Den() < 1<<53 {
		return float64(t.num) / float64(t.Den()) // one correctly rounded division
	}
	f, _ := t.Rat().Float64()
	return f
}

// Rat is t as a big.Rat.
func (t Time) Rat() *big.Rat { return big.NewRat(t.num, t.Den()) }

// Exact is the fraction written out: "61", "-3/4", "200/3".
func (t Time) Exact() string {
	if t.den1 == 0 {
		return strconv.FormatInt(t.num, 10)
	}
	return strconv.FormatInt(t.num, 10) + "/" + strconv.FormatInt(t.Den(), 10)
}

// String is the time rounded to at most three decimals, for people: "12.5",
// "66.667". Text output rounds; JSON does not.
func (t Time) String() string { return Round3(t.Min()) }

// Round3 writes x with at most three decimals, trailing zeros dropped: the
// one rounding of every figure shown to a person.
func Round3(x float64) string {
	s := strconv.FormatFloat(x, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// MarshalJSON writes the time as a number of minutes, the float64 nearest
// to it in its shortest form: exact whenever the time is a decimal that a
// float64 holds, as every instant of a scenario with whole minutes is.
func (t Time) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, t.Min(), 'g', -1, 64), nil
}

func abs(x int64) int64 {
	if x < 0 {
		if x == math.MinInt64 {
			panic(ErrOverflow)
		}
		return -x
	}
	return x
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// ErrOverflow is what a Time operation panics with when its result would
// not fit.
var ErrOverflow error = overflowError{}

type overflowError struct{}

func (overflowError) Error() string { return "vt: time arithmetic overflowed" }

func addChecked(a, b int64) int64 {
	s := a + b
	if (s > a) != (b > 0) {
		panic(ErrOverflow)
	}
	return s
}

func mulChecked(a, b int64) int64 {
	hi, lo := mul128(a, b)
	if (hi != 0 || lo > math.MaxInt64) && (hi != -1 || lo < 1<<63) {
		panic(ErrOverflow)
	}
	return int64(lo)
}

// mul128 is the signed 128-bit product of a and b as (high, low) words.
func mul128(a, b int64) (int64, uint64) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	// Correct the unsigned high word for negative operands.
	if a < 0 {
		hi -= uint64(b)
	}
	if b < 0 {
		hi -= uint64(a)
	}
	return int64(hi), lo
}

func cmp128(ah int64, al uint64, bh int64, bl uint64) int {
	switch {
	case ah < bh:
		return -1
	case ah > bh:
		return 1
	case al < bl:
		return -1
	case al > bl:
		return 1
	}
	return 0
}
