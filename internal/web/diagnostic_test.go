package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"boussole/internal/attachment"
	"boussole/internal/demo"
	"boussole/internal/diagnostic"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func init() {
	isolationFixtures = append(isolationFixtures, func(t testing.TB, st *store.Store, b model.Authority, strategyB model.Strategy) map[string]string {
		ctx := context.Background()
		item := diagnostic.ItemRecord{AuthorityID: b.ID, StrategyID: strategyB.ID,
			Item: diagnostic.Item{Quadrant: diagnostic.Strengths, Scope: diagnostic.ScopeTerritory, Text: "Force de B", Weight: 2}}
		if err := st.CreateSWOTItem(ctx, store.Actor{}, &item); err != nil {
			t.Fatal(err)
		}
		p := diagnostic.PartnershipRecord{AuthorityID: b.ID, Partnership: diagnostic.Partnership{Partner: "Partenaire de B", Countries: []string{"SN"},
			Kind: diagnostic.KindTwinning, Status: diagnostic.StatusActive}}
		// B's partnership carries a document, so the walk also tries B's download on A's routes.
		doc, err := attachment.Check("convention-b.pdf", attachment.SimplePDF("Convention de B", nil))
		if err != nil {
			t.Fatal(err)
		}
		if err := st.CreatePartnershipWithDocument(ctx, store.Actor{}, &p, &doc); err != nil {
			t.Fatal(err)
		}
		sess := diagnostic.SessionRecord{AuthorityID: b.ID, StrategyID: strategyB.ID, Session: diagnostic.Session{Date: partialdate.FromTime(time.Now()), Title: "Séance de B",
			Audiences: []diagnostic.Audience{diagnostic.AudienceElected}, Format: diagnostic.FormatMeeting}}
		if err := st.CreateAwarenessSession(ctx, store.Actor{}, &sess); err != nil {
			t.Fatal(err)
		}
		return map[string]string{"swot": fmt.Sprint(item.ID), "partner": fmt.Sprint(p.ID), "session": fmt.Sprint(sess.ID)}
	})
}

// diagFixture opens a workspace with a strategy in preparation and signs the agent in.
func diagFixture(t *testing.T, st *store.Store) (*testApp, model.Authority, model.Strategy, *client) {
	t.Helper()
	app := newTestApp(t, st)
	a := app.workspace("Ville Alpha")
	strat := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	if err := st.CreateStrategy(context.Background(), store.Actor{}, &strat, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return app, a, strat, app.signIn("agent@ville-alpha.test")
}

func wantStatus(t *testing.T, res response, want int, what string) {
	t.Helper()
	if res.status != want {
		t.Fatalf("%s: status %d, want %d\n%s", what, res.status, want, res.body)
	}
}

func TestDiagnosticEmptyStatesExplainWhatToDo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		c := app.signIn("agent@ville-alpha.test")
		p := "/ct/" + a.Slug
		c.get(p+"/diagnostic/afom").mustContain(t, "aucune stratégie n'a encore été créée", "Créer la stratégie de la mandature")
		c.get(p+"/diagnostic/partenariats").mustContain(t, "Le registre est vide", "Ajouter le premier partenariat")
		c.get(p+"/diagnostic/partenariats/carte").mustContain(t, "la carte se remplira avec le registre")

		strat := model.Strategy{AuthorityID: a.ID, Title: "S", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		if err := st.CreateStrategy(context.Background(), store.Actor{}, &strat, time.Now()); err != nil {
			t.Fatal(err)
		}
		for path, wants := range map[string][]string{
			"/sensibilisation":                 {"Pas encore rédigé", "Indiquez la liste des services"},
			"/sensibilisation/argumentaire":    {"L'argumentaire n'est pas encore rédigé", "Choisir les enjeux"},
			"/sensibilisation/enjeux":          {"Les atouts du territoire", "articles L.1115-1 à L.1115-7", "65"},
			"/sensibilisation/seances":         {"Aucune séance enregistrée"},
			"/sensibilisation/principes":       {"Capitalisation", "Portage politique"},
			"/diagnostic":                      {"La matrice est vide", "Aucun partenariat recensé"},
			"/diagnostic/synthese":             {"La matrice AFOM n'est pas encore remplie"},
			"/diagnostic/afom":                 {"Aucun élément pour l'instant", "Qu'est-ce qui vous rend unique ?", "(proposée par Boussole)"},
			"/diagnostic/partenariats/nouveau": {"Revue critique", "Sénégal"},
		} {
			res := c.get(p + path)
			wantStatus(t, res, http.StatusOK, path)
			res.mustContain(t, wants...)
		}
		// The home page lists every condition facilitante as missing, political backing first.
		home := c.get(p + "/")
		home.mustContain(t, "Conditions facilitantes", "0 condition réunie sur 9", "Portage politique")
		if strings.Index(home.body, "Portage politique") > strings.Index(home.body, "Temps et ressources") {
			t.Error("political backing must come first among the missing conditions")
		}
	})
}

func TestSWOTFormsKeepBadInputAndReorder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, a, strat, c := diagFixture(t, st)
		p := "/ct/" + a.Slug + "/diagnostic/afom"
		long := strings.Repeat("é", diagnostic.MaxItemText+1)
		res := c.post(p, url.Values{"quadrant": {"forces"}, "scope": {"territoire"}, "weight": {"2"}, "text": {long}, "evidence": {"Étude INSEE"}})
		wantStatus(t, res, http.StatusUnprocessableEntity, "over-long item")
		res.mustContain(t, "ne doit pas dépasser 500 caractères", `id="f-text-error"`, "Étude INSEE", `aria-invalid="true"`)
		res = c.post(p, url.Values{"quadrant": {"forces"}, "scope": {"nulle-part"}, "weight": {"9"}, "text": {"  "}})
		wantStatus(t, res, http.StatusUnprocessableEntity, "bad item")
		res.mustContain(t, `id="f-scope-error"`, `id="f-weight-error"`, `id="f-text-error"`, "Le poids va de 1")

		var ids []int64
		for _, text := range []string{"Université de Belval", "Diaspora active", "Port fluvial"} {
			res := c.post(p, url.Values{"quadrant": {"forces"}, "scope": {"territoire"}, "weight": {"2"}, "text": {text}})
			wantStatus(t, res, http.StatusSeeOther, "create "+text)
			items, _ := st.SWOTItems(context.Background(), a.ID, strat.ID)
			ids = append(ids, items[len(items)-1].ID)
		}
		wantStatus(t, c.post(fmt.Sprintf("%s/%d/monter", p, ids[2]), nil), http.StatusSeeOther, "move up")
		page := c.get(p)
		if i, j := strings.Index(page.body, "Port fluvial"), strings.Index(page.body, "Diaspora active"); i < 0 || j < 0 || i > j {
			t.Error("moved item should come before the one it passed")
		}
		page.mustContain(t, "<svg", "Matrice AFOM — Stratégie 2026–2032", "Monter : Port fluvial")

		// Edit with a stale version: conflict, both versions shown, nothing lost.
		edit := fmt.Sprintf("%s/%d", p, ids[0])
		c.get(edit).mustContain(t, "Université de Belval")
		wantStatus(t, c.post(edit, url.Values{"quadrant": {"forces"}, "scope": {"acteurs"}, "weight": {"3"}, "text": {"Université et ses 12 000 étudiants"}, "version": {"1"}}),
			http.StatusSeeOther, "edit")
		res = c.post(edit, url.Values{"quadrant": {"forces"}, "scope": {"acteurs"}, "weight": {"3"}, "text": {"Ma version"}, "version": {"1"}})
		wantStatus(t, res, http.StatusConflict, "stale edit")
		res.mustContain(t, "Version enregistrée entre-temps", "Université et ses 12 000 étudiants", "Ma version")

		// Merge: the page offers the other items of the quadrant; merging keeps both texts.
		merge := fmt.Sprintf("%s/%d/fusion", p, ids[0])
		c.get(merge).mustContain(t, "Diaspora active", "Port fluvial")
		wantStatus(t, c.post(merge, url.Values{"version": {"2"}}), http.StatusUnprocessableEntity, "merge without choice")
		wantStatus(t, c.post(merge, url.Values{"version": {"2"}, "other": {fmt.Sprintf("%d-1", ids[1])}}), http.StatusSeeOther, "merge")
		got, _ := st.SWOTItem(context.Background(), a.ID, ids[0])
		if got.Item.Text != "Université et ses 12 000 étudiants\nDiaspora active" {
			t.Errorf("merged text = %q", got.Item.Text)
		}
	})
}

func TestDeletionAsksForConfirmation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, a, strat, c := diagFixture(t, st)
		ctx := context.Background()
		item := diagnostic.ItemRecord{AuthorityID: a.ID, StrategyID: strat.ID, Item: diagnostic.Item{Quadrant: diagnostic.Threats, Scope: diagnostic.ScopeAuthority, Text: "Baisse des dotations", Weight: 3}}
		if err := st.CreateSWOTItem(ctx, store.Actor{}, &item); err != nil {
			t.Fatal(err)
		}
		p := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: diagnostic.Partnership{Partner: "Ville de Podor", Countries: []string{"SN"}, Kind: diagnostic.KindDecentralised, Status: diagnostic.StatusActive}}
		if err := st.CreatePartnership(ctx, store.Actor{}, &p); err != nil {
			t.Fatal(err)
		}
		prefix := "/ct/" + a.Slug
		for _, tc := range []struct {
			path, what string
			gone       func() error
		}{
			{fmt.Sprintf("%s/diagnostic/afom/%d/suppression", prefix, item.ID), "Baisse des dotations",
				func() error { _, err := st.SWOTItem(ctx, a.ID, item.ID); return err }},
			{fmt.Sprintf("%s/diagnostic/partenariats/%d/suppression", prefix, p.ID), "Ville de Podor",
				func() error { _, err := st.Partnership(ctx, a.ID, p.ID); return err }},
		} {
			c.get(tc.path).mustContain(t, tc.what, "Supprimer définitivement", "Annuler", "Aucun autre élément n'y fait référence")
			if err := tc.gone(); err != nil {
				t.Fatalf("showing the confirmation deleted the record: %v", err)
			}
			res := c.post(tc.path, url.Values{"version": {"7"}})
			wantStatus(t, res, http.StatusConflict, "stale delete")
			res.mustContain(t, "modifié par quelqu'un d'autre")
			wantStatus(t, c.post(tc.path, url.Values{"version": {"1"}}), http.StatusSeeOther, "delete")
			if err := tc.gone(); err == nil {
				t.Errorf("%s: record still there", tc.path)
			}
		}
	})
}

func TestPartnershipFormKeepsBadInputAtTheField(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, a, _, c := diagFixture(t, st)
		p := "/ct/" + a.Slug + "/diagnostic/partenariats"
		good := url.Values{"partner": {"Commune de Podor"}, "country": {"SN"}, "kind": {"cooperation-decentralisee"}, "status": {"active"},
			"start_year": {"2004"}, "yearly_budget": {"15 000"}, "agreement_start": {"2019-06-01"}, "agreement_end": {"2025-05-31"},
			"themes": {"Eau et assainissement\nJeunesse"}, "review_results": {"Trois forages"}}
		for _, tc := range []struct {
			name, field, message, kept string
			change                     func(url.Values)
		}{
			{"end before start", "agreement_end", "ne peut pas précéder son début", "Trois forages", func(v url.Values) { v.Set("agreement_end", "2018-01-01") }},
			{"unknown country", "country", "Code pays inconnu", "Commune de Podor", func(v url.Values) { v.Set("country", "XX") }},
			{"ended without decision", "review_decision", "doit avoir une décision", "Trois forages", func(v url.Values) { v.Set("status", "terminee") }},
			{"empty partner", "partner", "obligatoire", "Eau et assainissement", func(v url.Values) { v.Set("partner", " ") }},
			{"bad budget", "yearly_budget", "montant en euros", "douze mille", func(v url.Values) { v.Set("yearly_budget", "douze mille") }},
			{"bad year", "start_year", "année", "Trois forages", func(v url.Values) { v.Set("start_year", "1900") }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				v := url.Values{}
				for k, x := range good {
					v[k] = append([]string(nil), x...)
				}
				tc.change(v)
				res := c.post(p, v)
				wantStatus(t, res, http.StatusUnprocessableEntity, tc.name)
				res.mustContain(t, `id="f-`+tc.field+`-error"`, tc.message, tc.kept)
			})
		}
		if list, _ := st.Partnerships(context.Background(), a.ID); len(list) != 0 {
			t.Fatalf("refused forms saved %d partnerships", len(list))
		}
		wantStatus(t, c.post(p, good), http.StatusSeeOther, "good partnership")
		list, _ := st.Partnerships(context.Background(), a.ID)
		if len(list) != 1 || list[0].Partnership.YearlyBudgetCents == nil || *list[0].Partnership.YearlyBudgetCents != 1_500_000 || len(list[0].Partnership.Themes) != 2 {
			t.Fatalf("stored: %+v", list)
		}
		c.get(p).mustContain(t, "Commune de Podor", "Sénégal", "15\u202f000", "1 partenariat sur 1")
		c.get(p+"?theme=jeunesse").mustContain(t, "Commune de Podor")
		c.get(p+"?pays=DE").mustContain(t, "Aucun partenariat ne correspond")
		c.get(p+"/carte").mustContain(t, "<svg", "Partenariat actif (1 pays) : Sénégal")
		csv := c.get(p + "/export.csv")
		if !strings.Contains(csv.body, "Commune de Podor") || !strings.HasPrefix(csv.header.Get("Content-Type"), "text/csv") {
			t.Errorf("CSV export: %s %q", csv.header.Get("Content-Type"), csv.body)
		}
	})
}

func TestPartnershipListPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, a, _, c := diagFixture(t, st)
		for i := range 45 {
			p := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: diagnostic.Partnership{Partner: fmt.Sprintf("Partenaire %02d", i), Countries: []string{"DE"},
				Kind: diagnostic.KindTwinning, Status: diagnostic.StatusActive}}
			if err := st.CreatePartnership(context.Background(), store.Actor{}, &p); err != nil {
				t.Fatal(err)
			}
		}
		p := "/ct/" + a.Slug + "/diagnostic/partenariats"
		first := c.get(p)
		first.mustContain(t, "page 1 sur 3", "Partenaire 00", "Page suivante")
		if strings.Contains(first.body, "Partenaire 20") || strings.Contains(first.body, "Page précédente") {
			t.Error("page 1 shows more than its share")
		}
		c.get(p+"?page=3&statut=active").mustContain(t, "Partenaire 44", "Page précédente", "statut=active")
	})
}

func TestAwarenessFormsAndCoverage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, a, _, c := diagFixture(t, st)
		p := "/ct/" + a.Slug + "/sensibilisation"
		wantStatus(t, c.post(p+"/services", url.Values{"services": {"Eau\nCulture\nJeunesse"}, "version": {"0"}}), http.StatusSeeOther, "services")
		res := c.post(p+"/seances", url.Values{"title": {"Comité de direction"}, "date": {"31/02/2026"}, "format": {"reunion"}, "attendees": {"Julien Morel ; Eau"}})
		wantStatus(t, res, http.StatusUnprocessableEntity, "bad session")
		res.mustContain(t, `id="f-date-error"`, `id="f-audiences-error"`, "Julien Morel ; Eau")
		wantStatus(t, c.post(p+"/seances", url.Values{"title": {"Comité de direction"}, "date": {"2026-02-03"}, "format": {"reunion"},
			"audiences": {"services"}, "attendees": {"Julien Morel ; Eau\nLéa Roy ; eau \nMarc Petit ; Sports"}}), http.StatusSeeOther, "session")
		page := c.get(p + "/seances")
		page.mustContain(t, "3 février 2026", "Comité de direction", "jamais touchés :", "Culture, Jeunesse", "Sports", "(hors liste)")

		// The argument: bad input is kept, then the print view has the chosen stakes in the guide's order.
		res = c.post(p+"/enjeux", url.Values{"authority": {"Ville Alpha"}, "version": {"0"}, "local_facts": {"152 400 habitants"}})
		wantStatus(t, res, http.StatusUnprocessableEntity, "argument without stake")
		res.mustContain(t, "Choisissez au moins un enjeu", "152 400 habitants")
		wantStatus(t, c.post(p+"/enjeux", url.Values{"authority": {"Ville Alpha"}, "version": {"0"}, "stakes": {"global.odd", "atouts.jeunes"},
			"note_atouts-jeunes": {"800 jeunes en mobilité Erasmus+"}, "local_facts": {"152 400 habitants"}}), http.StatusSeeOther, "argument")
		doc := c.get(p + "/argumentaire")
		doc.mustContain(t, "Pourquoi une stratégie d'action internationale pour Ville Alpha ?", "800 jeunes en mobilité Erasmus+",
			"L.1115-1", "152 400 habitants", "13\u00a0%")
		if strings.Index(doc.body, "Les atouts du territoire") > strings.Index(doc.body, "La capacité à agir") {
			t.Error("stakes must follow the guide's order")
		}

		// Principles: a comment without rating is refused at its field; conditions show up on the home page.
		res = c.post(p+"/principes", url.Values{"version": {"0"}, "comment_ciblage": {"À revoir"}, "conditions": {"portage-politique"}})
		wantStatus(t, res, http.StatusUnprocessableEntity, "comment without rating")
		res.mustContain(t, `id="f-rating_ciblage-error"`, "À revoir")
		wantStatus(t, c.post(p+"/principes", url.Values{"version": {"0"}, "rating_ciblage": {"2"}, "comment_ciblage": {"À revoir"},
			"conditions": {"portage-politique", "diagnostic"}}), http.StatusSeeOther, "principles")
		home := c.get("/ct/" + a.Slug + "/")
		home.mustContain(t, "2 conditions réunies sur 9", "Sensibilisation des élus")
		if strings.Contains(home.body, "<strong>Portage politique</strong>") {
			t.Error("a met condition is listed as missing")
		}
	})
}

func TestDiagnosticRolesAndSummary(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, a, strat, agent := diagFixture(t, st)
		item := diagnostic.ItemRecord{AuthorityID: a.ID, StrategyID: strat.ID, Item: diagnostic.Item{Quadrant: diagnostic.Opportunities, Scope: diagnostic.ScopeActors, Text: "Appel FICOL", Weight: 3}}
		if err := st.CreateSWOTItem(context.Background(), store.Actor{}, &item); err != nil {
			t.Fatal(err)
		}
		p := "/ct/" + a.Slug
		reader := app.signIn("lecteur@ville-alpha.test")
		page := reader.get(p + "/diagnostic/afom")
		page.mustContain(t, "Appel FICOL")
		if strings.Contains(page.body, "Ajouter un élément") || strings.Contains(page.body, "Supprimer") {
			t.Error("a reader is offered editing")
		}
		wantStatus(t, reader.post(p+"/diagnostic/afom", url.Values{"quadrant": {"forces"}, "scope": {"ct"}, "weight": {"1"}, "text": {"x"}}), http.StatusForbidden, "reader posts")
		partner := app.signIn("partenaire@ville-alpha.test")
		wantStatus(t, partner.get(p+"/diagnostic/afom"), http.StatusForbidden, "partner reads")
		partner.get(p+"/diagnostic").mustContain(t, "Ce travail est interne à la collectivité")
		agent.get(p+"/diagnostic").mustContain(t, "Éléments par quadrant", "Opportunités", "Les populations")
		agent.get(p+"/diagnostic/synthese").mustContain(t, "Synthèse du diagnostic", "Appel FICOL", "Aucun partenariat n'est recensé")
	})
}

// TestDemoDiagnosticPages opens every diagnostic page on the demo authority, whose content is realistic
// in size, so the HTML check runs on filled pages too.
func TestDemoDiagnosticPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := demo.Load(ctx, st); err != nil {
			t.Fatal(err)
		}
		app := newTestApp(t, st)
		c := app.client()
		wantStatus(t, c.post("/connexion", url.Values{"email": {"agent@demo.boussole.test"}, "password": {demo.Password}}), http.StatusSeeOther, "sign-in")
		au, _ := st.AuthorityBySlug(ctx, demo.Slug)
		list, _ := st.Strategies(ctx, au.ID)
		strat, _ := focusStrategy(list)
		items, _ := st.SWOTItems(ctx, au.ID, strat.ID)
		partners, _ := st.Partnerships(ctx, au.ID)
		sessions, _ := st.AwarenessSessions(ctx, au.ID, strat.ID)
		if len(items) < 25 || len(partners) != 14 || len(sessions) != 6 {
			t.Fatalf("demo: %d items, %d partnerships, %d sessions", len(items), len(partners), len(sessions))
		}
		p := "/ct/" + demo.Slug
		for path, wants := range map[string][]string{
			"/":                                             {"Conditions facilitantes", "4 conditions réunies sur 9", "Co-construction"},
			"/sensibilisation":                              {"8 enjeux retenus", "Direction des sports"},
			"/sensibilisation/enjeux":                       {"86 jeunes"},
			"/sensibilisation/argumentaire":                 {"Pourquoi une stratégie d'action internationale pour Grand Belval Agglomération ?", "Notre territoire"},
			"/sensibilisation/seances":                      {"Formation : monter un projet européen", "Petite enfance"},
			"/sensibilisation/principes":                    {"Douze partenariats dans huit pays"},
			"/diagnostic":                                   {"14 partenariats dans 10 pays", "Éléments par quadrant"},
			"/diagnostic/synthese":                          {"Revue critique des partenariats", "Commune de Ziguinchor"},
			"/diagnostic/afom":                              {"Le FICOL de l'AFD", "Monter : "},
			"/diagnostic/partenariats":                      {"Stadt Talheim am Main", "Vietnam"},
			"/diagnostic/partenariats/carte":                {"Partenariat actif", "Sénégal"},
			fmt.Sprintf("/diagnostic/afom/%d", items[0].ID): {"Modifier un élément"},
			fmt.Sprintf("/diagnostic/afom/%d/fusion", items[0].ID):                 {"Élément à fondre"},
			fmt.Sprintf("/diagnostic/partenariats/%d", partners[0].ID):             {"Revue critique"},
			fmt.Sprintf("/sensibilisation/seances/%d", sessions[0].ID):             {"Participants"},
			fmt.Sprintf("/sensibilisation/seances/%d/suppression", sessions[0].ID): {"Supprimer définitivement"},
		} {
			res := c.get(p + path)
			wantStatus(t, res, http.StatusOK, path)
			res.mustContain(t, wants...)
		}
		// Two partnerships carry their signed agreement as a PDF.
		withDocument := 0
		for _, pa := range partners {
			if pa.Partnership.Agreement.DocumentID == "" {
				continue
			}
			withDocument++
			res := c.get(fmt.Sprintf("%s/diagnostic/partenariats/%d/document", p, pa.ID))
			wantStatus(t, res, http.StatusOK, "demo document of "+pa.Partnership.Partner)
			if !strings.HasPrefix(res.body, "%PDF-") || res.header.Get("Content-Type") != "application/pdf" {
				t.Errorf("%s: not a PDF download", pa.Partnership.Partner)
			}
		}
		if withDocument != 2 {
			t.Errorf("%d demo partnerships with a document, want 2", withDocument)
		}
	})
}
