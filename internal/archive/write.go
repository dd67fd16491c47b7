package archive

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
)

// schemaFile is the content of schema.json.
type schemaFile struct {
	Version int      `json:"version"`
	Tables  []*Table `json:"tables"`
}

// Write writes the archive as a zip: the manifest first, then the schema, then each table's rows, one JSON
// object a line, each followed by the files of its binary values.
func Write(w io.Writer, a *Archive) error {
	zw := zip.NewWriter(w)
	m := a.Manifest
	m.Format, m.Version = Format, Version
	if m.CreatedAt.IsZero() {
		m.CreatedAt = time.Now().UTC()
	}
	m.Tables = nil
	for _, t := range a.Tables {
		m.Tables = append(m.Tables, TableEntry{Name: t.Name, File: t.File(), Rows: len(a.Rows[t.Name])})
	}
	if err := writeJSON(zw, ManifestFile, m); err != nil {
		return err
	}
	if err := writeJSON(zw, SchemaFile, schemaFile{Version: Version, Tables: a.Tables}); err != nil {
		return err
	}
	for _, t := range a.Tables {
		if err := writeTable(zw, t, a.Rows[t.Name], m.CreatedAt); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writeJSON(zw *zip.Writer, name string, v any) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now()})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// blobFile names the file that holds a binary value: by table, column and line, so it is found by hand too.
func blobFile(table, column string, line int) string {
	return FilesDir + table + "/" + column + "/" + strconv.Itoa(line)
}

func writeTable(zw *zip.Writer, t *Table, rows []Row, at time.Time) error {
	type blob struct {
		name string
		data []byte
	}
	var blobs []blob
	var buf bytes.Buffer
	for i, row := range rows {
		out := make(map[string]any, len(t.Columns))
		for _, c := range t.Columns {
			v, err := encodeValue(c, row[c.Name])
			if err != nil {
				return &RowError{Table: t.Name, Line: i + 1, Err: err}
			}
			if b, ok := v.([]byte); ok {
				name := blobFile(t.Name, c.Name, i+1)
				blobs = append(blobs, blob{name, b})
				v = name
			}
			out[c.Name] = v
		}
		line, err := json.Marshal(out)
		if err != nil {
			return &RowError{Table: t.Name, Line: i + 1, Err: err}
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	f, err := zw.CreateHeader(&zip.FileHeader{Name: t.File(), Method: zip.Deflate, Modified: at})
	if err != nil {
		return err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		return err
	}
	for _, b := range blobs {
		// Attachments are mostly PDF and office files, already compressed: stored as they are.
		f, err := zw.CreateHeader(&zip.FileHeader{Name: b.name, Method: zip.Store, Modified: at})
		if err != nil {
			return err
		}
		if _, err := f.Write(b.data); err != nil {
			return err
		}
	}
	return nil
}

// encodeValue turns a value into what its JSON line holds: timestamps in RFC 3339 (UTC), dates as
// YYYY-MM-DD, binary values as the bytes the caller files apart.
func encodeValue(c Column, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch c.Kind {
	case KindTimestamp:
		if t, ok := v.(time.Time); ok {
			return t.UTC().Format(time.RFC3339Nano), nil
		}
	case KindDate:
		if t, ok := v.(time.Time); ok {
			return t.Format(time.DateOnly), nil
		}
	case KindBlob:
		switch b := v.(type) {
		case []byte:
			return b, nil
		case string:
			return []byte(b), nil
		}
		return nil, fmt.Errorf("colonne %s : valeur binaire attendue, %T trouvée", c.Name, v)
	}
	switch v.(type) {
	case int64, float64, bool, string:
		return v, nil
	}
	return nil, fmt.Errorf("colonne %s : valeur de type %T inattendue", c.Name, v)
}
