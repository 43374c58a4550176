//go:build e2e

package e2e

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// loseContext drops w's WebGL context as a browser does when it has too
// many: Ebitengine answers by reloading the page.
const loseContext = `(() => {
  const c = %s.document.querySelector("canvas");
  const gl = c && (c.getContext("webgl2") || c.getContext("webgl"));
  const ext = gl && gl.getExtension("WEBGL_lose_context");
  if (!ext) { return false; }
  ext.loseContext();
  return true;
})()`

// A lost context loses nothing: the page reloads on the same story, minute
// and speed (kept in sessionStorage), paused as it was.
func TestLostContextRestores(t *testing.T) {
	tb := newTabSize(t, 480, 300)
	tb.open("/index.html?ui=minimal&load=now&autoplay=0&mute=1")
	tb.callOK(top, "setScenario", `"best-of-both"`)
	tb.callOK(top, "setSpeed", "2")
	mustEval[any](tb, `window.chores.pause(), window.chores.seek(32)`)
	tb.wait("best-of-both at 32, 2x, paused", func(s State) bool {
		return s.Scenario == "best-of-both" && s.Minute == 32 && s.Speed == 2 && !s.Playing
	})
	time.Sleep(1200 * time.Millisecond) // the state is kept at most every 500 ms
	mustEval[bool](tb, `(window.beforeLoss = true)`)
	if !mustEval[bool](tb, fmt.Sprintf(loseContext, "window")) {
		t.Fatal("no WEBGL_lose_context on the game's canvas")
	}
	tb.waitJS("the reload", `window.beforeLoss !== true && !!window.chores && typeof window.chores.state === "function"`, loadTimeout)
	tb.waitReady(top)
	s := tb.wait("the same story, minute and speed after the reload", func(s State) bool {
		return s.Scenario == "best-of-both" && s.Minute == 32 && s.Speed == 2
	})
	if s.Playing {
		t.Errorf("paused before the loss, playing after it: %s", s)
	}
	if nav := mustEval[string](tb, `performance.getEntriesByType("navigation")[0].type`); nav != "reload" {
		t.Errorf("the navigation after the loss is %q, want reload", nav)
	}
}

// A story of one's own, in the code view, comes back whole after a lost
// context: the story itself is kept (it has no name to go by), and the view.
func TestLostContextKeepsOwnStoryAndView(t *testing.T) {
	tb := newTab(t)
	tb.open("/index.html?load=now&autoplay=0&mute=1")
	story := `{"name":"our flat","people":[{"name":"Ann","speed":1.5,"phone":true,"airpods":true}],` +
		`"rooms":[{"name":"Hall","work":12}],"podcast":{"minutes":20,"listeners":["Ann"]},"cleaners":["Ann"],` +
		`"listen":"during","share":"turns","homeTheatre":false,"handoffMinutes":0}`
	tb.callOK(top, "setScenario", strconv.Quote(story))
	tb.callOK(top, "setView", `"code"`)
	mustEval[any](tb, `window.chores.pause(), window.chores.seek(5)`)
	before := tb.wait("our flat at 5 in the code view", func(s State) bool {
		return s.Scenario == "our flat" && s.View == "code" && s.Minute == 5 && !s.Playing
	})
	time.Sleep(1200 * time.Millisecond)
	mustEval[bool](tb, `(window.beforeLoss = true)`)
	if !mustEval[bool](tb, fmt.Sprintf(loseContext, "window")) {
		t.Fatal("no WEBGL_lose_context on the game's canvas")
	}
	tb.waitJS("the reload", `window.beforeLoss !== true && !!window.chores && typeof window.chores.state === "function"`, loadTimeout)
	tb.waitReady(top)
	tb.wait("the same story, view and minute after the reload", func(s State) bool {
		return s.Scenario == "our flat" && s.View == "code" && s.Minute == 5 && s.Makespan == before.Makespan
	})
}

// manyEmbeds is a post with n live embeds: more than the 16 WebGL contexts
// a browser keeps, so the first ones lose theirs as later ones start.
func manyEmbeds(n int) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>many</title></head><body style="margin:0">`)
	for i := range n {
		fmt.Fprintf(&b, `<iframe src="/index.html?scenario=sequential&ui=minimal&load=now&autoplay=0&mute=1&n=%d" width="150" height="94" style="border:0"></iframe>`, i)
	}
	b.WriteString(`</body></html>`)
	return b.String()
}

// A page with 18 live embeds settles: no embed reloads more than twice
// (a second lost context within 30 s shows the facade, "click to
// restart"), and every one ends running or showing its facade.
func TestManyEmbedsSettle(t *testing.T) {
	const n = 18
	tb := newTabSize(t, 1000, 700)
	tb.allowErrors("WebGL", "GL_", "context")
	tb.navigate(fmt.Sprintf("/many.html?n=%d", n))
	loads := func() []int {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		out := make([]int, n)
		for _, u := range tb.requests {
			for i := range n {
				if strings.HasSuffix(u, fmt.Sprintf("&n=%d", i)) {
					out[i]++
				}
			}
		}
		return out
	}
	settled := func() (string, bool) {
		st := mustEval[[]string](tb, `[...document.querySelectorAll("iframe")].map(f => { try {
			const w = f.contentWindow, d = w.document, fa = d.getElementById("facade");
			if (fa && !fa.hidden) { return "facade"; }
			if (w.chores && w.chores.state && w.chores.state().frames + w.chores.state().hiddenFrames > 0) { return "running"; }
			return "loading";
		} catch (e) { return "error " + e; } })`)
		return strings.Join(st, ","), !strings.Contains(strings.Join(st, ","), "loading") && !strings.Contains(strings.Join(st, ","), "error")
	}
	deadline := time.Now().Add(4 * time.Minute)
	var last []int
	quiet := 0
	var states string
	for time.Now().Before(deadline) {
		time.Sleep(2 * time.Second)
		now := loads()
		var ok bool
		states, ok = settled()
		if fmt.Sprint(now) == fmt.Sprint(last) && ok {
			quiet++
		} else {
			quiet = 0
		}
		last = now
		if quiet >= 5 { // ten seconds with no navigation, every embed settled
			break
		}
	}
	t.Logf("loads per embed: %v; states: %s", last, states)
	if quiet < 5 {
		t.Fatalf("the page did not settle in 4 minutes: loads %v, states %s", last, states)
	}
	facades := strings.Count(states, "facade")
	for i, k := range last {
		if k > 3 {
			t.Errorf("embed %d loaded %d times (reloaded %d times)", i, k, k-1)
		}
	}
	tb.screenshot("eighteen-embeds")
	t.Logf("%d embeds running, %d showing their facade", n-facades, facades)
}

// serveMany serves /many.html?n=N (the harness's mux).
func serveMany(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil || n < 1 || n > 40 {
		http.Error(w, "n: 1 to 40", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, manyEmbeds(n))
}
