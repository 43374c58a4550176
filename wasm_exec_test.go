package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestWasmExecMatchesGOROOT: the tracked wasm_exec.js at the repository root
// is the one of the Go in use. `make web` copies GOROOT's straight into
// dist/ and never rewrites the tracked copy, so a Go upgrade shows up here
// instead of as a dirty working tree.
func TestWasmExecMatchesGOROOT(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	goroot := strings.TrimSpace(string(out))
	src := filepath.Join(goroot, "lib", "wasm", "wasm_exec.js")
	want, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("wasm_exec.js")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("wasm_exec.js (%d bytes) differs from %s (%d bytes), the glue of the Go in use.\n"+
			"Refresh the tracked copy and commit it:\n\tcp \"$(go env GOROOT)/lib/wasm/wasm_exec.js\" wasm_exec.js",
			len(got), src, len(want))
	}
}
