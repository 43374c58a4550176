//go:build !js

// The embeds' rows (issue 17): bytes before the first click, the CPU of a
// paused page, the memory of the six-embed page with all six played in
// turn, and a soak of that page.

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// budgetPausedCPU is what a paused page may cost: 12% of one core, for
// every process of the browser together.
const budgetPausedCPU = 0.12

// bytesTab counts what a tab's page transferred (compressed bytes on the
// wire, Network.loadingFinished's encodedDataLength) and its .wasm requests.
type bytesTab struct {
	*tab
	mu    sync.Mutex
	bytes int64
	wasm  int
	urls  map[network.RequestID]string
}

func newBytesTab(browser context.Context) (*bytesTab, error) {
	bt := &bytesTab{urls: map[network.RequestID]string{}}
	inner := &tab{}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(func(ev any) {
		inner.listen(ev)
		bt.mu.Lock()
		defer bt.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if ev.Request != nil {
				bt.urls[ev.RequestID] = ev.Request.URL
				if strings.Contains(ev.Request.URL, ".wasm") {
					bt.wasm++
				}
			}
		case *network.EventLoadingFinished:
			bt.bytes += int64(ev.EncodedDataLength)
		}
	}))
	inner.ctx, inner.close = ctx, cancel
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		cancel()
		return nil, err
	}
	bt.tab = inner
	return bt, nil
}

func (bt *bytesTab) counts() (int64, int) {
	bt.mu.Lock()
	defer bt.mu.Unlock()
	return bt.bytes, bt.wasm
}

// sixDefault is six embeds as a blogger pastes them (the snippet's line:
// no load=, so each waits for a click), written into a page of the
// server's origin.
const sixDefault = `(() => {
	const names = ["sequential", "concurrency-1", "parallelism-1", "parallelism-2", "concurrency-2", "best-of-both"];
	document.body.innerHTML = names.map(n => '<iframe src="/index.html?scenario=' + n + '&ui=minimal" width="480" height="300" loading="lazy" style="border:0"></iframe>').join("");
	return true;
})()`

// measureBytes: what a reader downloads before pressing play, for one
// embed and for a post with six (the snippet's lines), and, for
// reference, embed-example.html (whose load=now embeds fetch the game).
func measureBytes(ctx context.Context, choresURL string) row {
	r := row{figure: "bytes before the first click: one embed / six embeds", budget: "no .wasm byte; ≤ 100 KB an embed"}
	browser, stop, err := startBrowser(ctx)
	if err != nil {
		return r.fail(err)
	}
	defer stop()
	measure := func(url, script string) (int64, int, error) {
		bt, err := newBytesTab(browser)
		if err != nil {
			return 0, 0, err
		}
		defer bt.close()
		if err := bt.navigate(url); err != nil {
			return 0, 0, err
		}
		if script != "" {
			if _, err := eval[bool](bt.tab, script); err != nil {
				return 0, 0, err
			}
		}
		if err := sleep(ctx, 5*time.Second); err != nil {
			return 0, 0, err
		}
		b, w := bt.counts()
		return b, w, nil
	}
	oneB, oneW, err := measure(choresURL+"/index.html?scenario=best-of-both&ui=minimal", "")
	if err != nil {
		return r.fail(err)
	}
	// The six-embed page is a 404 page of the origin with six iframes put
	// in: its own bytes are the 404's, a few hundred.
	sixB, sixW, err := measure(choresURL+"/bench-six", sixDefault)
	if err != nil {
		return r.fail(err)
	}
	exB, exW, err := measure(choresURL+"/embed-example.html", "")
	if err != nil {
		return r.fail(err)
	}
	r.chores = fmt.Sprintf("%.1f KB / %.1f KB", float64(oneB)/1e3, float64(sixB)/1e3)
	r.base = fmt.Sprintf("embed-example.html: %.1f KB (%d .wasm)", float64(exB)/1e3, exW)
	r.verdict(oneW == 0 && sixW == 0 && oneB <= 100_000 && sixB <= 6*100_000)
	r.details = append(r.details,
		fmt.Sprintf("one embed (index.html?scenario=best-of-both&ui=minimal): %d bytes transferred, %d .wasm requests, 5 s after navigation", oneB, oneW),
		fmt.Sprintf("six embeds as the snippet writes them (no load=): %d bytes, %d .wasm requests", sixB, sixW),
		fmt.Sprintf("embed-example.html (two of each load mode; load=now fetches the game at once): %d bytes, %d .wasm requests", exB, exW))
	logf("bytes: one embed %d, six %d (%d wasm), example page %d (%d wasm)", oneB, sixB, sixW, exB, exW)
	return r
}

// browserTicks is the CPU time (clock ticks) of every Chromium process
// under this program, and a memory figure: their proportional set size
// (PSS, from smaps_rollup: shared pages split between the sharers).
func browserTicks() (ticks int64, pss int64) {
	procs := readProcs()
	for pid, p := range procs {
		if !strings.HasPrefix(p.comm, "chrom") || !ours(procs, pid) {
			continue
		}
		ticks += p.ticks
		pss += pssOf(pid)
	}
	return ticks, pss
}

func pssOf(pid int) int64 {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "smaps_rollup"))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "Pss:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// measurePausedCPU: the full interface, loaded and paused, left alone for
// 30 s; the CPU of all the browser's processes over that time, against an
// empty page in the same browser.
func measurePausedCPU(ctx context.Context, choresURL string) row {
	r := row{figure: "CPU of the whole browser, a paused page for 30 s", budget: "≤ 12% of a core"}
	browser, stop, err := startBrowser(ctx)
	if err != nil {
		return r.fail(err)
	}
	defer stop()
	sit := func(url string) (float64, pageFigures, error) {
		tb, err := newTab(browser, false)
		if err != nil {
			return 0, pageFigures{}, err
		}
		defer tb.close()
		if err := tb.navigate(url); err != nil {
			return 0, pageFigures{}, err
		}
		var f pageFigures
		if strings.Contains(url, "index.html") {
			if _, err := waitFirstFrame(ctx, tb, chores); err != nil {
				return 0, f, err
			}
		}
		if err := sleep(ctx, 5*time.Second); err != nil { // settle: the episode, the first frames
			return 0, f, err
		}
		t0, _ := browserTicks()
		start := time.Now()
		if err := sleep(ctx, 30*time.Second); err != nil {
			return 0, f, err
		}
		t1, _ := browserTicks()
		if strings.Contains(url, "index.html") {
			f, _ = eval[pageFigures](tb, chores.state)
		}
		return float64(t1-t0) / clockTicks / time.Since(start).Seconds(), f, nil
	}
	blank, _, err := sit("about:blank")
	if err != nil {
		return r.fail(err)
	}
	cpu, f, err := sit(choresURL + "/index.html?scenario=best-of-both&autoplay=0&mute=1")
	if err != nil {
		return r.fail(err)
	}
	r.chores = fmt.Sprintf("%.1f%%", cpu*100)
	r.base = fmt.Sprintf("about:blank %.1f%%", blank*100)
	r.verdict(cpu <= budgetPausedCPU && !f.Playing)
	r.details = append(r.details, fmt.Sprintf("index.html?scenario=best-of-both&autoplay=0&mute=1, 5 s after the first frame, then 30 s: %.1f%% of one core for all of Chromium's processes (from /proc/PID/stat); the page's own tps %.1f, fps %.1f, playing=%v; an empty tab in the same browser %.1f%%",
		cpu*100, f.TPS, f.FPS, f.Playing, blank*100))
	logf("paused: %.1f%% of a core (blank page %.1f%%)", cpu*100, blank*100)
	return r
}

// playAllSix opens embed-example.html and plays its six embeds one after
// another with a real click each, and returns the tab.
func playAllSix(ctx context.Context, browser context.Context, choresURL string) (*tab, error) {
	tb, err := newTab(browser, false)
	if err != nil {
		return nil, err
	}
	if err := tb.navigate(choresURL + "/embed-example.html"); err != nil {
		tb.close()
		return nil, err
	}
	for i := range 6 {
		pt, err := eval[[]float64](tb, fmt.Sprintf(`(() => { const f = document.querySelectorAll("iframe")[%d]; f.scrollIntoView({block: "center"}); const r = f.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`, i))
		if err != nil {
			tb.close()
			return nil, err
		}
		if err := sleep(ctx, 500*time.Millisecond); err != nil {
			tb.close()
			return nil, err
		}
		if err := chromedp.Do(tb.ctx, chromedp.MouseClickXY(pt[0], pt[1])); err != nil {
			tb.close()
			return nil, err
		}
		if _, err := waitFor(ctx, tb, fmt.Sprintf("embed %d answering after its click", i), frameState(i), loadTimeout, func(f *pageFigures) bool { return f != nil && f.Frames > 0 }); err != nil {
			tb.close()
			return nil, err
		}
		if _, err := eval[any](tb, fmt.Sprintf(`document.querySelectorAll("iframe")[%d].contentWindow.chores.play()`, i)); err != nil {
			tb.close()
			return nil, err
		}
		if err := sleep(ctx, 3*time.Second); err != nil {
			tb.close()
			return nil, err
		}
	}
	return tb, nil
}

// sixStates reads every embed's state (nil where one does not answer).
const sixStates = `[...document.querySelectorAll("iframe")].map(f => { try { const s = f.contentWindow.chores.state(); return {frames: s.frames, heapLive: s.heapLive, playing: s.playing, scenario: s.scenario, minute: s.minute}; } catch (e) { return null; } })`

// measureSixMemory: the browser's memory with the six-embed page open and
// all six played in turn, against the same browser on an empty tab.
func measureSixMemory(ctx context.Context, choresURL string) row {
	r := row{figure: "memory, six embeds all played in turn", budget: "all six answer"}
	browser, stop, err := startBrowser(ctx)
	if err != nil {
		return r.fail(err)
	}
	defer stop()
	if err := sleep(ctx, 3*time.Second); err != nil {
		return r.fail(err)
	}
	_, before := browserTicks()
	tb, err := playAllSix(ctx, browser, choresURL)
	if err != nil {
		return r.fail(err)
	}
	defer tb.close()
	if err := sleep(ctx, 5*time.Second); err != nil {
		return r.fail(err)
	}
	_, after := browserTicks()
	states, err := eval[[]*pageFigures](tb, sixStates)
	if err != nil {
		return r.fail(err)
	}
	answering, heap := 0, uint64(0)
	var playing []string
	for _, s := range states {
		if s != nil {
			answering++
			heap += s.HeapLive
			if s.Playing {
				playing = append(playing, s.Scenario)
			}
		}
	}
	r.chores = fmt.Sprintf("+%s (PSS)", mb(after-before))
	r.base = fmt.Sprintf("browser alone %s", mb(before))
	r.verdict(answering == 6)
	r.details = append(r.details, fmt.Sprintf("embed-example.html, each embed clicked and played for 3 s in turn: Chromium's PSS %s before, %s after (+%s); %d of 6 answer state(); their Go heaps (live) %s in all; playing now: %v",
		mb(before), mb(after), mb(after-before), answering, mb(int64(heap)), playing))
	logf("six embeds: +%s, %d answer", mb(after-before), answering)
	return r
}

// measureSixSoak: the six-embed page, all six played in turn, the last
// one looping for soak: every embed still answers, and the Go heaps (live,
// all six) are within 5% of what they were after 1 minute.
func measureSixSoak(ctx context.Context, choresURL string, soak time.Duration) row {
	r := row{figure: fmt.Sprintf("six embeds, soak of %v: heaps and answers", soak), budget: "heap within ±5%, all answer"}
	if soak < budgetSoak {
		r.budget += fmt.Sprintf(" (soak %v < %v)", soak, budgetSoak)
	}
	browser, stop, err := startBrowser(ctx)
	if err != nil {
		return r.fail(err)
	}
	defer stop()
	tb, err := playAllSix(ctx, browser, choresURL)
	if err != nil {
		return r.fail(err)
	}
	defer tb.close()
	start := time.Now()
	read := func() (uint64, int, error) {
		states, err := eval[[]*pageFigures](tb, sixStates)
		heap, n := uint64(0), 0
		for _, s := range states {
			if s != nil {
				heap += s.HeapLive
				n++
			}
		}
		return heap, n, err
	}
	var at1, atEnd uint64
	minAnswer := 6
	var byMinute []string
	for m := 1; time.Duration(m)*time.Minute <= soak; m++ {
		if err := sleep(ctx, time.Until(start.Add(time.Duration(m)*time.Minute))); err != nil {
			return r.fail(err)
		}
		h, n, err := read()
		if err != nil {
			return r.fail(err)
		}
		minAnswer = min(minAnswer, n)
		byMinute = append(byMinute, fmt.Sprintf("%dm %s (%d answer)", m, mb(int64(h)), n))
		if m == 1 {
			at1 = h
		}
		atEnd = h
		logf("six-embed soak: %dm: heaps %s, %d answer", m, mb(int64(h)), n)
	}
	if at1 == 0 {
		return r.fail(fmt.Errorf("no heap reading (the soak %v is under a minute?)", soak))
	}
	ratio := float64(atEnd) / float64(at1)
	r.chores = fmt.Sprintf("%s after %v", mb(int64(atEnd)), soak)
	r.base = fmt.Sprintf("%s after 1m", mb(int64(at1)))
	r.ratio, r.hasRatio = ratio, true
	r.verdict(ratio >= 0.95 && ratio <= 1.05 && minAnswer == 6)
	r.details = append(r.details, fmt.Sprintf("embed-example.html, all six played in turn, the last looping; the six Go heaps (live) summed, by minute: %s", strings.Join(byMinute, ", ")))
	return r
}

// embedNotes is how the embeds' rows are measured, for docs/performance.md.
const embedNotes = `
## The embeds' rows

- **Bytes before the first click.** The bytes each tab transferred (Network.loadingFinished's
  encodedDataLength: compressed, as on the wire) 5 s after navigation, for one embed
  (` + "`index.html?scenario=best-of-both&ui=minimal`" + `), for six embeds as the snippet writes them
  (no ` + "`load=`" + `: each waits for a click) and, for reference, ` + "`embed-example.html`" + ` (its ` + "`load=now`" + `
  embeds fetch the game at once). Budget: no .wasm request, at most 100 KB an embed.
- **CPU while paused.** ` + "`index.html?autoplay=0&mute=1`" + ` 5 s after its first frame, then 30 s alone:
  the CPU time of every Chromium process under the bench (/proc/PID/stat), against an
  empty tab in the same browser. Budget: 12% of one core.
- **Six embeds played.** ` + "`embed-example.html`" + `, each embed clicked (a real click) and played for
  3 s in turn; Chromium's proportional set size (PSS, smaps_rollup) before and after,
  and every embed must answer ` + "`state()`" + `.
- **Six-embed soak.** The same, then ` + "`-soak6`" + ` (10 minutes for the budget) with the last one
  looping: the six Go heaps (live) summed each minute, the last within 5% of the first
  minute's, and all six answering throughout.
`
