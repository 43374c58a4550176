//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chores/internal/bounds"
)

// A FIFO, a device or a folder given as -scenario is refused by a stat
// before anything is opened (opening a FIFO would wait for a writer), with
// exit 2 and one line, in both -report and window modes.
func TestScenarioFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	fifoNoExt := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifoNoExt, 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.json")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, kind string }{
		{fifo, "a FIFO"},
		{fifoNoExt, "a FIFO"},
		{"/dev/zero", "a character device"},
		{"/dev/null", "a character device"},
		{folder, "a folder"},
		{dir, "a folder"},
	} {
		if _, err := os.Stat(tt.path); err != nil {
			t.Logf("skip %s: %v", tt.path, err)
			continue
		}
		for _, mode := range [][]string{{"-report"}, {}} {
			start := time.Now()
			code, errOut := runCLIWithin(t, 2*time.Second, append(mode, "-scenario", tt.path)...)
			want := "not a regular file (" + tt.kind + ")"
			if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, want) || !strings.Contains(errOut, strings.TrimPrefix(bounds.QuoteTail(tt.path), `"…`)) {
				t.Errorf("%s %q: exit %d, stderr %q (want %q)", tt.path, mode, code, errOut, want)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("%s: took %v", tt.path, d)
			}
		}
	}
}
