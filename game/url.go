package game

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"chores/sim"
)

// Views: the house (default) or the Go code that drives the model.
const (
	ViewHouse = "house"
	ViewCode  = "code"
)

// knownParams are the URL parameters of DESIGN.md (and loop).
var knownParams = []string{"scenario", "config", "speed", "t", "autoplay", "ui", "mute", "view", "loop"}

// OptionsFromQuery reads the page's URL parameters on top of base. A bad
// value is reported in the returned notices and the default is kept: the page
// keeps working.
func OptionsFromQuery(query string, base Options) (Options, []string) {
	o := base
	var notes []string
	bad := func(format string, args ...any) { notes = append(notes, fmt.Sprintf(format, args...)) }
	q, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		bad("The address has a malformed query (%v); using the defaults.", err)
		return o, notes
	}
	for k := range q {
		if !slices.Contains(knownParams, k) {
			bad("Unknown parameter %q ignored (known: %s).", k, strings.Join(knownParams, ", "))
		}
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
				bad("%s=%q: use 0 or 1; keeping %v.", k, v, boolDigit(*dst))
			}
		}
	}
	if v, ok := get("scenario"); ok {
		if p, found := sim.PresetByName(v); found {
			o.Scenario = p.Scenario
		} else {
			bad("Unknown scenario %q; showing %s. Stories: %s.", v, o.Scenario.Name, strings.Join(sim.PresetNames(), ", "))
		}
	}
	if v, ok := get("config"); ok {
		if s, err := decodeConfig(v); err != nil {
			bad("config: %v; showing %s.", err, o.Scenario.Name)
		} else {
			o.Scenario = s
		}
	}
	if v, ok := get("speed"); ok {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || x < speeds[0] || x > speeds[len(speeds)-1] {
			bad("speed=%q: use a number from %g to %g; keeping %gx.", v, speeds[0], speeds[len(speeds)-1], o.Speed)
		} else {
			o.Speed = x
		}
	}
	if v, ok := get("t"); ok {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || x < 0 || x > 1e6 {
			bad("t=%q: use a minute, 0 or more; starting at 0.", v)
		} else {
			o.Start, _ = sim.Approx(x)
		}
	}
	flag("autoplay", &o.Autoplay)
	if v, ok := get("ui"); ok {
		switch v {
		case UIFull, UIMinimal, UINone:
			o.UI = v
			o.Loop = v != UIFull
		default:
			bad("ui=%q: use full, minimal or none; showing %s.", v, o.UI)
		}
	}
	flag("mute", &o.Mute)
	flag("loop", &o.Loop)
	if v, ok := get("view"); ok {
		switch v {
		case ViewHouse, ViewCode:
			o.View = v
		default:
			bad("view=%q: use house or code; showing the house.", v)
		}
	}
	return o, notes
}

// decodeConfig reads a scenario from base64url JSON (padding optional).
func decodeConfig(v string) (sim.Scenario, error) {
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(v, "="))
	if err != nil {
		return sim.Scenario{}, fmt.Errorf("not base64url (%v)", err)
	}
	return sim.Parse(raw)
}

// EncodeConfig is the config parameter for a scenario: a share link.
func EncodeConfig(s sim.Scenario) string {
	return base64.RawURLEncoding.EncodeToString(s.JSON())
}

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
