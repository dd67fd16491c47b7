package tabular

import "fmt"

// Row is one data row of an upload, with the line (CSV) or row number (XLSX) it came from.
type Row struct {
	Line   int
	Values map[string]string // by column key; absent columns read as ""
}

// Get returns the trimmed value of the column with the given key, or "".
func (r Row) Get(key string) string { return r.Values[key] }

// Table is the result of reading an upload.
type Table struct {
	Format    string   // "CSV" or "XLSX"
	Encoding  string   // for CSV: "UTF-8", "UTF-8 (BOM)", "UTF-16" or "Windows-1252"
	Delimiter rune     // for CSV
	Header    []string // the header cells as found
	Ignored   []string // header cells that match no column, kept to tell the user
	Rows      []Row
	Problems  []Error // rows that could not be read, skipped; the caller lists them with its own rejections
}

// Error is a French message about an upload, with the line at fault when there is one.
type Error struct {
	Line   int // 0 when the problem concerns the whole file
	Reason string
}

func (e Error) Error() string {
	if e.Line == 0 {
		return e.Reason
	}
	return fmt.Sprintf("Ligne %d : %s", e.Line, e.Reason)
}

// Limits bound what an upload may hold, so one file cannot exhaust the server.
type Limits struct {
	MaxRows  int   // data rows, header excluded
	MaxBytes int64 // size of the uploaded file
}

// DefaultLimits accept twice the 10 000 rows a large authority's actor list may reach.
var DefaultLimits = Limits{MaxRows: 20000, MaxBytes: 32 << 20}
