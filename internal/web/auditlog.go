package web

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"boussole/internal/frfmt"
	"boussole/internal/model"
)

// auditPageSize is how many entries the audit log page shows at once.
const auditPageSize = 50

func auditFilter(q url.Values) (model.AuditFilter, *form) {
	f := newForm(q)
	filter := model.AuditFilter{Entity: f.Get("objet")}
	filter.UserID, _ = strconv.ParseInt(f.Get("personne"), 10, 64)
	// « du 2025 au mars 2026 » runs from the first day of the one to the end of the other.
	filter.From = formPartialDate(f, "du").First()
	if to := formPartialDate(f, "au"); !to.IsZero() {
		filter.To = to.Last().Add(24 * time.Hour)
	}
	return filter, f
}

func (s *Server) showAuditLog(w http.ResponseWriter, r *http.Request, ws *workspace) {
	filter, f := auditFilter(r.URL.Query())
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	filter.Limit, filter.Offset = auditPageSize+1, (page-1)*auditPageSize
	entries, err := s.store.AuditLog(r.Context(), ws.Authority.ID, filter)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	more := len(entries) > auditPageSize
	if more {
		entries = entries[:auditPageSize]
	}
	entities, err := s.store.AuditEntities(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	members, err := s.store.Members(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	q := r.URL.Query()
	q.Del("page")
	s.render(w, r, http.StatusOK, "auditlog", view{Title: "Journal des modifications", WS: ws, Section: "journal", Form: f, Data: map[string]any{
		"Entries": entries, "Entities": entities, "Members": members, "Page": page, "More": more, "Query": q.Encode(),
	}})
}

// exportAuditLog writes the filtered log as CSV (UTF-8 with BOM and semicolons, as French spreadsheets expect).
func (s *Server) exportAuditLog(w http.ResponseWriter, r *http.Request, ws *workspace) {
	filter, _ := auditFilter(r.URL.Query())
	entries, err := s.store.AuditLog(r.Context(), ws.Authority.ID, filter)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="journal-`+ws.Authority.Slug+`.csv"`)
	_, _ = w.Write([]byte("\ufeff"))
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	_ = cw.Write([]string{"Date", "Personne", "Action", "Objet", "Identifiant", "Résumé", "Avant", "Après"})
	for _, e := range entries {
		_ = cw.Write([]string{frfmt.DateTime(e.At), e.UserLabel, e.Action, e.Entity, e.EntityID, csvSafe(e.Summary), csvSafe(e.Before), csvSafe(e.After)})
	}
	cw.Flush()
}

// csvSafe stops a spreadsheet from running a cell as a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}
