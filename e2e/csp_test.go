//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"
)

// The page runs under its Content-Security-Policy (sent by the server and
// repeated in a meta tag): the game draws, nothing is refused (a refusal is
// a console error, which fails every test), and audio starts after a click,
// which needs the worklet's blob: script.
func TestContentSecurityPolicy(t *testing.T) {
	tb := newTabSize(t, 640, 400)
	tb.open("/index.html?scenario=concurrency-1&autoplay=0")
	header := mustEval[string](tb, `fetch("index.html").then(r => r.headers.get("content-security-policy"))`)
	meta := mustEval[string](tb, `document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`)
	if header == "" || header != meta || !strings.Contains(header, "'wasm-unsafe-eval'") {
		t.Errorf("policy header %q, meta %q", header, meta)
	}
	referrer := mustEval[string](tb, `fetch("index.html").then(r => r.headers.get("referrer-policy"))`)
	if referrer != "no-referrer" {
		t.Errorf("Referrer-Policy %q", referrer)
	}
	tb.framesAdvance(top, "under the policy")
	tb.clickScene()
	tb.waitState(top, "audio ready after a click", 20*time.Second, func(s State) bool { return s.Audio.Ready })
	tb.callOK(top, "play")
	tb.waitState(top, "the podcast playing under the policy", 20*time.Second, func(s State) bool { return s.Audio.Playing })
}
