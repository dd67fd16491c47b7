package web

import (
	"net/http"
	"strconv"

	"boussole/internal/stakeholder"
)

// stakeholderPageSize is how many actors the list shows per page.
const stakeholderPageSize = 50

// stakeholderRow is one line of the list, with its computed priority.
type stakeholderRow struct {
	ID       int64
	S        stakeholder.Stakeholder
	Class    stakeholder.Class
	Quadrant stakeholder.Quadrant
}

func (s *Server) listStakeholders(w http.ResponseWriter, r *http.Request, ws *workspace) {
	if !s.stakeholderInternal(w, r, ws) {
		return
	}
	m, err := s.loadActorMap(r, ws, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := readStakeholderFilter(r.URL.Query())
	idx := f.apply(m.List)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	pages := max(1, (len(idx)+stakeholderPageSize-1)/stakeholderPageSize)
	page = min(max(page, 1), pages)
	from, to := (page-1)*stakeholderPageSize, min(page*stakeholderPageSize, len(idx))
	rows := make([]stakeholderRow, 0, to-from)
	for _, i := range idx[from:to] {
		sh := m.List[i]
		rows = append(rows, stakeholderRow{ID: m.Records[i].ID, S: sh, Class: sh.Salience().Class, Quadrant: sh.Placement().Quadrant})
	}
	pageURL := func(n int) string {
		q := f.Encode()
		if q != "" {
			q += "&"
		}
		return ws.Prefix() + "/acteurs?" + q + "page=" + strconv.Itoa(n)
	}
	v := view{Title: "Cartographie des acteurs", WS: ws, Section: stakeholderSection}
	s.renderComponent(w, r, http.StatusOK, v, stakeholderListContent(v, stakeholderListPage{
		Tabs: tabsHTML(ws, "", f.Encode()), Rows: rows, Total: len(m.List), Matching: len(idx), Filter: f, Choices: choicesFor(m.List),
		Page: page, Pages: pages, PrevURL: pageURL(page - 1), NextURL: pageURL(page + 1), First: from + 1, Last: to,
	}))
}
