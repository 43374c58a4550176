//go:build linux && !android

package sound

import (
	"os"
	"path/filepath"
)

// DeviceAvailable reports whether creating an audio context can succeed, and
// why (or why not). On Linux a context without any sound device makes
// Ebitengine's game loop fail with an error the game cannot catch, so a
// device must be in sight first: an ALSA configuration named by
// ALSA_CONFIG_PATH (for example a null device in tests), a PulseAudio server
// named by PULSE_SERVER, or a playback device /dev/snd/pcmC*D*p.
func DeviceAvailable() (bool, string) {
	if v := os.Getenv("ALSA_CONFIG_PATH"); v != "" {
		return true, "ALSA_CONFIG_PATH=" + v
	}
	if v := os.Getenv("PULSE_SERVER"); v != "" {
		return true, "PULSE_SERVER=" + v
	}
	if m, _ := filepath.Glob("/dev/snd/pcmC*D*p"); len(m) > 0 {
		return true, m[0]
	}
	return false, ErrNoDevice.Error()
}
