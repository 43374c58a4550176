//go:build js

package game

import "syscall/js"

// askText asks the page for a text (window.prompt), so that a touch
// screen's keyboard appears; false when the reader cancelled.
func askText(label, value string) (string, bool) {
	v := js.Global().Call("prompt", label, value)
	if v.Type() != js.TypeString {
		return "", false
	}
	return v.String(), true
}
