package model

import "time"

// Authority is one authority's workspace on the platform. OfficialID points into the official list
// (package territory) and is empty for organisations outside it, such as a network or the demo authority.
type Authority struct {
	ID         int64
	Kind       string
	OfficialID string
	Name       string
	Slug       string
	Population int64
	Demo       bool
	CreatedAt  time.Time
	Version    int64
}
