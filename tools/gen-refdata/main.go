// Command gen-refdata converts the public reference data Boussole embeds (countries, world map,
// SDG goals and targets in French, IATI/DAC codelists) into small files under internal/refdata.
// Run it through generate.sh, which installs the npm sources into a scratch folder first.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"
)

func main() {
	npm := flag.String("npm", "", "node_modules folder holding i18n-iso-countries and world-atlas")
	data := flag.String("data", "/work/shared/data", "folder holding sdg-fr/ and iati-codelists/")
	repo := flag.String("repo", ".", "root of the Boussole repository")
	date := flag.String("date", time.Now().Format("2006-01-02"), "generation date written to SOURCE.md")
	only := flag.String("only", "", "\"oda\" or \"iati\": regenerate only that part, from the data folder, without npm packages")
	flag.Parse()
	var err error
	switch *only {
	case "":
		if *npm == "" {
			log.Fatal("-npm is required")
		}
		err = run(*npm, *data, *repo, *date)
	case "oda":
		err = runODA(*data, *repo, *date)
	case "iati":
		err = runIATI(*data, *repo, *date)
	default:
		log.Fatalf("-only: unknown part %q", *only)
	}
	if err != nil {
		log.Fatal(err)
	}
}

// runIATI writes internal/refdata/iati from the codelists of the data folder.
func runIATI(data, repo, date string) error {
	dir := filepath.Join(repo, "internal", "refdata", "iati")
	lists, stats, err := buildIATI(filepath.Join(data, "iati-codelists"))
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dir, "codelists.json"), lists); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "SOURCE.md"), []byte(iatiSource(stats, date)), 0o644)
}

// runODA writes internal/refdata/oda from the hand-transcribed DAC list, checked against the data folder.
func runODA(data, repo, date string) error {
	dir := filepath.Join(repo, "internal", "refdata", "oda")
	list, err := buildODA(filepath.Join(data, "iati-codelists"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dir, "recipients.json"), list); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "SOURCE.md"), []byte(odaSource(len(list), date)), 0o644)
}

func run(npm, data, repo, date string) error {
	out := func(pkg string) string { return filepath.Join(repo, "internal", "refdata", pkg) }

	countries, err := buildCountries(npm)
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(out("country"), "countries.json"), countries); err != nil {
		return err
	}
	byNumeric, known := map[string]string{}, map[string]bool{}
	for _, c := range countries {
		byNumeric[c.Numeric], known[c.Alpha2] = c.Alpha2, true
	}
	shapes, size, err := buildShapes(npm, byNumeric, known)
	if err != nil {
		return err
	}
	if err := writeShapes(filepath.Join(out("worldgeo"), "shapes.tsv"), shapes, size); err != nil {
		return err
	}
	sdg, err := buildSDG(filepath.Join(data, "sdg-fr"))
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(out("sdg"), "sdg.json"), sdg); err != nil {
		return err
	}
	iati, stats, err := buildIATI(filepath.Join(data, "iati-codelists"))
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(out("iati"), "codelists.json"), iati); err != nil {
		return err
	}
	if err := runODA(data, repo, date); err != nil {
		return err
	}
	return writeSources(out, date, len(countries), len(shapes), sdg, stats)
}

// writeJSON writes indented JSON so that regenerating shows readable diffs.
func writeJSON(path string, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// writeShapes writes one tab-separated line per country: code, label x, label y, small (0/1), path.
func writeShapes(path string, shapes []shape, size [2]float64) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %g %g\n", size[0], size[1])
	for _, s := range shapes {
		small := 0
		if s.Small {
			small = 1
		}
		fmt.Fprintf(&b, "%s\t%.1f\t%.1f\t%d\t%s\n", s.Code, s.X, s.Y, small, s.Path)
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
