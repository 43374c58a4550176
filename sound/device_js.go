//go:build js

package sound

// DeviceAvailable reports whether creating an audio context can succeed. In a
// browser Web Audio is always there; it starts after the first user gesture.
func DeviceAvailable() (bool, string) { return true, "Web Audio" }
