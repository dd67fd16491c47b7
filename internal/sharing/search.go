package sharing

import (
	"strings"

	"boussole/internal/refdata/country"
	"boussole/internal/textkey"
)

// SearchKey is the folded text the library searches in a share: titles, key elements, themes, partners and
// the French names of its countries, lower-cased and without accents (textkey.Fold), so that « coopération »
// finds « Coopération » and « cooperation ».
func SearchKey(v View) string {
	var b strings.Builder
	add := func(s string) {
		if s != "" {
			b.WriteString(textkey.Fold(s))
			b.WriteByte(' ')
		}
	}
	add(v.Authority.Name)
	add(v.Strategy.Title)
	if v.Key != nil {
		add(v.Key.Vision)
		add(v.Key.Mission)
		add(v.Key.General)
		for _, x := range v.Key.Values {
			add(x.Name)
		}
	}
	for _, e := range v.Elements {
		add(e.Title)
		add(e.Description)
	}
	for _, m := range v.Measures {
		add(m.Title)
	}
	for _, t := range v.Themes {
		add(t)
	}
	for _, p := range v.Partners {
		add(p.Partner)
	}
	for _, p := range v.Projects {
		add(p.Title)
		add(p.Summary)
	}
	for _, e := range v.Evaluations {
		add(e.Title)
		add(e.Lessons)
	}
	for _, c := range v.Countries {
		add(country.Name(c))
	}
	return b.String()
}

// Query is a library search as typed: words to find (all of them), and filters.
type Query struct {
	Text    string
	Kind    string // an authority kind, empty for all
	Band    Band   // empty for all
	Region  string // INSEE code of a région
	Country string // ISO code
	Theme   string
	SDG     string
}

// Limits of a search, so that a pasted page costs no more than a sentence.
const (
	maxQueryRunes = 200
	maxWords      = 8
)

// Words returns the folded words of the search text, at most maxWords, each at least two characters:
// what the store matches, all of them, in the share's SearchKey. Operators and punctuation are plain
// characters here; the store escapes what its LIKE would read as wildcards.
func (q Query) Words() []string {
	text := []rune(q.Text)
	if len(text) > maxQueryRunes {
		text = text[:maxQueryRunes]
	}
	folded := textkey.Fold(string(text))
	var out []string
	for _, w := range strings.FieldsFunc(folded, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' || r == ';' }) {
		if len([]rune(w)) < 2 {
			continue
		}
		out = append(out, w)
		if len(out) == maxWords {
			break
		}
	}
	return out
}

// Band is a band of population, as authorities compare themselves.
type Band string

// The bands, from the smallest communes to the largest cities, départements and régions.
const (
	BandUnknown Band = ""
	BandVillage Band = "moins-2000"
	BandSmall   Band = "2000-10000"
	BandTown    Band = "10000-50000"
	BandCity    Band = "50000-200000"
	BandLarge   Band = "plus-200000"
)

// Bands lists the bands in increasing order, for the library's filter.
var Bands = []Band{BandVillage, BandSmall, BandTown, BandCity, BandLarge}

// BandOf returns the band of a population; BandUnknown when it is not known (0).
func BandOf(population int64) Band {
	switch {
	case population <= 0:
		return BandUnknown
	case population < 2000:
		return BandVillage
	case population < 10000:
		return BandSmall
	case population < 50000:
		return BandTown
	case population < 200000:
		return BandCity
	}
	return BandLarge
}

// Label is the band's French name.
func (b Band) Label() string {
	switch b {
	case BandVillage:
		return "moins de 2 000 habitants"
	case BandSmall:
		return "de 2 000 à 10 000 habitants"
	case BandTown:
		return "de 10 000 à 50 000 habitants"
	case BandCity:
		return "de 50 000 à 200 000 habitants"
	case BandLarge:
		return "plus de 200 000 habitants"
	}
	return "population non renseignée"
}

// Valid reports whether b is one of Bands.
func (b Band) Valid() bool {
	for _, x := range Bands {
		if x == b {
			return true
		}
	}
	return false
}
