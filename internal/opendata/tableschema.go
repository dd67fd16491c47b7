package opendata

import (
	"boussole/internal/siret"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Schema is the part of a Table Schema (frictionless) a national format such as the SCDL uses: fields with
// their type and constraints, and the SCDL's custom checks (French SIRET numbers, one of two columns).
type Schema struct {
	Name         string        `json:"name"`
	Version      string        `json:"version"`
	Fields       []SchemaField `json:"fields"`
	CustomChecks []struct {
		Name   string            `json:"name"`
		Params map[string]string `json:"params"`
	} `json:"custom_checks"`
}

// SchemaField is one column of a Table Schema.
type SchemaField struct {
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	TrueValues  []string `json:"trueValues"`
	FalseValues []string `json:"falseValues"`
	Constraints struct {
		Required  bool     `json:"required"`
		Pattern   string   `json:"pattern"`
		MaxLength int      `json:"maxLength"`
		Enum      []string `json:"enum"`
		Minimum   *float64 `json:"minimum"`
		Maximum   *float64 `json:"maximum"`
	} `json:"constraints"`
}

// ParseSchema reads a Table Schema.
func ParseSchema(r io.Reader) (Schema, error) {
	var s Schema
	err := json.NewDecoder(r).Decode(&s)
	return s, err
}

// Problem is one cell, or one line, that breaks the schema: line 1 is the header.
type Problem struct {
	Line    int
	Field   string
	Message string
}

func (p Problem) String() string { return fmt.Sprintf("ligne %d, %s : %s", p.Line, p.Field, p.Message) }

// Validate checks a CSV file against the schema and returns every problem, in French.
func (s Schema) Validate(r io.Reader) ([]Problem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return []Problem{{1, "", "le fichier est vide"}}, nil
	}
	head := rows[0]
	if len(head) > 0 {
		head[0] = strings.TrimPrefix(head[0], "\ufeff")
	}
	var out []Problem
	at := map[string]int{}
	for i, h := range head {
		at[h] = i
	}
	for _, f := range s.Fields {
		if _, ok := at[f.Name]; !ok && f.Constraints.Required {
			out = append(out, Problem{1, f.Name, "colonne obligatoire absente"})
		}
	}
	for n, row := range rows[1:] {
		line := n + 2
		cell := func(name string) string {
			if i, ok := at[name]; ok && i < len(row) {
				return row[i]
			}
			return ""
		}
		for _, f := range s.Fields {
			if msg := f.check(cell(f.Name)); msg != "" {
				out = append(out, Problem{line, f.Name, msg})
			}
		}
		for _, c := range s.CustomChecks {
			switch c.Name {
			case "french-siret-value":
				if v := cell(c.Params["column"]); v != "" && !siret.Valid(v) {
					out = append(out, Problem{line, c.Params["column"], "numéro SIRET invalide (14 chiffres, clé de contrôle)"})
				}
			case "one-of-required":
				if cell(c.Params["column1"]) == "" && cell(c.Params["column2"]) == "" {
					out = append(out, Problem{line, c.Params["column1"], "renseignez " + c.Params["column1"] + " ou " + c.Params["column2"]})
				}
			}
		}
	}
	return out, nil
}

func (f SchemaField) check(v string) string {
	c := f.Constraints
	if v == "" {
		if c.Required {
			return "valeur obligatoire"
		}
		return ""
	}
	switch f.Type {
	case "number":
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return "nombre attendu, avec un point décimal"
		}
		if c.Minimum != nil && x < *c.Minimum {
			return fmt.Sprintf("valeur inférieure au minimum %v", *c.Minimum)
		}
		if c.Maximum != nil && x > *c.Maximum {
			return fmt.Sprintf("valeur supérieure au maximum %v", *c.Maximum)
		}
	case "integer":
		if _, err := strconv.ParseInt(v, 10, 64); err != nil {
			return "nombre entier attendu"
		}
	case "date":
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return "date attendue au format AAAA-MM-JJ"
		}
	case "boolean":
		trues, falses := f.TrueValues, f.FalseValues
		if len(trues) == 0 {
			trues, falses = []string{"true"}, []string{"false"}
		}
		if !slices.Contains(trues, v) && !slices.Contains(falses, v) {
			return "valeur attendue : " + strings.Join(append(append([]string{}, trues...), falses...), " ou ")
		}
	}
	if c.Pattern != "" {
		if re, err := regexp.Compile("^(?:" + c.Pattern + ")$"); err == nil && !re.MatchString(v) {
			return "valeur hors du format attendu (" + c.Pattern + ")"
		}
	}
	if c.MaxLength > 0 && len([]rune(v)) > c.MaxLength {
		return fmt.Sprintf("texte trop long : %d caractères au plus", c.MaxLength)
	}
	if len(c.Enum) > 0 && !slices.Contains(c.Enum, v) {
		return "valeur hors de la liste : " + strings.Join(c.Enum, ", ")
	}
	return ""
}
