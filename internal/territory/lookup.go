package territory

import (
	"maps"
	"slices"
	"strings"
)

// ByID returns the authority with the given ID, such as "commune:16015".
func ByID(id string) (Authority, bool) {
	t := load()
	i, ok := t.byID[id]
	if !ok {
		return Authority{}, false
	}
	return t.all[i], true
}

// Count returns how many authorities of each kind the list holds.
func Count() map[Kind]int {
	return maps.Clone(load().counts)
}

// DepartementName returns the name of a département (or of the overseas
// collectivity filed under that code), or "" for an unknown code.
func DepartementName(code string) string {
	return load().deptNames[code]
}

// RegionName returns the name of a région, or "" for an unknown code.
func RegionName(code string) string {
	return load().regionNames[code]
}

// Region is a région's INSEE code and name, for filters.
type Region struct{ Code, Name string }

// Regions lists the régions of the official list by name.
func Regions() []Region {
	names := load().regionNames
	out := make([]Region, 0, len(names))
	for code, name := range names {
		out = append(out, Region{code, name})
	}
	slices.SortFunc(out, func(a, b Region) int { return strings.Compare(a.Name, b.Name) })
	return out
}
