package schedule

import (
	"slices"
	"strings"
	"time"

	"boussole/internal/partialdate"
)

// The planning's stored records, under the convention of logframe's records (a type named …Record in the
// domain package, with what storage adds: authority, strategy, version, timestamps). The engine works on
// Plan, which Records.Plan builds from them, so they embed no engine value.

// Status says where a scheduled activity stands.
type Status string

// Statuses of a scheduled activity.
const (
	Planned   Status = "prevue"
	Running   Status = "en-cours"
	Done      Status = "terminee"
	Postponed Status = "reportee"
	Dropped   Status = "abandonnee"
)

// Statuses lists the statuses in display order.
var Statuses = []Status{Planned, Running, Done, Postponed, Dropped}

var statusLabels = map[Status]string{
	Planned: "Prévue", Running: "En cours", Done: "Terminée", Postponed: "Reportée", Dropped: "Abandonnée",
}

// Label returns the French label of the status.
func (s Status) Label() string { return statusLabels[s] }

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := statusLabels[s]; return ok }

// StartKind says whether an activity starts on a date or relative to another activity or milestone.
type StartKind string

// Start kinds.
const (
	StartAbsolute StartKind = "absolue"
	StartRelative StartKind = "relative"
)

// Edge names the end of the anchor a relative start counts from.
type Edge string

// Edges of an anchor.
const (
	EdgeStart Edge = "debut"
	EdgeEnd   Edge = "fin"
)

// ScheduleRecord is when and by whom a logframe activity is carried out.
type ScheduleRecord struct {
	ActivityID  int64
	AuthorityID int64
	StrategyID  int64
	StartKind   StartKind
	StartDate   time.Time // for an absolute start
	// Anchor is the activity or milestone a relative start counts from; it is zero with StartKind relative
	// when the anchor was deleted, which the pages flag.
	Anchor       Node
	AnchorEdge   Edge
	OffsetN      int
	OffsetUnit   Unit
	DurationDays int
	PrepDays     int
	FollowUpDays int
	// Responsible is the person in charge, as typed (a member's name or email matches « mes activités »). It
	// is stored as the activity's owner (Activity.Owner): the logframe and planning share that one field.
	Responsible string
	Service     string
	Partners    []string
	Status      Status
	PercentDone int
	Public      bool // shown on the authority's public calendar
	UpdatedAt   time.Time
	Version     int64
}

// Node returns the scheduled activity as a planning node.
func (s ScheduleRecord) Node() Node { return Node{NodeActivity, s.ActivityID} }

// AnchorLost reports whether a relative start lost its anchor.
func (s ScheduleRecord) AnchorLost() bool { return s.StartKind == StartRelative && s.Anchor.IsZero() }

// PartnersText returns the partners one per line, for the form and the database.
func (s ScheduleRecord) PartnersText() string { return strings.Join(s.Partners, "\n") }

// ServedBy reports whether the schedule's service is service, the one a référent·e de service belongs to: a
// référent may update the progress of those activities only. Case and surrounding spaces are ignored, as
// both are typed by hand; an empty service matches nothing, so a référent without a service edits nothing.
func (s ScheduleRecord) ServedBy(service string) bool {
	mine, theirs := strings.TrimSpace(service), strings.TrimSpace(s.Service)
	return mine != "" && strings.EqualFold(mine, theirs)
}

// SplitPartners reads partners typed one per line or separated by semicolons, dropping blanks and repeats.
func SplitPartners(text string) []string {
	var out, lowered []string // lowered only from a second partner on: most activities have one
	for rest := text; rest != ""; {
		p := rest
		if i := strings.IndexAny(rest, "\n;\r"); i >= 0 {
			p, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if len(out) > 0 {
			if lowered == nil {
				lowered = []string{strings.ToLower(out[0])}
			}
			l := strings.ToLower(p)
			if slices.Contains(lowered, l) {
				continue
			}
			lowered = append(lowered, l)
		}
		out = append(out, p)
	}
	return out
}

// MilestoneKind is the kind of a milestone (jalon).
type MilestoneKind string

// Milestone kinds, from the guide's key moments.
const (
	MilestoneDeliberation MilestoneKind = "deliberation"
	MilestoneConsultation MilestoneKind = "consultation"
	MilestoneSteering     MilestoneKind = "comite-pilotage"
	MilestoneMidTerm      MilestoneKind = "evaluation-mi-parcours"
	MilestoneFinal        MilestoneKind = "evaluation-finale"
	MilestoneCall         MilestoneKind = "appel-a-projets"
	MilestoneOther        MilestoneKind = "autre"
)

// MilestoneKinds lists the kinds in display order.
var MilestoneKinds = []MilestoneKind{MilestoneDeliberation, MilestoneConsultation, MilestoneSteering, MilestoneMidTerm,
	MilestoneFinal, MilestoneCall, MilestoneOther}

var milestoneKindLabels = map[MilestoneKind]string{
	MilestoneDeliberation: "Délibération", MilestoneConsultation: "Consultation citoyenne", MilestoneSteering: "Comité de pilotage",
	MilestoneMidTerm: "Évaluation à mi-parcours", MilestoneFinal: "Évaluation finale", MilestoneCall: "Date limite d'appel à projets",
	MilestoneOther: "Autre jalon",
}

// Label returns the French label of the kind.
func (k MilestoneKind) Label() string { return milestoneKindLabels[k] }

// Valid reports whether k is a known kind.
func (k MilestoneKind) Valid() bool { _, ok := milestoneKindLabels[k]; return ok }

// MilestoneRecord is a stored key moment with a date and no duration.
type MilestoneRecord struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	Kind        MilestoneKind
	Title       string
	Date        partialdate.Date // may be only a month or a year; planning puts it on the period's first day
	Public      bool
	Notes       string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int64
}

// Node returns the milestone as a planning node.
func (m MilestoneRecord) Node() Node { return Node{NodeMilestone, m.ID} }

// DependencyRecord is a stored dependency: To (the successor) relative to From (the predecessor), with a lag.
type DependencyRecord struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	From, To    Node
	Kind        Kind
	LagN        int
	LagUnit     Unit
	CreatedAt   time.Time
	Version     int64
}

// Lag returns the dependency's lag as the engine counts it.
func (d DependencyRecord) Lag() Lag { return Lag{N: d.LagN, Unit: d.LagUnit} }

// LagText returns the dependency's lag in French, such as « 2 jours ouvrés ».
func (d DependencyRecord) LagText() string { return d.Lag().String() }

// ActivityObjective ties an activity to the specific objective it serves, for the chronogramme's lanes.
type ActivityObjective struct {
	ActivityID     int64
	ObjectiveID    int64
	ObjectiveTitle string
}
