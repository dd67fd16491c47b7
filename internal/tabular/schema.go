package tabular

import "boussole/internal/textkey"

// Column is one expected column of an upload.
type Column struct {
	Key      string   // stable key the caller reads values by
	Label    string   // French header written on export and named in messages
	Aliases  []string // other headers accepted on import, compared folded (case, accents, punctuation)
	Required bool
}

// Schema is the list of columns an upload may have.
type Schema []Column

// Labels returns the French headers, in schema order, for an export.
func (s Schema) Labels() []string {
	out := make([]string, len(s))
	for i, c := range s {
		out[i] = c.Label
	}
	return out
}

// index maps every folded name and alias to its column position.
func (s Schema) index() map[string]int {
	idx := make(map[string]int)
	for i, c := range s {
		for _, name := range append([]string{c.Key, c.Label}, c.Aliases...) {
			if f := textkey.Fold(name); f != "" {
				if _, taken := idx[f]; !taken {
					idx[f] = i
				}
			}
		}
	}
	return idx
}
