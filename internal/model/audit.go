package model

import "time"

// AuditEntry records one write: who changed what and when, with the record before and after as JSON.
type AuditEntry struct {
	ID          int64
	AuthorityID int64
	UserID      int64
	UserLabel   string
	At          time.Time
	Action      string // "création", "modification", "suppression", or a verb such as "connexion"
	Entity      string
	EntityID    string
	Summary     string
	Before      string
	After       string
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	Entity string
	UserID int64
	From   time.Time
	To     time.Time
	Limit  int
	Offset int
}
