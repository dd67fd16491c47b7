package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"boussole/internal/attachment"
	"boussole/internal/browsertest"
	"boussole/internal/store/storetest"
)

// TestBrowserDiagnostic: a new officer creates the strategy, builds a SWOT matrix with items in all four
// quadrants, records two partnerships with their critical review, and prints the argument; every page
// visited is checked with axe-core and the HTML checker.
func TestBrowserDiagnostic(t *testing.T) {
	b := browsertest.New(t)
	app := newTestApp(t, storetest.SQLite(t))
	a := app.workspace("Ville Alpha")
	p := app.srv.URL + "/ct/" + a.Slug

	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("email", "agent@ville-alpha.test")
	b.Fill("password", testPassword)
	b.Submit("Se connecter")
	b.Navigate(p + "/diagnostic/afom")
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "aucune stratégie n'a encore été créée") {
		t.Fatalf("no empty state without a strategy: %s", b.Text())
	}
	b.Click("Créer la stratégie de la mandature")
	b.Submit("Créer la stratégie")
	b.CheckPage(t)

	// The matrix, empty, with the guide's questions; a blank item is refused at its field.
	b.Navigate(p + "/diagnostic/afom")
	b.CheckPage(t)
	b.Fill("scope", "territoire")
	b.Fill("evidence", "Recensement 2021")
	b.Submit("Ajouter à la matrice")
	if !strings.Contains(b.Text(), "Ce champ est obligatoire") || b.Value("evidence") != "Recensement 2021" {
		t.Fatalf("blank item not refused with the typed evidence kept: %s", b.Text())
	}
	b.CheckPage(t)
	for _, it := range []struct{ quadrant, scope, text string }{
		{"forces", "territoire", "Une université de 14 000 étudiants"},
		{"forces", "acteurs", "Des associations de la diaspora très actives"},
		{"faiblesses", "ct", "Une seule personne à la mission relations internationales"},
		{"opportunites", "ct", "Le FICOL de l'AFD"},
		{"menaces", "populations", "Une action internationale jugée dépensière"},
	} {
		b.Fill("quadrant", it.quadrant)
		b.Fill("scope", it.scope)
		b.Fill("text", it.text)
		b.Submit("Ajouter à la matrice")
		if !strings.Contains(b.Text(), "L'élément a été ajouté") {
			t.Fatalf("item %q not added: %s", it.text, b.Text())
		}
	}
	b.CheckPage(t)
	b.Click("Monter : Des associations de la diaspora très actives")
	text := b.Text()
	if strings.Index(text, "Des associations de la diaspora") > strings.Index(text, "Une université de 14 000") {
		t.Error("the moved item did not go up")
	}
	b.CheckPage(t)
	b.Click("Supprimer : Une action internationale jugée dépensière")
	b.CheckPage(t)
	b.Click("Annuler")
	if !strings.Contains(b.Text(), "Une action internationale jugée dépensière") {
		t.Error("cancelling the deletion lost the item")
	}

	// Two partnerships with their review; an ended one without decision is refused first.
	b.Navigate(p + "/diagnostic/partenariats")
	b.CheckPage(t)
	b.Click("Ajouter le premier partenariat")
	b.CheckPage(t)
	fill := func(fields map[string]string) {
		for k, v := range fields {
			b.Fill(k, v)
		}
	}
	fill(map[string]string{"partner": "Commune de Podor", "country": "SN", "kind": "cooperation-decentralisee", "status": "active",
		"start_year": "2004", "yearly_budget": "18 000", "agreement_start": "2022-04-01", "agreement_end": "2027-03-31",
		"themes": "Eau et assainissement", "review_results": "Trois forages, 2 400 branchements", "review_our_gain": "Savoir-faire des agents",
		"review_partner_gain": "Accès à l'eau potable", "review_decision": "recentrer", "review_reason": "Passer à l'assainissement"})
	// The signed convention goes with it, chosen in the file field.
	convention := filepath.Join(t.TempDir(), "Convention Podor.pdf")
	if err := os.WriteFile(convention, attachment.SimplePDF("Convention Belval-Podor", nil), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(b.Context(), 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#f-document"), []string{convention})); err != nil {
		t.Fatal(err)
	}
	b.Submit("Enregistrer le partenariat")
	if !strings.Contains(b.Text(), "Commune de Podor") || !strings.Contains(b.Text(), "Recentrer") || !strings.Contains(b.Text(), "Convention signée") {
		t.Fatalf("first partnership not listed with its convention: %s", b.Text())
	}
	b.CheckPage(t)
	b.Click("Ajouter un partenariat")
	fill(map[string]string{"partner": "Commune de Jacmel", "country": "HT", "kind": "aide-urgence", "status": "terminee",
		"review_results": "Une école reconstruite"})
	b.Submit("Enregistrer le partenariat")
	if !strings.Contains(b.Text(), "doit avoir une décision") || b.Value("review_results") != "Une école reconstruite" {
		t.Fatalf("ended partnership without decision not refused at its field: %s", b.Text())
	}
	b.CheckPage(t)
	fill(map[string]string{"review_decision": "arreter", "review_reason": "Action d'urgence achevée"})
	b.Submit("Enregistrer le partenariat")
	if !strings.Contains(b.Text(), "2 partenariats sur 2") {
		t.Fatalf("second partnership not listed: %s", b.Text())
	}
	b.Click("Carte des pays partenaires")
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "Haïti") || !strings.Contains(b.Text(), "Sénégal") {
		t.Errorf("map text lacks the partner countries: %s", b.Text())
	}
	b.Navigate(p + "/diagnostic")
	b.CheckPage(t)
	b.Click("Synthèse imprimable")
	b.CheckPage(t)

	// The argument, from the checklist to the printable view.
	b.Navigate(p + "/sensibilisation")
	b.CheckPage(t)
	b.Click("Choisir les enjeux")
	b.CheckPage(t)
	b.SetChecked("Parcours des jeunes", true)
	b.SetChecked("Localisation des ODD", true)
	b.Fill("local_facts", "152 400 habitants")
	b.Submit("Enregistrer et voir l'argumentaire")
	b.CheckPage(t)
	doc := b.Text()
	for _, want := range []string{"Pourquoi une stratégie d'action internationale pour Ville Alpha ?", "Les atouts du territoire", "152 400 habitants", "L.1115-1"} {
		if !strings.Contains(doc, want) {
			t.Errorf("printable argument lacks %q", want)
		}
	}
	for _, path := range []string{"/sensibilisation/seances", "/sensibilisation/seances/nouvelle", "/sensibilisation/principes", "/"} {
		b.Navigate(p + path)
		b.CheckPage(t)
	}
}
