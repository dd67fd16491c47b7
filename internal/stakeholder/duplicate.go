package stakeholder

// Key is what makes two stakeholders the same actor: the folded name and the kind, so « Université de Lyon »
// the school and « universite de lyon » typed again are one, while a media and an association may share a name.
func (s Stakeholder) Key() string { return string(s.Kind) + "|" + fold(s.Name) }

// DuplicateOf returns the index in list of a stakeholder that s duplicates (same key, other ID), or -1.
// The caller offers to merge rather than create a second record.
func DuplicateOf(s Stakeholder, list []Stakeholder) int {
	k := s.Key()
	for i, o := range list {
		if (s.ID == 0 || o.ID != s.ID) && o.Key() == k {
			return i
		}
	}
	return -1
}

// Duplicates groups the indexes of stakeholders that share a key; only groups of two or more are returned,
// in order of first appearance.
func Duplicates(list []Stakeholder) [][]int {
	byKey := map[string][]int{}
	var order []string
	for i, s := range list {
		k := s.Key()
		if _, seen := byKey[k]; !seen {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	var out [][]int
	for _, k := range order {
		if len(byKey[k]) > 1 {
			out = append(out, byKey[k])
		}
	}
	return out
}
