package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"boussole/internal/diagnostic"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestRegisterAsRealStrategiesWriteIt enters what real registers hold: a cross-border cooperation of three
// countries whose dates are known only to the year or the month, and a network membership with no country.
func TestRegisterAsRealStrategiesWriteIt(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		_, a, _, c := diagFixture(t, st)
		p := "/ct/" + a.Slug + "/diagnostic/partenariats"
		rhin := url.Values{"partner": {"Conférence du Rhin supérieur"}, "country": {"FR"}, "country_2": {"de"}, "country_3": {"CH"},
			"kind": {"transfrontalier"}, "status": {"active"}, "agreement_signed": {"1975"}, "agreement_start": {"décembre 2020"},
			"agreement_end": {"15/12/2026"}}
		wantStatus(t, c.post(p, rhin), http.StatusSeeOther, "cross-border partnership")
		network := url.Values{"partner": {"Cités Unies France"}, "kind": {"reseau"}, "status": {"active"}, "agreement_signed": {"12/2005"}}
		wantStatus(t, c.post(p, network), http.StatusSeeOther, "network without a country")

		list, err := st.Partnerships(ctx, a.ID)
		if err != nil || len(list) != 2 {
			t.Fatalf("stored %d partnerships: %v", len(list), err)
		}
		net, cross := list[0], list[1] // by partner name
		if got := cross.Partnership; !slices.Equal(got.Countries, []string{"FR", "DE", "CH"}) || got.Kind != diagnostic.KindCrossBorder ||
			got.Agreement.Signed != partialdate.OfYear(1975) || got.Agreement.Start != partialdate.OfMonth(2020, 12) ||
			got.Agreement.End != partialdate.Of(2026, 12, 15) {
			t.Errorf("cross-border stored as %+v", got)
		}
		if got := net.Partnership; len(got.Countries) != 0 || got.Agreement.Signed != partialdate.OfMonth(2005, 12) {
			t.Errorf("network stored as %+v", got)
		}

		c.get(p).mustContain(t, "France, Allemagne, Suisse", "Coopération transfrontalière", "sans pays")
		c.get(p+"?pays=CH").mustContain(t, "Conférence du Rhin supérieur", "1 partenariat sur 2")
		edit := c.get(fmt.Sprintf("%s/%d", p, cross.ID))
		edit.mustContain(t, `value="1975"`, `value="12/2020"`, `value="15/12/2026"`, `id="f-country_3"`, `<option value="CH" selected>`)
		csv := c.get(p + "/export.csv").body
		if !strings.Contains(csv, "FR, DE, CH") || !strings.Contains(csv, "2020-12") {
			t.Errorf("the export lacks the countries or the month: %s", csv)
		}
		carte := c.get(p + "/carte")
		carte.mustContain(t, "Sans pays", "Cités Unies France", "Suisse", "Allemagne")
	})
}

// TestRegisterRefusesAtTheField: a bad date or a missing country is said at its field, what was typed stays.
func TestRegisterRefusesAtTheField(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, a, _, c := diagFixture(t, st)
		p := "/ct/" + a.Slug + "/diagnostic/partenariats"
		for _, tc := range []struct {
			name, field, message, kept string
			v                          url.Values
		}{
			{"day that does not exist", "agreement_signed", "n'existe pas", "31/02/2020",
				url.Values{"partner": {"Podor"}, "country": {"SN"}, "kind": {"jumelage"}, "status": {"active"}, "agreement_signed": {"31/02/2020"}}},
			{"unknown month", "agreement_start", "Mois non reconnu", "brumaire 2020",
				url.Values{"partner": {"Podor"}, "country": {"SN"}, "kind": {"jumelage"}, "status": {"active"}, "agreement_start": {"brumaire 2020"}}},
			{"end a year before the start", "agreement_end", "ne peut pas précéder", "2018",
				url.Values{"partner": {"Podor"}, "country": {"SN"}, "kind": {"jumelage"}, "status": {"active"}, "agreement_start": {"mars 2019"}, "agreement_end": {"2018"}}},
			{"twinning without a country", "country", "Indiquez le pays", "Podor",
				url.Values{"partner": {"Podor"}, "kind": {"jumelage"}, "status": {"active"}}},
			{"the same country twice", "country", "indiqué deux fois", "Rhin",
				url.Values{"partner": {"Rhin"}, "country": {"FR"}, "country_2": {"FR"}, "kind": {"transfrontalier"}, "status": {"active"}}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				res := c.post(p, tc.v)
				wantStatus(t, res, http.StatusUnprocessableEntity, tc.name)
				res.mustContain(t, `id="f-`+tc.field+`-error"`, tc.message, tc.kept)
			})
		}
		if list, _ := st.Partnerships(context.Background(), a.ID); len(list) != 0 {
			t.Fatalf("refused forms saved %d partnerships", len(list))
		}
	})
}

// TestNetworkWithoutCountryPaintsNothing: the map paints the countries of a cross-border cooperation and
// none for a network membership (France used to be typed in for it, and painted).
func TestNetworkWithoutCountryPaintsNothing(t *testing.T) {
	list := []diagnostic.PartnershipRecord{
		{ID: 1, Partnership: diagnostic.Partnership{Partner: "Rhin supérieur", Countries: []string{"FR", "DE", "CH"}, Kind: diagnostic.KindCrossBorder, Status: diagnostic.StatusDormant}},
		{ID: 2, Partnership: diagnostic.Partnership{Partner: "Cités Unies France", Kind: diagnostic.KindNetwork, Status: diagnostic.StatusActive}},
		{ID: 3, Partnership: diagnostic.Partnership{Partner: "Talheim", Countries: []string{"DE"}, Kind: diagnostic.KindTwinning, Status: diagnostic.StatusActive}},
	}
	highlight, rows := partnerMap(list)
	var codes []string
	for c := range highlight {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	if !slices.Equal(codes, []string{"CH", "DE", "FR"}) {
		t.Errorf("painted %v, want CH, DE, FR", codes)
	}
	if highlight["DE"].Rank != mapCategories[diagnostic.StatusActive].Rank || highlight["CH"].Rank != mapCategories[diagnostic.StatusDormant].Rank {
		t.Errorf("Germany takes the liveliest status of its two partnerships: %+v", highlight)
	}
	if _, ok := highlight[""]; ok || len(rows) != 3 {
		t.Errorf("the network without a country made a row: %+v", rows)
	}
}

// TestGeoPriorityFromTheRegister: a partner entered in the register becomes a geographic priority without
// typing it again, from the register's link or the priority form's picker; another authority's partnership
// cannot be picked.
func TestGeoPriorityFromTheRegister(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, a, strat, c := diagFixture(t, st)
		rhin := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: diagnostic.Partnership{Partner: "Eurodistrict Strasbourg-Ortenau",
			Countries: []string{"FR", "DE"}, Kind: diagnostic.KindCrossBorder, Status: diagnostic.StatusActive}}
		if err := st.CreatePartnership(ctx, store.Actor{}, &rhin); err != nil {
			t.Fatal(err)
		}
		b := app.workspace("Ville Beta")
		theirs := diagnostic.PartnershipRecord{AuthorityID: b.ID, Partnership: diagnostic.Partnership{Partner: "Partenaire de Beta",
			Countries: []string{"SN"}, Kind: diagnostic.KindTwinning, Status: diagnostic.StatusActive}}
		if err := st.CreatePartnership(ctx, store.Actor{}, &theirs); err != nil {
			t.Fatal(err)
		}
		p := "/ct/" + a.Slug
		id := fmt.Sprint(rhin.ID)
		c.get(p+"/diagnostic/partenariats").mustContain(t, "/strategie?partenariat="+id, "Créer une priorité géographique : Eurodistrict")
		c.get(p+"/strategie?partenariat="+id).mustContain(t, `value="registre" checked`, `<option value="`+id+`" selected>Eurodistrict Strasbourg-Ortenau — France, Allemagne</option>`)

		res := c.post(p+"/strategie/priorites", url.Values{"type": {"registre"}, "partenariat": {fmt.Sprint(theirs.ID)}, "raison": {"Relation existante"}})
		wantStatus(t, res, http.StatusUnprocessableEntity, "another authority's partnership")
		res.mustContain(t, `id="f-partenariat-error"`, "Choisissez un partenaire du registre")

		wantStatus(t, c.post(p+"/strategie/priorites", url.Values{"type": {"registre"}, "partenariat": {id}, "raison": {"Relation existante"}}),
			http.StatusSeeOther, "priority from the register")
		geo, err := st.GeoPriorities(ctx, a.ID, strat.ID)
		if err != nil || len(geo) != 1 {
			t.Fatalf("%d priorities: %v", len(geo), err)
		}
		if g := geo[0]; g.Name != "Eurodistrict Strasbourg-Ortenau" || g.CountryCode != "FR" || !slices.Contains(g.PartnershipIDs, rhin.ID) {
			t.Errorf("priority %+v", g)
		}
		reader := app.signIn("lecteur@ville-alpha.test")
		if body := reader.get(p + "/strategie").body; strings.Contains(body, "Eurodistrict") && strings.Contains(body, `name="partenariat"`) {
			t.Error("a reader sees the register's picker")
		}
	})
}
