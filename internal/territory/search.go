package territory

import (
	"slices"
	"strings"

	"boussole/internal/textkey"
)

// Ranks of a match, best first.
const (
	rankCode     = iota // the whole query is the authority's code or SIREN
	rankPostcode        // the whole query is one of its postcodes
	rankName            // the whole query is its name
	rankWords           // every query word is a whole word of its name or keys
	rankPrefix          // every query word starts a word of its name or keys
)

// maxWords bounds the work a pasted paragraph can cause.
const maxWords = 8

// abbreviations are read both as typed and spelt out (« st etienne »).
var abbreviations = map[string]string{"st": "saint", "ste": "sainte", "stes": "saintes", "sts": "saints"}

// term is one query word: the key ranges it matches as a prefix and the key
// IDs it matches whole.
type term struct {
	spans []span
	exact []int32
}

// hit is a candidate result.
type hit struct {
	i    int32
	rank int
}

// Search returns at most limit authorities matching query, best first. A
// query matches by name, case and accents ignored, each word as a prefix of a
// word of the name in any order; by INSEE code, SIREN, postcode or
// département code; or by ID. Exact codes come first, then postcodes, exact
// names, whole words and prefixes, each group by decreasing population.
func Search(query string, limit int) []Authority {
	if limit <= 0 {
		return nil
	}
	t := load()
	if i, ok := t.byID[strings.TrimSpace(query)]; ok {
		return []Authority{t.all[i]}
	}
	return t.search(query, limit)
}

func (t *table) search(query string, limit int) []Authority {
	folded := textkey.Fold(query)
	words := strings.Fields(folded)
	if len(words) == 0 {
		return nil
	}
	if len(words) > maxWords {
		words = words[:maxWords]
	}
	terms, driver := t.terms(words)
	if terms == nil {
		return nil
	}
	q := resolved{words: words, folded: folded, spelt: spellOut(words), terms: terms, driver: driver}
	top := make([]hit, 0, min(limit, 64))
	d := terms[driver]
	// Authorities holding the driver word whole may rank anywhere: read them all.
	for _, k := range d.exact {
		for _, i := range t.idx.postings[t.idx.keyStart[k]:t.idx.keyStart[k+1]] {
			if t.seenBeforeExact(i, k, d.exact) || !t.matchesAll(i, terms, driver) {
				continue
			}
			top = t.keep(top, hit{i, t.rank(i, &q)}, limit)
		}
	}
	// The others can only match by prefix, the lowest rank, so each key's
	// postings, by decreasing population, are read until one is too small.
	if len(top) == limit && top[limit-1].rank < rankPrefix {
		return t.authorities(top)
	}
	for _, s := range d.spans {
		for k := s.lo; k < s.hi; k++ {
			for _, i := range t.idx.postings[t.idx.keyStart[k]:t.idx.keyStart[k+1]] {
				if len(top) == limit && t.all[i].Population < t.all[top[limit-1].i].Population {
					break
				}
				own := t.idx.own(i)
				if anyExact(own, d.exact) || t.seenBefore(i, k, d.spans) || !t.matchesAll(i, terms, driver) {
					continue
				}
				top = t.keep(top, hit{i, rankPrefix}, limit)
			}
		}
	}
	return t.authorities(top)
}

// resolved is a folded query resolved against the index.
type resolved struct {
	words         []string
	folded, spelt string
	terms         []term
	driver        int
}

func (t *table) authorities(top []hit) []Authority {
	out := make([]Authority, len(top))
	for n, h := range top {
		out[n] = t.all[h.i]
	}
	return out
}

// terms resolves each word to key ranges and picks as driver the word with
// the fewest postings; it returns nil when a word matches nothing.
func (t *table) terms(words []string) ([]term, int) {
	terms := make([]term, len(words))
	driver, best := 0, int32(-1)
	for n, w := range words {
		forms := []string{w}
		if long, ok := abbreviations[w]; ok {
			forms = append(forms, long)
		}
		var weight int32
		for _, f := range forms {
			s := t.idx.prefixSpan(f)
			if s.lo == s.hi {
				continue
			}
			terms[n].spans = append(terms[n].spans, s)
			weight += t.idx.weight(s)
			if t.idx.keys[s.lo] == f {
				terms[n].exact = append(terms[n].exact, s.lo)
			}
		}
		if weight == 0 {
			return nil, 0
		}
		if best < 0 || weight < best {
			driver, best = n, weight
		}
	}
	return terms, driver
}

// spellOut returns the query with abbreviations spelt out, or "" if it has none.
func spellOut(words []string) string {
	changed := false
	out := make([]string, len(words))
	for n, w := range words {
		out[n] = w
		if long, ok := abbreviations[w]; ok {
			out[n], changed = long, true
		}
	}
	if !changed {
		return ""
	}
	return strings.Join(out, " ")
}

// seenBefore reports whether authority i was already reached through a
// smaller key of the driver's spans, so that each is scored once.
func (t *table) seenBefore(i, key int32, spans []span) bool {
	for _, k := range t.idx.own(i) {
		if k >= key {
			return false
		}
		if inSpans(k, spans) {
			return true
		}
	}
	return false
}

// seenBeforeExact is seenBefore for the driver's whole-word keys.
func (t *table) seenBeforeExact(i, key int32, exact []int32) bool {
	for _, k := range t.idx.own(i) {
		if k >= key {
			return false
		}
		if slices.Contains(exact, k) {
			return true
		}
	}
	return false
}

// matchesAll reports whether authority i matches every term but the driver.
func (t *table) matchesAll(i int32, terms []term, driver int) bool {
	own := t.idx.own(i)
	for n := range terms {
		if n != driver && !anyIn(own, terms[n].spans) {
			return false
		}
	}
	return true
}

func anyIn(keys []int32, spans []span) bool {
	for _, k := range keys {
		if inSpans(k, spans) {
			return true
		}
	}
	return false
}

func inSpans(k int32, spans []span) bool {
	for _, s := range spans {
		if s.lo <= k && k < s.hi {
			return true
		}
	}
	return false
}

// rank places a matching authority in one of the rank groups.
func (t *table) rank(i int32, q *resolved) int {
	a := &t.all[i]
	words, folded, spelt := q.words, q.folded, q.spelt
	if len(words) == 1 {
		w := words[0]
		if t.idx.codes[i] == w || a.SIREN == w {
			return rankCode
		}
		for _, p := range a.Postcodes {
			if p == w {
				return rankPostcode
			}
		}
	}
	if name := t.idx.names[i]; name == folded || (spelt != "" && name == spelt) {
		return rankName
	}
	own := t.idx.own(i)
	for _, tm := range q.terms {
		if !anyExact(own, tm.exact) {
			return rankPrefix
		}
	}
	return rankWords
}

func anyExact(keys, exact []int32) bool {
	for _, k := range keys {
		for _, e := range exact {
			if k == e {
				return true
			}
		}
	}
	return false
}

// keep inserts h into top, kept sorted best first and no longer than limit.
func (t *table) keep(top []hit, h hit, limit int) []hit {
	if len(top) == limit && !t.better(h, top[len(top)-1]) {
		return top
	}
	pos := len(top)
	for pos > 0 && t.better(h, top[pos-1]) {
		pos--
	}
	if len(top) < limit {
		top = append(top, hit{})
	}
	copy(top[pos+1:], top[pos:len(top)-1])
	top[pos] = h
	return top
}

// better orders hits by rank, then population, then name and ID so that
// results are stable.
func (t *table) better(x, y hit) bool {
	if x.rank != y.rank {
		return x.rank < y.rank
	}
	a, b := &t.all[x.i], &t.all[y.i]
	if a.Population != b.Population {
		return a.Population > b.Population
	}
	if t.idx.names[x.i] != t.idx.names[y.i] {
		return t.idx.names[x.i] < t.idx.names[y.i]
	}
	return a.ID < b.ID
}
