package declaration

import (
	"fmt"
	"strings"
	"time"

	"boussole/internal/frfmt"
	"boussole/internal/funding"
	"boussole/internal/refdata/country"
	"boussole/internal/refdata/iati"
	"boussole/internal/refdata/oda"
	"boussole/internal/strategy"
)

// The e-APD is the yearly declaration of the authority's official development assistance to the State
// (article L.1115-6 of the CGCT), filled on the CNCD's site for the previous calendar year, between mid-April
// and the end of May. This file builds its lines from the strategy's projects and says what is missing.

// DefaultYear is the year a declaration made on day now is about: the previous calendar year.
func DefaultYear(now time.Time) int { return now.Year() - 1 }

// ReminderDue reports whether the declaration's season is near or open on day now: April and May.
func ReminderDue(now time.Time) bool { return now.Month() == time.April || now.Month() == time.May }

// EAPDLine is one line of the declaration: what one project spent from the authority's own budget in the
// year, for one recipient country.
type EAPDLine struct {
	ProjectID   int64
	Project     string
	Kind        funding.SpendingKind
	Country     string // ISO 3166-1 alpha-2; "" when the spending is in France or no country is entered
	Sector      string
	Channel     string
	AmountCents int64
	Markers     map[string]int
	Eligible    bool // the country is on the DAC list, or the kind is spent in France
	// SchemeID and ApplicationID name the support scheme's grant a line declares; 0 for a project's line.
	SchemeID, ApplicationID int64
}

// Severity says whether a problem keeps a line out of the declaration or only needs a look.
type Severity int

// The severities of a problem.
const (
	Blocking Severity = iota // the line cannot be declared as it stands
	ToCheck                  // the line can be declared, but the officer should check it
)

// Problem is something missing or doubtful, attached to a project or to a scheme's grant (both 0: the
// whole declaration).
type Problem struct {
	ProjectID int64
	// SchemeID and ApplicationID name the support scheme's grant the problem is about.
	SchemeID, ApplicationID int64
	Project                 string
	Severity                Severity
	Message                 string
}

// EAPD is the declaration for one year: its lines, by country then project, and the problems found.
type EAPD struct {
	Year     int
	Lines    []EAPDLine
	Problems []Problem
	// TotalCents sums the lines that can be declared (eligible country or spending in France).
	TotalCents int64
}

// Count returns how many problems have the severity.
func (e EAPD) Count(s Severity) int {
	n := 0
	for _, p := range e.Problems {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// BuildEAPD reads the funding part of the authority's strategies and gives the declaration of year. The
// amount declared is what the authority paid from its own budget (lines « budget propre » marked « versé »
// in that year): the State's and partners' co-funding is declared by them, not by the authority.
func BuildEAPD(year int, ss ...strategy.Strategy) EAPD {
	e := EAPD{Year: year}
	if !oda.Covers(year) {
		e.Problems = append(e.Problems, Problem{Severity: ToCheck, Message: fmt.Sprintf(
			"La %s embarquée ne couvre pas %d : vérifiez sur le site de l'OCDE que les pays de vos projets sont toujours éligibles.", oda.Edition, year)})
	}
	for _, p := range projectsOf(ss) {
		paid, pending, undated := ownSpending(p, year)
		if paid == 0 && !activeIn(p, year, pending) {
			continue
		}
		e.Problems = append(e.Problems, projectProblems(p, year, paid, pending, undated)...)
		if paid == 0 {
			continue
		}
		for _, l := range projectLines(p, paid) {
			if l.Eligible {
				e.TotalCents += l.AmountCents
			}
			e.Lines = append(e.Lines, l)
		}
	}
	sortLines(e.Lines)
	return e
}

// ownSpending sums a project's own-budget lines of the year: paid, granted or asked but not marked paid,
// and those of the project with no year at all.
func ownSpending(p funding.Project, year int) (paid, pending, undated int64) {
	for _, l := range p.Lines {
		if l.Source != funding.SourceOwn || !l.Status.Counts() {
			continue
		}
		switch {
		case l.Year == 0:
			undated += l.AmountCents
		case l.Year != year:
		case l.Status == funding.LinePaid:
			paid += l.AmountCents
		case l.Status == funding.LineGranted:
			pending += l.AmountCents
		}
	}
	return paid, pending, undated
}

// activeIn reports whether a project with nothing paid in the year should still be looked at: money
// granted for that year, or a project described for the declaration and running in that year.
func activeIn(p funding.Project, year int, pending int64) bool {
	if pending > 0 {
		return true
	}
	if !p.Declaration.Known() || p.Status == funding.StatusIdea {
		return false
	}
	if !p.Start.IsZero() && p.Start.First().Year() > year {
		return false
	}
	if !p.End.IsZero() && p.End.Last().Year() < year {
		return false
	}
	return p.Status == funding.StatusRunning || p.Status == funding.StatusClosed
}

// projectLines splits what a project paid between its countries, evenly, the remainder on the first.
func projectLines(p funding.Project, paid int64) []EAPDLine {
	d := p.Declaration
	base := EAPDLine{ProjectID: p.ID, Project: p.Title, Kind: d.Kind, Sector: d.Sector, Channel: d.Channel, Markers: d.Markers}
	if !d.Kind.NeedsCountry() || len(p.Countries) == 0 {
		base.AmountCents, base.Eligible = paid, d.Kind != "" && !d.Kind.NeedsCountry()
		return []EAPDLine{base}
	}
	n := int64(len(p.Countries))
	out := make([]EAPDLine, len(p.Countries))
	for i, c := range p.Countries {
		l := base
		l.Country, l.AmountCents = c, paid/n
		if i == 0 {
			l.AmountCents += paid % n
		}
		_, l.Eligible = oda.Eligible(c)
		out[i] = l
	}
	return out
}

// projectProblems lists what keeps a project's spending from being declared, or needs checking.
func projectProblems(p funding.Project, year int, paid, pending, undated int64) []Problem {
	var out []Problem
	add := func(s Severity, format string, args ...any) {
		out = append(out, Problem{ProjectID: p.ID, Project: p.Title, Severity: s, Message: fmt.Sprintf(format, args...)})
	}
	d := p.Declaration
	if d.Kind == "" {
		add(Blocking, "Choisissez la nature de la dépense (projet de coopération, action 1 %%, subvention à une ONG…).")
	}
	if d.Sector == "" {
		add(Blocking, "Choisissez le secteur CAD à 5 chiffres.")
	} else if s, ok := iati.Lookup(iati.Sector, d.Sector); !ok || s.Withdrawn {
		add(Blocking, "Le secteur CAD %s n'est plus en usage : choisissez-en un autre.", d.Sector)
	}
	if d.Channel == "" {
		add(ToCheck, "Choisissez le canal d'acheminement (par exemple 11002, collectivité locale du pays donneur).")
	}
	if len(d.Markers) == 0 {
		add(ToCheck, "Notez les marqueurs de politique de l'OCDE (égalité femmes-hommes, environnement…) de 0 à 2.")
	}
	if d.Kind == funding.KindMultilateral {
		add(ToCheck, "Vérifiez que l'organisation figure sur la liste des organisations internationales éligibles à l'APD du CAD de l'OCDE.")
	}
	if d.Kind.NeedsCountry() {
		if len(p.Countries) == 0 {
			add(Blocking, "Indiquez le pays bénéficiaire sur la fiche du projet.")
		}
		var not []string
		for _, c := range p.Countries {
			if _, ok := oda.Eligible(c); !ok {
				not = append(not, country.Name(c))
			}
		}
		if len(not) > 0 {
			add(Blocking, "%s : pas sur la liste des bénéficiaires de l'APD du CAD ; cette dépense ne se déclare pas comme aide publique au développement.",
				strings.Join(not, ", "))
		}
	}
	if pending > 0 {
		add(ToCheck, "%s du budget propre sont accordés pour %d mais pas marqués versés : mettez le plan de financement à jour d'après le compte administratif.",
			frfmt.Euros(pending), year)
	}
	if undated > 0 {
		add(ToCheck, "%s du budget propre n'ont pas d'année : indiquez l'année de chaque ligne du plan de financement.", frfmt.Euros(undated))
	}
	if paid == 0 && pending == 0 {
		add(ToCheck, "Le projet est en cours en %d mais aucune dépense du budget propre n'y est marquée versée.", year)
	}
	return out
}

// NoCountryMultilateral stands for the country of a payment to a multilateral organisation.
const NoCountryMultilateral = "sans objet (organisation multilatérale)"

// EAPDHeader is the header of the CSV and XLSX the officer copies into the CNCD's form.
func EAPDHeader() []string {
	h := []string{"Année", "Projet", "Nature de la dépense", "Code pays", "Pays", "Éligible APD", "Code secteur CAD", "Secteur CAD",
		"Code canal", "Canal d'acheminement", "Montant versé (€)"}
	for _, m := range iati.Codes(iati.PolicyMarker) {
		h = append(h, "Marqueur : "+m.Name)
	}
	return append(h, "Points à vérifier")
}

// Rows writes the lines as the CSV and XLSX give them: amounts in euros with a decimal comma, markers as
// 0, 1 or 2 and empty when not screened, « inconnu » for what is not entered.
func (e EAPD) Rows() [][]string {
	type about struct{ project, application int64 }
	problems := map[about][]string{}
	for _, p := range e.Problems {
		if p.ProjectID != 0 || p.ApplicationID != 0 {
			k := about{p.ProjectID, p.ApplicationID}
			problems[k] = append(problems[k], p.Message)
		}
	}
	markers := iati.Codes(iati.PolicyMarker)
	rows := make([][]string, 0, len(e.Lines))
	for _, l := range e.Lines {
		countryName, eligible := "France (dépense en France)", "oui"
		if l.Kind == funding.KindMultilateral && l.Country == "" {
			countryName = NoCountryMultilateral
		} else if !l.Kind.InFrance() {
			countryName = orUnknown(l.Country, country.Name(l.Country))
			if !l.Eligible {
				eligible = "non"
			}
		}
		row := []string{fmt.Sprint(e.Year), l.Project, orUnknown(string(l.Kind), l.Kind.Label()), l.Country, countryName, eligible,
			l.Sector, codeName(iati.Sector, l.Sector), l.Channel, codeName(iati.CRSChannel, l.Channel), decimalEuros(l.AmountCents)}
		for _, m := range markers {
			v := ""
			if score, ok := l.Markers[m.Code]; ok {
				v = fmt.Sprint(score)
			}
			row = append(row, v)
		}
		rows = append(rows, append(row, strings.Join(problems[about{l.ProjectID, l.ApplicationID}], " ")))
	}
	return rows
}

func orUnknown(code, name string) string {
	if code == "" {
		return frfmt.Unknown
	}
	return name
}

func codeName(l iati.List, code string) string {
	if code == "" {
		return frfmt.Unknown
	}
	if c, ok := iati.Lookup(l, code); ok {
		return c.Name
	}
	return code
}

// decimalEuros writes cents as « 1234,56 », the decimal form French spreadsheets and the CNCD form read.
func decimalEuros(c int64) string { return strings.Replace(euros(c), ".", ",", 1) }

// projectsOf gathers the projects of several strategies, each once.
func projectsOf(ss []strategy.Strategy) []funding.Project {
	var out []funding.Project
	seen := map[int64]bool{}
	for _, s := range ss {
		for _, p := range s.Funding.Projects {
			if !seen[p.ID] {
				seen[p.ID] = true
				out = append(out, p)
			}
		}
	}
	return out
}
