//go:build !js

package main

import (
	"slices"
	"testing"
)

func TestBenchFigures(t *testing.T) {
	out := []byte(`goos: linux
goarch: amd64
pkg: chores/sim
BenchmarkSimulateLargest-2   	   23244	     49783 ns/op	   54821 B/op	     757 allocs/op
BenchmarkSimulateLargest-2   	   22804	     51277 ns/op	   54821 B/op	     757 allocs/op
BenchmarkSimulateLargestOther-2	   100	     9 ns/op
BenchmarkSimulateLargest 	    4272	    260006 ns/op
PASS
`)
	ns, allocs := benchFigures(out, simulateBench)
	if want := []float64{49783, 51277, 260006}; !slices.Equal(ns, want) {
		t.Errorf("ns/op %v, want %v", ns, want)
	}
	if want := []float64{757, 757}; !slices.Equal(allocs, want) {
		t.Errorf("allocs/op %v, want %v", allocs, want)
	}
	if ns, _ := benchFigures([]byte("PASS\n"), simulateBench); len(ns) != 0 {
		t.Errorf("figures from nothing: %v", ns)
	}
}
