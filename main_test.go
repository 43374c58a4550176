package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestReportAll(t *testing.T) {
	code, out, errOut := runCLI("-report", "-scenario", "all")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"sequential            105    1.00x",
		"concurrency-1          60    1.75x",
		"parallelism-1          75    1.40x",
		"parallelism-2          75    1.40x",
		"concurrency-2          75    1.40x",
		"best-of-both           45    2.33x",
		"taking turns instead: makespan 120 min, waiting 45 min",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestReportJSON(t *testing.T) {
	code, out, _ := runCLI("-report", "-scenario", "best-of-both", "-format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var r struct {
		Makespan float64
		Spans    []struct{ Who, Lane string }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.Makespan != 45 || len(r.Spans) != 6 {
		t.Errorf("json: %v %+v", err, r)
	}
	code, out, _ = runCLI("-report", "-scenario", "all", "-format", "json")
	var all []json.RawMessage
	if code != 0 || json.Unmarshal([]byte(out), &all) != nil || len(all) != 6 {
		t.Errorf("all as json: exit %d, %d results", code, len(all))
	}
}

func TestScenarioFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "house.json")
	if err := os.WriteFile(good, []byte(`{"name":"flat","people":[{"name":"Ann","speed":2,"phone":true,"airpods":false}],
		"rooms":[{"name":"Kitchen","work":10}],"podcast":{"minutes":30,"listeners":["Ann"]},"cleaners":["Ann"],
		"listen":"after","share":"turns","homeTheatre":false,"handoffMinutes":0}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("-report", "-scenario", good)
	if code != 0 || !strings.Contains(out, "makespan 35 min") {
		t.Errorf("exit %d, stderr %q, out %q", code, errOut, out)
	}
}

func TestBadInputExits2WithOneLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"name":"x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-scenario", "nope"}, `unknown scenario "nope"`},
		{[]string{"-report", "-scenario", "nope"}, `unknown scenario "nope"`},
		{[]string{"-speed", "20"}, "-speed 20: must be from 0.5 to 8"},
		{[]string{"-speed", "x"}, `invalid value "x" for flag -speed`},
		{[]string{"-format", "xml", "-report"}, `-format "xml"`},
		{[]string{"-bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"-at", "-1"}, "-at -1: must not be negative"},
		{[]string{"-scenario", "all"}, "-scenario all goes with -report"},
		{[]string{"-report", "-scenario", bad}, "people: missing"},
		{[]string{"-report", "-scenario", filepath.Join(dir, "missing.json")}, "cannot read"},
		{[]string{"extra"}, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(tt.args...)
		lines := strings.Count(errOut, "\n")
		if code != 2 || !strings.Contains(errOut, tt.want) || lines != 1 || out != "" {
			t.Errorf("%v: exit %d, stderr %q (want exit 2, one line with %q)", tt.args, code, errOut, tt.want)
		}
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := runCLI("-h")
	if code != 0 || !strings.Contains(out, "-scenario") || !strings.Contains(out, "-screenshot") {
		t.Errorf("help: exit %d, %q", code, out)
	}
}
