//go:build js

package game

import (
	"errors"
	"fmt"
	"syscall/js"
	"time"
)

// savedVerb says what became of a picture: in the browser, a download.
const savedVerb = "downloaded"

// encodePause lets the page's event loop run between slices of the
// encoding: WebAssembly has one thread, and a sleeping goroutine hands it
// back to the browser.
var encodePause = func() { time.Sleep(time.Millisecond) }

// saveExport downloads data as name: a Blob, and a click on an <a
// download> pointing at it.
func saveExport(_, name, mime string, data []byte) (where string, err error) {
	defer func() {
		if r := recover(); r != nil {
			where, err = "", fmt.Errorf("the browser refused the download (%v)", r)
		}
	}()
	doc := js.Global().Get("document")
	if doc.IsUndefined() || doc.IsNull() {
		return "", errors.New("there is no page to download from")
	}
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	opts := js.Global().Get("Object").New()
	opts.Set("type", mime)
	blob := js.Global().Get("Blob").New(js.Global().Get("Array").New(arr), opts)
	urls := js.Global().Get("URL")
	url := urls.Call("createObjectURL", blob)
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("hidden", true)
	doc.Get("body").Call("append", a)
	a.Call("click")
	a.Call("remove")
	// The download has its own copy once started; free the Blob a little later.
	var free js.Func
	free = js.FuncOf(func(js.Value, []js.Value) any {
		urls.Call("revokeObjectURL", url)
		free.Release()
		return nil
	})
	js.Global().Call("setTimeout", free, 60000)
	return name, nil
}
