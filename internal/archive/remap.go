package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
)

// Order sorts tables so that every table comes after the tables it refers to (references to itself
// aside: those rows are restored in the order of their IDs), by name among equals, so two exports of one
// schema list their tables alike. It fails on a cycle, which restoring row by row could not satisfy.
func Order(tables []*Table) ([]*Table, error) {
	byName := map[string]*Table{}
	for _, t := range tables {
		byName[t.Name] = t
	}
	deps := map[string]map[string]bool{}
	for _, t := range tables {
		deps[t.Name] = map[string]bool{}
		for _, r := range t.References {
			targets := []string{r.Table}
			for _, k := range r.Kinds {
				targets = append(targets, k)
			}
			for _, to := range targets {
				if to != "" && to != t.Name && byName[to] != nil {
					deps[t.Name][to] = true
				}
			}
		}
	}
	var out []*Table
	done := map[string]bool{}
	for len(out) < len(tables) {
		var ready []string
		for name, d := range deps {
			if done[name] {
				continue
			}
			ok := true
			for to := range d {
				ok = ok && done[to]
			}
			if ok {
				ready = append(ready, name)
			}
		}
		if len(ready) == 0 {
			var left []string
			for name := range deps {
				if !done[name] {
					left = append(left, name)
				}
			}
			sort.Strings(left)
			return nil, fmt.Errorf("archive: the tables %v refer to each other in a cycle", left)
		}
		sort.Strings(ready)
		for _, name := range ready {
			done[name] = true
			out = append(out, byName[name])
		}
	}
	return out, nil
}

// IDs maps, table by table, the ID a row had in the archive to the one it has once restored.
type IDs map[string]map[int64]int64

// Set records a row's new ID.
func (ids IDs) Set(table string, old, new int64) {
	if ids[table] == nil {
		ids[table] = map[int64]int64{}
	}
	ids[table][old] = new
}

// ReferenceError is a foreign key of a row that points at no row of the archive.
type ReferenceError struct {
	Column, Target string
	ID             int64
}

func (e *ReferenceError) Error() string {
	return fmt.Sprintf("la colonne %s renvoie à la ligne n° %d de la table %s, absente de l'archive", e.Column, e.ID, e.Target)
}

// refID reads the ID a reference column holds; ok is false when it points at nothing.
func refID(r Reference, v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, x != 0
	case string:
		if !r.Text || x == "" {
			return 0, false
		}
		id, err := strconv.ParseInt(x, 10, 64)
		return id, err == nil && id != 0
	}
	return 0, false
}

// Rewrite returns a copy of row whose references give the new IDs. A foreign key to a row the archive
// does not hold becomes NULL when the column allows it and is an error otherwise; a reference by kind or by
// text to such a row points at nothing (0 or the empty text), as the application writes it when the
// element is gone.
func (t *Table) Rewrite(row Row, ids IDs) (Row, error) {
	out := make(Row, len(row))
	for k, v := range row {
		out[k] = v
	}
	for _, r := range t.References {
		old, ok := refID(r, row[r.Column])
		if !ok {
			continue
		}
		target := r.Target(row)
		if target == "" {
			continue // a kind the reference does not know: left as written
		}
		if id, found := ids[target][old]; found {
			out[r.Column] = newValue(r, id)
			continue
		}
		if r.Soft() {
			out[r.Column] = newValue(r, 0)
			continue
		}
		if c, _ := t.Column(r.Column); !c.NotNull {
			out[r.Column] = nil
			continue
		}
		return nil, &ReferenceError{Column: r.Column, Target: target, ID: old}
	}
	return out, nil
}

func newValue(r Reference, id int64) any {
	if r.Text {
		if id == 0 {
			return ""
		}
		return strconv.FormatInt(id, 10)
	}
	return id
}

// Canonical returns, table by table, the archive's rows in a form two exports of the same workspace share
// whatever IDs the databases gave: each generated ID and each reference replaced by the row's rank among
// its table's IDs, each account by its email, binary values by their SHA-256; rows sorted. Comparing two
// archives' canonical forms tells whether an import restored the workspace exactly.
func Canonical(a *Archive) (map[string][]string, error) {
	rank := map[string]map[int64]int64{}
	for _, t := range a.Tables {
		if !t.GeneratedID {
			continue
		}
		var list []int64
		for _, row := range a.Rows[t.Name] {
			id, _ := row["id"].(int64)
			list = append(list, id)
		}
		slices.Sort(list)
		rank[t.Name] = map[int64]int64{}
		for i, id := range list {
			rank[t.Name][id] = int64(i + 1)
		}
	}
	emails := map[int64]string{}
	for _, row := range a.Rows[Users] {
		id, _ := row["id"].(int64)
		emails[id], _ = row["email"].(string)
	}
	out := map[string][]string{}
	for _, t := range a.Tables {
		lines := []string{}
		for _, row := range a.Rows[t.Name] {
			r, err := t.Rewrite(row, rank)
			if err != nil {
				return nil, err
			}
			if t.GeneratedID {
				r["id"] = rank[t.Name][row["id"].(int64)]
			}
			if t.Name == Users {
				r["id"] = nil
			}
			for _, ref := range t.References {
				if ref.Table == Users {
					if id, ok := row[ref.Column].(int64); ok {
						r[ref.Column] = emails[id]
					}
				}
			}
			for _, c := range t.Columns {
				if b, ok := r[c.Name].([]byte); ok {
					sum := sha256.Sum256(b)
					r[c.Name] = "sha256:" + hex.EncodeToString(sum[:])
				}
			}
			line, err := json.Marshal(r)
			if err != nil {
				return nil, err
			}
			lines = append(lines, string(line))
		}
		sort.Strings(lines)
		out[t.Name] = lines
	}
	return out, nil
}
