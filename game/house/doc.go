// Package house is the house in cutaway as geometry: where a story's rooms
// are (the largest whole scale that fits), where each person stands, sits
// or walks at a minute, where the phones and the dust are. It works in art
// pixels from the model's state, never imports ebiten, and draws nothing
// but the static picture (an image.RGBA); package view/scene draws it.
package house
