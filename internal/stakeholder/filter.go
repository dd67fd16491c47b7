package stakeholder

// Filter narrows a map to some kinds, a theme or a step; zero fields do not filter.
type Filter struct {
	Kinds []Kind
	Theme string
	Step  Step
}

// Match reports whether s passes the filter.
func (f Filter) Match(s Stakeholder) bool {
	if len(f.Kinds) > 0 {
		ok := false
		for _, k := range f.Kinds {
			ok = ok || k == s.Kind
		}
		if !ok {
			return false
		}
	}
	if f.Theme != "" && !s.HasTheme(f.Theme) {
		return false
	}
	return f.Step == "" || s.Engagement.In(f.Step)
}

// Apply returns the stakeholders that pass the filter, in their original order.
func (f Filter) Apply(list []Stakeholder) []Stakeholder {
	out := make([]Stakeholder, 0, len(list))
	for _, s := range list {
		if f.Match(s) {
			out = append(out, s)
		}
	}
	return out
}
