package funding

import (
	"slices"
	"strings"
)

// Level is where a programme comes from.
type Level string

// The levels of the guide: European, national, other.
const (
	LevelEU       Level = "ue"
	LevelNational Level = "national"
	LevelOther    Level = "autre"
)

// Levels lists the levels in display order.
var Levels = []Level{LevelEU, LevelNational, LevelOther}

// Label returns the French label of the level.
func (l Level) Label() string {
	switch l {
	case LevelEU:
		return "Union européenne"
	case LevelNational:
		return "National"
	case LevelOther:
		return "Autre"
	}
	return string(l)
}

// Orientation is which of the guide's two tables a European programme is in; "" when not said.
type Orientation string

// The guide's two orientations.
const (
	OrientationEurope     Orientation = "partenariats-europeens"
	OrientationThirdParty Orientation = "pays-tiers"
)

// Orientations lists the orientations, the unknown one first.
var Orientations = []Orientation{"", OrientationEurope, OrientationThirdParty}

// Label returns the French label of the orientation.
func (o Orientation) Label() string {
	switch o {
	case OrientationEurope:
		return "Partenariats essentiellement européens"
	case OrientationThirdParty:
		return "Coopération avec des pays tiers"
	}
	return "non renseigné"
}

// Sector is the annexed budget a 1 % programme draws on. Water and sanitation are separate budgets, each
// with its own ceiling.
type Sector string

// The budgets of the 1 % dispositif.
const (
	SectorWater      Sector = "eau"
	SectorSanitation Sector = "assainissement"
	SectorEnergy     Sector = "energie"
	SectorWaste      Sector = "dechets"
	SectorMobility   Sector = "mobilite"
)

// Sectors lists the 1 % budgets in display order.
var Sectors = []Sector{SectorWater, SectorSanitation, SectorEnergy, SectorWaste, SectorMobility}

// Label returns the French name of the budget.
func (s Sector) Label() string {
	switch s {
	case SectorWater:
		return "budget de l'eau"
	case SectorSanitation:
		return "budget de l'assainissement"
	case SectorEnergy:
		return "budget de l'énergie"
	case SectorWaste:
		return "budget des déchets"
	case SectorMobility:
		return "budgets de la mobilité"
	}
	return string(s)
}

// Rule is one rule of a programme: a value (nil when no source gives it), the upper end of a range when
// the source gives one (« 3–5 % »), where it comes from, and whether it is still to be verified.
type Rule struct {
	Value    *int64 `json:"value,omitempty"`
	High     *int64 `json:"high,omitempty"`
	Source   string `json:"source"`
	ToVerify bool   `json:"toVerify,omitempty"`
	Note     string `json:"note,omitempty"`
}

// Known reports whether the rule has a value.
func (r Rule) Known() bool { return r.Value != nil }

// Int returns the value, 0 when unknown.
func (r Rule) Int() int64 {
	if r.Value == nil {
		return 0
	}
	return *r.Value
}

// Rules are a programme's rules as data. Amounts are cents, rates and shares whole percents, durations months.
type Rules struct {
	MinGrantCents      Rule `json:"minGrantCents"`
	MaxGrantCents      Rule `json:"maxGrantCents"`
	MaxRatePercent     Rule `json:"maxRatePercent"`    // the programme's share of the project's cost, at most
	MaxRateLDCPercent  Rule `json:"maxRateLDCPercent"` // the same in a least developed country, when it differs
	MinOwnSharePercent Rule `json:"minOwnSharePercent"`
	MinMonths          Rule `json:"minMonths"`
	MaxMonths          Rule `json:"maxMonths"`
	CeilingPercent     Rule `json:"ceilingPercent"` // 1 %: of the resources of the sector's budget
	SuccessPercent     Rule `json:"successPercent"`
	EffortPersonMonths Rule `json:"effortPersonMonths"`
}

// Prerequisite is something a programme asks of the project before it applies.
type Prerequisite string

// The prerequisites the sources name.
const (
	PrereqAgreement    Prerequisite = "convention"
	PrereqDeliberation Prerequisite = "deliberation"
	PrereqReports      Prerequisite = "rapports"
	PrereqCompetences  Prerequisite = "competences"
)

// Prerequisites lists them in display order.
var Prerequisites = []Prerequisite{PrereqAgreement, PrereqDeliberation, PrereqReports, PrereqCompetences}

// Label returns what the prerequisite asks, in French.
func (p Prerequisite) Label() string {
	switch p {
	case PrereqAgreement:
		return "une convention signée avec la collectivité partenaire"
	case PrereqDeliberation:
		return "la délibération de la collectivité ou des lettres d'intention"
	case PrereqReports:
		return "les comptes rendus des projets cofinancés auparavant"
	case PrereqCompetences:
		return "une action menée dans le cadre des compétences de la collectivité"
	}
	return string(p)
}

// PrerequisiteRule is a prerequisite with its source.
type PrerequisiteRule struct {
	Code     Prerequisite `json:"code"`
	Source   string       `json:"source"`
	ToVerify bool         `json:"toVerify,omitempty"`
}

// KindsRule lists the kinds of authority a programme is open to (codes of internal/territory, and
// « syndicat-mixte »); empty means the sources set no limit.
type KindsRule struct {
	Value  []string `json:"value,omitempty"`
	Source string   `json:"source,omitempty"`
}

// Programme is one entry of the funding catalogue.
type Programme struct {
	Code           string             `json:"code"`
	Name           string             `json:"name"`
	Funder         string             `json:"funder"`
	Level          Level              `json:"level"`
	Orientation    Orientation        `json:"orientation"`
	Themes         []Theme            `json:"themes"` // empty: every theme
	AuthorityKinds KindsRule          `json:"authorityKinds"`
	Countries      []string           `json:"countries,omitempty"` // ISO codes; empty: no limit given
	CountriesNote  string             `json:"countriesNote,omitempty"`
	Sector         Sector             `json:"sector,omitempty"` // 1 % programmes only
	Rules          Rules              `json:"rules"`
	Prerequisites  []PrerequisiteRule `json:"prerequisites,omitempty"`
	Notes          string             `json:"notes"`
	Sources        []string           `json:"sources"`
	Retired        bool               `json:"retired,omitempty"` // removed from the catalogue; plans that use it keep it, flagged
	Version        int64              `json:"-"`                 // 0 for the shipped entry, then one per saved edit
}

// CoversTheme reports whether the programme funds the theme (a programme without themes funds them all).
func (p Programme) CoversTheme(t Theme) bool {
	return len(p.Themes) == 0 || slices.Contains(p.Themes, t)
}

// OpenToKind reports whether the programme is open to an authority of that kind.
func (p Programme) OpenToKind(kind string) bool {
	return len(p.AuthorityKinds.Value) == 0 || slices.Contains(p.AuthorityKinds.Value, kind)
}

// OpenToCountry reports whether the programme is open to a country.
func (p Programme) OpenToCountry(code string) bool {
	return len(p.Countries) == 0 || slices.Contains(p.Countries, strings.ToUpper(code))
}

// Catalogue is the set of programmes, by code.
type Catalogue struct {
	list   []Programme
	byCode map[string]int
}

// NewCatalogue indexes programmes by code; a later entry with the same code replaces an earlier one, so
// saved versions override the shipped ones.
func NewCatalogue(list []Programme) *Catalogue {
	c := &Catalogue{byCode: map[string]int{}}
	for _, p := range list {
		if i, ok := c.byCode[p.Code]; ok {
			c.list[i] = p
			continue
		}
		c.byCode[p.Code] = len(c.list)
		c.list = append(c.list, p)
	}
	return c
}

// Programme returns the programme with the code.
func (c *Catalogue) Programme(code string) (Programme, bool) {
	if c == nil {
		return Programme{}, false
	}
	i, ok := c.byCode[code]
	if !ok {
		return Programme{}, false
	}
	return c.list[i], true
}

// All returns the programmes in catalogue order, retired ones included.
func (c *Catalogue) All() []Programme {
	if c == nil {
		return nil
	}
	return slices.Clone(c.list)
}

// Active returns the programmes not retired.
func (c *Catalogue) Active() []Programme {
	var out []Programme
	for _, p := range c.All() {
		if !p.Retired {
			out = append(out, p)
		}
	}
	return out
}
