//go:build js

package assets

import (
	"syscall/js"
	"testing"
)

// These run under Node (GOOS=js go test), whose fetch knows data: URLs.
func TestFetchBytes(t *testing.T) {
	if js.Global().Get("fetch").Type() != js.TypeFunction {
		t.Skip("no fetch here")
	}
	res := fetchBytes("data:application/octet-stream;base64,T2dnUw==")
	if res.Err != nil || string(res.Data) != "OggS" {
		t.Errorf("data URL: %q, %v", res.Data, res.Err)
	}
	if res := fetchBytes("no-such-scheme://x/episode.ogg"); res.Err == nil {
		t.Error("a bad URL gave no error")
	} else {
		t.Log(res.Err)
	}
	if res := fetchBytes("data:application/octet-stream;base64,"); res.Err == nil {
		t.Error("an empty file gave no error")
	}
}
