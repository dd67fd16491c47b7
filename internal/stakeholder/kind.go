package stakeholder

import "sync"

// Kind is the family an actor belongs to; its code name is stable and stored, its label is shown.
type Kind string

// Internal kinds: actors inside the authority.
const (
	KindElected  Kind = "elected"  // élu·e
	KindService  Kind = "service"  // service of the authority
	KindReferent Kind = "referent" // référent international of a service
)

// External kinds: actors outside the authority.
const (
	KindAssociation      Kind = "association"
	KindUniversity       Kind = "university"        // université, école
	KindCompany          Kind = "company"           // entreprise, chambre consulaire
	KindDiaspora         Kind = "diaspora"          // association or group of a diaspora
	KindPartnerAuthority Kind = "partner_authority" // collectivité partenaire à l'étranger
	KindFunder           Kind = "funder"            // bailleur de fonds
	KindPeer             Kind = "peer"              // another French authority
	KindNetwork          Kind = "network"           // réseau national or international
	KindInstitution      Kind = "institution"       // European or international institution: Commission, Conseil de l'Europe, agences de l'ONU
	KindStateService     Kind = "state_service"     // service de l'État
	KindCitizenGroup     Kind = "citizen_group"     // groupe citoyen
	KindMedia            Kind = "media"
)

type kindInfo struct {
	kind     Kind
	label    string
	plural   string
	internal bool
}

// kinds lists every kind in display order: internal first, as the guide starts with the authority's own teams.
var kinds = []kindInfo{
	{KindElected, "Élu·e", "Élu·es", true},
	{KindService, "Service", "Services", true},
	{KindReferent, "Référent·e international", "Référent·es international", true},
	{KindAssociation, "Association", "Associations", false},
	{KindUniversity, "Université ou école", "Universités et écoles", false},
	{KindCompany, "Entreprise ou chambre consulaire", "Entreprises et chambres consulaires", false},
	{KindDiaspora, "Diaspora", "Diasporas", false},
	{KindPartnerAuthority, "Collectivité partenaire à l'étranger", "Collectivités partenaires à l'étranger", false},
	{KindFunder, "Bailleur de fonds", "Bailleurs de fonds", false},
	{KindPeer, "Pair (autre collectivité)", "Pairs (autres collectivités)", false},
	{KindNetwork, "Réseau", "Réseaux", false},
	{KindInstitution, "Institution européenne ou internationale", "Institutions européennes et internationales", false},
	{KindStateService, "Service de l'État", "Services de l'État", false},
	{KindCitizenGroup, "Groupe citoyen", "Groupes citoyens", false},
	{KindMedia, "Média", "Médias", false},
}

// Kinds returns every kind in display order.
func Kinds() []Kind {
	out := make([]Kind, len(kinds))
	for i, k := range kinds {
		out[i] = k.kind
	}
	return out
}

func (k Kind) info() (kindInfo, bool) {
	for _, ki := range kinds {
		if ki.kind == k {
			return ki, true
		}
	}
	return kindInfo{}, false
}

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool { _, ok := k.info(); return ok }

// Label is the French name of the kind, or the raw code if unknown.
func (k Kind) Label() string {
	if ki, ok := k.info(); ok {
		return ki.label
	}
	return string(k)
}

// Plural is the French plural label, used in legends and group headings.
func (k Kind) Plural() string {
	if ki, ok := k.info(); ok {
		return ki.plural
	}
	return string(k)
}

// Internal reports whether actors of this kind belong to the authority itself.
func (k Kind) Internal() bool { ki, _ := k.info(); return ki.internal }

// Order is the kind's position in display order; unknown kinds sort last.
func (k Kind) Order() int {
	for i, ki := range kinds {
		if ki.kind == k {
			return i
		}
	}
	return len(kinds)
}

// kindAliases are extra French spellings accepted on import, beyond the code name and the label.
var kindAliases = map[string]Kind{
	"elu": KindElected, "elue": KindElected, "elus": KindElected, "elu e": KindElected,
	"referent": KindReferent, "referente": KindReferent, "referent international": KindReferent,
	"universite": KindUniversity, "ecole": KindUniversity, "universite ecole": KindUniversity,
	"entreprise": KindCompany, "chambre consulaire": KindCompany, "entreprise chambre consulaire": KindCompany,
	"collectivite partenaire": KindPartnerAuthority, "collectivite partenaire a l etranger": KindPartnerAuthority,
	"bailleur": KindFunder, "pair": KindPeer, "service de l etat": KindStateService, "etat": KindStateService,
	"groupe citoyen": KindCitizenGroup, "media": KindMedia, "medias": KindMedia, "reseau": KindNetwork,
	"institution": KindInstitution, "institution europeenne": KindInstitution, "institution internationale": KindInstitution,
	"organisation internationale": KindInstitution, "union europeenne": KindInstitution,
}

// kindNames maps every folded code name, label, plural and alias to its kind; built once, as imports
// parse a kind on every row.
var kindNames = sync.OnceValue(func() map[string]Kind {
	m := make(map[string]Kind)
	for f, k := range kindAliases {
		m[f] = k
	}
	for _, ki := range kinds {
		for _, name := range []string{string(ki.kind), ki.label, ki.plural} {
			m[fold(name)] = ki.kind
		}
	}
	return m
})

// ParseKind reads a kind from its code name, its French label or a common French spelling, ignoring case
// and accents, so spreadsheets typed by hand import cleanly.
func ParseKind(s string) (Kind, bool) {
	k, ok := kindNames()[fold(s)]
	return k, ok
}
