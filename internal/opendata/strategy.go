package opendata

import (
	"strconv"
	"strings"

	"boussole/internal/diagnostic"
	"boussole/internal/funding"
	"boussole/internal/logframe"
)

// ObjectiveColumns is the data dictionary of the strategy's objectives.
var ObjectiveColumns = []Column{
	{"strategie", "Stratégie", "Titre de la stratégie d'action internationale et sa mandature", "string"},
	{"numero", "Numéro", "Numéro de l'objectif dans le cadre logique (« 2 ») ou du résultat (« 2.1 »)", "string"},
	{"niveau", "Niveau", "objectif spécifique ou résultat attendu", "string"},
	{"intitule", "Intitulé", "Intitulé de l'objectif ou du résultat", "string"},
	{"description", "Description", "Ce que l'objectif ou le résultat recouvre", "string"},
	{"odd", "ODD", "Objectifs et cibles de développement durable, séparés par « ; »", "string"},
}

// StrategyObjectives is one strategy's framework as the authority publishes it.
type StrategyObjectives struct {
	Strategy string
	Logframe logframe.Strategy
}

// Objectives is the table of the published strategies' specific objectives and their expected results.
func Objectives(list []StrategyObjectives) Table {
	t := Table{Slug: "objectifs", Title: "Objectifs de la stratégie d'action internationale",
		Description: "Les objectifs spécifiques et les résultats attendus des stratégies que la collectivité publie.", Columns: ObjectiveColumns}
	for _, s := range list {
		numbers := logframe.Number(&s.Logframe)
		for _, o := range s.Logframe.Objectives {
			t.Rows = append(t.Rows, []string{s.Strategy, numbers.Of(logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}), "objectif spécifique",
				o.Title, o.Description, strings.Join(o.SDG, " ; ")})
			for _, r := range s.Logframe.Results {
				if r.ObjectiveID == o.ID {
					t.Rows = append(t.Rows, []string{s.Strategy, numbers.Of(logframe.Ref{Kind: logframe.KindResult, ID: r.ID}), "résultat attendu",
						r.Title, r.Description, strings.Join(r.SDG, " ; ")})
				}
			}
		}
	}
	return t
}

// PartnershipColumns is the data dictionary of the partnerships.
var PartnershipColumns = []Column{
	{"partenaire", "Partenaire", "Collectivité ou organisation partenaire", "string"},
	{"pays", "Pays", "Codes ISO 3166-1 des pays concernés, séparés par « ; »", "string"},
	{"nature", "Nature", "Jumelage, coopération décentralisée, réseau…", "string"},
	{"etat", "État", "Actif, en sommeil ou terminé", "string"},
	{"debut", "Début", "Année du début du partenariat ; vide quand elle n'est pas connue", "year"},
	{"convention_debut", "Début de la convention", "Prise d'effet de la convention en cours (AAAA-MM-JJ, AAAA-MM ou AAAA)", "string"},
	{"convention_fin", "Fin de la convention", "Échéance de la convention en cours (AAAA-MM-JJ, AAAA-MM ou AAAA)", "string"},
	{"themes", "Thèmes", "Thèmes de la coopération, séparés par « ; »", "string"},
}

// Partnerships is the table of the partnership register: who, where, what kind, since when. Services,
// local actors, budgets, the deliberation and the reviews stay the authority's own.
func Partnerships(list []diagnostic.Partnership) Table {
	t := Table{Slug: "partenariats", Title: "Partenariats internationaux",
		Description: "Les partenariats de la collectivité : partenaire, pays, nature, état et date de début.", Columns: PartnershipColumns}
	for _, p := range list {
		year := ""
		if p.StartYear != 0 {
			year = strconv.Itoa(p.StartYear)
		}
		t.Rows = append(t.Rows, []string{p.Partner, strings.Join(p.Countries, " ; "), p.Kind.Label(), p.Status.Label(), year,
			p.Agreement.Start.ISO(), p.Agreement.End.ISO(), strings.Join(p.Themes, " ; ")})
	}
	return t
}

// ProjectColumns is the data dictionary of the projects.
var ProjectColumns = []Column{
	{"projet", "Projet", "Intitulé du projet", "string"},
	{"resume", "Résumé", "Ce que fait le projet", "string"},
	{"etat", "État", "Idée, montage, déposé, en cours ou clôturé", "string"},
	{"pays", "Pays", "Codes ISO 3166-1 des pays concernés, séparés par « ; »", "string"},
	{"partenaires", "Partenaires", "Partenaires du projet, séparés par « ; »", "string"},
	{"debut", "Début", "Début du projet (AAAA-MM-JJ, AAAA-MM ou AAAA)", "string"},
	{"fin", "Fin", "Fin du projet (AAAA-MM-JJ, AAAA-MM ou AAAA)", "string"},
	{"cout_total", "Coût total", "Coût total du projet en euros ; vide quand il n'est pas connu", "number"},
}

// FinancingColumns is the data dictionary of the projects' co-financing.
var FinancingColumns = []Column{
	{"projet", "Projet", "Intitulé du projet", "string"},
	{"source", "Source", "Budget propre, programme du catalogue, apport d'un partenaire ou autre", "string"},
	{"financeur", "Financeur", "Programme et financeur, ou partenaire", "string"},
	{"montant", "Montant", "Montant en euros", "number"},
	{"etat", "État", "Envisagé, déposé, accordé, refusé ou versé", "string"},
	{"annee", "Année", "Année de la demande ou du versement ; vide quand elle n'est pas connue", "year"},
}

// Projects is the table of the projects and the table of their co-financing, one line per line of the plan.
func Projects(list []funding.Project, cat *funding.Catalogue) (projects, financing Table) {
	projects = Table{Slug: "projets", Title: "Projets d'action internationale",
		Description: "Les projets de la collectivité, leur état, leurs pays et leur coût total.", Columns: ProjectColumns}
	financing = Table{Slug: "cofinancements", Title: "Cofinancements des projets",
		Description: "Le plan de financement de chaque projet : sources, financeurs, montants et états.", Columns: FinancingColumns}
	for _, p := range list {
		cost := ""
		if p.BudgetCents != nil {
			cost = euros(*p.BudgetCents)
		}
		projects.Rows = append(projects.Rows, []string{p.Title, p.Summary, p.Status.Label(), strings.Join(p.Countries, " ; "), strings.Join(p.Partners, " ; "),
			p.Start.ISO(), p.End.ISO(), cost})
		for _, l := range p.Lines {
			funder := l.Label
			if l.Source == funding.SourceProgramme {
				funder = l.Programme
				if cat != nil {
					if pr, ok := cat.Programme(l.Programme); ok {
						funder = pr.Name + " (" + pr.Funder + ")"
					}
				}
			}
			year := ""
			if l.Year != 0 {
				year = strconv.Itoa(l.Year)
			}
			financing.Rows = append(financing.Rows, []string{p.Title, l.Source.Label(), funder, euros(l.AmountCents), l.Status.Label(), year})
		}
	}
	return projects, financing
}

// euros writes cents as a decimal number of euros with a point, as open data wants numbers.
func euros(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return sign + strconv.FormatInt(cents/100, 10) + "." + strconv.FormatInt(cents%100/10, 10) + strconv.FormatInt(cents%10, 10)
}
