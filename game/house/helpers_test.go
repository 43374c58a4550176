package house

import "chores/sim"

// mins is m minutes, for tests.
func mins(m float64) sim.Time {
	t, ok := sim.Approx(m)
	if !ok {
		panic(m)
	}
	return t
}
