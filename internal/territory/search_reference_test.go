package territory

import (
	"slices"
	"strings"
	"testing"

	"boussole/internal/textkey"
)

// referenceSearch scores every authority, without the driver or the early
// stops of Search, to check that those shortcuts lose nothing.
func referenceSearch(t *table, text string, limit int) []string {
	words := strings.Fields(textkey.Fold(text))
	terms, _ := t.terms(words)
	if terms == nil {
		return nil
	}
	q := resolved{words: words, folded: textkey.Fold(text), spelt: spellOut(words), terms: terms, driver: -1}
	var hits []hit
	for i := range t.all {
		if t.matchesAll(int32(i), terms, -1) {
			hits = append(hits, hit{int32(i), t.rank(int32(i), &q)})
		}
	}
	slices.SortFunc(hits, func(x, y hit) int {
		if t.better(x, y) {
			return -1
		}
		return 1
	})
	var out []string
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, t.all[h.i].ID)
	}
	return out
}

func TestSearchMatchesReference(t *testing.T) {
	tbl := load()
	queries := []string{"s", "sa", "saint", "st", "ste", "st m", "la", "l", "y", "grand", "paris", "lyon",
		"angou", "saint etienne", "st etienne", "16000", "1", "97", "2a", "2b0", "ville", "pays",
		"communaute de communes", "sur", "le mont", "mont saint", "cc", "ca du", "metropole",
		"saint denis", "saint denis 974", "vallee", "ouest", "200", "9", "ile", "eu"}
	for _, q := range queries {
		for _, limit := range []int{1, 10, 50} {
			got := ids(tbl.search(q, limit))
			want := referenceSearch(tbl, q, limit)
			if !slices.Equal(got, want) {
				t.Errorf("search(%q, %d) =\n%v\nwant\n%v", q, limit, got, want)
			}
		}
	}
}
