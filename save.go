package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"chores/internal/bounds"
)

// checkSavePath checks -save's file before anything runs: a .json name
// (what -scenario reads back), in a folder that exists, and not a folder or
// a device itself.
func checkSavePath(path string) error {
	name := bounds.QuoteTail(path)
	if !strings.HasSuffix(strings.ToLower(path), ".json") {
		return fmt.Errorf("-save %s: the file's name must end in .json (-scenario reads it back)", name)
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil {
		return fmt.Errorf("-save %s: there is no folder %s", name, bounds.QuoteTail(dir))
	} else if !info.IsDir() {
		return fmt.Errorf("-save %s: %s is not a folder", name, bounds.QuoteTail(dir))
	}
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("-save %s: cannot write: %v", name, errors.Unwrap(err))
	case !info.Mode().IsRegular():
		return fmt.Errorf("-save %s: not a regular file (%s)", name, fileKind(info.Mode()))
	}
	return nil
}
