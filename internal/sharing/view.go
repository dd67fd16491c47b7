package sharing

import (
	"strconv"

	"boussole/internal/partialdate"
)

// View is what peers read of a shared strategy: only what passed Filter. It is stored as is (JSON), so its
// fields are the contract of what a share may ever hold; a field added here is a field shared.
type View struct {
	Authority   Peer         `json:"authority"`
	Strategy    Header       `json:"strategy"`
	Scope       Scope        `json:"scope"`
	Licence     Licence      `json:"licence"`
	Key         *Key         `json:"key,omitempty"`
	Elements    []Item       `json:"elements,omitempty"` // objectives then, under each, its results
	Measures    []Metric     `json:"indicators,omitempty"`
	Actions     []Action     `json:"activities,omitempty"` // activity types, under their result
	Risks       []Risk       `json:"risks,omitempty"`
	Themes      []string     `json:"themes,omitempty"`    // thematic priorities' policies
	Countries   []string     `json:"countries,omitempty"` // ISO codes of geographic priorities and partnerships
	SDG         []string     `json:"sdg,omitempty"`       // ODD codes tagged anywhere in the structure
	Partners    []Partner    `json:"partnerships,omitempty"`
	Projects    []Project    `json:"projects,omitempty"`
	Evaluations []Evaluation `json:"evaluations,omitempty"`
}

// Peer describes the sharing authority as the library shows and filters it.
type Peer struct {
	Name       string `json:"name"`
	Slug       string `json:"slug"`
	Kind       string `json:"kind"`
	Population int64  `json:"population,omitempty"` // 0 when unknown
	RegionCode string `json:"region,omitempty"`
}

// Header names the shared strategy.
type Header struct {
	Title     string           `json:"title"`
	TermStart int              `json:"term_start"`
	TermEnd   int              `json:"term_end,omitempty"`
	Adopted   bool             `json:"adopted"`
	AdoptedOn partialdate.Date `json:"adopted_on"`
}

// Term is the mandature as the strategy pages write it.
func (h Header) Term() string {
	if h.TermEnd == 0 {
		return "depuis " + strconv.Itoa(h.TermStart)
	}
	return strconv.Itoa(h.TermStart) + "–" + strconv.Itoa(h.TermEnd)
}

// Key is the strategy's key elements, without the political project's authors.
type Key struct {
	Values  []Value `json:"values,omitempty"`
	Vision  string  `json:"vision,omitempty"`
	Mission string  `json:"mission,omitempty"`
	General string  `json:"general,omitempty"` // the general objective's title
}

// Value is one of the strategy's values and what the authority means by it.
type Value struct {
	Name        string `json:"name"`
	Explanation string `json:"explanation,omitempty"`
}

// Item is an objective (Level "objectif") or a result (Level "resultat") with its number in the framework.
type Item struct {
	Ref         string   `json:"ref"` // « o3 », « r12 »: stable within the share, for picking
	Level       string   `json:"level"`
	Number      string   `json:"number"` // « 2 », « 2.1 »
	Parent      string   `json:"parent,omitempty"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	SDG         []string `json:"sdg,omitempty"`
}

// Metric is an indicator without its values and without who updates it.
type Metric struct {
	Ref         string   `json:"ref"`   // « i7 »
	Level       string   `json:"level"` // the Ref of the element it measures, « g » for the general objective
	Title       string   `json:"title"`
	Definition  string   `json:"definition,omitempty"`
	Unit        string   `json:"unit,omitempty"`
	Ascending   bool     `json:"ascending"`
	Periodicity string   `json:"periodicity,omitempty"`
	Sources     []string `json:"sources,omitempty"`
}

// Action is an activity type of the framework: what the authority does for a result, without who carries
// it, its means, its cost or its dates, which are the authority's own.
type Action struct {
	Ref         string   `json:"ref"`    // « a9 »
	Result      string   `json:"result"` // the Ref of the result it serves
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	SDG         []string `json:"sdg,omitempty"`
}

// Risk is a risk without its owner.
type Risk struct {
	Ref        string `json:"ref"` // « k4 »
	Desc       string `json:"description"`
	Category   string `json:"category"`
	Likelihood int    `json:"likelihood"`
	Impact     int    `json:"impact"`
	Mitigation string `json:"mitigation,omitempty"`
}

// Partner is a partnership of the register without its services, local actors, budget or review.
type Partner struct {
	Partner   string   `json:"partner"`
	Countries []string `json:"countries,omitempty"`
	Kind      string   `json:"kind"`
	Status    string   `json:"status"`
	Themes    []string `json:"themes,omitempty"`
	StartYear int      `json:"start_year,omitempty"`
}
