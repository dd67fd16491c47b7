package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/consultation"
	"boussole/internal/demo"
	"boussole/internal/stakeholder"
	"boussole/internal/steering"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

// TestTeamRunsAConsultation creates a consultation through the pages, adds its questions, opens it,
// receives a contribution, moderates it, writes and publishes the synthesis, and exports: each step as
// the officer, and the elected member sees but cannot change, the partner sees only what is public.
func TestTeamRunsAConsultation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Active")
		agent := app.signIn("agent@" + a.Slug + ".test")
		base := "/ct/" + a.Slug + "/participation"
		agent.get(base).mustContain(t, "Aucune consultation", "Nouvelle consultation")
		bad := agent.post(base+"/consultations", url.Values{"title": {"Avis"}, "opens_on": {"2026-12-01"}, "closes_on": {"2026-11-01"}, "retention": {"99"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad consultation: %d", bad.status)
		}
		bad.mustContain(t, "La clôture doit venir après l'ouverture", "entre 1 et 36 mois", `value="Avis"`)
		res := agent.post(base+"/consultations", url.Values{"title": {"Nos priorités"}, "context": {"Pourquoi"}, "opens_on": {"2026-01-01"},
			"closes_on": {"2036-12-31"}, "retention": {"12"}, "categories": {"citoyen", "association"}, "ask_commune": {"1"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("create: %d %s", res.status, summaryText(res.body))
		}
		cURL := strings.SplitN(res.location, "?", 2)[0]
		page := agent.get(res.location)
		page.mustContain(t, "Ajoutez au moins une question avant d'ouvrir la consultation.")
		bad = agent.post(cURL+"/questions", url.Values{"kind": {"classement"}, "prompt": {"Classez"}, "choice_1": {"Eau"}})
		bad.mustContain(t, "Écrivez au moins deux choix")
		for _, q := range []url.Values{
			{"kind": {"texte"}, "prompt": {"Qu'attendez-vous ?"}},
			{"kind": {"classement"}, "prompt": {"Classez les thèmes"}, "choice_1": {"Eau"}, "choice_2": {"Jeunesse"}, "choice_3": {"Climat"}, "required": {"1"}},
		} {
			if res := agent.post(cURL+"/questions", q); res.status != http.StatusSeeOther {
				t.Fatalf("question: %d %s", res.status, summaryText(res.body))
			}
		}
		c := agent.get(cURL)
		version := regexp.MustCompile(`name="version" value="([0-9]+)"`).FindStringSubmatch(c.body)[1]
		if res := agent.post(cURL+"/statut", url.Values{"status": {"ouverte"}, "version": {version}}); res.status != http.StatusSeeOther {
			t.Fatalf("open: %d %s", res.status, summaryText(res.body))
		}
		id, _ := strconv.ParseInt(cURL[strings.LastIndex(cURL, "/")+1:], 10, 64)
		stored, err := st.Consultation(context.Background(), a.ID, id)
		must(t, err)
		if stored.Status != consultation.Open || len(stored.Questions) != 2 || len(stored.Categories) != 2 || !stored.AskCommune {
			t.Fatalf("stored: %+v", stored)
		}
		// A contribution, from the public form.
		publish := agent.get(base + "/page-publique")
		pv := regexp.MustCompile(`name="version" value="([0-9]+)"`).FindStringSubmatch(publish.body)[1]
		if res := agent.post(base+"/page-publique", url.Values{"published": {"1"}, "version": {pv}}); res.status != http.StatusUnprocessableEntity {
			t.Errorf("published without contact: %d", res.status)
		}
		if res := agent.post(base+"/page-publique", url.Values{"published": {"1"}, "contact": {"ri@active.test"}, "version": {pv}}); res.status != http.StatusSeeOther {
			t.Fatalf("profile: %d %s", res.status, summaryText(res.body))
		}
		q0, q1 := strconv.FormatInt(stored.Questions[0].ID, 10), strconv.FormatInt(stored.Questions[1].ID, 10)
		visitor := app.client()
		if res := visitor.post("/public/"+a.Slug+"/consultations/"+strconv.FormatInt(id, 10), url.Values{"category": {"association"}, "q" + q0: {"Un jumelage scolaire"},
			"q" + q1 + "-1": {"1"}, "q" + q1 + "-0": {"2"}, "pseudonym": {"Dominique"}, "email": {"d@perso.test"}, "email_use": {"resultats"}}); res.status != http.StatusOK {
			t.Fatalf("contribution: %d %s", res.status, summaryText(res.body))
		}
		queue := agent.get(cURL + "/moderation")
		queue.mustContain(t, "Un jumelage scolaire", "Dominique", "1. Jeunesse, 2. Eau")
		list, _ := st.AllContributions(context.Background(), a.ID, id)
		kURL := cURL + "/contributions/" + strconv.FormatInt(list[0].ID, 10) + "/moderation"
		bad = agent.post(kURL, url.Values{"state": {"masquee"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("hidden without reason: %d", bad.status)
		}
		bad.mustContain(t, "Dites pourquoi la contribution est masquée")
		if res := agent.post(kURL, url.Values{"state": {"publiee"}}); res.status != http.StatusSeeOther {
			t.Fatalf("moderate: %d", res.status)
		}
		syn := agent.get(cURL + "/synthese")
		syn.mustContain(t, "Contributions par catégorie", "Un jumelage scolaire", "Jeunesse")
		sv := regexp.MustCompile(`name="version" value="([0-9]+)"`).FindStringSubmatch(syn.body)[1]
		if res := agent.post(cURL+"/synthese", url.Values{"synthesis": {"Synthèse"}, "response": {"Nous retenons la jeunesse"}, "results_public": {"1"}, "version": {sv}}); res.status != http.StatusSeeOther {
			t.Fatalf("synthesis: %d %s", res.status, summaryText(res.body))
		}
		visitor.get("/public/"+a.Slug+"/consultations/"+strconv.FormatInt(id, 10)+"/resultats").mustContain(t, "Nous retenons la jeunesse", "Un jumelage scolaire")
		csv := agent.get(cURL + "/contributions.csv")
		if !strings.Contains(csv.body, "d@perso.test") || !strings.Contains(csv.body, "Un jumelage scolaire") {
			t.Errorf("officer's export: %s", csv.body)
		}
		if x := agent.get(cURL + "/contributions.xlsx"); x.status != http.StatusOK || !strings.HasPrefix(x.body, "PK") {
			t.Errorf("XLSX export: %d", x.status)
		}
		agent.get(cURL+"/registre.csv").mustContain(t, "Responsable du traitement", "mission d'intérêt public")

		elu := app.signIn("elu@" + a.Slug + ".test")
		if csv := elu.get(cURL + "/contributions.csv"); strings.Contains(csv.body, "d@perso.test") || !strings.Contains(csv.body, "Un jumelage scolaire") {
			t.Errorf("elected member's export: %s", csv.body)
		}
		if strings.Contains(elu.get(cURL+"/moderation").body, "Dominique") {
			t.Error("the elected member sees the pseudonym")
		}
		if res := elu.post(kURL, url.Values{"state": {"masquee"}, "reason": {"x"}}); res.status != http.StatusForbidden {
			t.Errorf("the elected member moderates: %d", res.status)
		}
		partner := app.signIn("partenaire@" + a.Slug + ".test")
		home := partner.get(base)
		home.mustContain(t, "Nos priorités")
		if strings.Contains(home.body, cURL) {
			t.Error("the partner is linked to the team's pages")
		}
		if res := partner.get(cURL + "/moderation"); res.status != http.StatusForbidden {
			t.Errorf("the partner opens the moderation: %d", res.status)
		}
	})
}

// TestMeetingsPages records a steering committee with its invited and present stakeholders through the
// pages, refuses a stakeholder of another authority at its field, and shows the meeting to the elected
// member without its form.
func TestMeetingsPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Réunie")
		ctx := context.Background()
		var ids []string
		for _, n := range []string{"Lycée Jean Moulin", "Association Sahel"} {
			sh := stakeholder.Stakeholder{Name: n, Kind: stakeholder.KindUniversity}
			must(t, st.CreateStakeholder(ctx, store.Actor{}, a.ID, &sh))
			ids = append(ids, strconv.FormatInt(sh.ID, 10))
		}
		agent := app.signIn("agent@" + a.Slug + ".test")
		base := "/ct/" + a.Slug + "/participation/reunions"
		agent.get(base).mustContain(t, "Aucune réunion à venir", "Lycée Jean Moulin")
		bad := agent.post(base, url.Values{"kind": {"comite-pilotage"}, "title": {"Comité"}, "held_on": {"2027-06-24"}, "invited": {"999999"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("unknown stakeholder: %d", bad.status)
		}
		bad.mustContain(t, "Choisissez les acteurs dans la liste")
		res := agent.post(base, url.Values{"kind": {"comite-pilotage"}, "title": {"Comité 2027"}, "held_on": {"2027-06-24"}, "place": {"Salle du conseil"},
			"invited": ids, "attended": {ids[1]}, "decisions": {"Lancer FICOL\nRéunir le groupe eau"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("create: %d %s", res.status, summaryText(res.body))
		}
		page := agent.get(strings.SplitN(res.location, "?", 2)[0])
		page.mustContain(t, "Comité de pilotage du 24 juin 2027 (Salle du conseil)", "Lancer FICOL")
		elu := app.signIn("elu@" + a.Slug + ".test")
		seen := elu.get(strings.SplitN(res.location, "?", 2)[0])
		seen.mustContain(t, "Association Sahel", "Réunir le groupe eau")
		if strings.Contains(seen.body, `name="title"`) {
			t.Error("the elected member gets the edit form")
		}
	})
}

// TestCommunicationPlanPages adds an internal action through the pages, refuses one that ends before it
// starts, and files it under internal communication.
func TestCommunicationPlanPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Communicante")
		agent := app.signIn("agent@" + a.Slug + ".test")
		base := "/ct/" + a.Slug + "/participation/communication"
		agent.get(base).mustContain(t, "Aucune action de communication externe prévue.")
		bad := agent.post(base, url.Values{"kind": {"cafe-thematique"}, "title": {"Café"}, "start_on": {"2027-03-02"}, "end_on": {"2027-03-01"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("end before start: %d", bad.status)
		}
		bad.mustContain(t, "La fin doit venir après le début.", `value="Café"`)
		res := agent.post(base, url.Values{"kind": {"cafe-thematique"}, "title": {"Café Sénégal"}, "start_on": {"2027-03-02"}, "owner": {"Mission RI"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("create: %d %s", res.status, summaryText(res.body))
		}
		plan := agent.get(base)
		plan.mustContain(t, "Café Sénégal", "Mission RI")
		if i, j := strings.Index(plan.body, "Communication interne"), strings.Index(plan.body, "Café Sénégal"); i < 0 || j < i {
			t.Error("the café is not filed under internal communication")
		}
	})
}

// TestMeetingDecisionBecomesAnActivity follows a demo meeting's decision into the framework: a result must
// be chosen, the decision's text is kept, a second activity of the same title is warned of, and a reader
// may not do it.
func TestMeetingDecisionBecomesAnActivity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, agent := demoOn(t, st)
		a, err := st.AuthorityBySlug(ctx, demo.Slug)
		must(t, err)
		meetings, err := st.Meetings(ctx, a.ID)
		must(t, err)
		var m steering.Meeting
		for _, x := range meetings {
			if len(x.DecisionList()) > 0 {
				m = x
			}
		}
		if m.ID == 0 {
			t.Fatal("the demo has no meeting with decisions")
		}
		decision := m.DecisionList()[0]
		base := "/ct/" + demo.Slug + "/participation/reunions/" + strconv.FormatInt(m.ID, 10)
		agent.get(base).mustContain(t, "En faire une activité")
		form := agent.get(base + "/activite?decision=1")
		form.mustContain(t, "Faire d&#39;une décision une activité", "Choisissez un résultat", `name="titre"`)
		if res := agent.get(base + "/activite?decision=99"); res.status != http.StatusNotFound {
			t.Errorf("an unknown decision: %d", res.status)
		}
		bad := agent.post(base+"/activite", url.Values{"decision": {"1"}, "titre": {"Mon intitulé gardé"}, "resultat": {"999999"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("no result chosen: %d", bad.status)
		}
		bad.mustContain(t, "Choisissez le résultat attendu", "Mon intitulé gardé", `id="f-resultat-error"`)
		list, err := st.Strategies(ctx, a.ID)
		must(t, err)
		focus, _ := focusStrategy(list) // the strategy the pages show by default
		f, err := st.ReadStrategy(ctx, a.ID, focus.ID, strategy.PartFramework)
		must(t, err)
		if len(f.Framework.Results) == 0 {
			t.Fatal("the demo's strategy has no result")
		}
		result := strconv.FormatInt(f.Framework.Results[0].ID, 10)
		ok := agent.post(base+"/activite", url.Values{"decision": {"1"}, "titre": {decision}, "resultat": {result}, "description": {"Décidé en comité : " + decision}})
		if ok.status != http.StatusSeeOther || !strings.Contains(ok.location, "/cadre-logique/activites/") {
			t.Fatalf("create the activity: %d %s\n%s", ok.status, ok.location, summaryText(ok.body))
		}
		agent.get(strings.SplitN(ok.location, "?", 2)[0]).mustContain(t, "Décidé en comité")
		agent.get(base+"/activite?decision=1").mustContain(t, "Une activité porte déjà cet intitulé")

		reader := app.client()
		reader.post("/connexion", url.Values{"email": {"lecteur@demo.boussole.test"}, "password": {demo.Password}})
		if res := reader.post(base+"/activite", url.Values{"decision": {"1"}, "titre": {"x"}, "resultat": {result}}); res.status != http.StatusForbidden {
			t.Errorf("a reader makes an activity: %d", res.status)
		}
	})
}

// TestTeamFilesOpenAnswersUnderThemes gives a demo contribution its themes, finds it by one of them in
// the moderation queue whatever the case, counts it in the synthesis, and refuses an oversized theme at
// the field with what was typed kept.
func TestTeamFilesOpenAnswersUnderThemes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, admin := demoOn(t, st)
		a, err := st.AuthorityBySlug(ctx, demo.Slug)
		must(t, err)
		list, err := st.Consultations(ctx, a.ID)
		must(t, err)
		var c consultation.Consultation
		var k consultation.Contribution
		for _, x := range list {
			page, _, err := st.Contributions(ctx, a.ID, x.ID, store.ContributionFilter{State: consultation.Published, Limit: 1})
			must(t, err)
			if len(page) > 0 {
				c, k = x, page[0]
			}
		}
		if k.ID == 0 {
			t.Fatal("the demo has no published contribution")
		}
		base := "/ct/" + demo.Slug + "/participation/consultations/" + strconv.FormatInt(c.ID, 10)
		admin.get(base+"/synthese").mustContain(t, "Les réponses libres par thème", "jeunesse", "pas encore de thème")
		themes := base + "/contributions/" + strconv.FormatInt(k.ID, 10) + "/themes"
		res := admin.post(themes, url.Values{"themes": {"Mobilité douce, eau ; mobilité DOUCE"}, "retour": {"?etat=publiee"}})
		if res.status != http.StatusSeeOther || !strings.Contains(res.location, "/moderation?etat=publiee") {
			t.Fatalf("file under themes: %d %s", res.status, res.location)
		}
		got, err := st.Contribution(ctx, a.ID, k.ID)
		must(t, err)
		if !slices.Equal(got.Themes, []string{"Mobilité douce", "eau"}) {
			t.Errorf("themes stored %q", got.Themes)
		}
		found := admin.get(base + "/moderation?etat=publiee&theme=" + url.QueryEscape("MOBILITE douce"))
		found.mustContain(t, "sous le thème", "Contribution n° "+strconv.FormatInt(k.ID, 10), `value="Mobilité douce, eau"`)
		if strings.Count(found.body, `class="mod-item"`) != 1 {
			t.Errorf("the theme finds %d contributions, want 1", strings.Count(found.body, `class="mod-item"`))
		}
		admin.get(base+"/synthese").mustContain(t, "Mobilité douce")

		long := strings.Repeat("thème ", 20)
		bad := admin.post(themes, url.Values{"themes": {long}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("an oversized theme: %d", bad.status)
		}
		bad.mustContain(t, "trop long", `id="f-themes-error"`, strings.TrimSpace(long))
		if got, _ := st.Contribution(ctx, a.ID, k.ID); len(got.Themes) != 2 {
			t.Errorf("a refused form changed the themes: %q", got.Themes)
		}

		reader := app.client()
		reader.post("/connexion", url.Values{"email": {"lecteur@demo.boussole.test"}, "password": {demo.Password}})
		if res := reader.post(themes, url.Values{"themes": {"x"}}); res.status != http.StatusForbidden {
			t.Errorf("a reader files a contribution: %d", res.status)
		}
	})
}
