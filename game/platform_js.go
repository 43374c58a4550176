//go:build js

package game

import (
	"encoding/json"
	"fmt"
	"math"
	"syscall/js"

	"chores/sim"
)

// browser talks to the page through window.choresHost (defined by
// web/loader.js) and publishes window.chores (DESIGN.md's JavaScript API).
// Calls from JavaScript never block: they queue intents that Update reads.
type browser struct {
	host  js.Value
	funcs []js.Func
}

func newPlatform() platform {
	return &browser{host: js.Global().Get("choresHost")}
}

// call invokes a method of choresHost, if the page has one, and never lets a
// JavaScript exception take the game down. It reports whether it was called.
func (b *browser) call(method string, args ...any) (called bool) {
	defer func() {
		if recover() != nil {
			called = false
		}
	}()
	if b.host.IsUndefined() || b.host.IsNull() {
		return false
	}
	if f := b.host.Get(method); f.Type() == js.TypeFunction {
		b.host.Call(method, args...)
		return true
	}
	return false
}

// notice goes to the page's notice banner when there is one.
func (b *browser) notice(text string) bool { return b.call("notice", text) }

func (b *browser) now() float64 { return js.Global().Get("performance").Call("now").Float() }

func (b *browser) changed(s Snapshot) { b.call("changed", toJS(s)) }

func (b *browser) visible() (v bool) {
	defer func() {
		if recover() != nil {
			v = true
		}
	}()
	if b.host.IsUndefined() || b.host.IsNull() {
		return true
	}
	vis := b.host.Get("visible")
	return vis.IsUndefined() || vis.Truthy()
}

// toJS turns a snapshot into a plain JavaScript object (through JSON, which
// keeps the field names of the contract in one place: the struct tags).
func toJS(s Snapshot) js.Value {
	data, err := json.Marshal(s)
	if err != nil {
		return js.Null()
	}
	return js.Global().Get("JSON").Call("parse", string(data))
}

func (b *browser) publish(g *Game) {
	api := js.Global().Get("Object").New()
	fn := func(name string, f func(args []js.Value) any) {
		jf := js.FuncOf(func(this js.Value, args []js.Value) (result any) {
			defer func() {
				if r := recover(); r != nil {
					result = map[string]any{"ok": false, "error": fmt.Sprint(r)}
				}
			}()
			return f(args)
		})
		b.funcs = append(b.funcs, jf) // kept for the page's lifetime
		api.Set(name, jf)
	}
	ok := func() any { return map[string]any{"ok": true} }
	fail := func(format string, a ...any) any {
		msg := fmt.Sprintf(format, a...)
		g.mu.Lock()
		g.lastError = msg
		g.mu.Unlock()
		return map[string]any{"ok": false, "error": msg}
	}
	// number accepts finite numbers only: NaN slips through every range
	// check, and Infinity is no minute or speed.
	number := func(args []js.Value) (float64, bool) {
		if len(args) == 0 || args[0].Type() != js.TypeNumber {
			return 0, false
		}
		x := args[0].Float()
		return x, !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	fn("state", func([]js.Value) any { return toJS(g.State()) })
	fn("play", func([]js.Value) any { g.Send(Intent{Kind: Play}); return ok() })
	fn("pause", func([]js.Value) any { g.Send(Intent{Kind: Pause}); return ok() })
	fn("seek", func(args []js.Value) any {
		m, isNum := number(args)
		if !isNum || m < 0 {
			return fail("seek needs a minute (a number, 0 or more)")
		}
		g.Send(Intent{Kind: Seek, Value: m})
		return ok()
	})
	fn("setSpeed", func(args []js.Value) any {
		x, isNum := number(args)
		if !isNum || x < speeds[0] || x > speeds[len(speeds)-1] {
			return fail("setSpeed needs a number from %g to %g", speeds[0], speeds[len(speeds)-1])
		}
		g.Send(Intent{Kind: SetSpeed, Value: x})
		return ok()
	})
	fn("mute", func(args []js.Value) any {
		v := 1.0
		if len(args) > 0 && args[0].Type() == js.TypeBoolean && !args[0].Bool() {
			v = 0
		} else if len(args) > 0 && args[0].Type() != js.TypeBoolean {
			return fail("mute needs true or false")
		}
		g.Send(Intent{Kind: SetMute, Value: v})
		return ok()
	})
	fn("setScenario", func(args []js.Value) any {
		if len(args) == 0 {
			return fail("setScenario needs a story name or a scenario")
		}
		var text string
		switch args[0].Type() {
		case js.TypeString:
			text = args[0].String()
		case js.TypeObject:
			text = js.Global().Get("JSON").Call("stringify", args[0]).String()
		default:
			return fail("setScenario needs a story name or a scenario")
		}
		s, err := sim.Load([]byte(text))
		if err != nil {
			g.Send(Intent{Kind: Load, Err: err})
			return fail("%v", err)
		}
		g.Send(Intent{Kind: Load, Scenario: &s})
		return ok()
	})
	js.Global().Set("chores", api)
	g.mu.Lock()
	g.lastError = ""
	g.mu.Unlock()
	b.call("ready")
}

// platformOptions reads the URL: in the browser it is the command line.
func platformOptions(o Options) Options {
	defer func() { _ = recover() }()
	search := js.Global().Get("location").Get("search").String()
	o, notes := OptionsFromQuery(search, o)
	o.Notices = append(o.Notices, notes...)
	return o
}
