package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"boussole/internal/browsertest"
	"boussole/internal/store/storetest"
)

// TestBrowserPlanning schedules three logframe activities as a chain in a real browser (the second starts
// after the first, the third after the second), moves the first, and sees the two others move; every
// planning page is checked with axe-core and the HTML checker on the way.
func TestBrowserPlanning(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	app := newTestApp(t, st)
	a := app.workspace("Ville Alpha")
	_, acts := planFixture(t, st, a, "Mission d'identification", "Atelier avec les partenaires", "Restitution aux élus")
	shots := os.Getenv("BOUSSOLE_SCREENSHOTS")
	check := func(name string) {
		t.Helper()
		b.CheckPage(t)
		if shots != "" {
			b.Screenshot(filepath.Join(shots, "planification-"+name+".png"))
		}
	}

	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "agent@ville-alpha.test")
	b.Fill("Mot de passe", testPassword)
	b.Submit("Se connecter")
	base := app.srv.URL + "/ct/" + a.Slug + "/planification"
	b.Navigate(base)
	if !strings.Contains(b.Text(), "Activités à planifier") {
		t.Fatalf("empty chronogramme: %s", b.Text())
	}
	check("vide")

	// The first activity on a fixed date; a zero duration is refused at the field first.
	b.Click("planifier « Mission d'identification »")
	check("formulaire")
	b.Fill("Date de début", "2027-01-04")
	b.Fill("Durée", "0")
	b.Submit("Enregistrer le calendrier")
	if !strings.Contains(b.Text(), "au moins un jour") {
		t.Fatalf("zero duration accepted: %s", b.Text())
	}
	check("erreur")
	b.Fill("Durée", "30")
	b.Submit("Enregistrer le calendrier")
	if !strings.Contains(b.Text(), "Le calendrier de l'activité a été enregistré") {
		t.Fatalf("first schedule not saved: %s", b.Text())
	}
	// The next two each start one week after the end of the one before.
	for i := 1; i < 3; i++ {
		b.Navigate(base + "/activites/" + itoa(int(acts[i].ID)))
		b.SetChecked("Par rapport à une autre activité ou à un jalon", true)
		b.Fill("Activité ou jalon de référence", acts[i-1].Title)
		b.Fill("Décalage", "1")
		b.Fill("Unité", "semaines")
		b.Fill("Durée", "10")
		b.Submit("Enregistrer le calendrier")
		if !strings.Contains(b.Text(), "Le calendrier de l'activité a été enregistré") {
			t.Fatalf("schedule %d not saved: %s", i, b.Text())
		}
	}
	check("chronogramme")
	for _, want := range []string{"10 février 2027", "27 février 2027", "Chemin critique"} {
		if !strings.Contains(b.Text(), want) {
			t.Errorf("chronogramme lacks %q", want)
		}
	}

	// Move the first activity ten days later: the page says the two others moved, with their new dates.
	b.Navigate(base + "/activites/" + itoa(int(acts[0].ID)))
	b.Fill("Date de début", "2027-01-14")
	b.Submit("Enregistrer le calendrier")
	text := b.Text()
	for _, want := range []string{"3 activités ont été décalées", "Atelier avec les partenaires (10 jours plus tard)",
		"Restitution aux élus (10 jours plus tard)", "20 février 2027", "9 mars 2027"} {
		if !strings.Contains(text, want) {
			t.Errorf("after the move, the page lacks %q", want)
		}
	}
	check("apres-decalage")

	// A dependency closing the loop is refused with its members named.
	b.Navigate(base + "/activites/" + itoa(int(acts[0].ID)))
	b.Fill("Activité ou jalon", acts[2].Title)
	b.Submit("Ajouter la dépendance")
	if !strings.Contains(b.Text(), "crée un cycle") || !strings.Contains(b.Text(), "« Restitution aux élus »") {
		t.Errorf("cycle not refused by name: %s", b.Text())
	}
	check("cycle")

	b.Navigate(base + "/jalons")
	check("jalons")
	b.Fill("Intitulé", "Délibération du conseil")
	b.Fill("Date", "2026-12-17")
	b.Submit("Ajouter le jalon")
	if !strings.Contains(b.Text(), "Le jalon a été enregistré") {
		t.Fatalf("milestone not saved: %s", b.Text())
	}
	b.Navigate(base + "/jalons")
	b.Click("Délibération du conseil")
	check("jalon")
	b.Click("Supprimer ce jalon")
	check("jalon-suppression")
	for _, path := range []string{"/feuille-de-route?annee=2027", "/mes-activites", "?lignes=service", "/agenda"} {
		b.Navigate(base + path)
		check(strings.Trim(strings.NewReplacer("?", "-", "=", "-", "/", "").Replace(path), "-"))
	}
	b.Submit("Créer mon lien d'abonnement")
	if !strings.Contains(b.Text(), "Copiez-les maintenant") {
		t.Errorf("no feed link shown: %s", b.Text())
	}
	check("agenda-lien")
}
