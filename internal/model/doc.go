// Package model holds the records every capability shares: authority, user, strategy, steps, comments and
// audit entries. A capability's own records live in its domain package beside its rules (logframe, schedule,
// diagnostic, stakeholder), so that model stays small and SQL stays in the store.
package model
