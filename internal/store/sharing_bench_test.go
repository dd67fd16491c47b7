package store_test

import (
	"testing"

	"boussole/internal/sharing"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// The scale: 5,000 authorities, 2,000 shared strategies holding 20,000 shared partnerships.
func seededLibrary(b *testing.B) *store.Store {
	s := storetest.SQLite(b)
	if err := s.SeedShares(ctx, 5000, 2000, 10); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkLibrarySearch(b *testing.B) {
	s := seededLibrary(b)
	for _, c := range []struct {
		name string
		q    sharing.Query
	}{{"words", sharing.Query{Text: "coopérer eau"}}, {"country", sharing.Query{Country: "SN"}}, {"theme", sharing.Query{Theme: "santé"}},
		{"all", sharing.Query{}}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.SearchShares(ctx, c.q, 0, 0, 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkAtlas(b *testing.B) {
	s := seededLibrary(b)
	for _, c := range []struct {
		name string
		q    sharing.AtlasQuery
	}{{"country", sharing.AtlasQuery{Country: "SN"}}, {"partner", sharing.AtlasQuery{Partner: "partenaire 17"}}, {"all", sharing.AtlasQuery{}}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.Atlas(ctx, c.q, 0, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("countries", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.AtlasCountries(ctx, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
}
