package consultation

// Category is the kind of contributor, as the guide lists those a consultation addresses.
type Category string

// The contributor categories of the guide.
const (
	Citizen      Category = "citoyen"
	Company      Category = "entreprise"
	University   Category = "universite"
	Association  Category = "association"
	Organisation Category = "organisation"
)

// Categories lists every category, in the order forms show them.
var Categories = []Category{Citizen, Company, University, Association, Organisation}

// Label returns the category as the guide says it.
func (c Category) Label() string {
	switch c {
	case Citizen:
		return "Citoyen·ne"
	case Company:
		return "Entreprise"
	case University:
		return "Université ou école"
	case Association:
		return "Association"
	case Organisation:
		return "Autre organisation"
	}
	return "Non renseigné"
}

// Valid reports whether c is one of the categories.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if k == c {
			return true
		}
	}
	return false
}

// AgeBracket is the answer to the optional profile question on age.
type AgeBracket string

// AgeBrackets are the brackets offered, from youngest.
var AgeBrackets = []AgeBracket{"moins-18", "18-29", "30-44", "45-59", "60-74", "75-plus"}

// Label returns the bracket in French.
func (a AgeBracket) Label() string {
	switch a {
	case "moins-18":
		return "Moins de 18 ans"
	case "18-29":
		return "18 à 29 ans"
	case "30-44":
		return "30 à 44 ans"
	case "45-59":
		return "45 à 59 ans"
	case "60-74":
		return "60 à 74 ans"
	case "75-plus":
		return "75 ans et plus"
	}
	return "Non renseigné"
}

// Valid reports whether a is one of the brackets.
func (a AgeBracket) Valid() bool {
	for _, b := range AgeBrackets {
		if a == b {
			return true
		}
	}
	return false
}
