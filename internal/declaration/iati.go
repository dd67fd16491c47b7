package declaration

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"boussole/internal/funding"
	"boussole/internal/strategy"
	"boussole/internal/territory"
)

// OrgPrefix starts the authority's IATI organisation identifier: « registration agency - number », the
// IATI rule. A French local authority is a legal unit of INSEE's SIRENE directory, identified by its SIREN;
// the shared reference data holds no copy of IATI's OrganisationRegistrationAgency codelist, so the prefix
// names INSEE, the agency, and must be checked against the codelist (org-id.guide) before publication.
const OrgPrefix = "FR-INSEE"

// UnknownSIREN stands for the number of an authority whose SIREN Boussole does not know (one outside the
// official list, the demo): the identifier is then not publishable, and BuildEAPD-style checks say so.
const UnknownSIREN = "SIREN-INCONNU"

// SIREN returns the SIREN of an authority of the official list ("epci:200000000", "commune:16015"), or "".
func SIREN(officialID string) string {
	a, ok := territory.ByID(officialID)
	if !ok {
		return ""
	}
	if a.SIREN != "" {
		return a.SIREN
	}
	if a.Kind == territory.KindEPCI {
		return a.Code // an EPCI's code is its SIREN
	}
	return ""
}

// OrgRef returns the authority's IATI organisation reference, « FR-INSEE-<SIREN> ».
func OrgRef(officialID string) string {
	siren := SIREN(officialID)
	if siren == "" {
		siren = UnknownSIREN
	}
	return OrgPrefix + "-" + siren
}

type narrative struct {
	Lang string `xml:"xml:lang,attr,omitempty"`
	Text string `xml:",chardata"`
}

type textElem struct {
	Narratives []narrative `xml:"narrative"`
}

type org struct {
	Ref       string      `xml:"ref,attr,omitempty"`
	Type      string      `xml:"type,attr,omitempty"`
	Role      string      `xml:"role,attr,omitempty"`
	Narrative []narrative `xml:"narrative"`
}

type codeElem struct {
	Code string `xml:"code,attr"`
}

type vocabCode struct {
	Code       string `xml:"code,attr"`
	Vocabulary string `xml:"vocabulary,attr,omitempty"`
}

type dateElem struct {
	Type    string `xml:"type,attr"`
	ISODate string `xml:"iso-date,attr"`
}

type recipientCountry struct {
	Code       string `xml:"code,attr"`
	Percentage string `xml:"percentage,attr,omitempty"`
}

type recipientRegion struct {
	Code       string `xml:"code,attr"`
	Vocabulary string `xml:"vocabulary,attr"`
	Percentage string `xml:"percentage,attr"`
}

type sector struct {
	Vocabulary string `xml:"vocabulary,attr"`
	Code       string `xml:"code,attr"`
	Percentage string `xml:"percentage,attr"`
}

type tag struct {
	Vocabulary string `xml:"vocabulary,attr"`
	Code       string `xml:"code,attr"`
}

type policyMarker struct {
	Vocabulary   string `xml:"vocabulary,attr"`
	Code         string `xml:"code,attr"`
	Significance string `xml:"significance,attr"`
}

type value struct {
	ValueDate string `xml:"value-date,attr"`
	Amount    string `xml:",chardata"`
}

type isoDate struct {
	ISODate string `xml:"iso-date,attr"`
}

type budget struct {
	Type        string  `xml:"type,attr"`
	Status      string  `xml:"status,attr"`
	PeriodStart isoDate `xml:"period-start"`
	PeriodEnd   isoDate `xml:"period-end"`
	Value       value   `xml:"value"`
}

type transaction struct {
	Type        codeElem  `xml:"transaction-type"`
	Date        isoDate   `xml:"transaction-date"`
	Value       value     `xml:"value"`
	Description *textElem `xml:"description,omitempty"`
	Provider    *org      `xml:"provider-org,omitempty"`
}

type activity struct {
	Lang          string             `xml:"xml:lang,attr"`
	Currency      string             `xml:"default-currency,attr"`
	Updated       string             `xml:"last-updated-datetime,attr,omitempty"`
	Identifier    string             `xml:"iati-identifier"`
	Reporting     org                `xml:"reporting-org"`
	Title         textElem           `xml:"title"`
	Description   *textElem          `xml:"description,omitempty"`
	Participants  []org              `xml:"participating-org"`
	Status        codeElem           `xml:"activity-status"`
	Dates         []dateElem         `xml:"activity-date"`
	Countries     []recipientCountry `xml:"recipient-country"`
	Regions       []recipientRegion  `xml:"recipient-region"`
	Sectors       []sector           `xml:"sector"`
	Tags          []tag              `xml:"tag"`
	PolicyMarkers []policyMarker     `xml:"policy-marker"`
	Collaboration *codeElem          `xml:"collaboration-type,omitempty"`
	FlowType      *codeElem          `xml:"default-flow-type,omitempty"`
	FinanceType   *codeElem          `xml:"default-finance-type,omitempty"`
	AidType       *vocabCode         `xml:"default-aid-type,omitempty"`
	Budgets       []budget           `xml:"budget"`
	Transactions  []transaction      `xml:"transaction"`
	Results       []result           `xml:"result"`
}

type activities struct {
	XMLName    xml.Name   `xml:"iati-activities"`
	Version    string     `xml:"version,attr"`
	Generated  string     `xml:"generated-datetime,attr"`
	Activities []activity `xml:"iati-activity"`
}

// fr wraps a French text as IATI narratives (the activity's default language is French).
func fr(s string) textElem { return textElem{Narratives: []narrative{{Text: s}}} }

// activityStatus maps a project's status to the IATI ActivityStatus codelist: 1 pipeline, 2 implementation,
// 4 post-completion (closed).
func activityStatus(s funding.Status) string {
	switch s {
	case funding.StatusRunning:
		return "2"
	case funding.StatusClosed:
		return "4"
	}
	return "1"
}

// euros writes cents as an IATI decimal value.
func euros(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
}

// percentages splits 100 % between n countries, the remainder on the first so that they sum to 100.
func percentages(n int) []string {
	out := make([]string, n)
	for i := range out {
		p := 100 / n
		if i == 0 {
			p += 100 % n
		}
		out[i] = strconv.Itoa(p)
	}
	return out
}

// Funded reports whether a project is reported to IATI: from the applications filed on, with a plan.
func Funded(p funding.Project) bool {
	return p.Status == funding.StatusApplied || p.Status == funding.StatusRunning || p.Status == funding.StatusClosed
}

// The codes IATI gives a French local authority and its decentralised cooperation.
const (
	orgTypeLocalGovernment = "11" // OrganisationType: local government
	sectorUnspecified      = "99810"
	regionUnspecified      = "998" // DAC region: developing countries, unspecified
	flowODA                = "10"
	financeGrant           = "110" // standard grant
	collaborationBilateral = "1"
)

// aidTypes maps the kinds of spending of the declaration to the DAC aid types.
var aidTypes = map[funding.SpendingKind]string{
	funding.KindCooperation: "C01", funding.KindOnePercent: "C01", funding.KindNGOGrant: "C01", funding.KindMultilateral: "B02",
	funding.KindAwareness: "H01", funding.KindRefugees: "H02", funding.KindScholarships: "E01", funding.KindServiceCosts: "G01",
}

// WriteIATI writes the funded projects of the authority's strategies as an IATI 2.03 activity file, with the
// results of the framework elements each project serves. Only the authority's and partner organisations'
// names are written: no person's name or contact goes out.
func WriteIATI(w io.Writer, now time.Time, ss ...strategy.Strategy) error {
	doc := activities{Version: "2.03", Generated: now.UTC().Format(time.RFC3339)}
	seen := map[int64]bool{}
	for _, s := range ss {
		ref := OrgRef(s.Authority.OfficialID)
		reporting := org{Ref: ref, Type: orgTypeLocalGovernment, Narrative: []narrative{{Text: s.Authority.Name}}}
		res := newResultIndex(s)
		for _, p := range s.Funding.Projects {
			if !Funded(p) || seen[p.ID] {
				continue
			}
			seen[p.ID] = true
			a := projectActivity(p, ref, reporting, now)
			a.Results = res.of(p)
			doc.Activities = append(doc.Activities, a)
		}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func projectActivity(p funding.Project, ref string, reporting org, now time.Time) activity {
	d := p.Declaration
	a := activity{
		Lang: "fr", Currency: "EUR",
		Identifier: fmt.Sprintf("%s-P%d", ref, p.ID),
		Reporting:  reporting,
		Title:      fr(p.Title),
		Status:     codeElem{Code: activityStatus(p.Status)},
		// Decentralised cooperation is bilateral ODA given as grants.
		Collaboration: &codeElem{collaborationBilateral}, FlowType: &codeElem{flowODA}, FinanceType: &codeElem{financeGrant},
	}
	if !p.UpdatedAt.IsZero() {
		a.Updated = p.UpdatedAt.UTC().Format(time.RFC3339)
	}
	// The schema asks for a description: the title stands for it when the summary is empty.
	desc := fr(p.Title)
	if strings.TrimSpace(p.Summary) != "" {
		desc = fr(p.Summary)
	}
	a.Description = &desc
	// The authority funds (role 1); its partners implement (4), or the authority itself when none is named.
	a.Participants = append(a.Participants, org{Ref: ref, Type: orgTypeLocalGovernment, Role: "1", Narrative: reporting.Narrative})
	partners := 0
	for _, name := range p.Partners {
		if name = strings.TrimSpace(name); name != "" {
			a.Participants = append(a.Participants, org{Role: "4", Narrative: []narrative{{Text: name}}})
			partners++
		}
	}
	if partners == 0 {
		a.Participants = append(a.Participants, org{Ref: ref, Type: orgTypeLocalGovernment, Role: "4", Narrative: reporting.Narrative})
	}
	a.Dates = activityDates(p, now)
	// Recipients sum to 100 %; spending in France or with no country goes to « developing countries,
	// unspecified », as the DAC reports it.
	if len(p.Countries) > 0 && !d.Kind.InFrance() {
		for i, pc := range percentages(len(p.Countries)) {
			a.Countries = append(a.Countries, recipientCountry{Code: p.Countries[i], Percentage: pc})
		}
	} else {
		a.Regions = []recipientRegion{{Code: regionUnspecified, Vocabulary: "1", Percentage: "100"}}
	}
	// The Standard asks for a sector: the DAC's « sector not specified » stands in until the officer chooses.
	code := d.Sector
	if code == "" {
		code = sectorUnspecified
	}
	a.Sectors = []sector{{Vocabulary: "1", Code: code, Percentage: "100"}}
	for _, g := range p.SDGs {
		a.Tags = append(a.Tags, tag{Vocabulary: "2", Code: strconv.Itoa(g)}) // 2: UN Sustainable Development Goals
	}
	for _, c := range d.MarkerCodes() {
		a.PolicyMarkers = append(a.PolicyMarkers, policyMarker{Vocabulary: "1", Code: c, Significance: strconv.Itoa(d.Markers[c])})
	}
	if t, ok := aidTypes[d.Kind]; ok {
		a.AidType = &vocabCode{Code: t, Vocabulary: "1"}
	}
	a.Budgets, a.Transactions = money(p, now)
	return a
}

// activityDates gives the planned start and end (types 1 and 3); a closed project's end is actual (4).
func activityDates(p funding.Project, now time.Time) []dateElem {
	var out []dateElem
	if !p.Start.IsZero() {
		out = append(out, dateElem{Type: "1", ISODate: p.Start.First().Format(time.DateOnly)})
	}
	if !p.End.IsZero() {
		t := "3"
		if p.Status == funding.StatusClosed {
			t = "4"
		}
		out = append(out, dateElem{Type: t, ISODate: p.End.Last().Format(time.DateOnly)})
	}
	if len(out) == 0 {
		// The schema asks for at least one date: the file's creation stands for the planned start then.
		day := p.UpdatedAt
		if day.IsZero() {
			day = now
		}
		out = append(out, dateElem{Type: "1", ISODate: day.UTC().Format(time.DateOnly)})
	}
	return out
}

// money turns the plan's lines into one budget per year and transactions: incoming funds (type 1) for the
// partners' and programmes' granted or paid money, commitment (2) or disbursement (3) for the authority's
// own budget as granted or paid. A line knows its year, not its day: its transaction is dated the year's
// last day, or today for the current year, since the Standard refuses transactions in the future; a line
// granted for a later year is a budget, not yet a transaction.
func money(p funding.Project, now time.Time) ([]budget, []transaction) {
	perYear := map[int]int64{}
	var years []int
	var txs []transaction
	today := now.UTC().Format(time.DateOnly)
	for _, l := range p.Lines {
		if !l.Status.Counts() || l.Year == 0 {
			continue
		}
		if _, ok := perYear[l.Year]; !ok {
			years = append(years, l.Year)
		}
		perYear[l.Year] += l.AmountCents
		if !l.Status.Secured() || l.Year > now.Year() {
			continue
		}
		date := fmt.Sprintf("%d-12-31", l.Year)
		if l.Year == now.Year() {
			date = today
		}
		t := transaction{Date: isoDate{date}, Value: value{ValueDate: date, Amount: euros(l.AmountCents)}}
		switch {
		case l.Source != funding.SourceOwn:
			t.Type = codeElem{"1"}
			name := l.Label
			if name == "" {
				name = l.Programme
			}
			if name != "" {
				t.Provider = &org{Narrative: []narrative{{Text: name}}}
			}
		case l.Status == funding.LinePaid:
			t.Type = codeElem{"3"}
		default:
			t.Type = codeElem{"2"}
		}
		txs = append(txs, t)
	}
	slices.Sort(years)
	var budgets []budget
	for _, y := range years {
		budgets = append(budgets, budget{Type: "1", Status: "1",
			PeriodStart: isoDate{fmt.Sprintf("%d-01-01", y)}, PeriodEnd: isoDate{fmt.Sprintf("%d-12-31", y)},
			Value: value{ValueDate: fmt.Sprintf("%d-01-01", y), Amount: euros(perYear[y])}})
	}
	return budgets, txs
}
