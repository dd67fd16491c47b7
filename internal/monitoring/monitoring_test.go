package monitoring

import (
	"math"
	"strings"
	"testing"
	"time"

	"boussole/internal/logframe"
	"boussole/internal/number"
	"boussole/internal/partialdate"
)

func d(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }

func dec(s string) *number.Decimal {
	v, err := number.ParseCanonical(s)
	if err != nil {
		panic(err)
	}
	return &v
}

var term = Term{2026, 2032}

// indicator is a numeric indicator from baseline b (dated end of 2025) to target t at mid-2032, with a
// mid-term target mid at mid-2029 when not "".
func indicator(b, mid, t string, ascending bool) logframe.Indicator {
	in := logframe.Indicator{ID: 1, Title: "Jeunes partis", Measure: logframe.MeasureUnit, Ascending: ascending, Periodicity: "annuelle"}
	if b != "" {
		in.Baseline = &logframe.Baseline{Value: dec(b), Date: partialdate.Of(2025, 12, 31)}
	}
	if mid != "" {
		in.Targets = append(in.Targets, logframe.Target{Date: partialdate.Of(2029, 6, 30), Value: dec(mid)})
	}
	if t != "" {
		in.Targets = append(in.Targets, logframe.Target{Date: partialdate.OfYear(2032), Value: dec(t)})
	}
	return in
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestPeriods(t *testing.T) {
	tests := []struct {
		periodicity string
		term        Term
		n           int
		first, last string // keys
		firstLabel  string
		lastEnd     time.Time
	}{
		{"annuelle", term, 7, "2026", "2032", "2026", d(2032, 12, 31)},
		{"semestrielle", term, 14, "2026-S1", "2032-S2", "1er semestre 2026", d(2032, 12, 31)},
		{"trimestrielle", Term{2026, 2026}, 4, "2026-T1", "2026-T4", "1er trimestre 2026", d(2026, 12, 31)},
		{"mensuelle", Term{2026, 2027}, 24, "2026-01", "2027-12", "janvier 2026", d(2027, 12, 31)},
		{"à mi-parcours et en fin de mandature", term, 2, "mi-parcours", "fin", "mi-parcours (2026–2028)", d(2032, 12, 31)},
		{"en fin de mandature", term, 1, "mandature", "mandature", "mandature (2026–2032)", d(2032, 12, 31)},
		{"", term, 0, "", "", "", time.Time{}},
		{"quand on peut", term, 0, "", "", "", time.Time{}},
		{"annuelle", Term{2030, 2026}, 0, "", "", "", time.Time{}},
	}
	for _, tt := range tests {
		ps := Periods(tt.periodicity, tt.term)
		if len(ps) != tt.n {
			t.Errorf("%q over %v: %d periods, want %d", tt.periodicity, tt.term, len(ps), tt.n)
			continue
		}
		if tt.n == 0 {
			continue
		}
		if ps[0].Key != tt.first || ps[len(ps)-1].Key != tt.last || ps[0].Label != tt.firstLabel || !ps[len(ps)-1].End.Equal(tt.lastEnd) {
			t.Errorf("%q: first %+v, last %+v", tt.periodicity, ps[0], ps[len(ps)-1])
		}
		for i := 1; i < len(ps); i++ {
			if !ps[i].Start.Equal(ps[i-1].End.AddDate(0, 0, 1)) {
				t.Errorf("%q: gap or overlap between %s and %s", tt.periodicity, ps[i-1].Key, ps[i].Key)
			}
		}
	}
	q := Periods("trimestrielle", Term{2027, 2027})
	if !q[0].End.Equal(d(2027, 3, 31)) || !q[1].Start.Equal(d(2027, 4, 1)) {
		t.Errorf("first quarter ends %v, second starts %v", q[0].End, q[1].Start)
	}
}

func TestProgress(t *testing.T) {
	tests := []struct {
		name      string
		in        logframe.Indicator
		value     string
		want      float64
		unmeasure string // part of the reason when progress is unknown
	}{
		{"ascending halfway", indicator("120", "", "600", true), "360", 0.5, ""},
		{"ascending at baseline", indicator("120", "", "600", true), "120", 0, ""},
		{"ascending beyond target", indicator("120", "", "600", true), "720", 1.25, ""},
		{"ascending went down", indicator("120", "", "600", true), "60", -0.125, ""},
		{"exact decimals", indicator("0.1", "", "0.3", true), "0.2", 0.5, ""},
		{"descending halfway", indicator("40", "", "20", false), "30", 0.5, ""},
		{"descending went up", indicator("40", "", "20", false), "44", -0.2, ""},
		{"descending reached", indicator("40", "", "20", false), "18", 1.1, ""},
		{"keep a level, kept", indicator("50", "", "50", true), "52", 1, ""},
		{"keep a level, lost", indicator("50", "", "50", true), "49", 0, ""},
		{"no baseline value", indicator("", "", "600", true), "300", 0, "valeur de référence"},
		{"no target", indicator("120", "", "", true), "300", 0, "aucune cible"},
		{"ascending but target below", indicator("120", "", "100", true), "110", 0, "doit augmenter"},
		{"descending but target above", indicator("20", "", "40", false), "30", 0, "doit baisser"},
	}
	for _, tt := range tests {
		s, why := SpanOf(tt.in, term)
		if tt.unmeasure != "" {
			if !strings.Contains(why, tt.unmeasure) {
				t.Errorf("%s: reason %q, want it to say %q", tt.name, why, tt.unmeasure)
			}
			continue
		}
		if why != "" {
			t.Errorf("%s: unexpectedly unmeasurable: %s", tt.name, why)
			continue
		}
		if got, _ := s.Progress(*dec(tt.value)); !near(got, tt.want) {
			t.Errorf("%s: progress %v, want %v", tt.name, got, tt.want)
		}
	}
	q := indicator("1", "", "2", true)
	q.Measure = logframe.MeasureQualitative
	if _, why := SpanOf(q, term); why == "" {
		t.Error("a qualitative indicator has a progress")
	}
}

func TestExpectedTrajectory(t *testing.T) {
	// Baseline 0 on 31 Dec 2025, mid-term target 50 on 30 Jun 2029 (progress 0.25 of 200), final 200 at end 2032.
	s, why := SpanOf(indicator("0", "50", "200", true), term)
	if why != "" {
		t.Fatal(why)
	}
	mid := d(2029, 6, 30)
	tests := []struct {
		day  time.Time
		want float64
	}{
		{d(2025, 1, 1), 0},
		{d(2025, 12, 31), 0},
		{mid, 0.25},
		{d(2032, 12, 31), 1},
		{d(2040, 1, 1), 1},
		{d(2025, 12, 31).Add(mid.Sub(d(2025, 12, 31)) / 2), 0.125},
	}
	for _, tt := range tests {
		if got := s.Expected(tt.day); math.Abs(got-tt.want) > 1e-3 {
			t.Errorf("expected on %s: %v, want %v", tt.day.Format(time.DateOnly), got, tt.want)
		}
	}
	// Descending: the same shape, in the other direction.
	s, _ = SpanOf(indicator("200", "150", "0", false), term)
	if got := s.Expected(mid); !near(got, 0.25) {
		t.Errorf("descending mid-term expectation %v, want 0.25", got)
	}
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		progress, expected float64
		want               Status
	}{
		{0.5, 0.5, StatusOnTrack},
		{0.48, 0.4, StatusOnTrack}, // the rule's own example: 32 % to 48 % with 40 % expected
		{0.32, 0.4, StatusOnTrack},
		{0.49, 0.4, StatusAhead},
		{0.31, 0.4, StatusLate},
		{0.03, 0.01, StatusOnTrack}, // early in the term the margin is 2 points at least
		{0.04, 0.01, StatusAhead},
		{-0.02, 0, StatusOnTrack},
		{-0.2, 0.1, StatusLate},
		{1.3, 1, StatusAhead},
	}
	for _, tt := range tests {
		if got := StatusOf(tt.progress, tt.expected); got != tt.want {
			t.Errorf("StatusOf(%v, %v) = %s, want %s", tt.progress, tt.expected, got, tt.want)
		}
	}
}

func measure(period string, on time.Time, v string) Measurement {
	m := Measurement{IndicatorID: 1, Period: period, MeasuredOn: on, Review: ReviewEntered}
	if v != "" {
		m.Value = dec(v)
	}
	return m
}

func TestAssess(t *testing.T) {
	today := d(2029, 3, 15)
	tests := []struct {
		name             string
		in               logframe.Indicator
		ms               []Measurement
		status           Status
		pending, overdue int
		latest           string // period of the latest known measurement
	}{
		// Trajectory 120 → 600 from end 2025 to end 2032: end 2027 expects about 0.29 (2/7 of the way).
		{"ascending on track", indicator("120", "", "600", true), []Measurement{
			measure("2026", d(2026, 12, 31), "180"), measure("2027", d(2027, 12, 31), "260"), measure("2028", d(2028, 12, 31), "330")},
			StatusOnTrack, 0, 0, "2028"},
		{"ascending late", indicator("120", "", "600", true), []Measurement{measure("2026", d(2026, 12, 31), "125"), measure("2027", d(2027, 12, 31), "130")},
			StatusLate, 0, 1, "2027"},
		{"descending ahead", indicator("40", "", "20", false), []Measurement{measure("2026", d(2026, 12, 31), "30"), measure("2028", d(2028, 12, 20), "24")},
			StatusAhead, 0, 1, "2028"},
		// A measurement whose value is unknown is not a value: the period stays due, the status unknown.
		{"unknown value is not zero", indicator("120", "", "600", true), []Measurement{measure("2026", d(2026, 12, 31), "")},
			StatusUnknown, 0, 3, ""},
		{"no baseline", indicator("", "", "600", true), []Measurement{measure("2026", d(2026, 12, 31), "300")}, StatusUnknown, 0, 2, "2026"},
		{"nothing measured", indicator("120", "", "600", true), nil, StatusUnknown, 0, 3, ""},
	}
	for _, tt := range tests {
		a := Assess(tt.in, term, tt.ms, today)
		if a.Status != tt.status || a.Pending != tt.pending || a.Overdue != tt.overdue {
			t.Errorf("%s: status %s, pending %d, overdue %d; want %s, %d, %d", tt.name, a.Status, a.Pending, a.Overdue, tt.status, tt.pending, tt.overdue)
		}
		got := ""
		if a.Latest != nil {
			got = a.Latest.Period
		}
		if got != tt.latest {
			t.Errorf("%s: latest %q, want %q", tt.name, got, tt.latest)
		}
		if len(a.Rows) != 7 {
			t.Errorf("%s: %d rows, want the 7 years of the term", tt.name, len(a.Rows))
		}
	}
	// A period ended less than 30 days ago is pending, not overdue.
	a := Assess(indicator("120", "", "600", true), term, nil, d(2027, 1, 20))
	if a.Pending != 1 || a.Overdue != 0 || !a.UpToDate() {
		t.Errorf("20 January: pending %d, overdue %d", a.Pending, a.Overdue)
	}
	if a.ExpectedToday == nil || a.Progress != nil {
		t.Errorf("with no measurement: expected today %v, progress %v", a.ExpectedToday, a.Progress)
	}
	// A measurement of a period the periodicity no longer has stays listed.
	in := indicator("120", "", "600", true)
	in.Periodicity = "semestrielle"
	a = Assess(in, term, []Measurement{{Period: "2026", PeriodStart: d(2026, 1, 1), PeriodEnd: d(2026, 12, 31), MeasuredOn: d(2026, 12, 1), Value: dec("150")}}, today)
	if last := a.Rows[len(a.Rows)-1]; last.Measurement == nil || !strings.Contains(last.Period.Label, "ancienne") {
		t.Errorf("orphan measurement not kept: %+v", last)
	}
}

func TestFreshness(t *testing.T) {
	today := d(2028, 3, 1)
	fresh := Assess(indicator("1", "", "10", true), term, []Measurement{measure("2026", d(2026, 6, 1), "2"), measure("2027", d(2027, 6, 1), "3")}, today)
	stale := Assess(indicator("1", "", "10", true), term, []Measurement{measure("2026", d(2026, 6, 1), "2")}, today)
	none := indicator("1", "", "10", true)
	none.Periodicity = ""
	without := Assess(none, term, nil, today)
	f := FreshnessOf([]Assessment{fresh, stale, without})
	if f.UpToDate != 1 || f.Counted != 2 || f.Without != 1 {
		t.Errorf("freshness %+v", f)
	}
	if s, ok := f.Share(); !ok || !near(s, 0.5) {
		t.Errorf("share %v %v", s, ok)
	}
	if _, ok := FreshnessOf([]Assessment{without}).Share(); ok {
		t.Error("a share with nothing counted is known")
	}
}

func p(v float64) *float64 { return &v }

func TestRoll(t *testing.T) {
	tests := []struct {
		name     string
		parts    []Part
		want     *float64
		known    int
		weighted bool
	}{
		{"average", []Part{{Progress: p(0.2)}, {Progress: p(0.6)}}, p(0.4), 2, false},
		{"unknown left out, not zero", []Part{{Progress: p(0.8)}, {Progress: nil}}, p(0.8), 1, false},
		{"weighted", []Part{{Progress: p(1), Weight: 3}, {Progress: p(0), Weight: 1}}, p(0.75), 2, true},
		{"weight set on some: others count 1", []Part{{Progress: p(1), Weight: 2}, {Progress: p(0.4)}}, p(0.8), 2, true},
		{"clamped", []Part{{Progress: p(1.5)}, {Progress: p(-0.5)}}, p(0.5), 2, false},
		{"nothing known", []Part{{Progress: nil}}, nil, 0, false},
		{"nothing", nil, nil, 0, false},
	}
	for _, tt := range tests {
		r := Roll(tt.parts)
		if (r.Progress == nil) != (tt.want == nil) || r.Progress != nil && !near(*r.Progress, *tt.want) || r.Known != tt.known || r.Weighted != tt.weighted {
			t.Errorf("%s: %+v (progress %v), want %v", tt.name, r, r.Progress, tt.want)
		}
	}
}

func TestRollUp(t *testing.T) {
	s := logframe.Strategy{
		Objectives: []logframe.SpecificObjective{{ID: 10}, {ID: 20}},
		Results:    []logframe.ExpectedResult{{ID: 100, ObjectiveID: 10}, {ID: 200, ObjectiveID: 20}},
		Activities: []logframe.Activity{{ID: 1000, ResultID: 100}, {ID: 2000, ResultID: 200}},
		Indicators: []logframe.Indicator{
			{ID: 1, Level: logframe.Ref{Kind: logframe.KindResult, ID: 100}},
			{ID: 2, Level: logframe.Ref{Kind: logframe.KindResult, ID: 100}},
			{ID: 3, Level: logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 10}},
			{ID: 4, Level: logframe.Ref{Kind: logframe.KindResult, ID: 200}}, // unknown
			{ID: 5, Level: logframe.Ref{Kind: logframe.KindGeneralObjective, ID: 1}},
		},
	}
	progress := map[int64]float64{1: 0.5, 2: 1, 3: 0.2, 5: 0.9}
	weights := map[int64]int{2: 3}
	completion := map[int64]float64{1000: 0.5} // activity 2000 not scheduled
	tr := RollUp(s, progress, weights, completion)
	// Result 100: (0.5×1 + 1×3 + 0.5×1) / 5 = 0.8.
	if r := tr.Results[100]; r.Progress == nil || !near(*r.Progress, 0.8) || r.Known != 3 || r.Total != 3 || !r.Weighted {
		t.Errorf("result 100: %+v %v", r, r.Progress)
	}
	// Result 200: nothing known.
	if r := tr.Results[200]; r.Progress != nil || r.Total != 2 {
		t.Errorf("result 200: %+v", r)
	}
	// Objective 10: (0.2 + 0.8) / 2; objective 20 unknown.
	if o := tr.Objectives[10]; o.Progress == nil || !near(*o.Progress, 0.5) {
		t.Errorf("objective 10: %+v", o)
	}
	if o := tr.Objectives[20]; o.Progress != nil {
		t.Errorf("objective 20 has a progress from nothing: %v", *o.Progress)
	}
	// Strategy: (0.5 + 0.9) / 2, the unknown objective left out.
	if r := tr.Strategy; r.Progress == nil || !near(*r.Progress, 0.7) || r.Known != 2 || r.Total != 3 {
		t.Errorf("strategy: %+v %v", r, r.Progress)
	}
}

func TestValidate(t *testing.T) {
	num := indicator("1", "", "10", true)
	pct := num
	pct.Measure = logframe.MeasurePercentage
	qual := num
	qual.Measure = logframe.MeasureQualitative
	p := Periods("annuelle", term)[1] // 2027
	tests := []struct {
		name  string
		in    logframe.Indicator
		m     Measurement
		field string // "" when valid
	}{
		{"valid", num, Measurement{Value: dec("3"), MeasuredOn: d(2027, 12, 31)}, ""},
		{"no value for a number", num, Measurement{Text: "trois", MeasuredOn: d(2027, 12, 31)}, "valeur"},
		{"qualitative with a text", qual, Measurement{Text: "Comité installé", MeasuredOn: d(2027, 6, 1)}, ""},
		{"qualitative without anything", qual, Measurement{MeasuredOn: d(2027, 6, 1)}, "texte"},
		{"percentage above 100", pct, Measurement{Value: dec("120"), MeasuredOn: d(2027, 6, 1)}, "valeur"},
		{"date outside the period", num, Measurement{Value: dec("3"), MeasuredOn: d(2028, 1, 1)}, "date"},
		{"no date", num, Measurement{Value: dec("3")}, "date"},
		{"evidence as a reference", num, Measurement{Value: dec("3"), MeasuredOn: d(2027, 6, 1), Evidence: "Bilan 2027, p. 12"}, ""},
		{"evidence too long", num, Measurement{Value: dec("3"), MeasuredOn: d(2027, 6, 1), Evidence: strings.Repeat("a", MaxEvidence+1)}, "preuve"},
		{"source too long", num, Measurement{Value: dec("3"), MeasuredOn: d(2027, 6, 1), Source: strings.Repeat("é", MaxSource+1)}, "source"},
	}
	for _, tt := range tests {
		e := Validate(tt.m, tt.in, p)
		if tt.field == "" && len(e) > 0 || tt.field != "" && (len(e) == 0 || e[0].Field != tt.field) {
			t.Errorf("%s: %+v, want an error on %q", tt.name, e, tt.field)
		}
	}
}

func TestCheckLocked(t *testing.T) {
	old := Measurement{Value: dec("10"), MeasuredOn: d(2027, 12, 31), Review: ReviewValidated, Locked: true}
	same := old
	same.Comment = "précision"
	changed := old
	changed.Value = dec("11")
	reasoned := changed
	reasoned.Reason = "Erreur de report dans le bilan"
	unlockedOld := old
	unlockedOld.Locked = false
	tests := []struct {
		name      string
		old, next Measurement
		may       bool
		field     string
	}{
		{"comment only", old, same, false, ""},
		{"value changed without reason", old, changed, true, "motif"},
		{"value changed with reason", old, reasoned, true, ""},
		{"référent cannot change it", old, reasoned, false, "valeur"},
		{"not locked", unlockedOld, changed, false, ""},
		{"value made unknown", old, Measurement{MeasuredOn: old.MeasuredOn, Locked: true}, true, "motif"},
	}
	for _, tt := range tests {
		e := CheckLocked(tt.old, tt.next, tt.may)
		if tt.field == "" && len(e) > 0 || tt.field != "" && (len(e) == 0 || e[0].Field != tt.field) {
			t.Errorf("%s: %+v, want an error on %q", tt.name, e, tt.field)
		}
	}
}

func TestApplyReview(t *testing.T) {
	m := Measurement{Review: ReviewEntered}
	steps := []struct {
		step   Step
		review Review
		locked bool
		fails  bool
	}{
		{StepLock, ReviewEntered, false, true},
		{StepSubmit, ReviewSubmitted, false, false},
		{StepSubmit, ReviewSubmitted, false, true},
		{StepValidate, ReviewValidated, false, false},
		{StepLock, ReviewValidated, true, false},
		{StepReopen, ReviewValidated, true, true},
		{StepLock, ReviewValidated, true, true},
		{Step("effacer"), ReviewValidated, true, true},
	}
	for _, s := range steps {
		next, why := Apply(m, s.step)
		if (why != "") != s.fails || next.Review != s.review || next.Locked != s.locked {
			t.Errorf("%s from %+v: %+v, %q", s.step, m, next, why)
		}
		m = next
	}
}

func TestEvidenceLink(t *testing.T) {
	for in, want := range map[string]bool{"https://belval.fr/rapport.pdf": true, "http://x.fr/a": true, "javascript:alert(1)": false,
		"Bilan 2027, p. 12": false, "//belval.fr": false, "data:text/html,x": false} {
		if _, ok := EvidenceLink(in); ok != want {
			t.Errorf("EvidenceLink(%q) = %v, want %v", in, ok, want)
		}
	}
}
