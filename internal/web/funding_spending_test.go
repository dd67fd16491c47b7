package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/frfmt"
	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/store"
)

// B's project with a payment: the isolation walk tries it through A's routes.
func init() {
	isolationFixtures = append(isolationFixtures, func(t testing.TB, st *store.Store, b model.Authority, strategyB model.Strategy) map[string]string {
		ctx := context.Background()
		p := funding.Project{AuthorityID: b.ID, StrategyID: strategyB.ID, Title: "Projet de B", Status: funding.StatusRunning}
		if err := st.CreateProject(ctx, store.Actor{}, &p); err != nil {
			t.Fatal(err)
		}
		sp := funding.Spending{ProjectID: p.ID, Kind: funding.Paid, Date: partialdate.OfYear(2027), AmountCents: 100, Beneficiary: funding.BeneficiaryOther, Name: "X"}
		if err := st.SaveSpending(ctx, store.Actor{}, b.ID, &sp); err != nil {
			t.Fatal(err)
		}
		return map[string]string{"project": strconv.FormatInt(p.ID, 10), "spending": strconv.FormatInt(sp.ID, 10)}
	})
}

// TestFundingSpendingOnTheDemo adds, refuses, edits and deletes a spending record through the project's
// page as the agent, and reads the summary of the list page: by year, country and beneficiary kind.
func TestFundingSpendingOnTheDemo(t *testing.T) {
	app, c := demoApp(t)
	ctx := context.Background()
	a, _ := app.st.AuthorityBySlug(ctx, demo.Slug)
	strategies, _ := app.st.Strategies(ctx, a.ID)
	var water funding.Project
	for _, s := range strategies {
		ps, _ := app.st.StrategyProjects(ctx, a.ID, s.ID)
		for _, p := range ps {
			if p.Title == "Eau potable à Ziguinchor" {
				water = p
			}
		}
	}
	if len(water.Spending) == 0 {
		t.Fatal("the demo's water project has no spending")
	}
	base := "/ct/" + demo.Slug + "/financements/projets/" + strconv.FormatInt(water.ID, 10)
	page := c.get(base)
	page.mustContain(t, "Dépenses : engagements et paiements", "Commune de Ziguinchor", "Mandat n° 2027-1184", "Ajouter un engagement ou un paiement")
	if strings.Contains(page.body, "dépassent les engagements") {
		t.Error("the demo's payments are within its commitments, yet flagged")
	}

	// Bad input: a negative amount and a year out of range, refused at their fields, what was typed kept.
	bad := url.Values{funding.FieldSpendKind: {"paiement"}, funding.FieldSpendDate: {"1850"}, funding.FieldSpendAmount: {"-1 234,50"},
		funding.FieldSpendCountry: {"SN"}, funding.FieldSpendBenef: {"association"}, funding.FieldSpendName: {"Eau Vive"}}
	res := c.post(base+"/depenses", bad)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `value="-1 234,50"`) {
		t.Fatalf("a negative amount: %d", res.status)
	}
	checkRefusal(t, "negative spending", res)

	// A payment typed the French way beyond the commitments: saved, and flagged.
	good := bad
	good.Set(funding.FieldSpendDate, "12/2028")
	good.Set(funding.FieldSpendAmount, "1 234 567,50")
	if res := c.post(base+"/depenses", good); res.status != http.StatusSeeOther {
		t.Fatalf("a valid payment: %d %s", res.status, summaryText(res.body))
	}
	page = c.get(base)
	page.mustContain(t, "Eau Vive", frfmt.Euros(123456750), "dépassent les engagements")
	got, _ := app.st.Project(ctx, a.ID, water.ID)
	added := got.Spending[len(got.Spending)-1]
	if added.AmountCents != 123456750 || added.Date != partialdate.OfMonth(2028, 12) || added.StakeholderID != 0 {
		t.Fatalf("read back %+v", added)
	}

	// Edit with the version check, then delete after confirmation.
	u := base + "/depenses/" + strconv.FormatInt(added.ID, 10)
	c.get(u).mustContain(t, "Enregistrer la dépense", "Supprimer cette dépense")
	edit := good
	edit.Set(funding.FieldSpendAmount, "20 000")
	edit.Set("version", "1")
	if res := c.post(u, edit); res.status != http.StatusSeeOther {
		t.Fatalf("edit: %d %s", res.status, summaryText(res.body))
	}
	if res := c.post(u, edit); res.status != http.StatusConflict {
		t.Errorf("a stale edit: %d", res.status)
	}
	c.get(u+"/suppression").mustContain(t, "Supprimer le paiement")
	if res := c.post(u+"/suppression", url.Values{"version": {"2"}}); res.status != http.StatusSeeOther {
		t.Fatalf("delete: %d", res.status)
	}
	if res := c.get(u); res.status != http.StatusNotFound {
		t.Errorf("deleted record still shown: %d", res.status)
	}

	list := c.get("/ct/" + demo.Slug + "/financements")
	list.mustContain(t, "Dépenses de la stratégie", "Dépenses par année", "2028", "Sénégal", "Maroc", "Collectivité partenaire", "Opérateur")
}
