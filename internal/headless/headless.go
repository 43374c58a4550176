//go:build !js

// Package headless holds the one way Chores starts headless Chromium: the
// command-line flags that work on these machines (see PLATFORM.md), the
// default viewport, and a helper that starts a browser with a fresh profile.
// tools/bench uses it; the browser tests can too.
package headless

import (
	"context"
	"fmt"
	"os"

	"github.com/chromedp/chromedp"
)

// The default viewport. --window-size gives a smaller page area than asked
// in headless Chromium, so tabs set it with Viewport (EmulateViewport).
const (
	Width  = 1280
	Height = 800
)

// ExecPath is the browser to run: $CHORES_CHROME, or /usr/bin/chromium.
func ExecPath() string {
	if p := os.Getenv("CHORES_CHROME"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// Options are the allocator options for headless Chromium with a profile in
// userDataDir (use a fresh temporary folder per browser): chromedp's
// defaults (headless, no first run, no background networking, no sync, ...)
// plus no sandbox (we run as root), no GPU but WebGL on SwiftShader, no QUIC
// and no component updates.
func Options(userDataDir string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(ExecPath()),
		chromedp.NoSandbox,
		chromedp.DisableGPU, // also sets --enable-unsafe-swiftshader
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(Width, Height),
		chromedp.UserDataDir(userDataDir),
	)
}

// Viewport sets a tab's viewport to the default Width x Height.
func Viewport() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(Width, Height)
}

// Start starts a browser with a fresh temporary profile. The returned
// context is the browser's lifetime (derive tabs from it with
// chromedp.NewContext); stop ends the browser and removes the profile.
// Do not give parent a deadline shorter than the browser should live.
func Start(parent context.Context) (ctx context.Context, stop func(), err error) {
	profile, err := os.MkdirTemp("", "chores-chromium-")
	if err != nil {
		return nil, nil, err
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(parent, Options(profile)...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	stop = func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	// The first Run starts the browser; its context is the browser's lifetime.
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting %s: %w", ExecPath(), err)
	}
	return ctx, stop, nil
}
