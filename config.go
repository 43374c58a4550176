package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"chores/report"
	"chores/sim"
)

// config is what the command line asked for.
type config struct {
	scenario   string
	speed      float64
	mute       bool
	report     bool
	format     string
	screenshot string
	at         float64
	atSet      bool
}

// usageError is a bad command line: one line on stderr, exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func parseFlags(args []string, stdout io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("chores", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported in one line by main
	fs.StringVar(&c.scenario, "scenario", "sequential", "a story (`NAME`: "+strings.Join(sim.PresetNames(), ", ")+"), a scenario FILE.json, or all (with -report)")
	fs.Float64Var(&c.speed, "speed", 1, "playback speed, 0.5 to 8 (1x plays 3 virtual minutes a second)")
	fs.BoolVar(&c.mute, "mute", false, "no sound: do not open the audio device at all")
	fs.BoolVar(&c.report, "report", false, "print the results and exit, without a window")
	fs.StringVar(&c.format, "format", "text", "report format: text or json")
	fs.StringVar(&c.screenshot, "screenshot", "", "render one moment to `FILE.png` and exit (with -at)")
	fs.Float64Var(&c.at, "at", 0, "the `MINUTE` shown by -screenshot, or where playback starts")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "Chores: concurrency and parallelism, played out in a house.\n\nUsage: chores [flags]")
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return c, err
		}
		return c, usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return c, usageError{fmt.Sprintf("unexpected argument %q (flags start with -)", fs.Arg(0))}
	}
	fs.Visit(func(f *flag.Flag) { c.atSet = c.atSet || f.Name == "at" })
	switch {
	case c.speed < 0.5 || c.speed > 8:
		return c, usageError{fmt.Sprintf("-speed %g: must be from 0.5 to 8", c.speed)}
	case c.format != "text" && c.format != "json":
		return c, usageError{fmt.Sprintf("-format %q: must be text or json", c.format)}
	case c.at < 0:
		return c, usageError{fmt.Sprintf("-at %g: must not be negative", c.at)}
	case c.scenario == "all" && !c.report:
		return c, usageError{"-scenario all goes with -report"}
	case c.screenshot != "" && c.report:
		return c, usageError{"-screenshot and -report do not go together"}
	}
	return c, nil
}

// loadScenario resolves -scenario: a preset name or a JSON file.
func loadScenario(arg string) (sim.Scenario, error) {
	if p, ok := sim.PresetByName(arg); ok {
		return p.Scenario, nil
	}
	if !strings.HasSuffix(arg, ".json") {
		if _, err := os.Stat(arg); err != nil {
			return sim.Scenario{}, usageError{"-scenario: " + sim.UnknownPresetError(arg).Error()}
		}
	}
	data, err := os.ReadFile(arg)
	if err != nil {
		return sim.Scenario{}, usageError{fmt.Sprintf("-scenario: cannot read %s: %v", arg, errors.Unwrap(err))}
	}
	s, err := sim.Parse(data)
	if err != nil {
		return sim.Scenario{}, usageError{fmt.Sprintf("-scenario %s: %v", arg, err)}
	}
	return s, nil
}

// runReport prints the results of one scenario, or of all six presets.
func runReport(c config, w io.Writer) error {
	var entries []report.Entry
	if c.scenario == "all" {
		for _, p := range sim.Presets() {
			e, err := entryFor(p.Scenario)
			if err != nil {
				return err
			}
			entries = append(entries, e)
		}
	} else {
		s, err := loadScenario(c.scenario)
		if err != nil {
			return err
		}
		e, err := entryFor(s)
		if err != nil {
			return err
		}
		entries = append(entries, e)
	}
	if c.format == "json" {
		return report.JSON(w, entries)
	}
	return report.Text(w, entries)
}

func entryFor(s sim.Scenario) (report.Entry, error) {
	r, err := sim.Simulate(s)
	if err != nil {
		return report.Entry{}, err
	}
	e := report.Entry{Result: r}
	if p, ok := sim.IsPreset(s); ok {
		e.Title, e.Caption = p.Title, p.Caption
	}
	if alt, ok := sim.Alternative(s); ok {
		altRes, err := sim.Simulate(alt)
		if err != nil {
			return e, err
		}
		e.Alternative, e.AlternativeName = altRes, map[string]string{sim.ShareTurns: "taking turns instead", sim.ShareTogether: "listening together instead"}[alt.Share]
	}
	return e, nil
}
