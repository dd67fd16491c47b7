// Package opendata turns what an authority marks public into open data: tables with a data dictionary,
// written as CSV and JSON under the Licence Ouverte 2.0, and a DCAT-like catalogue that describes them.
// It knows neither HTTP nor SQL.
package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"time"
)

// Licence is the licence of every dataset: Etalab's Licence Ouverte 2.0, the French public sector's
// default, compatible with CC-BY.
var Licence = struct{ Name, URL string }{"Licence Ouverte / Open Licence version 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}

// Column is one field of a table and its entry in the data dictionary.
type Column struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Type        string `json:"type"` // Table Schema type: string, number, date, year, yearmonth, boolean
}

// Table is a dataset's rows under its columns; a cell is "" when unknown.
type Table struct {
	Slug        string
	Title       string
	Description string
	Columns     []Column
	Rows        [][]string
}

// CSV writes the table as RFC 4180 CSV with a header line, UTF-8 with a byte order mark so that a
// spreadsheet opens accents right.
func (t Table) CSV() []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Name
	}
	_ = w.Write(head)
	_ = w.WriteAll(t.Rows)
	return b.Bytes()
}

// JSON writes the table as a list of objects keyed by column name; an unknown cell is null.
func (t Table) JSON() []byte {
	out := make([]map[string]any, 0, len(t.Rows))
	for _, row := range t.Rows {
		m := make(map[string]any, len(t.Columns))
		for i, c := range t.Columns {
			if row[i] == "" {
				m[c.Name] = nil
			} else {
				m[c.Name] = row[i]
			}
		}
		out = append(out, m)
	}
	b, _ := json.MarshalIndent(map[string]any{"licence": Licence.URL, "donnees": out}, "", "  ")
	return b
}

// Publisher is who publishes the data.
type Publisher struct {
	Name string
	URL  string // the authority's public address on the platform
}

// Catalogue describes the datasets in the vocabulary of DCAT (dcat:Catalog, dcat:Dataset,
// dcat:Distribution), as the French national portal harvests it.
func Catalogue(p Publisher, baseURL string, modified time.Time, tables []Table) map[string]any {
	datasets := make([]any, 0, len(tables))
	for _, t := range tables {
		dist := []any{}
		for _, f := range []struct{ ext, media string }{{"csv", "text/csv"}, {"json", "application/json"}} {
			dist = append(dist, map[string]any{
				"@type": "dcat:Distribution", "dct:title": t.Title + " (" + f.ext + ")", "dcat:downloadURL": baseURL + "/" + t.Slug + "." + f.ext,
				"dcat:mediaType": f.media, "dct:license": Licence.URL,
			})
		}
		datasets = append(datasets, map[string]any{
			"@type": "dcat:Dataset", "dct:identifier": baseURL + "/" + t.Slug, "dct:title": t.Title, "dct:description": t.Description,
			"dct:publisher": map[string]any{"@type": "foaf:Organization", "foaf:name": p.Name}, "dct:license": Licence.URL,
			"dct:modified": modified.UTC().Format(time.RFC3339), "dct:language": "fr", "dcat:distribution": dist,
			"dictionnaire": t.Columns,
		})
	}
	return map[string]any{
		"@context": map[string]string{"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/"},
		"@type":    "dcat:Catalog", "dct:title": "Action internationale — " + p.Name, "dct:publisher": map[string]any{"@type": "foaf:Organization", "foaf:name": p.Name},
		"foaf:homepage": p.URL, "dct:license": Licence.URL, "dct:rights": Licence.Name, "dcat:dataset": datasets,
	}
}
