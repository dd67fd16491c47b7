package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"boussole/internal/ziplimit"
)

// readXLSX reads the first sheet; the row number excelize counts is the one the user sees in Excel.
func readXLSX(data []byte, schema Schema, lim Limits) (*Table, error) {
	unzip := max(lim.MaxBytes*16, 64<<20) // bounds a zip bomb while allowing highly compressed sheets
	switch err := ziplimit.Check(data, unzip); {
	case errors.Is(err, ziplimit.ErrTooLarge), errors.Is(err, ziplimit.ErrTooManyEntries):
		return nil, Error{Reason: fmt.Sprintf("Ce classeur se décompresserait en plus de %d Mo : il est refusé par prudence. Enregistrez-le de nouveau depuis votre tableur, ou envoyez-le en CSV.", unzip>>20)}
	case err != nil:
		return nil, Error{Reason: "Le fichier XLSX ne peut pas être ouvert : est-il protégé par un mot de passe ou endommagé ?"}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzip, UnzipXMLSizeLimit: min(unzip, 16<<20)})
	if err != nil {
		return nil, Error{Reason: "Le fichier XLSX ne peut pas être ouvert : est-il protégé par un mot de passe ou endommagé ?"}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, Error{Reason: "Le classeur ne contient aucune feuille."}
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, Error{Reason: "La première feuille du classeur ne peut pas être lue."}
	}
	defer rows.Close()
	c := collector{schema: schema, lim: lim, table: &Table{Format: "XLSX"}}
	for line := 1; rows.Next(); line++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, Error{Line: line, Reason: "cette ligne de la feuille ne peut pas être lue."}
		}
		if err := c.add(line, cells); err != nil {
			return nil, err
		}
	}
	return c.finish()
}

// WriteXLSX writes one sheet with a bold, frozen header row. Values are stored as text, so nothing a user
// typed is ever evaluated as a formula; a value that would start one when edited or copied elsewhere is
// prefixed with an apostrophe, as in the CSV export.
func WriteXLSX(w io.Writer, sheet string, header []string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	vals := make([]any, 0, len(header))
	for i, row := range rows {
		vals = vals[:0]
		for _, v := range row {
			vals = append(vals, escapeFormula(v))
		}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
