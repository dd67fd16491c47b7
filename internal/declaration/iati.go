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
)

// OrgPrefix starts the authority's IATI organisation identifier. The shared data holds no registration
// agency list, so the identifier is built from the authority's official code (INSEE or SIREN as entered);
// the lead should confirm it against the IATI organisation identifier guide before publication.
const OrgPrefix = "FR-COLLECTIVITE-"

// OrgRef returns the authority's IATI organisation reference.
func OrgRef(official string) string {
	ref := strings.NewReplacer(":", "-", " ", "").Replace(official)
	if ref == "" {
		ref = "INCONNU"
	}
	return OrgPrefix + ref
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

type dateElem struct {
	Type    string `xml:"type,attr"`
	ISODate string `xml:"iso-date,attr"`
}

type recipientCountry struct {
	Code       string `xml:"code,attr"`
	Percentage string `xml:"percentage,attr,omitempty"`
}

type tag struct {
	Vocabulary string `xml:"vocabulary,attr"`
	Code       string `xml:"code,attr"`
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
	Lang         string             `xml:"xml:lang,attr"`
	Currency     string             `xml:"default-currency,attr"`
	Updated      string             `xml:"last-updated-datetime,attr,omitempty"`
	Identifier   string             `xml:"iati-identifier"`
	Reporting    org                `xml:"reporting-org"`
	Title        textElem           `xml:"title"`
	Description  *textElem          `xml:"description,omitempty"`
	Participants []org              `xml:"participating-org"`
	Status       codeElem           `xml:"activity-status"`
	Dates        []dateElem         `xml:"activity-date"`
	Countries    []recipientCountry `xml:"recipient-country"`
	Tags         []tag              `xml:"tag"`
	Budgets      []budget           `xml:"budget"`
	Transactions []transaction      `xml:"transaction"`
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

// WriteIATI writes the strategy's funded projects as an IATI 2.03 activity file. Only the authority and
// partner organisations' names are written: no person's name or contact goes out.
func WriteIATI(w io.Writer, s strategy.Strategy, now time.Time) error {
	ref := OrgRef(s.Authority.OfficialID)
	doc := activities{Version: "2.03", Generated: now.UTC().Format(time.RFC3339)}
	reporting := org{Ref: ref, Type: "10", Narrative: []narrative{{Text: s.Authority.Name}}} // 10: government
	for _, p := range s.Funding.Projects {
		if !Funded(p) {
			continue
		}
		doc.Activities = append(doc.Activities, projectActivity(p, ref, reporting, now))
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
	a := activity{
		Lang: "fr", Currency: "EUR",
		Identifier: fmt.Sprintf("%s-P%d", ref, p.ID),
		Reporting:  reporting,
		Title:      fr(p.Title),
		Status:     codeElem{Code: activityStatus(p.Status)},
	}
	if !p.UpdatedAt.IsZero() {
		a.Updated = p.UpdatedAt.UTC().Format(time.RFC3339)
	}
	// The schema asks for a description: the title stands for it when the summary is empty.
	d := fr(p.Title)
	if strings.TrimSpace(p.Summary) != "" {
		d = fr(p.Summary)
	}
	a.Description = &d
	// The authority funds and, for its own projects, implements: role 1 funding, 4 implementing.
	a.Participants = append(a.Participants,
		org{Ref: ref, Type: "10", Role: "1", Narrative: reporting.Narrative},
		org{Ref: ref, Type: "10", Role: "4", Narrative: reporting.Narrative})
	for _, name := range p.Partners {
		if name = strings.TrimSpace(name); name != "" {
			a.Participants = append(a.Participants, org{Role: "2", Narrative: []narrative{{Text: name}}}) // 2: accountable
		}
	}
	a.Dates = activityDates(p, now)
	for i, pc := range percentages(len(p.Countries)) {
		a.Countries = append(a.Countries, recipientCountry{Code: p.Countries[i], Percentage: pc})
	}
	for _, g := range p.SDGs {
		a.Tags = append(a.Tags, tag{Vocabulary: "2", Code: strconv.Itoa(g)}) // 2: UN Sustainable Development Goals
	}
	a.Budgets, a.Transactions = money(p)
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
// own budget as granted or paid.
func money(p funding.Project) ([]budget, []transaction) {
	perYear := map[int]int64{}
	var years []int
	var txs []transaction
	for _, l := range p.Lines {
		if !l.Status.Counts() || l.Year == 0 {
			continue
		}
		if _, ok := perYear[l.Year]; !ok {
			years = append(years, l.Year)
		}
		perYear[l.Year] += l.AmountCents
		if !l.Status.Secured() {
			continue
		}
		date := fmt.Sprintf("%d-01-01", l.Year)
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
