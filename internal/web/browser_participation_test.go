package web

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/consultation"
	"boussole/internal/demo"
	"boussole/internal/publicpage"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestBrowserCitizenContributesOnAPhone reads the public page and contributes as a citizen without an
// account on a 375-pixel-wide screen: a refused form keeps what was typed with the message at its field,
// the accepted one gives the personal link, and every page passes axe and scrolls only downwards.
func TestBrowserCitizenContributesOnAPhone(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	f := newPublicFixture(t, st)
	f.setProfile(t, publicpage.Profile{Published: true, Contact: "ri@ouverte.test", DPO: "dpo@ouverte.test", Address: "1 place de la Mairie",
		ShowKeyElements: true, ShowObjectives: true, ShowPriorities: true, ShowCalendar: true, ShowAdoption: true})
	b.SetViewport(375, 812)
	check := func(what string) {
		t.Helper()
		if b.Status() != 200 && b.Status() != 422 {
			t.Errorf("%s: status %d", what, b.Status())
		}
		b.CheckPage(t)
		if b.ScrollsHorizontally() {
			t.Errorf("%s scrolls sideways on a phone", what)
		}
	}
	b.Navigate(f.app.srv.URL + "/")
	b.Click("Ville Ouverte")
	check("public page")
	if !strings.Contains(b.Text(), "MARQUE-VISION") {
		t.Error("the public page does not show the vision marked public")
	}
	b.Click("Consultation ouverte")
	check("consultation")
	b.Fill("Qu'attendez-vous ?", "Plus d'échanges entre lycées <script>alert(1)</script>")
	b.Fill("Votre commune", "Belval")
	b.Submit("Envoyer ma contribution")
	check("refused contribution")
	if b.Status() != 422 || !strings.Contains(b.Text(), "Cette question demande une réponse.") {
		t.Fatalf("refusal: %d", b.Status())
	}
	if got := b.Value("Qu'attendez-vous ?"); !strings.Contains(got, "Plus d'échanges entre lycées") {
		t.Errorf("the typed text is lost: %q", got)
	}
	b.SetChecked("Oui", true)
	b.SetChecked("Citoyen·ne", true)
	b.Fill("Jeunesse", "rang 1")
	b.Submit("Envoyer ma contribution")
	check("accepted contribution")
	if !strings.Contains(b.Text(), "Merci, votre contribution est bien reçue") {
		t.Fatalf("no thanks: %s", b.Text())
	}
	b.Click("Ouvrir ma contribution")
	check("personal page")
	if !strings.Contains(b.Text(), "<script>alert(1)</script>") {
		t.Error("the stored text is not shown as typed")
	}

	ctx := context.Background()
	list, err := st.AllContributions(ctx, f.authority.ID, f.open.ID)
	must(t, err)
	if len(list) != 1 || list[0].Commune != "Belval" {
		t.Fatalf("stored: %+v", list)
	}
	if _, err := st.ModerateContribution(ctx, store.Actor{}, f.authority.ID, list[0].ID, consultation.Published, ""); err != nil {
		t.Fatal(err)
	}
	c, _ := st.Consultation(ctx, f.authority.ID, f.open.ID)
	c.ResultsPublic, c.Response, c.Synthesis = true, "Nous ouvrirons un échange de lycéens.", "Une contribution."
	must(t, st.SaveSynthesis(ctx, store.Actor{}, &c))
	b.Navigate(f.app.srv.URL + "/public/" + f.authority.Slug + "/consultations/" + strconv.FormatInt(c.ID, 10) + "/resultats")
	check("results")
	if !strings.Contains(b.Text(), "Ce que nous avons retenu") {
		t.Error("the results lack the authority's response")
	}
}

// TestBrowserTeamModeratesAndPublishes runs the demo's participation pages as the officer: the section, a
// consultation, its moderation queue (one contribution published), its synthesis (the response written
// and published) and the public page's settings, each passing axe; the response then reads on the
// public results.
func TestBrowserTeamModeratesAndPublishes(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	app := newTestApp(t, st)
	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "agent@demo.boussole.test")
	b.Fill("Mot de passe", demo.Password)
	b.Submit("Se connecter")
	b.Navigate(app.srv.URL + "/ct/" + demo.Slug + "/participation")
	b.CheckPage(t)
	b.Click("Belval dans le monde")
	b.CheckPage(t)
	b.Click("Modération")
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "Contributions à modérers") && !strings.Contains(b.Text(), "à modérer") {
		t.Errorf("moderation queue: %s", b.Text())
	}
	b.Submit("Enregistrer la décision") // the first pending one, published (its radio is unset: refused at its field)
	if b.Status() == 422 {
		b.CheckPage(t)
		b.SetChecked("Publier", true)
		b.Submit("Enregistrer la décision")
	}
	if !strings.Contains(b.Text(), "La contribution est modérée.") {
		t.Fatalf("after moderation: %d %s", b.Status(), b.Text())
	}
	b.Navigate(app.srv.URL + "/ct/" + demo.Slug + "/participation")
	b.Click("Belval dans le monde")
	b.Click("Synthèse et réponse")
	b.CheckPage(t)
	b.Fill("Ce que nous avons retenu", "Nous retenons l'eau, la jeunesse et un café thématique deux fois par an.")
	b.Submit("Enregistrer")
	if !strings.Contains(b.Text(), "La synthèse est enregistrée.") {
		t.Fatalf("after the synthesis: %s", b.Text())
	}
	b.Click("voir la page publique des résultats")
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "un café thématique deux fois par an") {
		t.Error("the public results lack the response")
	}
	b.Navigate(app.srv.URL + "/ct/" + demo.Slug + "/participation/page-publique")
	b.CheckPage(t)
	b.SetViewport(375, 812)
	b.Navigate(app.srv.URL + "/public/" + demo.Slug)
	b.CheckPage(t)
	if b.ScrollsHorizontally() {
		t.Errorf("the demo's public page scrolls sideways on a phone: %v", b.WiderThanWindow())
	}
}
