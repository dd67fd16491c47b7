package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/demo"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/sharing"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

// TestSharingFromConsentToWithdrawal shares the demo's adopted strategy, finds it as another authority by
// country, reads it with no personal data, copies an objective with its provenance, then withdraws the
// share and checks it is gone from the library, the atlas and the peer's page, while the copy stays.
func TestSharingFromConsentToWithdrawal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, admin := demoOn(t, st)
		au, err := st.AuthorityBySlug(ctx, demo.Slug)
		if err != nil {
			t.Fatal(err)
		}
		list, _ := st.Strategies(ctx, au.ID)
		var past model.Strategy
		for _, s := range list {
			if s.Status == model.StrategyPast || s.Status == model.StrategyCurrent {
				past = s
			}
		}
		prefix := "/ct/" + demo.Slug
		admin.get(prefix+"/partage?strategie="+strconv.FormatInt(past.ID, 10)).mustContain(t, "Aperçu : ce que liront les autres collectivités", past.Title)
		share := url.Values{"strategy": {strconv.FormatInt(past.ID, 10)}, "scope": {"1", "2", "4", "8"}, "licence": {string(sharing.LicenceOuverte)}}
		if res := admin.post(prefix+"/partage", share); res.status != http.StatusSeeOther {
			t.Fatalf("share: %d\n%s", res.status, summaryText(res.body))
		}
		admin.get(prefix+"/partage?strategie="+strconv.FormatInt(past.ID, 10)).mustContain(t, "Partagée depuis le", "Licence Ouverte 2.0")
		if res := admin.post(prefix+"/partage", url.Values{"strategy": {strconv.FormatInt(past.ID, 10)}, "licence": {"x"}}); res.status != http.StatusUnprocessableEntity ||
			!strings.Contains(res.body, `id="f-scope-error"`) || !strings.Contains(res.body, `id="f-licence-error"`) {
			t.Errorf("a share with nothing ticked and an unknown licence: %d", res.status)
		}

		peer := app.client()
		if res := peer.post("/connexion", url.Values{"email": {"pair1@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
			t.Fatalf("sign-in as a peer: %d", res.status)
		}
		pp := "/ct/saint-aubin-sur-loire"
		peer.get(pp+"/bibliotheque?pays=SN").mustContain(t, au.Name, past.Title)
		peer.get(pp+"/atlas?pays=SN").mustContain(t, au.Name, "Commune de Ziguinchor")
		peer.get(pp+"/atlas.csv?pays=SN").mustContain(t, "Code pays;", "Commune de Ziguinchor")
		sh, err := st.ShareOf(ctx, au.ID, past.ID)
		if err != nil {
			t.Fatal(err)
		}
		peerURL := pp + "/bibliotheque/" + strconv.FormatInt(sh.ID, 10)
		page := peer.get(peerURL)
		page.mustContain(t, "côte à côte", "Évaluations", "Évaluation à mi-parcours de la stratégie 2020–2026", "Recommandations et réponses")
		// Nor who evaluated, who carries a recommendation or the officer's notes on it.
		whole, err := st.ReadStrategy(ctx, au.ID, past.ID, strategy.PartMonitoring)
		if err != nil || len(whole.Monitoring.Evaluations) == 0 {
			t.Fatalf("the demo's evaluation: %v", err)
		}
		for _, e := range whole.Monitoring.Evaluations {
			for _, own := range append([]string{e.Evaluator}, recommendationsOwn(e)...) {
				if own != "" && strings.Contains(page.body, html.EscapeString(own)) {
					t.Errorf("a peer reads %q", own)
				}
			}
		}
		// The same share through the API, with a peer's token.
		token := app.apiToken("pair1@demo.boussole.test", "saint-aubin-sur-loire", false)
		apiShareURL := apiPrefix + "/library/" + strconv.FormatInt(sh.ID, 10)
		var found apiPage[apiShare]
		app.api("GET", apiPrefix+"/library?pays=SN", token, nil).decode(t, &found)
		if !slices.ContainsFunc(found.Items, func(a apiShare) bool { return a.ID == sh.ID && a.Title == past.Title }) {
			t.Errorf("the API's library by country misses the share: %+v", found.Items)
		}
		read := app.api("GET", apiShareURL, token, nil)
		var whole2 apiSharedStrategy
		read.decode(t, &whole2)
		if read.status != http.StatusOK || len(whole2.Content.Elements) != len(sh.View.Elements) || len(whole2.Content.Evaluations) == 0 {
			t.Errorf("the share through the API: %d, %d objectives", read.status, len(whole2.Content.Elements))
		}
		for _, e := range whole.Monitoring.Evaluations {
			for _, own := range append([]string{e.Evaluator}, recommendationsOwn(e)...) {
				if own != "" && strings.Contains(string(read.body), own) {
					t.Errorf("a peer's API reads %q", own)
				}
			}
		}
		// No person of the demo appears on what peers read.
		for _, person := range demoPersons(t, st, au.ID) {
			for _, body := range []string{page.body, peer.get(pp + "/bibliotheque").body, peer.get(pp + "/atlas").body, string(read.body)} {
				if strings.Contains(body, person) {
					t.Errorf("a peer reads %q", person)
				}
			}
		}
		// The peer cannot share the demo's strategy from its own workspace.
		if res := peer.post(pp+"/partage", share); res.status != http.StatusNotFound {
			t.Errorf("sharing another authority's strategy: %d", res.status)
		}

		// Copy the first objective into a draft of the peer's.
		pa, _ := st.AuthorityBySlug(ctx, "saint-aubin-sur-loire")
		draft := model.Strategy{AuthorityID: pa.ID, Title: "Prochaine stratégie", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
		if err := st.CreateStrategy(ctx, store.Actor{}, &draft, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		if len(sh.View.Elements) == 0 {
			t.Fatal("the demo's adopted strategy shares no objective")
		}
		first := sh.View.Elements[0]
		peer.get(peerURL+"/reprendre").mustContain(t, first.Title, "Prochaine stratégie")
		if res := peer.post(peerURL+"/reprendre", url.Values{"strategy": {strconv.FormatInt(draft.ID, 10)}}); res.status != http.StatusUnprocessableEntity ||
			!strings.Contains(res.body, `id="f-element-error"`) {
			t.Errorf("a copy with nothing ticked: %d", res.status)
		}
		if len(sh.View.Actions) == 0 {
			t.Fatal("the demo's adopted strategy shares no activity type")
		}
		action := sh.View.Actions[0]
		picks := []string{first.Ref, action.Ref}
		plan, err := sharing.PlanCopy(sh.View, picks)
		if err != nil {
			t.Fatal(err)
		}
		if res := peer.post(peerURL+"/reprendre", url.Values{"strategy": {strconv.FormatInt(draft.ID, 10)}, "element": picks}); res.status != http.StatusSeeOther {
			t.Fatalf("copy: %d\n%s", res.status, summaryText(res.body))
		}
		prov, _ := st.Provenances(ctx, pa.ID, draft.ID)
		if len(prov) != plan.Count() {
			t.Fatalf("provenances after the copy: %v, want %d", prov, plan.Count())
		}
		// The copies show where they come from, on the peer's own framework.
		peer.get(pp+"/cadre-logique?strategie="+strconv.FormatInt(draft.ID, 10)).mustContain(t, first.Title, action.Title, "Repris de la stratégie « "+past.Title)

		// A partner of the demo reads no library.
		partner := app.client()
		partner.post("/connexion", url.Values{"email": {"partenaire@demo.boussole.test"}, "password": {demo.Password}})
		if res := partner.get(prefix + "/bibliotheque"); res.status == http.StatusOK {
			t.Error("a partner reads the library")
		}

		// Withdraw: gone everywhere at once; the copy stays.
		admin.get(prefix+"/partage/retrait?strategie="+strconv.FormatInt(past.ID, 10)).mustContain(t, "Retirer le partage")
		if res := admin.post(prefix+"/partage/retrait", url.Values{"strategy": {strconv.FormatInt(past.ID, 10)}}); res.status != http.StatusSeeOther {
			t.Fatalf("withdraw: %d", res.status)
		}
		if res := peer.get(peerURL); res.status != http.StatusNotFound {
			t.Errorf("the withdrawn share still opens: %d", res.status)
		}
		if res := app.api("GET", apiShareURL, token, nil); res.status != http.StatusNotFound {
			t.Errorf("the withdrawn share still reads through the API: %d", res.status)
		}
		// (The demo's shared lessons stay in the library: they are shared apart from the strategy.)
		if strings.Contains(peer.get(pp+"/bibliotheque?pays=SN").body, past.Title) {
			t.Error("the library still lists the withdrawn strategy")
		}
		if strings.Contains(peer.get(pp+"/atlas?pays=SN").body, au.Name) {
			t.Error("the atlas still shows the withdrawn partnerships")
		}
		if prov, _ := st.Provenances(ctx, pa.ID, draft.ID); len(prov) != plan.Count() {
			t.Errorf("the copy went with the share: %v", prov)
		}
	})
}

// recommendationsOwn is what an evaluation's recommendations hold for the authority only.
func recommendationsOwn(e monitoring.Evaluation) []string {
	var out []string
	for _, r := range e.Recommendations {
		out = append(out, r.Owner, r.Notes)
	}
	return out
}

// demoPersons are the names and contacts of people the demo holds: members, stakeholders' contacts and
// awareness attendees.
func demoPersons(t *testing.T, st *store.Store, authorityID int64) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	members, _ := st.Members(ctx, authorityID)
	for _, m := range members {
		out = append(out, m.User.Name, m.User.Email)
	}
	actors, _ := st.Stakeholders(ctx, authorityID)
	for _, a := range actors {
		if a.Contact != "" {
			out = append(out, a.Contact)
		}
	}
	if len(out) < 6 {
		t.Fatalf("the demo holds only %d persons: the test would prove nothing", len(out))
	}
	return out
}

// TestPeersPagesFollowOtherAuthorities loads a peer's library, then shares the demo's strategy (a write of
// the demo authority only, which moves no mark of the peer) and checks the peer's next library page shows
// it: pages that read other authorities are kept against the platform's latest change, not their own.
func TestPeersPagesFollowOtherAuthorities(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, admin := demoOn(t, st)
		au, err := st.AuthorityBySlug(ctx, demo.Slug)
		if err != nil {
			t.Fatal(err)
		}
		list, _ := st.Strategies(ctx, au.ID)
		var past model.Strategy
		for _, s := range list {
			if s.Status == model.StrategyPast || s.Status == model.StrategyCurrent {
				past = s
			}
		}
		peer := app.client()
		if res := peer.post("/connexion", url.Values{"email": {"pair1@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
			t.Fatalf("sign-in as a peer: %d", res.status)
		}
		library := "/ct/saint-aubin-sur-loire/bibliotheque?pays=SN"
		if before := peer.get(library); strings.Contains(before.body, past.Title) {
			t.Fatalf("the library shows %q before it is shared", past.Title)
		}
		share := url.Values{"strategy": {strconv.FormatInt(past.ID, 10)}, "scope": {"1", "2", "4", "8"}, "licence": {string(sharing.LicenceOuverte)}}
		if res := admin.post("/ct/"+demo.Slug+"/partage", share); res.status != http.StatusSeeOther {
			t.Fatalf("share: %d", res.status)
		}
		peer.get(library).mustContain(t, au.Name, past.Title)
	})
}
