package funding

import (
	"fmt"
	"testing"

	"boussole/internal/partialdate"
)

// benchProjects builds n projects of five lines each, mixing every kind of source, as a large authority's
// portfolio (60 projects make the 300 lines).
func benchProjects(n int) []Project {
	codes := []string{"ficol", "meae-generaliste", "1pc-eau", "erasmus-plus", "interreg", "1pc-assainissement"}
	themes := Themes()
	out := make([]Project, n)
	for i := range out {
		p := Project{ID: int64(i + 1), Title: fmt.Sprintf("Projet %d", i), Countries: []string{[]string{"SN", "MA", "DE", "VN"}[i%4]},
			Themes: []Theme{themes[i%len(themes)]}, Start: partialdate.OfMonth(2027, 1), End: partialdate.OfMonth(2028+i%3, 12),
			BudgetCents: cents(int64(500_000 + i*1000)), LeastDeveloped: i%2 == 0, HasAgreement: i%3 != 0}
		for k := range 5 {
			l := Line{ID: int64(i*5 + k + 1), Source: SourceProgramme, Programme: codes[(i+k)%len(codes)], AmountCents: int64(100_000+k*1000) * 100,
				Status: LineStatuses[(i+k)%len(LineStatuses)], Year: 2027 + k%2}
			if k == 0 {
				l.Source, l.Programme = SourceOwn, ""
			}
			p.Lines = append(p.Lines, l)
		}
		out[i] = p
	}
	return out
}

// BenchmarkCheck60Projects checks 60 projects with 300 financing lines, the 1 % use of the others included.
func BenchmarkCheck60Projects(b *testing.B) {
	projects := benchProjects(60)
	years := map[int]Year{2027: {Year: 2027, Budgets: map[Sector]SectorBudget{SectorWater: {ResourcesCents: cents(5_000_000)}}}}
	for b.Loop() {
		all := OnePercentUse(testCatalogue, projects)
		for _, p := range projects {
			Check(p, Context{Catalogue: testCatalogue, AuthorityKind: "commune", Years: years, OtherUse: all})
		}
	}
}

// BenchmarkPortfolio60Projects lays out the same portfolio with its redundancies and gaps.
func BenchmarkPortfolio60Projects(b *testing.B) {
	projects := benchProjects(60)
	for b.Loop() {
		BuildPortfolio(projects, []Priority{{ID: 1, Label: "Eau"}}, []Priority{{ID: 1, Label: "Sénégal", Country: "SN"}})
	}
}
