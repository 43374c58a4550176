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
package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
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

// New returns a handler serving the files under dir. The folder is opened
// on each request, so it may be rebuilt (removed and recreated) while the
// server runs.
func New(dir string) http.Handler {
	return &handler{dir: dir, etags: map[string]etagEntry{}}
}

type handler struct {
	dir string

	mu    sync.Mutex
	etags map[string]etagEntry // by file name inside dir
}

type etagEntry struct {
	modTime time.Time
	size    int64
	etag    string
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")

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
	io.CopyN(w, file, info.Size())
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

// openRegular opens name inside root and checks that it is a regular file.
func openRegular(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(name)
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
