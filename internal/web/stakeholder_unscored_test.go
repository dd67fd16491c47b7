package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestUnscoredActorAndInstitutionKind: the Commission européenne is entered with the kind for European and
// international institutions, before anyone scored it; its page and the list say « non renseigné », never
// « non partie prenante ».
func TestUnscoredActorAndInstitutionKind(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		a := app.workspace("Ville Alpha")
		c := app.signIn("agent@ville-alpha.test")
		p := "/ct/" + a.Slug + "/acteurs"
		c.get(p+"/nouveau").mustContain(t, `value="institution"`, "Institution européenne ou internationale")
		res := c.post(p, url.Values{"name": {"Commission européenne"}, "kind": {string(stakeholder.KindInstitution)}})
		wantStatus(t, res, http.StatusSeeOther, "unscored institution")
		id := idFromLocation(t, res.location)
		show := c.get(fmt.Sprintf("%s/%d", p, id))
		show.mustContain(t, "Commission européenne", "Institution européenne ou internationale", "non renseigné")
		list := c.get(p)
		list.mustContain(t, "Commission européenne", "non renseigné")
		for _, page := range []response{show, list} {
			if strings.Contains(page.body, "non partie prenante") {
				t.Error("an unscored actor is labelled « non partie prenante »")
			}
		}
	})
}
