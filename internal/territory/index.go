package territory

import (
	"slices"
	"sort"
	"strings"

	"boussole/internal/textkey"
)

// index is an inverted index over search keys: the words of each name (and
// each pair of adjacent words glued, so « grandangouleme » and
// « saintetienne » match too), codes, SIRENs, postcodes and, for communes
// and EPCI, the département code. Keys are kept sorted, so a word prefix is a
// contiguous range of key IDs found by binary search, and matching an
// authority against a prefix is an integer comparison.
type index struct {
	keys     []string // sorted, unique
	keyStart []int32  // postings of key k: postings[keyStart[k]:keyStart[k+1]]
	postings []int32  // authority positions
	ownStart []int32  // keys of authority i: ownKeys[ownStart[i]:ownStart[i+1]]
	ownKeys  []int32  // ascending within each authority
	names    []string // folded name of each authority
	codes    []string // folded code of each authority
}

func buildIndex(all []Authority) index {
	ix := index{names: make([]string, len(all)), codes: make([]string, len(all))}
	// First pass: number each distinct key in order of appearance (one map
	// lookup per occurrence) and record each authority's keys by that number.
	seen := make(map[string]int32, 150000)
	var keys []string
	ix.ownStart = make([]int32, 0, len(all)+1)
	ix.ownKeys = make([]int32, 0, 8*len(all))
	for i, a := range all {
		ix.names[i] = textkey.Fold(a.Name)
		ix.codes[i] = searchCode(a)
		ix.ownStart = append(ix.ownStart, int32(len(ix.ownKeys)))
		for _, k := range searchKeys(a, ix.names[i], ix.codes[i]) {
			n, ok := seen[k]
			if !ok {
				n = int32(len(keys))
				seen[k] = n
				keys = append(keys, k)
			}
			ix.ownKeys = append(ix.ownKeys, n)
		}
	}
	ix.ownStart = append(ix.ownStart, int32(len(ix.ownKeys)))
	// Second pass: renumber keys in sorted order, so that a prefix is a range.
	order := make([]int32, len(keys))
	for n := range order {
		order[n] = int32(n)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(keys[x], keys[y]) })
	ix.keys = make([]string, len(keys))
	final := make([]int32, len(keys))
	for rank, n := range order {
		ix.keys[rank] = keys[n]
		final[n] = int32(rank)
	}
	for j, n := range ix.ownKeys {
		ix.ownKeys[j] = final[n]
	}
	for i := range all {
		slices.Sort(ix.own(int32(i)))
	}
	ix.fillPostings(all)
	return ix
}

// fillPostings inverts ownKeys by counting sort. Each key's postings are
// listed by decreasing population, which lets a search stop reading a key
// once its candidates are too small to enter the results.
func (ix *index) fillPostings(all []Authority) {
	ix.keyStart = make([]int32, len(ix.keys)+1)
	for _, k := range ix.ownKeys {
		ix.keyStart[k+1]++
	}
	for k := 1; k < len(ix.keyStart); k++ {
		ix.keyStart[k] += ix.keyStart[k-1]
	}
	next := slices.Clone(ix.keyStart[:len(ix.keys)])
	ix.postings = make([]int32, len(ix.ownKeys))
	byPopulation := make([]int32, len(all))
	for i := range byPopulation {
		byPopulation[i] = int32(i)
	}
	slices.SortStableFunc(byPopulation, func(x, y int32) int { return all[y].Population - all[x].Population })
	for _, i := range byPopulation {
		for _, k := range ix.own(i) {
			ix.postings[next[k]] = i
			next[k]++
		}
	}
}

// searchCode returns the code a user may type for a. A special authority's
// slug is Boussole's own and must not outrank a commune of that name; an
// overseas collectivity is typed by its INSEE code (987…).
func searchCode(a Authority) string {
	switch {
	case a.Kind != KindSpecial:
		return textkey.Fold(a.Code)
	case a.RegionCode == "":
		return a.DepartementCode
	}
	return ""
}

// searchKeys returns the distinct keys under which a is found.
func searchKeys(a Authority, name, code string) []string {
	words := strings.Fields(name)
	keys := make([]string, 0, 2*len(words)+len(a.Postcodes)+3)
	keys = append(keys, words...)
	for i := 1; i < len(words); i++ {
		keys = append(keys, words[i-1]+words[i])
	}
	if code != "" {
		keys = append(keys, code)
	}
	if a.SIREN != "" {
		keys = append(keys, a.SIREN)
	}
	keys = append(keys, a.Postcodes...)
	if a.Kind == KindCommune || a.Kind == KindEPCI {
		keys = append(keys, textkey.Fold(a.DepartementCode))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// span is a half-open range of key IDs: the keys sharing a prefix.
type span struct{ lo, hi int32 }

// prefixSpan returns the keys that start with p.
func (ix *index) prefixSpan(p string) span {
	lo, _ := slices.BinarySearch(ix.keys, p)
	rest := ix.keys[lo:]
	// Keys sharing the prefix are contiguous, so the first one without it
	// is found by bisection too.
	n := sort.Search(len(rest), func(i int) bool { return !strings.HasPrefix(rest[i], p) })
	return span{int32(lo), int32(lo + n)}
}

// weight is the number of postings under the span's keys.
func (ix *index) weight(s span) int32 {
	return ix.keyStart[s.hi] - ix.keyStart[s.lo]
}

// own returns the sorted key IDs of authority i.
func (ix *index) own(i int32) []int32 {
	return ix.ownKeys[ix.ownStart[i]:ix.ownStart[i+1]]
}
