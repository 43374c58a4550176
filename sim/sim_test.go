package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// Every test in the package ends with no goroutine of a run still alive.
// Under WebAssembly the runtime parks one goroutine of its own to receive
// JavaScript events; it is not ours.
var leakOptions = []goleak.Option{goleak.IgnoreAnyFunction("runtime.handleEvent")}

func TestMain(m *testing.M) { goleak.VerifyTestMain(m, leakOptions...) }

func mustRun(t *testing.T, s Scenario) *Result {
	t.Helper()
	r, err := Simulate(s)
	if err != nil {
		t.Fatalf("%s: %v", s.Name, err)
	}
	return r
}

func TestStories(t *testing.T) {
	// makespan, speedup, parallelism, overlap, waiting: exact.
	tests := []struct {
		scenario Scenario
		want     ExactFigures
	}{
		{preset(t, "sequential"), ExactFigures{"105", "1", "4/7", "0", "0"}},
		{preset(t, "concurrency-1"), ExactFigures{"60", "7/4", "1", "3/4", "0"}},
		{preset(t, "parallelism-1"), ExactFigures{"75", "7/5", "4/5", "0", "0"}},
		{preset(t, "parallelism-2"), ExactFigures{"75", "7/5", "4/5", "0", "0"}},
		{preset(t, "concurrency-2"), ExactFigures{"75", "7/5", "4/5", "0", "0"}},
		{preset(t, "best-of-both"), ExactFigures{"45", "7/3", "4/3", "2/3", "0"}},
		{turnsAlternative(t), ExactFigures{"120", "7/8", "1/2", "0", "45"}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario.Name+"-"+tt.scenario.Share, func(t *testing.T) {
			r := mustRun(t, tt.scenario)
			if r.Exact != tt.want {
				t.Errorf("figures %+v, want %+v", r.Exact, tt.want)
			}
			if f := r.FiguresAt(r.Makespan); !f.Final || f.Speedup != r.Speedup || f.Waiting != r.Waiting {
				t.Errorf("FiguresAt(makespan) = %+v, not the result's own figures", f)
			}
		})
	}
}

// turnsAlternative is concurrency-2 with the phone passed on instead of
// shared: the model's alternative of that story.
func turnsAlternative(t testing.TB) Scenario {
	t.Helper()
	alt, ok := Alternative(preset(t, "concurrency-2"))
	if !ok || alt.Share != ShareTurns {
		t.Fatalf("concurrency-2 has no turns alternative: %v %+v", ok, alt)
	}
	return alt
}

// mins is m minutes for tests (to the thousandth).
func mins(m float64) Time {
	t, ok := Approx(m)
	if !ok {
		panic(m)
	}
	return t
}

func preset(t testing.TB, name string) Scenario {
	t.Helper()
	p, ok := PresetByName(name)
	if !ok {
		t.Fatalf("no preset %q", name)
	}
	return p.Scenario
}

// The timelines of the stories, spelled out: who cleans which room when, and
// who listens through what.
func TestStoryTimelines(t *testing.T) {
	tests := map[string]string{
		"sequential":    "You hands Kitchen 0-20|You hands Living room 20-35|You hands Bedroom 35-50|You hands Bathroom 50-60|You ears your phone 60-105",
		"concurrency-1": "You hands Kitchen 0-20|You ears your phone 0-45|You hands Living room 20-35|You hands Bedroom 35-50|You hands Bathroom 50-60",
		"parallelism-1": "You hands Kitchen 0-20|Friend hands Living room 0-15|Friend hands Bedroom 15-30|You hands Bathroom 20-30|You ears your phone 30-75",
		"parallelism-2": "You hands Kitchen 0-20|Friend hands Living room 0-15|Friend hands Bedroom 15-30|You hands Bathroom 20-30|You ears your phone 30-75|Friend ears Friend's phone 30-75",
		"concurrency-2": "You hands Kitchen 0-20|Friend hands Living room 0-15|Friend hands Bedroom 15-30|You hands Bathroom 20-30|You ears your phone 30-75|Friend ears your phone 30-75",
		"best-of-both":  "You hands Kitchen 0-20|You ears home theatre 0-45|Friend hands Living room 0-15|Friend ears home theatre 0-45|Friend hands Bedroom 15-30|You hands Bathroom 20-30",
	}
	for name, want := range tests {
		r := mustRun(t, preset(t, name))
		if got := timeline(r); got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}

func timeline(r *Result) string {
	var parts []string
	for _, sp := range r.Spans {
		what := sp.What
		if sp.Lane == LaneEars {
			what = sp.Device
		}
		parts = append(parts, sp.Who+" "+sp.Lane+" "+what+" "+sp.Start.String()+"-"+sp.End.String())
	}
	return strings.Join(parts, "|")
}

func TestTurnsWithHandoff(t *testing.T) {
	s := turnsAlternative(t)
	s.HandoffMinutes = 2.5
	r := mustRun(t, s)
	if r.Makespan != mins(122.5) || r.Waiting != mins(47.5) {
		t.Errorf("makespan %v waiting %v, want 122.5 and 47.5", r.Makespan, r.Waiting)
	}
	// Halfway through the handoff the phone is being passed from You to Friend.
	var st State
	r.At(mins(76), &st)
	d := st.Devices[0]
	if !d.HandingOver || d.From != 0 || d.To != 1 || d.Playing {
		t.Errorf("at 76: %+v, want handing over from 0 to 1", d)
	}
	if st.People[1].WaitingFor != 0 {
		t.Errorf("Friend should be waiting for the phone at 76")
	}
}

// First come, first served: the earlier-ready listener gets the phone even
// when they come later in people order.
func TestTurnsFirstComeFirstServed(t *testing.T) {
	s := turnsAlternative(t)
	s.Rooms = []Room{{Name: "Kitchen", Work: 20}}
	s.Cleaners = []string{"You"} // the friend is ready at 0, You at 20
	r := mustRun(t, s)
	want := "You hands Kitchen 0-20|Friend ears your phone 0-45|You ears your phone 45-90"
	if got := timeline(r); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if r.Waits[0].Who != "You" || r.Waits[0].Start != mins(20) || r.Waits[0].End != mins(45) {
		t.Errorf("wait %+v, want You 20-45", r.Waits[0])
	}
}

// A together stream waits for its last listener; the early one waits.
func TestTogetherWaitsForEveryone(t *testing.T) {
	p := preset(t, "concurrency-2")
	p.Cleaners = []string{"You"}
	r := mustRun(t, p)
	if r.Makespan != mins(105) || r.Waiting != mins(60) {
		t.Errorf("makespan %v waiting %v, want 105 and 60", r.Makespan, r.Waiting)
	}
	var st State
	r.At(mins(10), &st)
	if st.People[1].WaitingFor != 0 || st.People[0].Room != 0 {
		t.Errorf("at 10 the friend waits for the phone while You clean the kitchen: %+v", st.People)
	}
}

// Rule 1's tie-break: free at the same instant, the one earlier in people
// goes first, whoever finished their last room first in goroutine order.
func TestCleanersTieBreakByPeopleOrder(t *testing.T) {
	s := preset(t, "parallelism-1")
	s.People[0].Speed, s.People[1].Speed = 1, 2
	s.Rooms = []Room{{Name: "A", Work: 10}, {Name: "B", Work: 20}, {Name: "C", Work: 1}, {Name: "D", Work: 1}}
	// You: A 0-10. Friend: B 0-10. Both free at 10: You takes C, Friend D.
	r := mustRun(t, s)
	want := "You hands A 0-10|Friend hands B 0-10|You hands C 10-11|Friend hands D 10-10.5|You ears your phone 11-56"
	if got := timeline(r); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestStateAt(t *testing.T) {
	r := mustRun(t, preset(t, "best-of-both"))
	var st State
	r.At(mins(10), &st)
	if st.People[0].Room != 0 || st.People[1].Room != 1 {
		t.Errorf("at 10: rooms %d %d, want 0 and 1", st.People[0].Room, st.People[1].Room)
	}
	if got := st.Rooms[0].Left; got != 0.5 {
		t.Errorf("kitchen left at 10 = %v, want 0.5", got)
	}
	if st.People[0].Device != 0 || st.People[0].Episode != mins(10) || !st.Devices[0].Playing || st.Devices[0].Listeners != 3 {
		t.Errorf("at 10 both hear the home theatre 10 minutes in: %+v %+v", st.People[0], st.Devices[0])
	}
	r.At(mins(30), &st)
	for i, room := range st.Rooms {
		if room.Left != 0 {
			t.Errorf("room %d not clean at 30", i)
		}
	}
	if st.People[0].Cleaning || st.People[0].RoomsDone != 2 {
		t.Errorf("at 30 You are done cleaning with 2 rooms: %+v", st.People[0])
	}
	r.At(mins(45), &st)
	if !st.Done || st.Devices[0].Playing || !st.People[1].Heard {
		t.Errorf("at 45 everything is over: %+v", st)
	}
	// Backward works as well as forward.
	r.At(Time{}, &st)
	if st.Rooms[3].Left != 1 || st.Rooms[3].By != -1 || st.Done {
		t.Errorf("at 0 the bathroom is untouched: %+v", st.Rooms[3])
	}
}

func TestStateAtAllocatesNothing(t *testing.T) {
	r := mustRun(t, preset(t, "concurrency-2"))
	var st State
	r.At(Time{}, &st)
	allocs := testing.AllocsPerRun(100, func() { r.At(mins(33), &st) })
	if allocs != 0 {
		t.Errorf("At allocates %v times per call", allocs)
	}
}

func TestAbandonedRunLeavesNoGoroutine(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := preset(t, "best-of-both")
	for i := range 40 {
		s.Rooms = append(s.Rooms, Room{Name: "Extra " + string(rune('A'+i)), Work: 1})
	}
	if _, err := SimulateContext(ctx, s); err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	goleak.VerifyNone(t, leakOptions...)
}

func TestParseErrors(t *testing.T) {
	base := string(preset(t, "concurrency-2").JSON())
	tests := []struct {
		name, from, to, want string
	}{
		{"unknown field", `"share"`, `"shaer": "x", "share"`, `unknown field "shaer"`},
		{"missing field", `"handoffMinutes": 0`, `"x2": 0`, `handoffMinutes: missing`},
		{"wrong type", `"handoffMinutes": 0`, `"handoffMinutes": "0"`, "handoffMinutes: must be a number"},
		{"bad listen", `"listen": "after"`, `"listen": "later"`, `listen: must be "after" or "during"`},
		{"bad share", `"share": "together"`, `"share": "both"`, `share: must be "turns" or "together"`},
		{"speed too low", `"speed": 1,`, `"speed": 0.05,`, "people[0].speed: must be at least 0.1"},
		{"work zero", `"work": 20`, `"work": 0`, "rooms[0].work: must be over 0"},
		{"work too big", `"work": 20`, `"work": 601`, "rooms[0].work: must be over 0 and at most 600"},
		{"episode", `"minutes": 45`, `"minutes": -1`, "podcast.minutes"},
		{"handoff", `"handoffMinutes": 0`, `"handoffMinutes": 61`, "handoffMinutes: must be at least 0 and at most 60"},
		{"duplicate person", `"name": "Friend"`, `"name": "You"`, `people[1].name: "You" is used twice`},
		{"long name", `"name": "Friend"`, `"name": "Friendly neighbour from no 9"`, "people[1].name: must be 1 to 24 characters"},
		{"empty name", `"name": "Friend"`, `"name": ""`, "people[1].name: must be 1 to 24"},
		{"unknown listener", `"listeners": [
      "You",`, `"listeners": [
      "Yuo",`, `podcast.listeners[0]: "Yuo" is not one of the people`},
		{"unknown cleaner", `"cleaners": [
    "You",`, `"cleaners": [
    "Nobody",`, `cleaners[0]: "Nobody" is not one of the people`},
		{"during without airpods", `"listen": "after"`, `"listen": "during"`, `listen: "You" cannot listen during the cleaning`},
		{"no phone at all", `"phone": true`, `"phone": false`, `podcast.listeners: "You" has nothing to listen with`},
		{"trailing data", `"handoffMinutes": 0
}`, `"handoffMinutes": 0
} {}`, "invalid character '{' after top-level value"},
		{"null", `"rooms": [`, `"rooms": null, "x": [`, "rooms: must not be null"},
		{"not an object", base, `[1, 2]`, "must be a JSON object"},
		{"syntax", base, `{"name": `, "scenario: "},
		{"empty", base, ``, "scenario: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.from) {
				t.Fatalf("test is stale: %q is not in the base JSON", tt.from)
			}
			_, err := Parse([]byte(strings.Replace(base, tt.from, tt.to, 1)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadNamesAMisspeltStory(t *testing.T) {
	_, err := Load([]byte("sequentail"))
	if err == nil || !strings.Contains(err.Error(), `unknown scenario "sequentail"`) {
		t.Errorf("err = %v", err)
	}
	if _, err := Load([]byte(`{"name": `)); err == nil || !strings.Contains(err.Error(), "invalid JSON") {
		t.Errorf("broken JSON: err = %v", err)
	}
}

func TestMissingFieldsAreNamed(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(preset(t, "parallelism-2").JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range scenarioFields {
		m := clone(t, doc)
		delete(m, f)
		assertErr(t, m, f+": missing")
	}
	for _, f := range personFields {
		m := clone(t, doc)
		delete(m["people"].([]any)[1].(map[string]any), f)
		assertErr(t, m, "people[1]."+f+": missing")
	}
	for _, f := range roomFields {
		m := clone(t, doc)
		delete(m["rooms"].([]any)[2].(map[string]any), f)
		assertErr(t, m, "rooms[2]."+f+": missing")
	}
	for _, f := range podcastFields {
		m := clone(t, doc)
		delete(m["podcast"].(map[string]any), f)
		assertErr(t, m, "podcast."+f+": missing")
	}
	m := clone(t, doc)
	m["people"] = []any{}
	assertErr(t, m, "people: needs 1 to 8 people, has 0")
}

func clone(t *testing.T, m map[string]any) map[string]any {
	b, _ := json.Marshal(m)
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func assertErr(t *testing.T, doc map[string]any, want string) {
	t.Helper()
	b, _ := json.Marshal(doc)
	_, err := Parse(b)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %q", err, want)
	}
}

func TestPresetsRoundTrip(t *testing.T) {
	for _, p := range Presets() {
		s, err := Parse(p.Scenario.JSON())
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if string(s.JSON()) != string(p.Scenario.JSON()) {
			t.Errorf("%s changed on a round trip", p.Name)
		}
		if l, err := Load([]byte(p.Name)); err != nil || l.Name != p.Name {
			t.Errorf("Load(%q) = %v, %v", p.Name, l.Name, err)
		}
		if l, err := Load(p.Scenario.JSON()); err != nil || l.Name != p.Name {
			t.Errorf("Load(JSON of %q) = %v, %v", p.Name, l.Name, err)
		}
	}
}

func TestLargestIsValidAndRuns(t *testing.T) {
	s := Largest()
	if len(s.People) != MaxPeople || len(s.Rooms) != MaxRooms {
		t.Fatalf("%d people, %d rooms", len(s.People), len(s.Rooms))
	}
	r := mustRun(t, s)
	if err := checkProperties(&s, r); err != nil {
		t.Fatal(err)
	}
}

// Time is exact, so ties follow the rules. These two went wrong when every
// room's duration was rounded to a thousandth of a minute.
func TestExactTimeKeepsTies(t *testing.T) {
	tie := `{"name":"tie","people":[{"name":"A","speed":1.5,"phone":true,"airpods":false},{"name":"B","speed":1,"phone":false,"airpods":false}],
	 "rooms":[{"name":"r1","work":10},{"name":"r2","work":20},{"name":"r3","work":10},{"name":"r4","work":10},{"name":"r5","work":60},{"name":"r6","work":1}],
	 "podcast":{"minutes":1,"listeners":["A"]},"cleaners":["A","B"],"listen":"after","share":"together","homeTheatre":false,"handoffMinutes":0}`
	alone := `{"name":"alone","people":[{"name":"A","speed":1.5,"phone":true,"airpods":false}],
	 "rooms":[{"name":"r1","work":10},{"name":"r2","work":10},{"name":"r3","work":10}],
	 "podcast":{"minutes":50,"listeners":["A"]},"cleaners":["A"],"listen":"after","share":"turns","homeTheatre":false,"handoffMinutes":0}`
	tests := []struct {
		json, makespan, timeline string
	}{
		// A's three rooms at 1.5 end at 20 exactly, with B's 20-minute
		// room: A is earlier in people, so A takes the 60-minute room.
		{tie, "61", "A hands r1 0-20/3|B hands r2 0-20|A hands r3 20/3-40/3|A hands r4 40/3-20|A hands r5 20-60|B hands r6 20-21|A ears A's phone 60-61"},
		{alone, "70", "A hands r1 0-20/3|A hands r2 20/3-40/3|A hands r3 40/3-20|A ears A's phone 20-70"},
	}
	for _, tt := range tests {
		s, err := Parse([]byte(tt.json))
		if err != nil {
			t.Fatal(err)
		}
		r := mustRun(t, s)
		if r.Makespan.Exact() != tt.makespan {
			t.Errorf("%s: makespan %s, want %s", s.Name, r.Makespan.Exact(), tt.makespan)
		}
		var parts []string
		for _, sp := range r.Spans {
			what := sp.What
			if sp.Lane == LaneEars {
				what = sp.Device
			}
			parts = append(parts, sp.Who+" "+sp.Lane+" "+what+" "+sp.Start.Exact()+"-"+sp.End.Exact())
		}
		if got := strings.Join(parts, "|"); got != tt.timeline {
			t.Errorf("%s:\n got %s\nwant %s", s.Name, got, tt.timeline)
		}
	}
}

// Numbers are decimals of at most three places, and speeds may not make
// the clock so fine that sums could overflow; both are named errors.
func TestNumbersAreExactDecimals(t *testing.T) {
	s := preset(t, "sequential")
	s.Rooms[0].Work = 10.0001
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "rooms[0].work") {
		t.Errorf("10.0001 minutes of work: err = %v, want one naming rooms[0].work", err)
	}
	s = preset(t, "sequential")
	for i, sp := range []float64{9.973, 9.967, 9.949, 9.941, 9.931} {
		s.People = append(s.People, Person{Name: fmt.Sprint("P", i), Speed: sp})
	}
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "speed") {
		t.Errorf("five speeds with prime thousandths: err = %v, want one naming a speed", err)
	}
}

// Whatever a scenario holds, its error messages stay short: every echo of
// the input is cut (bounds.Quote).
func TestValidateEchoesLittle(t *testing.T) {
	long := strings.Repeat("x", 10000)
	for _, edit := range []func(s *Scenario){
		func(s *Scenario) { s.Listen = long },
		func(s *Scenario) { s.Share = long },
		func(s *Scenario) { s.Cleaners = []string{long} },
		func(s *Scenario) { s.Podcast.Listeners = []string{long} },
	} {
		s := preset(t, "concurrency-2")
		edit(&s)
		if err := s.Validate(); err == nil || len(err.Error()) > 200 {
			t.Errorf("error of %d characters: %.80v…", len(fmt.Sprint(err)), err)
		}
	}
	if _, err := Load([]byte(long)); err == nil || len(err.Error()) > 200 {
		t.Errorf("an unknown story of 10000 characters gives an error of %d", len(fmt.Sprint(err)))
	}
}

func TestRanks(t *testing.T) {
	var rs []*Result
	for _, p := range Presets() {
		rs = append(rs, mustRun(t, p.Scenario)) // 105, 60, 75, 75, 75, 45
	}
	for _, tt := range []struct {
		minute float64
		want   string
	}{
		{0, "[0 0 0 0 0 0]"},
		{45, "[0 0 0 0 0 1]"},
		{74.9, "[0 2 0 0 0 1]"},
		{75, "[0 2 3 3 3 1]"},
		{200, "[6 2 3 3 3 1]"},
	} {
		if got := fmt.Sprint(Ranks(rs, mins(tt.minute))); got != tt.want {
			t.Errorf("at %v: ranks %s, want %s", tt.minute, got, tt.want)
		}
	}
}
