package demo

import (
	"context"

	"boussole/internal/store"
)

// loadFramework adds the demo's framework content.
func loadFramework(ctx context.Context, st *store.Store, fx *Fixture) error { return nil }
