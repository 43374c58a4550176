package sim

import (
	"bytes"
	"fmt"

	"chores/internal/bounds"
)

// Preset is one of the six stories: a scenario and what it teaches.
type Preset struct {
	Name     string
	Title    string
	Caption  string // what the story teaches, in a sentence or two
	Lesson   string // the one line said at its end
	Scenario Scenario
}

// The default house and episode of every preset.
var (
	defaultRooms = []Room{
		{Name: "Kitchen", Work: 20},
		{Name: "Living room", Work: 15},
		{Name: "Bedroom", Work: 15},
		{Name: "Bathroom", Work: 10},
	}
	episodeMinutes = 45.0
)

func story(name string, people []Person, listeners, cleaners []string, listen, share string, theatre bool) Scenario {
	return Scenario{
		Name:           name,
		People:         people,
		Rooms:          append([]Room(nil), defaultRooms...),
		Podcast:        Podcast{Minutes: episodeMinutes, Listeners: listeners},
		Cleaners:       cleaners,
		Listen:         listen,
		Share:          share,
		HomeTheatre:    theatre,
		HandoffMinutes: 0,
	}
}

var (
	you        = Person{Name: "You", Speed: 1, Phone: true}
	youAirpods = Person{Name: "You", Speed: 1, Phone: true, Airpods: true}
	friend     = Person{Name: "Friend", Speed: 1}
	friendFone = Person{Name: "Friend", Speed: 1, Phone: true}
	both       = []string{"You", "Friend"}
	justYou    = []string{"You"}
)

// NumPresets is how many stories there are.
const NumPresets = 6

// presets are the six stories, in the order the playground shows them.
// They are handed out as deep copies (Presets, PresetByName): a caller that
// edits its copy changes nobody else's.
var presets = [NumPresets]Preset{
	{
		Name:  "sequential",
		Title: "One thing after another",
		Caption: "You clean every room, then sit down with the podcast. " +
			"Nothing overlaps: the total is the sum of the parts.",
		Lesson:   "Nothing overlapped, so the total is every part added up: 105 minutes.",
		Scenario: story("sequential", []Person{you}, justYou, justYou, ListenAfter, ShareTurns, false),
	},
	{
		Name:  "concurrency-1",
		Title: "Concurrency: airpods in",
		Caption: "Still one person, but the podcast plays while your hands clean. " +
			"Concurrency fills the waiting; it does not add hands.",
		Lesson:   "One pair of hands, but the ears worked meanwhile: concurrency saved the 45 minutes of listening.",
		Scenario: story("concurrency-1", []Person{youAirpods}, justYou, justYou, ListenDuring, ShareTurns, false),
	},
	{
		Name:  "parallelism-1",
		Title: "Parallelism: a friend helps",
		Caption: "Two people split the rooms, so the cleaning takes half as long. " +
			"Then you listen alone: parallel work, one person's podcast.",
		Lesson:   "Two pairs of hands halved the cleaning; the episode still waited for it.",
		Scenario: story("parallelism-1", []Person{you, friend}, justYou, both, ListenAfter, ShareTurns, false),
	},
	{
		Name:  "parallelism-2",
		Title: "Parallelism: a phone each",
		Caption: "Two cleaners, then two phones playing at once. " +
			"Arguably this is just two independent jobs: parallel, but nothing is shared.",
		Lesson:   "Two cleaners, then two phones at once: parallel, but with twice the devices.",
		Scenario: story("parallelism-2", []Person{you, friendFone}, both, both, ListenAfter, ShareTurns, false),
	},
	{
		Name:  "concurrency-2",
		Title: "Concurrency: one phone, two ears",
		Caption: "The friend has no podcast app, so you both listen to your phone together. " +
			"Taking turns would cost 45 more minutes; sharing the stream removes the wait.",
		Lesson:   "One phone, heard together: as quick as a phone each, with nobody waiting.",
		Scenario: story("concurrency-2", []Person{you, friend}, both, both, ListenAfter, ShareTogether, false),
	},
	{
		Name:  "best-of-both",
		Title: "Both at once",
		Caption: "Two people split the rooms while the home theatre plays to the whole house. " +
			"Parallel hands, concurrent ears: done when the episode ends.",
		Lesson:   "Parallel hands and concurrent ears: done when the episode ends.",
		Scenario: story("best-of-both", []Person{you, friend}, both, both, ListenDuring, ShareTogether, true),
	},
}

// Presets are the six stories, in order, as fresh copies.
func Presets() []Preset {
	out := make([]Preset, NumPresets)
	for i, p := range presets {
		out[i] = p
		out[i].Scenario = p.Scenario.Clone()
	}
	return out
}

// PresetByName finds a preset, as a fresh copy.
func PresetByName(name string) (Preset, bool) {
	for _, p := range presets {
		if p.Name == name {
			p.Scenario = p.Scenario.Clone()
			return p, true
		}
	}
	return Preset{}, false
}

// PresetNames lists the preset names, for messages and flags.
func PresetNames() []string {
	names := make([]string, NumPresets)
	for i, p := range presets {
		names[i] = p.Name
	}
	return names
}

// IsPreset reports whether s is one of the presets, unchanged.
func IsPreset(s Scenario) (Preset, bool) {
	p, ok := PresetByName(s.Name)
	if !ok || string(p.Scenario.JSON()) != string(s.JSON()) {
		return Preset{}, false
	}
	return p, true
}

// Load finds a scenario by preset name, or parses it as JSON. Text that is
// not a JSON object is taken for a misspelt name.
func Load(nameOrJSON []byte) (Scenario, error) {
	if p, ok := PresetByName(string(nameOrJSON)); ok {
		return p.Scenario, nil
	}
	if !bytes.HasPrefix(bytes.TrimSpace(nameOrJSON), []byte("{")) {
		return Scenario{}, UnknownPresetError(string(nameOrJSON))
	}
	return Parse(nameOrJSON)
}

// UnknownPresetError says a name is not one of the presets.
func UnknownPresetError(name string) error {
	return fmt.Errorf("unknown scenario %s (one of %v, or a JSON file)", bounds.Quote(name), PresetNames())
}

// Largest is the biggest scenario the limits allow: 8 people and 64 rooms,
// phones shared in turns with a handoff. It is the busiest view the game can
// be asked to draw, used by tests and benchmarks.
func Largest() Scenario {
	names := []string{"You", "Friend", "Mia", "Sam", "Rosa", "Lin", "Theo", "Omar"}
	s := Scenario{
		Name:           "largest",
		Podcast:        Podcast{Minutes: episodeMinutes},
		Listen:         ListenAfter,
		Share:          ShareTurns,
		HandoffMinutes: 1,
	}
	for i, n := range names {
		s.People = append(s.People, Person{Name: n, Speed: []float64{1, 1.5, 0.5, 2}[i%4], Phone: i%3 == 0, Airpods: i%2 == 0})
		s.Cleaners = append(s.Cleaners, n)
		s.Podcast.Listeners = append(s.Podcast.Listeners, n)
	}
	kinds := []string{"Kitchen", "Living room", "Bedroom", "Bathroom", "Study", "Hall"}
	for i := range MaxRooms {
		s.Rooms = append(s.Rooms, Room{Name: fmt.Sprintf("%s %d", kinds[i%len(kinds)], i/len(kinds)+1), Work: float64(5 + (i*7)%30)})
	}
	return s
}
