package main

import (
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

// figures is window.yardstick, the object tools/bench reads the frame
// counters from. It exists from the start, empty until the first frame.
var figures = func() js.Value {
	o := js.Global().Get("Object").New()
	js.Global().Set("yardstick", o)
	return o
}()

// firstFrame notes when the first Draw began, in milliseconds since
// navigation (performance.now()), the same instant Chores reports.
func firstFrame() {
	figures.Set("firstFrameMs", js.Global().Get("performance").Call("now"))
}

// publish refreshes the counters once a frame.
func publish(s *stick) {
	figures.Set("frames", s.frames)
	figures.Set("ticks", s.ticks)
	figures.Set("fps", ebiten.ActualFPS())
	figures.Set("tps", ebiten.ActualTPS())
}
