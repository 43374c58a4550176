// Command chores is a playground that makes the difference between
// concurrency and parallelism visible, audible and playable: one household
// story, played out by a goroutine-based simulation (package sim) and shown
// by an Ebitengine game (package game).
//
//	go run .                              open the window on the first story
//	go run . -scenario best-of-both       open it on another story
//	go run . -report -scenario all        print the six stories' figures
//	go run . -screenshot x.png -at 30     render minute 30 and exit
//	go run . -gif story.gif -from 10 -to 40   record a GIF and exit
//	go run . -timeline chart.png          draw the timeline and exit
//	go run . -real -scenario all          run the stories on real goroutines
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"chores/game"
	"chores/game/play"
	"chores/internal/bounds"
	"chores/sim"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is main without the exit, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	c, err := parseFlags(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return fail(stderr, err)
	}
	if c.report {
		if err := runReport(c, stdout); err != nil {
			return fail(stderr, err)
		}
		return 0
	}
	if c.real {
		if err := runRealCmd(c, stdout); err != nil {
			return fail(stderr, err)
		}
		return 0
	}
	s, err := loadScenario(c.scenario)
	if err != nil {
		return fail(stderr, err)
	}
	if c.save != "" {
		if err := game.SaveScenario(c.save, s); err != nil {
			return fail(stderr, fmt.Errorf("-save %s: %w", bounds.QuoteTail(c.save), err))
		}
	}
	opts := play.Options{
		Save:     c.save,
		Scenario: s,
		Speed:    c.speed,
		Mute:     c.mute,
		Start:    startMinute(c.at),
		Autoplay: !c.atSet,
		UI:       play.UIFull,
	}
	switch {
	case c.gif != "":
		from, to, serr := c.span(s)
		if serr != nil {
			return fail(stderr, serr)
		}
		err = game.GIF(opts, c.gif, from, to)
	case c.timeline != "":
		err = game.TimelinePNG(opts, c.timeline)
	case c.screenshot != "":
		err = game.Screenshot(opts, c.screenshot)
	default:
		err = game.Run(opts)
	}
	if err != nil {
		fmt.Fprintf(stderr, "chores: %v\n", err)
		return 1
	}
	return 0
}

// startMinute is -at as a time (parseFlags has checked it is a minute).
func startMinute(m float64) sim.Time {
	t, _ := sim.Approx(m)
	return t
}

// fail prints one line; a bad flag or scenario exits 2, anything else 1.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "chores: %s\n", oneLine(err.Error()))
	var u usageError
	var f *sim.FieldError
	if errors.As(err, &u) || errors.As(err, &f) {
		return 2
	}
	return 1
}
