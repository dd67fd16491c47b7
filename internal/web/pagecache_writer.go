package web

import (
	"bytes"
	"encoding/hex"
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
)

// captureWriter holds a handler's answer until it is complete, so that the answer can be kept and, for a
// figure or an export, given an entity tag computed from its bytes. An answer that outgrows maxKeptPage is
// let through as it comes and not kept.
type captureWriter struct {
	http.ResponseWriter
	status  int
	buf     bytes.Buffer
	through bool // too large: written through, not kept
}

func (w *captureWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *captureWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if !w.through && w.buf.Len()+len(b) > maxKeptPage {
		w.through = true
		w.ResponseWriter.WriteHeader(w.status)
		if _, err := w.ResponseWriter.Write(w.buf.Bytes()); err != nil {
			return 0, err
		}
		w.buf = bytes.Buffer{}
	}
	if w.through {
		return w.ResponseWriter.Write(b)
	}
	return w.buf.Write(b)
}

// Unwrap gives http.ResponseController the real writer.
func (w *captureWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// finish writes the held answer and returns it for keeping, or nil when it must not be kept: not a 200,
// written through, setting a cookie or tagged by the handler.
func (w *captureWriter) finish(r *http.Request) *keptPage {
	if w.through {
		return nil
	}
	if w.status == 0 {
		w.status = http.StatusOK
	}
	h := w.Header()
	// An answer that sets a cookie is never kept; one that carries its own tag (an attachment, tagged by
	// its checksum) answers its conditional requests itself, unless the tag is the one computed here from
	// the bytes (a calendar feed), which the kept page then answers.
	p := &keptPage{status: w.status, body: w.buf.Bytes()}
	own := h.Get("ETag")
	if own != "" && own == entityTag(p.body) {
		p.etag, own = own, ""
	}
	keep := w.status == http.StatusOK && h.Get("Set-Cookie") == "" && own == ""
	if keep && p.etag == "" && !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		p.etag = entityTag(p.body)
		h.Set("ETag", p.etag)
		if h.Get("Cache-Control") == "" {
			h.Set("Cache-Control", "private, no-cache")
		}
	}
	if keep {
		p.header = h.Clone()
		p.body = bytes.Clone(p.body)
	}
	p.writeTo(w.ResponseWriter, r)
	if !keep {
		return nil
	}
	return p
}

// writeTo answers with the kept page, or with 304 when the client already holds these very bytes.
func (p *keptPage) writeTo(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for k, v := range p.header {
		h[k] = v
	}
	if p.etag != "" && etagMatches(r.Header.Get("If-None-Match"), p.etag) {
		h.Del("Content-Length")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(p.status)
	_, _ = w.Write(p.body)
}

// entityTag is a strong tag computed from the bytes alone, so every instance gives the same answer the
// same tag.
func entityTag(body []byte) string {
	f := fnv.New128a()
	_, _ = f.Write(body)
	var sum [16]byte
	b := f.Sum(sum[:0])
	return `"` + strconv.FormatUint(uint64(len(body)), 36) + "-" + hex.EncodeToString(b) + `"`
}

// etagMatches tells whether an If-None-Match header names tag (or is "*").
func etagMatches(header, tag string) bool {
	for header != "" {
		var one string
		one, header, _ = strings.Cut(header, ",")
		one = strings.TrimSpace(one)
		one = strings.TrimPrefix(one, "W/")
		if one == "*" || one == tag {
			return true
		}
	}
	return false
}
