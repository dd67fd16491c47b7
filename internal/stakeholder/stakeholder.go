package stakeholder

// Stakeholder is one actor of the authority's map, with the guide's criteria.
type Stakeholder struct {
	ID         int64      `json:"id,omitempty"`
	Name       string     `json:"name"`
	Kind       Kind       `json:"kind"`
	Contact    string     `json:"contact,omitempty"`   // contact person
	Territory  string     `json:"territory,omitempty"` // territory or country
	Themes     []string   `json:"themes,omitempty"`
	Power      Power      `json:"power"`
	Legitimacy Legitimacy `json:"legitimacy"`
	Interest   Interest   `json:"interest"`
	Context    Context    `json:"context"`
	Engagement Engagement `json:"engagement"`
}

// Internal reports whether the stakeholder belongs to the authority itself (élus, services, référents).
func (s Stakeholder) Internal() bool { return s.Kind.Internal() }

// HasTheme reports whether the stakeholder carries the theme, ignoring case and accents.
func (s Stakeholder) HasTheme(theme string) bool {
	f := fold(theme)
	for _, t := range s.Themes {
		if fold(t) == f {
			return true
		}
	}
	return false
}
