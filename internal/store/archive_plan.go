package store

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"boussole/internal/archive"
)

// archivePlan is what a workspace's archive holds, read from the database's own schema so that a table
// added by a later migration is covered without code: the tables in the order of restoring, and for each
// the condition that picks the authority's rows ($1 is the authority's ID).
type archivePlan struct {
	tables []*archive.Table
	where  map[string]string
	schema *Schema
}

// fkPattern reads a foreign key as Describe writes it; Boussole's are all single-column.
var fkPattern = regexp.MustCompile(`^\(([a-z0-9_]+)\) → ([a-z0-9_]+)\(([a-z0-9_]+)\) on delete (.+)$`)

type foreignKeyRef struct{ column, table, target string }

func parseForeignKeys(table string, t *TableSchema) ([]foreignKeyRef, error) {
	var out []foreignKeyRef
	for _, fk := range t.ForeignKeys {
		m := fkPattern.FindStringSubmatch(fk)
		if m == nil {
			return nil, fmt.Errorf("store: the archive does not handle the foreign key %s of %s", fk, table)
		}
		out = append(out, foreignKeyRef{column: m[1], table: m[2], target: m[3]})
	}
	return out, nil
}

// planArchive decides, from the schema, which tables an archive holds and how their rows are chosen:
// the tables with an authority_id column or a foreign key to authorities, then, until none is added, the
// tables with a foreign key to one of those. It fails when a table is neither chosen nor excluded.
func planArchive(sc *Schema) (*archivePlan, error) {
	excluded := map[string]bool{}
	for _, e := range archiveExcluded {
		excluded[e.Table] = true
	}
	names := make([]string, 0, len(sc.Tables))
	fks := map[string][]foreignKeyRef{}
	for name, t := range sc.Tables {
		names = append(names, name)
		list, err := parseForeignKeys(name, t)
		if err != nil {
			return nil, err
		}
		fks[name] = list
	}
	sort.Strings(names)
	p := &archivePlan{where: map[string]string{archive.Authorities: "id = $1"}, schema: sc}
	for _, name := range names {
		if excluded[name] || name == archive.Authorities || name == archive.Users {
			continue
		}
		var conds []string
		for _, fk := range fks[name] {
			if fk.table == archive.Authorities {
				conds = append(conds, fk.column+" = $1")
			}
		}
		if _, ok := sc.Tables[name].Columns["authority_id"]; ok && len(conds) == 0 {
			conds = append(conds, "authority_id = $1")
		}
		if len(conds) > 0 {
			p.where[name] = strings.Join(conds, " OR ")
		}
	}
	for added := true; added; {
		added = false
		for _, name := range names {
			if _, done := p.where[name]; done || excluded[name] || name == archive.Users {
				continue
			}
			for _, fk := range fks[name] {
				if parent, ok := p.where[fk.table]; ok && fk.table != archive.Authorities {
					p.where[name] = fmt.Sprintf("%s IN (SELECT %s FROM %s WHERE %s)", fk.column, fk.target, fk.table, parent)
					added = true
					break
				}
			}
		}
	}
	var uncovered []string
	for _, name := range names {
		if _, ok := p.where[name]; !ok && !excluded[name] && name != archive.Users {
			uncovered = append(uncovered, name)
		}
	}
	if len(uncovered) > 0 {
		return nil, fmt.Errorf("store: the archive neither covers nor excludes the tables %s: add them to archiveExcluded with a reason, or give them an authority_id", strings.Join(uncovered, ", "))
	}
	var tables []*archive.Table
	for _, name := range names {
		if _, ok := p.where[name]; !ok && name != archive.Users {
			continue
		}
		t, err := archiveTable(name, sc.Tables[name], fks[name], p.where)
		if err != nil {
			return nil, err
		}
		tables = append(tables, t)
	}
	ordered, err := archive.Order(tables)
	if err != nil {
		return nil, err
	}
	p.tables = ordered
	return p, nil
}

// archiveTable describes one table for the archive: its columns by name, its key, its references.
func archiveTable(name string, ts *TableSchema, fks []foreignKeyRef, exported map[string]string) (*archive.Table, error) {
	t := &archive.Table{Name: name, PrimaryKey: ts.PrimaryKey}
	cols := make([]string, 0, len(ts.Columns))
	for c := range ts.Columns {
		cols = append(cols, c)
	}
	if name == archive.Users {
		cols = archiveUserColumns
		fks = nil
	}
	sort.Strings(cols)
	fkColumns := map[string]bool{}
	for _, fk := range fks {
		if _, ok := exported[fk.table]; !ok && fk.table != archive.Users {
			return nil, fmt.Errorf("store: %s.%s refers to %s, which the archive leaves out", name, fk.column, fk.table)
		}
		if fk.target != "id" {
			return nil, fmt.Errorf("store: %s.%s refers to %s(%s), not to an id", name, fk.column, fk.table, fk.target)
		}
		t.References = append(t.References, archive.Reference{Column: fk.column, Table: fk.table})
		fkColumns[fk.column] = true
	}
	t.References = append(t.References, archiveSoftRefs[name]...)
	sort.Slice(t.References, func(i, j int) bool { return t.References[i].Column < t.References[j].Column })
	for _, c := range cols {
		cs, ok := ts.Columns[c]
		if !ok {
			return nil, fmt.Errorf("store: %s has no column %s", name, c)
		}
		t.Columns = append(t.Columns, archive.Column{Name: c, Kind: cs.Kind, NotNull: cs.NotNull})
	}
	t.GeneratedID = len(ts.PrimaryKey) == 1 && ts.PrimaryKey[0] == "id" && ts.Columns["id"].Kind == archive.KindInteger && !fkColumns["id"]
	return t, nil
}
