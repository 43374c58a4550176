package sim

// Clone is a deep copy: changing it never changes s (the presets are shared
// by everyone who asks for them). Its lists are never nil, so its JSON has
// [] where a list is empty, as Parse requires.
func (s Scenario) Clone() Scenario {
	c := s
	c.People = append([]Person{}, s.People...)
	c.Rooms = append([]Room{}, s.Rooms...)
	c.Podcast.Listeners = append([]string{}, s.Podcast.Listeners...)
	c.Cleaners = append([]string{}, s.Cleaners...)
	return c
}

// phoneFor is the phone person i hears through when there is no home
// theatre (rule 3): their own, else the first person's who has one; -1 if
// nobody has a phone.
func (s *Scenario) phoneFor(i int) int {
	if s.People[i].Phone {
		return i
	}
	return s.firstPhone()
}
