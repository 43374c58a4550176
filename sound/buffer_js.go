//go:build js

package sound

import "time"

// playerBuffer is how much audio the player reads ahead. Browsers get more:
// WebAssembly has one thread, and a garbage collection must not starve audio.
const playerBuffer = 150 * time.Millisecond
