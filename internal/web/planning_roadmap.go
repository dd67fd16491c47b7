package web

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"boussole/internal/model"
	"boussole/internal/schedule"
)

// roadmapItem is one activity or milestone of the feuille de route.
type roadmapItem struct {
	Node        schedule.Node
	Label       string
	Start, Last time.Time
	Owner       string
	Service     string
	Status      string
	Percent     int
	EndsInYear  bool
	Milestone   bool
}

// roadmapYear is what one year of the term holds.
type roadmapYear struct {
	Year                 int
	Starts, Runs, Ends   []roadmapItem
	Milestones           []roadmapItem
	Previous, Next, Term []int
}

// roadmap sorts the computed schedule into what starts, runs through and ends in year.
func (d *planData) roadmap(res *schedule.Result, year int) roadmapYear {
	y := roadmapYear{Year: year}
	from, to := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, row := range d.planItems(res) {
		switch {
		case row.Milestone:
			if !row.Start.Before(from) && row.Start.Before(to) {
				y.Milestones = append(y.Milestones, row)
			}
		case !row.Start.Before(from) && row.Start.Before(to):
			row.EndsInYear = row.Last.Before(to)
			y.Starts = append(y.Starts, row)
		case row.Start.Before(from) && !row.Last.Before(to):
			y.Runs = append(y.Runs, row)
		case row.Start.Before(from) && !row.Last.Before(from) && row.Last.Before(to):
			y.Ends = append(y.Ends, row)
		}
	}
	for _, list := range [][]roadmapItem{y.Starts, y.Runs, y.Ends, y.Milestones} {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Start.Before(list[j].Start) })
	}
	for t := d.Strategy.TermStart; t <= d.Strategy.HorizonEnd(); t++ {
		y.Term = append(y.Term, t)
	}
	return y
}

// planItems lists the scheduled activities and the milestones with their computed dates and owners.
func (d *planData) planItems(res *schedule.Result) []roadmapItem {
	var out []roadmapItem
	for _, a := range d.Activities {
		sc, ok := d.Schedules[a.ID]
		if !ok {
			continue
		}
		n := schedule.Node{Kind: schedule.NodeActivity, ID: a.ID}
		t, _ := res.Timing(n.Key())
		out = append(out, roadmapItem{Node: n, Label: a.Title, Start: t.Start.Time(), Last: t.Finish.AddDays(-1).Time(), Owner: a.Owner,
			Service: sc.Service, Status: sc.Status.Label(), Percent: sc.PercentDone})
	}
	for _, m := range d.Milestones {
		t, _ := res.Timing(m.Node().Key())
		out = append(out, roadmapItem{Node: m.Node(), Label: m.Title, Start: t.Start.Time(), Last: t.Start.Time(), Status: m.Kind.Label(), Milestone: true})
	}
	return out
}

func (s *Server) showRoadmap(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, list, ok := s.planningStrategy(w, r, ws)
	if !ok {
		return
	}
	d, err := s.loadPlan(r.Context(), ws.Authority.ID, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	year := time.Now().Year()
	if year < st.TermStart || year > st.HorizonEnd() {
		year = st.TermStart
	}
	if v, err := strconv.Atoi(r.URL.Query().Get("annee")); err == nil && v >= st.TermStart-2 && v <= st.HorizonEnd()+2 {
		year = v
	}
	data := roadmapPage{Plan: d, Strategies: list, Query: strategyQuery(st, list)}
	if res, err := d.compute(false); err != nil {
		data.Err = errorText(err)
	} else {
		data.Year = new(d.roadmap(res, year))
	}
	v := view{Title: "Feuille de route " + strconv.Itoa(year), Section: "planification", WS: ws}
	s.renderComponent(w, r, http.StatusOK, v, planningRoadmapContent(v, data))
}

// sameperson reports whether a typed owner names the signed-in person: their name or their email, compared
// without regard to case or surrounding spaces. Matching on text rather than on an account keeps owners who
// have no account (a partner's staff) possible, at the price of spelling the name as the account does; the
// form suggests members' names for that reason.
func sameperson(owner string, u *model.User) bool {
	owner = strings.TrimSpace(owner)
	return owner != "" && (strings.EqualFold(owner, strings.TrimSpace(u.Name)) || strings.EqualFold(owner, u.Email))
}

// mine lists the activities of the strategy whose owner (the one field the logframe and planning share) is u.
func (d *planData) mine(res *schedule.Result, u *model.User) []roadmapItem {
	var out []roadmapItem
	for _, it := range d.planItems(res) {
		if !it.Milestone && sameperson(it.Owner, u) {
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

func (s *Server) showMine(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, list, ok := s.planningStrategy(w, r, ws)
	if !ok {
		return
	}
	d, err := s.loadPlan(r.Context(), ws.Authority.ID, st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	data := minePage{Plan: d, Strategies: list, Query: strategyQuery(st, list), Today: time.Now()}
	if res, err := d.compute(false); err != nil {
		data.Err = errorText(err)
	} else {
		data.Mine = d.mine(res, currentUser(r))
		if progressOnly(ws) {
			service, err := s.viewerService(r, ws)
			if err != nil {
				s.serverError(w, r, err)
				return
			}
			data.Referent, data.Service, data.ToUpdate = true, service, d.ofService(res, service)
		}
	}
	// The page names the signed-in person: the content is written before render sets the view's user.
	v := view{Title: "Mes activités", Section: "planification", WS: ws, User: currentUser(r)}
	s.renderComponent(w, r, http.StatusOK, v, planningMineContent(v, data))
}
