// Package consortium is the joint project several authorities carry together: the guide's ad hoc
// consortiums of small authorities, and the MEAE and AFD calls that favour projects carried by several
// French authorities. One authority proposes it from the atlas to peers working in the same place or on the
// same theme; the invited accept or decline; members share one space (description, each member's share of
// the financing, a calendar) while each keeps its own records untouched.
package consortium

import (
	"time"

	"boussole/internal/partialdate"
)

// Status is where an authority stands in a consortium.
type Status string

// Statuses of a member. The proposing authority is a member from the start.
const (
	Invited  Status = "invitee"
	Member   Status = "membre"
	Declined Status = "declinee"
)

// Label is the status's French name.
func (s Status) Label() string {
	switch s {
	case Invited:
		return "invitée, sans réponse"
	case Member:
		return "membre"
	case Declined:
		return "a décliné"
	}
	return ""
}

// Consortium is a joint project and what its members share.
type Consortium struct {
	ID          int64
	LeadID      int64 // the authority that proposed it
	Title       string
	Description string
	Country     string // ISO code, empty when the project is about a theme rather than a place
	Theme       string
	CreatedAt   time.Time
	Members     []Participant
	Events      []Event
}

// Participant is an authority in a consortium, with its share of the financing plan.
type Participant struct {
	AuthorityID   int64
	AuthorityName string
	Status        Status
	ShareCents    *int64 // nil until the member says; never 0 for « unknown »
	ShareNote     string // what the share covers: « co-financement MEAE », « temps d'agent »
}

// Event is a date of the shared calendar.
type Event struct {
	ID      int64
	Title   string
	On      partialdate.Date
	AddedBy string // the name of the member that added it
}

// Role returns what an authority is to the consortium, and whether it is part of it at all (a member or
// invited): anyone else reads nothing of it.
func (c Consortium) Role(authorityID int64) (Status, bool) {
	for _, m := range c.Members {
		if m.AuthorityID == authorityID {
			return m.Status, m.Status != Declined
		}
	}
	return "", false
}

// Total is the sum of the shares the members have given, and whether every member has given one: a total
// of known shares is not the project's budget while one is missing.
func (c Consortium) Total() (cents int64, complete bool) {
	complete = true
	for _, m := range c.Members {
		if m.Status != Member {
			continue
		}
		if m.ShareCents == nil {
			complete = false
			continue
		}
		cents += *m.ShareCents
	}
	return cents, complete
}
