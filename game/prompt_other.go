//go:build !js

package game

// askText is the page's prompt in the browser; on the desktop a name is
// typed into the field itself.
func askText(label, value string) (string, bool) { return "", false }
