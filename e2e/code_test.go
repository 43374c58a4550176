//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// CodeState mirrors state().code.
type CodeState struct {
	File  string   `json:"file"`
	Lines []string `json:"lines"`
	Marks []struct {
		Person  string `json:"person"`
		Line    int    `json:"line"`
		Blocked bool   `json:"blocked"`
	} `json:"marks"`
}

// The code view shows story.go whole, and marks each goroutine where the
// engine parked it: at minute 10 of concurrency-2 both clean (running, on
// the room's line) and both listeners are blocked until their rooms are done.
func TestCodeViewMarks(t *testing.T) {
	tb := newTab(t)
	tb.open("/?scenario=concurrency-2&view=code&t=10&autoplay=0")
	tb.wait("the code view at minute 10", func(s State) bool { return s.View == "code" && s.Minute == 10 && !s.Playing })
	code := mustEval[CodeState](tb, `window.chores.state().code`)
	if code.File != "sim/story.go" || len(code.Lines) < 30 || !strings.HasPrefix(code.Lines[0], "package sim") {
		t.Fatalf("code view shows %q, %d lines", code.File, len(code.Lines))
	}
	got := map[string]bool{}
	for _, m := range code.Marks {
		line := code.Lines[m.Line-1]
		switch {
		case strings.Contains(line, "rt.Work(") && !m.Blocked:
			got[m.Person+" cleans"] = true
		case strings.Contains(line, "p.cleaning.Wait()") && m.Blocked:
			got[m.Person+" waits for their rooms"] = true
		default:
			t.Errorf("unexpected mark %+v on %q", m, line)
		}
	}
	for _, want := range []string{"You cleans", "Friend cleans", "You waits for their rooms", "Friend waits for their rooms"} {
		if !got[want] {
			t.Errorf("missing mark: %s (marks %+v)", want, code.Marks)
		}
	}
	for _, no := range []string{"Passivate", "Activate", "AtEndOfInstant"} {
		if strings.Contains(strings.Join(code.Lines, "\n"), no) {
			t.Errorf("the code shows %s", no)
		}
	}
	tb.screenshot("code-view-concurrency-2-10")
}
