package organisation

import (
	"fmt"
	"slices"
	"unicode/utf8"
)

// Network is a network of authorities the guide or the specification names.
type Network struct {
	Code, Name string
}

// Networks lists the networks an authority may join: those the guide names (« CUF, ADF, AFCCRE, AMF, RF,
// France Urbaine, RRMA ») and those the specification adds; « autre » for any other.
var Networks = []Network{
	{"cuf", "Cités Unies France (CUF)"},
	{"adf", "Départements de France (ADF)"},
	{"afccre", "Association française du Conseil des communes et régions d'Europe (AFCCRE)"},
	{"amf", "Association des maires de France (AMF)"},
	{"rf", "Régions de France"},
	{"france-urbaine", "France Urbaine"},
	{"rrma", "Réseau régional multi-acteurs (RRMA) de la région"},
	{"platforma", "PLATFORMA"},
	{"cglu", "Cités et gouvernements locaux unis (CGLU)"},
	{"arricod", "ARRICOD"},
	{"ps-eau", "Programme Solidarité Eau (pS-Eau)"},
	{"autre", "Autre réseau"},
}

// NetworkName returns the network's name, or the code when unknown.
func NetworkName(code string) string {
	for _, n := range Networks {
		if n.Code == code {
			return n.Name
		}
	}
	return code
}

// ResourceActors is the directory of the actors that support authorities' international action, as the
// guide and the specification name them (reference data: who they are, not what they fund).
var ResourceActors = []struct{ Name, Role string }{
	{"DAECT, devenue DCTCIV (ministère de l'Europe et des Affaires étrangères)", "Délégation pour l'action extérieure des collectivités territoriales : appels à projets de cofinancement"},
	{"Agence française de développement (AFD)", "Bailleur : facilité de financement des collectivités territoriales (FICOL)"},
	{"Caisse des Dépôts (CDC)", "Soutient l'internationalisation des territoires avec l'AFD et CUF"},
	{"Expertise France", "Agence publique de coopération technique internationale"},
	{"France Volontaires", "Plateforme des engagements volontaires et solidaires à l'international"},
	{"CIEDEL", "Centre de formation aux métiers du développement local et de la coopération"},
	{"pS-Eau", "Appui aux collectivités pour le dispositif 1 % eau et assainissement"},
	{"Cités Unies France — dispositif DCOL", "Experts mis à disposition des collectivités pour leur stratégie (guide)"},
}

// Involvement is one way the authority takes part in a network.
type Involvement string

// The kinds of involvement.
const (
	InvolvedGovernance Involvement = "gouvernance"
	InvolvedAssemblies Involvement = "assemblees"
	InvolvedGroups     Involvement = "groupes-de-travail"
)

// Involvements lists them with their French labels.
var Involvements = []struct {
	Code  Involvement
	Label string
}{{InvolvedGovernance, "Instances de gouvernance"}, {InvolvedAssemblies, "Assemblées générales"}, {InvolvedGroups, "Groupes de travail"}}

// Membership is the authority's membership of one network: what it costs and what it returns.
type Membership struct {
	ID          int64
	AuthorityID int64
	Network     string // code of Networks
	Name        string // the network's own name, for « autre » or to be precise (« RRMA Grand Est »)
	FeeCents    *int64 // yearly fee; nil when unknown
	TravelCents *int64 // yearly travel cost; nil when unknown
	Involvement []Involvement
	Services    string // services used: training, watch, expertise…
	Return      int    // the return as assessed, 1 (faible) to 4 (fort); 0 when not assessed
	Assessment  string
	Version     int64
}

// ReturnLabels are the French labels of the return, index 0 for not assessed.
var ReturnLabels = []string{"non évalué", "faible", "moyen", "bon", "fort"}

// Title returns how the page names the membership.
func (m Membership) Title() string {
	if m.Name != "" {
		return m.Name
	}
	return NetworkName(m.Network)
}

// Validate checks a membership.
func (m Membership) Validate() Errors {
	var errs Errors
	add := func(field, format string, args ...any) {
		errs = append(errs, FieldError{field, fmt.Sprintf(format, args...)})
	}
	if !slices.ContainsFunc(Networks, func(n Network) bool { return n.Code == m.Network }) {
		add("reseau", "Choisissez le réseau dans la liste.")
	}
	if m.Network == "autre" && m.Name == "" {
		add("nom", "Indiquez le nom du réseau.")
	}
	if utf8.RuneCountInString(m.Name) > maxLine {
		add("nom", "Le nom tient en %d caractères au plus.", maxLine)
	}
	for _, i := range m.Involvement {
		if !slices.ContainsFunc(Involvements, func(x struct {
			Code  Involvement
			Label string
		}) bool {
			return x.Code == i
		}) {
			add("implication", "Choisissez les formes d'implication dans la liste.")
			break
		}
	}
	if m.Return < 0 || m.Return >= len(ReturnLabels) {
		add("retour", "Choisissez l'appréciation du retour dans la liste.")
	}
	for field, s := range map[string]string{"services": m.Services, "appreciation": m.Assessment} {
		if n := utf8.RuneCountInString(s); n > maxReason {
			add(field, "Ce texte ne doit pas dépasser %d caractères (il en compte %d).", maxReason, n)
		}
	}
	return errs
}

// YearlyCost returns the fee plus the travel, and whether both are known.
func (m Membership) YearlyCost() (int64, bool) {
	if m.FeeCents == nil || m.TravelCents == nil {
		return 0, false
	}
	return *m.FeeCents + *m.TravelCents, true
}

// Label returns the French label of the involvement.
func (i Involvement) Label() string {
	for _, x := range Involvements {
		if x.Code == i {
			return x.Label
		}
	}
	return string(i)
}
