// Package edit is the story editor's state, without a screen: a draft
// household, the edits a learner makes to it, undo and redo, and why the
// rules refuse a draft. The last valid draft is what plays; a refused one
// is kept, with its message, so nothing typed is lost.
package edit

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"chores/sim"
)

// Kind names an edit.
type Kind int

const (
	AddPerson     Kind = iota + 1 // a new person, cleaning and listening, with a phone
	RemovePerson                  // person Index
	RenamePerson                  // person Index to Text
	SetSpeed                      // person Index to Value
	TogglePhone                   // person Index
	ToggleAirpods                 // person Index
	ToggleCleans                  // person Index
	ToggleListens                 // person Index
	AddRoom                       // a new room of 10 minutes
	RemoveRoom                    // room Index
	RenameRoom                    // room Index to Text
	MoveRoom                      // room Index by Value places (-1 up, +1 down)
	SetWork                       // room Index to Value minutes
	SetEpisode                    // Value minutes
	SetListen                     // Text: "after" or "during"
	SetShare                      // Text: "turns" or "together"
	ToggleTheatre                 //
	SetHandoff                    // Value minutes
	Undo
	Redo
	Reset // back to the story the editor started from
)

// Edit is one change.
type Edit struct {
	Kind  Kind
	Index int
	Text  string
	Value float64
}

// Editor is a story being edited.
type Editor struct {
	base  sim.Scenario
	draft sim.Scenario
	valid sim.Scenario
	err   error
	undo  []sim.Scenario
	redo  []sim.Scenario
}

// historyLimit bounds undo: a learner clicking all afternoon keeps memory
// flat.
const historyLimit = 200

// New starts editing from s (a preset, or the story playing now), named as
// the learner's own.
func New(s sim.Scenario) *Editor {
	s = s.Clone()
	if p, ok := sim.IsPreset(s); ok {
		s.Name = "my " + p.Name
	}
	e := &Editor{base: s, draft: s.Clone(), valid: s.Clone()}
	e.check()
	return e
}

// Draft is the household as edited, valid or not.
func (e *Editor) Draft() sim.Scenario { return e.draft.Clone() }

// Valid is the last draft the rules accept: what plays.
func (e *Editor) Valid() sim.Scenario { return e.valid.Clone() }

// Err says why the draft is refused, in words naming the person or field,
// or nil.
func (e *Editor) Err() error { return e.err }

// CanUndo and CanRedo say whether there is anything to undo or redo.
func (e *Editor) CanUndo() bool { return len(e.undo) > 0 }

// CanRedo says whether an undone edit can be done again.
func (e *Editor) CanRedo() bool { return len(e.redo) > 0 }

// Apply makes one edit. An edit that cannot be made at all (a seventh...
// ninth person, a person who is not there) changes nothing and returns why;
// an edit the rules refuse is made, and Err says why it does not play.
func (e *Editor) Apply(ed Edit) error {
	switch ed.Kind {
	case Undo:
		if len(e.undo) == 0 {
			return errors.New("nothing to undo")
		}
		e.redo = append(e.redo, e.draft)
		e.draft, e.undo = e.undo[len(e.undo)-1], e.undo[:len(e.undo)-1]
		e.check()
		return nil
	case Redo:
		if len(e.redo) == 0 {
			return errors.New("nothing to redo")
		}
		e.undo = append(e.undo, e.draft)
		e.draft, e.redo = e.redo[len(e.redo)-1], e.redo[:len(e.redo)-1]
		e.check()
		return nil
	}
	next := e.draft.Clone()
	if err := change(&next, ed, e.base); err != nil {
		return err
	}
	e.undo = append(e.undo, e.draft)
	if len(e.undo) > historyLimit {
		e.undo = e.undo[1:]
	}
	e.redo = e.redo[:0]
	e.draft = next
	e.check()
	return nil
}

// check validates the draft; a valid one becomes what plays.
func (e *Editor) check() {
	if err := e.draft.Validate(); err != nil {
		e.err = describe(err, &e.draft)
		return
	}
	if _, err := sim.Simulate(e.draft); err != nil {
		e.err = describe(err, &e.draft)
		return
	}
	e.err, e.valid = nil, e.draft.Clone()
}

// change applies ed to s.
func change(s *sim.Scenario, ed Edit, base sim.Scenario) error {
	person := func() (*sim.Person, error) {
		if ed.Index < 0 || ed.Index >= len(s.People) {
			return nil, fmt.Errorf("there is no person number %d", ed.Index+1)
		}
		return &s.People[ed.Index], nil
	}
	room := func() (*sim.Room, error) {
		if ed.Index < 0 || ed.Index >= len(s.Rooms) {
			return nil, fmt.Errorf("there is no room number %d", ed.Index+1)
		}
		return &s.Rooms[ed.Index], nil
	}
	switch ed.Kind {
	case AddPerson:
		if len(s.People) >= sim.MaxPeople {
			return fmt.Errorf("a household has at most %d people", sim.MaxPeople)
		}
		name := freeName(s, "Guest")
		s.People = append(s.People, sim.Person{Name: name, Speed: 1, Phone: true})
		s.Cleaners = append(s.Cleaners, name)
		s.Podcast.Listeners = append(s.Podcast.Listeners, name)
	case RemovePerson:
		p, err := person()
		if err != nil {
			return err
		}
		if len(s.People) == 1 {
			return errors.New("a household needs someone in it")
		}
		name := p.Name
		s.People = append(s.People[:ed.Index], s.People[ed.Index+1:]...)
		s.Cleaners = without(s.Cleaners, name)
		s.Podcast.Listeners = without(s.Podcast.Listeners, name)
	case RenamePerson:
		p, err := person()
		if err != nil {
			return err
		}
		old, name := p.Name, strings.TrimSpace(ed.Text)
		p.Name = name
		s.Cleaners = renamed(s.Cleaners, old, name)
		s.Podcast.Listeners = renamed(s.Podcast.Listeners, old, name)
	case SetSpeed:
		p, err := person()
		if err != nil {
			return err
		}
		p.Speed = ed.Value
	case TogglePhone, ToggleAirpods:
		p, err := person()
		if err != nil {
			return err
		}
		if ed.Kind == TogglePhone {
			p.Phone = !p.Phone
		} else {
			p.Airpods = !p.Airpods
		}
	case ToggleCleans, ToggleListens:
		p, err := person()
		if err != nil {
			return err
		}
		list := &s.Cleaners
		if ed.Kind == ToggleListens {
			list = &s.Podcast.Listeners
		}
		if contains(*list, p.Name) {
			*list = without(*list, p.Name)
		} else {
			*list = inPeopleOrder(s, append(*list, p.Name))
		}
	case AddRoom:
		if len(s.Rooms) >= sim.MaxRooms {
			return fmt.Errorf("a house has at most %d rooms", sim.MaxRooms)
		}
		s.Rooms = append(s.Rooms, sim.Room{Name: freeRoomName(s), Work: 10})
	case RemoveRoom:
		if _, err := room(); err != nil {
			return err
		}
		s.Rooms = append(s.Rooms[:ed.Index], s.Rooms[ed.Index+1:]...)
	case RenameRoom:
		r, err := room()
		if err != nil {
			return err
		}
		r.Name = strings.TrimSpace(ed.Text)
	case MoveRoom:
		if _, err := room(); err != nil {
			return err
		}
		to := ed.Index + int(ed.Value)
		if to < 0 || to >= len(s.Rooms) || float64(int(ed.Value)) != ed.Value {
			return errors.New("the room cannot move there")
		}
		s.Rooms[ed.Index], s.Rooms[to] = s.Rooms[to], s.Rooms[ed.Index]
	case SetWork:
		r, err := room()
		if err != nil {
			return err
		}
		r.Work = ed.Value
	case SetEpisode:
		s.Podcast.Minutes = ed.Value
	case SetListen:
		s.Listen = ed.Text
	case SetShare:
		s.Share = ed.Text
	case ToggleTheatre:
		s.HomeTheatre = !s.HomeTheatre
	case SetHandoff:
		s.HandoffMinutes = ed.Value
	case Reset:
		*s = base.Clone()
	default:
		return fmt.Errorf("unknown edit %d", ed.Kind)
	}
	return nil
}

func contains(list []string, name string) bool {
	for _, n := range list {
		if n == name {
			return true
		}
	}
	return false
}

func without(list []string, name string) []string {
	out := []string{}
	for _, n := range list {
		if n != name {
			out = append(out, n)
		}
	}
	return out
}

func renamed(list []string, old, name string) []string {
	out := append([]string{}, list...)
	for i, n := range out {
		if n == old {
			out[i] = name
		}
	}
	return out
}

// inPeopleOrder keeps a list of names in the order of people (rule 1's
// tie-break reads people, not this list, but a tidy file reads better).
func inPeopleOrder(s *sim.Scenario, names []string) []string {
	out := []string{}
	for _, p := range s.People {
		if contains(names, p.Name) {
			out = append(out, p.Name)
		}
	}
	return out
}

func freeName(s *sim.Scenario, stem string) string {
	for i := 1; ; i++ {
		name := stem + " " + strconv.Itoa(i)
		if s.PersonIndex(name) < 0 {
			return name
		}
	}
}

func freeRoomName(s *sim.Scenario) string {
	for i := len(s.Rooms) + 1; ; i++ {
		name := "Room " + strconv.Itoa(i)
		free := true
		for _, r := range s.Rooms {
			free = free && r.Name != name
		}
		if free {
			return name
		}
	}
}

var fieldPath = regexp.MustCompile(`^(people|rooms)\[(\d+)\]\.?(.*)$`)

// describe turns the model's error into words for the editor: the person or
// room by name, not by index ("Friend's speed: …").
func describe(err error, s *sim.Scenario) error {
	var fe *sim.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	m := fieldPath.FindStringSubmatch(fe.Field)
	if m == nil {
		return fmt.Errorf("%s: %s", strings.ReplaceAll(fe.Field, ".", " "), fe.Msg)
	}
	i, _ := strconv.Atoi(m[2])
	who := fmt.Sprintf("%s %d", strings.TrimSuffix(m[1], "s"), i+1)
	if m[1] == "people" && i < len(s.People) && s.People[i].Name != "" {
		who = s.People[i].Name
	} else if m[1] == "rooms" && i < len(s.Rooms) && s.Rooms[i].Name != "" {
		who = "the " + s.Rooms[i].Name
	}
	if m[1] == "people" && i < len(s.People) && m[3] == "name" && s.People[i].Name == "" {
		who = fmt.Sprintf("person %d", i+1)
	}
	if m[3] == "" {
		return fmt.Errorf("%s: %s", who, fe.Msg)
	}
	return fmt.Errorf("%s's %s: %s", who, m[3], fe.Msg)
}
