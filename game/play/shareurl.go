package play

import (
	"net/url"
	"strings"

	"chores/sim"
)

// ShareQuery is the query of a link that opens what plays now: the story
// (a preset by name, a story of one's own as config=, sim.EncodeLink), the
// minute (t=, to a thousandth: what the URL reads back; with autoplay=0,
// so that it opens there, paused), and the sharing mode and the view when they are not the defaults. In predict mode the
// link is a challenge: predict=1, from the start. The game puts the page's
// address in front (the browser's own, or the desktop's make serve).
func (p *Player) ShareQuery() string {
	st := p.Stories[p.Index] // the story as made: share= plays its alternative
	var q []string
	if _, ok := sim.IsPreset(st.Scenario); ok {
		q = append(q, "scenario="+url.QueryEscape(st.Name))
	} else {
		q = append(q, "config="+p.linkConfig(st))
	}
	if p.Predict.On {
		q = append(q, "predict=1")
	} else if !p.Minute.IsZero() {
		// Paused there: by the time the page has loaded, a playing story
		// would have moved on.
		q = append(q, "t="+p.Minute.String(), "autoplay=0")
	}
	if p.Share != "" {
		q = append(q, "share="+url.QueryEscape(p.Share))
	}
	if v := p.View(); v != ViewHouse {
		q = append(q, "view="+url.QueryEscape(v))
	}
	return strings.Join(q, "&")
}

// linkConfig is the story's config parameter, encoded once per story
// (DEFLATE at its best compression is too slow to run every frame).
func (p *Player) linkConfig(st *Story) string {
	if p.linkOf != st {
		p.linkOf, p.linkText = st, EncodeConfig(st.Scenario)
	}
	return p.linkText
}
