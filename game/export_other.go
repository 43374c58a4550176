//go:build !js

package game

import (
	"os"
	"path/filepath"
)

// savedVerb says what became of a picture: on the desktop it is a file.
const savedVerb = "written"

// encodePause: the desktop encodes on another thread; no pause needed.
var encodePause func()

// saveExport writes data to file, or to name in the current folder, and
// says where (the absolute path).
func saveExport(file, name, _ string, data []byte) (string, error) {
	if file == "" {
		file = name
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return "", err
	}
	if abs, err := filepath.Abs(file); err == nil {
		return abs, nil
	}
	return file, nil
}
