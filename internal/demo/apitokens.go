package demo

import (
	"context"
	"time"

	"boussole/internal/access"
	"boussole/internal/apitoken"
	"boussole/internal/store"
)

// loadAPITokens gives the agent a read-only token used by the finance department's spreadsheet, so the
// account page shows one; its secret is drawn and forgotten, as for any token.
func loadAPITokens(ctx context.Context, st *store.Store, fx *Fixture) error {
	agent := fx.Users[access.Agent]
	_, hash, prefix := apitoken.NewSecret()
	t := apitoken.Token{AuthorityID: fx.Authority.ID, UserID: agent.ID, Name: "Tableur du service finances", Prefix: prefix,
		ExpiresAt: time.Now().AddDate(1, 0, 0)}
	if err := st.CreateAPIToken(ctx, store.Actor{UserID: agent.ID, Label: agent.Name}, &t, hash); err != nil {
		return err
	}
	return st.TouchAPIToken(ctx, t.ID)
}
