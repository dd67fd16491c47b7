package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func init() {
	isolationFixtures = append(isolationFixtures, func(t testing.TB, st *store.Store, b model.Authority, strategyB model.Strategy) map[string]string {
		th := model.ThematicPriority{AuthorityID: b.ID, StrategyID: strategyB.ID, Policy: "Culture", Service: "Direction de la culture"}
		must(t, st.SaveThematicPriority(context.Background(), store.Actor{}, &th))
		return map[string]string{"theme": fmt.Sprint(th.ID)}
	})
}

// linkFixture adds to a workspace's strategy a major weakness, a major opportunity and a stakeholder.
func linkFixture(t *testing.T, st *store.Store, au model.Authority, strategy model.Strategy) (weakness, opportunity diagnostic.ItemRecord, actor stakeholder.Stakeholder) {
	t.Helper()
	ctx := context.Background()
	add := func(q diagnostic.Quadrant, text string) diagnostic.ItemRecord {
		it := diagnostic.ItemRecord{AuthorityID: au.ID, StrategyID: strategy.ID, Item: diagnostic.Item{Quadrant: q, Scope: diagnostic.ScopeAuthority, Text: text, Weight: 3}}
		must(t, st.CreateSWOTItem(ctx, store.Actor{}, &it))
		return it
	}
	weakness = add(diagnostic.Weaknesses, "Une seule personne à la mission RI")
	opportunity = add(diagnostic.Opportunities, "Le FICOL finance l'assainissement")
	actor = stakeholder.Stakeholder{Name: "Université de Belval", Kind: stakeholder.KindUniversity}
	must(t, st.CreateStakeholder(ctx, store.Actor{}, au.ID, &actor))
	return weakness, opportunity, actor
}

func TestFrameworkLinksToSWOTAndStakeholders(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app, c, au, strategy, ids := frameworkApp(t, st)
		weakness, opportunity, actor := linkFixture(t, st, au, strategy)
		p := "/ct/ville-alpha"
		objective := p + "/cadre-logique/objectifs/" + ids["objective"]

		// The check points at both unanswered major items, with a link to each in the matrix.
		res := c.get(p + "/cadre-logique/verification")
		res.mustContain(t, "La faiblesse majeure «\u00a0Une seule personne à la mission RI\u00a0»", fmt.Sprintf("/diagnostic/afom#element-%d", weakness.ID))

		res = c.get(objective)
		res.mustContain(t, "Faiblesses", "Une seule personne à la mission RI", "poids 3, majeur", "Université", "Université de Belval", "Enregistrer les liens")
		res = c.post(objective+"/liens", url.Values{"afom": {fmt.Sprint(weakness.ID)}, "acteur": {fmt.Sprint(actor.ID)}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("save links: %d", res.status)
		}
		res = c.get(objective)
		if !strings.Contains(res.body, fmt.Sprintf(`value="%d" checked`, weakness.ID)) || !strings.Contains(res.body, fmt.Sprintf(`value="%d" checked`, actor.ID)) {
			t.Error("the saved links are not ticked on the objective's page")
		}

		// Both sides show the link.
		c.get(p+"/diagnostic/afom").mustContain(t, "Répondu par", "l'objectif 1 — Objectif de Ville Alpha", "Sans réponse")
		c.get(fmt.Sprintf("%s/acteurs/%d", p, actor.ID)).mustContain(t, "Objectif spécifique 1 — Objectif de Ville Alpha", "Stratégie 2026–2032")

		// Only the opportunity is left for the check.
		res = c.get(p + "/cadre-logique/verification")
		res.mustContain(t, "L'opportunité majeure «\u00a0Le FICOL finance l'assainissement\u00a0»")
		if strings.Contains(unescaped(res.body), "La faiblesse majeure") {
			t.Error("the answered weakness is still a finding")
		}

		// A link to a record that is not the authority's is refused, and the links stay as they were.
		other := app.workspace("Ville Bêta")
		otherStrategy := model.Strategy{AuthorityID: other.ID, Title: "Autre", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		must(t, st.CreateStrategy(context.Background(), store.Actor{}, &otherStrategy, strategy.CreatedAt))
		foreign, _, foreignActor := linkFixture(t, st, other, otherStrategy)
		for name, form := range map[string]url.Values{
			"foreign SWOT item":   {"afom": {fmt.Sprint(foreign.ID)}},
			"foreign stakeholder": {"acteur": {fmt.Sprint(foreignActor.ID)}},
		} {
			if res := c.post(objective+"/liens", form); res.status != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", name, res.status)
			}
		}
		f, _ := st.LoadFramework(context.Background(), au.ID, strategy.ID)
		if len(f.Objectives[0].SWOTIDs) != 1 || len(f.Objectives[0].Stakeholders) != 1 {
			t.Errorf("links changed by a refused save: %v / %v", f.Objectives[0].SWOTIDs, f.Objectives[0].Stakeholders)
		}

		// Results carry the same picker.
		res = c.post(p+"/cadre-logique/resultats/"+ids["result"]+"/liens", url.Values{"afom": {fmt.Sprint(opportunity.ID)}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("save result links: %d", res.status)
		}
		c.get(p+"/diagnostic/afom").mustContain(t, "le résultat 1.1 — Résultat")

		// Deleting either side says which elements lose the link.
		c.get(fmt.Sprintf("%s/diagnostic/afom/%d/suppression", p, opportunity.ID)).mustContain(t, "perdront ce lien", "Le résultat 1.1 — Résultat")
		c.get(fmt.Sprintf("%s/acteurs/%d/suppression", p, actor.ID)).mustContain(t, "ne l'impliqueront plus", "Objectif spécifique 1 — Objectif de Ville Alpha")
		if strings.Contains(unescaped(c.get(p+"/cadre-logique/verification").body), "majeure «") {
			t.Error("a SWOT finding remains once both items are answered")
		}
	})
}

// unescaped unescapes a page body, for negative checks on French text.
func unescaped(body string) string {
	r := strings.NewReplacer("&#39;", "'", "&rsquo;", "’", "&amp;", "&", "&#34;", `"`, "&quot;", `"`)
	return r.Replace(body)
}

func TestSWOTItemLeftAside(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, au, strategy, _ := frameworkApp(t, st)
		weakness, _, _ := linkFixture(t, st, au, strategy)
		u := fmt.Sprintf("/ct/ville-alpha/diagnostic/afom/%d", weakness.ID)
		form := func(aside, reason string) url.Values {
			return url.Values{"version": {"1"}, "quadrant": {"faiblesses"}, "scope": {"ct"}, "weight": {"3"}, "text": {weakness.Item.Text}, "aside": {aside}, "aside_reason": {reason}}
		}
		c.get(u).mustContain(t, "Écarté volontairement", "Aucun objectif ni résultat du cadre logique n'y répond")
		res := c.post(u, form("1", "  "))
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("left aside without a reason: %d", res.status)
		}
		res.mustContain(t, "Dites pourquoi la stratégie ne répond pas à cet élément")
		reason := "Le recrutement relève du budget de fonctionnement voté à part."
		if res := c.post(u, form("1", reason)); res.status != http.StatusSeeOther {
			t.Fatalf("left aside with a reason: %d", res.status)
		}
		c.get("/ct/ville-alpha/diagnostic/afom").mustContain(t, "Écarté volontairement", reason)
		if strings.Contains(unescaped(c.get("/ct/ville-alpha/cadre-logique/verification").body), "Une seule personne") {
			t.Error("the item left aside with a reason is still a finding")
		}
		it, _ := st.SWOTItem(context.Background(), au.ID, weakness.ID)
		if !it.Item.LeftAside || it.Item.AsideReason != reason {
			t.Errorf("stored item = %+v", it.Item)
		}
	})
}

func TestGeoPriorityPartnershipLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, au, _, ids := frameworkApp(t, st)
		ctx := context.Background()
		p := diagnostic.PartnershipRecord{AuthorityID: au.ID, Partnership: diagnostic.Partnership{Partner: "Commune de Podor", Countries: []string{"SN"}, Kind: diagnostic.KindDecentralised,
			Status: diagnostic.StatusActive, StartYear: 2004}}
		must(t, st.CreatePartnership(ctx, store.Actor{}, &p))
		geo := "/ct/ville-alpha/strategie/priorites/" + ids["geo"]
		c.get(geo).mustContain(t, "Partenariats du diagnostic sur lesquels elle s'appuie", "Commune de Podor")
		res := c.post(geo, url.Values{"version": {"1"}, "type": {"pays"}, "pays": {"SN"}, "raison": {"Relation existante"}, "partenariats": {fmt.Sprint(p.ID)}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("save priority: %d %s", res.status, res.body)
		}
		if !strings.Contains(c.get(geo).body, fmt.Sprintf(`value="%d" checked`, p.ID)) {
			t.Error("the partnership is not ticked after saving")
		}
		confirm := fmt.Sprintf("/ct/ville-alpha/diagnostic/partenariats/%d/suppression", p.ID)
		c.get(confirm).mustContain(t, "perdront ce lien", "Priorité géographique « Sénégal » de la stratégie « Stratégie 2026–2032 »")
		if res := c.post(confirm, url.Values{"version": {fmt.Sprint(p.Version)}}); res.status != http.StatusSeeOther {
			t.Fatalf("delete partnership: %d", res.status)
		}
		id, _ := pathInt(ids["geo"])
		if g, _ := st.GeoPriority(ctx, au.ID, id); len(g.PartnershipIDs) != 0 {
			t.Errorf("link survived: %v", g.PartnershipIDs)
		}
	})
}

func TestThematicPriorityEditAndDelete(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, au, strategy, _ := frameworkApp(t, st)
		ctx := context.Background()
		th := model.ThematicPriority{AuthorityID: au.ID, StrategyID: strategy.ID, Policy: "Jeunesse", Service: "Direction de la jeunesse"}
		must(t, st.SaveThematicPriority(ctx, store.Actor{}, &th))
		u := fmt.Sprintf("/ct/ville-alpha/strategie/thematiques/%d", th.ID)
		c.get("/ct/ville-alpha/strategie").mustContain(t, u)
		c.get(u).mustContain(t, "Priorité thématique : Jeunesse", `value="Direction de la jeunesse"`)

		res := c.post(u, url.Values{"version": {"1"}, "politique": {""}, "service": {"Direction des sports"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("empty policy: %d", res.status)
		}
		res.mustContain(t, `value="Direction des sports"`)
		if res := c.post(u, url.Values{"version": {"1"}, "politique": {"Sport"}, "service": {"Direction des sports"}}); res.status != http.StatusSeeOther {
			t.Fatalf("update: %d", res.status)
		}
		res = c.post(u, url.Values{"version": {"1"}, "politique": {"Culture"}})
		if res.status != http.StatusConflict {
			t.Fatalf("stale update: %d", res.status)
		}
		res.mustContain(t, "Version enregistrée entre-temps", "Sport")

		confirm := u + "/suppression"
		c.get(confirm).mustContain(t, "Supprimer la priorité thématique « Sport » ?", "Direction des sports")
		if list, _ := st.ThematicPriorities(ctx, au.ID, strategy.ID); len(list) != 1 {
			t.Fatal("the confirmation page deleted the priority")
		}
		if res := c.post(confirm, url.Values{"version": {"1"}}); res.status != http.StatusConflict {
			t.Errorf("delete with a stale version: %d", res.status)
		}
		if res := c.post(confirm, url.Values{"version": {"2"}}); res.status != http.StatusSeeOther {
			t.Fatalf("delete: %d", res.status)
		}
		if list, _ := st.ThematicPriorities(ctx, au.ID, strategy.ID); len(list) != 0 {
			t.Errorf("still there: %+v", list)
		}
	})
}

func TestGeneralObjectiveSDGPicker(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		_, c, au, strategy, _ := frameworkApp(t, st)
		p := "/ct/ville-alpha/strategie"
		c.get(p).mustContain(t, "Enregistrez d'abord les éléments clés avec l'objectif général")
		res := c.post(p, url.Values{"version": {"0"}, "lignes_valeurs": {"2"}, "lignes_dimensions": {"2"}, "objectif_general": {"Ouvrir le territoire au monde"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("save key elements: %d", res.status)
		}
		k, err := st.KeyElements(context.Background(), au.ID, strategy.ID)
		must(t, err)
		c.get(p+"?odd=6").mustContain(t, "6.2 — ", "Cible locale 11.6-local")
		res = c.post(fmt.Sprintf("/ct/ville-alpha/cadre-logique/odd/objectif-general/%d", k.ID), url.Values{"code": {"6", "6.2"}})
		if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, p) {
			t.Fatalf("save tags: %d → %s", res.status, res.location)
		}
		c.get(p).mustContain(t, "Étiquettes actuelles", "6.2")
	})
}

func TestDemoLinksLeaveOneMajorWeaknessUnanswered(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	if _, err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	au, err := st.AuthorityBySlug(ctx, demo.Slug)
	must(t, err)
	list, _ := st.Strategies(ctx, au.ID)
	strategy, _ := focusStrategy(list)
	f, err := st.LoadFramework(ctx, au.ID, strategy.ID)
	must(t, err)
	var unanswered []string
	for _, fd := range logframe.Check(f.Logframe).Findings {
		if fd.Rule == "SWOT-ANSWER" {
			unanswered = append(unanswered, fd.Message)
		}
	}
	if len(unanswered) != 1 || !strings.Contains(unanswered[0], "La faiblesse majeure «\u00a0Une seule personne") {
		t.Errorf("SWOT-ANSWER findings = %q, want only the single-person weakness", unanswered)
	}
	aside := 0
	for _, it := range f.SWOT {
		if it.Item.LeftAside {
			aside++
			if it.Item.Weight != diagnostic.MaxWeight || it.Item.Quadrant != diagnostic.Weaknesses || it.Item.AsideReason == "" {
				t.Errorf("left aside: %+v", it.Item)
			}
		}
	}
	linked := 0
	for _, o := range f.Objectives {
		linked += len(o.Stakeholders)
	}
	geoPartners := 0
	for _, g := range f.Geo {
		geoPartners += len(g.PartnershipIDs)
	}
	if aside != 1 || linked == 0 || geoPartners == 0 {
		t.Errorf("demo links: %d left aside (want 1), %d stakeholder links, %d priority partnerships", aside, linked, geoPartners)
	}
}
