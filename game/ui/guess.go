package ui

import "image/color"

// ColGuess marks predict mode's guesses (the timeline's marker, the pick in
// the compare view): apart from the playhead, the accent and the rooms, and
// light enough to read on both themes' panels.
var ColGuess = color.RGBA{0x3c, 0xc8, 0xb8, 0xff}
