package assets

import (
	"os"
	"strings"
	"testing"
)

func TestCaptionsEmbedded(t *testing.T) {
	cs, err := Captions()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 4 {
		t.Fatalf("got %d captions, want at least 4", len(cs))
	}
	if !strings.Contains(cs[0].Text, "jingle") || cs[0].Start != 0 {
		t.Errorf("first caption = %+v, want the intro jingle at 0", cs[0])
	}
	for i, c := range cs {
		if c.End > EpisodeSeconds || c.Start < 0 || c.End <= c.Start {
			t.Errorf("caption %d out of range: %+v", i, c)
		}
	}
	// Captions returns a copy.
	cs[0].Text = "changed"
	again, _ := Captions()
	if again[0].Text == "changed" {
		t.Error("Captions shares its slice with the caller")
	}
}

func TestCaptionAt(t *testing.T) {
	cs := []Caption{
		{0, 2, "♪ (intro jingle)"},
		{2.2, 4, "one"},
		{4.2, 6, "two"},
		{9, 10, "three"},
	}
	for _, tc := range []struct {
		t    float64
		want string
	}{
		{-1, ""},
		{0, "♪ (intro jingle)"},
		{1.99, "♪ (intro jingle)"},
		{2.1, "♪ (intro jingle)"}, // held through a short pause
		{2.2, "one"},
		{4.1, "one"},
		{4.2, "two"},
		{6.49, "two"},
		{6.5, ""}, // a long pause clears the caption
		{8.99, ""},
		{9.5, "three"},
		{10.6, ""},
	} {
		if got := captionAt(cs, tc.t); got != tc.want {
			t.Errorf("captionAt(%v) = %q, want %q", tc.t, got, tc.want)
		}
	}
	// The embedded captions: something is said at the episode's midpoint.
	if CaptionAt(EpisodeSeconds/2) == "" {
		t.Error("no caption at the middle of the episode")
	}
}

func TestParseCaptionsErrors(t *testing.T) {
	for name, in := range map[string]string{
		"not json":   `{"start": 1`,
		"object":     `{"start": 0, "end": 1, "text": "x"}`,
		"empty":      `[]`,
		"backwards":  `[{"start": 2, "end": 1, "text": "x"}]`,
		"overlap":    `[{"start": 0, "end": 2, "text": "a"}, {"start": 1, "end": 3, "text": "b"}]`,
		"too late":   `[{"start": 0, "end": 16, "text": "a"}]`,
		"negative":   `[{"start": -1, "end": 1, "text": "a"}]`,
		"no text":    `[{"start": 0, "end": 1, "text": ""}]`,
		"wrong type": `[{"start": "0", "end": 1, "text": "a"}]`,
	} {
		if _, err := ParseCaptions([]byte(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	cs, err := ParseCaptions([]byte(`[{"start": 0, "end": 1.5, "text": "a \"b\""}]`))
	if err != nil || len(cs) != 1 || cs[0] != (Caption{0, 1.5, `a "b"`}) {
		t.Errorf("good input: %v, %v", cs, err)
	}
}

// The episode is about its own topic: the words never describe the
// listener's situation, so they cannot contradict what the house shows
// (someone listening alone on the sofa, or two cleaning with the home
// theatre on). The script and the captions both.
func TestEpisodeNeverDescribesTheListener(t *testing.T) {
	cs, err := Captions()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, c := range cs {
		texts = append(texts, c.Text)
	}
	script, err := os.ReadFile("podcast/script.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, string(script))
	banned := []string{"clean", "sweep", "dust", "room", "friend", "phone", "airpod", "headphone", "theatre", "theater",
		"listen", "concurren", "parallel", "chore", "house", "wait", "turn"}
	for _, text := range texts {
		low := strings.ToLower(text)
		for _, b := range banned {
			if strings.Contains(low, b) {
				t.Errorf("the episode says %q, which mentions %q", text, b)
			}
		}
	}
}
