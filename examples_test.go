package main

import (
	"bytes"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// The scenario files in examples/, each with the makespan and the total
// waiting worked out by hand from the rules of the model (DESIGN.md, "The
// rules of the model"). Rule 1: free cleaners take the rooms in listed
// order, the earlier person in `people` first on a tie; a room takes
// work / speed minutes. Rules 4 and 5: when listening starts, and how a
// device is shared. Rule 6: the makespan is the last end.
var examples = []struct {
	file     string
	makespan string // exact, as a rational
	waiting  string
}{
	// Ana (speed 1, the only phone), Ben (speed 2), Cleo (speed 1) clean
	// Kitchen 20, Living room 16, Bedroom 12, Bathroom 8, Study 10, Hall 6,
	// then all hear the 30-minute episode together from Ana's phone.
	//   0: Ana Kitchen 20/1 = 20 -> 20; Ben Living room 16/2 = 8 -> 8;
	//      Cleo Bedroom 12/1 = 12 -> 12.
	//   8: Ben Bathroom 8/2 = 4 -> 12.
	//  12: Ben and Cleo free at once; Ben is earlier in people:
	//      Ben Study 10/2 = 5 -> 17; Cleo Hall 6/1 = 6 -> 18.
	// Ready: Ana 20, Ben 17, Cleo 18. Together: the stream starts when all
	// are ready, at 20, and ends at 20 + 30 = 50.
	// makespan 50; waiting Ben 20-17 = 3 + Cleo 20-18 = 2 = 5.
	{"household-of-three.json", "50", "5"},

	// Slow (speed 0.5) and Fast (speed 2), each with a phone and airpods,
	// listen during: both hear the 30-minute episode from 0 to 30 on their
	// own phones while they clean Kitchen 20, Living room 15, Bedroom 15,
	// Bathroom 10.
	//   0: Slow Kitchen 20/0.5 = 40 -> 40; Fast Living room 15/2 = 7.5 -> 7.5.
	//   7.5: Fast Bedroom 15/2 = 7.5 -> 15.
	//  15: Fast Bathroom 10/2 = 5 -> 20.
	// makespan max(40, 20, 30, 30) = 40: the slow cleaner took the biggest
	// room (with Fast listed first it would be 30). Nobody waits.
	{"slow-and-fast-airpods.json", "40", "0"},

	// You (speed 1, the phone) and Friend (speed 1, no phone) clean
	// Kitchen 20, Living room 15, Bedroom 15, Bathroom 10, then take turns
	// on your phone for the 45-minute episode, with a 2-minute handoff.
	//   0: You Kitchen 20 -> 20; Friend Living room 15 -> 15.
	//  15: Friend Bedroom 15 -> 30.
	//  20: You Bathroom 10 -> 30.
	// Both ready at 30; same ready time, so people order: You 30 -> 75;
	// Friend starts at max(30, 75 + 2) = 77 -> 77 + 45 = 122.
	// makespan 122; waiting Friend 77 - 30 = 47.
	{"one-phone-in-turns.json", "122", "47"},

	// You and Friend (speed 1) clean Kitchen 20, Living room 15,
	// Bedroom 15, Bathroom 10, Hall 10 while the home theatre plays the
	// 45-minute episode to them and Kid (who does not clean) from 0.
	//   0: You Kitchen 20 -> 20; Friend Living room 15 -> 15.
	//  15: Friend Bedroom 15 -> 30.
	//  20: You Bathroom 10 -> 30.
	//  30: both free; You are earlier in people: You Hall 10 -> 40.
	// Listening 0 -> 45 for all three. makespan max(40, 30, 45) = 45;
	// nobody waits.
	{"home-theatre.json", "45", "0"},
}

// exact reads a JSON number (or a string holding a decimal or a fraction,
// should the output ever carry one) as an exact rational.
func exact(t *testing.T, field string, raw json.RawMessage) *big.Rat {
	t.Helper()
	s := string(bytes.TrimSpace(raw))
	if u, err := strconv.Unquote(s); err == nil {
		s = u
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("%s: %s is not a number", field, raw)
	}
	return r
}

func TestExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("examples", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, ex := range examples {
		listed = append(listed, filepath.Join("examples", ex.file))
	}
	slices.Sort(files)
	slices.Sort(listed)
	if !slices.Equal(files, listed) {
		t.Errorf("examples/ holds %q but the test knows %q: work out each file's makespan by hand and list it here", files, listed)
	}
	for _, ex := range examples {
		t.Run(ex.file, func(t *testing.T) {
			path := filepath.Join("examples", ex.file)
			if _, err := os.Stat(path); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			code := run([]string{"-report", "-scenario", path, "-format", "json"}, &out, &errOut)
			if code != 0 || errOut.Len() != 0 {
				t.Fatalf("exit %d, stderr %q", code, errOut.String())
			}
			var got struct {
				Makespan json.RawMessage `json:"makespan"`
				Waiting  json.RawMessage `json:"waiting"`
			}
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatalf("the report is not JSON: %v\n%s", err, out.String())
			}
			for _, f := range []struct {
				name string
				raw  json.RawMessage
				want string
			}{{"makespan", got.Makespan, ex.makespan}, {"waiting", got.Waiting, ex.waiting}} {
				if f.raw == nil {
					t.Errorf("the report has no %s:\n%s", f.name, out.String())
					continue
				}
				want, _ := new(big.Rat).SetString(f.want)
				if g := exact(t, f.name, f.raw); g.Cmp(want) != 0 {
					t.Errorf("%s %s, worked out by hand %s", f.name, g.RatString(), want.RatString())
				}
			}
		})
	}
}
