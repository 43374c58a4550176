//go:build !js

package main

// Outside a browser there is no page to publish to.

func firstFrame() {}

func publish(*stick) {}
