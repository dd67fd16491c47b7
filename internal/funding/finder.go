package funding

import (
	"slices"
	"sort"
	"strings"

	"boussole/internal/frfmt"
)

// Match is one programme as the finder sees it for a project: whether it is open to the project, why it
// fits and what is missing.
type Match struct {
	Programme Programme
	Eligible  bool     // nothing in the rules excludes the project
	Score     int      // higher fits better; for ranking only
	Fits      []string // French reasons it fits
	Missing   []string // French: what the project lacks or breaks
	InPlan    bool     // the plan already has a line of it
}

// Find ranks the catalogue's active programmes for a project: eligible ones first, then by how many
// themes they share with it and how few things are missing.
func Find(p Project, ctx Context) []Match {
	var out []Match
	inPlan := map[string]bool{}
	for _, l := range p.Lines {
		if l.Source == SourceProgramme {
			inPlan[l.Programme] = true
		}
	}
	for _, prog := range ctx.Catalogue.Active() {
		m := match(p, ctx, prog)
		m.InPlan = inPlan[prog.Code]
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Eligible != out[j].Eligible {
			return out[i].Eligible
		}
		return out[i].Score > out[j].Score
	})
	return out
}

func match(p Project, ctx Context, prog Programme) Match {
	m := Match{Programme: prog, Eligible: true}
	shared := 0
	for _, t := range p.Themes {
		if slices.Contains(prog.Themes, t) {
			shared++
		}
	}
	switch {
	case shared > 0:
		m.Score += 10 * shared
		m.Fits = append(m.Fits, "thèmes en commun : "+themeNames(p.Themes, prog.Themes))
	case len(prog.Themes) == 0:
		m.Score += 2
		m.Fits = append(m.Fits, "ouvert à tous les thèmes")
	default:
		m.Score -= 5
		m.Missing = append(m.Missing, "aucun thème du projet ne correspond (le programme couvre : "+themeNames(prog.Themes, nil)+")")
	}
	if !prog.OpenToKind(ctx.AuthorityKind) {
		m.Eligible = false
		m.Missing = append(m.Missing, "réservé aux "+kindsText(prog.AuthorityKinds.Value))
	}
	m.countries(p, prog)
	m.rules(p, prog)
	for _, q := range prog.Prerequisites {
		if p.Has(q.Code) {
			m.Fits = append(m.Fits, "le projet a "+q.Code.Label())
		} else {
			m.Score--
			m.Missing = append(m.Missing, "il faut "+q.Code.Label())
		}
	}
	if prog.CountriesNote != "" {
		m.Missing = append(m.Missing, "pays à vérifier : "+prog.CountriesNote)
	}
	return m
}

func (m *Match) countries(p Project, prog Programme) {
	if len(prog.Countries) == 0 {
		return
	}
	for _, c := range p.Countries {
		if prog.OpenToCountry(c) {
			m.Score += 5
			m.Fits = append(m.Fits, "le pays du projet est éligible")
			return
		}
	}
	m.Eligible = false
	m.Missing = append(m.Missing, "ne finance que des projets dans : "+strings.Join(prog.Countries, ", "))
}

// rules tells whether the project's cost and duration fit the programme's bounds.
func (m *Match) rules(p Project, prog Programme) {
	r := prog.Rules
	if months, ok := p.Months(); ok {
		if r.MaxMonths.Known() && int64(months) > r.MaxMonths.Int() || r.MinMonths.Known() && int64(months) < r.MinMonths.Int() {
			m.Eligible = false
			m.Missing = append(m.Missing, "durée hors des bornes du programme ("+monthsRange(r)+")")
		} else if r.MaxMonths.Known() || r.MinMonths.Known() {
			m.Fits = append(m.Fits, "durée dans les bornes ("+monthsRange(r)+")")
		}
	} else if r.MaxMonths.Known() || r.MinMonths.Known() {
		m.Missing = append(m.Missing, "dates du projet à renseigner pour vérifier la durée ("+monthsRange(r)+")")
	}
	if r.MinGrantCents.Known() && p.BudgetCents != nil && *p.BudgetCents < r.MinGrantCents.Int() {
		m.Eligible = false
		m.Missing = append(m.Missing, "le coût du projet est inférieur au montant minimal accordé ("+frfmt.Euros(r.MinGrantCents.Int())+")")
	}
	if r.MinGrantCents.Known() && r.MaxGrantCents.Known() {
		m.Fits = append(m.Fits, "subvention de "+frfmt.Euros(r.MinGrantCents.Int())+" à "+frfmt.Euros(r.MaxGrantCents.Int()))
	}
	if r.SuccessPercent.Known() {
		s := frfmt.Integer(r.SuccessPercent.Int())
		if r.SuccessPercent.High != nil {
			s += "–" + frfmt.Integer(*r.SuccessPercent.High)
		}
		m.Missing = append(m.Missing, "taux de réussite typique "+s+" % : mesurez l'effort avant de candidater")
	}
}

func monthsRange(r Rules) string {
	switch {
	case r.MinMonths.Known() && r.MaxMonths.Known():
		return frfmt.Integer(r.MinMonths.Int()) + " à " + frfmt.Integer(r.MaxMonths.Int()) + " mois"
	case r.MaxMonths.Known():
		return frfmt.Integer(r.MaxMonths.Int()) + " mois au plus"
	}
	return frfmt.Integer(r.MinMonths.Int()) + " mois au moins"
}

// themeNames lists the labels of a's themes, only those in b when b is not nil.
func themeNames(a, b []Theme) string {
	var names []string
	for _, t := range a {
		if b == nil || slices.Contains(b, t) {
			names = append(names, t.Label())
		}
	}
	return strings.Join(names, ", ")
}
