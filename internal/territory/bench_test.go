package territory

import "testing"

var benchQueries = []string{
	"paris", "lyon", "angou", "saint etienne", "st etienne", "16000", "97411", "200071827",
	"évry", "s", "la", "grand", "saint denis 974", "communaute de communes du pays", "2a", "xqzwv",
}

func BenchmarkSearch(b *testing.B) {
	load()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Search(benchQueries[n%len(benchQueries)], 10)
		n++
	}
}

func BenchmarkSearchEach(b *testing.B) {
	load()
	for _, q := range benchQueries {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Search(q, 10)
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(raw); err != nil {
			b.Fatal(err)
		}
	}
}
