package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestDatesKnownToTheMonthOrTheYear enters, in every form that asks a date besides the register's, a date
// known only to the month or the year, reads it back at its precision, and refuses a bad one at its field
// with the text kept.
func TestDatesKnownToTheMonthOrTheYear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		_, c, au, strat, ids := frameworkApp(t, st)
		p := "/ct/" + au.Slug

		// An awareness session recorded after the fact, known to the month.
		session := url.Values{"title": {"Bureau communautaire"}, "date": {"mars 2026"}, "format": {"reunion"}, "audiences": {"elus"}}
		wantStatus(t, c.post(p+"/sensibilisation/seances", session), http.StatusSeeOther, "session in March 2026")
		sessions, err := st.AwarenessSessions(ctx, au.ID, strat.ID)
		if err != nil || len(sessions) != 1 || sessions[0].Session.Date != partialdate.OfMonth(2026, 3) {
			t.Fatalf("sessions %+v, %v", sessions, err)
		}
		c.get(p+"/sensibilisation/seances").mustContain(t, "mars 2026")
		c.get(fmt.Sprintf("%s/sensibilisation/seances/%d", p, sessions[0].ID)).mustContain(t, `value="03/2026"`)
		session.Set("date", "mars 26")
		res := c.post(p+"/sensibilisation/seances", session)
		wantStatus(t, res, http.StatusUnprocessableEntity, "two-digit year")
		res.mustContain(t, `id="f-date-error"`, "quatre chiffres", `value="mars 26"`)

		// A milestone known to the month: the planning puts it on the 1st.
		ms := url.Values{"strategie": {fmt.Sprint(strat.ID)}, "kind": {"deliberation"}, "title": {"Délibération"}, "date": {"novembre 2026"}}
		wantStatus(t, c.post(p+"/planification/jalons", ms), http.StatusSeeOther, "milestone in November 2026")
		list, err := st.Milestones(ctx, au.ID, strat.ID)
		if err != nil || len(list) != 1 || list[0].Date != partialdate.OfMonth(2026, 11) {
			t.Fatalf("milestones %+v, %v", list, err)
		}
		c.get(fmt.Sprintf("%s/planification/jalons/%d", p, list[0].ID)).mustContain(t, "en novembre 2026", `value="11/2026"`)
		if res := c.get(p + "/planification/chronogramme.svg?strategie=" + fmt.Sprint(strat.ID)); res.status != http.StatusOK {
			t.Errorf("chronogramme with a month milestone: %d", res.status)
		}
		// The calendar puts it on the 1st of November, an all-day event, and says so.
		feed := c.get(p + "/planification/calendrier.ics?strategie=" + fmt.Sprint(strat.ID))
		feed.mustContain(t, "DTSTART;VALUE=DATE:20261101", "Date connue au mois (novembre 2026)")

		// An indicator whose target is « 2032 » and whose baseline is known to the month.
		ind := url.Values{"version": {"1"}, "titre": {"Jeunes partis"}, "niveau": {"resultat-" + ids["result"]}, "mesure": {"1"}, "sens": {"hausse"},
			"lignes_cibles": {"3"}, "reference_valeur": {"10"}, "reference_date": {"décembre 2025"}, "cible_1_date": {"2032"}, "cible_1_valeur": {"50"}}
		wantStatus(t, c.post(p+"/cadre-logique/indicateurs/"+ids["indicator"], ind), http.StatusSeeOther, "indicator with a year target")
		id, _ := pathInt(ids["indicator"])
		in, err := st.Indicator(ctx, au.ID, id)
		must(t, err)
		if in.Baseline == nil || in.Baseline.Date != partialdate.OfMonth(2025, 12) || len(in.Targets) != 1 || in.Targets[0].Date != partialdate.OfYear(2032) {
			t.Errorf("indicator stored %+v", in)
		}
		c.get(p+"/cadre-logique/indicateurs/"+ids["indicator"]).mustContain(t, `value="12/2025"`, `value="2032"`)
		ind.Set("cible_1_date", "2035")
		res = c.post(p+"/cadre-logique/indicateurs/"+ids["indicator"], ind)
		wantStatus(t, res, http.StatusUnprocessableEntity, "target year after the term")
		res.mustContain(t, `id="f-cible_1_date-error"`, "(2035) est hors de la mandature", `value="2035"`)

		// An activity from « mars 2027 » to « 2027 ».
		act := url.Values{"version": {"1"}, "titre": {"Mission"}, "debut": {"mars 2027"}, "fin": {"2027"}}
		wantStatus(t, c.post(p+"/cadre-logique/activites/"+ids["activity"], act), http.StatusSeeOther, "activity known to the month and year")
		aid, _ := pathInt(ids["activity"])
		a, err := st.Activity(ctx, au.ID, aid)
		must(t, err)
		if a.Start != partialdate.OfMonth(2027, 3) || a.End != partialdate.OfYear(2027) {
			t.Errorf("activity stored %v – %v", a.Start, a.End)
		}
		act.Set("fin", "30/02/2027")
		res = c.post(p+"/cadre-logique/activites/"+ids["activity"], act)
		wantStatus(t, res, http.StatusUnprocessableEntity, "a day that does not exist")
		res.mustContain(t, `id="f-fin-error"`, "n'existe pas", `value="30/02/2027"`)
	})
}

func TestPeriodNote(t *testing.T) {
	for _, c := range []struct {
		d    partialdate.Date
		want string
	}{
		{partialdate.OfMonth(2026, 11), "Date connue au mois (novembre 2026) : placée au 1er novembre 2026."},
		{partialdate.OfYear(2027), "Date connue à l'année (2027) : placée au 1er janvier 2027."},
		{partialdate.Of(2026, 11, 20), ""},
		{partialdate.Date{}, ""},
	} {
		if got := periodNote(c.d); got != c.want {
			t.Errorf("periodNote(%v) = %q, want %q", c.d, got, c.want)
		}
	}
	if got := joinNote("Ordre du jour", "Date connue au mois"); got != "Ordre du jour\nDate connue au mois" {
		t.Errorf("joinNote = %q", got)
	}
}
