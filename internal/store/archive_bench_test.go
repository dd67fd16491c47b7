package store_test

import (
	"bytes"
	"testing"

	"boussole/internal/archive"
	"boussole/internal/demo"
	"boussole/internal/store/storetest"
)

// BenchmarkArchive measures the demo's archive: export (read transaction and zip), read back (checks
// included), and restore in place of the workspace (delete and import in one transaction).
//
//	go test -run '^$' -bench BenchmarkArchive -benchmem -benchtime 20x ./internal/store/
func BenchmarkArchive(b *testing.B) {
	s := storetest.SQLite(b)
	if _, err := demo.Load(ctx, s); err != nil {
		b.Fatal(err)
	}
	a, err := s.AuthorityBySlug(ctx, demo.Slug)
	if err != nil {
		b.Fatal(err)
	}
	var zipped []byte
	b.Run("export", func(b *testing.B) {
		for b.Loop() {
			arc, err := s.ExportAuthority(ctx, a.ID)
			if err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			if err := archive.Write(&buf, arc); err != nil {
				b.Fatal(err)
			}
			zipped = buf.Bytes()
		}
		b.ReportMetric(float64(len(zipped)), "bytes/archive")
	})
	var arc *archive.Archive
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if arc, err = archive.Read(bytes.NewReader(zipped), int64(len(zipped)), archive.DefaultLimits); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("replace", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.ReplaceAuthority(ctx, arc); err != nil {
				b.Fatal(err)
			}
		}
	})
}
