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

// Tolerance is how far, as a share of the way from baseline to target, the progress may stray from the
// trajectory and still be « dans les temps »: 10 points.
const Tolerance = 0.10

// StatusRule is the rule of StatusOf, as the pages spell it out.
const StatusRule = "L'avancement mesure le chemin parcouru de la valeur de référence vers la cible finale, dans le sens de " +
	"l'indicateur (0 % à la valeur de référence, 100 % à la cible). La trajectoire attendue relie la valeur de référence, à sa " +
	"date, aux cibles intermédiaires puis à la cible finale, en ligne droite entre deux dates. Le statut compare l'avancement " +
	"de la dernière mesure à l'avancement attendu à la date de cette mesure : « en avance » s'il le dépasse de plus de 10 points, " +
	"« en retard » s'il lui est inférieur de plus de 10 points, « dans les temps » entre les deux. Sans mesure chiffrée, sans " +
	"valeur de référence ou sans cible chiffrée et datée, le statut est « non renseigné » : une valeur inconnue n'est jamais comptée comme zéro."

// StatusOf compares a progress with the progress expected at the same day.
func StatusOf(progress, expected float64) Status {
	switch d := progress - expected; {
	case d > Tolerance:
		return StatusAhead
	case d < -Tolerance:
		return StatusLate
	}
	return StatusOnTrack
}
