package stakeholder

import "time"

// Record is a stored stakeholder with what optimistic concurrency and display need.
type Record struct {
	Stakeholder
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Version   int64     `json:"version"`
}
