package main

import (
	"strings"
	"testing"
)

// Bad -gif, -from, -to and -timeline lines: one clear line, exit status 2,
// and no window opened (these all fail before one would be).
func TestExportFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-from", "3"}, "-from and -to go with -gif"},
		{[]string{"-gif", "x.png"}, "must end in .gif"},
		{[]string{"-timeline", "x.gif"}, "must end in .png"},
		{[]string{"-gif", "x.gif", "-from", "5", "-to", "3"}, "-to 3 must be after -from 5"},
		{[]string{"-gif", "x.gif", "-from", "-1"}, "-from"},
		{[]string{"-gif", "x.gif", "-to", "3000"}, "-to 3000: the story ends at minute 105"},
		{[]string{"-gif", "x.gif", "-from", "200"}, "-from 200: the story ends at minute 105"},
		{[]string{"-gif", "x.gif", "-scenario", "best-of-both", "-from", "45"}, "ends at minute 45"},
		{[]string{"-gif", "x.gif", "-timeline", "y.png"}, "one at a time"},
		{[]string{"-gif", "x.gif", "-report"}, "one at a time"},
		{[]string{"-timeline", "y.png", "-screenshot", "z.png"}, "one at a time"},
		{[]string{"-gif", "x.gif", "-from", "NaN"}, "-from"},
	} {
		code, _, errOut := runCLI(c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errOut, c.want)
		}
	}
}
