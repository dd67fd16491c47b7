package logframe

// Kind names the sort of element a Ref points at, so the web layer can build a link to the place to fix.
type Kind string

// The kinds of element a finding or a tree operation can point at.
const (
	KindTerm              Kind = "mandature"
	KindKeyElements       Kind = "elements-cles"
	KindValue             Kind = "valeur"
	KindDimension         Kind = "dimension"
	KindGeneralObjective  Kind = "objectif-general"
	KindSpecificObjective Kind = "objectif-specifique"
	KindResult            Kind = "resultat"
	KindActivity          Kind = "activite"
	KindIndicator         Kind = "indicateur"
	KindAssumption        Kind = "hypothese"
	KindRisk              Kind = "risque"
	KindSWOT              Kind = "afom"
	KindGeoPriority       Kind = "priorite-geographique"
	KindProject           Kind = "projet"
)

// Ref points at one element of a strategy: its kind and its integer ID.
type Ref struct {
	Kind Kind
	ID   int64
}

// IsZero reports whether the reference points at nothing.
func (r Ref) IsZero() bool { return r.Kind == "" && r.ID == 0 }

// nouns gives, for each kind, the French noun used in messages, with its elided or plain definite article.
var nouns = map[Kind]struct{ article, noun string }{
	KindTerm:              {"la ", "mandature"},
	KindKeyElements:       {"les ", "éléments clés"},
	KindValue:             {"la ", "valeur"},
	KindDimension:         {"la ", "dimension"},
	KindGeneralObjective:  {"l'", "objectif général"},
	KindSpecificObjective: {"l'", "objectif spécifique"},
	KindResult:            {"le ", "résultat"},
	KindActivity:          {"l'", "activité"},
	KindIndicator:         {"l'", "indicateur"},
	KindAssumption:        {"l'", "hypothèse"},
	KindRisk:              {"le ", "risque"},
	KindSWOT:              {"l'", "élément AFOM"},
	KindGeoPriority:       {"la ", "priorité géographique"},
	KindProject:           {"le ", "projet"},
}

// Noun returns the French noun for a kind, without article (« objectif spécifique »).
func (k Kind) Noun() string { return nouns[k].noun }
