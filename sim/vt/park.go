package vt

import (
	"path/filepath"
	"runtime"
	"sync"
)

// Park is a stretch of virtual time a goroutine spent blocked at one line of
// the story. The world records it as the run happens, so a view of the code
// can mark the line where each goroutine really is.
type Park struct {
	From    Time `json:"from"`
	To      Time `json:"to"`
	Blocked bool `json:"blocked"` // on another goroutine (Wait, Lock, a receive), not on time (Sleep)
	Site    Site `json:"site"`
}

// Site is a line of the story file: the innermost call in that file on the
// goroutine's stack when it blocked. Line is 0 when none was found.
type Site struct {
	Line int `json:"line"`
}

// site finds the story line the running goroutine blocked at. Stacks repeat
// (a few places per story), so each distinct stack is resolved once and
// kept: runtime.Callers is cheap, resolving frames to lines is not.
func (w *World) site() Site {
	var pcs stack
	runtime.Callers(3, pcs[:]) // skip Callers, site, suspend
	key := siteKey{w.story, pcs}
	sites.Lock()
	defer sites.Unlock()
	if s, ok := sites.m[key]; ok {
		return s
	}
	var s Site
	frames := runtime.CallersFrames(pcs[:])
	for {
		f, more := frames.Next()
		if filepath.Base(f.File) == w.story {
			s = Site{Line: f.Line}
			break
		}
		if !more {
			break
		}
	}
	sites.m[key] = s
	return s
}

// stack is deep enough to reach from a primitive, through an adapter and a
// range-over-func iterator, back to the story's line.
type stack [10]uintptr

type siteKey struct {
	story string
	pcs   stack
}

var sites = struct {
	sync.Mutex
	m map[siteKey]Site
}{m: map[siteKey]Site{}}
