// Package hud draws everything around the house: the story tabs and
// caption, the figures panel, the controls, the podcast's captions, the help
// overlay and notices.
package hud
