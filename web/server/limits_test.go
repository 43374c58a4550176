//go:build unix

package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chores/sim"
)

// fastLimits are DefaultLimits with timeouts short enough for tests.
var fastLimits = Limits{
	ReadHeader:       300 * time.Millisecond,
	Read:             time.Second,
	Write:            100 * time.Millisecond,
	Stall:            300 * time.Millisecond,
	Idle:             300 * time.Millisecond,
	MaxRequestHeader: DefaultLimits.MaxRequestHeader,
	MaxHeaderBytes:   DefaultLimits.MaxHeaderBytes,
}

// serve starts a real server (net/http applies the timeouts and the header
// limit, which a handler alone cannot show) on a free port. Accepted
// connections get a small send buffer, so that a client that stops reading
// is felt after a few dozen KiB instead of the megabytes a kernel buffers.
func serve(t *testing.T, dir string, l Limits) string {
	t.Helper()
	lc := net.ListenConfig{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_SNDBUF, 32<<10)
		})
	}}
	ln, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(dir, l)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// dialSmall connects with a small receive buffer.
func dialSmall(t *testing.T, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 16<<10)
		})
	}}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// closedWithin reports whether the server closes c within limit (a read
// that ends in EOF or a reset), discarding anything it still sends.
func closedWithin(c net.Conn, limit time.Duration) bool {
	c.SetReadDeadline(time.Now().Add(limit))
	_, err := io.Copy(io.Discard, c)
	var ne net.Error
	return !(errors.As(err, &ne) && ne.Timeout())
}

func TestIdleConnectionsAreClosed(t *testing.T) {
	addr := serve(t, site(t), fastLimits)
	// Fifty kept-alive connections after one request each, and ten that
	// never send anything: all closed soon after the limits, none held.
	var conns []net.Conn
	for range 50 {
		c := dialSmall(t, addr)
		io.WriteString(c, "GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Close {
			t.Fatalf("status %d, close %v", resp.StatusCode, resp.Close)
		}
		conns = append(conns, c)
	}
	for range 10 {
		conns = append(conns, dialSmall(t, addr))
	}
	start := time.Now()
	for i, c := range conns {
		if !closedWithin(c, 3*time.Second) {
			t.Fatalf("connection %d still open after %v", i, time.Since(start))
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("closing the idle connections took %v (limits 300 ms)", d)
	}
}

// A client that sends its headers a byte at a time is cut off after
// ReadHeader, however steadily it trickles.
func TestSlowHeadersAreCutOff(t *testing.T) {
	addr := serve(t, site(t), fastLimits)
	c := dialSmall(t, addr)
	start := time.Now()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n")
	for i := 0; time.Since(start) < 2*time.Second; i++ {
		if _, err := io.WriteString(c, "X"); err != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !closedWithin(c, 100*time.Millisecond) || time.Since(start) > 2*time.Second {
		t.Errorf("a trickling client was still connected after %v", time.Since(start))
	}
}

func bigSite(t *testing.T, size int64) string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("hi"), 0o644)
	f, err := os.Create(filepath.Join(dir, "big.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(size)
	f.Close()
	return dir
}

// A client that asks for a large file and stops reading loses the
// connection after Stall: it cannot hold the response for ever.
func TestStalledReaderIsCutOff(t *testing.T) {
	const size = 16 << 20
	addr := serve(t, bigSite(t, size), fastLimits)
	c := dialSmall(t, addr)
	io.WriteString(c, "GET /big.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
	time.Sleep(1500 * time.Millisecond) // stop reading: buffers fill, writes stall
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, err := io.Copy(io.Discard, c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the server still holds the connection after %d bytes", n)
	}
	if n >= size {
		t.Errorf("the whole file (%d bytes) arrived; it should have been cut off", n)
	}
	t.Logf("cut off after %d of %d bytes (%v)", n, size, err)
}

// A client that reads slowly but steadily gets the whole file, although it
// takes far longer than Write: each chunk has its own Stall deadline.
func TestSlowReaderGetsTheWholeFile(t *testing.T) {
	const size = 1 << 20
	addr := serve(t, bigSite(t, size), fastLimits)
	c := dialSmall(t, addr)
	io.WriteString(c, "GET /big.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
	start := time.Now()
	br := bufio.NewReaderSize(c, 4<<10)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got int64
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		got += int64(n)
		if err != nil {
			break
		}
		time.Sleep(10 * time.Millisecond) // about 3 MB/s at most, in small bites
	}
	if got != size {
		t.Errorf("got %d of %d bytes in %v", got, size, time.Since(start))
	}
	if d := time.Since(start); d < fastLimits.Write {
		t.Logf("note: the transfer took %v, under Write; this test shows less than it should", d)
	}
}

// A FIFO (or a device behind a link) in the served folder is a 404 at once:
// it is never opened, so no request waits for a writer.
func TestFIFOIsNotServed(t *testing.T) {
	dir := site(t)
	for _, name := range []string{"pipe.html", "pipe.wasm", "app.wasm.gz"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o600); err != nil {
			t.Skipf("no FIFO here: %v", err)
		}
	}
	os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("\x00asm"), 0o644)
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.bin"))
	os.Symlink("pipe.html", filepath.Join(dir, "link.html"))
	h := New(dir)
	for _, tt := range []struct {
		path string
		want int
	}{
		{"/pipe.html", 404},
		{"/pipe.wasm", 404},
		{"/link.html", 404},
		{"/zero.bin", 404},
		{"/app.wasm", 200}, // its .gz variant is a FIFO: skipped, the raw file served
	} {
		done := make(chan int, 1)
		go func() {
			done <- do(t, h, "GET", tt.path, map[string]string{"Accept-Encoding": "gzip"}).Code
		}()
		select {
		case code := <-done:
			if code != tt.want {
				t.Errorf("%s: %d, want %d", tt.path, code, tt.want)
			}
		case <-time.After(time.Second):
			t.Fatalf("%s: no answer within a second (the FIFO was opened?)", tt.path)
		}
	}
	// Through a real server too.
	addr := serve(t, dir, fastLimits)
	resp, err := (&http.Client{Timeout: 2 * time.Second}).Get("http://" + addr + "/pipe.html")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("real server: %d", resp.StatusCode)
	}
}

// The largest share link the game accepts is served; a longer one gets a
// page that says why, not a bare "431".
func TestHeaderLimitFitsTheLargestShareLink(t *testing.T) {
	// The largest config: a valid scenario padded to sim.Parse's limit.
	doc := sim.Largest().JSON()
	doc = append(doc, bytes.Repeat([]byte(" "), MaxConfigJSON-len(doc))...)
	if _, err := sim.Parse(doc); err != nil {
		t.Fatalf("the largest scenario does not parse: %v", err)
	}
	if _, err := sim.Parse(append(doc, ' ')); err == nil {
		t.Fatalf("sim.Parse takes more than MaxConfigJSON = %d bytes: update the limits", MaxConfigJSON)
	}
	config := base64.RawURLEncoding.EncodeToString(doc)
	if len(config) != MaxConfigParam {
		t.Fatalf("config is %d characters, MaxConfigParam %d", len(config), MaxConfigParam)
	}
	page := "/?config=" + config + "&ui=full&autoplay=1&loop=1&speed=1&t=0&view=house&theme=dark"
	addr := serve(t, site(t), DefaultLimits)
	client := &http.Client{Timeout: 10 * time.Second}
	get := func(path string, header map[string]string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", "http://"+addr+path, nil)
		req.Header.Set("User-Agent", strings.Repeat("Mozilla/5.0 ", 20))
		req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
		req.Header.Set("Accept-Language", "en-GB,en;q=0.9")
		req.Header.Set("Cookie", strings.Repeat("c", 4096))
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(body)
	}
	// The page itself, and one of its requests carrying the link as Referer.
	if resp, _ := get(page, nil); resp.StatusCode != 200 {
		t.Errorf("the largest share link: %d", resp.StatusCode)
	}
	if resp, _ := get("/wasm_exec.js", map[string]string{"Referer": "http://" + addr + page}); resp.StatusCode != 200 {
		t.Errorf("a request with the largest link as Referer: %d", resp.StatusCode)
	}
	// Over the limit: a readable page.
	long := "/?config=" + strings.Repeat("A", DefaultLimits.MaxRequestHeader)
	resp, body := get(long, nil)
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") ||
		!strings.Contains(body, "This link is too long") || len(body) > 2000 {
		t.Errorf("over the limit: %d %s, %d bytes: %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), len(body), body)
	}
	// Far over it (past what any browser sends): net/http's own answer.
	// (The server may close while the client still writes: a reset is
	// an answer too; only a 2xx would be wrong.)
	far, err := client.Get("http://" + addr + "/?config=" + strings.Repeat("A", DefaultLimits.MaxHeaderBytes+8192))
	if err == nil {
		far.Body.Close()
		if far.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("far over the limit: %d", far.StatusCode)
		}
	}
}
