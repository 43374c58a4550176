//go:build !js

package sound

import "time"

// playerBuffer is how much audio the player reads ahead.
const playerBuffer = 80 * time.Millisecond
