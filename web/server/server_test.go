// This file is long because it tries the server against every kind of
// request the issue lists (encodings, caches, FIFOs, slow and stalled
// clients, huge headers), each a test of its own.

package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// site builds a small dist/ folder and returns its path.
//
//	index.html            (no variants)
//	chores.wasm           + .br + .gz
//	wasm_exec.js          + .gz only
//	style.css, data.json, sound.ogg, pic.png, plain.unknownext
//	sub/index.html        (a directory)
//	.hidden
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":        "<!doctype html><title>Chores</title>",
		"chores.wasm":       "\x00asm raw wasm bytes, quite a few of them, raw raw raw",
		"chores.wasm.br":    "BROTLI",
		"wasm_exec.js":      "console.log('glue');",
		"style.css":         "body{}",
		"data.json":         `{"a":1}`,
		"sound.ogg":         "OggS",
		"pic.png":           "\x89PNG\r\n\x1a\n",
		"plain.unknownext":  "???",
		"sub/index.html":    "<p>sub</p>",
		"sub/page.html":     "<p>page</p>",
		".hidden":           "secret",
		"sub/.env":          "SECRET=1",
		"lonely.txt.gz":     "a .gz with no raw file",
		"UPPER.WASM":        "\x00asm",
		"dir.wasm/file.txt": "x",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeGzip(t, filepath.Join(dir, "chores.wasm.gz"), files["chores.wasm"])
	writeGzip(t, filepath.Join(dir, "wasm_exec.js.gz"), files["wasm_exec.js"])
	return dir
}

func writeGzip(t *testing.T, path, body string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(body))
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func do(t *testing.T, h http.Handler, method, target string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func get(t *testing.T, h http.Handler, target, acceptEncoding string) *httptest.ResponseRecorder {
	t.Helper()
	hdr := map[string]string{}
	if acceptEncoding != "" {
		hdr["Accept-Encoding"] = acceptEncoding
	}
	return do(t, h, http.MethodGet, target, hdr)
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestIndex(t *testing.T) {
	dir := site(t)
	h := New(dir)
	for _, target := range []string{"/", "/index.html"} {
		rec := get(t, h, target, "gzip, br")
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", target, rec.Code)
		}
		if got := rec.Body.String(); got != readFile(t, dir, "index.html") {
			t.Errorf("%s: body %q", target, got)
		}
		want := map[string]string{
			"Content-Type":           "text/html; charset=utf-8",
			"Cache-Control":          "no-cache",
			"X-Content-Type-Options": "nosniff",
			"Content-Encoding":       "",
			"Vary":                   "", // index.html has no variants
			"Content-Length":         strconv.Itoa(len(readFile(t, dir, "index.html"))),
			"X-Decoded-Length":       strconv.Itoa(len(readFile(t, dir, "index.html"))),
		}
		for k, v := range want {
			if got := rec.Header().Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", target, k, got, v)
			}
		}
		if et := rec.Header().Get("ETag"); !strings.HasPrefix(et, `"`) || !strings.HasSuffix(et, `"`) || len(et) < 10 {
			t.Errorf("%s: ETag %q is not a strong tag", target, et)
		}
	}
	if a, b := get(t, h, "/", "").Header().Get("ETag"), get(t, h, "/index.html", "").Header().Get("ETag"); a != b {
		t.Errorf("/ and /index.html have different ETags: %s %s", a, b)
	}
}

func TestContentTypes(t *testing.T) {
	h := New(site(t))
	cases := map[string]string{
		"/chores.wasm":       "application/wasm",
		"/UPPER.WASM":        "application/wasm",
		"/wasm_exec.js":      "text/javascript; charset=utf-8",
		"/style.css":         "text/css; charset=utf-8",
		"/data.json":         "application/json",
		"/sound.ogg":         "audio/ogg",
		"/pic.png":           "image/png",
		"/sub/page.html":     "text/html; charset=utf-8",
		"/plain.unknownext":  "application/octet-stream",
		"/dir.wasm/file.txt": "text/plain; charset=utf-8",
	}
	for target, want := range cases {
		// The type comes from the original name whatever encoding is sent.
		for _, ae := range []string{"", "gzip", "br"} {
			rec := get(t, h, target, ae)
			if rec.Code != 200 {
				t.Errorf("%s (%q): status %d", target, ae, rec.Code)
				continue
			}
			if got := rec.Header().Get("Content-Type"); got != want {
				t.Errorf("%s (%q): Content-Type %q, want %q", target, ae, got, want)
			}
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("%s: nosniff missing", target)
			}
		}
	}
}

func TestNegotiation(t *testing.T) {
	dir := site(t)
	h := New(dir)
	raw := readFile(t, dir, "chores.wasm")
	br := readFile(t, dir, "chores.wasm.br")
	gz := readFile(t, dir, "chores.wasm.gz")
	cases := []struct {
		accept   string
		encoding string
		body     string
	}{
		{"", "", raw},
		{"gzip, deflate, br, zstd", "br", br}, // what Chromium sends
		{"br", "br", br},
		{"BR", "br", br},
		{"gzip", "gzip", gz},
		{"x-gzip", "gzip", gz},
		{"deflate", "", raw},
		{"identity", "", raw},
		{"br;q=0, gzip", "gzip", gz},
		{"br; q=0 ,gzip", "gzip", gz},
		{"br;q=0.0, gzip;q=0", "", raw},
		{"br;q=0.000, gzip;q=0.5", "gzip", gz},
		{"gzip;q=1, br;q=0.5", "gzip", gz},
		{"gzip;q=0.5, br;q=0.5", "br", br}, // tie: br preferred
		{"gzip;q=0.2, br;q=0.9", "br", br},
		{"*", "br", br},
		{"*;q=0", "", raw},
		{"*;q=0.3, br;q=0", "gzip", gz},
		{"gzip, *;q=0", "gzip", gz},
		{"br;q=abc, gzip", "gzip", gz}, // a malformed q refuses
		{"br;q=2, gzip", "gzip", gz},   // out of range too
		{"br;level=5", "br", br},       // unknown parameters are ignored
		{",,, ;q=1, gzip", "gzip", gz},
		{"identity;q=0, gzip;q=0", "", raw}, // something must be sent
	}
	for _, c := range cases {
		rec := get(t, h, "/chores.wasm", c.accept)
		if rec.Code != 200 {
			t.Errorf("%q: status %d", c.accept, rec.Code)
			continue
		}
		hd := rec.Header()
		if got := hd.Get("Content-Encoding"); got != c.encoding {
			t.Errorf("%q: Content-Encoding %q, want %q", c.accept, got, c.encoding)
		}
		if got := rec.Body.String(); got != c.body {
			t.Errorf("%q: wrong body %q", c.accept, got)
		}
		if got := hd.Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("%q: Vary %q", c.accept, got)
		}
		if got := hd.Get("Content-Length"); got != strconv.Itoa(len(c.body)) {
			t.Errorf("%q: Content-Length %s, want %d", c.accept, got, len(c.body))
		}
		if got := hd.Get("X-Decoded-Length"); got != strconv.Itoa(len(raw)) {
			t.Errorf("%q: X-Decoded-Length %s, want %d", c.accept, got, len(raw))
		}
		if got := hd.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("%q: Content-Type %q", c.accept, got)
		}
	}
}

func TestGzipOnlyVariant(t *testing.T) {
	dir := site(t)
	h := New(dir)
	// wasm_exec.js has a .gz but no .br.
	rec := get(t, h, "/wasm_exec.js", "br")
	if rec.Header().Get("Content-Encoding") != "" || rec.Body.String() != readFile(t, dir, "wasm_exec.js") {
		t.Errorf("br only, no .br file: got encoding %q", rec.Header().Get("Content-Encoding"))
	}
	if rec.Header().Get("Vary") != "Accept-Encoding" {
		t.Errorf("Vary missing although a .gz exists")
	}
	rec = get(t, h, "/wasm_exec.js", "gzip, br")
	if rec.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("got encoding %q, want gzip", rec.Header().Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(zr)
	if string(b) != readFile(t, dir, "wasm_exec.js") {
		t.Errorf("decoded body %q", b)
	}
}

func TestNoVaryWithoutVariants(t *testing.T) {
	h := New(site(t))
	for _, target := range []string{"/style.css", "/pic.png", "/"} {
		if v := get(t, h, target, "br, gzip").Header().Values("Vary"); len(v) != 0 {
			t.Errorf("%s: Vary %q without variants", target, v)
		}
	}
}

func TestCompressedNamesAreNotServed(t *testing.T) {
	h := New(site(t))
	for _, target := range []string{"/chores.wasm.gz", "/chores.wasm.br", "/wasm_exec.js.gz", "/lonely.txt.gz", "/lonely.txt"} {
		for _, ae := range []string{"", "gzip, br"} {
			if rec := get(t, h, target, ae); rec.Code != 404 {
				t.Errorf("%s (%q): status %d, want 404", target, ae, rec.Code)
			}
		}
	}
}

func TestNotFound(t *testing.T) {
	h := New(site(t))
	for _, target := range []string{
		"/missing.wasm",
		"/sub",            // a directory
		"/sub/",           // a directory, even with index.html inside
		"/dir.wasm",       // a directory named like a file
		"/dir.wasm/",      //
		"/index.html/",    // a file with a trailing slash
		"/.hidden",        // dot files
		"/sub/.env",       //
		"/sub//page.html", // empty segment
		"/./index.html",   //
		"/sub/./page.html",
	} {
		rec := get(t, h, target, "gzip, br")
		if rec.Code != 404 {
			t.Errorf("%s: status %d, want 404", target, rec.Code)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: nosniff missing on 404", target)
		}
		if strings.Contains(rec.Body.String(), "href") || strings.Contains(rec.Body.String(), "index.html") {
			t.Errorf("%s: body looks like a listing: %q", target, rec.Body.String())
		}
	}
}

func TestPathEscape(t *testing.T) {
	outer := t.TempDir()
	if err := os.WriteFile(filepath.Join(outer, "secret.txt"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(outer, "dist")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("home"), 0o644)
	os.WriteFile(filepath.Join(dir, "real.js"), []byte("real"), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	// Links: one escaping file, one escaping folder, one staying inside,
	// and a compressed variant that escapes.
	mustLink(t, filepath.Join(outer, "secret.txt"), filepath.Join(dir, "out.txt"))
	mustLink(t, outer, filepath.Join(dir, "outdir"))
	mustLink(t, "../real.js", filepath.Join(dir, "sub", "in.js"))
	mustLink(t, filepath.Join(outer, "secret.txt"), filepath.Join(dir, "real.js.gz"))
	mustLink(t, "/etc/passwd", filepath.Join(dir, "passwd"))

	h := New(dir)
	for _, target := range []string{
		"/../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/%2e%2e%2fsecret.txt",
		"/..%2fsecret.txt",
		"/sub/../../secret.txt",
		"/sub/%2e%2e/%2e%2e/secret.txt",
		"/sub/../index.html", // even harmless ".." is refused
		"/..",
		"/out.txt",
		"/outdir/secret.txt",
		"/outdir/dist/index.html",
		"/passwd",
		"//etc/passwd",
		"/" + filepath.Join(outer, "secret.txt"),
		"/..\\secret.txt",
		"/sub\\..\\..\\secret.txt",
		"/index.html%00",
	} {
		rec := get(t, h, target, "")
		if rec.Code != 404 {
			t.Errorf("%s: status %d, want 404", target, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "SECRET") || strings.Contains(rec.Body.String(), "root:") {
			t.Errorf("%s: leaked %q", target, rec.Body.String())
		}
	}

	// A link inside the root is fine.
	if rec := get(t, h, "/sub/in.js", ""); rec.Code != 200 || rec.Body.String() != "real" {
		t.Errorf("/sub/in.js: %d %q", rec.Code, rec.Body.String())
	}
	// The escaping .gz variant is ignored: the raw file is served.
	rec := get(t, h, "/real.js", "gzip")
	if rec.Code != 200 || rec.Body.String() != "real" || rec.Header().Get("Content-Encoding") != "" {
		t.Errorf("/real.js with escaping .gz: %d %q %q", rec.Code, rec.Header().Get("Content-Encoding"), rec.Body.String())
	}
}

// TestRawPaths sends request lines byte for byte over TCP, bypassing any
// tidying a client library might do.
func TestRawPaths(t *testing.T) {
	outer := t.TempDir()
	os.WriteFile(filepath.Join(outer, "secret.txt"), []byte("SECRET"), 0o644)
	dir := filepath.Join(outer, "dist")
	os.Mkdir(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("home"), 0o644)
	srv := httptest.NewServer(New(dir))
	defer srv.Close()
	for _, target := range []string{
		"/../secret.txt",
		"/%2e%2e/secret.txt",
		"/./../secret.txt",
		"/%2e%2e%5csecret.txt",
		"/..%5c..%5csecret.txt",
	} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", target)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			conn.Close()
			t.Fatalf("%s: %v", target, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		conn.Close()
		if resp.StatusCode != 404 || strings.Contains(string(body), "SECRET") {
			t.Errorf("%s: status %d body %q", target, resp.StatusCode, body)
		}
	}
}

func mustLink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
}

func TestMethods(t *testing.T) {
	h := New(site(t))
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "BREW"} {
		rec := do(t, h, m, "/index.html", nil)
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want 405", m, rec.Code)
		}
		if got := rec.Header().Get("Allow"); got != "GET, HEAD" {
			t.Errorf("%s: Allow %q", m, got)
		}
	}
}

func TestHead(t *testing.T) {
	dir := site(t)
	h := New(dir)
	getRec := get(t, h, "/chores.wasm", "br")
	headRec := do(t, h, http.MethodHead, "/chores.wasm", map[string]string{"Accept-Encoding": "br"})
	if headRec.Code != 200 {
		t.Fatalf("HEAD status %d", headRec.Code)
	}
	if headRec.Body.Len() != 0 {
		t.Errorf("HEAD has a body: %q", headRec.Body.String())
	}
	for _, k := range []string{"Content-Type", "Content-Length", "Content-Encoding", "ETag", "Vary", "X-Decoded-Length", "Cache-Control"} {
		if a, b := getRec.Header().Get(k), headRec.Header().Get(k); a != b || a == "" {
			t.Errorf("%s: GET %q, HEAD %q", k, a, b)
		}
	}
	if rec := do(t, h, http.MethodHead, "/nope", nil); rec.Code != 404 {
		t.Errorf("HEAD missing: %d", rec.Code)
	}
}

func TestETag(t *testing.T) {
	dir := site(t)
	h := New(dir)

	rawTag := get(t, h, "/chores.wasm", "").Header().Get("ETag")
	brTag := get(t, h, "/chores.wasm", "br").Header().Get("ETag")
	gzTag := get(t, h, "/chores.wasm", "gzip").Header().Get("ETag")
	if rawTag == "" || rawTag == brTag || rawTag == gzTag || brTag == gzTag {
		t.Fatalf("each representation needs its own ETag: raw %s br %s gz %s", rawTag, brTag, gzTag)
	}
	if again := get(t, h, "/chores.wasm", "").Header().Get("ETag"); again != rawTag {
		t.Errorf("ETag changed without a change: %s then %s", rawTag, again)
	}
	if get(t, New(dir), "/chores.wasm", "").Header().Get("ETag") != rawTag {
		t.Errorf("ETag is not a function of the content")
	}

	match := []string{rawTag, "W/" + rawTag, `"zzz", ` + rawTag, `"zzz",` + rawTag + `,"yyy"`, "*"}
	for _, inm := range match {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			rec := do(t, h, method, "/chores.wasm", map[string]string{"If-None-Match": inm})
			if rec.Code != http.StatusNotModified {
				t.Errorf("%s If-None-Match %s: status %d, want 304", method, inm, rec.Code)
				continue
			}
			if rec.Body.Len() != 0 {
				t.Errorf("304 with a body")
			}
			if rec.Header().Get("ETag") != rawTag || rec.Header().Get("Cache-Control") != "no-cache" || rec.Header().Get("Vary") != "Accept-Encoding" {
				t.Errorf("304 headers: %v", rec.Header())
			}
		}
	}
	// A tag from another representation does not match.
	for _, inm := range []string{brTag, `"nope"`, strings.Trim(rawTag, `"`)} {
		rec := do(t, h, http.MethodGet, "/chores.wasm", map[string]string{"If-None-Match": inm})
		if rec.Code != 200 {
			t.Errorf("If-None-Match %s: status %d, want 200", inm, rec.Code)
		}
	}
	rec := do(t, h, http.MethodGet, "/chores.wasm", map[string]string{"If-None-Match": brTag, "Accept-Encoding": "br"})
	if rec.Code != 304 {
		t.Errorf("br tag with br accepted: %d, want 304", rec.Code)
	}
}

func TestETagFollowsChanges(t *testing.T) {
	dir := site(t)
	h := New(dir)
	p := filepath.Join(dir, "style.css")
	first := get(t, h, "/style.css", "").Header().Get("ETag")

	// Same size and modification time: the cached hash is reused (the
	// content is hashed once per mtime+size, not on every request).
	fi, _ := os.Stat(p)
	os.WriteFile(p, []byte("body{"), 0o644) // 5 bytes, was 6
	os.WriteFile(p, []byte("html{}"), 0o644)
	os.Chtimes(p, fi.ModTime(), fi.ModTime())
	if got := get(t, h, "/style.css", "").Header().Get("ETag"); got != first {
		t.Errorf("hash recomputed although mtime and size are unchanged")
	}

	// A new modification time: rehashed.
	later := fi.ModTime().Add(2 * time.Second)
	os.Chtimes(p, later, later)
	second := get(t, h, "/style.css", "")
	if second.Header().Get("ETag") == first {
		t.Errorf("ETag unchanged after the file changed")
	}
	if second.Body.String() != "html{}" {
		t.Errorf("body %q", second.Body.String())
	}
	// A new size: rehashed.
	os.WriteFile(p, []byte("html{color:red}"), 0o644)
	os.Chtimes(p, later, later)
	if third := get(t, h, "/style.css", "").Header().Get("ETag"); third == second.Header().Get("ETag") {
		t.Errorf("ETag unchanged after the size changed")
	}
}

func TestFolderRebuilt(t *testing.T) {
	dir := site(t)
	h := New(dir)
	if rec := get(t, h, "/", ""); rec.Code != 200 {
		t.Fatal(rec.Code)
	}
	os.RemoveAll(dir)
	if rec := get(t, h, "/", ""); rec.Code != 404 {
		t.Errorf("missing folder: %d, want 404", rec.Code)
	}
	os.Mkdir(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("again"), 0o644)
	if rec := get(t, h, "/", ""); rec.Code != 200 || rec.Body.String() != "again" {
		t.Errorf("rebuilt folder: %d %q", rec.Code, rec.Body.String())
	}
	if rec := get(t, New(filepath.Join(dir, "nope")), "/", ""); rec.Code != 404 {
		t.Errorf("nonexistent folder: %d", rec.Code)
	}
}

func TestLargeFileOverHTTP(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<18) // 4 MiB
	os.WriteFile(filepath.Join(dir, "big.wasm"), big, 0o644)
	writeGzip(t, filepath.Join(dir, "big.wasm.gz"), string(big))
	srv := httptest.NewServer(New(dir))
	defer srv.Close()

	// The default transport asks for gzip and decodes it transparently.
	resp, err := http.Get(srv.URL + "/big.wasm")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Equal(body, big) {
		t.Errorf("decoded body differs (%d bytes)", len(body))
	}
	if !resp.Uncompressed {
		t.Errorf("expected a gzip response")
	}

	// Asking for nothing: the raw bytes with an exact Content-Length.
	req, _ := http.NewRequest("GET", srv.URL+"/big.wasm", nil)
	req.Header.Set("Accept-Encoding", "identity")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Equal(body, big) || resp.ContentLength != int64(len(big)) {
		t.Errorf("raw: %d bytes, Content-Length %d", len(body), resp.ContentLength)
	}
}

func TestConcurrentRequests(t *testing.T) {
	dir := site(t)
	h := New(dir)
	want := get(t, h, "/chores.wasm", "br").Header().Get("ETag")
	var wg sync.WaitGroup
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ae := []string{"", "gzip", "br"}[i%3]
			rec := get(t, h, "/chores.wasm", ae)
			if rec.Code != 200 {
				t.Errorf("status %d", rec.Code)
			}
			if ae == "br" && rec.Header().Get("ETag") != want {
				t.Errorf("ETag %s, want %s", rec.Header().Get("ETag"), want)
			}
		}(i)
	}
	wg.Wait()
}

func TestParseAcceptEncoding(t *testing.T) {
	cases := []struct {
		header string
		coding string
		q      float64
	}{
		{"", "br", 0},
		{"gzip", "br", 0},
		{"gzip", "gzip", 1},
		{"gzip;q=0.25", "gzip", 0.25},
		{"gzip;Q=0.25", "gzip", 0.25},
		{"gzip ; q = 0.25", "gzip", 0.25},
		{"gzip;q=0", "gzip", 0},
		{"gzip;q=-1", "gzip", 0},
		{"gzip;q=", "gzip", 0},
		{"*;q=0.5", "br", 0.5},
		{"*;q=0.5, br;q=0.1", "br", 0.1},
		{"br;q=0.1, *;q=0.5", "br", 0.1},
		{"br;q=0.1, br;q=0.7", "br", 0.7},
		{"GZip", "gzip", 1},
	}
	for _, c := range cases {
		if got := parseAcceptEncoding(c.header).quality(c.coding); got != c.q {
			t.Errorf("%q: quality(%s) = %v, want %v", c.header, c.coding, got, c.q)
		}
	}
}

func TestCleanName(t *testing.T) {
	cases := map[string]string{
		"/":              "index.html",
		"":               "index.html",
		"/a.js":          "a.js",
		"/a/b/c.png":     "a/b/c.png",
		"/a/":            "",
		"/../a":          "",
		"/a/../b":        "",
		"/a/./b":         "",
		"//a":            "",
		"a":              "",
		"/.git/config":   "",
		"/x.wasm.gz":     "",
		"/x.wasm.br":     "",
		"/x.gzip":        "x.gzip",
		"/a\\b":          "",
		"/a\x00":         "",
		"/with space.js": "with space.js",
	}
	for in, want := range cases {
		got, ok := cleanName(in)
		if ok != (want != "") || got != want {
			t.Errorf("cleanName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// The page carries the server's policy in a meta tag, for static hosts that
// send no headers; both say the same.
func TestPageCarriesThePolicy(t *testing.T) {
	page, err := os.ReadFile("../index.html")
	if err != nil {
		t.Fatal(err)
	}
	meta := `<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy + `">`
	if !strings.Contains(string(page), meta) {
		t.Errorf("web/index.html has no meta tag with the server's policy:\n%s", meta)
	}
	rec := httptest.NewRecorder()
	New(t.TempDir()).ServeHTTP(rec, httptest.NewRequest("GET", "/index.html", nil))
	if rec.Header().Get("Content-Security-Policy") != ContentSecurityPolicy || rec.Header().Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("headers %v", rec.Header())
	}
}
