package demo

import (
	"context"

	"boussole/internal/store"
)

// loadDiagnostic adds the demo's diagnostic content.
func loadDiagnostic(ctx context.Context, st *store.Store, fx *Fixture) error { return nil }
