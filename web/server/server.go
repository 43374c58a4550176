// Package server serves the built web playground (the dist/ folder) over
// HTTP: static files only, with precompressed .br/.gz variants picked by the
// request's Accept-Encoding, strong content-hash ETags, and no directory
// listings or paths that leave the folder.
//
// Choices, so that behaviour is predictable and testable:
//
//   - "/" serves index.html. Every other path must name a regular file;
//     a directory (with or without a trailing slash) is a 404.
//   - Precompressed files are never served under their own names:
//     a request for "/x.wasm.gz" or "/x.wasm.br" is a 404, even if it exists.
//     They exist only as alternative encodings of "/x.wasm".
//   - Any path segment starting with "." (dot files, "..") is a 404.
//   - Symbolic links are followed only while they stay inside the folder
//     (os.Root enforces this).
//   - Every response carries Cache-Control: no-cache, so browsers always
//     revalidate, and revalidation is cheap thanks to the ETag (304).
//   - X-Decoded-Length carries the size of the uncompressed file, so a
//     loader can show progress while the browser decompresses a
//     compressed body (Content-Length is then the compressed size).
//   - Only regular files are opened: a FIFO, a device or a socket in the
//     folder is a 404, found by a stat before opening (opening a FIFO
//     blocks until someone writes to it) and checked again on the open file.
//
// What one client can hold is bounded (see Limits and NewServer): the time
// to send a request, the time an idle keep-alive connection stays open, the
// time a response waits for a client that stopped reading, and the size of
// a request's headers, set to fit the largest share link the game accepts.
package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// contentTypes overrides the platform's MIME table for the types the
// playground depends on, so results do not vary between machines.
var contentTypes = map[string]string{
	".wasm": "application/wasm",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".html": "text/html; charset=utf-8",
	".htm":  "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".ogg":  "audio/ogg",
	".png":  "image/png",
	".svg":  "image/svg+xml",
	".ico":  "image/x-icon",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
	".map":  "application/json",
}

// encodings lists the precompressed variants in order of preference when
// the client weighs them equally.
var encodings = []struct {
	name string // Content-Encoding token
	ext  string // file suffix
}{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// Limits bound what one client can hold of the server.
type Limits struct {
	// ReadHeader is how long a client has to send a request's line and
	// headers; Read, the whole request (a GET has no body).
	ReadHeader, Read time.Duration
	// Write is how long the server has to write a response that is not a
	// file (a 404, a 304, an error page), and the start of a file's.
	Write time.Duration
	// Stall is how long writing one chunk (BodyChunk bytes) of a file may
	// take: a client that stops reading is cut off after it, while a slow
	// one that keeps reading gets the whole file.
	Stall time.Duration
	// Idle is how long a keep-alive connection waits for its next request.
	Idle time.Duration
	// MaxRequestHeader is the largest request line plus headers served;
	// a larger request gets a 431 page that says why. MaxHeaderBytes is
	// net/http's own hard limit, above it (it answers a bare "431").
	MaxRequestHeader, MaxHeaderBytes int
}

// BodyChunk is how many bytes of a file are written under one Stall
// deadline.
const BodyChunk = 64 << 10

// MaxConfigJSON is the largest scenario the game accepts in a share link's
// config parameter (sim.Parse's limit, 1 MiB); base64url makes it
// MaxConfigParam characters long.
const (
	MaxConfigJSON  = 1 << 20
	MaxConfigParam = (MaxConfigJSON*4 + 2) / 3 // 1,398,102
)

// DefaultLimits are the limits of `make serve`:
//
//   - ReadHeader 10 s, Read 30 s: a browser sends a request in well under a
//     second, even a 1.4 MB share link on a slow uplink; a client that
//     trickles its headers (slowloris) is cut off.
//   - Write 60 s for the responses that are not file bodies (they are a
//     few hundred bytes); a file body gets Stall 30 s per 64 KiB instead,
//     so the 15 MB raw chores.wasm reaches a client reading at 2 KiB/s or
//     more however long it takes, and a client that stops reading holds its
//     response 30 s after the kernel's buffers fill, not for ever.
//   - Idle 60 s: a page's requests come within seconds of each other; a
//     browser reopens a connection when it needs one.
//   - MaxRequestHeader 1.5 MiB: a share link with the largest config
//     (1,398,102 characters) plus the rest of the address and the
//     browser's headers (the Referer of the page's own requests repeats the
//     link) fits with over 150 KiB to spare. MaxHeaderBytes 2 MiB + 64 KiB:
//     Chromium's longest URL is 2 MiB, so no browser link gets the bare
//     431; requests between the two get the readable page.
var DefaultLimits = Limits{
	ReadHeader:       10 * time.Second,
	Read:             30 * time.Second,
	Write:            60 * time.Second,
	Stall:            30 * time.Second,
	Idle:             60 * time.Second,
	MaxRequestHeader: 3 << 19,
	MaxHeaderBytes:   2<<20 + 64<<10,
}

// NewServer returns an http.Server for the files under dir with the given
// limits; set its Addr, or call Serve with a listener.
func NewServer(dir string, l Limits) *http.Server {
	return &http.Server{
		Handler:           newHandler(dir, l),
		ReadHeaderTimeout: l.ReadHeader,
		ReadTimeout:       l.Read,
		WriteTimeout:      l.Write,
		IdleTimeout:       l.Idle,
		MaxHeaderBytes:    l.MaxHeaderBytes,
	}
}

// New returns a handler serving the files under dir, with DefaultLimits'
// Stall and MaxRequestHeader. The folder is opened on each request, so it
// may be rebuilt (removed and recreated) while the server runs.
func New(dir string) http.Handler { return newHandler(dir, DefaultLimits) }

func newHandler(dir string, l Limits) *handler {
	return &handler{dir: dir, limits: l, etags: map[string]etagEntry{}}
}

type handler struct {
	dir    string
	limits Limits

	mu    sync.Mutex
	etags map[string]etagEntry // by file name inside dir
}

type etagEntry struct {
	modTime time.Time
	size    int64
	etag    string
}

// ContentSecurityPolicy lets the page run only what comes from its own
// origin, plus what WebAssembly and the audio worklet need: compiling the
// module ('wasm-unsafe-eval') and the worklet's script, which Ebitengine's
// audio driver makes from a blob: URL. web/index.html carries the same
// policy in a meta tag for static hosts that send no headers (a test keeps
// the two the same).
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' blob:; worker-src 'self' blob:; " +
	"connect-src 'self'; img-src 'self' data: blob:; media-src 'self' data: blob:; style-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'"

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Content-Security-Policy", ContentSecurityPolicy)
	hdr.Set("Referrer-Policy", "no-referrer")

	if n := requestHeaderSize(r); h.limits.MaxRequestHeader > 0 && n > h.limits.MaxRequestHeader {
		tooLarge(w, n, h.limits.MaxRequestHeader)
		return
	}

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}

	name, ok := cleanName(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}

	root, err := os.OpenRoot(h.dir)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer root.Close()

	raw, rawInfo, err := openRegular(root, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}

	// Look for precompressed variants; note whether any exists (for Vary)
	// and pick the best one the client accepts.
	accepted := parseAcceptEncoding(r.Header.Get("Accept-Encoding"))
	file, info, encoding := raw, rawInfo, ""
	hasVariant := false
	bestQ := 0.0
	for _, enc := range encodings {
		f, fi, err := openRegular(root, name+enc.ext)
		if err != nil {
			continue
		}
		hasVariant = true
		// A compressed variant the client accepts (q > 0) beats the raw
		// file; between variants the higher q wins, then the list order.
		if q := accepted.quality(enc.name); q > bestQ {
			if file != raw {
				file.Close()
			}
			file, info, encoding, bestQ = f, fi, enc.name, q
			continue
		}
		f.Close()
	}
	if file != raw {
		raw.Close()
	}
	defer file.Close()

	if hasVariant {
		hdr.Add("Vary", "Accept-Encoding")
	}
	hdr.Set("Cache-Control", "no-cache")

	etag, err := h.etag(name+encodingSuffix(encoding), file, info)
	if err != nil {
		http.Error(w, "500 cannot read file", http.StatusInternalServerError)
		return
	}
	hdr.Set("ETag", etag)

	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatches(inm, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}

	hdr.Set("Content-Type", contentType(name))
	if encoding != "" {
		hdr.Set("Content-Encoding", encoding)
	}
	hdr.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
	hdr.Set("X-Decoded-Length", strconv.FormatInt(rawInfo.Size(), 10))
	hdr.Set("Last-Modified", info.ModTime().UTC().Format(http.TimeFormat))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	h.copyBody(w, file, info.Size())
}

// copyBody writes n bytes of f in chunks, giving each chunk Stall to reach
// the connection: a client that stops reading loses the connection, one
// that reads slowly gets the whole file.
func (h *handler) copyBody(w http.ResponseWriter, f io.Reader, n int64) {
	rc := http.NewResponseController(w)
	buf := make([]byte, BodyChunk)
	for n > 0 {
		if h.limits.Stall > 0 {
			rc.SetWriteDeadline(time.Now().Add(h.limits.Stall)) // not supported by every writer (tests): fine
		}
		k, err := io.ReadFull(f, buf[:min(n, int64(len(buf)))])
		if k > 0 {
			if _, werr := w.Write(buf[:k]); werr != nil {
				return
			}
			n -= int64(k)
		}
		if err != nil {
			return
		}
	}
}

// requestHeaderSize is about how many bytes the request line and headers
// took on the wire.
func requestHeaderSize(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto) + 4
	n += len("Host: ") + len(r.Host) + 2
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

// tooLarge answers a request whose headers are over the limit with a page a
// person can read (the address is not echoed).
func tooLarge(w http.ResponseWriter, size, limit int) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("Connection", "close")
	w.WriteHeader(http.StatusRequestHeaderFieldsTooLarge)
	fmt.Fprintf(w, `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Link too long - Chores</title>
<h1>This link is too long</h1>
<p>The address and headers of this request take %s bytes; this server reads at most %s.
A Chores share link holds a scenario of at most 1 MiB (%s characters once encoded),
so this link holds more than any scenario Chores can play.</p>
<p><a href="/">Open Chores</a> and load the scenario from a file instead.</p>
</html>
`, groupDigits(size), groupDigits(limit), groupDigits(MaxConfigParam))
}

func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// cleanName turns a decoded URL path into a slash-separated name relative
// to the served folder, or reports false for anything that must be a 404.
func cleanName(p string) (string, bool) {
	if p == "/" || p == "" {
		return "index.html", true
	}
	if !strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") {
		return "", false
	}
	if strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	name := p[1:]
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return "", false // empty ("//"), ".", "..", dot files
		}
	}
	if path.Clean(name) != name {
		return "", false
	}
	for _, enc := range encodings {
		if strings.HasSuffix(name, enc.ext) {
			return "", false
		}
	}
	return name, true
}

// openRegular opens name inside root and checks that it is a regular file:
// first by a stat, since opening a FIFO waits for a writer, then on the open
// file (opened non-blocking where the system has it, in case the name
// changed in between).
func openRegular(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	if fi, err := root.Stat(name); err != nil {
		return nil, nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, nil, errors.New("not a regular file")
	}
	f, err := root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, errors.New("not a regular file")
	}
	return f, fi, nil
}

func encodingSuffix(encoding string) string {
	for _, enc := range encodings {
		if enc.name == encoding {
			return enc.ext
		}
	}
	return ""
}

// etag returns the strong ETag of the open file, computing the hash only
// when the file's modification time or size changed since the last time.
func (h *handler) etag(key string, f *os.File, fi fs.FileInfo) (string, error) {
	h.mu.Lock()
	e, ok := h.etags[key]
	h.mu.Unlock()
	if ok && e.modTime.Equal(fi.ModTime()) && e.size == fi.Size() {
		return e.etag, nil
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, f); err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	tag := `"` + hex.EncodeToString(sum.Sum(nil)[:16]) + `"`
	h.mu.Lock()
	h.etags[key] = etagEntry{modTime: fi.ModTime(), size: fi.Size(), etag: tag}
	h.mu.Unlock()
	return tag, nil
}

// etagMatches applies the weak comparison If-None-Match asks for: the
// header is "*" or a comma-separated list of (possibly W/-prefixed) tags.
func etagMatches(header, etag string) bool {
	for _, part := range strings.Split(header, ",") {
		part = strings.TrimSpace(part)
		if part == "*" {
			return true
		}
		if strings.TrimPrefix(part, "W/") == etag {
			return true
		}
	}
	return false
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if ct, ok := contentTypes[ext]; ok {
		return ct
	}
	if ct := mime.TypeByExtension(ext); ct != "" {
		return ct
	}
	return "application/octet-stream"
}

// acceptEncoding holds the parsed Accept-Encoding header.
type acceptEncoding struct {
	q    map[string]float64 // by lower-case coding
	star float64            // quality of "*", or -1 when absent
}

// parseAcceptEncoding parses a header such as "gzip;q=0.8, br, *;q=0".
// Malformed entries are skipped; a malformed q counts as 0 (refused).
func parseAcceptEncoding(header string) acceptEncoding {
	a := acceptEncoding{q: map[string]float64{}, star: -1}
	for _, item := range strings.Split(header, ",") {
		params := strings.Split(item, ";")
		coding := strings.ToLower(strings.TrimSpace(params[0]))
		if coding == "x-gzip" {
			coding = "gzip" // old alias, RFC 9110 section 8.4.1.3
		}
		if coding == "" {
			continue
		}
		q := 1.0
		for _, p := range params[1:] {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
				continue
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				f = 0
			}
			q = f
		}
		if coding == "*" {
			a.star = q
			continue
		}
		if old, seen := a.q[coding]; seen && old > q {
			continue // keep the most generous duplicate
		}
		a.q[coding] = q
	}
	return a
}

// quality returns how much the client wants a content coding (br, gzip),
// 0 meaning refused or not offered. The raw file is the fallback whatever
// the header says about "identity": something has to be sent.
func (a acceptEncoding) quality(coding string) float64 {
	if q, ok := a.q[coding]; ok {
		return q
	}
	if a.star >= 0 {
		return a.star
	}
	return 0
}
