package sim

import (
	"math"

	"chores/sim/vt"
)

// Time is exact virtual minutes (see vt.Time).
type Time = vt.Time

// Whole, Frac, Approx, Later, Earlier, Clamp and Round3 are vt's, here so
// that a user of the model needs one package.
func Whole(m int64) Time            { return vt.Whole(m) }
func Frac(num, den int64) Time      { return vt.Frac(num, den) }
func Approx(m float64) (Time, bool) { return vt.Approx(m) }
func Later(a, b Time) Time          { return vt.Later(a, b) }
func Earlier(a, b Time) Time        { return vt.Earlier(a, b) }
func Clamp(t, lo, hi Time) Time     { return vt.Clamp(t, lo, hi) }
func Round3(x float64) string       { return vt.Round3(x) }

// milli reads x as a decimal of at most three places: the number of
// thousandths it is. A JSON number is read into the nearest float64, and the
// nearest float64 to a decimal with three places, times 1000 and rounded,
// gives back that decimal's thousandths; a float that no such decimal comes
// to (0.1234, NaN) is refused.
func milli(x float64) (int64, bool) {
	if !(math.Abs(x) <= 1e12) {
		return 0, false
	}
	m := math.Round(x * 1000)
	return int64(m), m/1000 == x
}

// minutesOf is a scenario's decimal number of minutes, exactly. Validate has
// checked it has at most three decimals.
func minutesOf(x float64) Time {
	m, _ := milli(x)
	return Frac(m, 1000)
}

// cleaningTime is work minutes at a speed, exactly: (W/1000) / (S/1000).
func cleaningTime(work, speed float64) Time {
	w, _ := milli(work)
	s, _ := milli(speed)
	return Frac(w, s)
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
