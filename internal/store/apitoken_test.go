package store_test

import (
	"errors"
	"testing"
	"time"

	"boussole/internal/access"
	"boussole/internal/apitoken"
	"boussole/internal/model"
	"boussole/internal/proconnect"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func TestAPITokensLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, admin := signUp(t, s, "Ville A", "admin@a.fr")
		b, _ := signUp(t, s, "Ville B", "admin@b.fr")
		secret, hash, prefix := apitoken.NewSecret()
		tok := apitoken.Token{AuthorityID: a.ID, UserID: admin.ID, Name: "tableur", Prefix: prefix, Writable: true, ExpiresAt: time.Now().Add(time.Hour)}
		if err := s.CreateAPIToken(ctx, store.Actor{UserID: admin.ID}, &tok, hash); err != nil {
			t.Fatal(err)
		}
		if other := (apitoken.Token{AuthorityID: b.ID, UserID: admin.ID, Name: "x", ExpiresAt: time.Now().Add(time.Hour)}); !errors.Is(s.CreateAPIToken(ctx, store.Actor{}, &other, "h"), store.ErrNotFound) {
			t.Error("a token for a workspace its owner is not a member of")
		}
		bearer, err := s.APITokenBearer(ctx, apitoken.Hash(secret))
		if err != nil || bearer.Authority.ID != a.ID || bearer.User.ID != admin.ID || bearer.Role != access.Admin || !bearer.Token.Writable {
			t.Fatalf("bearer %+v, %v", bearer, err)
		}
		if _, err := s.APITokenBearer(ctx, apitoken.Hash("bsl_inconnu")); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown secret: %v", err)
		}
		if err := s.TouchAPIToken(ctx, tok.ID); err != nil {
			t.Fatal(err)
		}
		list, err := s.APITokens(ctx, admin.ID)
		if err != nil || len(list) != 1 || list[0].LastUsedAt.IsZero() || list[0].AuthorityName != "Ville A" {
			t.Fatalf("list %+v, %v", list, err)
		}
		if err := s.RevokeAPIToken(ctx, store.Actor{UserID: admin.ID}, admin.ID+1000, tok.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("someone else revoked the token: %v", err)
		}
		if err := s.RevokeAPIToken(ctx, store.Actor{UserID: admin.ID}, admin.ID, tok.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.APITokenBearer(ctx, hash); !errors.Is(err, store.ErrExpired) {
			t.Errorf("revoked token: %v", err)
		}
	})
}

func TestProConnectFlowsServeOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := proconnect.NewFlow()
		if err := s.CreateOIDCFlow(ctx, "etat", f, "/ct/x/", time.Minute); err != nil {
			t.Fatal(err)
		}
		got, next, err := s.TakeOIDCFlow(ctx, "etat")
		if err != nil || got.Nonce != f.Nonce || got.Verifier != f.Verifier || next != "/ct/x/" {
			t.Fatalf("flow %+v %q %v", got, next, err)
		}
		if _, _, err := s.TakeOIDCFlow(ctx, "etat"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a state served twice: %v", err)
		}
		if err := s.CreateOIDCFlow(ctx, "vieux", f, "/", -time.Minute); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.TakeOIDCFlow(ctx, "vieux"); !errors.Is(err, store.ErrExpired) {
			t.Errorf("an expired state: %v", err)
		}
		// An identity is one account, and SignUpWithIdentity is all or nothing.
		id := proconnect.Identity{Issuer: "https://pc", Subject: "s", IdpID: "i", Email: "p@x.fr"}
		u := model.User{Email: "p@x.fr", Name: "P"}
		if err := s.SignUpWithIdentity(ctx, &u, id); err != nil {
			t.Fatal(err)
		}
		if got, err := s.UserByIdentity(ctx, id); err != nil || got.ID != u.ID {
			t.Errorf("by identity: %+v %v", got, err)
		}
		again := model.User{Email: "autre@x.fr", Name: "Q"}
		if err := s.SignUpWithIdentity(ctx, &again, id); !errors.Is(err, store.ErrDuplicate) {
			t.Errorf("second account for one identity: %v", err)
		}
		if _, err := s.UserByEmail(ctx, "autre@x.fr"); !errors.Is(err, store.ErrNotFound) {
			t.Error("half-written sign-up left an account")
		}
	})
}
