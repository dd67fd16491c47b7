package store_test

import (
	"testing"

	"boussole/internal/model"
	"boussole/internal/sharing"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func TestNetworkSeesItsMembersSharesWhileTheGrantLasts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f, other := wholeFixture(t, s) // f shares a partnership with Podor, in Senegal; other shares nothing
		shareOf(t, s, f, sharing.Structure|sharing.Partnerships)
		network := model.User{Email: "reseau@exemple.fr", Name: "Réseau", PasswordHash: "x"}
		must(t, s.CreateUser(ctx, &network))
		stranger := model.User{Email: "autre@exemple.fr", Name: "Autre", PasswordHash: "x"}
		must(t, s.CreateUser(ctx, &stranger))
		must(t, s.CreateGrant(ctx, store.Actor{}, f.authority.ID, network.ID, "Réseau"))
		must(t, s.CreateGrant(ctx, store.Actor{}, other.authority.ID, network.ID, "Réseau"))

		sees := func(user int64) (members, entries, countries, themes int) {
			t.Helper()
			m, err := s.NetworkMembers(ctx, user)
			if err != nil {
				t.Fatal(err)
			}
			_, total, err := s.Atlas(ctx, sharing.AtlasQuery{Network: user}, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			c, err := s.AtlasCountries(ctx, user)
			if err != nil {
				t.Fatal(err)
			}
			th, err := s.AtlasThemes(ctx, user)
			if err != nil {
				t.Fatal(err)
			}
			return len(m), total, len(c), len(th)
		}
		if m, e, c, th := sees(network.ID); m != 2 || e != 1 || c != 1 || th == 0 {
			t.Errorf("the network sees %d members, %d partnerships, %d countries, %d themes; want 2, 1, 1 and some", m, e, c, th)
		}
		if m, e, c, th := sees(stranger.ID); m != 0 || e != 0 || c != 0 || th != 0 {
			t.Errorf("an account without grants sees %d members, %d partnerships, %d countries, %d themes", m, e, c, th)
		}
		themes, _ := s.AtlasThemes(ctx, network.ID)
		if themes[0].Partners != 1 || themes[0].Authorities != 1 {
			t.Errorf("themes %+v: one partnership of one authority each", themes)
		}
		// The grant ends: the network sees nothing more of that member.
		grants, err := s.Grants(ctx, f.authority.ID)
		if err != nil || len(grants) != 1 {
			t.Fatalf("grants %v, %v", grants, err)
		}
		must(t, s.RevokeGrant(ctx, store.Actor{}, f.authority.ID, grants[0].ID))
		if m, e, c, th := sees(network.ID); m != 1 || e != 0 || c != 0 || th != 0 {
			t.Errorf("after the revocation the network sees %d members, %d partnerships, %d countries, %d themes", m, e, c, th)
		}
	})
}
