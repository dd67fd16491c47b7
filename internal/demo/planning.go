package demo

import (
	"context"

	"boussole/internal/store"
)

// loadPlanning adds the demo's planning content.
func loadPlanning(ctx context.Context, st *store.Store, fx *Fixture) error { return nil }
