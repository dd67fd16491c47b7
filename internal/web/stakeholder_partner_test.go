package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestStakeholderMapIsNotSharedWithPartners checks a partner sees only that the map is internal: the entry
// page explains it, every other page, figure and export of the map is refused, and no contact shows.
func TestStakeholderMapIsNotSharedWithPartners(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		sh := stakeholder.Stakeholder{Name: "Comité de jumelage", Kind: stakeholder.KindAssociation,
			Contact: "Jeanne Martin, jeanne.martin@example.test"}
		if err := st.CreateStakeholder(context.Background(), store.Actor{}, a.ID, &sh); err != nil {
			t.Fatal(err)
		}
		p := "/ct/" + a.Slug + "/acteurs"
		partner := app.signIn("partenaire@ville-alpha.test")
		entry := partner.get(p)
		wantStatus(t, entry, http.StatusOK, "partner on the entry page")
		entry.mustContain(t, "interne à la collectivité")
		if strings.Contains(entry.body, "Jeanne Martin") || strings.Contains(entry.body, "Comité de jumelage") {
			t.Error("the entry page shows the map to a partner")
		}
		if strings.Contains(entry.body, `href="`+p+`/`) {
			t.Error("the entry page links a partner to a page of the map")
		}
		for _, path := range []string{"/export.csv", "/export.xlsx", fmt.Sprintf("/%d", sh.ID), "/grille", "/saillance", "/reseau", "/engagement"} {
			wantStatus(t, partner.get(p+path), http.StatusForbidden, "partner on "+path)
		}
		// The roles that see internal content still see the map and its contacts.
		for _, email := range []string{"lecteur@ville-alpha.test", "agent@ville-alpha.test"} {
			c := app.signIn(email)
			c.get(p).mustContain(t, "Comité de jumelage")
			c.get(fmt.Sprintf("%s/%d", p, sh.ID)).mustContain(t, "Jeanne Martin")
			wantStatus(t, c.get(p+"/export.csv"), http.StatusOK, email+" exports")
		}
	})
}
