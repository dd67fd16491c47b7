package web

import (
	"net/http"

	"boussole/internal/stakeholder"
)

// stakeholderList is one page of the list with its counts and the filter's choices.
type stakeholderList struct {
	rows            []stakeholderRow
	total, matching int
	page, pages     int
	choices         filterChoices
}

// stakeholderListPage reads one page of the list. Without a theme or a search, the filter and the page are
// applied in SQL, so the list reads its 50 rows, two counts and the distinct theme lists, however many
// actors the authority holds. A theme or a search compares folded text, which only Go does the same way
// on both databases: then the whole map is read and filtered on the domain's rules.
func (s *Server) stakeholderListPage(r *http.Request, ws *workspace, f stakeholderFilter, page int) (stakeholderList, error) {
	if f.Theme != "" || f.Query != "" {
		return s.stakeholderListFiltered(r, ws, f, page)
	}
	df := f.domain()
	var kind stakeholder.Kind
	if len(df.Kinds) == 1 {
		kind = df.Kinds[0]
	}
	ctx := r.Context()
	var l stakeholderList
	var err error
	if l.total, l.matching, err = s.store.StakeholderCounts(ctx, ws.Authority.ID, kind, df.Step); err != nil {
		return l, err
	}
	l.page, l.pages = clampPage(page, l.matching)
	recs, err := s.store.StakeholderPage(ctx, ws.Authority.ID, kind, df.Step, (l.page-1)*stakeholderPageSize, stakeholderPageSize)
	if err != nil {
		return l, err
	}
	lists, err := s.store.StakeholderThemeLists(ctx, ws.Authority.ID)
	if err != nil {
		return l, err
	}
	carriers := make([]stakeholder.Stakeholder, len(lists))
	for i, themes := range lists {
		carriers[i].Themes = themes
	}
	l.choices = choicesFor(carriers)
	l.rows = rowsOf(recs)
	return l, nil
}

// stakeholderListFiltered is the list filtered by theme or search, on the whole map.
func (s *Server) stakeholderListFiltered(r *http.Request, ws *workspace, f stakeholderFilter, page int) (stakeholderList, error) {
	m, err := s.loadActorMap(r, ws, false)
	if err != nil {
		return stakeholderList{}, err
	}
	idx := f.apply(m.List)
	l := stakeholderList{total: len(m.List), matching: len(idx), choices: choicesFor(m.List)}
	l.page, l.pages = clampPage(page, len(idx))
	from, to := (l.page-1)*stakeholderPageSize, min(l.page*stakeholderPageSize, len(idx))
	recs := make([]stakeholder.Record, 0, to-from)
	for _, i := range idx[from:to] {
		recs = append(recs, m.Records[i])
	}
	l.rows = rowsOf(recs)
	return l, nil
}

// clampPage returns the page to show, between the first and the last, and how many pages n rows make.
func clampPage(page, n int) (int, int) {
	pages := max(1, (n+stakeholderPageSize-1)/stakeholderPageSize)
	return min(max(page, 1), pages), pages
}

func rowsOf(recs []stakeholder.Record) []stakeholderRow {
	rows := make([]stakeholderRow, 0, len(recs))
	for _, rec := range recs {
		sh := rec.Stakeholder
		rows = append(rows, stakeholderRow{ID: rec.ID, S: sh, Class: sh.Salience().Class, Quadrant: sh.Placement().Quadrant})
	}
	return rows
}
