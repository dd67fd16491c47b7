package declaration

import (
	"fmt"
	"strconv"
	"strings"

	"boussole/internal/frfmt"
	"boussole/internal/funding"
	"boussole/internal/refdata/country"
	"boussole/internal/refdata/iati"
	"boussole/internal/strategy"
	"boussole/internal/tabular"
)

// The Atlas of decentralised cooperation (CNCD) is updated project by project, with the élus and officers
// in charge: AtlasSheets gives one sheet per reported project, a label and a value per row, that the
// officer copies into the Atlas's form.

// Contact is a person the Atlas names for the authority: an élu or an officer, as the workspace's members
// list them. Their details leave Boussole only in this internal download.
type Contact struct {
	Name, Service, Email string
	Elected              bool
}

// AtlasSheets writes a sheet per funded project (from the applications filed on) of the strategies.
func AtlasSheets(contacts []Contact, ss ...strategy.Strategy) []tabular.Sheet {
	var sheets []tabular.Sheet
	seen := map[int64]bool{}
	for _, s := range ss {
		for _, p := range s.Funding.Projects {
			if !Funded(p) || seen[p.ID] {
				continue
			}
			seen[p.ID] = true
			sheets = append(sheets, tabular.Sheet{Name: fmt.Sprintf("P%d %s", p.ID, p.Title), Header: []string{"Rubrique", "Valeur"},
				Rows: atlasRows(s, p, contacts)})
		}
	}
	if len(sheets) == 0 {
		sheets = append(sheets, tabular.Sheet{Name: "Atlas", Header: []string{"Rubrique", "Valeur"},
			Rows: [][]string{{"Projets", "Aucun projet déposé, en cours ou clôturé : l'Atlas ne recense que les projets engagés."}}})
	}
	return sheets
}

func atlasRows(s strategy.Strategy, p funding.Project, contacts []Contact) [][]string {
	known := func(v string) string {
		if strings.TrimSpace(v) == "" {
			return frfmt.Unknown
		}
		return v
	}
	names := make([]string, len(p.Countries))
	for i, c := range p.Countries {
		names[i] = country.Name(c)
	}
	themes := make([]string, len(p.Themes))
	for i, t := range p.Themes {
		themes[i] = t.Label()
	}
	sdgs := make([]string, len(p.SDGs))
	for i, g := range p.SDGs {
		sdgs[i] = strconv.Itoa(g)
	}
	date := func(v string) string { return known(v) }
	sector := frfmt.Unknown
	if c, ok := iati.Lookup(iati.Sector, p.Declaration.Sector); ok {
		sector = p.Declaration.Sector + " – " + c.Name
	}
	kind := frfmt.Unknown
	if p.Declaration.Kind != "" {
		kind = p.Declaration.Kind.Label()
	}
	rows := [][]string{
		{"Collectivité", s.Authority.Name},
		{"Projet", p.Title},
		{"Description", known(p.Summary)},
		{"Statut", p.Status.Label()},
		{"Pays", known(strings.Join(names, ", "))},
		{"Partenaires", known(strings.Join(p.Partners, " ; "))},
		{"Thèmes", known(strings.Join(themes, ", "))},
		{"ODD", known(strings.Join(sdgs, ", "))},
		{"Début", date(p.Start.String())},
		{"Fin", date(p.End.String())},
		{"Coût total", frfmt.EurosOrUnknown(p.BudgetCents)},
		{"Nature de la dépense (APD)", kind},
		{"Secteur CAD", sector},
	}
	var elected, officers int
	for _, c := range contacts {
		label := "Agent en charge"
		if c.Elected {
			label, elected = "Élu·e en charge", elected+1
		} else {
			officers++
		}
		detail := c.Name
		if c.Service != "" {
			detail += " — " + c.Service
		}
		rows = append(rows, []string{label, detail + " — " + c.Email})
	}
	if elected == 0 {
		rows = append(rows, []string{"Élu·e en charge", frfmt.Unknown + " : invitez l'élu·e dans l'espace (Membres) avec le rôle « élu·e »"})
	}
	if officers == 0 {
		rows = append(rows, []string{"Agent en charge", frfmt.Unknown})
	}
	return rows
}
