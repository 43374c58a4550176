// Command posters writes what an embed's facade shows before the game is
// loaded: titles.json, the title of each story, from the model itself (so
// the page never restates them). The pictures beside it, one per story and
// a generic house, are rendered by the game (game/facade_display_test.go
// with -update) and committed in web/posters, since make web must work on a
// machine without a display.
//
//	go run ./tools/posters -titles dist/posters/titles.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"chores/sim"
)

func main() {
	out := flag.String("titles", "", "write the stories' titles to `FILE` (JSON: name → title)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "posters: usage: posters -titles FILE")
		os.Exit(2)
	}
	if err := os.WriteFile(*out, Titles(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "posters:", err)
		os.Exit(1)
	}
}

// Titles is the JSON object of every preset's name and title.
func Titles() []byte {
	titles := map[string]string{}
	for _, p := range sim.Presets() {
		titles[p.Name] = p.Title
	}
	data, err := json.MarshalIndent(titles, "", "  ")
	if err != nil {
		panic(err) // strings only: cannot fail
	}
	return append(data, '\n')
}
