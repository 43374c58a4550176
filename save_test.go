package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chores/game"
	"chores/sim"
)

// What -save writes, -scenario reads back to the very same scenario: every
// preset, the largest household and one with odd speeds.
func TestSaveReadsBack(t *testing.T) {
	dir := t.TempDir()
	odd := sim.Largest()
	odd.Name = "odd speeds"
	odd.People[1].Speed = 0.7
	stories := []sim.Scenario{sim.Largest(), odd}
	for _, p := range sim.Presets() {
		stories = append(stories, p.Scenario)
	}
	for _, s := range stories {
		path := filepath.Join(dir, "story.json")
		if err := game.SaveScenario(path, s); err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		if err := checkSavePath(path); err != nil {
			t.Errorf("an existing file is refused: %v", err)
		}
		back, err := loadScenario(path)
		if err != nil || string(back.JSON()) != string(s.JSON()) {
			t.Errorf("%s: read back %v", s.Name, err)
		}
	}
	// A scenario the rules refuse is not written.
	bad := sim.Largest()
	bad.People[0].Speed = 0
	path := filepath.Join(dir, "bad.json")
	if err := game.SaveScenario(path, bad); err == nil || !strings.Contains(err.Error(), "cannot be saved") {
		t.Errorf("a bad story saved: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a bad story left a file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// A -save that cannot work is a one-line error and exit status 2, before
// any window opens.
func TestSaveBadPaths(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ path, want string }{
		{filepath.Join(dir, "story.txt"), "must end in .json"},
		{filepath.Join(dir, "nowhere", "story.json"), "there is no folder"},
		{dir + "/", "must end in .json"},
		{"/dev/null.json/x.json", "no folder"},
	} {
		code, _, errOut := runCLI("-save", c.path)
		if code != 2 || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("-save %s: exit %d, %q (want %q)", c.path, code, errOut, c.want)
		}
	}
	folder := filepath.Join(dir, "folder.json")
	os.Mkdir(folder, 0o755)
	if code, _, errOut := runCLI("-save", folder); code != 2 || !strings.Contains(errOut, "not a regular file (a folder)") {
		t.Errorf("-save a folder: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCLI("-save", filepath.Join(dir, "x.json"), "-report"); code != 2 || !strings.Contains(errOut, "not -report") {
		t.Errorf("-save with -report: exit %d, %q", code, errOut)
	}
}
