package document

import "bytes"

// Change says how a section differs between two versions of a document.
type Change string

// The changes a comparison reports.
const (
	Unchanged Change = "inchangée"
	Changed   Change = "modifiée"
	Added     Change = "ajoutée"
	Removed   Change = "retirée"
)

// SectionChange is one section's fate between two versions.
type SectionChange struct {
	Title  string
	Change Change
}

// Compare says, section by section and in the newer version's order (removed sections last), what changed
// from old to cur: the adopted version against today's strategy, or any two frozen versions.
func Compare(old, cur Doc) []SectionChange {
	key := func(s Section) string {
		if s.Key != "" {
			return s.Key
		}
		return s.Title
	}
	before := map[string]Section{}
	for _, s := range old.Sections {
		before[key(s)] = s
	}
	var out []SectionChange
	seen := map[string]bool{}
	for _, s := range cur.Sections {
		k := key(s)
		seen[k] = true
		o, ok := before[k]
		switch {
		case !ok:
			out = append(out, SectionChange{s.Title, Added})
		case sameSection(o, s):
			out = append(out, SectionChange{s.Title, Unchanged})
		default:
			out = append(out, SectionChange{s.Title, Changed})
		}
	}
	for _, s := range old.Sections {
		if !seen[key(s)] {
			out = append(out, SectionChange{s.Title, Removed})
		}
	}
	return out
}

func sameSection(a, b Section) bool {
	ea, _ := Encode(Doc{Sections: []Section{a}})
	eb, _ := Encode(Doc{Sections: []Section{b}})
	return bytes.Equal(ea, eb)
}
