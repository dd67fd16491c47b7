package territory

import (
	"strings"

	"boussole/internal/frfmt"
)

// Authority is one French local authority of the official list.
// Its slices are shared with the package's table: read them, never modify them.
type Authority struct {
	// ID is unique across kinds: "commune:69123", "epci:200071827",
	// "departement:2A", "region:84", "statut-particulier:corse".
	ID   string
	Kind Kind
	// Code is the INSEE code (commune, département, région), the SIREN
	// (EPCI) or Boussole's slug (collectivité à statut particulier).
	Code string
	Name string
	// SIREN identifies the legal body in the national register, when known.
	SIREN      string
	Population int
	// Communes is the number of communes within it (members for an EPCI).
	Communes  int
	Postcodes []string
	// DepartementCode and RegionCode place the authority; an EPCI is placed in
	// the département holding most of its inhabitants.
	DepartementCode, RegionCode string
	// EPCICode is the SIREN of the commune's EPCI à fiscalité propre.
	EPCICode string
	// Nature is an EPCI's type (CC, CA, CU, METRO, EPT) or a special
	// authority's legal status in French.
	Nature string
	// SupersededBy is the ID of the authority that now exercises this one's
	// powers, e.g. "statut-particulier:corse" for département 2A.
	SupersededBy string
}

// AlsaceMoselle reports whether the authority lies in Bas-Rhin, Haut-Rhin or Moselle, where local law adds
// Good Friday and 26 December to the public holidays; the Collectivité européenne d'Alsace is there too.
func (a Authority) AlsaceMoselle() bool {
	switch a.DepartementCode {
	case "57", "67", "68":
		return true
	}
	return a.ID == "statut-particulier:alsace"
}

// epciNatures spells out the EPCI types of the source data.
var epciNatures = map[string]string{
	"CC":    "Communauté de communes",
	"CA":    "Communauté d'agglomération",
	"CU":    "Communauté urbaine",
	"METRO": "Métropole",
	"EPT":   "Établissement public territorial",
}

// NatureLabel returns the French name of the authority's category, more
// precise than its kind's label for EPCI and special authorities.
func (a Authority) NatureLabel() string {
	if a.Kind == KindEPCI {
		if l, ok := epciNatures[a.Nature]; ok {
			return l
		}
	}
	if a.Kind == KindSpecial && a.Nature != "" {
		return a.Nature
	}
	return a.Kind.Label()
}

// Describe returns a one-line French summary for a search result, e.g.
// « Commune · Rhône (69) · 519 127 hab. ».
func (a Authority) Describe() string {
	parts := []string{a.NatureLabel()}
	if p := a.place(); p != "" {
		parts = append(parts, p)
	}
	if a.Population > 0 {
		parts = append(parts, frfmt.Integer(int64(a.Population))+"\u202fhab.")
	}
	return strings.Join(parts, " · ")
}

// place names where the authority lies, one level above it.
func (a Authority) place() string {
	switch a.Kind {
	case KindCommune, KindEPCI:
		if n := DepartementName(a.DepartementCode); n != "" {
			return n + " (" + a.DepartementCode + ")"
		}
	case KindDepartement:
		return RegionName(a.RegionCode)
	case KindSpecial:
		if a.RegionCode != "" {
			return RegionName(a.RegionCode)
		}
		return "Outre-mer"
	}
	return ""
}
