package funding

import "sort"

// Load is the application effort one year asks of the team, against what the team can give.
type Load struct {
	Year        int
	NeedTenths  int64  // person-months × 10 the pending applications of the year need
	HaveTenths  *int64 // person-months × 10 the team has (FTE × 12); nil when the team is not entered
	Unestimated int    // pending applications whose effort is unknown
	Over        bool   // more is needed than exists
}

// Effort returns a line's effort in tenths of a person-month: the line's own estimate, else the
// programme's when the catalogue knows it, and whether either is known.
func Effort(l Line, c *Catalogue) (int64, bool) {
	if l.EffortTenths != nil {
		return *l.EffortTenths, true
	}
	if p, ok := c.Programme(l.Programme); ok && l.Source == SourceProgramme && p.Rules.EffortPersonMonths.Known() {
		return p.Rules.EffortPersonMonths.Int() * 10, true
	}
	return 0, false
}

// Capacity sums, year by year, the effort of the applications still to write or decide (lines envisaged
// or filed) against the team's full-time equivalents for that year, and flags the years that need more
// people than exist. Lines without a year are not placed; lines of own budget need no application.
func Capacity(projects []Project, c *Catalogue, years map[int]Year) []Load {
	by := map[int]*Load{}
	for _, p := range projects {
		for _, l := range p.Lines {
			if l.Year == 0 || !l.Status.Pending() || l.Source == SourceOwn {
				continue
			}
			ld := by[l.Year]
			if ld == nil {
				ld = &Load{Year: l.Year}
				by[l.Year] = ld
			}
			if e, ok := Effort(l, c); ok {
				ld.NeedTenths += e
			} else {
				ld.Unestimated++
			}
		}
	}
	for y, yr := range years {
		if by[y] == nil && yr.TeamTenths != nil {
			by[y] = &Load{Year: y}
		}
	}
	out := make([]Load, 0, len(by))
	for y, ld := range by {
		if yr, ok := years[y]; ok && yr.TeamTenths != nil {
			have := *yr.TeamTenths * 12
			ld.HaveTenths = &have
			ld.Over = ld.NeedTenths > have
		}
		out = append(out, *ld)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

// Expected is the expected value of an application: amount × success rate, as a range when the rate is
// one, nil bounds when the rate is unknown.
type Expected struct {
	LowCents, HighCents *int64
	ToVerify            bool
}

// ExpectedValue returns amount × the programme's typical success rate.
func ExpectedValue(amountCents int64, rate Rule) Expected {
	if !rate.Known() {
		return Expected{}
	}
	lo := amountCents * rate.Int() / 100
	hi := lo
	if rate.High != nil {
		hi = amountCents * *rate.High / 100
	}
	return Expected{LowCents: &lo, HighCents: &hi, ToVerify: rate.ToVerify}
}

// PerPersonMonth returns the expected value per person-month of effort, in cents (low bound), and whether
// both the value and the effort are known and the effort is not zero.
func (e Expected) PerPersonMonth(effortTenths int64) (int64, bool) {
	if e.LowCents == nil || effortTenths <= 0 {
		return 0, false
	}
	return *e.LowCents * 10 / effortTenths, true
}
