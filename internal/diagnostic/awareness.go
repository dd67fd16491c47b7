package diagnostic

import (
	"fmt"
	"slices"
	"strings"

	"boussole/internal/fielderr"
	"boussole/internal/partialdate"
)

// Audience is a group an awareness session addresses.
type Audience string

// The audiences the guide asks to inform and convince.
const (
	AudienceElected  Audience = "elus"
	AudienceServices Audience = "services"
	AudiencePartners Audience = "partenaires"
)

// Audiences lists the audiences in display order.
func Audiences() []Audience { return []Audience{AudienceElected, AudienceServices, AudiencePartners} }

// Label is the French label of the audience.
func (a Audience) Label() string {
	switch a {
	case AudienceElected:
		return "Élus"
	case AudienceServices:
		return "Services"
	case AudiencePartners:
		return "Partenaires"
	}
	return string(a)
}

// SessionFormat is how an awareness session was held.
type SessionFormat string

// The formats an officer commonly uses.
const (
	FormatMeeting  SessionFormat = "reunion"
	FormatWorkshop SessionFormat = "atelier"
	FormatSeminar  SessionFormat = "seminaire"
	FormatTraining SessionFormat = "formation"
	FormatVisit    SessionFormat = "visite"
	FormatOnline   SessionFormat = "visioconference"
	FormatOther    SessionFormat = "autre"
)

// SessionFormats lists the formats in display order.
func SessionFormats() []SessionFormat {
	return []SessionFormat{FormatMeeting, FormatWorkshop, FormatSeminar, FormatTraining, FormatVisit, FormatOnline, FormatOther}
}

// Label is the French label of the format.
func (f SessionFormat) Label() string {
	switch f {
	case FormatMeeting:
		return "Réunion"
	case FormatWorkshop:
		return "Atelier"
	case FormatSeminar:
		return "Séminaire"
	case FormatTraining:
		return "Formation"
	case FormatVisit:
		return "Visite ou voyage d'étude"
	case FormatOnline:
		return "Visioconférence"
	case FormatOther:
		return "Autre"
	}
	return string(f)
}

// Attendee is one person present at a session; Service is empty for élus and outside partners.
type Attendee struct {
	Name    string
	Service string
}

// Session is one awareness session with élus, services or partners.
type Session struct {
	ID        string
	Date      partialdate.Date // a day, or only a month or a year for a session recorded after the fact
	Title     string
	Audiences []Audience
	Format    SessionFormat
	Attendees []Attendee
	Outcomes  string // what came out of it
}

const (
	maxTitle    = 200
	maxName     = 200
	maxOutcomes = 4000
)

// Validate checks a session and returns French messages per field.
func (s Session) Validate() fielderr.List {
	var errs fielderr.List
	if s.Date.IsZero() {
		errs.Addf("date", "Indiquez la date de la séance.")
	}
	requireText(&errs, "title", s.Title, maxTitle)
	if len(s.Audiences) == 0 {
		errs.Addf("audiences", "Choisissez au moins un public : élus, services ou partenaires.")
	}
	for _, a := range s.Audiences {
		if !slices.Contains(Audiences(), a) {
			errs.Addf("audiences", "Public inconnu : %q.", string(a))
		}
	}
	if !slices.Contains(SessionFormats(), s.Format) {
		errs.Addf("format", "Choisissez le format de la séance.")
	}
	for i, a := range s.Attendees {
		requireText(&errs, fmt.Sprintf("attendees.%d.name", i), a.Name, maxName)
		limitText(&errs, fmt.Sprintf("attendees.%d.service", i), a.Service, maxName)
	}
	limitText(&errs, "outcomes", s.Outcomes, maxOutcomes)
	return errs
}

// ServiceReach counts how far awareness sessions reached one service of the CT.
type ServiceReach struct {
	Service   string
	Sessions  int // sessions with at least one attendee from the service
	Attendees int // attendances, a person at two sessions counting twice
	Listed    bool
}

// Reached reports whether anyone from the service attended a session.
func (r ServiceReach) Reached() bool { return r.Sessions > 0 }

// ServiceCoverage counts attendance per service. Every service of the CT's list appears, in list order, even with
// zero, because the point is to see who was never reached; services named only by attendees follow, sorted.
// Names are matched ignoring case and surrounding spaces, since they are typed by hand.
func ServiceCoverage(sessions []Session, services []string) []ServiceReach {
	var out []ServiceReach
	index := map[string]int{}
	for _, s := range services {
		key := serviceKey(s)
		if _, dup := index[key]; key == "" || dup {
			continue
		}
		index[key] = len(out)
		out = append(out, ServiceReach{Service: strings.TrimSpace(s), Listed: true})
	}
	listed := len(out)
	for _, sess := range sessions {
		seen := map[string]bool{}
		for _, a := range sess.Attendees {
			key := serviceKey(a.Service)
			if key == "" {
				continue
			}
			i, ok := index[key]
			if !ok {
				i = len(out)
				index[key] = i
				out = append(out, ServiceReach{Service: strings.TrimSpace(a.Service)})
			}
			out[i].Attendees++
			if !seen[key] {
				seen[key] = true
				out[i].Sessions++
			}
		}
	}
	slices.SortStableFunc(out[listed:], func(a, b ServiceReach) int { return strings.Compare(serviceKey(a.Service), serviceKey(b.Service)) })
	return out
}

// Unreached returns the listed services no session has reached yet, in list order.
func Unreached(coverage []ServiceReach) []string {
	var out []string
	for _, r := range coverage {
		if r.Listed && !r.Reached() {
			out = append(out, r.Service)
		}
	}
	return out
}

func serviceKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
