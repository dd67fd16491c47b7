package monitoring

import (
	"sort"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/number"
)

// Span is what an indicator's progress is measured on: from its baseline to its final target (the target
// with a value at the latest date), in the indicator's direction.
type Span struct {
	Baseline    number.Decimal
	BaselineDay time.Time // the baseline's date, or the term's first day when it has none
	Target      number.Decimal
	TargetDay   time.Time
	Ascending   bool
	points      []point // the trajectory: the baseline, then each dated target with a value
	base, gap   float64 // the baseline, and the signed distance to the target in the good direction
}

// point is where the trajectory says the indicator should be on a day, as a share of the span.
type point struct {
	day      time.Time
	progress float64
}

// SpanOf returns the indicator's span, or a French reason why progress cannot be computed for it.
func SpanOf(in logframe.Indicator, term Term) (Span, string) {
	if !in.Measure.Numeric() {
		return Span{}, "l'indicateur ne se mesure pas en nombre"
	}
	if in.Baseline == nil || in.Baseline.Value == nil {
		return Span{}, "la valeur de référence n'est pas renseignée"
	}
	var final *logframe.Target
	for i := range in.Targets {
		t := &in.Targets[i]
		if t.Value != nil && !t.Date.IsZero() && (final == nil || t.Date.Last().After(final.Date.Last())) {
			final = t
		}
	}
	if final == nil {
		return Span{}, "aucune cible chiffrée et datée"
	}
	s := Span{Baseline: *in.Baseline.Value, Target: *final.Value, TargetDay: final.Date.Last(), Ascending: in.Ascending}
	s.BaselineDay = in.Baseline.Date.Last()
	if s.BaselineDay.IsZero() && term.Start != 0 {
		s.BaselineDay = time.Date(term.Start, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	if !s.TargetDay.After(s.BaselineDay) {
		return Span{}, "la cible finale n'est pas datée après la valeur de référence"
	}
	s.base = s.Baseline.Float64()
	if s.gap = s.Target.Float64() - s.base; !s.Ascending {
		s.gap = -s.gap
	}
	if s.Target.Cmp(s.Baseline) != 0 && (s.Target.Cmp(s.Baseline) > 0) != s.Ascending {
		if in.Ascending {
			return Span{}, "la cible est inférieure à la valeur de référence alors que l'indicateur doit augmenter"
		}
		return Span{}, "la cible est supérieure à la valeur de référence alors que l'indicateur doit baisser"
	}
	s.points = []point{{s.BaselineDay, 0}}
	for _, t := range in.Targets {
		if t.Value == nil || t.Date.IsZero() || !t.Date.Last().After(s.BaselineDay) || !t.Date.Last().Before(s.TargetDay) {
			continue
		}
		p, _ := s.Progress(*t.Value)
		s.points = append(s.points, point{t.Date.Last(), p})
	}
	sort.SliceStable(s.points, func(i, j int) bool { return s.points[i].day.Before(s.points[j].day) })
	return s, ""
}

// Progress returns the share of the way from the baseline to the target that the value v has covered: 0 at
// the baseline, 1 at the target, below 0 when the indicator went the wrong way, above 1 beyond the target.
// The values are exact decimals; the ratio is computed in float64, which a percentage needs no more than.
// When the target equals the baseline (keep a level), the progress is 1 if v is at least as good as the
// target and 0 otherwise.
func (s Span) Progress(v number.Decimal) (float64, bool) {
	if s.gap == 0 {
		c := v.Cmp(s.Baseline)
		if c == 0 || (c > 0) == s.Ascending {
			return 1, true
		}
		return 0, true
	}
	gain := v.Float64() - s.base
	if !s.Ascending {
		gain = -gain
	}
	return gain / s.gap, true
}

// Expected returns the progress the trajectory expects on day t: 0 up to the baseline's day, then straight
// lines through each intermediate target to 1 at the final target, and 1 after it.
func (s Span) Expected(t time.Time) float64 {
	d := day(t)
	prev := s.points[0]
	if !d.After(prev.day) {
		return 0
	}
	for _, p := range append(s.points[1:], point{s.TargetDay, 1}) {
		if !d.After(p.day) {
			whole := p.day.Sub(prev.day).Hours()
			if whole <= 0 {
				return p.progress
			}
			done := d.Sub(prev.day).Hours()
			return prev.progress + (p.progress-prev.progress)*done/whole
		}
		prev = p
	}
	return 1
}

// Clamp bounds a progress to [0, 1], as shown and as rolled up: a value beyond the target counts as the
// target reached, one that went the wrong way as nothing done.
func Clamp(p float64) float64 { return min(max(p, 0), 1) }
