package game

import (
	"fmt"
	"os"
	"path/filepath"

	"chores/sim"
)

// SaveScenario writes s as the JSON -scenario reads, whole or not at all: to
// a temporary file beside path, renamed over it. A scenario the rules
// refuse is not written.
func SaveScenario(path string, s sim.Scenario) error {
	if err := s.Validate(); err != nil {
		return fmt.Errorf("the story cannot be saved: %w", err)
	}
	data := append(s.JSON(), '\n')
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".chores-save-*.json")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), path)
	}
	if werr != nil {
		os.Remove(f.Name())
		return fmt.Errorf("cannot write %s: %w", filepath.Base(path), unwrapPath(werr))
	}
	return nil
}

// unwrapPath drops an *os.PathError's operation and path: the message names
// the file itself.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		return le.Err
	}
	return err
}

// saveStory writes the story playing (with the sharing mode it plays) to
// -save's file, and says so.
func (g *Game) saveStory() {
	if err := SaveScenario(g.opts.Save, g.player.Story().Scenario); err != nil {
		g.say(err.Error())
		return
	}
	g.say("Saved the story to " + g.opts.Save + " (open it with -scenario " + g.opts.Save + ").")
}
