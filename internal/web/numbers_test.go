package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestIndicatorNumbers posts odd numbers into an indicator's baseline and target, then reads what is stored
// and what the pages show: refusals at their field with what was typed kept, nothing stored on a refusal,
// exact values, and an empty value with a date kept unknown, never 0.
func TestIndicatorNumbers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, au, _, ids := frameworkApp(t, st)
		id, _ := pathInt(ids["indicator"])
		path := "/ct/ville-alpha/cadre-logique/indicateurs/" + ids["indicator"]
		version := func() string {
			in, err := st.Indicator(context.Background(), au.ID, id)
			must(t, err)
			return itoa(int(in.Version))
		}
		form := func(baseline, target string) url.Values {
			return url.Values{"version": {version()}, "titre": {"Jeunes partis"}, "niveau": {"resultat-" + ids["result"]}, "mesure": {"1"},
				"sens": {"hausse"}, "unite": {"jeunes"}, "lignes_cibles": {"2"}, "reference_valeur": {baseline}, "reference_date": {"2025-12-31"},
				"cible_1_date": {"2032-06-30"}, "cible_1_valeur": {target}}
		}
		for _, tc := range []struct {
			name, baseline, target, field, message string
		}{
			{"NaN baseline", "NaN", "50", "reference_valeur", "« NaN » n'est pas un nombre"},
			{"NaN target", "10", "NaN", "cible_1_valeur", "« NaN » n'est pas un nombre"},
			{"infinite baseline", "Infinity", "50", "reference_valeur", "Une valeur infinie ne peut pas être enregistrée"},
			{"infinite target", "10", "-Infinity", "cible_1_valeur", "Une valeur infinie ne peut pas être enregistrée"},
			{"beyond the range", "9223372036854775808", "50", "reference_valeur", "Saisissez un nombre entre"},
			{"beyond the precision", "10", "0,1234567", "cible_1_valeur", "6 décimales au plus"},
			{"two separators", "1.234,5", "50", "reference_valeur", "Une seule virgule"},
			{"letters", "10", "douze", "cible_1_valeur", "« douze » n&#39;en est pas un"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before, err := st.Indicator(context.Background(), au.ID, id)
				must(t, err)
				res := c.post(path, form(tc.baseline, tc.target))
				if res.status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", res.status)
				}
				typed := tc.baseline
				if tc.field != "reference_valeur" {
					typed = tc.target
				}
				res.mustContain(t, `id="f-`+tc.field+`-error"`, strings.ReplaceAll(tc.message, "'", "&#39;"), `value="`+typed+`"`)
				after, err := st.Indicator(context.Background(), au.ID, id)
				must(t, err)
				if after.Version != before.Version {
					t.Errorf("a refused form was stored: version %d → %d", before.Version, after.Version)
				}
			})
		}

		t.Run("French decimals stored exactly and shown the French way", func(t *testing.T) {
			res := c.post(path, form("1\u00a0234,5", "9 999 999 999,125"))
			if res.status != http.StatusSeeOther {
				t.Fatalf("status %d\n%s", res.status, res.body)
			}
			in, err := st.Indicator(context.Background(), au.ID, id)
			must(t, err)
			if in.Baseline == nil || in.Baseline.Value == nil || in.Baseline.Value.String() != "1234.5" {
				t.Fatalf("stored baseline = %+v, want 1234.5", in.Baseline)
			}
			if len(in.Targets) != 1 || in.Targets[0].Value == nil || in.Targets[0].Value.String() != "9999999999.125" {
				t.Fatalf("stored targets = %+v, want 9999999999.125", in.Targets)
			}
			c.get("/ct/ville-alpha/cadre-logique/indicateurs").mustContain(t, "1\u202f234,5", "9\u202f999\u202f999\u202f999,125")
			c.get(path).mustContain(t, `value="1`+"\u202f"+`234,5"`)
		})

		t.Run("empty value with a date stays unknown", func(t *testing.T) {
			f := form("", "")
			f.Set("reference_commentaire", "Mesure prévue en janvier")
			res := c.post(path, f)
			if res.status != http.StatusSeeOther {
				t.Fatalf("status %d\n%s", res.status, res.body)
			}
			in, err := st.Indicator(context.Background(), au.ID, id)
			must(t, err)
			if in.Baseline == nil || in.Baseline.Value != nil || in.Baseline.Comment != "Mesure prévue en janvier" || in.Baseline.Date.IsZero() {
				t.Fatalf("stored baseline = %+v, want its date and comment with an unknown value", in.Baseline)
			}
			if len(in.Targets) != 1 || in.Targets[0].Value != nil {
				t.Fatalf("stored targets = %+v, want one dated target with an unknown value", in.Targets)
			}
			page := c.get("/ct/ville-alpha/cadre-logique/indicateurs")
			page.mustContain(t, `<span class="muted">non renseignée</span> (31 décembre 2025)`, `<span class="muted">valeur non renseignée</span> le 30 juin 2032`)
			c.get(path).mustContain(t, `name="reference_valeur" type="text" value=""`)
			c.get("/ct/ville-alpha/cadre-logique/verification").mustContain(t, "a une valeur de référence non renseignée", "a une cible sans valeur")
		})
	})
}

// TestActivityCost posts odd costs: NaN is refused as not a number (not as negative), an empty cost stays
// unknown and the logframe table says so, never « 0 € ».
func TestActivityCost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, au, _, ids := frameworkApp(t, st)
		id, _ := pathInt(ids["activity"])
		path := "/ct/ville-alpha/cadre-logique/activites/" + ids["activity"]
		post := func(cost string) response {
			a, err := st.Activity(context.Background(), au.ID, id)
			must(t, err)
			return c.post(path, url.Values{"version": {itoa(int(a.Version))}, "titre": {"Mission"}, "cout": {cost}})
		}
		for cost, message := range map[string]string{
			"NaN": "« NaN » n&#39;est pas un nombre", "Infinity": "valeur infinie", "-12": "ne peut pas être négatif",
			"12,345": "2 décimales au plus", "1 000 000 000 000": "d&#39;au plus 999\u202f999\u202f999\u202f999",
		} {
			res := post(cost)
			if res.status != http.StatusUnprocessableEntity {
				t.Fatalf("cost %q: status %d, want 422", cost, res.status)
			}
			res.mustContain(t, `id="f-cout-error"`, message, `value="`+cost+`"`)
		}
		if res := post("12 500,50 €"); res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		a, err := st.Activity(context.Background(), au.ID, id)
		must(t, err)
		if a.CostCents == nil || *a.CostCents != 1_250_050 {
			t.Fatalf("stored cost = %v, want 1250050 cents", a.CostCents)
		}
		c.get("/ct/ville-alpha/cadre-logique").mustContain(t, "12\u202f500,50\u202f€")
		if res := post(""); res.status != http.StatusSeeOther {
			t.Fatalf("status %d", res.status)
		}
		a, err = st.Activity(context.Background(), au.ID, id)
		must(t, err)
		if a.CostCents != nil {
			t.Fatalf("an empty cost was stored as %d", *a.CostCents)
		}
		page := c.get("/ct/ville-alpha/cadre-logique")
		page.mustContain(t, "Coût :</span> <span class=\"muted\">non renseigné</span>")
		if strings.Contains(page.body, "0\u202f€") {
			t.Error("the logframe table shows 0 € for an unknown cost")
		}
	})
}

// TestDimensionWeights: an empty weight stays unknown (the check says so), a weight out of range or with
// decimals is refused at its field.
func TestDimensionWeights(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, au, strategy, _ := frameworkApp(t, st)
		post := func(w1, w2 string) response {
			k, err := st.KeyElements(context.Background(), au.ID, strategy.ID)
			must(t, err)
			return c.post("/ct/ville-alpha/strategie", url.Values{"version": {itoa(int(k.Version))}, "lignes_valeurs": {"0"}, "lignes_dimensions": {"2"},
				"dimension_1": {"Jumelages"}, "dimension_1_poids": {w1}, "dimension_2": {"Réseaux"}, "dimension_2_poids": {w2}})
		}
		for _, w := range []string{"NaN", "12,5", "101", "-1"} {
			res := post(w, "40")
			if res.status != http.StatusUnprocessableEntity {
				t.Fatalf("weight %q: status %d", w, res.status)
			}
			res.mustContain(t, `id="f-dimension_1_poids-error"`, `value="`+w+`"`)
		}
		if res := post("60", ""); res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		k, err := st.KeyElements(context.Background(), au.ID, strategy.ID)
		must(t, err)
		if len(k.Dimensions) != 2 || k.Dimensions[0].Weight == nil || *k.Dimensions[0].Weight != 60 || k.Dimensions[1].Weight != nil {
			t.Fatalf("stored dimensions = %+v, want 60 and unknown", k.Dimensions)
		}
		c.get("/ct/ville-alpha/strategie").mustContain(t, `name="dimension_2_poids" type="number" value=""`)
		c.get("/ct/ville-alpha/cadre-logique/verification").mustContain(t, "Le poids de la dimension «\u00a0Réseaux\u00a0» n&#39;est pas renseigné")
	})
}

// TestPartnershipBudget: an empty yearly budget stays unknown; the register, its export and the diagnostic
// summary say « non renseigné » and never add it as 0 €.
func TestPartnershipBudget(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, a, _, c := diagFixture(t, st)
		p := "/ct/" + a.Slug + "/diagnostic/partenariats"
		partnership := func(name, budget string) url.Values {
			return url.Values{"partner": {name}, "country": {"SN"}, "kind": {"cooperation-decentralisee"}, "status": {"active"}, "yearly_budget": {budget}}
		}
		for budget, message := range map[string]string{"NaN": "« NaN » n&#39;est pas un nombre", "-500": "ne peut pas être négatif", "12,345": "2 décimales au plus"} {
			res := c.post(p, partnership("Commune de Podor", budget))
			wantStatus(t, res, http.StatusUnprocessableEntity, budget)
			res.mustContain(t, `id="f-yearly_budget-error"`, message, `value="`+budget+`"`)
		}
		wantStatus(t, c.post(p, partnership("Commune de Podor", "")), http.StatusSeeOther, "unknown budget")
		list, err := st.Partnerships(context.Background(), a.ID)
		must(t, err)
		if len(list) != 1 || list[0].Partnership.YearlyBudgetCents != nil {
			t.Fatalf("an empty budget was stored as %v", list)
		}
		c.get(p).mustContain(t, `<span class="muted">non renseigné</span>`)
		if csv := c.get(p + "/export.csv"); !strings.Contains(csv.body, "non renseigné") {
			t.Errorf("the export does not say the budget is unknown:\n%s", csv.body)
		}
		c.get("/ct/"+a.Slug+"/diagnostic").mustContain(t, "budget annuel des partenariats actifs : non renseigné.")
		wantStatus(t, c.post(p, partnership("Ville de Kayes", "2 500,50")), http.StatusSeeOther, "known budget")
		c.get("/ct/"+a.Slug+"/diagnostic").mustContain(t, "budget annuel des partenariats actifs : 2\u202f500,50\u202f€ (budget non renseigné pour 1 partenariat sur 2).")
	})
}
