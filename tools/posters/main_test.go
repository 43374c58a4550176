package main

import (
	"encoding/json"
	"testing"

	"chores/sim"
)

func TestTitlesAreThePresets(t *testing.T) {
	var got map[string]string
	if err := json.Unmarshal(Titles(), &got); err != nil {
		t.Fatal(err)
	}
	for _, p := range sim.Presets() {
		if got[p.Name] != p.Title || p.Title == "" {
			t.Errorf("%s: title %q, want %q", p.Name, got[p.Name], p.Title)
		}
	}
	if len(got) != sim.NumPresets {
		t.Errorf("%d titles", len(got))
	}
}
