package territory

// Kind is the category of an authority; its value is the prefix of IDs.
type Kind string

// The kinds of authority a user can sign up as.
const (
	KindRegion      Kind = "region"
	KindDepartement Kind = "departement"
	KindEPCI        Kind = "epci"
	KindCommune     Kind = "commune"
	KindSpecial     Kind = "statut-particulier"
	// KindOther is an organisation outside the official list (a network, an
	// association of authorities), typed in by the user at sign-up.
	KindOther Kind = "autre"
)

// Kinds lists the kinds in the order a chooser shows them.
var Kinds = []Kind{KindRegion, KindDepartement, KindSpecial, KindEPCI, KindCommune, KindOther}

// Label returns the kind's French name, as shown to users.
func (k Kind) Label() string {
	switch k {
	case KindRegion:
		return "Région"
	case KindDepartement:
		return "Département"
	case KindEPCI:
		return "EPCI"
	case KindCommune:
		return "Commune"
	case KindSpecial:
		return "Collectivité à statut particulier"
	case KindOther:
		return "Autre organisation"
	}
	return string(k)
}

// Valid reports whether k is one of the kinds above.
func (k Kind) Valid() bool {
	switch k {
	case KindRegion, KindDepartement, KindEPCI, KindCommune, KindSpecial, KindOther:
		return true
	}
	return false
}
