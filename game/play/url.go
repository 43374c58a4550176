package play

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"chores/sim"
)

// UI modes, as in the URL's ui parameter.
const (
	UIFull    = "full"    // tabs, caption, house, figures, timeline, controls
	UIMinimal = "minimal" // house, a slim timeline and a play button: for small embeds
	UINone    = "none"    // the house alone
	UIPresent = "present" // for a classroom: big figures and captions, few controls

	ThemeDark  = "dark"
	ThemeLight = "light" // projects well
)

// Options are what the command line or the page's URL asked for.
type Options struct {
	Scenario sim.Scenario
	Speed    float64
	Mute     bool     // no audio context at all
	Start    sim.Time // the minute to start at
	Autoplay bool
	UI       string // UIFull, UIPresent, UIMinimal or UINone
	Theme    string // ThemeDark (default) or ThemeLight
	Loop     bool   // start again after the end (embeds)
	View     string // one of Views
	Share    string // ShareTurns or ShareTogether: play each story's alternative of that mode; "" for their own
	Predict  bool   // predict mode: guess when the story is done before it plays
	Save     string // -save: the desktop writes the story playing here (on S, and when the window closes)
	Notices  []string
}

// The views: the house (default), the Go code that drives the model, and
// more to come as they are built (see Views).
const (
	ViewHouse   = "house"
	ViewCode    = "code"
	ViewCompare = "compare" // every story on one clock
	ViewEditor  = "editor"  // build a household of one's own
	ViewReal    = "real"    // the story run on real goroutines
)

// Views are the views there are, in the order the interface offers them.
var Views = []string{ViewHouse, ViewCode, ViewCompare, ViewEditor, ViewReal}

// knownParams are the URL parameters of DESIGN.md. load and embed-help are the page's own
// (web/loader.js: when the .wasm is fetched); the game only knows it is not
// a mistake.
var knownParams = []string{"scenario", "config", "speed", "t", "autoplay", "ui", "mute", "view", "loop", "share", "load", "theme", "embed-help", "predict"}

// OptionsFromQuery reads the page's URL parameters on top of base. A bad
// value is reported in the returned notices and the default is kept: the page
// keeps working.
func OptionsFromQuery(query string, base Options) (Options, []string) {
	o := base
	var notes []string
	bad := func(format string, args ...any) { notes = append(notes, fmt.Sprintf(format, args...)) }
	q, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		// url's error quotes the bad part in full: say it briefly.
		bad("The address has a malformed query (%s); using the defaults.", queryError(err))
		return o, notes
	}
	// Unknown parameters: one notice, however many, each name cut short.
	var unknown []string
	for k := range q {
		if !slices.Contains(knownParams, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		shown := unknown[:min(len(unknown), 3)]
		names := make([]string, len(shown))
		for i, k := range shown {
			names[i] = quote(k)
		}
		more := ""
		if n := len(unknown) - len(shown); n > 0 {
			more = fmt.Sprintf(" and %d more", n)
		}
		word := "parameter"
		if len(unknown) > 1 {
			word = "parameters"
		}
		bad("Unknown %s %s%s ignored (known: %s).", word, strings.Join(names, ", "), more, strings.Join(knownParams, ", "))
	}
	get := func(k string) (string, bool) {
		v, ok := q[k]
		if !ok || len(v) == 0 {
			return "", false
		}
		return v[len(v)-1], true
	}
	flag := func(k string, dst *bool) {
		if v, ok := get(k); ok {
			switch v {
			case "1", "true":
				*dst = true
			case "0", "false":
				*dst = false
			default:
				bad("%s=%s: use 0 or 1; keeping %v.", k, quote(v), boolDigit(*dst))
			}
		}
	}
	if v, ok := get("scenario"); ok {
		if p, found := sim.PresetByName(v); found {
			o.Scenario = p.Scenario
		} else {
			bad("Unknown scenario %s; showing %s. Stories: %s.", quote(v), o.Scenario.Name, strings.Join(sim.PresetNames(), ", "))
		}
	}
	if v, ok := get("config"); ok {
		if s, err := decodeConfig(v); err != nil {
			bad("config: %s; showing %s.", Clip(err.Error(), 160), o.Scenario.Name)
		} else {
			o.Scenario = s
		}
	}
	if v, ok := get("speed"); ok {
		if x, err := speedRange.parse(v); err != nil {
			bad("speed=%s: %v; keeping %gx.", quote(v), err, o.Speed)
		} else {
			o.Speed = x
		}
	}
	if v, ok := get("t"); ok {
		if x, err := minuteRange.parse(v); err != nil {
			bad("t=%s: %v; starting at 0.", quote(v), err)
		} else {
			o.Start, _ = sim.Approx(x)
		}
	}
	flag("autoplay", &o.Autoplay)
	if v, ok := get("ui"); ok {
		switch v {
		case UIFull, UIPresent, UIMinimal, UINone:
			o.UI = v
			o.Loop = v == UIMinimal || v == UINone
		default:
			bad("ui=%s: use full, present, minimal or none; showing %s.", quote(v), o.UI)
		}
	}
	if v, ok := get("theme"); ok {
		switch v {
		case ThemeDark, ThemeLight:
			o.Theme = v
		default:
			bad("theme=%s: use dark or light; keeping %s.", quote(v), cmpOr(o.Theme, ThemeDark))
		}
	}
	flag("mute", &o.Mute)
	flag("loop", &o.Loop)
	flag("predict", &o.Predict)
	if v, ok := get("view"); ok {
		if slices.Contains(Views, v) {
			o.View = v
		} else {
			bad("view=%s: use %s; showing the house.", quote(v), strings.Join(Views, ", "))
		}
	}
	if v, ok := get("share"); ok {
		switch v {
		case ShareTurns, ShareTogether:
			o.Share = v
		default:
			bad("share=%s: use %s or %s; playing each story's own way.", quote(v), ShareTurns, ShareTogether)
		}
	}
	return o, notes
}

// queryError is url.ParseQuery's error with the bad part quoted briefly.
func queryError(err error) string {
	var e url.EscapeError
	if errors.As(err, &e) {
		return "bad escape " + quote(string(e))
	}
	return Clip(err.Error(), 80)
}

// decodeConfig reads a share link's scenario, compressed or plain
// base64url JSON (sim.DecodeLink).
func decodeConfig(v string) (sim.Scenario, error) { return sim.DecodeLink(v) }

// EncodeConfig is the config parameter for a scenario: a share link.
func EncodeConfig(s sim.Scenario) string { return sim.EncodeLink(s) }

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
