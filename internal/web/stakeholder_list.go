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
	f := readStakeholderFilter(r.URL.Query())
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	l, err := s.stakeholderListPage(r, ws, f, page)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	page = l.page
	from, to := (page-1)*stakeholderPageSize, (page-1)*stakeholderPageSize+len(l.rows)
	pageURL := func(n int) string {
		q := f.Encode()
		if q != "" {
			q += "&"
		}
		return ws.Prefix() + "/acteurs?" + q + "page=" + strconv.Itoa(n)
	}
	v := view{Title: "Cartographie des acteurs", WS: ws, Section: stakeholderSection}
	s.renderComponent(w, r, http.StatusOK, v, stakeholderListContent(v, stakeholderListPage{
		Tabs: tabsHTML(ws, "", f.Encode()), Rows: l.rows, Total: l.total, Matching: l.matching, Filter: f, Choices: l.choices,
		Page: page, Pages: l.pages, PrevURL: pageURL(page - 1), NextURL: pageURL(page + 1), First: from + 1, Last: to,
	}))
}
