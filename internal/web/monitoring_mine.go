package web

import (
	"net/http"

	"boussole/internal/monitoring"
)

// myUpdatesPage is « ce que je dois mettre à jour »: the indicators the signed-in person keeps, with the
// periods that await their value, the overdue first.
type myUpdatesPage struct {
	Name     string
	Email    string
	ToUpdate []myIndicator
	UpToDate []indicatorLine
	Owned    int
	DueRule  string
}

type myIndicator struct {
	Line    indicatorLine
	Periods []duePeriod
}

type duePeriod struct {
	Label   string
	Due     string
	Overdue bool
	Href    string
}

func (s *Server) showMyUpdates(w http.ResponseWriter, r *http.Request, ws *workspace) {
	b, ok := s.loadBoard(w, r, ws)
	if !ok {
		return
	}
	u := currentUser(r)
	p := myUpdatesPage{Name: u.Name, Email: u.Email, DueRule: monitoring.DueRule}
	for i, in := range b.F.Indicators {
		if !b.ownedBy(in, u) {
			continue
		}
		p.Owned++
		a := b.Assessments[i]
		l := b.line(ws, a, in)
		if a.Pending+a.Overdue == 0 {
			p.UpToDate = append(p.UpToDate, l)
			continue
		}
		item := myIndicator{Line: l}
		for j := len(a.Rows) - 1; j >= 0; j-- {
			if row := a.Rows[j]; row.Due != monitoring.NotDue {
				item.Periods = append(item.Periods, duePeriod{Label: row.Period.Label, Due: row.Due.Label(), Overdue: row.Due == monitoring.Overdue,
					Href: l.Href + "?periode=" + row.Period.Key + "#saisie"})
			}
		}
		p.ToUpdate = append(p.ToUpdate, item)
	}
	v := view{Title: "Ce que je dois mettre à jour", WS: ws, Section: monitoringSection}
	s.renderComponent(w, r, http.StatusOK, v, monitoringMineContent(v, p))
}
