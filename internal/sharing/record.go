package sharing

import "time"

// Share is a stored share: the view peers read, with who shared it and when.
type Share struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	View        View
	SharedBy    int64 // 0 when the account was deleted since
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// AtlasEntry is one shared partnership in one country, as the atlas lists it.
type AtlasEntry struct {
	ShareID       int64
	AuthorityName string
	AuthoritySlug string
	Partner       string
	Country       string // ISO code, empty for a network without a country
	Kind          string
	Themes        string
	StartYear     int // 0 when unknown
}

// AtlasQuery narrows the atlas: a country, a partner's name (folded words), a theme, and for a network the
// authorities it accompanies.
type AtlasQuery struct {
	Country string
	Partner string
	Theme   string
	// Network, when not 0, is the account of a network: only the authorities that granted it access, and
	// have not revoked the grant, are counted.
	Network int64
}

// CountryCount is how many shared partnerships, and of how many authorities, a country holds.
type CountryCount struct {
	Country     string
	Partners    int
	Authorities int
}

// ThemeCount is how many shared partnerships, and of how many authorities, work on a theme.
type ThemeCount struct {
	Theme       string
	Partners    int
	Authorities int
}
