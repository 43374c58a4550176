//go:build js

package game

import (
	"encoding/json"
	"fmt"
	"strings"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"chores/game/play"
)

// startFallback: a start that fails on the options of a link plays the
// defaults with a notice; the program never exits on user input.
const startFallback = true

// browser talks to the page through window.choresHost (defined by
// web/loader.js) and publishes window.chores (DESIGN.md's JavaScript API).
// Calls from JavaScript never block: they queue intents that Update reads.
//
// Every read of a choresHost member goes through member, which reads it with
// Reflect.get inside a JavaScript call: syscall/js's Value.Get has no
// try/catch, so a getter that throws there unwinds through the Go runtime
// and the game stops for good; a throwing call is a Go panic we recover.
type browser struct {
	host    js.Value
	reflect js.Value // the page's Reflect, read once at start
	json    js.Value
	object  js.Value // the page's Object
	funcs   []js.Func
	g       *Game           // set by publish: where host faults are told
	faulted map[string]bool // host members that threw, told once each
	early   []string        // faults before publish
	page    string          // the page's address without its query: links start with it
	request js.Value        // the share panel's way to ask for the embed's line, a GIF, a picture
}

func newPlatform() platform {
	b := &browser{faulted: map[string]bool{}, host: js.Undefined()}
	func() {
		defer func() { _ = recover() }()
		b.reflect = js.Global().Get("Reflect")
		b.json = js.Global().Get("JSON")
		b.object = js.Global().Get("Object")
	}()
	b.page = pageAddress()
	if h, err := b.get(js.Global(), "choresHost"); err == nil {
		b.host = h
	} else {
		b.fault("choresHost", err)
	}
	return b
}

// get reads obj[name] without letting a throwing getter or proxy reach the
// Go runtime.
func (b *browser) get(obj js.Value, name string) (v js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = js.Undefined(), fmt.Errorf("%v", r)
		}
	}()
	return b.reflect.Call("get", obj, name), nil
}

// lengthOf is a string's length, read without copying it (Value.Length
// refuses strings): the length of its String object, Object(s).
func (b *browser) lengthOf(s js.Value) int {
	return b.reflect.Call("get", b.object.Invoke(s), "length").Int()
}

// member reads choresHost[name]; undefined when there is no host.
func (b *browser) member(name string) (js.Value, error) {
	if b.host.IsUndefined() || b.host.IsNull() {
		return js.Undefined(), nil
	}
	return b.get(b.host, name)
}

// fault tells once per member that the page's host threw: a notice, and
// state().error. The game carries on with the member's safe default.
func (b *browser) fault(name string, err error) {
	if b.faulted[name] {
		return
	}
	b.faulted[name] = true
	msg := fmt.Sprintf("The page's choresHost.%s threw (%s); Chores carries on without it.", name, play.Clip(err.Error(), 80))
	if b.g != nil {
		b.g.refuse(msg)
	} else {
		b.early = append(b.early, msg)
	}
}

// call invokes a method of choresHost, if the page has one, and never lets a
// JavaScript exception take the game down. It reports whether it was called.
func (b *browser) call(method string, args ...any) (called bool) {
	f, err := b.member(method)
	if err != nil {
		b.fault(method, err)
		return false
	}
	if f.Type() != js.TypeFunction {
		return false
	}
	defer func() {
		if r := recover(); r != nil {
			called = false
			b.fault(method, fmt.Errorf("%v", r))
		}
	}()
	b.host.Call(method, args...) // valueCall catches what the method throws
	return true
}

// notice goes to the page's notice banner when there is one.
func (b *browser) notice(text string) bool { return b.call("notice", text) }

func (b *browser) now() (ms float64) {
	defer func() {
		if recover() != nil {
			ms = 0
		}
	}()
	return js.Global().Get("performance").Call("now").Float()
}

func (b *browser) changed(s Snapshot) { b.call("changed", b.toJS(s)) }

// visible is true unless the host says false; a throwing host counts as
// visible (drawing on is better than freezing).
func (b *browser) visible() bool {
	v, err := b.member("visible")
	if err != nil {
		b.fault("visible", err)
		return true
	}
	return v.IsUndefined() || v.Truthy()
}

// reducedMotion follows the page's prefers-reduced-motion (the loader keeps
// choresHost.reducedMotion up to date).
func (b *browser) reducedMotion() bool {
	v, err := b.member("reducedMotion")
	if err != nil {
		b.fault("reducedMotion", err)
		return false
	}
	return v.Truthy()
}

// toJS turns a snapshot into a plain JavaScript object (through JSON, which
// keeps the field names of the contract in one place: the struct tags).
func (b *browser) toJS(s Snapshot) (v js.Value) {
	defer func() {
		if recover() != nil {
			v = js.Null()
		}
	}()
	data, err := json.Marshal(s)
	if err != nil {
		return js.Null()
	}
	return b.json.Call("parse", string(data))
}

// argOf reads a JavaScript value for play.DecodeCall, copying no string longer
// than play.MaxScenarioText and turning objects into JSON (guarded: a cycle, a
// BigInt or a throwing getter is an error, not a crash).
func (b *browser) argOf(v js.Value) (a play.JSArg) {
	defer func() {
		if r := recover(); r != nil {
			a = play.JSArg{Type: "object", Err: fmt.Sprint(r)}
		}
	}()
	switch v.Type() {
	case js.TypeUndefined:
		return play.JSArg{Type: "undefined"}
	case js.TypeNull:
		return play.JSArg{Type: "null"}
	case js.TypeBoolean:
		return play.JSArg{Type: "boolean", Bool: v.Bool()}
	case js.TypeNumber:
		return play.JSArg{Type: "number", Num: v.Float()}
	case js.TypeString:
		a = play.JSArg{Type: "string", Len: b.lengthOf(v)}
		if a.Len <= play.MaxScenarioText {
			a.Str = v.String()
		}
		return a
	case js.TypeObject:
		a = play.JSArg{Type: "object"}
		func() {
			defer func() {
				if r := recover(); r != nil {
					a.Err = play.Clip(fmt.Sprint(r), 120)
				}
			}()
			text := b.json.Call("stringify", v)
			if text.Type() != js.TypeString {
				a.Err = "it has no JSON form"
				return
			}
			a.Len = b.lengthOf(text)
			if a.Len <= play.MaxScenarioText {
				a.Str = text.String()
			}
		}()
		return a
	}
	return play.JSArg{Type: v.Type().String()}
}

func (b *browser) publish(g *Game) {
	b.g = g
	for _, msg := range b.early {
		g.refuse(msg)
	}
	api := js.Global().Get("Object").New()
	fn := func(name string, f func(args []js.Value) any) {
		jf := js.FuncOf(func(this js.Value, args []js.Value) (result any) {
			defer func() {
				if r := recover(); r != nil {
					result = g.refuse(fmt.Sprintf("%s failed: %v", name, r))
				}
			}()
			return f(args)
		})
		b.funcs = append(b.funcs, jf) // kept for the page's lifetime
		api.Set(name, jf)
	}
	fn("state", func([]js.Value) any { return b.toJS(g.State()) })
	// shareURL: the link to the story at this minute, as the share button
	// gives it.
	fn("shareURL", func([]js.Value) any { return b.page + "?" + g.shareQuery() })
	b.request = b.requestFunc(g)
	// wake: the page tells a resting game that something it cannot see
	// changed (the page came back into view).
	//lint:ignore SA1019 deprecated since v2.5, still the way to draw only on demand: a paused page costs 12% of a core with it, 183% without (rest.go)
	fn("wake", func([]js.Value) any { ebiten.ScheduleFrame(); return nil })
	for _, name := range play.APINames {
		fn(name, func(args []js.Value) any {
			decoded := make([]play.JSArg, 0, 1)
			if len(args) > 0 {
				decoded = append(decoded, b.argOf(args[0]))
			}
			return g.command(name, decoded)
		})
	}
	for name, f := range extraAPI(g) {
		fn(name, f)
	}
	js.Global().Set("chores", api)
	if len(b.early) == 0 {
		g.mu.Lock()
		g.lastError = ""
		g.mu.Unlock()
	}
	b.call("ready")
}

// platformOptions reads the URL: in the browser it is the command line.
func platformOptions(o play.Options) play.Options {
	var search string
	func() {
		defer func() { _ = recover() }()
		search = js.Global().Get("location").Get("search").String()
	}()
	o, notes := play.OptionsFromQuery(search, o)
	o.Notices = append(o.Notices, notes...)
	return o
}

// pageAddress is the page's own address, without its query or fragment
// (location.href cut, which also serves a file:// page, whose origin is
// "null").
func pageAddress() (addr string) {
	defer func() {
		if recover() != nil {
			addr = ""
		}
	}()
	addr = js.Global().Get("location").Get("href").String()
	if i := strings.IndexAny(addr, "?#"); i >= 0 {
		addr = addr[:i]
	}
	return addr
}

// shareLink gives the link to the page's share panel (web/share.js), which
// copies it to the clipboard and shows it to copy by hand. A page without
// the panel gets a notice.
func (b *browser) shareLink(query string) string {
	if b.call("share", b.page+"?"+query, b.request) {
		return ""
	}
	return "This page has no share panel: window.chores.shareURL() gives the link."
}

// shareRequests are the share panel's buttons: what each asks of the game.
var shareRequests = map[string]play.IntentKind{
	"snippet":  play.ShowSnippet,
	"gif":      play.ExportGIF,
	"timeline": play.ExportTimeline,
}

// requestFunc is what the share panel calls with a button's name: the
// request goes to Update like any intent (an unknown name is ignored).
func (b *browser) requestFunc(g *Game) js.Value {
	f := js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() { _ = recover() }()
		if len(args) > 0 && args[0].Type() == js.TypeString {
			if kind, ok := shareRequests[args[0].String()]; ok {
				g.Send(play.Intent{Kind: kind})
				return true
			}
		}
		return false
	})
	b.funcs = append(b.funcs, f)
	return f.Value
}

// resting tells the page's loader (choresHost.rest) that no frame is
// needed until input or a wake.
func (b *browser) resting(on bool) { b.call("rest", on) }
