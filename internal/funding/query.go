package funding

import "time"

// ProjectFilter narrows and pages a strategy's project list.
type ProjectFilter struct {
	Query         string // words of the title, summary or partners, accents and case ignored
	Offset, Limit int
}

// ProgrammeUse is what the counting lines of one programme add up to in one year, across an authority's
// projects: the 1 % ceilings are the authority's, whatever the project.
type ProgrammeUse struct {
	Programme string
	Year      int
	Cents     int64
}

// ProgrammeVersion is one saved version of a programme of the catalogue, for its history.
type ProgrammeVersion struct {
	Programme Programme
	SavedAt   time.Time
	By        string // who saved it, as the audit log names them
}
