// Command gen-territory turns the data files of the decoupage-administratif
// package into the compact table embedded by internal/territory.
//
// Usage: go run ./tools/gen-territory -src DIR/data -version 6.0.0 -out internal/territory/data
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The raw shapes below name only the fields this generator reads.

type rawRegion struct {
	Code string `json:"code"`
	Nom  string `json:"nom"`
	Zone string `json:"zone"`
}

type rawDepartement struct {
	Code   string `json:"code"`
	Region string `json:"region"`
	Nom    string `json:"nom"`
	Zone   string `json:"zone"`
}

type rawCommune struct {
	Code         string   `json:"code"`
	Nom          string   `json:"nom"`
	Type         string   `json:"type"`
	Zone         string   `json:"zone"`
	Departement  string   `json:"departement"`
	Region       string   `json:"region"`
	Siren        string   `json:"siren"`
	CodesPostaux []string `json:"codesPostaux"`
	Population   int      `json:"population"`
}

type rawMember struct {
	Code                 string `json:"code"`
	PopulationMunicipale int    `json:"populationMunicipale"`
}

type rawEPCI struct {
	Code                 string      `json:"code"`
	Nom                  string      `json:"nom"`
	Type                 string      `json:"type"`
	PopulationMunicipale int         `json:"populationMunicipale"`
	Membres              []rawMember `json:"membres"`
}

// row is one line of the generated table; its field order is the column order.
type row struct {
	Kind, Code, Name, SIREN   string
	Population, Members       int
	Postcodes                 []string
	Departement, Region, EPCI string
	Nature, SupersededBy      string
}

func main() {
	src := flag.String("src", "", "the package's data folder")
	version := flag.String("version", "", "the package's version, written to SOURCE.md")
	out := flag.String("out", "internal/territory/data", "output folder")
	flag.Parse()
	if *src == "" || *version == "" {
		flag.Usage()
		os.Exit(2)
	}
	rows, err := build(*src)
	if err != nil {
		log.Fatal(err)
	}
	if err := writeTable(filepath.Join(*out, "authorities.tsv.gz"), rows); err != nil {
		log.Fatal(err)
	}
	if err := writeSource(filepath.Join(*out, "SOURCE.md"), *version, rows); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d authorities to %s", len(rows), *out)
}

// build reads the package's files and returns every authority, sorted.
func build(src string) ([]row, error) {
	var regions []rawRegion
	var deps []rawDepartement
	var communes []rawCommune
	var epcis, epts []rawEPCI
	for name, v := range map[string]any{
		"regions.json": &regions, "departements.json": &deps, "communes.json": &communes,
		"epci.json": &epcis, "ept.json": &epts,
	} {
		if err := readJSON(filepath.Join(src, name), v); err != nil {
			return nil, err
		}
	}
	current := currentCommunes(communes)
	epciOf := memberships(epcis)
	tally := tallyByArea(current)

	var rows []row
	for _, r := range regions {
		if r.Zone == "com" {
			continue // overseas collectivities are added by hand as special authorities
		}
		rows = append(rows, row{Kind: "region", Code: r.Code, Name: r.Nom,
			Population: tally.regPop[r.Code], Members: tally.regCount[r.Code],
			Region: r.Code, SupersededBy: supersededBy["region:"+r.Code]})
	}
	for _, d := range deps {
		if d.Zone == "com" {
			continue
		}
		rows = append(rows, row{Kind: "departement", Code: d.Code, Name: d.Nom,
			Population: tally.depPop[d.Code], Members: tally.depCount[d.Code],
			Departement: d.Code, Region: d.Region, SupersededBy: supersededBy["departement:"+d.Code]})
	}
	regionOf := map[string]string{}
	for _, d := range deps {
		regionOf[d.Code] = d.Region
	}
	depOf := make(map[string]rawCommune, len(current))
	for _, c := range current {
		depOf[c.Code] = c
		if !keptCommune(c) {
			continue
		}
		region := c.Region
		if c.Zone == "com" {
			region = "" // the package files each overseas collectivity as its own "region"
		}
		rows = append(rows, row{Kind: "commune", Code: c.Code, Name: c.Nom, SIREN: c.Siren,
			Population: c.Population, Postcodes: c.CodesPostaux, Departement: c.Departement,
			Region: region, EPCI: epciOf[c.Code], SupersededBy: supersededBy["commune:"+c.Code]})
	}
	var lyon rawEPCI
	for _, e := range slices.Concat(epcis, epts) {
		if e.Type == "MET69" {
			lyon = e // a collectivité à statut particulier, not an EPCI: added below
			continue
		}
		dep := mainDepartement(e, depOf)
		rows = append(rows, row{Kind: "epci", Code: e.Code, Name: e.Nom, SIREN: e.Code,
			Population: populationOf(e), Members: len(e.Membres),
			Departement: dep, Region: regionOf[dep], Nature: e.Type})
	}
	specials, err := specialRows(tally, lyon)
	if err != nil {
		return nil, err
	}
	rows = append(rows, specials...)
	slices.SortStableFunc(rows, func(a, b row) int {
		if c := strings.Compare(kindOrder[a.Kind], kindOrder[b.Kind]); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	return rows, nil
}

// kindOrder sorts the table so that a reader sees the large authorities first.
var kindOrder = map[string]string{
	"region": "1", "departement": "2", "statut-particulier": "3", "epci": "4", "commune": "5",
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

// currentCommunes drops communes déléguées and associées and arrondissements
// municipaux: they are not authorities of their own and would double the
// names a user has to choose from.
func currentCommunes(all []rawCommune) []rawCommune {
	var out []rawCommune
	for _, c := range all {
		if c.Type == "commune-actuelle" {
			out = append(out, c)
		}
	}
	return out
}

// keptCommune leaves out the French Southern Lands and Clipperton (no
// inhabitants, no council), the circonscriptions of Wallis-et-Futuna (not
// communes) and Saint-Barthélemy and Saint-Martin, whose single "commune" is
// the overseas collectivity itself.
func keptCommune(c rawCommune) bool {
	switch c.Departement {
	case "984", "986", "989", "977", "978":
		return false
	}
	return true
}

// memberships maps each commune code to the SIREN of its EPCI à fiscalité
// propre (the EPT of the Grand Paris are a second layer and are not used here).
func memberships(epcis []rawEPCI) map[string]string {
	m := make(map[string]string)
	for _, e := range epcis {
		for _, c := range e.Membres {
			m[c.Code] = e.Code
		}
	}
	return m
}

// populationOf prefers the EPCI's own figure and falls back to the sum of its
// members' (the EPT files carry only the latter).
func populationOf(e rawEPCI) int {
	if e.PopulationMunicipale > 0 {
		return e.PopulationMunicipale
	}
	total := 0
	for _, c := range e.Membres {
		total += c.PopulationMunicipale
	}
	return total
}

// mainDepartement returns the département holding most of an EPCI's
// inhabitants, which is what a reader expects next to its name.
func mainDepartement(e rawEPCI, communes map[string]rawCommune) string {
	pop := map[string]int{}
	for _, m := range e.Membres {
		pop[communes[m.Code].Departement] += m.PopulationMunicipale + 1
	}
	best := ""
	for d, p := range pop {
		if p > pop[best] || (p == pop[best] && d < best) {
			best = d
		}
	}
	return best
}

// areaTally holds the population and commune count of each département and
// région, computed from all current communes.
type areaTally struct {
	depPop, depCount, regPop, regCount map[string]int
}

func tallyByArea(communes []rawCommune) areaTally {
	t := areaTally{map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}}
	for _, c := range communes {
		t.depPop[c.Departement] += c.Population
		t.depCount[c.Departement]++
		t.regPop[c.Region] += c.Population
		t.regCount[c.Region]++
	}
	return t
}

func writeTable(path string, rows []row) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	// No name or time in the gzip header, so that a re-run on the same package
	// gives the same bytes.
	for _, r := range rows {
		fields := []string{r.Kind, r.Code, r.Name, r.SIREN, itoa(r.Population), itoa(r.Members),
			strings.Join(r.Postcodes, " "), r.Departement, r.Region, r.EPCI, r.Nature, r.SupersededBy}
		for _, s := range fields {
			if strings.ContainsAny(s, "\t\n") {
				return fmt.Errorf("%s %s: tab or newline in %q", r.Kind, r.Code, s)
			}
		}
		if _, err := fmt.Fprintln(zw, strings.Join(fields, "\t")); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func writeSource(path, version string, rows []row) error {
	count := map[string]int{}
	for _, r := range rows {
		count[r.Kind]++
	}
	text := fmt.Sprintf(sourceTemplate, version, time.Now().Format("2006-01-02"),
		count["region"], count["departement"], count["statut-particulier"], count["epci"], count["commune"])
	return os.WriteFile(path, []byte(text), 0o644)
}

const sourceTemplate = `# Source of authorities.tsv.gz

- Package: @etalab/decoupage-administratif, version %s (npm). Its data comes from
  INSEE's Code officiel géographique and légal populations, the DGCL list of EPCI à
  fiscalité propre, INSEE's list of EPT and the official postcode base of La Poste.
- Licence of the data: Licence Ouverte / Open Licence (Etalab); the package's code is MIT.
- SIRENs of the collectivités à statut particulier: from the national SIRENE register,
  typed by hand and checked by their Luhn digit.
- Generated on %s by tools/gen-territory (see its README.md to re-run it).
- Content: %d régions, %d départements, %d collectivités à statut particulier
  (added by hand in tools/gen-territory/special.go), %d EPCI and EPT, %d communes.

Columns (tab-separated, one authority per line, empty when unknown):
kind, code, name, SIREN, population, communes count, postcodes (space-separated),
département code, région code, EPCI SIREN, nature (EPCI type or legal status),
ID of the authority that now exercises its powers.
`
