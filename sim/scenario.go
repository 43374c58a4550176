package sim

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"chores/internal/bounds"
)

// Scenario is one household story: who is there, what they own, which rooms
// need cleaning and who wants to hear the podcast. It is the JSON form used by
// scenario files, share links and tests (see DESIGN.md).
type Scenario struct {
	Name           string   `json:"name"`
	People         []Person `json:"people"`
	Rooms          []Room   `json:"rooms"`
	Podcast        Podcast  `json:"podcast"`
	Cleaners       []string `json:"cleaners"`
	Listen         string   `json:"listen"` // "after" or "during"
	Share          string   `json:"share"`  // "turns" or "together"
	HomeTheatre    bool     `json:"homeTheatre"`
	HandoffMinutes float64  `json:"handoffMinutes"`
}

// Person is someone in the house and what they carry.
type Person struct {
	Name    string  `json:"name"`
	Speed   float64 `json:"speed"`
	Phone   bool    `json:"phone"`
	Airpods bool    `json:"airpods"`
}

// Room is a room to clean; Work is minutes of cleaning at speed 1.
type Room struct {
	Name string  `json:"name"`
	Work float64 `json:"work"`
}

// Podcast is the episode and who must hear it.
type Podcast struct {
	Minutes   float64  `json:"minutes"`
	Listeners []string `json:"listeners"`
}

// Listening modes and sharing modes.
const (
	ListenAfter   = "after"
	ListenDuring  = "during"
	ShareTurns    = "turns"
	ShareTogether = "together"
)

// Limits of a scenario.
const (
	MaxPeople      = 8
	MaxRooms       = 64
	MinSpeed       = 0.1
	MaxSpeed       = 10
	MaxMinutes     = 600
	MaxHandoff     = 60
	MaxNameLength  = 24
	maxScenarioLen = 1 << 20
)

// FieldError is a problem with one field of a scenario. Field is a path such
// as "people[1].speed".
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// Validate checks the limits and the rules that make a scenario playable.
func (s *Scenario) Validate() error {
	if err := checkName("name", s.Name, true); err != nil {
		return err
	}
	if len(s.People) < 1 || len(s.People) > MaxPeople {
		return &FieldError{"people", fmt.Sprintf("needs 1 to %d people, has %d", MaxPeople, len(s.People))}
	}
	people := map[string]int{}
	for i, p := range s.People {
		f := fmt.Sprintf("people[%d]", i)
		if err := checkName(f+".name", p.Name, false); err != nil {
			return err
		}
		if _, dup := people[p.Name]; dup {
			return &FieldError{f + ".name", fmt.Sprintf("%s is used twice", bounds.Quote(p.Name))}
		}
		people[p.Name] = i
		if err := checkRange(f+".speed", p.Speed, MinSpeed, MaxSpeed, true); err != nil {
			return err
		}
	}
	if len(s.Rooms) > MaxRooms {
		return &FieldError{"rooms", fmt.Sprintf("at most %d rooms, has %d", MaxRooms, len(s.Rooms))}
	}
	rooms := map[string]bool{}
	for i, r := range s.Rooms {
		f := fmt.Sprintf("rooms[%d]", i)
		if err := checkName(f+".name", r.Name, false); err != nil {
			return err
		}
		if rooms[r.Name] {
			return &FieldError{f + ".name", fmt.Sprintf("%s is used twice", bounds.Quote(r.Name))}
		}
		rooms[r.Name] = true
		if err := checkRange(f+".work", r.Work, 0, MaxMinutes, false); err != nil {
			return err
		}
	}
	if err := checkRange("podcast.minutes", s.Podcast.Minutes, 0, MaxMinutes, false); err != nil {
		return err
	}
	if err := checkNames("podcast.listeners", s.Podcast.Listeners, people); err != nil {
		return err
	}
	if err := checkNames("cleaners", s.Cleaners, people); err != nil {
		return err
	}
	if len(s.Rooms) > 0 && len(s.Cleaners) == 0 {
		return &FieldError{"cleaners", fmt.Sprintf("nobody cleans the %d rooms", len(s.Rooms))}
	}
	if s.Listen != ListenAfter && s.Listen != ListenDuring {
		return &FieldError{"listen", fmt.Sprintf("must be %q or %q, not %s", ListenAfter, ListenDuring, bounds.Quote(s.Listen))}
	}
	if s.Share != ShareTurns && s.Share != ShareTogether {
		return &FieldError{"share", fmt.Sprintf("must be %q or %q, not %s", ShareTurns, ShareTogether, bounds.Quote(s.Share))}
	}
	if err := checkRange("handoffMinutes", s.HandoffMinutes, 0, MaxHandoff, true); err != nil {
		return err
	}
	if err := s.checkGrid(); err != nil {
		return err
	}
	// Rules 3 and 4: every listener needs something to hear through.
	for _, name := range s.Podcast.Listeners {
		p := s.People[people[name]]
		switch {
		case s.HomeTheatre:
		case s.Listen == ListenDuring && !(p.Phone && p.Airpods):
			return &FieldError{"listen", fmt.Sprintf("%s cannot listen during the cleaning: that needs the home theatre, or their own phone and airpods", bounds.Quote(name))}
		case !p.Phone && s.firstPhone() < 0:
			return &FieldError{"podcast.listeners", fmt.Sprintf("%s has nothing to listen with: nobody has a phone and there is no home theatre", bounds.Quote(name))}
		}
	}
	return nil
}

// checkName checks a name: valid UTF-8, 1 to MaxNameLength characters (or
// none, when allowEmpty), printable characters only (letters, marks,
// numbers, punctuation, symbols and the ASCII space, as unicode.IsPrint
// says), no spaces at either end. Names are drawn on screen and printed on
// terminals; a control character, a bidirectional override or isolate, or an
// invisible format character could move the cursor, retitle a terminal or
// make one line read as another.
func checkName(field, name string, allowEmpty bool) error {
	n := utf8.RuneCountInString(name)
	if !utf8.ValidString(name) {
		return &FieldError{field, "is not valid UTF-8"}
	}
	if (n == 0 && !allowEmpty) || n > MaxNameLength {
		return &FieldError{field, fmt.Sprintf("must be 1 to %d characters, has %d", MaxNameLength, n)}
	}
	i := 0
	for _, r := range name {
		i++
		if unicode.IsPrint(r) {
			continue
		}
		kind := "not printable"
		switch {
		case unicode.Is(unicode.Bidi_Control, r):
			kind = "a bidirectional control"
		case unicode.IsControl(r):
			kind = "a control character"
		case unicode.Is(unicode.Cf, r):
			kind = "an invisible format character"
		case unicode.IsSpace(r):
			kind = "a space other than U+0020"
		}
		return &FieldError{field, fmt.Sprintf("must be printable characters only; character %d is %U, %s", i, r, kind)}
	}
	if strings.TrimSpace(name) != name {
		return &FieldError{field, "must not start or end with spaces"}
	}
	return nil
}

// checkRange checks lo < v <= hi, or lo <= v <= hi when closed, and that v
// is a decimal of at most three places (time is kept exactly; see Time).
// The comparisons are written so that NaN fails them.
func checkRange(field string, v, lo, hi float64, closed bool) error {
	ok := v <= hi && (v > lo || (closed && v == lo))
	if !ok {
		lower := "over"
		if closed {
			lower = "at least"
		}
		return &FieldError{field, fmt.Sprintf("must be %s %g and at most %g, is %g", lower, lo, hi, v)}
	}
	if _, exact := milli(v); !exact {
		return &FieldError{field, fmt.Sprintf("%g has more than three decimals", v)}
	}
	return nil
}

// maxGrid bounds the common denominator of a scenario's times: every
// instant and sum of them is a whole number of 1/grid minutes, the largest
// sum the model forms is under 4e6 minutes, and 4e6 × 1e12 fits an int64
// with room to spare. Speeds with many decimals that share few factors
// (9.973 beside 9.967 beside …) can exceed it.
const maxGrid = 1e12

// checkGrid checks that the speeds leave the time grid within maxGrid:
// durations are work/speed in thousandths, so their denominators divide the
// speeds' thousandths, and handoff and episode minutes are thousandths.
func (s *Scenario) checkGrid() error {
	grid := int64(1000)
	for i, p := range s.People {
		k, _ := milli(p.Speed)
		grid = grid / gcd(grid, k) * k
		if grid > maxGrid {
			return &FieldError{fmt.Sprintf("people[%d].speed", i), fmt.Sprintf(
				"%g with the speeds before it needs too fine a clock to keep time exact; use fewer decimals", p.Speed)}
		}
	}
	return nil
}

func checkNames(field string, names []string, people map[string]int) error {
	seen := map[string]bool{}
	for i, n := range names {
		if _, ok := people[n]; !ok {
			return &FieldError{fmt.Sprintf("%s[%d]", field, i), fmt.Sprintf("%s is not one of the people", bounds.Quote(n))}
		}
		if seen[n] {
			return &FieldError{fmt.Sprintf("%s[%d]", field, i), fmt.Sprintf("%s is listed twice", bounds.Quote(n))}
		}
		seen[n] = true
	}
	return nil
}

// firstPhone is the index of the first person with a phone, or -1.
func (s *Scenario) firstPhone() int {
	for i, p := range s.People {
		if p.Phone {
			return i
		}
	}
	return -1
}

// PersonIndex is the position of a person in People, or -1.
func (s *Scenario) PersonIndex(name string) int {
	for i, p := range s.People {
		if p.Name == name {
			return i
		}
	}
	return -1
}

// JSON is the scenario in its file form, indented.
func (s Scenario) JSON() []byte {
	out, err := json.MarshalIndent(s.Clone(), "", "  ")
	if err != nil {
		panic(err) // a Scenario has only plain fields; this cannot fail
	}
	return out
}
