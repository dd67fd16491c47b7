package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"boussole/internal/archive"
)

// ExportAuthority reads everything of an authority's workspace into an archive, in one read transaction
// so that the archive is one moment of the workspace: every row of the tables the schema ties to the
// authority (see planArchive), the accounts its rows name (email and name only), and the bytes of the
// attachments. Sessions, API tokens and the other secrets are left out (archiveExcluded).
func (s *Store) ExportAuthority(ctx context.Context, authorityID int64) (*archive.Archive, error) {
	sc, err := s.Describe(ctx)
	if err != nil {
		return nil, err
	}
	p, err := planArchive(sc)
	if err != nil {
		return nil, err
	}
	a := &archive.Archive{Tables: p.tables, Rows: map[string][]archive.Row{}}
	a.Manifest.Excluded = archiveExcluded
	err = s.inReadTx(ctx, func(q querier) error {
		kept := map[string]map[int64]bool{} // table → IDs exported, to keep references inside the archive
		for _, t := range p.tables {
			if t.Name == archive.Users {
				continue
			}
			rows, err := readArchiveRows(ctx, q, t, "SELECT "+columnNames(t)+" FROM "+t.Name+" WHERE "+p.where[t.Name]+" ORDER BY "+strings.Join(t.PrimaryKey, ", "), authorityID)
			if err != nil {
				return err
			}
			rows, notes := keepInside(t, rows, kept, authorityID)
			a.Manifest.Notes = append(a.Manifest.Notes, notes...)
			a.Rows[t.Name] = rows
			if _, ok := t.Column("id"); ok {
				kept[t.Name] = map[int64]bool{}
				for _, r := range rows {
					if id, ok := r["id"].(int64); ok {
						kept[t.Name][id] = true
					}
				}
			}
		}
		others, err := othersRows(ctx, q, p, authorityID)
		if err != nil {
			return err
		}
		a.Manifest.Notes = append(a.Manifest.Notes, others...)
		users, err := s.archiveUsers(ctx, q, a)
		a.Rows[archive.Users] = users
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(a.Rows[archive.Authorities]) != 1 {
		return nil, ErrNotFound
	}
	auth := a.Rows[archive.Authorities][0]
	a.Manifest.Authority = archive.Workspace{Slug: auth["slug"].(string), Name: auth["name"].(string)}
	return a, nil
}

// othersRows counts the rows of other authorities that hang from a row of the archive (their share in a
// joint project the workspace leads): they are those authorities' own and stay out, which the manifest says.
func othersRows(ctx context.Context, q querier, p *archivePlan, authorityID int64) ([]string, error) {
	var notes []string
	for _, t := range p.tables {
		own, ok := p.where[t.Name]
		if !ok || t.Name == archive.Authorities || !referencesAuthority(t) {
			continue
		}
		for _, ref := range t.References {
			parent, exported := p.where[ref.Table]
			if ref.Soft() || !exported || ref.Table == archive.Authorities || ref.Table == t.Name {
				continue
			}
			var n int
			query := fmt.Sprintf("SELECT COUNT(*) FROM %s WHERE %s IN (SELECT id FROM %s WHERE %s) AND NOT (%s)", t.Name, ref.Column, ref.Table, parent, own)
			if err := q.QueryRowContext(ctx, query, authorityID).Scan(&n); err != nil {
				return nil, fmt.Errorf("store: unable to count the other authorities' rows of %s: %w", t.Name, err)
			}
			if n > 0 {
				notes = append(notes, fmt.Sprintf("%s : %d ligne(s) d'autres collectivités, rattachée(s) à une ligne de %s de cet espace, laissée(s) : elles sont à ces collectivités", t.Name, n, ref.Table))
			}
		}
	}
	return notes, nil
}

func referencesAuthority(t *archive.Table) bool {
	for _, ref := range t.References {
		if ref.Table == archive.Authorities {
			return true
		}
	}
	return false
}

// keepInside drops the rows that hang from a row outside the archive (a share of a joint project another
// authority leads, for instance: that project is the other workspace's), or empties the reference when the
// column allows it, and says so in the manifest's notes.
func keepInside(t *archive.Table, rows []archive.Row, kept map[string]map[int64]bool, authorityID int64) ([]archive.Row, []string) {
	self := map[int64]bool{}
	for _, r := range rows {
		if id, ok := r["id"].(int64); ok {
			self[id] = true
		}
	}
	var out []archive.Row
	dropped, emptied := map[string]int{}, map[string]int{}
	for _, r := range rows {
		keep := true
		for _, ref := range t.References {
			if ref.Soft() || ref.Table == archive.Users {
				continue
			}
			id, ok := r[ref.Column].(int64)
			if !ok {
				continue
			}
			inside := kept[ref.Table][id] || (ref.Table == t.Name && self[id])
			if ref.Table == archive.Authorities {
				inside = id == authorityID
			}
			if inside {
				continue
			}
			if c, _ := t.Column(ref.Column); c.NotNull {
				keep = false
				dropped[ref.Table]++
				break
			}
			r[ref.Column] = nil
			emptied[ref.Column]++
		}
		if keep {
			out = append(out, r)
		}
	}
	var notes []string
	for _, target := range sortedKeys(dropped) {
		notes = append(notes, fmt.Sprintf("%s : %d ligne(s) laissée(s), rattachée(s) à une ligne de %s qui n'est pas de cet espace", t.Name, dropped[target], target))
	}
	for _, col := range sortedKeys(emptied) {
		notes = append(notes, fmt.Sprintf("%s.%s : %d référence(s) vidée(s), vers une ligne qui n'est pas de cet espace", t.Name, col, emptied[col]))
	}
	return out, notes
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// archiveUsers reads the accounts the archive's rows name, by their IDs.
func (s *Store) archiveUsers(ctx context.Context, q querier, a *archive.Archive) ([]archive.Row, error) {
	ids := map[int64]bool{}
	for _, t := range a.Tables {
		for _, ref := range t.References {
			if ref.Table != archive.Users {
				continue
			}
			for _, r := range a.Rows[t.Name] {
				if id, ok := r[ref.Column].(int64); ok {
					ids[id] = true
				}
			}
		}
	}
	list := make([]int64, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
	users := a.Table(archive.Users)
	var out []archive.Row
	for start := 0; start < len(list); start += 500 {
		chunk := list[start:min(start+500, len(list))]
		marks, args := make([]string, len(chunk)), make([]any, len(chunk))
		for i, id := range chunk {
			marks[i], args[i] = "$"+strconv.Itoa(i+1), id
		}
		rows, err := readArchiveRows(ctx, q, users, "SELECT "+columnNames(users)+" FROM users WHERE id IN ("+strings.Join(marks, ", ")+") ORDER BY id", args...)
		if err != nil {
			return nil, err
		}
		out = append(out, rows...)
	}
	return out, nil
}

func columnNames(t *archive.Table) string {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

// readArchiveRows runs a query over a table's columns and returns its rows with values in the archive's
// types, whatever each driver returns.
func readArchiveRows(ctx context.Context, q querier, t *archive.Table, query string, args ...any) ([]archive.Row, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to export %s: %w", t.Name, err)
	}
	defer rows.Close()
	var out []archive.Row
	vals := make([]any, len(t.Columns))
	ptrs := make([]any, len(t.Columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("store: unable to export %s: %w", t.Name, err)
		}
		row := make(archive.Row, len(t.Columns))
		for i, c := range t.Columns {
			v, err := archiveValue(c.Kind, vals[i])
			if err != nil {
				return nil, fmt.Errorf("store: unable to export %s.%s: %w", t.Name, c.Name, err)
			}
			row[c.Name] = v
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// sqliteTimeLayouts are the ways a timestamp may be written in an SQLite text column.
var sqliteTimeLayouts = []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999", time.DateOnly}

// archiveValue turns what a driver returned into the archive's type for the column's kind.
func archiveValue(kind string, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch kind {
	case archive.KindInteger:
		switch x := v.(type) {
		case int64:
			return x, nil
		case int32:
			return int64(x), nil
		case int:
			return int64(x), nil
		case int16:
			return int64(x), nil
		case bool:
			if x {
				return int64(1), nil
			}
			return int64(0), nil
		}
	case archive.KindReal:
		switch x := v.(type) {
		case float64:
			return x, nil
		case float32:
			return float64(x), nil
		case int64:
			return float64(x), nil
		}
	case archive.KindBoolean:
		switch x := v.(type) {
		case bool:
			return x, nil
		case int64:
			return x != 0, nil
		}
	case archive.KindText:
		switch x := v.(type) {
		case string:
			return x, nil
		case []byte:
			return string(x), nil
		}
	case archive.KindBlob:
		switch x := v.(type) {
		case []byte:
			return append([]byte(nil), x...), nil
		case string:
			return []byte(x), nil
		}
	case archive.KindTimestamp, archive.KindDate:
		t, ok := v.(time.Time)
		if s, isText := v.(string); isText {
			for _, layout := range sqliteTimeLayouts {
				if p, err := time.Parse(layout, s); err == nil {
					t, ok = p, true
					break
				}
			}
		}
		if !ok {
			break
		}
		if kind == archive.KindDate {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
		return t.UTC(), nil
	}
	return nil, fmt.Errorf("a %s column holds a %T", kind, v)
}

// ArchiveExclusions lists the tables an archive leaves out and why, for the page that offers it.
func ArchiveExclusions() []archive.Exclusion {
	return append([]archive.Exclusion(nil), archiveExcluded...)
}

// NoteArchiveExport writes in the journal that someone took the workspace's archive away: it holds every
// personal datum the workspace keeps (members, contributors), which the journal must show left.
func (s *Store) NoteArchiveExport(ctx context.Context, by Actor, authorityID int64, a *archive.Archive, size int) error {
	rows := 0
	for _, t := range a.Tables {
		rows += len(a.Rows[t.Name])
	}
	return audit(ctx, s.db, by, change{authorityID: authorityID, action: "export", entity: "archive de l'espace",
		summary: fmt.Sprintf("%d tables, %d lignes, %d octets", len(a.Tables), rows, size),
		after:   map[string]any{"tables": len(a.Tables), "lignes": rows, "octets": size}})
}
