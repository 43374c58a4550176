package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"chores/game/play"
	"chores/internal/bounds"
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
	save       string // -save FILE.json (save.go)
	// -real (real.go)
	real        bool
	trace       string
	msPerMinute float64
	exportFlags // -gif, -timeline (exportflags.go)
}

// usageError is a bad command line: one line on stderr, exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func parseFlags(args []string, stdout io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("chores", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported in one line by main
	fs.StringVar(&c.scenario, "scenario", "sequential", "a story (`NAME`: "+strings.Join(sim.PresetNames(), ", ")+"), a scenario FILE.json, or all (with -report)")
	fs.Float64Var(&c.speed, "speed", 1, fmt.Sprintf("playback speed, %g to %g (1x plays %d virtual minutes a second)", play.MinSpeed, play.MaxSpeed, play.MinutesPerSecond))
	fs.BoolVar(&c.mute, "mute", false, "no sound: do not open the audio device at all")
	fs.BoolVar(&c.report, "report", false, "print the results and exit, without a window")
	fs.StringVar(&c.format, "format", "text", "report format: text or json")
	fs.StringVar(&c.screenshot, "screenshot", "", "render one moment to `FILE.png` and exit (with -at)")
	fs.StringVar(&c.save, "save", "", "write the story playing to `FILE.json` (the form -scenario reads): at start, on S (share) and when the window closes")
	fs.Float64Var(&c.at, "at", 0, "the `MINUTE` shown by -screenshot, or where playback starts")
	fs.BoolVar(&c.real, "real", false, "run the story on real goroutines and print the measured figures beside the model's (honours GOMAXPROCS)")
	fs.StringVar(&c.trace, "trace", "", "with -real: write a runtime/trace of the run to `FILE` (go tool trace FILE)")
	fs.Float64Var(&c.msPerMinute, "ms-per-minute", sim.DefaultMsPerMinute, "with -real: wall milliseconds of one virtual minute, 1 to 50")
	fs.StringVar(&c.gif, "gif", "", "record a GIF of the story to `FILE.gif` and exit (480x300, at most 10 s; with -from, -to)")
	fs.Float64Var(&c.from, "from", 0, "with -gif: the `MINUTE` the GIF starts at")
	fs.Float64Var(&c.to, "to", 0, "with -gif: the `MINUTE` the GIF ends at (default: the story's end)")
	fs.StringVar(&c.timeline, "timeline", "", "draw the story's timeline to `FILE.png` and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "Chores: concurrency and parallelism, played out in a house.\n\nUsage: chores [flags]")
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return c, err
		}
		return c, usageError{flagError(err)}
	}
	if fs.NArg() > 0 {
		return c, usageError{fmt.Sprintf("unexpected argument %s (flags start with -)", bounds.Quote(fs.Arg(0)))}
	}
	fs.Visit(func(f *flag.Flag) {
		c.atSet = c.atSet || f.Name == "at"
		c.fromSet = c.fromSet || f.Name == "from"
		c.toSet = c.toSet || f.Name == "to"
	})
	if err := c.exportFlags.check(c); err != nil {
		return c, err
	}
	if err := bounds.Closed("-speed", c.speed, play.MinSpeed, play.MaxSpeed); err != nil {
		return c, usageError{err.Error()}
	}
	if err := bounds.AtLeast("-at", c.at, 0); err != nil {
		return c, usageError{err.Error()}
	}
	if err := bounds.Closed("-ms-per-minute", c.msPerMinute, minMsPerMinute, maxMsPerMinute); err != nil {
		return c, usageError{err.Error()}
	}
	switch {
	case c.format != "text" && c.format != "json":
		return c, usageError{fmt.Sprintf("-format %s: must be text or json", bounds.Quote(c.format))}
	case c.scenario == "all" && !c.report && !c.real:
		return c, usageError{"-scenario all goes with -report or -real"}
	case c.screenshot != "" && c.report:
		return c, usageError{"-screenshot and -report do not go together"}
	case c.real && (c.report || c.screenshot != ""):
		return c, usageError{"-real goes with neither -report nor -screenshot"}
	case c.trace != "" && !c.real:
		return c, usageError{"-trace goes with -real"}
	case c.trace != "" && c.scenario == "all":
		return c, usageError{"-trace takes one scenario, not all"}
	case c.save != "" && (c.report || c.real):
		return c, usageError{"-save goes with the window or -screenshot, not -report or -real"}
	}
	if c.save != "" {
		if err := checkSavePath(c.save); err != nil {
			return c, usageError{err.Error()}
		}
	}
	return c, nil
}

// maxScenarioFile is the largest scenario file -scenario reads: the limit
// sim.Parse puts on a scenario (1 MiB).
const maxScenarioFile = 1 << 20

// loadScenario resolves -scenario: a preset name or a JSON file.
func loadScenario(arg string) (sim.Scenario, error) {
	if p, ok := sim.PresetByName(arg); ok {
		return p.Scenario, nil
	}
	info, err := os.Stat(arg)
	if err != nil && !strings.HasSuffix(arg, ".json") {
		return sim.Scenario{}, usageError{fmt.Sprintf("-scenario: unknown scenario %s (one of %v, or a JSON file)", bounds.Quote(arg), sim.PresetNames())}
	}
	name := bounds.QuoteTail(arg)
	data, err := readScenarioFile(arg, info, err)
	if err != nil {
		return sim.Scenario{}, usageError{fmt.Sprintf("-scenario %s: %v", name, err)}
	}
	s, err := sim.Parse(data)
	if err != nil {
		return sim.Scenario{}, usageError{fmt.Sprintf("-scenario %s: %v", name, err)}
	}
	return s, nil
}

// readScenarioFile reads a scenario file whose os.Stat gave info and
// statErr, in bounded time and memory: only a regular file is opened (a FIFO
// would block the open, a device like /dev/zero never ends), and at most
// maxScenarioFile+1 bytes are read whatever the file claims its size is.
func readScenarioFile(path string, info os.FileInfo, statErr error) ([]byte, error) {
	if statErr != nil {
		return nil, fmt.Errorf("cannot read: %v", errors.Unwrap(statErr))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", fileKind(info.Mode()))
	}
	tooBig := fmt.Errorf("larger than the limit of 1 MiB (%d bytes)", maxScenarioFile)
	if info.Size() > maxScenarioFile {
		return nil, tooBig
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", errors.Unwrap(err))
	}
	defer f.Close()
	if again, err := f.Stat(); err != nil || !again.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxScenarioFile+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", errors.Unwrap(err))
	}
	if len(data) > maxScenarioFile {
		return nil, tooBig
	}
	return data, nil
}

func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return m.Type().String()
}

// flagError rewrites the flag package's messages so that the value or flag
// name it echoes goes through bounds.Quote: the flag package quotes it in
// full, and a multi-megabyte argument would make a multi-megabyte line.
func flagError(err error) string {
	msg := err.Error()
	for _, prefix := range []string{"invalid value ", "invalid boolean value "} {
		rest, ok := strings.CutPrefix(msg, prefix)
		if !ok {
			continue
		}
		if q, err := strconv.QuotedPrefix(rest); err == nil {
			if v, err := strconv.Unquote(q); err == nil {
				return prefix + bounds.Quote(v) + rest[len(q):]
			}
		}
	}
	for _, prefix := range []string{"flag provided but not defined: ", "bad flag syntax: ", "flag needs an argument: "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			if len(rest) > bounds.QuoteLimit || bounds.Escape(rest) != rest {
				rest = bounds.Quote(rest)
			}
			return prefix + rest
		}
	}
	return oneLine(msg)
}

// maxErrorLine is the most characters an error line shows.
const maxErrorLine = 300

// oneLine makes an error message safe for a terminal, whatever it echoes:
// one line (newlines and other controls escaped) of at most maxErrorLine
// characters. It is the last guard; messages quote their input shortly
// themselves.
func oneLine(msg string) string {
	msg = bounds.Escape(msg)
	if utf8.RuneCountInString(msg) <= maxErrorLine {
		return msg
	}
	n := 0
	for i := range msg {
		if n == maxErrorLine {
			return msg[:i] + "…"
		}
		n++
	}
	return msg
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
