package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/consultation"
	"boussole/internal/demo"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/partialdate"
	"boussole/internal/publicpage"
	"boussole/internal/schedule"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// publicFixture is an authority whose every part holds a mark saying what it is, so that a test can tell
// which part reached a public page.
type publicFixture struct {
	app          *testApp
	authority    model.Authority
	open, draft  consultation.Consultation
	openQuestion int64
}

func newPublicFixture(t *testing.T, st *store.Store) publicFixture {
	t.Helper()
	ctx := context.Background()
	app := newTestApp(t, st)
	a := app.workspace("Ville Ouverte")
	strategy := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(t, st.CreateStrategy(ctx, store.Actor{}, &strategy, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	k := logframe.KeyElementsRecord{AuthorityID: a.ID, StrategyID: strategy.ID, Vision: "MARQUE-VISION", Mission: "MARQUE-MISSION", GeneralTitle: "MARQUE-OBJECTIF-GENERAL"}
	must(t, st.SaveKeyElements(ctx, store.Actor{}, &k))
	o := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: strategy.ID, SpecificObjective: logframe.SpecificObjective{Title: "MARQUE-OBJECTIF-SPECIFIQUE"}}
	must(t, st.CreateObjective(ctx, store.Actor{}, &o))
	for _, in := range []logframe.IndicatorRecord{
		{AuthorityID: a.ID, StrategyID: strategy.ID, Indicator: logframe.Indicator{Title: "MARQUE-INDICATEUR-PUBLIC", Public: true, Level: logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}}},
		{AuthorityID: a.ID, StrategyID: strategy.ID, Indicator: logframe.Indicator{Title: "MARQUE-INDICATEUR-INTERNE", Level: logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}}},
	} {
		must(t, st.SaveIndicator(ctx, store.Actor{}, &in))
	}
	th := logframe.ThematicPriorityRecord{AuthorityID: a.ID, StrategyID: strategy.ID, Policy: "MARQUE-THEME"}
	must(t, st.SaveThematicPriority(ctx, store.Actor{}, &th))
	soon := partialdate.FromTime(time.Now().AddDate(0, 1, 0))
	for _, m := range []schedule.MilestoneRecord{
		{AuthorityID: a.ID, StrategyID: strategy.ID, Kind: schedule.MilestoneSteering, Title: "MARQUE-JALON-PUBLIC", Date: soon, Public: true},
		{AuthorityID: a.ID, StrategyID: strategy.ID, Kind: schedule.MilestoneSteering, Title: "MARQUE-JALON-INTERNE", Date: soon},
	} {
		must(t, st.CreateMilestone(ctx, store.Actor{}, &m))
	}
	today := consultation.Day(time.Now())
	f := publicFixture{app: app, authority: a}
	f.draft = consultation.Consultation{AuthorityID: a.ID, Title: "MARQUE-BROUILLON", OpensOn: today, ClosesOn: today.AddDate(0, 0, 10), RetentionMonths: 12}
	must(t, st.CreateConsultation(ctx, store.Actor{}, &f.draft))
	f.open = consultation.Consultation{AuthorityID: a.ID, Title: "Consultation ouverte", Context: "Dites-nous", OpensOn: today.AddDate(0, 0, -5),
		ClosesOn: today.AddDate(0, 0, 10), RetentionMonths: 12, AskCommune: true, AskAge: true}
	must(t, st.CreateConsultation(ctx, store.Actor{}, &f.open))
	for _, q := range []consultation.Question{
		{ConsultationID: f.open.ID, Kind: consultation.OpenText, Prompt: "Qu'attendez-vous ?"},
		{ConsultationID: f.open.ID, Kind: consultation.Single, Prompt: "Connaissez-vous nos jumelages ?", Choices: []string{"Oui", "Non"}, Required: true},
		{ConsultationID: f.open.ID, Kind: consultation.Ranking, Prompt: "Classez ces thèmes", Choices: []string{"Eau", "Jeunesse", "Climat"}},
	} {
		must(t, st.SaveQuestion(ctx, store.Actor{}, a.ID, &q))
	}
	f.open.Status = consultation.Open
	must(t, st.UpdateConsultation(ctx, store.Actor{}, &f.open))
	f.open, _ = st.Consultation(ctx, a.ID, f.open.ID)
	f.openQuestion = f.open.Questions[0].ID
	return f
}

func (f publicFixture) setProfile(t *testing.T, p publicpage.Profile) {
	t.Helper()
	old, err := f.app.st.PublicProfile(context.Background(), f.authority.ID)
	must(t, err)
	p.AuthorityID, p.Version = f.authority.ID, old.Version
	must(t, f.app.st.SavePublicProfile(context.Background(), store.Actor{}, &p))
}

// contribute sends the open consultation a contribution whose open answer is text, from addr.
func (f publicFixture) contribute(t *testing.T, text string, extra url.Values) response {
	t.Helper()
	v := url.Values{"category": {"citoyen"}, "q" + strconv.FormatInt(f.openQuestion, 10): {text}, "q" + strconv.FormatInt(f.open.Questions[1].ID, 10): {"Oui"}}
	for k, vals := range extra {
		v[k] = vals
	}
	return f.app.client().post("/public/"+f.authority.Slug+"/consultations/"+strconv.FormatInt(f.open.ID, 10), v)
}

var personalLink = regexp.MustCompile(`href="http://[^"]+(/public/[^"/]+/contribution/[A-Za-z0-9_-]+)"`)

// TestPublicPageShowsOnlyWhatIsMarked opens the public page and the results as a visitor, with each public
// mark off and then on: nothing unmarked, no draft, no internal milestone, no contribution awaiting
// moderation or hidden, and no contributor's personal data ever appears.
func TestPublicPageShowsOnlyWhatIsMarked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newPublicFixture(t, st)
		visitor := f.app.client()
		page := "/public/" + f.authority.Slug
		if res := visitor.get(page); res.status != http.StatusNotFound {
			t.Fatalf("an unpublished page answers %d", res.status)
		}
		f.setProfile(t, publicpage.Profile{Published: true, Contact: "ri@ouverte.test"})
		for _, text := range []string{"MARQUE-PUBLIEE", "MARQUE-EN-ATTENTE", "MARQUE-MASQUEE"} {
			res := f.contribute(t, text, url.Values{"pseudonym": {"MARQUE-PSEUDO"}, "email": {"marque@perso.test"}, "email_use": {"resultats"}})
			if res.status != http.StatusOK {
				t.Fatalf("contribution %s: %d\n%s", text, res.status, summaryText(res.body))
			}
		}
		list, err := st.AllContributions(context.Background(), f.authority.ID, f.open.ID)
		must(t, err)
		for _, k := range list {
			switch k.Answers[0].Text {
			case "MARQUE-PUBLIEE":
				_, err = st.ModerateContribution(context.Background(), store.Actor{}, f.authority.ID, k.ID, consultation.Published, "")
			case "MARQUE-MASQUEE":
				_, err = st.ModerateContribution(context.Background(), store.Actor{}, f.authority.ID, k.ID, consultation.Hidden, "hors sujet")
			}
			must(t, err)
		}
		never := []string{"MARQUE-INDICATEUR-INTERNE", "MARQUE-JALON-INTERNE", "MARQUE-BROUILLON", "MARQUE-EN-ATTENTE", "MARQUE-MASQUEE", "MARQUE-PSEUDO", "marque@perso.test"}
		marked := map[string]func(*publicpage.Profile){
			"MARQUE-VISION":              func(p *publicpage.Profile) { p.ShowKeyElements = true },
			"MARQUE-OBJECTIF-SPECIFIQUE": func(p *publicpage.Profile) { p.ShowObjectives = true },
			"MARQUE-THEME":               func(p *publicpage.Profile) { p.ShowPriorities = true },
			"MARQUE-JALON-PUBLIC":        func(p *publicpage.Profile) { p.ShowCalendar = true },
		}
		f.setProfile(t, publicpage.Profile{Published: true, Contact: "ri@ouverte.test"})
		res := visitor.get(page)
		if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Cache-Control"), "public") {
			t.Fatalf("published page: %d %q", res.status, res.header.Get("Cache-Control"))
		}
		res.mustContain(t, "Consultation ouverte", "ri@ouverte.test", "MARQUE-INDICATEUR-PUBLIC")
		for mark := range marked {
			if strings.Contains(res.body, mark) {
				t.Errorf("with no mark, the page shows %s", mark)
			}
		}
		all := publicpage.Profile{Published: true, Contact: "ri@ouverte.test"}
		for mark, set := range marked {
			one := publicpage.Profile{Published: true, Contact: "ri@ouverte.test"}
			set(&one)
			set(&all)
			f.setProfile(t, one)
			got := visitor.get(page)
			got.mustContain(t, mark)
			for other := range marked {
				if other != mark && strings.Contains(got.body, other) {
					t.Errorf("marking only %s shows %s", mark, other)
				}
			}
		}
		f.setProfile(t, all)
		full := visitor.get(page)
		cid := strconv.FormatInt(f.open.ID, 10)
		if res := visitor.get(page + "/consultations/" + cid + "/resultats"); res.status != http.StatusNotFound {
			t.Errorf("unpublished results answer %d", res.status)
		}
		c, _ := st.Consultation(context.Background(), f.authority.ID, f.open.ID)
		c.ResultsPublic, c.Response = true, "Nous retenons la jeunesse."
		must(t, st.SaveSynthesis(context.Background(), store.Actor{}, &c))
		results := visitor.get(page + "/consultations/" + cid + "/resultats")
		results.mustContain(t, "MARQUE-PUBLIEE", "Nous retenons la jeunesse.", "Ce que nous avons retenu")
		draft := visitor.get(page + "/consultations/" + strconv.FormatInt(f.draft.ID, 10))
		if draft.status != http.StatusNotFound {
			t.Errorf("a draft consultation answers %d", draft.status)
		}
		feed := visitor.get(page + "/calendrier.ics")
		for _, body := range []string{full.body, results.body, visitor.get(page + "/consultations/" + cid).body, feed.body} {
			for _, s := range never {
				if strings.Contains(body, s) {
					t.Errorf("a public page shows %s", s)
				}
			}
		}
	})
}

// TestContributeAsACitizen contributes without an account: refusals at their field with what was typed
// kept, hostile text shown as text, a double submission refused politely, the honeypot, then the
// personal link that shows, exports and erases the contribution.
func TestContributeAsACitizen(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newPublicFixture(t, st)
		f.setProfile(t, publicpage.Profile{Published: true, Contact: "ri@ouverte.test", DPO: "dpo@ouverte.test", Address: "1 place de la Mairie"})
		visitor := f.app.client()
		form := visitor.get("/public/" + f.authority.Slug + "/consultations/" + strconv.FormatInt(f.open.ID, 10))
		form.mustContain(t, "Vos données personnelles", "dpo@ouverte.test", "mission d'intérêt public", "Envoyer ma contribution")

		qs := f.open.Questions
		bad := f.contribute(t, strings.Repeat("é", 10001), url.Values{"category": {""}, "q" + strconv.FormatInt(qs[1].ID, 10): {""},
			"commune": {"Belval-sur-Mer"}, "q" + strconv.FormatInt(qs[2].ID, 10) + "-0": {"1"}, "q" + strconv.FormatInt(qs[2].ID, 10) + "-1": {"1"}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad contribution: %d", bad.status)
		}
		bad.mustContain(t, "10001 caractères", "Cette question demande une réponse.", "Indiquez à quel titre vous contribuez.", "Le rang 1 est donné à deux choix", "Belval-sur-Mer")
		if bad.header.Get("Cache-Control") != "no-store" {
			t.Errorf("a refused form is cached: %q", bad.header.Get("Cache-Control"))
		}

		hostile := `<script>alert("x")</script><b>gras</b>`
		ok := f.contribute(t, hostile, url.Values{"email": {"camille@perso.test"}, "email_use": {"confirmer"}})
		if ok.status != http.StatusOK || strings.Contains(ok.body, "<script>alert") {
			t.Fatalf("contribution: %d", ok.status)
		}
		ok.mustContain(t, "Merci, votre contribution est bien reçue")
		m := personalLink.FindStringSubmatch(ok.body)
		if m == nil {
			t.Fatalf("no personal link after contributing: %s", ok.body[strings.Index(ok.body, "Merci"):][:600])
		}
		again := f.contribute(t, hostile, url.Values{"email": {"camille@perso.test"}, "email_use": {"confirmer"}})
		if again.status != http.StatusConflict {
			t.Errorf("a double submission answers %d", again.status)
		}
		again.mustContain(t, "déjà reçu cette contribution")
		robot := f.contribute(t, "je suis un robot", url.Values{honeypot: {"http://spam.test"}})
		robot.mustContain(t, "Merci")
		list, err := st.AllContributions(context.Background(), f.authority.ID, f.open.ID)
		must(t, err)
		if len(list) != 1 {
			t.Fatalf("%d contributions stored, want 1 (refused, duplicate and robot left out)", len(list))
		}

		mine := visitor.get(m[1])
		if mine.status != http.StatusOK || mine.header.Get("X-Robots-Tag") == "" || !strings.Contains(mine.header.Get("Cache-Control"), "no-store") {
			t.Fatalf("personal page: %d %v", mine.status, mine.header)
		}
		mine.mustContain(t, "camille@perso.test (confirmée)", "Exporter ma contribution")
		if strings.Contains(mine.body, "<script>alert") {
			t.Error("the personal page runs the stored script")
		}
		export := visitor.get(m[1] + "/export.json")
		if !strings.Contains(export.body, `"courriel": "camille@perso.test"`) || !strings.Contains(export.body, "gras") {
			t.Errorf("export: %s", export.body)
		}
		visitor.get(m[1]+"/effacement").mustContain(t, "Effacer votre contribution ?")
		visitor.post(m[1]+"/effacement", nil).mustContain(t, "Votre contribution est effacée")
		if res := visitor.get(m[1]); res.status != http.StatusNotFound {
			t.Errorf("an erased contribution's link answers %d", res.status)
		}
		if list, _ := st.AllContributions(context.Background(), f.authority.ID, f.open.ID); len(list) != 0 {
			t.Errorf("%d contributions left after erasure", len(list))
		}
	})
}

// TestContributionFloodIsThrottled sends more contributions than one address may: past the burst, a
// French 429 that says to wait, while what was accepted is all stored.
func TestContributionFloodIsThrottled(t *testing.T) {
	f := newPublicFixture(t, storetest.SQLite(t))
	f.setProfile(t, publicpage.Profile{Published: true, Contact: "ri@ouverte.test"})
	accepted, limited := 0, 0
	for i := range contributionBurst + 5 {
		res := f.contribute(t, "contribution "+strconv.Itoa(i), nil)
		switch res.status {
		case http.StatusOK:
			accepted++
		case http.StatusTooManyRequests:
			limited++
			res.mustContain(t, "Attendez une minute")
		default:
			t.Fatalf("status %d", res.status)
		}
	}
	list, _ := f.app.st.AllContributions(context.Background(), f.authority.ID, f.open.ID)
	if limited == 0 || accepted != len(list) {
		t.Errorf("accepted %d, stored %d, limited %d", accepted, len(list), limited)
	}
}

func TestPublicPageShowsValidatedProgressAndThePriorityMap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, _ := demoOn(t, st)
		a, err := st.AuthorityBySlug(ctx, demo.Slug)
		must(t, err)
		list, err := st.Strategies(ctx, a.ID)
		must(t, err)
		focus, ok := publicFocus(list)
		if !ok {
			t.Fatal("the demo has no strategy to publish")
		}
		ms, err := st.PublicMeasurements(ctx, a.ID, focus.ID)
		must(t, err)
		if len(ms) == 0 {
			t.Fatal("the demo's public indicators have no validated measurement: the test would prove nothing")
		}
		all, err := st.Measurements(ctx, a.ID, focus.ID)
		must(t, err)
		if len(all) <= len(ms) {
			t.Errorf("every measurement is public and validated (%d of %d): the filter is not exercised", len(ms), len(all))
		}
		for _, m := range ms {
			if m.Review != monitoring.ReviewValidated {
				t.Errorf("a measurement under review reaches the public page: %+v", m)
			}
		}
		page := app.client().get("/public/" + demo.Slug)
		page.mustContain(t, "Dernière valeur validée", "Avancement vers la cible", "<progress", "Pays prioritaires", "<svg")
	})
}
