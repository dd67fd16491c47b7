package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// country is the shape written to internal/refdata/country/countries.json.
type country struct {
	Alpha2    string `json:"alpha2"`
	Alpha3    string `json:"alpha3"`
	Numeric   string `json:"numeric"`
	Name      string `json:"name"`
	Continent string `json:"continent"`
	Region    string `json:"region"`
}

// nameFixes gives the usual French short form where the package carries a long, official or
// differently typeset one (for example « États-Unis d'Amérique », « Côte-d'Ivoire »).
var nameFixes = map[string]string{
	"AE": "Émirats arabes unis",
	"AX": "Îles Åland",
	"BN": "Brunei",
	"CF": "République centrafricaine",
	"CI": "Côte d'Ivoire",
	"CZ": "Tchéquie",
	"DO": "République dominicaine",
	"IO": "Territoire britannique de l'océan Indien",
	"MM": "Birmanie",
	"SA": "Arabie saoudite",
	"SZ": "Eswatini",
	"TF": "Terres australes et antarctiques françaises",
	"TZ": "Tanzanie",
	"US": "États-Unis",
	"VA": "Saint-Siège",
	"VG": "Îles Vierges britanniques",
	"VI": "Îles Vierges des États-Unis",
}

func buildCountries(npm string) ([]country, error) {
	var codes [][]string
	if err := readJSON(filepath.Join(npm, "i18n-iso-countries", "codes.json"), &codes); err != nil {
		return nil, err
	}
	var fr struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(filepath.Join(npm, "i18n-iso-countries", "langs", "fr.json"), &fr); err != nil {
		return nil, err
	}
	regions := regionIndex()
	var out []country
	for _, row := range codes {
		if len(row) < 3 {
			return nil, fmt.Errorf("short row in codes.json: %v", row)
		}
		name, err := firstName(fr.Countries[row[0]])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", row[0], err)
		}
		if fix, ok := nameFixes[row[0]]; ok {
			name = fix
		}
		reg, ok := regions[row[0]]
		if !ok {
			return nil, fmt.Errorf("%s: no M49 region in regions.go", row[0])
		}
		out = append(out, country{Alpha2: row[0], Alpha3: row[1], Numeric: row[2], Name: name,
			Continent: reg[0], Region: reg[1]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Alpha2 < out[j].Alpha2 })
	return out, nil
}

// firstName takes the name, or the first of the alternatives the package lists for some countries.
func firstName(raw json.RawMessage) (string, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil && s != "" {
		return s, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil || len(list) == 0 {
		return "", fmt.Errorf("no French name")
	}
	return list[0], nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
