package sim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
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

// Parse reads a scenario from JSON and validates it. Unknown fields, missing
// fields, values of the wrong type and values out of range are errors that
// name the field; nothing is filled in with a default.
func Parse(data []byte) (Scenario, error) {
	if len(data) > maxScenarioLen {
		return Scenario{}, fmt.Errorf("scenario: larger than %d bytes", maxScenarioLen)
	}
	if err := checkPresence(data); err != nil {
		return Scenario{}, err
	}
	var s Scenario
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Scenario{}, jsonError(err)
	}
	if err := s.Validate(); err != nil {
		return Scenario{}, err
	}
	return s, nil
}

// jsonError turns encoding/json's messages into ones that name the field.
func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		field := typeErr.Field
		if field == "" {
			field = "scenario"
		}
		return &FieldError{field, fmt.Sprintf("must be %s, not %s", kindName(typeErr.Type.Kind().String()), typeErr.Value)}
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return fmt.Errorf("scenario: invalid JSON at byte %d: %v", syntaxErr.Offset, syntaxErr)
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return fmt.Errorf("scenario: unknown field %s", name)
	}
	if err == io.EOF {
		return errors.New("scenario: empty input")
	}
	return fmt.Errorf("scenario: %v", strings.TrimPrefix(msg, "json: "))
}

func kindName(kind string) string {
	switch kind {
	case "float64":
		return "a number"
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	}
	return kind
}

// required lists the fields every object must have.
var (
	scenarioFields = []string{"name", "people", "rooms", "podcast", "cleaners", "listen", "share", "homeTheatre", "handoffMinutes"}
	personFields   = []string{"name", "speed", "phone", "airpods"}
	roomFields     = []string{"name", "work"}
	podcastFields  = []string{"minutes", "listeners"}
)

// checkPresence reports the first missing required field. encoding/json
// cannot tell a missing field from a zero one, so the document is read once
// more as raw maps just to see which keys are there.
func checkPresence(data []byte) error {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		if _, ok := err.(*json.UnmarshalTypeError); ok {
			return errors.New("scenario: must be a JSON object")
		}
		return jsonError(err)
	}
	if top == nil {
		return errors.New("scenario: must be a JSON object")
	}
	if err := missing("", top, scenarioFields); err != nil {
		return err
	}
	if err := eachObject("people", top["people"], personFields); err != nil {
		return err
	}
	if err := eachObject("rooms", top["rooms"], roomFields); err != nil {
		return err
	}
	var pod map[string]json.RawMessage
	if json.Unmarshal(top["podcast"], &pod) == nil && pod != nil {
		return missing("podcast.", pod, podcastFields)
	}
	return nil // a podcast of the wrong type is reported by the decoder
}

func eachObject(field string, raw json.RawMessage, required []string) error {
	var list []map[string]json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return nil // wrong type: the decoder reports it with the field name
	}
	for i, obj := range list {
		if obj == nil {
			return &FieldError{fmt.Sprintf("%s[%d]", field, i), "must be an object"}
		}
		if err := missing(fmt.Sprintf("%s[%d].", field, i), obj, required); err != nil {
			return err
		}
	}
	return nil
}

func missing(prefix string, obj map[string]json.RawMessage, required []string) error {
	for _, f := range required {
		raw, ok := obj[f]
		if !ok {
			return &FieldError{prefix + f, "missing"}
		}
		if string(bytes.TrimSpace(raw)) == "null" {
			return &FieldError{prefix + f, "must not be null"}
		}
	}
	return nil
}

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
			return &FieldError{f + ".name", fmt.Sprintf("%q is used twice", p.Name)}
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
			return &FieldError{f + ".name", fmt.Sprintf("%q is used twice", r.Name)}
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
		return &FieldError{"listen", fmt.Sprintf("must be %q or %q, not %q", ListenAfter, ListenDuring, s.Listen)}
	}
	if s.Share != ShareTurns && s.Share != ShareTogether {
		return &FieldError{"share", fmt.Sprintf("must be %q or %q, not %q", ShareTurns, ShareTogether, s.Share)}
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
			return &FieldError{"listen", fmt.Sprintf("%q cannot listen during the cleaning: that needs the home theatre, or their own phone and airpods", name)}
		case !p.Phone && s.firstPhone() < 0:
			return &FieldError{"podcast.listeners", fmt.Sprintf("%q has nothing to listen with: nobody has a phone and there is no home theatre", name)}
		}
	}
	return nil
}

func checkName(field, name string, allowEmpty bool) error {
	n := utf8.RuneCountInString(name)
	if !utf8.ValidString(name) {
		return &FieldError{field, "is not valid UTF-8"}
	}
	if (n == 0 && !allowEmpty) || n > MaxNameLength {
		return &FieldError{field, fmt.Sprintf("must be 1 to %d characters, has %d", MaxNameLength, n)}
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
			return &FieldError{fmt.Sprintf("%s[%d]", field, i), fmt.Sprintf("%q is not one of the people", n)}
		}
		if seen[n] {
			return &FieldError{fmt.Sprintf("%s[%d]", field, i), fmt.Sprintf("%q is listed twice", n)}
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
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // a Scenario has only plain fields; this cannot fail
	}
	return out
}
