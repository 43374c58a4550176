//go:build js

package assets

import (
	"errors"
	"fmt"
	"syscall/js"
)

// LoadEpisode fetches EpisodeURL (relative to the page) and delivers its bytes
// or an error on done. It returns at once: the fetch runs in a goroutine that
// waits for the browser's promises, and no js.FuncOf callback ever blocks.
// Give it a channel with room for one result.
func LoadEpisode(done chan<- EpisodeResult) {
	go func() { done <- fetchBytes(EpisodeURL) }()
}

func fetchBytes(url string) (res EpisodeResult) {
	defer func() {
		if r := recover(); r != nil {
			res = EpisodeResult{Err: fmt.Errorf("assets: fetching %s: %v", url, r)}
		}
	}()
	fetch := js.Global().Get("fetch")
	if fetch.Type() != js.TypeFunction {
		return EpisodeResult{Err: fmt.Errorf("assets: fetching %s: this browser has no fetch", url)}
	}
	resp, err := await(fetch.Invoke(url))
	if err != nil {
		return EpisodeResult{Err: fmt.Errorf("assets: fetching %s: %w", url, err)}
	}
	if !resp.Get("ok").Truthy() {
		return EpisodeResult{Err: fmt.Errorf("assets: fetching %s: HTTP %d %s", url,
			resp.Get("status").Int(), resp.Get("statusText").String())}
	}
	buf, err := await(resp.Call("arrayBuffer"))
	if err != nil {
		return EpisodeResult{Err: fmt.Errorf("assets: reading %s: %w", url, err)}
	}
	u8 := js.Global().Get("Uint8Array").New(buf)
	data := make([]byte, u8.Get("length").Int())
	js.CopyBytesToGo(data, u8)
	if len(data) == 0 {
		return EpisodeResult{Err: fmt.Errorf("assets: fetching %s: empty file", url)}
	}
	return EpisodeResult{Data: data}
}

type settled struct {
	v   js.Value
	err error
}

// await waits, in the calling goroutine, for a JavaScript promise to settle.
// The callbacks only post to a buffered channel, so they never block.
func await(promise js.Value) (js.Value, error) {
	ch := make(chan settled, 2)
	onOK := js.FuncOf(func(this js.Value, args []js.Value) any {
		v := js.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ch <- settled{v: v}
		return nil
	})
	onErr := js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := "promise rejected"
		if len(args) > 0 {
			msg = jsErrorText(args[0])
		}
		ch <- settled{err: errors.New(msg)}
		return nil
	})
	defer onOK.Release()
	defer onErr.Release()
	promise.Call("then", onOK, onErr)
	r := <-ch
	return r.v, r.err
}

func jsErrorText(v js.Value) (s string) {
	defer func() {
		if recover() != nil {
			s = "promise rejected"
		}
	}()
	if v.Type() == js.TypeObject {
		if m := v.Get("message"); m.Type() == js.TypeString {
			return m.String()
		}
	}
	return v.String()
}
