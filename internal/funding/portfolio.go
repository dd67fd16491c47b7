package funding

import (
	"slices"
	"sort"
)

// Priority is a priority of the strategy, for the portfolio's gaps: a thematic priority (by ID) or a
// geographic one (by country code).
type Priority struct {
	ID      int64
	Label   string
	Country string // geographic priorities only
}

// CellKey locates a cell of the portfolio: a theme, a country and a source (a programme's code, or the
// kind of a line that is not a programme).
type CellKey struct {
	Theme   Theme
	Country string
	Source  string
}

// Cell is what the portfolio holds at a key: the projects and the amount.
type Cell struct {
	Projects    []int64
	AmountCents int64
}

// Redundancy is two projects funded from outside on the same theme, in the same country, at the same time.
type Redundancy struct {
	Theme   Theme
	Country string
	A, B    int64 // project IDs
	Sure    bool  // both projects are dated and overlap; false when a date is missing
}

// Portfolio is the matrix themes × sources × countries of an authority's projects, with its redundancies
// and the priorities no funded project serves.
type Portfolio struct {
	Themes       []Theme
	Countries    []string
	Sources      []string
	Cells        map[CellKey]*Cell
	Redundancies []Redundancy
	ThemeGaps    []Priority // thematic priorities no funded project serves
	CountryGaps  []Priority // geographic priorities with no funded project in their country
}

// SourceKey is the column a line goes to in the portfolio.
func SourceKey(l Line) string {
	if l.Source == SourceProgramme {
		return l.Programme
	}
	return string(l.Source)
}

// funded reports whether a project has at least one line that counts.
func funded(p Project) bool {
	return slices.ContainsFunc(p.Lines, func(l Line) bool { return l.Status.Counts() })
}

// external reports whether a project has a counting programme line: money from outside the authority.
func external(p Project) bool {
	return slices.ContainsFunc(p.Lines, func(l Line) bool { return l.Status.Counts() && l.Source == SourceProgramme })
}

// BuildPortfolio lays out the projects. A project without theme or country is placed under "" so it is
// still counted; refused lines are left out.
func BuildPortfolio(projects []Project, themes []Priority, geos []Priority) Portfolio {
	pf := Portfolio{Cells: map[CellKey]*Cell{}}
	seenT, seenC, seenS := map[Theme]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range projects {
		ts, cs := p.Themes, p.Countries
		if len(ts) == 0 {
			ts = []Theme{""}
		}
		if len(cs) == 0 {
			cs = []string{""}
		}
		for _, l := range p.Lines {
			if !l.Status.Counts() {
				continue
			}
			src := SourceKey(l)
			seenS[src] = true
			for _, t := range ts {
				seenT[t] = true
				for _, c := range cs {
					seenC[c] = true
					k := CellKey{t, c, src}
					cell := pf.Cells[k]
					if cell == nil {
						cell = &Cell{}
						pf.Cells[k] = cell
					}
					if !slices.Contains(cell.Projects, p.ID) {
						cell.Projects = append(cell.Projects, p.ID)
					}
					cell.AmountCents += l.AmountCents
				}
			}
		}
	}
	pf.Themes, pf.Countries, pf.Sources = sortedKeys(seenT), sortedKeys(seenC), sortedKeys(seenS)
	pf.Redundancies = redundancies(projects)
	pf.ThemeGaps, pf.CountryGaps = gaps(projects, themes, geos)
	return pf
}

// Amount returns the amount funding a theme in a country from a source; ok is false for an empty cell.
func (pf Portfolio) Amount(t Theme, country, source string) (int64, bool) {
	c := pf.Cells[CellKey{t, country, source}]
	if c == nil {
		return 0, false
	}
	return c.AmountCents, true
}

func redundancies(projects []Project) []Redundancy {
	var out []Redundancy
	for i, a := range projects {
		if !external(a) {
			continue
		}
		for _, b := range projects[i+1:] {
			if !external(b) {
				continue
			}
			overlap, sure := overlaps(a, b)
			if !overlap {
				continue
			}
			for _, t := range a.Themes {
				if !slices.Contains(b.Themes, t) {
					continue
				}
				for _, c := range a.Countries {
					if slices.Contains(b.Countries, c) {
						out = append(out, Redundancy{Theme: t, Country: c, A: a.ID, B: b.ID, Sure: sure})
					}
				}
			}
		}
	}
	return out
}

// overlaps reports whether two projects may run at the same time, and whether that is certain (both dated).
func overlaps(a, b Project) (overlap, sure bool) {
	if a.Start.IsZero() || a.End.IsZero() || b.Start.IsZero() || b.End.IsZero() {
		return true, false
	}
	return !a.End.Last().Before(b.Start.First()) && !b.End.Last().Before(a.Start.First()), true
}

func gaps(projects []Project, themes []Priority, geos []Priority) (themeGaps, countryGaps []Priority) {
	servedT, servedC := map[int64]bool{}, map[string]bool{}
	for _, p := range projects {
		if !funded(p) {
			continue
		}
		for _, id := range p.Priorities {
			servedT[id] = true
		}
		for _, c := range p.Countries {
			servedC[c] = true
		}
	}
	for _, t := range themes {
		if !servedT[t.ID] {
			themeGaps = append(themeGaps, t)
		}
	}
	for _, g := range geos {
		if g.Country != "" && !servedC[g.Country] {
			countryGaps = append(countryGaps, g)
		}
	}
	return themeGaps, countryGaps
}

func sortedKeys[K ~string](m map[K]bool) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
