package web

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"boussole/internal/demo"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// frameworkRecords creates an objective, a result, an activity, an indicator, a risk, an assumption, a
// geographic priority and a local target in a strategy, and returns the route wildcards naming them.
func frameworkRecords(t testing.TB, st *store.Store, au model.Authority, strategy model.Strategy) map[string]string {
	t.Helper()
	ctx := context.Background()
	a, s := au.ID, strategy.ID
	o := logframe.ObjectiveRecord{AuthorityID: a, StrategyID: s, SpecificObjective: logframe.SpecificObjective{Title: "Objectif de " + au.Name}}
	must(t, st.CreateObjective(ctx, store.Actor{}, &o))
	r := logframe.ResultRecord{AuthorityID: a, StrategyID: s, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: "Résultat"}}
	must(t, st.CreateResult(ctx, store.Actor{}, &r))
	act := logframe.ActivityRecord{AuthorityID: a, StrategyID: s, Activity: logframe.Activity{ResultID: r.ID, Title: "Activité", Owner: "DRI"}}
	must(t, st.CreateActivity(ctx, store.Actor{}, &act))
	in := logframe.IndicatorRecord{AuthorityID: a, StrategyID: s, Indicator: logframe.Indicator{Title: "Indicateur", Measure: logframe.MeasureUnit, Level: logframe.Ref{Kind: logframe.KindResult, ID: r.ID}}}
	must(t, st.SaveIndicator(ctx, store.Actor{}, &in))
	rk := logframe.RiskRecord{AuthorityID: a, StrategyID: s, Risk: logframe.Risk{Description: "Risque", Category: logframe.RiskInternal, Likelihood: 1, Impact: 1}}
	must(t, st.SaveRisk(ctx, store.Actor{}, &rk))
	as := logframe.AssumptionRecord{AuthorityID: a, StrategyID: s, Assumption: logframe.Assumption{Text: "Hypothèse", Target: logframe.Ref{Kind: logframe.KindResult, ID: r.ID}}}
	must(t, st.CreateAssumption(ctx, store.Actor{}, &as))
	g := logframe.GeoPriorityRecord{AuthorityID: a, StrategyID: s, Kind: logframe.GeoCountry, GeoPriority: logframe.GeoPriority{CountryCode: "SN", Name: "Sénégal"}}
	must(t, st.SaveGeoPriority(ctx, store.Actor{}, &g))
	lt := logframe.LocalTargetRecord{AuthorityID: a, StrategyID: s, UNTarget: "11.6", Code: "11.6-local", Title: "Cible locale"}
	must(t, st.CreateLocalTarget(ctx, store.Actor{}, &lt))
	id := func(n int64) string { return fmt.Sprint(n) }
	return map[string]string{"objective": id(o.ID), "result": id(r.ID), "activity": id(act.ID), "indicator": id(in.ID), "risk": id(rk.ID),
		"assumption": id(as.ID), "geo": id(g.ID), "local": id(lt.ID), "kind": "objectif-specifique", "element": id(o.ID)}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func init() {
	isolationFixtures = append(isolationFixtures, func(t testing.TB, st *store.Store, b model.Authority, strategyB model.Strategy) map[string]string {
		return frameworkRecords(t, st, b, strategyB)
	})
}

// frameworkApp opens a workspace with a 2026–2032 strategy and the records of frameworkRecords.
func frameworkApp(t *testing.T, st *store.Store) (*testApp, *client, model.Authority, model.Strategy, map[string]string) {
	t.Helper()
	app := newTestApp(t, st)
	au := app.workspace("Ville Alpha")
	strategy := model.Strategy{AuthorityID: au.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(t, st.CreateStrategy(context.Background(), store.Actor{}, &strategy, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	ids := frameworkRecords(t, st, au, strategy)
	return app, app.signIn("admin@ville-alpha.test"), au, strategy, ids
}

func TestFrameworkBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, _, _, ids := frameworkApp(t, st)
		p := "/ct/ville-alpha/cadre-logique"
		indicator := func(extra url.Values) url.Values {
			v := url.Values{"version": {"1"}, "titre": {"Jeunes partis"}, "niveau": {"resultat-" + ids["result"]}, "mesure": {"1"}, "sens": {"hausse"},
				"lignes_cibles": {"3"}, "reference_valeur": {"10"}, "reference_date": {"2025-12-31"}, "cible_1_date": {"2032-06-30"}, "cible_1_valeur": {"50"}}
			for k, x := range extra {
				v[k] = x
			}
			return v
		}
		for _, tc := range []struct {
			name  string
			form  url.Values
			wants []string
		}{
			{"target date outside the term", indicator(url.Values{"cible_1_date": {"2035-06-30"}}), []string{"hors de la mandature", `value="2035-06-30"`}},
			{"baseline after target", indicator(url.Values{"reference_date": {"2031-01-01"}, "cible_1_date": {"2030-06-30"}}), []string{"est postérieure à la date cible"}},
			{"percentage over 100", indicator(url.Values{"mesure": {"2"}, "cible_1_valeur": {"140"}}), []string{"Un pourcentage est compris entre 0 et 100 ; vous avez saisi 140", `value="140"`}},
			{"direction not in the list", indicator(url.Values{"sens": {"sideways"}}), []string{`id="f-sens-error"`, "Choisissez le sens dans la liste"}},
			{"rhythm not in the list", indicator(url.Values{"periodicite": {"quand on y pense"}}), []string{`id="f-periodicite-error"`, "Choisissez la périodicité dans la liste"}},
			{"breakdown not in the list", indicator(url.Values{"ventilations": {"sexe", "couleur"}}), []string{`id="f-ventilations-error"`, "Autres ventilations"}},
			{"target message on the row typed", indicator(url.Values{"cible_1_date": {""}, "cible_1_valeur": {""}, "cible_3_date": {"2040-01-01"}, "cible_3_valeur": {"5"}}), []string{`id="f-cible_3_date-error"`}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				res := c.post(p+"/indicateurs/"+ids["indicator"], tc.form)
				if res.status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", res.status)
				}
				res.mustContain(t, tc.wants...)
			})
		}
		t.Run("activity outside the term", func(t *testing.T) {
			res := c.post(p+"/activites/"+ids["activity"], url.Values{"version": {"1"}, "titre": {"Mission"}, "debut": {"2040-01-01"}, "cout": {"12 500,50"}})
			if res.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d", res.status)
			}
			res.mustContain(t, "hors de la mandature", `value="12 500,50"`)
		})
		t.Run("cycle in the tree", func(t *testing.T) {
			res := c.post(p+"/resultats/"+ids["result"]+"/deplacement", url.Values{"parent": {"activite-" + ids["activity"]}})
			if res.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d", res.status)
			}
			res.mustContain(t, "Impossible de déplacer un résultat sous l'une de ses propres activités.")
		})
		t.Run("Word-pasted text", func(t *testing.T) {
			pasted := "Renforcer\u00a0\u00a0la coopération\u200b avec «\u00a0Ziguinchor\u00a0»\u00ad\r\n"
			res := c.post(p+"/objectifs/"+ids["objective"], url.Values{"version": {"1"}, "titre": {pasted}, "mesure": {"Ligne 1\r\nLigne 2\u2028Ligne 3"}})
			if res.status != http.StatusSeeOther {
				t.Fatalf("status %d\n%s", res.status, res.body)
			}
			id, _ := pathInt(ids["objective"])
			o, err := st.Objective(context.Background(), mustAuthority(t, st, "ville-alpha"), id)
			must(t, err)
			if o.Title != "Renforcer la coopération avec «\u00a0Ziguinchor\u00a0»" || o.Measure != "Ligne 1\nLigne 2\nLigne 3" {
				t.Errorf("cleaned text = %q / %q", o.Title, o.Measure)
			}
		})
		t.Run("percentage weight and empty title", func(t *testing.T) {
			res := c.post("/ct/ville-alpha/strategie", url.Values{"version": {"0"}, "lignes_valeurs": {"2"}, "lignes_dimensions": {"2"},
				"valeur_1_explication": {"sans nom"}, "dimension_1": {"Jumelages"}, "dimension_1_poids": {"140"}})
			if res.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d", res.status)
			}
			res.mustContain(t, "Donnez un nom à cette valeur", "vous avez saisi 140", `value="sans nom"`)
		})
	})
}

func pathInt(s string) (int64, error) {
	var n int64
	_, err := fmt.Sscan(s, &n)
	return n, err
}

func mustAuthority(t *testing.T, st *store.Store, slug string) int64 {
	t.Helper()
	a, err := st.AuthorityBySlug(context.Background(), slug)
	must(t, err)
	return a.ID
}

func TestFrameworkDeleteAsksFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, au, strategy, ids := frameworkApp(t, st)
		u := "/ct/ville-alpha/cadre-logique/objectifs/" + ids["objective"] + "/suppression"
		res := c.get(u)
		if res.status != http.StatusOK {
			t.Fatalf("confirm page: %d", res.status)
		}
		res.mustContain(t, "Supprimer l'objectif 1", "1 résultat", "1 activité", "1 indicateur")
		acts, _ := st.ActivitiesOf(context.Background(), au.ID, strategy.ID)
		if len(acts) != 1 {
			t.Fatalf("the confirmation page deleted something: %d activities", len(acts))
		}
		if res := c.post(u, url.Values{}); res.status != http.StatusSeeOther {
			t.Fatalf("delete: %d", res.status)
		}
		f, _ := st.LoadFramework(context.Background(), au.ID, strategy.ID)
		if len(f.Objectives)+len(f.Results)+len(f.Activities)+len(f.Indicators)+len(f.Assumptions) != 0 || len(f.Risks) != 1 {
			t.Errorf("after delete: %d objectives, %d results, %d activities, %d indicators, %d assumptions, %d risks",
				len(f.Objectives), len(f.Results), len(f.Activities), len(f.Indicators), len(f.Assumptions), len(f.Risks))
		}
	})
}

func TestFrameworkPagesAndSDGPicker(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, _, _, ids := frameworkApp(t, st)
		p := "/ct/ville-alpha"
		for _, path := range []string{"/strategie", "/strategie/odd", "/strategie/priorites/" + ids["geo"], "/cadre-logique", "/cadre-logique/arbre",
			"/cadre-logique/verification", "/cadre-logique/indicateurs", "/cadre-logique/indicateurs/nouveau", "/cadre-logique/indicateurs/" + ids["indicator"],
			"/cadre-logique/risques", "/cadre-logique/risques/" + ids["risk"], "/cadre-logique/objectifs/" + ids["objective"],
			"/cadre-logique/resultats/" + ids["result"], "/cadre-logique/activites/" + ids["activity"], "/"} {
			if res := c.get(p + path); res.status != http.StatusOK {
				t.Errorf("GET %s: %d", path, res.status)
			}
		}
		// Step one of the picker: choosing goal 11 shows its targets, without JavaScript.
		res := c.get(p + "/cadre-logique/objectifs/" + ids["objective"] + "?odd=11")
		res.mustContain(t, "11.6 — ", "Cible locale 11.6-local")
		// Step two: tick a goal, a target and the local target; an unknown code is ignored.
		res = c.post(p+"/cadre-logique/odd/objectif-specifique/"+ids["objective"], url.Values{"code": {"11", "11.6", "11.6-local", "99.9"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("save tags: %d", res.status)
		}
		res = c.get(p + "/strategie/odd")
		res.mustContain(t, "La stratégie sert 1 ODD sur 17", "11.6-local")
		if strings.Contains(res.body, "99.9") {
			t.Error("an unknown ODD code was saved")
		}
		// A local target code that does not follow the rule gets a French message.
		res = c.post(p+"/strategie/odd/cibles-locales", url.Values{"code": {"11.6-local-1"}, "titre": {"x"}})
		res.mustContain(t, "seul un numéro de 2 à 99")
	})
}

func TestFrameworkReaderCannotEdit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, _, _, _, ids := frameworkApp(t, st)
		c := app.signIn("lecteur@ville-alpha.test")
		if res := c.post("/ct/ville-alpha/cadre-logique/objectifs/"+ids["objective"], url.Values{"version": {"1"}, "titre": {"x"}}); res.status != http.StatusForbidden {
			t.Errorf("reader edit: %d, want 403", res.status)
		}
		if res := c.get("/ct/ville-alpha/cadre-logique"); res.status != http.StatusOK {
			t.Errorf("reader view: %d", res.status)
		}
	})
}

func TestFrameworkDemoHasGapsForTheCheck(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	if _, err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	au, err := st.AuthorityBySlug(ctx, demo.Slug)
	must(t, err)
	list, _ := st.Strategies(ctx, au.ID)
	strategy, _ := focusStrategy(list)
	f, err := st.LoadFramework(ctx, au.ID, strategy.ID)
	must(t, err)
	locals, _ := st.LocalTargets(ctx, au.ID, strategy.ID)
	got := []int{len(f.Key.Values), len(f.Objectives), len(f.Results), len(f.Activities), len(f.Indicators), len(f.Risks), len(locals)}
	want := []int{3, 4, 10, 30, 25, 12, 2}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("demo counts (values, objectives, results, activities, indicators, risks, local targets) = %v, want %v", got, want)
	}
	rep := logframe.Check(f.Logframe)
	rules := map[string]bool{}
	for _, fd := range rep.Findings {
		rules[fd.Rule] = true
	}
	if rep.Complete() || len(rules) < 3 {
		t.Errorf("the demo's deliberate gaps should give several findings; rules hit: %v", rules)
	}
}

// BenchmarkLogframeTablePage serves the demo's logframe table through the real handler (session, workspace,
// store, check, template) beside a bare handler writing the same bytes, to show what the application costs.
func BenchmarkLogframeTablePage(b *testing.B) {
	st := storetest.SQLite(b)
	ctx := context.Background()
	if _, err := demo.Load(ctx, st); err != nil {
		b.Fatal(err)
	}
	app := newTestApp(b, st)
	c := app.client()
	if res := c.post("/connexion", url.Values{"email": {"admin@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
		b.Fatalf("sign-in: %d", res.status)
	}
	path := "/ct/" + demo.Slug + "/cadre-logique"
	page := c.get(path)
	if page.status != http.StatusOK {
		b.Fatalf("status %d", page.status)
	}
	body := []byte(page.body)
	req, _ := http.NewRequest(http.MethodGet, app.srv.URL+path, nil)
	cookies := c.hc.Jar.Cookies(req.URL)
	b.Run("handler", func(b *testing.B) {
		for b.Loop() {
			r := httptest.NewRequest(http.MethodGet, path, nil)
			for _, ck := range cookies {
				r.AddCookie(ck)
			}
			w := httptest.NewRecorder()
			app.app.ServeHTTP(w, r)
			if w.Code != http.StatusOK {
				b.Fatalf("status %d", w.Code)
			}
		}
		b.SetBytes(int64(len(body)))
	})
	b.Run("bare", func(b *testing.B) {
		bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(body)
		})
		for b.Loop() {
			w := httptest.NewRecorder()
			bare.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		}
		b.SetBytes(int64(len(body)))
	})
}

// TestSMARTAsksAchievable checks the A of SMART: the objective's form asks what puts it within reach, the
// check flags an objective that does not say, and the answer is stored and shown back.
func TestSMARTAsksAchievable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, _, _, ids := frameworkApp(t, st)
		p := "/ct/ville-alpha/cadre-logique"
		flag := "ne dit pas ce qui le rend atteignable"
		c.get(p+"/verification").mustContain(t, flag)
		page := c.get(p + "/objectifs/" + ids["objective"])
		page.mustContain(t, `name="atteignable"`, "Atteignable :")
		res := c.post(p+"/objectifs/"+ids["objective"], url.Values{"version": {"1"}, "titre": {"Objectif de Ville Alpha"}, "atteignable": {"Trois lycées déjà partenaires"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", res.status, res.body)
		}
		c.get(p+"/objectifs/"+ids["objective"]).mustContain(t, "Trois lycées déjà partenaires")
		if strings.Contains(html.UnescapeString(c.get(p+"/verification").body), flag) {
			t.Error("the check still flags the objective once it says what puts it within reach")
		}
	})
}

// TestRiskChoicesAreChecked posts a status and a threatened element that are not in their lists: the form
// comes back with a French message at each field, what was typed kept, and nothing stored.
func TestRiskChoicesAreChecked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, au, _, ids := frameworkApp(t, st)
		p := "/ct/ville-alpha/cadre-logique/risques"
		good := url.Values{"description": {"Départ du chargé de mission"}, "categorie": {"interne"}, "probabilite": {"2"}, "impact": {"3"}, "statut": {"survenu"}}
		for _, tc := range []struct{ field, value, message string }{
			{"statut", "oublié", "Choisissez le statut dans la liste"},
			{"lien", "afom-1", "Choisissez l'élément menacé dans la liste"},
			{"categorie", "politique", "interne ou externe"},
		} {
			v := url.Values{}
			for k, x := range good {
				v[k] = x
			}
			v.Set(tc.field, tc.value)
			for _, path := range []string{p, p + "/" + ids["risk"]} {
				if path != p {
					v.Set("version", "1")
				}
				res := c.post(path, v)
				if res.status != http.StatusUnprocessableEntity {
					t.Errorf("%s=%q on %s: status %d", tc.field, tc.value, path, res.status)
					continue
				}
				res.mustContain(t, `id="f-`+tc.field+`-error"`, tc.message, "Départ du chargé de mission")
			}
		}
		risks, err := st.LoadFramework(context.Background(), au.ID, mustStrategy(t, st, au.ID))
		if err != nil {
			t.Fatal(err)
		}
		if len(risks.Logframe.Risks) != 1 || risks.Logframe.Risks[0].Description != "Risque" {
			t.Errorf("a refused risk was stored: %+v", risks.Logframe.Risks)
		}
	})
}

func mustStrategy(t *testing.T, st *store.Store, authorityID int64) int64 {
	t.Helper()
	list, err := st.Strategies(context.Background(), authorityID)
	if err != nil || len(list) == 0 {
		t.Fatalf("strategies: %v", err)
	}
	return list[0].ID
}
