package funding

// SectorBudget is what the authority enters of one annexed budget for one year: its resources and, for
// mobility, the versement mobilité the law excludes from the base of the 1 %.
type SectorBudget struct {
	ResourcesCents *int64 // nil when not entered
	ExcludedCents  int64  // the versement mobilité, for the mobility budgets; 0 otherwise
}

// Year is what the authority enters for one year: the 1 % budgets and the team available for applications.
type Year struct {
	Year    int
	Budgets map[Sector]SectorBudget
	// TeamTenths is the team's available full-time equivalents for applications, in tenths; nil if not entered.
	TeamTenths *int64
}

// SectorYear keys what a sector's 1 % lines use in one year.
type SectorYear struct {
	Sector Sector
	Year   int
}

// OnePercentCeiling returns the most a sector's budget may give in a year under the 1 % dispositif:
// percent of its resources, the excluded part (versement mobilité) taken out first, rounded down to the
// cent, and whether the resources are known.
func OnePercentCeiling(b SectorBudget, percent int64) (int64, bool) {
	if b.ResourcesCents == nil {
		return 0, false
	}
	base := *b.ResourcesCents - b.ExcludedCents
	if base < 0 {
		base = 0
	}
	return base * percent / 100, true
}

// OnePercentUse adds up the 1 % lines of projects by sector and year, refused lines left out; lines
// without a year are not counted, since no year's ceiling applies to them (the check says so).
func OnePercentUse(c *Catalogue, projects []Project) map[SectorYear]int64 {
	out := map[SectorYear]int64{}
	for _, p := range projects {
		for _, l := range p.Lines {
			prog, ok := c.Programme(l.Programme)
			if l.Source != SourceProgramme || !ok || prog.Sector == "" || !l.Status.Counts() || l.Year == 0 {
				continue
			}
			out[SectorYear{prog.Sector, l.Year}] += l.AmountCents
		}
	}
	return out
}
