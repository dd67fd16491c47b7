package funding

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"boussole/internal/refdata/iati"
)

// SpendingKind is the kind of spending the yearly declaration of official development assistance (e-APD,
// article L.1115-6 of the CGCT) asks the authority to sort its international spending into.
type SpendingKind string

// The kinds of spending of the declaration, in the form's order.
const (
	KindCooperation  SpendingKind = "cooperation"     // cooperation projects and twinnings with ODA-eligible countries
	KindOnePercent   SpendingKind = "un-pour-cent"    // the 1 % water, sanitation, energy, waste and mobility actions
	KindNGOGrant     SpendingKind = "subvention-ong"  // grants to associations and NGOs running development projects
	KindMultilateral SpendingKind = "multilateral"    // payments to multilateral organisations
	KindAwareness    SpendingKind = "sensibilisation" // development awareness events in France
	KindRefugees     SpendingKind = "refugies"        // aid to refugees in France
	KindScholarships SpendingKind = "bourses"         // scholarships for students from eligible countries
	KindServiceCosts SpendingKind = "frais-suivi"     // service and follow-up costs of these actions
)

// SpendingKinds lists the kinds in the form's order.
var SpendingKinds = []SpendingKind{KindCooperation, KindOnePercent, KindNGOGrant, KindMultilateral, KindAwareness,
	KindRefugees, KindScholarships, KindServiceCosts}

// Label returns the kind's French name, as the declaration words it.
func (k SpendingKind) Label() string {
	switch k {
	case KindCooperation:
		return "Projet de coopération ou jumelage avec un pays éligible à l'APD"
	case KindOnePercent:
		return "Action « 1 % » eau, assainissement, énergie, déchets ou mobilité"
	case KindNGOGrant:
		return "Subvention à une association ou ONG menant des projets de développement"
	case KindMultilateral:
		return "Versement à une organisation multilatérale"
	case KindAwareness:
		return "Action d'éducation et de sensibilisation au développement"
	case KindRefugees:
		return "Aide aux réfugiés"
	case KindScholarships:
		return "Bourses d'étudiants de pays éligibles"
	case KindServiceCosts:
		return "Frais de service et de suivi de ces actions"
	}
	return string(k)
}

// InFrance reports whether the kind is spent in France, so that it has no recipient country to check:
// awareness events, refugees received in France, service and follow-up costs.
func (k SpendingKind) InFrance() bool {
	return k == KindAwareness || k == KindRefugees || k == KindServiceCosts
}

// NeedsCountry reports whether the spending has a recipient country to enter: not when spent in France,
// nor for a payment to a multilateral organisation, whose recipients are the organisation's.
func (k SpendingKind) NeedsCountry() bool { return !k.InFrance() && k != KindMultilateral }

// MaxSignificance is the highest policy marker score the declaration uses: 0 not targeted, 1 significant,
// 2 principal objective (the codelist's 3 and 4 are for desertification and multilateral reporting).
const MaxSignificance = 2

// Declaration is what a project needs for the yearly ODA declaration and the IATI file: the kind of spending,
// the OECD DAC 5-digit sector, the CRS channel of delivery and the policy markers scored 0 to 2. A project
// never described has Version 0.
type Declaration struct {
	Kind      SpendingKind
	Sector    string         // DAC 5-digit purpose code
	Channel   string         // CRS channel code
	Markers   map[string]int // policy marker code → significance 0–2; a marker absent was not screened
	UpdatedAt time.Time
	Version   int64
}

// Known reports whether the officer described the project for the declaration.
func (d Declaration) Known() bool { return d.Version > 0 }

// Field names of the declaration form, as Validate and the form share them.
const (
	FieldKind    = "nature"
	FieldSector  = "secteur"
	FieldChannel = "canal"
	FieldMarker  = "marqueur-" // followed by the marker's code
)

// Validate checks the codes against the IATI codelists; every field is optional (a project is described
// bit by bit, and the declaration's page says what is still missing) but what is given must be right.
func (d *Declaration) Validate() Errors {
	var errs Errors
	if d.Kind != "" && !slices.Contains(SpendingKinds, d.Kind) {
		errs.add(FieldKind, "Choisissez la nature de la dépense dans la liste.")
	}
	if d.Sector != "" {
		code, err := iati.Validate(iati.Sector, d.Sector)
		if err != nil || len(code) != 5 {
			errs.add(FieldSector, "Choisissez un secteur CAD à 5 chiffres dans la liste (par exemple 14030, eau potable et assainissement de base).")
		} else {
			d.Sector = code
		}
	}
	if d.Channel != "" {
		code, err := iati.Validate(iati.CRSChannel, d.Channel)
		if err != nil {
			errs.add(FieldChannel, "Choisissez un canal d'acheminement dans la liste (par exemple 11002, gouvernement local du pays donneur).")
		} else {
			d.Channel = code
		}
	}
	for code, score := range d.Markers {
		if _, ok := iati.Lookup(iati.PolicyMarker, code); !ok {
			errs.add(FieldMarker+code, "Ce marqueur n'est pas dans la liste de l'OCDE.")
		} else if score < 0 || score > MaxSignificance {
			errs.add(FieldMarker+code, "Choisissez 0 (non ciblé), 1 (objectif significatif) ou 2 (objectif principal).")
		}
	}
	return errs
}

// MarkerCodes returns the markers scored, in the codelist's numeric order.
func (d Declaration) MarkerCodes() []string {
	codes := make([]string, 0, len(d.Markers))
	for c := range d.Markers {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		a, _ := strconv.Atoi(codes[i])
		b, _ := strconv.Atoi(codes[j])
		return a < b
	})
	return codes
}

// FormatMarkers writes the markers as « 1:2 5:0 », the stored form.
func (d Declaration) FormatMarkers() string {
	var b strings.Builder
	for i, c := range d.MarkerCodes() {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c + ":" + strconv.Itoa(d.Markers[c]))
	}
	return b.String()
}

// ParseMarkers reads the stored form back; a malformed pair is dropped (the data is written by FormatMarkers).
func ParseMarkers(s string) map[string]int {
	out := map[string]int{}
	for _, f := range strings.Fields(s) {
		code, score, ok := strings.Cut(f, ":")
		if n, err := strconv.Atoi(score); ok && err == nil {
			out[code] = n
		}
	}
	return out
}
