//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// allowDownloads saves the tab's downloads in a folder of the test's.
func (tb *tab) allowDownloads() string {
	tb.t.Helper()
	dir := tb.t.TempDir()
	err := tb.do(stepTimeout, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
		})
		return err
	}))
	if err != nil {
		tb.t.Fatalf("allowing downloads: %v", err)
	}
	return dir
}

// waitFile waits for a finished download (Chromium writes name.crdownload
// first, then renames it) and returns its bytes.
func waitFile(t *testing.T, file string, timeout time.Duration) []byte {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(file); err == nil && len(data) > 0 {
			return data
		}
		time.Sleep(200 * time.Millisecond)
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("no download %s within %v (the folder holds %v)", filepath.Base(file), timeout, names)
	return nil
}

// Key G in the browser downloads chores-<story>.gif, made by the game: a
// GIF image/gif decodes, 480x300, at least 10 frames, at most 2 MB; the
// page keeps drawing while it is made. Key I downloads the timeline's PNG.
func TestGIFDownload(t *testing.T) {
	tb := newTab(t)
	dir := tb.allowDownloads()
	tb.open("/?scenario=parallelism-1&autoplay=0&mute=1&t=12")
	tb.clickScene() // focus the canvas
	before := tb.state()
	start := time.Now()
	if err := tb.do(stepTimeout, chromedp.KeyEvent("g")); err != nil {
		t.Fatal(err)
	}
	data := waitFile(t, filepath.Join(dir, "chores-parallelism-1.gif"), 60*time.Second)
	took := time.Since(start)
	after := tb.state()
	anim, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the downloaded GIF does not decode: %v", err)
	}
	t.Logf("GIF: %d frames, %d bytes, downloaded %.1f s after the key; the page drew %d frames meanwhile", len(anim.Image), len(data), took.Seconds(), after.Frames-before.Frames)
	t.Logf("making it: %v", mustEval[map[string]any](tb, `window.chores.lastExport()`))
	if len(anim.Image) < 10 || anim.Config.Width != 480 || anim.Config.Height != 300 || len(data) > 2<<20 {
		t.Errorf("GIF: %d frames %dx%d, %d bytes; want ≥ 10 frames, 480x300, ≤ 2 MB", len(anim.Image), anim.Config.Width, anim.Config.Height, len(data))
	}
	if after.Minute != before.Minute || after.Scenario != "parallelism-1" {
		t.Errorf("recording moved the reader's playhead: %v → %v", before.Minute, after.Minute)
	}
	tb.waitJS("a notice that says it was downloaded", `[...document.querySelectorAll("#notices .notice")].some(n => n.textContent.includes("chores-parallelism-1.gif"))`, stepTimeout)

	if err := tb.do(stepTimeout, chromedp.KeyEvent("i")); err != nil {
		t.Fatal(err)
	}
	data = waitFile(t, filepath.Join(dir, "chores-parallelism-1-timeline.png"), 30*time.Second)
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the timeline's PNG does not decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() < 100 {
		t.Errorf("the timeline's PNG is %v, want 1200 wide", b)
	}
}

// The snippet button (window.chores.showSnippet, what it does) opens the
// page's panel with the iframe line for the story, view and minute on
// screen, at the size on screen; the line opens that story.
func TestSnippetButton(t *testing.T) {
	tb := newTabSize(t, 800, 500)
	tb.open("/?scenario=sequential&autoplay=0&mute=1")
	tb.callOK(top, "setScenario", `"best-of-both"`)
	tb.wait("best-of-both", func(s State) bool { return s.Scenario == "best-of-both" })
	mustEval[any](tb, `window.chores.pause(), window.chores.seek(21)`)
	tb.wait("paused at 21", func(s State) bool { return !s.Playing && s.Minute == 21 })
	tb.callOK(top, "showSnippet")
	tb.waitJS("the snippet panel", `!document.getElementById("embed-help").hidden`, stepTimeout)
	code := mustEval[string](tb, `document.getElementById("embed-code").value`)
	for _, want := range []string{"scenario=best-of-both", "t=21", `width="800" height="500"`, "ui=full", `loading="lazy"`, `title="Chores: Both at once"`} {
		if !strings.Contains(code, want) {
			t.Errorf("the snippet %s lacks %s", code, want)
		}
	}
	if line := mustEval[string](tb, `window.chores.snippet()`); line != code {
		t.Errorf("window.chores.snippet() = %s, the panel shows %s", line, code)
	}
	tb.screenshot("snippet-button")
	src := code[strings.Index(code, `src="`)+5:]
	src = strings.ReplaceAll(src[:strings.Index(src, `"`)], "&amp;", "&")
	tb.open(src[strings.Index(src, "/?"):] + "&autoplay=0&mute=1")
	tb.wait("the snippet's story", func(s State) bool { return s.Scenario == "best-of-both" && s.Minute == 21 })
}
