//go:build !js

package game

import (
	"fmt"
	"os"
)

// desktopBase stands for the address of the reader's own copy of the page
// (the desktop has none to offer).
const desktopBase = "https://YOUR-SITE/chores/"

// showSnippetLine prints the line on stdout, where it can be copied.
func showSnippetLine(g *Game, w, h int) {
	p := g.player
	fmt.Fprintln(os.Stdout, EmbedLine(desktopBase, p.Story(), p.View(), p.Minute, w, h))
	g.say("The embed's iframe line is printed in the terminal (stdout); put your site's address in it.")
}
