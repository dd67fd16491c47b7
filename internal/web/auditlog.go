package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"boussole/internal/frfmt"
	"boussole/internal/model"
	"boussole/internal/tabular"
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
	lines := make([]auditLine, len(entries))
	for i, e := range entries {
		lines[i] = auditLine{Entry: e, Rows: auditRows(e.Entity, e.Before, e.After), HasBefore: e.Before != "", HasAfter: e.After != ""}
	}
	v := view{Title: "Journal des modifications", WS: ws, Section: "journal", Form: f}
	s.renderComponent(w, r, http.StatusOK, v, accountAuditLogContent(v, auditLogPage{
		Entries: lines, Entities: entities, Members: members, Page: page, More: more, Query: q.Encode(),
	}))
}

// auditLine is one entry of the journal page, its stored states read into French rows.
type auditLine struct {
	Entry               model.AuditEntry
	Rows                []auditRow
	HasBefore, HasAfter bool
}

// exportAuditLog writes the filtered log as CSV, through the one CSV writer (UTF-8 with BOM and semicolons,
// as French spreadsheets expect, and every cell that could start a formula neutralised).
func (s *Server) exportAuditLog(w http.ResponseWriter, r *http.Request, ws *workspace) {
	filter, _ := auditFilter(r.URL.Query())
	entries, err := s.store.AuditLog(r.Context(), ws.Authority.ID, filter)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows := make([][]string, len(entries))
	for i, e := range entries {
		rows[i] = []string{frfmt.DateTime(e.At), e.UserLabel, e.Action, e.Entity, e.EntityID, e.Summary,
			auditText(e.Entity, e.Before), auditText(e.Entity, e.After)}
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="journal-`+ws.Authority.Slug+`.csv"`)
	_ = tabular.WriteCSV(w, []string{"Date", "Personne", "Action", "Objet", "Identifiant", "Résumé", "Avant", "Après"}, rows)
}
