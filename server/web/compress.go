package web

import (
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/klauspost/compress/gzhttp"
)

// compressedTypes are the answers worth compressing: GraphQL's JSON, the
// CSV exports, the pages and what they load when the build left no
// compressed copy. Images and fonts (woff2) are compressed already.
var compressedTypes = []string{
	"application/graphql-response+json", "application/json", "text/csv",
	"text/html", "text/plain", "text/css", "text/javascript", "application/javascript", "image/svg+xml",
}

// withCompression gzips the answers of the types above for clients that
// accept it, marked Vary: Accept-Encoding, every one of them: on a phone
// or a slow network the case list's JSON shrinks by about ten times (docs/performance.md).
// gzhttp leaves alone answers under 1 KiB (one packet either way), HEAD
// requests, ranges (206), and answers that already carry a
// Content-Encoding: the build's own compressed files (serveBuildFile); a
// build without them (one made before they were) is gzipped here.
// An ETag a handler sets gets a suffix when the answer is gzipped, so
// that no cache mistakes one encoding for the other. zstd, which gzhttp
// also speaks, stays off: every client takes gzip, and one encoding for
// the answers is one to test; the static files, most of the bytes, come
// brotli-compressed from the build anyway.
func withCompression(next http.Handler) http.Handler {
	wrap, err := gzhttp.NewWrapper(
		gzhttp.MinSize(gzhttp.DefaultMinSize),
		gzhttp.ContentTypes(compressedTypes),
		gzhttp.SuffixETag("-gzip"),
		gzhttp.EnableZstd(false),
	)
	if err != nil {
		panic(err) // the options are constant: only a programming error fails them
	}
	return wrap(next)
}

// precompressed are the copies of its files the frontend's build writes
// beside them (frontend/precompress.ts), best first: name.br, name.gz.
var precompressed = []struct{ coding, suffix string }{{"br", ".br"}, {"gzip", ".gz"}}

// serveBuildFile serves a file of the frontend build, or the copy the
// build compressed beforehand (brotli at its best, then gzip -9) that the
// client accepts: nothing to compress per request, and smaller than
// gzhttp would make it. A range request gets the file as it is, so that
// ranges keep counting its bytes; a HEAD the headers a GET would get.
func serveBuildFile(w http.ResponseWriter, r *http.Request, app fs.FS, name string) {
	addVary(w.Header(), "Accept-Encoding")
	// ServeFileFS redirects a request for …/index.html to …/, and a
	// range is of the file itself.
	if !strings.HasSuffix(r.URL.Path, "/index.html") && r.Header.Get("Range") == "" {
		for _, v := range precompressed {
			if accepts(r, v.coding) && serveCopy(w, r, app, name, v.coding, name+v.suffix) {
				return
			}
		}
	}
	http.ServeFileFS(w, r, app, name) //nolint:gosec // G703: an fs.FS cannot reach outside its root
}

// serveCopy serves the compressed copy of a file, if the build wrote one,
// and reports whether it did.
func serveCopy(w http.ResponseWriter, r *http.Request, app fs.FS, name, coding, copyName string) bool {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" || !isFile(app, copyName) {
		return false
	}
	f, err := app.Open(copyName)
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }()
	content, seekable := f.(io.ReadSeeker)
	info, err := f.Stat()
	if !seekable || err != nil {
		return false
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Encoding", coding)
	// ServeContent leaves it out when it sees a Content-Encoding, in case
	// the writer compresses; here the bytes go as they are.
	h.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
	http.ServeContent(w, r, name, info.ModTime(), content)
	return true
}

// accepts reports whether Accept-Encoding names a content coding with a
// quality above zero ("br;q=0" refuses it). "*" is not taken for
// the coding, as gzhttp does not take it for gzip.
func accepts(r *http.Request, coding string) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		for _, p := range strings.Split(params, ";") {
			key, value, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(key), "q") {
				q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
				return err == nil && q > 0
			}
		}
		return true
	}
	return false
}

// addVary lists a request header in Vary once.
func addVary(h http.Header, name string) {
	for _, v := range h.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), name) {
				return
			}
		}
	}
	h.Add("Vary", name)
}
