package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"boussole/internal/browsertest"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestBrowserFramework builds a small framework from scratch in a real browser (key elements, one objective,
// one result, one activity, two indicators, one risk), meets a refused target date on the way, and goes on
// until the check says the strategy is complete; every page is checked with axe-core and the HTML checker.
func TestBrowserFramework(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	app := newTestApp(t, st)
	a := app.workspace("Ville Alpha")
	strategy := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(t, st.CreateStrategy(context.Background(), store.Actor{}, &strategy, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	p := app.srv.URL + "/ct/" + a.Slug

	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "agent@ville-alpha.test")
	b.Fill("Mot de passe", testPassword)
	b.Submit("Se connecter")

	b.Navigate(p + "/cadre-logique/verification")
	b.CheckPage(t)
	if strings.Contains(b.Text(), "La stratégie est complète") {
		t.Fatal("an empty strategy is called complete")
	}
	b.Navigate(p + "/cadre-logique")
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "Le cadre logique est vide") {
		t.Errorf("empty state missing: %s", b.Text())
	}

	b.Navigate(p + "/strategie")
	b.CheckPage(t)
	b.Fill("valeur_1", "Réciprocité dans les partenariats")
	b.Fill("valeur_1_explication", "Chaque partenaire apprend de l'autre.")
	b.Fill("vision", "En 2032, un territoire ouvert dont les habitants tirent profit de leurs liens avec le monde.")
	b.Fill("mission", "Conduire des partenariats réciproques sur l'eau avec les communes partenaires.")
	b.Fill("objectif_general", "Améliorer l'accès à l'eau à Ziguinchor en partageant le savoir-faire du territoire")
	b.Fill("dimension_1", "Coopération décentralisée")
	b.Fill("dimension_1_poids", "100")
	b.Submit("Enregistrer les éléments clés")
	if !strings.Contains(b.Text(), "Les modifications ont été enregistrées") {
		t.Fatalf("key elements not saved: %s", b.Text())
	}
	b.CheckPage(t)

	b.Navigate(p + "/cadre-logique")
	b.Fill("Intitulé de l'objectif", "Former 20 agents du service de l'eau de Ziguinchor d'ici 2030")
	b.Fill("Échéance", "2030-06-30")
	b.Submit("Ajouter l'objectif")
	b.CheckPage(t)
	objective := b.Path()
	b.Fill("atteignable", "Le syndicat des eaux forme déjà ses propres agents et accueille des stagiaires.")
	b.Submit("Enregistrer")
	if !strings.Contains(b.Text(), "Les modifications ont été enregistrées") {
		t.Fatalf("objective not saved: %s", b.Text())
	}
	b.Navigate(app.srv.URL + objective)
	b.Fill("enfant_titre", "Les agents maîtrisent l'exploitation du réseau")
	b.Submit("Ajouter")
	b.CheckPage(t)
	result := b.Path()
	b.Fill("enfant_titre", "Sessions de formation à Ziguinchor")
	b.Fill("enfant_responsable", "Direction du cycle de l'eau")
	b.Submit("Ajouter")
	b.CheckPage(t)
	b.Fill("Moyens (ressources)", "Deux techniciens en mission, supports de formation")
	b.Fill("Coût (euros)", "12 500")
	b.Submit("Enregistrer")
	if !strings.Contains(b.Text(), "Les modifications ont été enregistrées") {
		t.Fatalf("activity not saved: %s", b.Text())
	}

	for i, level := range []string{objective, result} {
		b.Navigate(app.srv.URL + level)
		b.Click("Ajouter un indicateur")
		b.CheckPage(t)
		b.Fill("titre", []string{"Agents formés", "Pannes réparées en moins de 48 heures"}[i])
		b.Fill("unite", []string{"agents", "%"}[i])
		b.Fill("reference_valeur", "0")
		b.Fill("reference_date", "2025-12-31")
		b.Fill("cible_1_date", "2040-06-30")
		b.Fill("cible_1_valeur", "20")
		b.Fill("periodicite", "annuelle")
		b.Fill("sources", "Feuilles d'émargement")
		b.Fill("responsable", "Direction du cycle de l'eau")
		b.Submit("Enregistrer l'indicateur")
		if !strings.Contains(b.Text(), "hors de la mandature") {
			t.Fatalf("target date outside the term not refused: %s", b.Text())
		}
		b.CheckPage(t)
		if got := b.Value("titre"); got == "" {
			t.Error("typed title lost after the refusal")
		}
		b.Fill("cible_1_date", "2030-06-30")
		b.Submit("Enregistrer l'indicateur")
		if !strings.Contains(b.Text(), "Les modifications ont été enregistrées") {
			t.Fatalf("indicator not saved: %s", b.Text())
		}
		b.CheckPage(t)
	}

	b.Navigate(p + "/cadre-logique/risques")
	b.CheckPage(t)
	b.Fill("description", "Départ des agents formés")
	b.Fill("categorie", "interne")
	b.Fill("probabilite", "2")
	b.Fill("impact", "3")
	b.Fill("attenuation", "Former des formateurs sur place.")
	b.Fill("responsable", "Mission relations internationales")
	b.Submit("Ajouter le risque")
	b.CheckPage(t)

	for _, page := range []string{"/cadre-logique", "/cadre-logique/arbre", "/cadre-logique/indicateurs", "/strategie/odd", "/"} {
		b.Navigate(p + page)
		b.CheckPage(t)
	}
	b.Navigate(p + "/cadre-logique/verification")
	b.CheckPage(t)
	if !strings.Contains(b.Text(), "La stratégie est complète") {
		t.Errorf("the check still finds something: %s", b.Text())
	}
}
