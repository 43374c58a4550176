// Command serve serves the built playground (dist/) on a local address:
//
//	go run ./web/serve [-dir dist] [-addr 127.0.0.1:8080]
//
// It prints the address it really listens on, so "-addr 127.0.0.1:0" picks
// a free port and tells you which. SIGINT or SIGTERM stops it gracefully.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"chores/web/server"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dir := fs.String("dir", "dist", "folder to serve (the built playground)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free one)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stderr)
			fmt.Fprintln(stderr, "usage: serve [-dir dist] [-addr 127.0.0.1:8080]")
			fs.PrintDefaults()
			return 2
		}
		fmt.Fprintf(stderr, "serve: %v (usage: serve [-dir dist] [-addr 127.0.0.1:8080])\n", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "serve: unexpected argument %q (usage: serve [-dir dist] [-addr 127.0.0.1:8080])\n", fs.Arg(0))
		return 2
	}
	info, err := os.Stat(*dir)
	if err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "serve: %s is not a folder; build the playground first (make web)\n", *dir)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "serve: cannot listen on %s: %v\n", *addr, err)
		return 2
	}
	srv := server.NewServer(*dir, server.DefaultLimits) // timeouts and header limit: see server.DefaultLimits

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "Chores is served at http://%s/\n", ln.Addr())
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		fmt.Fprintf(stderr, "serve: warning: %s has no index.html yet\n", *dir)
	}

	select {
	case err := <-done:
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	stop()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		fmt.Fprintf(stderr, "serve: shutdown: %v\n", err)
		return 1
	}
	<-done
	return 0
}
