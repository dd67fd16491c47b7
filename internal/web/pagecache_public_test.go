package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"boussole/internal/consultation"
	"boussole/internal/publicpage"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestKeptPublicPagesFollowEveryChange serves the public page, a consultation's results and the public
// calendar twice (the second time from the cache), then changes what they show — a contribution (not
// audited: its own mark), its moderation, the profile, the unpublishing of the page — and checks that the
// next answer, the team's moderation queue included, shows each change.
func TestKeptPublicPagesFollowEveryChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newPublicFixture(t, st)
		f.setProfile(t, publicpage.Profile{Published: true, Contact: "ri@ouverte.test", ShowCalendar: true})
		visitor := f.app.client()
		page := "/public/" + f.authority.Slug
		first := visitor.get(page)
		if first.status != http.StatusOK {
			t.Fatalf("public page: %d", first.status)
		}
		if again := visitor.get(page); again.body != first.body || again.header.Get("Cache-Control") != first.header.Get("Cache-Control") {
			t.Error("the same public page, with nothing changed, differs")
		}
		if f.app.keptCount(f.authority.ID) == 0 {
			t.Fatal("the public page was not kept")
		}

		feed := visitor.get(page + "/calendrier.ics")
		feed.mustContain(t, "MARQUE-JALON-PUBLIC")
		tag := feed.header.Get("ETag")
		if tag == "" {
			t.Fatal("the public calendar has no entity tag")
		}
		req, _ := http.NewRequest(http.MethodGet, f.app.srv.URL+page+"/calendrier.ics", nil)
		req.Header.Set("If-None-Match", tag)
		if res := visitor.do(req); res.status != http.StatusNotModified || res.body != "" {
			t.Errorf("the kept calendar asked again with its tag: %d, %d bytes", res.status, len(res.body))
		}

		c, err := st.Consultation(ctx, f.authority.ID, f.open.ID)
		must(t, err)
		c.ResultsPublic, c.Response = true, "Nous retenons la jeunesse."
		must(t, st.SaveSynthesis(ctx, store.Actor{}, &c))
		results := page + "/consultations/" + strconv.FormatInt(f.open.ID, 10) + "/resultats"
		before := visitor.get(results)
		before.mustContain(t, "Nous retenons la jeunesse.")
		team := f.app.signIn("admin@" + f.authority.Slug + ".test")
		queue := "/ct/" + f.authority.Slug + "/participation/consultations/" + strconv.FormatInt(f.open.ID, 10) + "/moderation"
		if res := team.get(queue); res.status != http.StatusOK {
			t.Fatalf("moderation queue: %d", res.status)
		}

		if res := f.contribute(t, "MARQUE-NOUVELLE", url.Values{}); res.status != http.StatusOK {
			t.Fatalf("contribution: %d", res.status)
		}
		team.get(queue).mustContain(t, "MARQUE-NOUVELLE")
		if got := visitor.get(results).body; got == before.body {
			t.Error("the results do not count the new contribution")
		}
		list, err := st.AllContributions(ctx, f.authority.ID, f.open.ID)
		must(t, err)
		_, err = st.ModerateContribution(ctx, store.Actor{}, f.authority.ID, list[0].ID, consultation.Published, "")
		must(t, err)
		visitor.get(results).mustContain(t, "MARQUE-NOUVELLE")

		f.setProfile(t, publicpage.Profile{Published: true, Contact: "autre@ouverte.test", ShowCalendar: true})
		visitor.get(page).mustContain(t, "autre@ouverte.test")
		f.setProfile(t, publicpage.Profile{Published: false, Contact: "autre@ouverte.test"})
		if res := visitor.get(page); res.status != http.StatusNotFound {
			t.Errorf("an unpublished page, once kept, answers %d", res.status)
		}
		if res := visitor.get("/public/inconnue"); res.status != http.StatusNotFound {
			t.Errorf("an unknown authority answers %d", res.status)
		}
	})
}
