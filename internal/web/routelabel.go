package web

import "net/http"

// withRouteLabel serves mux and notes the pattern it matched on the request's statusWriter, for metrics.
// The mux sets the pattern on the request it is handed, which middleware such as the session's may have
// copied: observe, outside them, would not see it.
func withRouteLabel(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if sw := findStatusWriter(w); sw != nil {
			sw.route = r.Pattern
		}
	})
}

// findStatusWriter unwraps w down to observe's statusWriter, if any.
func findStatusWriter(w http.ResponseWriter) *statusWriter {
	for w != nil {
		if sw, ok := w.(*statusWriter); ok {
			return sw
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return nil
		}
		w = u.Unwrap()
	}
	return nil
}

// Unwrap lets http.ResponseController and findStatusWriter reach the writer underneath.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Unwrap lets http.ResponseController and findStatusWriter reach the writer underneath.
func (w *cacheWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
