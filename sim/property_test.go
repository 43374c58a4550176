package sim

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// randomScenario makes a valid scenario from a seeded generator.
func randomScenario(rng *rand.Rand, n int) Scenario {
	s := Scenario{
		Name:           fmt.Sprintf("random-%d", n),
		Listen:         []string{ListenAfter, ListenDuring}[rng.IntN(2)],
		Share:          []string{ShareTurns, ShareTogether}[rng.IntN(2)],
		HomeTheatre:    rng.IntN(4) == 0,
		HandoffMinutes: float64(rng.IntN(4)) * 1.5,
		Podcast:        Podcast{Minutes: float64(1 + rng.IntN(90))},
	}
	speeds := []float64{0.1, 0.5, 1, 1, 1.5, 2, 3, 10}
	for i := range 1 + rng.IntN(MaxPeople) {
		s.People = append(s.People, Person{
			Name:    fmt.Sprintf("P%d", i),
			Speed:   speeds[rng.IntN(len(speeds))],
			Phone:   rng.IntN(2) == 0,
			Airpods: rng.IntN(2) == 0,
		})
	}
	for i := range rng.IntN(24) {
		s.Rooms = append(s.Rooms, Room{Name: fmt.Sprintf("R%d", i), Work: float64(1+rng.IntN(120)) / 4})
	}
	for _, p := range s.People {
		if rng.IntN(3) > 0 {
			s.Cleaners = append(s.Cleaners, p.Name)
		}
		if rng.IntN(3) > 0 {
			s.Podcast.Listeners = append(s.Podcast.Listeners, p.Name)
		}
	}
	if len(s.Rooms) > 0 && len(s.Cleaners) == 0 {
		s.Cleaners = []string{s.People[rng.IntN(len(s.People))].Name}
	}
	// Make the listeners able to listen (rules 3 and 4).
	for i, p := range s.People {
		if !slices.Contains(s.Podcast.Listeners, p.Name) || s.HomeTheatre {
			continue
		}
		if s.Listen == ListenDuring {
			s.People[i].Phone, s.People[i].Airpods = true, true
		} else if s.firstPhone() < 0 {
			s.People[i].Phone = true
		}
	}
	return s
}

const propertyRuns = 400

func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 11))
	for n := range propertyRuns {
		s := randomScenario(rng, n)
		if err := s.Validate(); err != nil {
			t.Fatalf("generator made an invalid scenario: %v\n%s", err, s.JSON())
		}
		r := mustRun(t, s)
		if err := checkProperties(&s, r); err != nil {
			t.Fatalf("%v\nscenario:\n%s", err, s.JSON())
		}
		again := mustRun(t, s)
		if string(again.JSON()) != string(r.JSON()) {
			t.Fatalf("second run differs\nscenario:\n%s", s.JSON())
		}
	}
}

func checkProperties(s *Scenario, r *Result) error {
	episode := minutesOf(s.Podcast.Minutes)
	// Every room is cleaned exactly once, whole, by one cleaner, at that
	// cleaner's speed, and rooms are started in listed order.
	cleanedBy := make([]int, len(s.Rooms))
	roomStart := make([]Time, len(s.Rooms))
	for _, sp := range r.Spans {
		if sp.Lane != LaneHands {
			continue
		}
		cleanedBy[sp.Room]++
		roomStart[sp.Room] = sp.Start
		if !slices.Contains(s.Cleaners, sp.Who) {
			return fmt.Errorf("%s cleaned %s but is no cleaner", sp.Who, sp.What)
		}
		if want := cleaningTime(s.Rooms[sp.Room].Work, s.People[sp.Person].Speed); sp.End.Sub(sp.Start) != want {
			return fmt.Errorf("%s took %v for %s, want %v", sp.Who, sp.End.Sub(sp.Start).Exact(), sp.What, want.Exact())
		}
	}
	for i, n := range cleanedBy {
		if n != 1 {
			return fmt.Errorf("room %s cleaned %d times", s.Rooms[i].Name, n)
		}
		if i > 0 && roomStart[i].Less(roomStart[i-1]) {
			return fmt.Errorf("room %d started before room %d", i, i-1)
		}
	}
	// Nobody's hands do two things at once; nobody hears two things at once.
	for p := range s.People {
		for _, lane := range []string{LaneHands, LaneEars} {
			var last Time
			for _, sp := range r.Spans {
				if sp.Person == p && sp.Lane == lane {
					if sp.Start.Less(last) {
						return fmt.Errorf("%s's %s overlap at %v", sp.Who, lane, sp.Start)
					}
					last = sp.End
				}
			}
		}
	}
	// Every listener hears the whole episode exactly once; nobody else does.
	heard := map[string]int{}
	for _, sp := range r.Spans {
		if sp.Lane == LaneEars {
			heard[sp.Who]++
			if sp.End.Sub(sp.Start) != episode {
				return fmt.Errorf("%s heard %v of %v", sp.Who, sp.End.Sub(sp.Start), episode)
			}
			if s.Listen == ListenDuring && !sp.Start.IsZero() {
				return fmt.Errorf("%s listens during the cleaning but started at %v", sp.Who, sp.Start)
			}
		}
	}
	for _, l := range s.Podcast.Listeners {
		if heard[l] != 1 {
			return fmt.Errorf("%s heard the episode %d times", l, heard[l])
		}
	}
	if len(heard) != len(s.Podcast.Listeners) {
		return fmt.Errorf("%d people heard it, %d listeners", len(heard), len(s.Podcast.Listeners))
	}
	// Under turns no phone plays for two listeners at once, and consecutive
	// turns are at least a handoff apart.
	for d, dev := range r.Devices {
		var plays []Span
		for _, sp := range r.Spans {
			if sp.Dev == d {
				plays = append(plays, sp)
			}
		}
		for i := 1; i < len(plays); i++ {
			if dev.Share == ShareTurns && plays[i].Start.Less(plays[i-1].End.Add(r.Handoff)) {
				return fmt.Errorf("%s plays for %s at %v while %s's turn ends at %v", dev.Name, plays[i].Who, plays[i].Start, plays[i-1].Who, plays[i-1].End)
			}
			if dev.Share == ShareTogether && plays[i].Start != plays[0].Start {
				return fmt.Errorf("%s's together stream started twice", dev.Name)
			}
		}
	}
	// The makespan is at least every lower bound (exactly: no slack).
	totalWork, largest := new(big.Rat), new(big.Rat)
	for _, rm := range s.Rooms {
		w := minutesOf(rm.Work).Rat()
		totalWork.Add(totalWork, w)
		if w.Cmp(largest) > 0 {
			largest = w
		}
	}
	fastest, speeds := new(big.Rat), new(big.Rat)
	for _, c := range s.Cleaners {
		sp := minutesOf(s.People[s.PersonIndex(c)].Speed).Rat()
		speeds.Add(speeds, sp)
		if sp.Cmp(fastest) > 0 {
			fastest = sp
		}
	}
	var bounds []*big.Rat
	if len(s.Podcast.Listeners) > 0 {
		bounds = append(bounds, episode.Rat())
	}
	if len(s.Rooms) > 0 {
		bounds = append(bounds, new(big.Rat).Quo(totalWork, speeds), new(big.Rat).Quo(largest, fastest))
	}
	for _, dev := range r.Devices {
		if dev.Share == ShareTurns {
			k := int64(len(dev.Listeners))
			bounds = append(bounds, episode.Scale(k, 1).Add(r.Handoff.Scale(k-1, 1)).Rat())
		}
	}
	for _, b := range bounds {
		if r.Makespan.Rat().Cmp(b) < 0 {
			return fmt.Errorf("makespan %v is below the lower bound %v", r.Makespan.Exact(), b.RatString())
		}
	}
	// Per person: cleaning + listening + waiting + idle, less the minutes
	// spent cleaning and listening at once, is the makespan.
	for _, f := range r.People {
		both := f.Cleaning.Add(f.Listening).Add(f.Waiting).Add(f.Idle).Sub(r.Makespan)
		if both.Sign() < 0 || Earlier(f.Cleaning, f.Listening).Less(both) {
			return fmt.Errorf("%s's minutes do not add up: %+v, makespan %v", f.Name, f, r.Makespan)
		}
	}
	// The state at any minute agrees with the timeline.
	var st State
	for _, t := range []Time{{}, r.Makespan.Scale(1, 3), r.Makespan.Scale(1, 2), r.Makespan.Sub(Whole(1)), r.Makespan} {
		r.At(t, &st)
		for i, ps := range st.People {
			if ps.Room >= 0 && st.Rooms[ps.Room].By != i {
				return fmt.Errorf("at %v %s cleans room %d but the room says %d", t, s.People[i].Name, ps.Room, st.Rooms[ps.Room].By)
			}
			if ps.Device >= 0 && ps.WaitingFor >= 0 {
				return fmt.Errorf("at %v %s both listens and waits", t, s.People[i].Name)
			}
		}
	}
	r.At(r.Makespan, &st)
	for i, rm := range st.Rooms {
		if rm.Left != 0 {
			return fmt.Errorf("room %d not clean at the makespan", i)
		}
	}
	return nil
}

var update = flag.Bool("update", false, "rewrite testdata/golden.txt")

// TestGoldenTimelines pins many results as readable text: the figures as
// exact fractions, every span, wait and handoff, and a hash of the JSON as a
// quick cross-check of everything else. The WebAssembly run of the tests
// (make test runs both) compares against the same file, so a difference
// between platforms fails here, with a diff.
func TestGoldenTimelines(t *testing.T) {
	var b strings.Builder
	for _, p := range Presets() {
		dumpResult(&b, mustRun(t, p.Scenario))
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for n := range 100 {
		dumpResult(&b, mustRun(t, randomScenario(rng, n)))
	}
	const file = "testdata/golden.txt"
	if *update {
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./sim -run Golden -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("timelines differ from %s (-want +got):\n%s", file, diffLines(string(want), got))
	}
}

// dumpResult writes a result the way a person would check it by hand.
func dumpResult(b *strings.Builder, r *Result) {
	fmt.Fprintf(b, "== %s: makespan %s, speedup %s, parallelism %s, overlap %s, waiting %s\n",
		r.Scenario, r.Exact.Makespan, r.Exact.Speedup, r.Exact.Parallelism, r.Exact.Overlap, r.Exact.Waiting)
	for _, sp := range r.Spans {
		fmt.Fprintf(b, "  %s %s %s%s %s-%s\n", sp.Who, sp.Lane, sp.What, cond(sp.Device != "", " on "+sp.Device), sp.Start.Exact(), sp.End.Exact())
	}
	for _, w := range r.Waits {
		fmt.Fprintf(b, "  %s waits for %s %s-%s\n", w.Who, w.For, w.Start.Exact(), w.End.Exact())
	}
	for _, h := range r.Handoffs {
		fmt.Fprintf(b, "  %s passes from %s to %s %s-%s\n", h.Device, h.From, h.To, h.Start.Exact(), h.End.Exact())
	}
	fmt.Fprintf(b, "  json sha256 %x\n", sha256.Sum256(r.JSON()))
}

func cond(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

// diffLines shows how got differs from want, line by line (-want +got),
// with two lines of context around each change: a longest common
// subsequence, which is plenty fast for a golden file of a few thousand lines.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	// lcs[i][j] is the length of the longest common subsequence of w[i:], g[j:].
	lcs := make([][]int32, len(w)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(g)+1)
	}
	for i := len(w) - 1; i >= 0; i-- {
		for j := len(g) - 1; j >= 0; j-- {
			if w[i] == g[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		mark byte
		text string
	}
	var all []line
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			all = append(all, line{' ', w[i]})
			i, j = i+1, j+1
		case i < len(w) && (j == len(g) || lcs[i+1][j] >= lcs[i][j+1]):
			all = append(all, line{'-', w[i]})
			i++
		default:
			all = append(all, line{'+', g[j]})
			j++
		}
	}
	const context, most = 2, 80
	var out []string
	last := -1
	for k, l := range all {
		if l.mark == ' ' {
			continue
		}
		for c := max(last+1, k-context); c < k; c++ {
			out = append(out, string(all[c].mark)+all[c].text)
		}
		out = append(out, string(l.mark)+l.text)
		last = k
		for c := k + 1; c < len(all) && c <= k+context && all[c].mark == ' '; c++ {
			out = append(out, " "+all[c].text)
			last = c
		}
		if len(out) > most {
			out = append(out, "…")
			break
		}
	}
	return strings.Join(out, "\n")
}

func FuzzParse(f *testing.F) {
	for _, p := range Presets() {
		f.Add(p.Scenario.JSON())
	}
	alt, _ := Alternative(preset(f, "concurrency-2"))
	f.Add(alt.JSON())
	f.Add([]byte(`{"name":"x","people":[{"name":"A","speed":0.1,"phone":true,"airpods":true}],"rooms":[],"podcast":{"minutes":600,"listeners":["A"]},"cleaners":[],"listen":"during","share":"turns","homeTheatre":false,"handoffMinutes":60}`))
	f.Add([]byte(`{"people": null}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data)
		if err != nil {
			return
		}
		r, err := Simulate(s)
		if err != nil {
			t.Fatalf("a valid scenario failed to run: %v", err)
		}
		if err := checkProperties(&s, r); err != nil {
			t.Fatal(err)
		}
		back, err := Parse(s.JSON())
		if err != nil || string(back.JSON()) != string(s.JSON()) {
			t.Fatalf("round trip failed: %v", err)
		}
	})
}
