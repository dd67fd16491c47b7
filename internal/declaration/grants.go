package declaration

import (
	"fmt"
	"sort"

	"boussole/internal/funding"
	"boussole/internal/refdata/country"
	"boussole/internal/refdata/oda"
)

// SchemeGrant is what one application to one of the authority's own support schemes was paid in a year:
// a grant of the authority's budget to an association for its project, which the declaration counts as
// « subvention à une association ou ONG » (the association is the channel, CRS 22000).
type SchemeGrant struct {
	SchemeID, ApplicationID int64
	Scheme                  string
	Title                   string // the project
	Applicant               string
	Country                 string // ISO code; "" when the application does not say
	PaidCents               int64
}

// ChannelDonorNGO is the CRS channel of an association of the donor country.
const ChannelDonorNGO = "22000"

// AddGrants adds the year's payments of the authority's support schemes to the declaration, each a line
// of its own, with what keeps it from being declared as it stands.
func (e *EAPD) AddGrants(grants []SchemeGrant) {
	for _, g := range grants {
		if g.PaidCents <= 0 {
			continue
		}
		l := EAPDLine{Project: g.Title + " (" + g.Applicant + ", « " + g.Scheme + " »)", Kind: funding.KindNGOGrant, Country: g.Country,
			Channel: ChannelDonorNGO, AmountCents: g.PaidCents, SchemeID: g.SchemeID, ApplicationID: g.ApplicationID}
		_, l.Eligible = oda.Eligible(g.Country)
		add := func(s Severity, format string, args ...any) {
			e.Problems = append(e.Problems, Problem{ApplicationID: g.ApplicationID, SchemeID: g.SchemeID, Project: l.Project, Severity: s,
				Message: fmt.Sprintf(format, args...)})
		}
		switch {
		case g.Country == "":
			add(Blocking, "Indiquez le pays où se mène le projet sur la demande : sans lui, la subvention ne se déclare pas.")
		case !l.Eligible:
			add(Blocking, "%s : pas sur la liste des bénéficiaires de l'APD du CAD ; cette subvention ne se déclare pas comme aide publique au développement.",
				country.Name(g.Country))
		}
		add(ToCheck, "Choisissez le secteur CAD du projet de l'association en remplissant le formulaire de la déclaration : la demande ne le dit pas.")
		if l.Eligible {
			e.TotalCents += l.AmountCents
		}
		e.Lines = append(e.Lines, l)
	}
	sortLines(e.Lines)
}

// sortLines orders the lines by country, those without one last, then by project.
func sortLines(lines []EAPDLine) {
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := lines[i], lines[j]
		if a.Country != b.Country {
			return a.Country != "" && (b.Country == "" || country.Less(a.Country, b.Country))
		}
		return a.Project < b.Project
	})
}
