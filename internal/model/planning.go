package model

import (
	"strconv"
	"strings"
	"time"

	"boussole/internal/partialdate"
)

// ScheduleStatus says where a scheduled activity stands.
type ScheduleStatus string

// Statuses of a scheduled activity.
const (
	SchedulePlanned   ScheduleStatus = "prevue"
	ScheduleRunning   ScheduleStatus = "en-cours"
	ScheduleDone      ScheduleStatus = "terminee"
	SchedulePostponed ScheduleStatus = "reportee"
	ScheduleDropped   ScheduleStatus = "abandonnee"
)

// ScheduleStatuses lists the statuses in display order.
var ScheduleStatuses = []ScheduleStatus{SchedulePlanned, ScheduleRunning, ScheduleDone, SchedulePostponed, ScheduleDropped}

var scheduleStatusLabels = map[ScheduleStatus]string{
	SchedulePlanned: "Prévue", ScheduleRunning: "En cours", ScheduleDone: "Terminée", SchedulePostponed: "Reportée", ScheduleDropped: "Abandonnée",
}

// Label returns the French label of the status.
func (s ScheduleStatus) Label() string { return scheduleStatusLabels[s] }

// Valid reports whether s is a known status.
func (s ScheduleStatus) Valid() bool { _, ok := scheduleStatusLabels[s]; return ok }

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

// LagUnit is the unit of an offset or a lag.
type LagUnit string

// Lag units.
const (
	LagDays   LagUnit = "jours"
	LagWeeks  LagUnit = "semaines"
	LagMonths LagUnit = "mois"
	// LagWorkingDays skips weekends and public holidays, those of Alsace-Moselle where the authority is.
	LagWorkingDays LagUnit = "jours ouvrés"
)

// LagUnits lists the units in display order.
var LagUnits = []LagUnit{LagDays, LagWorkingDays, LagWeeks, LagMonths}

// Valid reports whether u is a known unit.
func (u LagUnit) Valid() bool {
	return u == LagDays || u == LagWeeks || u == LagMonths || u == LagWorkingDays
}

// LagText returns an offset in French with its unit agreed: « 1 jour ouvré », « 3 jours », « -2 semaines ».
func LagText(n int, u LagUnit) string {
	s := strconv.Itoa(n)
	if n >= -1 && n <= 1 {
		switch u {
		case LagDays:
			return s + " jour"
		case LagWeeks:
			return s + " semaine"
		case LagWorkingDays:
			return s + " jour ouvré"
		}
	}
	return s + " " + string(u)
}

// Label returns the unit in French.
func (u LagUnit) Label() string { return string(u) }

// NodeKind says whether a planning node is an activity or a milestone.
type NodeKind string

// Node kinds.
const (
	NodeActivity  NodeKind = "activite"
	NodeMilestone NodeKind = "jalon"
)

// Node is an activity or a milestone, as an anchor or an end of a dependency. The zero Node is none.
type Node struct {
	Kind NodeKind
	ID   int64
}

// IsZero reports whether the node names nothing.
func (n Node) IsZero() bool { return n.ID == 0 }

// Key is the node's identifier in the scheduling engine and in forms: « a12 » or « m3 ».
func (n Node) Key() string {
	if n.IsZero() {
		return ""
	}
	if n.Kind == NodeMilestone {
		return "m" + strconv.FormatInt(n.ID, 10)
	}
	return "a" + strconv.FormatInt(n.ID, 10)
}

// ParseNode reads a key written by Key; ok is false for anything else.
func ParseNode(key string) (Node, bool) {
	if len(key) < 2 {
		return Node{}, false
	}
	id, err := strconv.ParseInt(key[1:], 10, 64)
	if err != nil || id <= 0 {
		return Node{}, false
	}
	switch key[0] {
	case 'a':
		return Node{NodeActivity, id}, true
	case 'm':
		return Node{NodeMilestone, id}, true
	}
	return Node{}, false
}

// ActivitySchedule is when and by whom a logframe activity is carried out.
type ActivitySchedule struct {
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
	OffsetUnit   LagUnit
	DurationDays int
	PrepDays     int
	FollowUpDays int
	// Responsible is the person in charge, as typed (a member's name or email matches « mes activités »). It
	// is stored as the activity's owner (Activity.Owner): the logframe and planning share that one field.
	Responsible string
	Service     string
	Partners    []string
	Status      ScheduleStatus
	PercentDone int
	Public      bool // shown on the authority's public calendar
	UpdatedAt   time.Time
	Version     int64
}

// AnchorLost reports whether a relative start lost its anchor.
func (s ActivitySchedule) AnchorLost() bool { return s.StartKind == StartRelative && s.Anchor.IsZero() }

// PartnersText returns the partners one per line, for the form and the database.
func (s ActivitySchedule) PartnersText() string { return strings.Join(s.Partners, "\n") }

// SplitPartners reads partners typed one per line or separated by semicolons, dropping blanks and repeats.
func SplitPartners(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ';' || r == '\r' }) {
		p = strings.TrimSpace(p)
		if p != "" && !seen[strings.ToLower(p)] {
			seen[strings.ToLower(p)] = true
			out = append(out, p)
		}
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

// Milestone is a key moment with a date and no duration.
type Milestone struct {
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
func (m Milestone) Node() Node { return Node{NodeMilestone, m.ID} }

// DependencyKind says which ends of two planning nodes a dependency ties.
type DependencyKind string

// Dependency kinds.
const (
	FinishToStart  DependencyKind = "FS"
	StartToStart   DependencyKind = "SS"
	FinishToFinish DependencyKind = "FF"
)

// DependencyKinds lists the kinds in display order.
var DependencyKinds = []DependencyKind{FinishToStart, StartToStart, FinishToFinish}

var dependencyKindLabels = map[DependencyKind]string{
	FinishToStart: "commence après la fin de", StartToStart: "commence après le début de", FinishToFinish: "finit après la fin de",
}

// Label returns the French reading of the kind, between the successor and the predecessor.
func (k DependencyKind) Label() string { return dependencyKindLabels[k] }

// LagText returns the dependency's lag in French, such as « 2 jours ouvrés ».
func (d Dependency) LagText() string { return LagText(d.LagN, d.LagUnit) }

// Valid reports whether k is a known kind.
func (k DependencyKind) Valid() bool { _, ok := dependencyKindLabels[k]; return ok }

// Dependency constrains To (the successor) relative to From (the predecessor), with a lag.
type Dependency struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	From, To    Node
	Kind        DependencyKind
	LagN        int
	LagUnit     LagUnit
	CreatedAt   time.Time
	Version     int64
}

// ActivityObjective ties an activity to the specific objective it serves, for the chronogramme's lanes.
type ActivityObjective struct {
	ActivityID     int64
	ObjectiveID    int64
	ObjectiveTitle string
}
