package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"boussole/internal/store"
)

func itoa(n int) string { return strconv.Itoa(n) }

// pathID reads a numeric path value; ok is false when it is not a positive integer.
func pathID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}

// parseDate reads an HTML date field (YYYY-MM-DD); empty gives the zero time and ok.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// redirect sends the browser to another page after a successful POST.
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// safeNext keeps a post-sign-in destination only when it is a path on this site.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") && !strings.HasPrefix(next, "/\\") {
		return next
	}
	return "/"
}

// actOnID runs a one-click action on the record named by the {id} wildcard, then redirects to `to`; an
// unknown record, or one of another authority, answers 404.
func (s *Server) actOnID(w http.ResponseWriter, r *http.Request, act func(id int64) error, to string) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	err := act(id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case err != nil:
		s.serverError(w, r, err)
	default:
		redirect(w, r, to)
	}
}
