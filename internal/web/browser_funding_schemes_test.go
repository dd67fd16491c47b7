package web

import (
	"context"
	"strings"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestBrowserSupportSchemes creates a support scheme in a real browser, records an application above the
// scheme's rate, reads the French finding at the amount, and checks the pages with axe-core on the way.
func TestBrowserSupportSchemes(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	app := newTestApp(t, st)
	a := app.workspace("Ville Alpha")
	who := stakeholder.Stakeholder{Name: "Amis de Ségou", Kind: stakeholder.KindAssociation}
	must(t, st.CreateStakeholder(context.Background(), store.Actor{}, a.ID, &who))
	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "agent@ville-alpha.test")
	b.Fill("Mot de passe", testPassword)
	b.Submit("Se connecter")
	b.Navigate(app.srv.URL + "/ct/" + a.Slug + "/financements/dispositifs")
	if !strings.Contains(b.Text(), "Aucun dispositif n'est encore enregistré") {
		t.Fatalf("empty list: %s", b.Text())
	}
	b.CheckPage(t)
	b.Fill("Nom du dispositif", "Fonds de solidarité internationale")
	b.Fill("Taux maximal (%)", "150")
	b.Fill("Plafond par projet (€)", "8 000")
	b.Submit("Créer le dispositif")
	if !strings.Contains(b.Text(), "Un pourcentage se compte de 0 à 100") || b.Value("Nom du dispositif") != "Fonds de solidarité internationale" {
		t.Fatalf("a rate over 100 %% accepted, or the name lost: %s", b.Text())
	}
	b.CheckPage(t)
	b.Fill("Taux maximal (%)", "50")
	b.Submit("Créer le dispositif")
	if !strings.Contains(b.Text(), "Aucune demande n'est encore enregistrée") {
		t.Fatalf("scheme not created: %s", b.Text())
	}
	b.CheckPage(t)
	b.Fill("Demandeur", "Amis de Ségou (Association)")
	b.Fill("Projet", "Puits à Ségou")
	b.Fill("Année de l'enveloppe", "2026")
	b.Fill("Coût total du projet (€)", "12 000")
	b.Fill("Montant demandé (€)", "7 000")
	b.Submit("Enregistrer la demande")
	if text := b.Text(); !strings.Contains(text, "dépasse 50 % du coût éligible") || !strings.Contains(text, "n'est pas éligible en l'état") {
		t.Fatalf("no French finding on the rate: %s", text)
	}
	b.CheckPage(t)
	b.Fill("Montant demandé (€)", "6 000")
	b.Submit("Enregistrer la demande")
	if text := b.Text(); strings.Contains(text, "dépasse 50 %") {
		t.Fatalf("the finding stayed after the fix: %s", text)
	}
}
