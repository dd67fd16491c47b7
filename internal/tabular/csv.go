package tabular

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

func readCSV(data []byte, schema Schema, lim Limits) (*Table, error) {
	text, enc, err := decode(data)
	if err != nil {
		return nil, err
	}
	delim := detectDelimiter(text)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1 // rows of uneven length are common in hand-made files; checked per row
	r.LazyQuotes = true
	r.ReuseRecord = true
	c := collector{schema: schema, lim: lim, table: &Table{Format: "CSV", Encoding: enc, Delimiter: delim}}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, Error{Line: pe.StartLine, Reason: "guillemets mal fermés ; le fichier ne peut pas être lu au-delà."}
			}
			return nil, Error{Reason: "Le fichier CSV ne peut pas être lu."}
		}
		line, _ := r.FieldPos(0)
		if reason := swallowed(rec, delim, line); reason != "" {
			c.table.Problems = append(c.table.Problems, Error{Line: line, Reason: reason})
			continue
		}
		if err := c.add(line, rec); err != nil {
			return nil, err
		}
	}
	return c.finish()
}

// swallowed detects a quote left open: the reader then runs on across lines, so a value holds both line
// breaks and separators, which hand-typed text almost never does.
func swallowed(rec []string, delim rune, line int) string {
	for _, v := range rec {
		if strings.Contains(v, "\n") && strings.ContainsRune(v, delim) {
			return fmt.Sprintf("guillemet non fermé : la valeur court jusqu'à la ligne %d et englobe les lignes suivantes.", line+strings.Count(v, "\n"))
		}
	}
	return ""
}

// WriteCSV writes a UTF-8 CSV with a byte order mark and ';' separators, which French Excel opens with
// accents and columns right; cells that a spreadsheet would run as formulas are neutralised.
func WriteCSV(w io.Writer, header []string, rows [][]string) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, 0, len(header))
	for _, row := range rows {
		rec = rec[:0]
		for _, v := range row {
			rec = append(rec, escapeFormula(v))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
