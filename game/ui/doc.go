// Package ui is what every view draws with: where things go on a screen of
// a given size (Layout), the bitmap font (Faces, DrawText, Wrap), the
// widgets (FillRound, FillDisc and the like, drawn as images so that a frame
// batches) and the palette. It decides nothing: the player (package play)
// does.
package ui
