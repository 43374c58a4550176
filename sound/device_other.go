//go:build !js && (!linux || android)

package sound

// DeviceAvailable reports whether creating an audio context can succeed. On
// these systems the platform's audio service is assumed to be there.
func DeviceAvailable() (bool, string) { return true, "system audio" }
