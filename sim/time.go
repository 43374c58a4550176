package sim

import (
	"math"
	"strconv"
)

// Time is virtual time in thousandths of a minute. Integer time keeps every
// run exact and identical on every platform: a float sum can round
// differently depending on the order of operations, an integer sum cannot.
type Time int64

// TicksPerMinute is how many Time units make one virtual minute.
const TicksPerMinute = 1000

// Minutes converts a number of minutes to Time, rounding to the nearest tick.
// A single IEEE division or multiplication is correctly rounded everywhere,
// so the conversion is the same natively and in WebAssembly.
func Minutes(m float64) Time { return Time(math.Round(m * TicksPerMinute)) }

// Min is the time in minutes.
func (t Time) Min() float64 { return float64(t) / TicksPerMinute }

// String prints minutes with at most three decimals ("12.5").
func (t Time) String() string { return strconv.FormatFloat(t.Min(), 'f', -1, 64) }

// MarshalJSON writes the time as a number of minutes.
func (t Time) MarshalJSON() ([]byte, error) { return []byte(t.String()), nil }
