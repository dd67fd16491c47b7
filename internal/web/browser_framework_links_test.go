package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"boussole/internal/browsertest"
	"boussole/internal/diagnostic"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestBrowserFrameworkLinks ties an objective to a SWOT item and an actor, leaves the other major item aside,
// edits a thematic priority and ticks a priority's partnership in a real browser, until the check has no
// SWOT finding left; every page is checked with axe-core and the HTML checker.
func TestBrowserFrameworkLinks(t *testing.T) {
	b := browsertest.New(t)
	st := storetest.SQLite(t)
	app := newTestApp(t, st)
	a := app.workspace("Ville Alpha")
	strategy := model.Strategy{AuthorityID: a.ID, Title: "Stratégie 2026–2032", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	must(t, st.CreateStrategy(context.Background(), store.Actor{}, &strategy, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	ids := frameworkRecords(t, st, a, strategy)
	weakness, opportunity, _ := linkFixture(t, st, a, strategy)
	partner := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: diagnostic.Partnership{Partner: "Commune de Podor", Countries: []string{"SN"}, Kind: diagnostic.KindDecentralised,
		Status: diagnostic.StatusActive, StartYear: 2004}}
	must(t, st.CreatePartnership(context.Background(), store.Actor{}, &partner))
	th := model.ThematicPriority{AuthorityID: a.ID, StrategyID: strategy.ID, Policy: "Jeunesse"}
	must(t, st.SaveThematicPriority(context.Background(), store.Actor{}, &th))
	p := app.srv.URL + "/ct/" + a.Slug

	b.Navigate(app.srv.URL + "/connexion")
	b.Fill("Adresse électronique", "agent@ville-alpha.test")
	b.Fill("Mot de passe", testPassword)
	b.Submit("Se connecter")

	b.Navigate(p + "/cadre-logique/objectifs/" + ids["objective"])
	b.CheckPage(t)
	b.SetChecked(weakness.Item.Text+" (poids 3, majeur)", true)
	b.SetChecked("Université de Belval", true)
	b.Submit("Enregistrer les liens")
	b.CheckPage(t)

	b.Navigate(fmt.Sprintf("%s/diagnostic/afom/%d", p, opportunity.ID))
	b.CheckPage(t)
	b.SetChecked("Écarté volontairement : la stratégie n'y répondra pas", true)
	b.Submit("Enregistrer")
	if !strings.Contains(b.Text(), "Dites pourquoi la stratégie ne répond pas") {
		t.Fatalf("no message for a missing reason: %s", b.Text())
	}
	b.CheckPage(t)
	b.Fill("Raison de ce choix (obligatoire si l'élément est écarté)", "Le FICOL relève du budget annexe de l'eau.")
	b.Submit("Enregistrer")
	b.CheckPage(t)
	if text := b.Text(); !strings.Contains(text, "Répondu par l'objectif 1") || !strings.Contains(text, "Écarté volontairement") {
		t.Errorf("matrix lacks the links: %s", text)
	}

	b.Navigate(p + "/cadre-logique/verification")
	b.CheckPage(t)
	if strings.Contains(b.Text(), "majeure «") {
		t.Errorf("a SWOT finding remains: %s", b.Text())
	}

	b.Navigate(p + "/strategie/priorites/" + ids["geo"])
	b.SetChecked("Commune de Podor (Sénégal, Coopération décentralisée, Active)", true)
	b.CheckPage(t)

	b.Navigate(fmt.Sprintf("%s/strategie/thematiques/%d", p, th.ID))
	b.CheckPage(t)
	b.Fill("Service qui la porte", "Direction de la jeunesse")
	b.Submit("Enregistrer")
	b.CheckPage(t)
	b.Navigate(fmt.Sprintf("%s/strategie/thematiques/%d/suppression", p, th.ID))
	b.CheckPage(t)
}
