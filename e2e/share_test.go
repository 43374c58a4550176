//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// The share button gives a link to the story of one's own at this minute,
// with its sharing mode and view, in the share panel (and the clipboard when
// the browser allows); opened in a new tab it plays the same story at the
// same minute, the same way.
func TestShareButton(t *testing.T) {
	tb := newTab(t)
	tb.open("/?autoplay=0&mute=1&share=together&view=code")
	story := `{"name":"our flat","people":[{"name":"Ann","speed":1.5,"phone":true,"airpods":true},{"name":"Bo","speed":1,"phone":false,"airpods":true}],` +
		`"rooms":[{"name":"Kitchen","work":20},{"name":"Hall","work":7}],"podcast":{"minutes":40,"listeners":["Ann","Bo"]},"cleaners":["Ann","Bo"],` +
		`"listen":"after","share":"turns","homeTheatre":false,"handoffMinutes":2}`
	tb.callOK(top, "setScenario", strconv.Quote(story))
	tb.wait("our flat", func(s State) bool { return s.Scenario == "our flat" })
	tb.callOK(top, "pause")
	tb.callOK(top, "seek", "23.5")
	before := tb.wait("minute 23.5", func(s State) bool { return s.Minute == 23.5 && !s.Playing })
	var share string
	json.Unmarshal([]byte(mustEval[string](tb, `JSON.stringify(window.chores.state().share)`)), &share)

	tb.press("button", "share")
	tb.waitJS("the share panel", `(() => { const p = document.getElementById("share-panel"); return !!p && !p.hidden && document.getElementById("share-link").value !== "" })()`, stepTimeout)
	link := mustEval[string](tb, `document.getElementById("share-link").value`)
	api := mustEval[string](tb, `window.chores.shareURL()`)
	if link != api {
		t.Errorf("the panel's link %q differs from shareURL() %q", link, api)
	}
	for _, want := range []string{origin + "/?config=z.", "&t=23.5&autoplay=0", "&share=together", "&view=code"} {
		if !strings.Contains(link, want) {
			t.Errorf("the link %q lacks %q", link, want)
		}
	}
	if len(link) > 2000 {
		t.Errorf("the link is %d characters", len(link))
	}
	selected := mustEval[bool](tb, `document.activeElement === document.getElementById("share-link") && document.getElementById("share-link").selectionEnd > 0`)
	tb.waitJS("the copy's outcome", `document.getElementById("share-status").textContent !== ""`, stepTimeout)
	status := mustEval[string](tb, `document.getElementById("share-status").textContent`)
	t.Logf("the link (%d characters), selected %v; the panel says %q", len(link), selected, status)
	if !selected && status != "Link copied." {
		t.Errorf("the link is neither copied nor selected to copy by hand: %q", status)
	}
	if status == "Link copied." {
		tb.waitNotice(top, "Link copied")
	}
	tb.screenshot("share-panel-1280x800")
	// The panel's buttons send their requests; Close hides it.
	mustEval[any](tb, `(document.querySelector("#share-panel .share-close").click(), null)`)
	tb.waitJS("the panel closed", `document.getElementById("share-panel").hidden`, stepTimeout)

	other := newTabSize(t, 640, 400)
	other.navigate(strings.TrimPrefix(link, origin))
	after := other.waitReady(top)
	after = other.wait("the shared story", func(s State) bool { return s.Scenario == "our flat" })
	if after.Minute != before.Minute || after.Makespan != before.Makespan || after.View != "code" || after.Playing || after.Title != before.Title {
		t.Errorf("the link opens %s, want the story as shared: %s", after, before)
	}
	var otherShare string
	json.Unmarshal([]byte(mustEval[string](other, `JSON.stringify(window.chores.state().share)`)), &otherShare)
	if otherShare != share || share != "together" {
		t.Errorf("shared %q, opened %q", share, otherShare)
	}
	if got := mustEval[string](other, `window.chores.shareURL()`); got != link {
		t.Errorf("the opened link gives %q, want %q", got, link)
	}

	// A damaged link: a notice, and the default story.
	cut := strings.TrimPrefix(link, origin)
	cut = cut[:strings.Index(cut, "&")-9] + "&t=5"
	other.navigate(cut)
	other.waitReady(top)
	other.waitNotice(top, "config")
	if s := other.state(); s.Scenario != "sequential" {
		t.Errorf("a damaged link plays %s", s.Scenario)
	}
}

// predictState mirrors state().predict.
type predictState struct {
	On       bool     `json:"on"`
	Guess    *float64 `json:"guess"`
	Revealed bool     `json:"revealed"`
	Off      *float64 `json:"off"`
	Line     string   `json:"line"`
}

// Predict mode end to end: the marker dragged on the timeline with the
// mouse is the guess; the story played to its end reveals how far off it
// was, from the model's makespan.
func TestPredictInTheBrowser(t *testing.T) {
	tb := newTab(t)
	s := tb.open("/?predict=1&scenario=concurrency-1&mute=1")
	pr := mustEval[predictState](tb, `window.chores.state().predict`)
	if !pr.On || pr.Guess != nil || s.Playing || s.Minute != 0 || !strings.Contains(pr.Line, "drag the marker") {
		t.Fatalf("predict=1: %+v, %s", pr, s)
	}
	chart := tb.item("panel", "timeline chart")
	axis := 120.0 // every preset's axis spans 120 minutes
	xAt := func(m float64) float64 { return chart.X + chart.W*m/axis }
	y := chart.Y + chart.H/2
	if err := tb.do(stepTimeout,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, xAt(20), y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xAt(35), y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xAt(48), y, chromedp.ButtonLeft),
	); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // a frame or two reads the held button
	if err := tb.do(stepTimeout, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, xAt(48), y, chromedp.ButtonLeft, chromedp.ClickCount(1))); err != nil {
		t.Fatal(err)
	}
	tb.waitJS("a guess near 48", `(g => g !== null && Math.abs(g - 48) <= 1)(window.chores.state().predict.guess)`, stepTimeout)
	if s := tb.state(); s.Minute != 0 || s.Playing {
		t.Errorf("dragging the guess moved the playhead: %s", s)
	}
	pr = mustEval[predictState](tb, `window.chores.state().predict`)
	guess := *pr.Guess
	tb.screenshot("predict-browser-guess")
	tb.callOK(top, "setSpeed", "8")
	tb.press("button", "play")
	end := tb.waitState(top, "the end", 60*time.Second, func(s State) bool { return s.Done })
	pr = mustEval[predictState](tb, `window.chores.state().predict`)
	if !pr.Revealed || pr.Off == nil || *pr.Off != math.Abs(guess-end.Makespan) || end.Makespan != 60 {
		t.Fatalf("at the end: %+v (guess %v, makespan %v)", pr, guess, end.Makespan)
	}
	want := fmt.Sprintf("You guessed %v min; it took 60: %v minutes off.", guess, *pr.Off)
	if pr.Line != want {
		t.Errorf("the line says %q, want %q", pr.Line, want)
	}
	tb.waitNotice(top, "You guessed")
	tb.screenshot("predict-browser-revealed")
}
