package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/frfmt"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestAuditLabelsCoverTheDemo reads every entry the demo writes in the journal, plus a deletion, a role
// change and a schedule saved without a start date: every field of every record kind has a French label
// (or is a technical field the journal leaves out), so a new field cannot reach the page unlabelled.
func TestAuditLabelsCoverTheDemo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, st); err != nil {
			t.Fatal(err)
		}
		a, err := st.AuthorityBySlug(ctx, demo.Slug)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := st.AuditLog(ctx, a.ID, model.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]bool{}
		missing := map[string]bool{}
		for _, e := range entries {
			kinds[e.Entity] = true
			for _, raw := range []string{e.Before, e.After} {
				for _, m := range auditUnlabelled(e.Entity, raw) {
					missing[m] = true
				}
			}
		}
		if len(kinds) < 20 {
			t.Errorf("the demo writes only %d kinds of record in the journal; the test expects far more", len(kinds))
		}
		for m := range missing {
			t.Errorf("no French label for the field %s", m)
		}
	})
}

// TestAuditLogSpeaksFrench opens the demo's journal and its export: French labels and dates, never JSON,
// Go field names or zero dates.
func TestAuditLogSpeaksFrench(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, st); err != nil {
			t.Fatal(err)
		}
		app := newTestApp(t, st)
		c := app.client()
		if res := c.post("/connexion", url.Values{"email": {"admin@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
			t.Fatalf("sign-in: %d", res.status)
		}
		p := "/ct/" + demo.Slug + "/journal"
		raw := []string{`{"`, `":`, "0001-01-01", "T00:00:00Z", "AuthorityID", "CostCents", "StartDate", "Responsible", "Title", "PercentDone", "map["}
		pages := []string{p, p + "?page=2", p + "?page=5", p + "?objet=" + url.QueryEscape("calendrier d'activité"), p + "?objet=indicateur",
			p + "?objet=acteur", p + "?objet=partenariat", p + "?objet=" + url.QueryEscape("élément AFOM"), p + ".csv"}
		for _, page := range pages {
			res := c.get(page)
			if res.status != http.StatusOK {
				t.Fatalf("%s: %d", page, res.status)
			}
			for _, bad := range raw {
				if strings.Contains(res.body, bad) {
					t.Errorf("%s shows %q: …%s…", page, bad, around(res.body, bad))
				}
			}
		}
		sched := c.get(p + "?objet=" + url.QueryEscape("calendrier d'activité"))
		// Durations in days, progress in percent; a relative start's empty date is left out, never year 1.
		sched.mustContain(t, "Date de début", "Durée", " jours", "Avancement", " %", "Statut", "Responsable")
		ind := c.get(p + "?objet=indicateur")
		ind.mustContain(t, "Valeur de référence — Date", "31 décembre 2025", "Niveau mesuré", "objectif général")
		c.get(p+".csv").mustContain(t, "Intitulé : ")
	})
}

// TestAuditRowsShowWhatChanged reads an update: only the fields that changed, with French values; an
// empty value reads « non renseigné ».
func TestAuditRowsShowWhatChanged(t *testing.T) {
	before := `{"ID":3,"Title":"Mission","Owner":"","CostCents":125000,"Start":"0001-01-01T00:00:00Z","End":"2027-03-31T00:00:00Z","Version":1}`
	after := `{"ID":3,"Title":"Mission","Owner":"Direction de l'eau","CostCents":130050,"Start":"2027-01-04T00:00:00Z","End":"2027-03-31T00:00:00Z","Version":2}`
	rows := auditRows("activité", before, after)
	want := []auditRow{
		{"Responsable", unknownValue, "Direction de l'eau"},
		{"Coût", frfmt.Euros(125000), frfmt.Euros(130050)},
		{"Début", unknownValue, "4 janvier 2027"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows = %+v, want %+v", rows, want)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, rows[i], want[i])
		}
	}
	if got := auditRows("membre", `{"rôle":"agent"}`, `{"rôle":"elu"}`); len(got) != 1 || got[0].Before != "Chargé·e de mission" || got[0].After != "Élu·e" {
		t.Errorf("role change = %+v", got)
	}
	if got := auditRows("ODD", "", `["17","11.6-local"]`); len(got) != 1 || got[0].After != "17, 11.6-local" {
		t.Errorf("bare list = %+v", got)
	}
}
