package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"boussole/internal/demo"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func TestNetworkViewAcrossItsMembersOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		app, _ := demoOn(t, st)
		network := app.client()
		if res := network.get("/reseau"); res.status != http.StatusSeeOther {
			t.Errorf("a visitor reads the network's view: %d", res.status)
		}
		if res := network.post("/connexion", url.Values{"email": {"reseau@demo.boussole.test"}, "password": {demo.Password}}); res.status != http.StatusSeeOther {
			t.Fatalf("sign-in as the network: %d", res.status)
		}
		network.get("/compte").mustContain(t, `href="/reseau"`)
		page := network.get("/reseau")
		page.mustContain(t, "Ville de Saint-Aubin-sur-Loire", "Commune de Podor", "Stadt Kiel", "Partenariats partagés par pays", "Partenariats partagés par thème")
		// Only its members: the peers that did not grant it access stay out.
		if strings.Contains(page.body, "Ville d&#39;Essaouira") || strings.Contains(page.body, "Essaouira") {
			t.Error("the network reads a partnership of an authority it does not accompany")
		}
		network.get("/reseau?pays=SN").mustContain(t, "Commune de Podor", "Région de Ziguinchor")
		if body := network.get("/reseau?pays=SN").body; strings.Contains(body, "Stadt Kiel") {
			t.Error("the country filter lets another country through")
		}
		csv := network.get("/reseau.csv?theme=eau")
		csv.mustContain(t, "Code pays;", "Commune de Podor")
		if strings.Contains(csv.body, "Stadt Kiel") {
			t.Error("the export ignores the theme")
		}
		counts := network.get("/reseau/comptes.csv")
		counts.mustContain(t, "Regroupement;Code pays;Pays ou thème;Partenariats;Collectivités membres", "pays;SN;Sénégal;2;2", "thème;;eau;")
		if strings.Contains(counts.body, "MA;Maroc") {
			t.Error("the counts hold a country of an authority the network does not accompany")
		}
		for _, odd := range []string{"/reseau?partenaire=%25%27+OR+1%3D1", "/reseau?theme=" + strings.Repeat("é", 3000), "/reseau?pays=ZZ&page=-3"} {
			if res := network.get(odd); res.status != http.StatusOK {
				t.Errorf("%s: %d", odd, res.status)
			}
		}

		// Saint-Aubin ends its grant: its partnerships leave the network's view at once.
		aubin, err := st.AuthorityBySlug(ctx, "saint-aubin-sur-loire")
		if err != nil {
			t.Fatal(err)
		}
		grants, err := st.Grants(ctx, aubin.ID)
		if err != nil || len(grants) != 1 {
			t.Fatalf("grants of Saint-Aubin: %v, %v", grants, err)
		}
		if err := st.RevokeGrant(ctx, store.Actor{}, aubin.ID, grants[0].ID); err != nil {
			t.Fatal(err)
		}
		if body := network.get("/reseau").body; strings.Contains(body, "Commune de Podor") || strings.Contains(body, "Saint-Aubin") {
			t.Error("a member that revoked its grant is still in the network's view")
		}
		if body := network.get("/reseau.csv").body; strings.Contains(body, "Commune de Podor") {
			t.Error("a member that revoked its grant is still in the network's export")
		}

		// An account without grants is told how to get some.
		reader := app.client()
		reader.post("/connexion", url.Values{"email": {"lecteur@demo.boussole.test"}, "password": {demo.Password}})
		reader.get("/reseau").mustContain(t, "Aucune collectivité ne vous a ouvert l")
		if body := reader.get("/reseau.csv").body; strings.Contains(body, "Podor") || strings.Contains(body, "Kiel") {
			t.Error("an account without grants exports partnerships")
		}
	})
}
