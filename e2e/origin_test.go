//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestNoRequestLeavesOrigin: the page, with sound unlocked and the embed
// example scrolled through, asks nothing of any other origin. (Every other
// test checks the same when its tab closes; this one makes sure the check
// sees the requests at all.)
func TestNoRequestLeavesOrigin(t *testing.T) {
	tb := newTabSize(t, 640, 400)
	tb.open("/index.html?scenario=sequential&t=70")
	tb.clickScene()
	tb.wait("audio ready", func(s State) bool { return s.Audio.Ready })
	time.Sleep(time.Second)

	tb.navigate("/embed-example.html")
	tb.scrollTo(`document.querySelectorAll("iframe")[1].scrollIntoView({block: "center"})`)
	tb.waitReady(frameWin(1)) // load=now; the first is a picture until clicked
	tb.scrollTo(`window.scrollTo(0, document.body.scrollHeight)`)
	tb.waitReady(frameWin(5))
	time.Sleep(time.Second)

	tb.mu.Lock()
	reqs := append([]string(nil), tb.requests...)
	tb.mu.Unlock()
	for _, want := range []string{"/index.html", "/loader.js", "/wasm_exec.js", "/style.css", "/chores.wasm", "/episode.ogg", "/embed-example.html", "/posters/"} {
		found := false
		for _, u := range reqs {
			if strings.HasPrefix(u, origin+want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no request for %s seen; the network listener may be blind. Requests:\n  %s", want, strings.Join(reqs, "\n  "))
		}
	}
	if foreign := tb.foreignRequests(); len(foreign) > 0 {
		t.Errorf("requests left the origin %s:\n  %s", origin, strings.Join(foreign, "\n  "))
	}
	t.Logf("%d requests, all to %s", len(reqs), origin)
}
