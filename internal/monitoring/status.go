package monitoring

// Status says where an indicator stands against its trajectory.
type Status string

// The four statuses.
const (
	StatusAhead   Status = "en-avance"
	StatusOnTrack Status = "dans-les-temps"
	StatusLate    Status = "en-retard"
	StatusUnknown Status = "non-renseigne"
)

// Label returns the French label of the status.
func (s Status) Label() string {
	switch s {
	case StatusAhead:
		return "en avance"
	case StatusOnTrack:
		return "dans les temps"
	case StatusLate:
		return "en retard"
	}
	return "non renseigné"
}

// Tolerance is how far, as a share of the progress expected, the progress may stray from the trajectory and
// still be « dans les temps »: a fifth of what is expected, and never less than MinTolerance, so that the first
// months of a term, when little is expected, do not swing between « en avance » and « en retard ».
const (
	Tolerance    = 0.20
	MinTolerance = 0.02
)

// StatusRule is the rule of StatusOf, as the pages spell it out.
const StatusRule = "L'avancement mesure le chemin parcouru de la valeur de référence vers la cible finale, dans le sens de " +
	"l'indicateur (0 % à la valeur de référence, 100 % à la cible). La trajectoire attendue relie la valeur de référence, à sa " +
	"date, aux cibles intermédiaires puis à la cible finale, en ligne droite entre deux dates. Le statut compare l'avancement " +
	"de la dernière mesure à l'avancement attendu à la date de cette mesure, avec une marge d'un cinquième de l'attendu (2 points " +
	"au moins) : « en avance » au-delà de l'attendu plus la marge, « en retard » en deçà de l'attendu moins la marge, « dans les " +
	"temps » entre les deux. Par exemple, avec 40 % attendus, le statut est « dans les temps » de 32 % à 48 %. Sans mesure " +
	"chiffrée, sans valeur de référence ou sans cible chiffrée et datée, le statut est « non renseigné » : une valeur inconnue " +
	"n'est jamais comptée comme zéro."

// StatusOf compares a progress with the progress expected at the same day.
func StatusOf(progress, expected float64) Status {
	margin := max(Tolerance*expected, MinTolerance)
	switch {
	case progress > expected+margin+1e-9:
		return StatusAhead
	case progress < expected-margin-1e-9:
		return StatusLate
	}
	return StatusOnTrack
}
