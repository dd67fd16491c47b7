package stakeholder

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"boussole/internal/fielderr"
	"boussole/internal/frfmt"
	"boussole/internal/tabular"
)

// Imported is a row that passed every check, ready to be written once the user confirms.
type Imported struct {
	Line        int
	Stakeholder Stakeholder
}

// Rejection is a row that cannot be imported, with every reason in French.
type Rejection struct {
	Line   int
	Name   string // as typed, to help the user find the row
	Reason string
}

// Merge is a row naming an actor already on the map (same name and kind): the user is offered to merge
// the row into it rather than create a duplicate.
type Merge struct {
	Line     int
	Existing int // index in the list given to Import
	Incoming Stakeholder
}

// ImportResult is the preview of an import. Nothing has been written when it is returned: the caller shows
// it, and writes Accepted (and chosen Merges) in one transaction only when Rejected is empty and the user
// confirms, so a file is never half-imported.
type ImportResult struct {
	Format   string
	Encoding string
	Ignored  []string // columns of the file that match nothing and were not read
	Accepted []Imported
	Rejected []Rejection
	Merges   []Merge
}

// Committable says, in French, why the import cannot be written yet, or returns nil.
func (r *ImportResult) Committable() error {
	switch n := len(r.Rejected); {
	case n == 1:
		return problem("import", "Une ligne est rejetée (ligne %d) : corrigez le fichier puis importez-le à nouveau. Rien n'a été enregistré.", r.Rejected[0].Line)
	case n > 1:
		return problem("import", "%s lignes sont rejetées : corrigez le fichier puis importez-le à nouveau. Rien n'a été enregistré.", frfmt.Integer(int64(n)))
	case len(r.Accepted)+len(r.Merges) == 0:
		return problem("import", "Le fichier ne contient aucun acteur à importer.")
	}
	return nil
}

// Summary is a one-sentence French account of the preview.
func (r *ImportResult) Summary() string {
	total := len(r.Accepted) + len(r.Rejected) + len(r.Merges)
	return fmt.Sprintf("%s ligne(s) lue(s) : %s prête(s) à importer, %s rejetée(s), %s doublon(s) à fusionner.",
		frfmt.Integer(int64(total)), frfmt.Integer(int64(len(r.Accepted))),
		frfmt.Integer(int64(len(r.Rejected))), frfmt.Integer(int64(len(r.Merges))))
}

// Import reads an uploaded CSV or XLSX stakeholder list and checks every row against the rules and against
// existing, the stakeholders already on the map. A returned error concerns the whole file.
func Import(r io.Reader, filename string, existing []Stakeholder, lim tabular.Limits) (*ImportResult, error) {
	tab, err := tabular.ReadFrom(r, filename, Schema(), lim)
	if err != nil {
		return nil, err
	}
	return ImportTable(tab, existing), nil
}

// ImportTable checks the rows of an already-read table; see Import.
func ImportTable(tab *tabular.Table, existing []Stakeholder) *ImportResult {
	res := &ImportResult{Format: tab.Format, Encoding: tab.Encoding, Ignored: tab.Ignored, Accepted: make([]Imported, 0, len(tab.Rows))}
	for _, p := range tab.Problems {
		res.Rejected = append(res.Rejected, Rejection{Line: p.Line, Reason: p.Reason})
	}
	known := make(map[string]int, len(existing))
	for i, s := range existing {
		known[s.Key()] = i
	}
	inFile := make(map[string]int, len(tab.Rows)) // key → line of first occurrence
	for _, row := range tab.Rows {
		s, reasons := fromRow(row)
		if len(reasons) == 0 {
			k := s.Key()
			if i, ok := known[k]; ok {
				res.Merges = append(res.Merges, Merge{Line: row.Line, Existing: i, Incoming: s})
				continue
			}
			if first, ok := inFile[k]; ok {
				reasons = append(reasons, fmt.Sprintf("même nom et même type d'acteur que la ligne %d", first))
			} else {
				inFile[k] = row.Line
			}
		}
		if len(reasons) > 0 {
			res.Rejected = append(res.Rejected, Rejection{Line: row.Line, Name: tabular.Excerpt(row.Get("name")), Reason: strings.Join(reasons, " ; ") + "."})
			continue
		}
		res.Accepted = append(res.Accepted, Imported{Line: row.Line, Stakeholder: s})
	}
	sort.SliceStable(res.Rejected, func(i, j int) bool { return res.Rejected[i].Line < res.Rejected[j].Line })
	return res
}

// fromRow builds a stakeholder from one row and lists, in French, everything wrong with it.
func fromRow(row tabular.Row) (Stakeholder, []string) {
	var reasons []string
	s := Stakeholder{
		Name:      row.Get("name"),
		Contact:   row.Get("contact"),
		Territory: row.Get("territory"),
		Themes:    splitList(row.Get("themes")),
	}
	if v := row.Get("kind"); v == "" {
		reasons = append(reasons, "le type d'acteur est vide")
	} else if k, ok := ParseKind(v); ok {
		s.Kind = k
	} else {
		reasons = append(reasons, fmt.Sprintf("type d'acteur « %s » inconnu", tabular.Excerpt(v)))
		s.Kind = KindAssociation // placeholder so Validate reports the other fields, not the kind twice
	}
	for _, c := range scoreColumns {
		sc := c.get(&s)
		n, why := parseScore(c.label, row.Get(c.key))
		if why != "" {
			reasons = append(reasons, why)
		}
		sc.Value, sc.Comment = n, row.Get(c.key+".comment")
	}
	for _, c := range flagColumns {
		f := c.get(&s)
		on, why := parseFlag(c.label, row.Get(c.key))
		if why != "" {
			reasons = append(reasons, why)
		}
		f.Present, f.Comment = on, row.Get(c.key+".comment")
	}
	reasons = append(reasons, parseEngagement(row, &s.Engagement)...)
	if err := s.Validate(); err != nil {
		for _, fe := range err.(fielderr.List) {
			reasons = append(reasons, lowerFirst(strings.TrimSuffix(fe.Message, ".")))
		}
	}
	return s, reasons
}

func parseEngagement(row tabular.Row, e *Engagement) []string {
	var reasons []string
	if v := row.Get("engagement.level"); v != "" {
		if l, ok := ParseLevel(v); ok {
			e.Level = l
		} else {
			reasons = append(reasons, fmt.Sprintf("niveau d'engagement « %s » inconnu (informer, consulter, associer, collaborer, co-décider)", tabular.Excerpt(v)))
		}
	}
	for _, v := range splitList(row.Get("engagement.steps")) {
		if st, ok := ParseStep(v); ok {
			e.Steps = append(e.Steps, st)
		} else {
			reasons = append(reasons, fmt.Sprintf("étape « %s » inconnue", tabular.Excerpt(v)))
		}
	}
	e.Promise, e.Ask = row.Get("engagement.promise"), row.Get("engagement.ask")
	return reasons
}
