package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"boussole/internal/browsertest"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestBrowserComments posts a refused comment, then a comment with a mention and a reply in a real browser,
// and checks the element's page, the list of comments and the notifications with axe-core and the HTML
// checker.
func TestBrowserComments(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	app := newTestApp(t, st)
	a := app.workspace("Ville Alpha")
	strategy := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(t, st.CreateStrategy(context.Background(), store.Actor{}, &strategy, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	ids := frameworkRecords(t, st, a, strategy)
	p := app.srv.URL + "/ct/" + a.Slug
	shot := func(name string) {
		if dir := os.Getenv("BOUSSOLE_SCREENSHOTS"); dir != "" {
			b.Screenshot(filepath.Join(dir, "commentaires-"+name+".png"))
		}
	}

	signIn := func(email string) {
		b.Navigate(app.srv.URL + "/connexion")
		b.Fill("Adresse électronique", email)
		b.Fill("Mot de passe", testPassword)
		b.Submit("Se connecter")
	}
	signIn("elu@ville-alpha.test")
	b.Navigate(p + "/cadre-logique/objectifs/" + ids["objective"])
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "Aucun commentaire pour l'instant") {
		t.Fatalf("no empty state: %s", b.Text())
	}
	b.Submit("Publier le commentaire")
	if !strings.Contains(b.Text(), "Écrivez votre commentaire.") {
		t.Fatalf("an empty comment was not refused: %s", b.Text())
	}
	b.CheckPage(t)
	shot("erreur")
	b.Fill("Votre commentaire", "Qui pilote cet objectif ? @Chargé·e de mission Ville Alpha, merci de préciser.")
	b.Submit("Publier le commentaire")
	if text := b.Text(); !strings.Contains(text, "Votre commentaire est publié.") || !strings.Contains(text, "Qui pilote cet objectif ?") {
		t.Fatalf("comment not shown: %s", text)
	}
	b.CheckPage(t)

	signIn("agent@ville-alpha.test")
	b.Navigate(p + "/notifications")
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "vous a mentionné·e") {
		t.Fatalf("no notification: %s", b.Text())
	}
	b.Click("« Objectif de Ville Alpha »")
	b.Open("Répondre")
	b.Fill("Votre réponse", "La DRI, avec le service jeunesse.")
	b.Submit("Publier la réponse")
	if text := b.Text(); !strings.Contains(text, "La DRI, avec le service jeunesse.") || !strings.Contains(text, "Commentaires (2)") {
		t.Fatalf("reply not shown: %s", text)
	}
	b.CheckPage(t)
	shot("fil")
	b.Navigate(p + "/commentaires")
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "Qui pilote cet objectif ?") {
		t.Fatalf("list lacks the comment: %s", b.Text())
	}

	// On a phone, neither the thread nor the list scrolls sideways.
	b.SetViewport(375, 812)
	for _, page := range []string{"/cadre-logique/objectifs/" + ids["objective"], "/commentaires", "/notifications"} {
		b.Navigate(p + page)
		if b.ScrollsHorizontally() {
			t.Errorf("%s scrolls sideways at 375 px", page)
		}
	}
}
