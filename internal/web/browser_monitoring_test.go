package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/store/storetest"
)

// TestBrowserMonitoring enters a measurement in a real browser, is refused a value of the wrong kind at its
// field, sees progress and freshness change on the dashboard, and reads « ce que je dois mettre à jour »;
// every page is checked with axe-core and the HTML checker on the way.
func TestBrowserMonitoring(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	m := newMonitoredWorkspace(t, st)
	shots := os.Getenv("BOUSSOLE_SCREENSHOTS")
	check := func(name string) {
		t.Helper()
		b.CheckPage(t)
		if shots != "" {
			b.Screenshot(filepath.Join(shots, "suivi-"+name+".png"))
		}
	}
	b.Navigate(m.app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "agent@"+m.authority.Slug+".test")
	b.Fill("Mot de passe", testPassword)
	b.Submit("Se connecter")
	board := m.app.srv.URL + "/ct/" + m.authority.Slug + "/suivi-evaluation"
	b.Navigate(board)
	if !strings.Contains(b.Text(), "0 indicateur à jour sur 2") {
		t.Fatalf("dashboard before any measurement: %s", b.Text())
	}
	check("tableau-vide")

	b.Navigate(m.app.srv.URL + m.indicatorPath(m.up))
	check("indicateur")
	b.Fill("Valeur mesurée (jours)", "deux cents")
	b.Fill("Constatée le", "31/12/2018")
	b.Fill("Source", "Bilan annuel")
	b.Submit("Enregistrer la mesure")
	if !strings.Contains(b.Text(), "Saisissez") {
		t.Fatalf("a value in words accepted: %s", b.Text())
	}
	check("erreur")
	for i, y := range []string{"2018", "2019", "2020", "2021", "2022"} {
		b.Navigate(m.app.srv.URL + m.indicatorPath(m.up))
		b.Fill("Valeur mesurée (jours)", itoa(200+100*i))
		b.Fill("Constatée le", "31/12/"+y)
		b.Submit("Enregistrer la mesure")
		if !strings.Contains(b.Text(), "La mesure a été enregistrée") {
			t.Fatalf("%s not saved: %s", y, b.Text())
		}
	}
	check("mesures")
	b.Navigate(board)
	text := b.Text()
	for _, want := range []string{"1 indicateur à jour sur 2", "dans les temps", "100"} {
		if !strings.Contains(text, want) {
			t.Errorf("dashboard after the measurements lacks %q: %s", want, text)
		}
	}
	check("tableau")
	b.Navigate(board + "/a-mettre-a-jour")
	check("a-mettre-a-jour")
	b.Navigate(board + "/import")
	check("import")

	// An evaluation to its recommendations: opened with the indicators frozen, one recommendation answered.
	b.Navigate(board + "/evaluations")
	check("evaluations")
	b.Fill("Intitulé", "Évaluation finale 2022")
	b.Fill("Termes de référence", "Mesurer ce que la stratégie a produit.")
	b.Submit("Ouvrir l'évaluation")
	if !strings.Contains(b.Text(), "Indicateurs au") || !strings.Contains(b.Text(), "600 jours") {
		t.Fatalf("evaluation not opened with its snapshot: %s", b.Text())
	}
	b.Fill("Recommandation", "Nommer un responsable par indicateur")
	b.Fill("Porteur", "Mission relations internationales")
	b.Submit("Ajouter la recommandation")
	check("recommandation")
	b.Fill("reponse_ct", "acceptee")
	b.Fill("suivi", "en-cours")
	b.Submit("Enregistrer")
	if !strings.Contains(b.Text(), "acceptée") || !strings.Contains(b.Text(), "en cours") {
		t.Fatalf("recommendation not answered: %s", b.Text())
	}
	check("evaluation")

	// The dashboards by axis and the summary for élus, then the next strategy prepared from this one: refused
	// without the confirmation, created with it, and the report says what was carried.
	b.Navigate(board + "/tableaux")
	check("tableaux")
	b.Navigate(board + "/synthese")
	check("synthese")
	b.Navigate(board + "/strategie-suivante")
	check("strategie-suivante")
	b.Submit("Créer la stratégie suivante")
	if !strings.Contains(b.Text(), "Cochez la case pour confirmer") {
		t.Fatalf("created without a confirmation: %s", b.Text())
	}
	check("strategie-suivante-erreur")
	b.SetChecked("confirmer", true)
	b.Submit("Créer la stratégie suivante")
	text = b.Text()
	for _, want := range []string{"La stratégie suivante a été créée", "Ce qui a été repris", "Nommer un responsable par indicateur", "dernière valeur mesurée"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q: %s", want, text)
		}
	}
	check("strategie-preparee")
}
