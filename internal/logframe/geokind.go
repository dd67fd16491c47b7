package logframe

// GeoKind says what a geographic priority designates.
type GeoKind string

// The three kinds of geographic priority the guide names.
const (
	GeoCountry GeoKind = "pays"
	GeoPartner GeoKind = "partenaire"
	GeoRegion  GeoKind = "region"
)

// Label returns the French label of the kind.
func (k GeoKind) Label() string {
	switch k {
	case GeoCountry:
		return "Pays"
	case GeoPartner:
		return "Collectivité partenaire"
	case GeoRegion:
		return "Région du monde"
	}
	return string(k)
}
