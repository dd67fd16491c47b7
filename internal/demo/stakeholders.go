package demo

import (
	"context"

	"boussole/internal/store"
)

// loadStakeholders adds the demo's stakeholders content.
func loadStakeholders(ctx context.Context, st *store.Store, fx *Fixture) error { return nil }
