// Package play is the player: which story, which minute, how fast, muted or
// not, and the intents that change it (from keys, the pointer, the page's
// URL and the JavaScript API). It reads the model (package sim) and never
// imports ebiten, so it is tested, replayed and fuzzed with plain go test.
package play
