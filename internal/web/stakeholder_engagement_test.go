package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"boussole/internal/htmlcheck"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestStakeholderEngagementTextsSurviveEditing imports a stakeholder with its engagement texts, opens its
// edit form and saves it unchanged: the texts are shown in the form and still stored afterwards. They used
// to be dropped by the form, so every re-save of an imported record wiped them.
func TestStakeholderEngagementTextsSurviveEditing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		c := app.signIn("agent@ville-alpha.test")
		p := "/ct/" + a.Slug + "/acteurs"
		file := "Nom;Type;Engagement de la collectivité;Ce que cela représente pour la partie prenante\n" +
			"Lycée Jean-Moulin;association;Associer le lycée aux échanges de jeunes;Deux réunions par an\n"
		res := c.upload(p+"/import", "file", "acteurs.csv", []byte(file))
		action := regexpFind(res.body, `action="(/ct/[^"]+/confirmation)"`)
		if action == "" {
			t.Fatalf("no confirmation form (%d)\n%s", res.status, summaryText(res.body))
		}
		if res := c.post(action, url.Values{}); res.status != http.StatusSeeOther {
			t.Fatalf("confirm: %d", res.status)
		}
		ctx := context.Background()
		list, err := st.Stakeholders(ctx, a.ID)
		if err != nil || len(list) != 1 {
			t.Fatalf("imported: %d, %v", len(list), err)
		}
		id := list[0].ID
		edit := c.get(p + "/" + itoa(int(id)) + "/modifier")
		values := url.Values{}
		for _, f := range htmlcheck.Forms([]byte(edit.body)) {
			if f.Action != p+"/"+itoa(int(id)) {
				continue
			}
			for _, fl := range f.Fields {
				if (fl.Type != "checkbox" && fl.Tag != "button") || fl.Checked {
					if fl.Tag == "select" {
						values.Add(fl.Name, fl.Selected())
					} else if fl.Tag != "button" {
						values.Add(fl.Name, fl.Value)
					}
				}
			}
		}
		if values.Get("engagement.promise") != "Associer le lycée aux échanges de jeunes" || values.Get("engagement.ask") != "Deux réunions par an" {
			t.Errorf("the edit form shows promise %q and ask %q", values.Get("engagement.promise"), values.Get("engagement.ask"))
		}
		if res := c.post(p+"/"+itoa(int(id)), values); res.status != http.StatusSeeOther {
			t.Fatalf("re-save: %d\n%s", res.status, summaryText(res.body))
		}
		got, err := st.Stakeholder(ctx, a.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Engagement.Promise != "Associer le lycée aux échanges de jeunes" || got.Engagement.Ask != "Deux réunions par an" {
			t.Errorf("after re-saving: promise %q, ask %q", got.Engagement.Promise, got.Engagement.Ask)
		}
	})
}
