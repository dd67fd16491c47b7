package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// writeSources writes the SOURCE.md beside each generated data set.
func writeSources(out func(string) string, date string, nCountries, nShapes int, sdg sdgData, stats iatiStats) error {
	fixes := make([]string, 0, len(nameFixes))
	for code, name := range nameFixes {
		fixes = append(fixes, code+" « "+name+" »")
	}
	sort.Strings(fixes)
	docs := map[string]string{
		"country": fmt.Sprintf(`# Source
countries.json: %d ISO 3166-1 entries (alpha-2, alpha-3, numeric) with French short names.
- Codes and French names: npm package i18n-iso-countries, version 7.14.0, MIT licence.
- Usual French forms replace the package's name for: %s.
- Regions: UN M49 statistical regions (sub-regions; intermediate regions for Africa and the Americas),
  names in French, mapped by hand in tools/gen-refdata/regions.go. IATI Region.xml holds only DAC
  recipient regions with no country membership, so it cannot group countries.
Generated on %s by tools/gen-refdata (see its README). Do not edit by hand.
`, nCountries, strings.Join(fixes, ", "), date),
		"worldgeo": fmt.Sprintf(`# Source
shapes.tsv: %d countries and territories drawn as SVG paths, Natural Earth I projection, %d units wide,
Antarctica left out, coordinates rounded to a tenth of a unit.
- Shapes: npm package world-atlas, version 2.0.2 (ISC licence), TopoJSON built from Natural Earth
  1:110m admin-0 countries, public domain. The 1:50m and 1:10m files of the same package only place
  circle markers for countries the 1:110m data leaves out; BQ, BV, CC, CX and TK are placed by hand.
- French overseas departments (GF, GP, MQ, RE, YT) and Svalbard (SJ) are split out of France and Norway;
  Northern Cyprus is drawn with Cyprus and Somaliland with Somalia; rings crossing the 180th meridian are cut.
Line format: code, label x, label y, small (1: draw a circle marker), path. First line: "# width height".
Generated on %s by tools/gen-refdata. Do not edit by hand.
`, nShapes, mapWidth, date),
		"sdg": fmt.Sprintf(`# Source
sdg.json: the %d goals (ODD), %d targets and %d global indicators in official UN French.
- Texts: open-sdg/sdg-translations, files translations/fr/global_goals.yml, global_targets.yml,
  global_indicators.yml, commit 0cda585851a5c6f04040a9a2755fbb4496c4eead (2025-08-19), MIT licence.
  White space is normalised and accents precomposed (the source often writes letter + combining mark).
  Three short goal titles are corrected to the UN French icons:
  2 « Faim « zéro » », 7 « Énergie propre et d'un coût abordable », 8 « Travail décent et croissance économique ».
- Colours: the goal colours of the UN SDG communication guidelines.
Generated on %s by tools/gen-refdata. Do not edit by hand.
`, len(sdg.Goals), len(sdg.Targets), len(sdg.Indicators), date),
		"iati": iatiSource(stats, date),
	}
	for pkg, text := range docs {
		if err := os.WriteFile(filepath.Join(out(pkg), "SOURCE.md"), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func iatiStatsTable(stats iatiStats) string {
	var b strings.Builder
	for _, list := range iatiLists {
		s := stats[list]
		fmt.Fprintf(&b, "- %s: %d of %d in French\n", list, s[0], s[1])
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// iatiSource is the SOURCE.md of internal/refdata/iati.
func iatiSource(stats iatiStats, date string) string {
	return fmt.Sprintf(`# Source
codelists.json: IATI non-embedded codelists, folder xml/ of IATI/IATI-Codelists-NonEmbedded,
commit 7aeece773c60afa0265eb95e988d5e61e96d8482 (2026-06-22), published by IATI as open data.
Only code, name, category and withdrawn status are kept. The French name is used where the codelist has
one ("lang": "fr"); otherwise the English name is kept ("lang": "en"). French names per list:
%s
PolicySignificance and the policy markers 10 to 12 have no French in the codelist: their French names are
the project's translation, after the French edition of the DAC directives (tools/gen-refdata/iati.go).
Generated on %s by tools/gen-refdata. Do not edit by hand.
`, iatiStatsTable(stats), date)
}
