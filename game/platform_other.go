//go:build !js

package game

import (
	"fmt"
	"os"

	"chores/game/play"
)

// desktop is the platform of the native window: notices also go to stderr,
// the window is always "in view", and there is no JavaScript API.
type desktop struct{ said map[string]bool }

func newPlatform() platform { return &desktop{said: map[string]bool{}} }

// notice also prints to stderr (once per message); the window shows it.
func (d *desktop) notice(text string) bool {
	if !d.said[text] {
		d.said[text] = true
		fmt.Fprintln(os.Stderr, "chores:", text)
	}
	return false
}

func (*desktop) changed(Snapshot) {}
func (*desktop) visible() bool    { return true }

// reducedMotion on the desktop: CHORES_REDUCED_MOTION=1 asks for it (there
// is no media query to read).
func (*desktop) reducedMotion() bool { return os.Getenv("CHORES_REDUCED_MOTION") == "1" }
func (*desktop) publish(*Game)       {}
func (*desktop) now() float64        { return 0 }

// desktopPage is the address make serve gives the page: the desktop has no
// page of its own, so its links are for that one (another host keeps the
// part from the "?").
const desktopPage = "http://127.0.0.1:8080/"

// shareLink prints the link on stdout, a line of its own for copying.
func (*desktop) shareLink(query string) string {
	fmt.Fprintln(os.Stdout, desktopPage+"?"+query)
	return "Link printed to the terminal (for the page make serve runs; elsewhere keep the part from the ?)."
}

func platformOptions(o play.Options) play.Options { return o }

// startFallback: on the desktop a bad start is the command line's error
// (exit status 2), not a notice.
const startFallback = false

// resting: a desktop window's loop costs little while resting.
func (*desktop) resting(bool) {}
