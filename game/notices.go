package game

import (
	"fmt"
	"sync"

	"chores/game/play"
)

// noticeBox collects the messages of refused commands between frames: the
// JavaScript API answers at once, and the notices it owes the page are
// shown by Update, merged. Whatever arrives (20,000 refused calls in one
// script), a frame shows at most maxNoticesPerFrame lines: identical
// messages are counted ("×2000"), the rest summed up in one more line.
type noticeBox struct {
	mu    sync.Mutex
	items []noticeItem
	more  int // messages beyond the distinct ones kept
}

type noticeItem struct {
	text  string
	count int
}

// maxNoticesPerFrame is how many distinct messages one frame passes on.
const maxNoticesPerFrame = 3

// add files a message (cut to play.MaxMessage characters).
func (b *noticeBox) add(text string) {
	text = play.Clip(text, play.MaxMessage)
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range b.items {
		if b.items[i].text == text {
			b.items[i].count++
			return
		}
	}
	if len(b.items) < maxNoticesPerFrame {
		b.items = append(b.items, noticeItem{text, 1})
		return
	}
	b.more++
}

// take returns the merged lines and empties the box.
func (b *noticeBox) take() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.items) == 0 {
		return nil
	}
	out := make([]string, 0, len(b.items)+1)
	for _, it := range b.items {
		if it.count > 1 {
			out = append(out, fmt.Sprintf("%s (×%d)", it.text, it.count))
		} else {
			out = append(out, it.text)
		}
	}
	if b.more > 0 {
		out = append(out, fmt.Sprintf("… and %d more refused commands.", b.more))
	}
	b.items, b.more = b.items[:0], 0
	return out
}

// maxDrawnNotices bounds the notices the game keeps to draw itself (on the
// desktop, or when the page cannot show them).
const maxDrawnNotices = 8

// keepNotice adds n to the notices drawn by the game, dropping the expired
// ones and the oldest beyond maxDrawnNotices.
func keepNotice(list []notice, n notice, now int) []notice {
	out := list[:0]
	for _, old := range list {
		if old.until > now {
			out = append(out, old)
		}
	}
	out = append(out, n)
	if len(out) > maxDrawnNotices {
		out = append(out[:0], out[len(out)-maxDrawnNotices:]...)
	}
	return out
}
