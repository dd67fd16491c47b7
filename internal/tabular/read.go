package tabular

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// ReadFrom reads an upload from r, refusing more than lim.MaxBytes; name is the uploaded file name,
// used with the content to tell CSV from XLSX.
func ReadFrom(r io.Reader, name string, schema Schema, lim Limits) (*Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, Error{Reason: "Le fichier n'a pas pu être lu en entier."}
	}
	return Read(data, name, schema, lim)
}

// Read parses an upload held in memory. A returned error concerns the whole file (too big, wrong columns,
// unreadable); rows that cannot be read are listed in Table.Problems instead.
func Read(data []byte, name string, schema Schema, lim Limits) (*Table, error) {
	if lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes {
		return nil, Error{Reason: fmt.Sprintf("Le fichier dépasse la taille maximale de %d Mo.", lim.MaxBytes>>20)}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Error{Reason: "Le fichier est vide."}
	}
	if isXLSX(data, name) {
		return readXLSX(data, schema, lim)
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".xls" || ext == ".ods" {
		return nil, Error{Reason: "Ce format de tableur n'est pas pris en charge : enregistrez le fichier en XLSX ou en CSV."}
	}
	return readCSV(data, schema, lim)
}

// isXLSX trusts the content over the name: an XLSX file is a zip archive.
func isXLSX(data []byte, name string) bool {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return true
	}
	return strings.EqualFold(filepath.Ext(name), ".xlsx") && bytes.HasPrefix(data, []byte("PK"))
}
