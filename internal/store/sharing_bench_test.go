package store_test

import (
	"os"
	"testing"

	"boussole/internal/sharing"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// eachSeeded runs fn on SQLite and, when BOUSSOLE_TEST_POSTGRES_URL is set, on PostgreSQL, each seeded at the
// issue's scale: 5,000 authorities, 2,000 shared strategies holding 20,000 shared partnerships.
func eachSeeded(b *testing.B, fn func(b *testing.B, s *store.Store)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, seeded(b, storetest.SQLite(b))) })
	b.Run("postgres", func(b *testing.B) {
		url := os.Getenv("BOUSSOLE_TEST_POSTGRES_URL")
		if url == "" {
			b.Skip("BOUSSOLE_TEST_POSTGRES_URL not set")
		}
		fn(b, seeded(b, storetest.Postgres(b, url)))
	})
}

func seeded(b *testing.B, s *store.Store) *store.Store {
	if err := s.SeedSyntheticShares(ctx, 5000, 2000, 10); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkLibrarySearch(b *testing.B) { eachSeeded(b, benchLibrarySearch) }

func benchLibrarySearch(b *testing.B, s *store.Store) {
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

func BenchmarkAtlas(b *testing.B) { eachSeeded(b, benchAtlas) }

func benchAtlas(b *testing.B, s *store.Store) {
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
