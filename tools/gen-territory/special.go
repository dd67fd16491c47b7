package main

import (
	"fmt"
	"strings"
)

// special describes one collectivité à statut particulier: an authority that
// the package does not list as such, because it replaced or merged the
// ordinary ones on its territory, or because it is an overseas collectivity.
type special struct {
	code, name, nature, siren string
	departement, region       string
	// territory lists the département codes (as filed by the package) whose
	// communes make up its population.
	territory []string
	// replaces lists the IDs of the authorities whose powers it now holds.
	replaces []string
}

// Codes are Boussole's own short, readable slugs: INSEE has no single code
// list covering all of these bodies, and a slug never collides with a number.
// SIRENs come from the national register and are checked by Luhn below.
var specials = []special{
	{code: "corse", name: "Collectivité de Corse", nature: "Collectivité à statut particulier",
		siren: "200076958", region: "94", territory: []string{"2A", "2B"},
		replaces: []string{"region:94", "departement:2A", "departement:2B"}},
	{code: "martinique", name: "Collectivité territoriale de Martinique", nature: "Collectivité territoriale unique",
		siren: "200055507", departement: "972", region: "02", territory: []string{"972"},
		replaces: []string{"region:02", "departement:972"}},
	{code: "guyane", name: "Collectivité territoriale de Guyane", nature: "Collectivité territoriale unique",
		siren: "200052678", departement: "973", region: "03", territory: []string{"973"},
		replaces: []string{"region:03", "departement:973"}},
	{code: "mayotte", name: "Département de Mayotte", nature: "Collectivité territoriale unique",
		siren: "229850003", departement: "976", region: "06", territory: []string{"976"},
		replaces: []string{"region:06", "departement:976"}},
	{code: "paris", name: "Ville de Paris", nature: "Collectivité à statut particulier",
		siren: "217500016", departement: "75", region: "11", territory: []string{"75"},
		replaces: []string{"departement:75", "commune:75056"}},
	{code: "lyon", name: "Métropole de Lyon", nature: "Collectivité à statut particulier",
		siren: "200046977", departement: "69", region: "84"},
	{code: "alsace", name: "Collectivité européenne d'Alsace", nature: "Collectivité à statut particulier",
		siren: "200094332", region: "44", territory: []string{"67", "68"},
		replaces: []string{"departement:67", "departement:68"}},
	{code: "saint-pierre-et-miquelon", name: "Saint-Pierre-et-Miquelon", nature: "Collectivité d'outre-mer",
		siren: "229750013", departement: "975", territory: []string{"975"}},
	{code: "saint-barthelemy", name: "Saint-Barthélemy", nature: "Collectivité d'outre-mer",
		siren: "219711231", departement: "977", territory: []string{"977"}},
	{code: "saint-martin", name: "Saint-Martin", nature: "Collectivité d'outre-mer",
		siren: "219711272", departement: "978", territory: []string{"978"}},
	{code: "wallis-et-futuna", name: "Wallis-et-Futuna", nature: "Collectivité d'outre-mer",
		departement: "986", territory: []string{"986"}},
	{code: "polynesie-francaise", name: "Polynésie française", nature: "Collectivité d'outre-mer",
		departement: "987", territory: []string{"987"}},
	{code: "nouvelle-caledonie", name: "Nouvelle-Calédonie", nature: "Collectivité sui generis",
		departement: "988", territory: []string{"988"}},
}

// supersededBy maps a replaced authority's ID to its successor's ID.
var supersededBy = func() map[string]string {
	m := map[string]string{}
	for _, s := range specials {
		for _, id := range s.replaces {
			m[id] = "statut-particulier:" + s.code
		}
	}
	return m
}()

// specialRows returns the hand-made rows, with populations and commune counts
// summed from the package's communes (and, for Lyon, its EPCI entry).
func specialRows(t areaTally, lyon rawEPCI) ([]row, error) {
	if lyon.Code == "" {
		return nil, fmt.Errorf("no MET69 entry in epci.json: has the Métropole de Lyon moved?")
	}
	var rows []row
	for _, s := range specials {
		if s.siren != "" && !luhnValid(s.siren) {
			return nil, fmt.Errorf("%s: SIREN %s fails its check digit", s.code, s.siren)
		}
		r := row{Kind: "statut-particulier", Code: s.code, Name: s.name, SIREN: s.siren,
			Departement: s.departement, Region: s.region, Nature: s.nature}
		for _, d := range s.territory {
			if t.depCount[d] == 0 {
				return nil, fmt.Errorf("%s: no commune in département %s", s.code, d)
			}
			r.Population += t.depPop[d]
			r.Members += t.depCount[d]
		}
		if s.code == "lyon" {
			r.Population, r.Members = populationOf(lyon), len(lyon.Membres)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// luhnValid checks a SIREN's last digit, which catches a mistyped number.
func luhnValid(s string) bool {
	if len(s) != 9 || strings.Trim(s, "0123456789") != "" {
		return false
	}
	sum := 0
	for i := range 9 {
		d := int(s[8-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}
