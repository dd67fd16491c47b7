package tabular

import (
	"fmt"
	"strings"

	"boussole/internal/cleantext"
	"boussole/internal/textkey"
)

// collector turns raw records, header first, into a Table; CSV and XLSX readers both feed it.
type collector struct {
	schema Schema
	lim    Limits
	table  *Table
	cols   []int // for each header cell, its schema position or -1
}

// add takes one record; it returns an error that ends the read (wrong header, too many rows).
func (c *collector) add(line int, cells []string) error {
	if blank(cells) {
		return nil
	}
	if c.cols == nil {
		return c.header(cells)
	}
	if c.lim.MaxRows > 0 && len(c.table.Rows)+len(c.table.Problems) >= c.lim.MaxRows {
		return Error{Line: line, Reason: fmt.Sprintf("le fichier dépasse %d lignes de données ; découpez-le en plusieurs fichiers.", c.lim.MaxRows)}
	}
	row := Row{Line: line, Values: make(map[string]string, len(c.schema))}
	for i, v := range cells {
		if i >= len(c.cols) {
			if strings.TrimSpace(v) != "" {
				c.table.Problems = append(c.table.Problems, Error{Line: line,
					Reason: fmt.Sprintf("%d valeurs pour %d colonnes d'en-tête ; vérifiez les séparateurs ou les guillemets.", len(trimRight(cells)), len(c.cols))})
				return nil
			}
			continue
		}
		if k := c.cols[i]; k >= 0 {
			// Cleaned like a typed value: a NUL or vertical tab from the file would break the database or a figure.
			row.Values[c.schema[k].Key] = unescapeFormula(strings.TrimSpace(cleantext.String(v)))
		}
	}
	c.table.Rows = append(c.table.Rows, row)
	return nil
}

// header maps header cells to columns and checks that every required column is there.
func (c *collector) header(cells []string) error {
	idx := c.schema.index()
	c.table.Header = cells
	c.cols = make([]int, len(cells))
	seen := make([]bool, len(c.schema))
	for i, h := range cells {
		k, ok := idx[textkey.Fold(h)]
		c.cols[i] = -1
		switch {
		case !ok:
			if strings.TrimSpace(h) != "" {
				c.table.Ignored = append(c.table.Ignored, h)
			}
		case seen[k]:
			return Error{Line: 1, Reason: fmt.Sprintf("la colonne « %s » apparaît deux fois dans l'en-tête.", c.schema[k].Label)}
		default:
			seen[k] = true
			c.cols[i] = k
		}
	}
	var missing []string
	for k, col := range c.schema {
		if col.Required && !seen[k] {
			missing = append(missing, "« "+col.Label+" »")
		}
	}
	if len(missing) > 0 {
		return Error{Reason: fmt.Sprintf("Colonnes obligatoires absentes : %s. Colonnes trouvées : %s. La première ligne du fichier doit porter les noms de colonnes.",
			strings.Join(missing, ", "), quoteAll(cells))}
	}
	return nil
}

// finish checks that there was at least a header.
func (c *collector) finish() (*Table, error) {
	if c.cols == nil {
		return nil, Error{Reason: "Le fichier ne contient aucune ligne."}
	}
	return c.table, nil
}

func blank(cells []string) bool {
	for _, v := range cells {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func trimRight(cells []string) []string {
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

func quoteAll(cells []string) string {
	var q []string
	for _, h := range trimRight(cells) {
		q = append(q, "« "+strings.TrimSpace(h)+" »")
	}
	if len(q) == 0 {
		return "aucune"
	}
	return Excerpt(strings.Join(q, ", "))
}
