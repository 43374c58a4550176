package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestBadUsage(t *testing.T) {
	dir := t.TempDir()
	cases := [][]string{
		{"-nope"},
		{"-dir"},
		{"-dir", filepath.Join(dir, "missing")},
		{"-dir", filepath.Join(dir, "file.txt")},
		{"-dir", dir, "extra"},
		{"-dir", dir, "-addr", "not an address"},
	}
	os.WriteFile(filepath.Join(dir, "file.txt"), []byte("x"), 0o644)
	for _, args := range cases {
		var out, errOut bytes.Buffer
		if code := run(args, &out, &errOut); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if lines := strings.Count(strings.TrimRight(errOut.String(), "\n"), "\n"); lines != 0 || errOut.Len() == 0 {
			t.Errorf("%q: want one line on stderr, got %q", args, errOut.String())
		}
		if out.Len() != 0 {
			t.Errorf("%q: stdout %q", args, out.String())
		}
	}
}

func TestServeAndInterrupt(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("hello"), 0o644)
	pr, pw := io.Pipe()
	var errOut bytes.Buffer
	codes := make(chan int, 1)
	go func() {
		codes <- run([]string{"-dir", dir, "-addr", "127.0.0.1:0"}, pw, &errOut)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^Chores is served at (http://127\.0\.0\.1:(\d+)/)\n$`).FindStringSubmatch(line)
	if m == nil || m[2] == "0" {
		t.Fatalf("banner %q", line)
	}
	resp, err := http.Get(m[1])
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "hello" {
		t.Errorf("body %q", body)
	}
	go io.Copy(io.Discard, pr)

	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case code := <-codes:
		if code != 0 {
			t.Errorf("exit %d after SIGINT, stderr %q", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no shutdown after SIGINT")
	}
}
