// Package scene draws the house (package house) and its people for the
// player's state, at a whole scale of the pixel art, and remembers where it
// drew each person, for picking.
package scene
