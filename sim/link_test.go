package sim

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// A link gives back the very scenario it was made from, for thousands of
// random households; the largest the limits allow fits in 2,000 characters.
func TestLinksRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 26))
	for n := range 2000 {
		s := randomScenario(rng, n)
		back, err := DecodeLink(EncodeLink(s))
		if err != nil || string(back.JSON()) != string(s.JSON()) {
			t.Fatalf("%s: round trip failed: %v", s.Name, err)
		}
	}
	big := Largest()
	if n := len(EncodeLink(big)); n > 2000 {
		t.Errorf("the largest household's link is %d characters, over 2,000", n)
	}
	// Long names everywhere: 24 characters each, all different.
	long := Largest()
	for i := range long.Rooms {
		long.Rooms[i].Name = fmt.Sprintf("Room number %02d of house", i)
	}
	for i := range long.People {
		old := long.People[i].Name
		name := fmt.Sprintf("Person %d with a name xy", i)
		long.People[i].Name = name
		long.Cleaners[i], long.Podcast.Listeners[i] = name, name
		_ = old
	}
	if err := long.Validate(); err != nil {
		t.Fatal(err)
	}
	link := EncodeLink(long)
	if len(link) > 2000 {
		t.Errorf("the largest household with 24-character names makes a link of %d characters, over 2,000", len(link))
	}
	t.Logf("links: largest %d characters, with long names %d", len(EncodeLink(big)), len(link))
}

func TestPlainLinksStillWork(t *testing.T) {
	s := preset(t, "best-of-both")
	plain := base64.RawURLEncoding.EncodeToString(s.JSON())
	back, err := DecodeLink(plain)
	if err != nil || back.Name != "best-of-both" {
		t.Fatalf("a plain base64url link: %v", err)
	}
	if _, err := DecodeLink(plain + "=="); err != nil {
		t.Errorf("padding is optional: %v", err)
	}
}

func TestDamagedLinks(t *testing.T) {
	good := EncodeLink(preset(t, "sequential"))
	for _, bad := range []string{
		"z.!!!",
		good[:len(good)/2],
		"z." + base64.RawURLEncoding.EncodeToString([]byte("not deflate at all")),
		strings.Repeat("A", MaxLinkLength+1),
		"e30", // {} : valid JSON, not a scenario
	} {
		if _, err := DecodeLink(bad); err == nil {
			t.Errorf("%.20q… decoded without an error", bad)
		} else if len(err.Error()) > 200 {
			t.Errorf("an error of %d characters", len(err.Error()))
		}
	}
}
