package sim

import (
	"runtime"
	"strings"
	"sync"
)

// Park is a stretch of virtual time a process spent suspended at one place
// in its code. The engine records it as the run happens, so the code view
// marks the line where each goroutine really is, not a guess from the
// timeline.
type Park struct {
	From, To Time
	Blocked  bool // waiting for something (a room, a phone, the others), not for time to pass
	Site     Site
}

// Site is a line of the story's code: the outermost call of the process's
// own function (see storyFuncs) that led to the suspension.
type Site struct {
	Func string // the function's name, without the package path
	Line int
}

// storyFuncs are the functions of the story (household.go) that a process
// runs; a park is placed on the line where one of them made the call that
// suspended it.
var storyFuncs = []string{"(*household).clean", "(*household).listen"}

// callSite finds the story line that led to a suspension. Stacks repeat
// (a few places per story), so each distinct stack is resolved to a line
// once and kept: runtime.Callers is cheap, resolving frames is not.
func callSite() Site {
	var pcs stack
	runtime.Callers(4, pcs[:]) // skip Callers, callSite, suspend, Wait/Passivate
	sites.Lock()
	defer sites.Unlock()
	if s, ok := sites.m[pcs]; ok {
		return s
	}
	var site Site
	frames := runtime.CallersFrames(pcs[:])
	for {
		f, more := frames.Next()
		name := f.Function[strings.LastIndexByte(f.Function, '/')+1:]
		name = strings.TrimPrefix(name, "sim.")
		for _, fn := range storyFuncs {
			if name == fn {
				site = Site{Func: name, Line: f.Line}
			}
		}
		if site.Line != 0 || !more {
			break
		}
	}
	sites.m[pcs] = site
	return site
}

type stack [6]uintptr

var sites = struct {
	sync.Mutex
	m map[stack]Site
}{m: map[stack]Site{}}
