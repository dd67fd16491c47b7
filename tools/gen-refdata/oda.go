package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// odaRecipient is one line of internal/refdata/oda/recipients.json.
type odaRecipient struct {
	Code  string `json:"code"`  // ISO 3166-1 alpha-2 (XK for Kosovo, as IATI writes it)
	Group string `json:"group"` // pma, pfr, prito or prits: the DAC List's four columns
}

// odaListName and odaListYears say which edition of the DAC List of ODA Recipients the table transcribes.
const (
	odaListName  = "DAC List of ODA Recipients, effective for reporting on 2024 and 2025 flows"
	odaListYears = "2024-2025"
)

// odaGroups is the DAC List of ODA Recipients (OECD, triennial review of 2023), transcribed by hand: the
// shared reference data holds no copy of it, and the OECD publishes it as a PDF table. Columns: least
// developed countries (pma), other low income (pfr), lower middle income (prito) and upper middle income
// (prits) countries and territories. Montserrat and Nauru stay on the list for 2024 and 2025 (the DAC
// deferred their graduation to 2026); São Tomé-et-Principe and the Solomon Islands left the UN list of
// least developed countries in December 2024 but stay in that column of this edition.
var odaGroups = map[string]string{
	"pma": `AF AO BD BJ BF BI KH CF TD KM CD DJ ER ET GM GN GW HT KI LA LS LR MG MW ML MR MZ MM NP NE RW ST SN SL SB
		SO SS SD TZ TL TG TV UG YE ZM`,
	"pfr":   `KP SY`,
	"prito": `DZ BT BO CV CM CG CI EG SZ GH HN IN IR JO KE KG LB FM MN MA NI NG PK PG PH WS LK TJ TK TN UA UZ VU VN PS ZW`,
	"prits": `AL AR AM AZ BY BZ BA BW BR CN CO CR CU DM DO EC SV GQ FJ GA GE GD GT GY ID IQ JM KZ XK LY MY MV MH MU MX
		MD ME MS NA NR NU MK PW PA PY PE SH LC VC RS ZA SR TH TO TR TM VE WF`,
}

// buildODA checks every code of the table against IATI's Country codelist of the data folder, so that a
// slip in the transcription fails the generation, and returns the recipients by code.
func buildODA(dir string) ([]odaRecipient, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "Country.xml"))
	if err != nil {
		return nil, err
	}
	var cl codelistXML
	if err := xml.Unmarshal(raw, &cl); err != nil {
		return nil, fmt.Errorf("country codelist: %w", err)
	}
	known := map[string]bool{}
	for _, it := range cl.Items {
		known[strings.TrimSpace(it.Code)] = true
	}
	seen := map[string]string{}
	var out []odaRecipient
	for group, codes := range odaGroups {
		for _, c := range strings.Fields(codes) {
			if !known[c] {
				return nil, fmt.Errorf("ODA recipients: %s is not in Country.xml", c)
			}
			if g, dup := seen[c]; dup {
				return nil, fmt.Errorf("ODA recipients: %s is in both %s and %s", c, g, group)
			}
			seen[c] = group
			out = append(out, odaRecipient{Code: c, Group: group})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

// odaSource is the SOURCE.md of internal/refdata/oda.
func odaSource(n int, date string) string {
	return fmt.Sprintf(`# Source
recipients.json: the %d countries and territories of the OECD %s
(list years %s), adopted by the DAC at its 2023 triennial review, each with its column: pma (least developed
countries, UN list), pfr (other low income), prito (lower middle income), prits (upper middle income).
- Source: OECD, Development Assistance Committee, « DAC List of ODA Recipients » (oecd.org, development
  finance standards). The list is public; it is transcribed by hand in tools/gen-refdata/oda.go because the
  shared reference data holds no copy, and every code is checked against IATI's Country codelist.
- Montserrat and Nauru stay on this edition (graduation deferred to 1 January 2026); São Tomé-et-Principe
  and the Solomon Islands keep their least developed column although they left the UN list in December 2024.
- The DAC revises the list every three years (next review in the second half of 2026): regenerate then,
  and check the transcription against the OECD table before publishing a declaration.
Generated on %s by tools/gen-refdata. Do not edit by hand.
`, n, odaListName, odaListYears, date)
}
