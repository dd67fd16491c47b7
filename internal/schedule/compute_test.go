package schedule

import (
	"boussole/internal/fielderr"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func d(y int, m time.Month, day int) Date { return Date{y, m, day} }

var term = Term{Start: d(2026, time.January, 1), End: d(2032, time.January, 1)}

func act(id string, days int) Activity {
	return Activity{ID: id, Name: "Activité " + id, Duration: days}
}
func jalon(id string) Activity { return Activity{ID: id, Name: "Jalon " + id, Milestone: true} }
func fs(from, to string, lag Lag) Dependency {
	return Dependency{From: from, To: to, Kind: FinishToStart, Lag: lag}
}

func TestComputeDates(t *testing.T) {
	type want struct {
		id            string
		start, finish Date
		slack         int
	}
	cases := []struct {
		name  string
		plan  Plan
		wants []want
	}{
		{"chain finish-to-start",
			Plan{Term: term, Activities: []Activity{act("A", 10), act("B", 5)}, Dependencies: []Dependency{fs("A", "B", Lag{})}},
			[]want{{"A", d(2026, 1, 1), d(2026, 1, 11), 0}, {"B", d(2026, 1, 11), d(2026, 1, 16), 0}}},
		{"lag in weeks",
			Plan{Term: term, Activities: []Activity{act("A", 10), act("B", 5)}, Dependencies: []Dependency{fs("A", "B", Lag{2, Weeks})}},
			[]want{{"B", d(2026, 1, 25), d(2026, 1, 30), 0}}},
		{"negative lag overlaps",
			Plan{Term: term, Activities: []Activity{act("A", 10), act("B", 5)}, Dependencies: []Dependency{fs("A", "B", Lag{-3, Days})}},
			[]want{{"B", d(2026, 1, 8), d(2026, 1, 13), 0}}},
		{"two calendar months after the end",
			Plan{Term: term, Activities: []Activity{act("A", 30), act("B", 5)}, Dependencies: []Dependency{fs("A", "B", Lag{2, Months})}},
			[]want{{"A", d(2026, 1, 1), d(2026, 1, 31), 0}, {"B", d(2026, 3, 31), d(2026, 4, 5), 0}}},
		{"start-to-start",
			Plan{Term: term, Activities: []Activity{act("A", 30), act("B", 5)},
				Dependencies: []Dependency{{From: "A", To: "B", Kind: StartToStart, Lag: Lag{1, Weeks}}}},
			[]want{{"B", d(2026, 1, 8), d(2026, 1, 13), 18}, {"A", d(2026, 1, 1), d(2026, 1, 31), 0}}},
		{"finish-to-finish",
			Plan{Term: term, Activities: []Activity{act("A", 30), act("B", 5)},
				Dependencies: []Dependency{{From: "A", To: "B", Kind: FinishToFinish, Lag: Lag{2, Days}}}},
			[]want{{"B", d(2026, 1, 28), d(2026, 2, 2), 0}, {"A", d(2026, 1, 1), d(2026, 1, 31), 0}}},
		{"milestone relative to its start",
			Plan{Term: term, Activities: []Activity{jalon("M"), act("B", 5)},
				Dependencies: []Dependency{{From: "M", To: "B", Kind: StartToStart, Lag: Lag{3, Weeks}}}},
			[]want{{"M", d(2026, 1, 1), d(2026, 1, 1), 0}, {"B", d(2026, 1, 22), d(2026, 1, 27), 0}}},
		{"absolute start is not earlier than",
			Plan{Term: term, Activities: []Activity{act("A", 10), {ID: "B", Duration: 5, Start: d(2026, 1, 5)}, {ID: "C", Duration: 5, Start: d(2026, 3, 1)}},
				Dependencies: []Dependency{fs("A", "B", Lag{}), fs("A", "C", Lag{})}},
			[]want{{"B", d(2026, 1, 11), d(2026, 1, 16), 49}, {"C", d(2026, 3, 1), d(2026, 3, 6), 0}, {"A", d(2026, 1, 1), d(2026, 1, 11), 49}}},
		{"preparation delays an unconstrained start",
			Plan{Term: term, Activities: []Activity{{ID: "A", Duration: 10, Prep: 14}}},
			[]want{{"A", d(2026, 1, 15), d(2026, 1, 25), 0}}},
		{"parallel branches: the shorter one has slack",
			Plan{Term: term, Activities: []Activity{act("A", 10), act("B", 20), act("C", 5), act("D", 1)},
				Dependencies: []Dependency{fs("A", "B", Lag{}), fs("A", "C", Lag{}), fs("B", "D", Lag{}), fs("C", "D", Lag{})}},
			[]want{{"C", d(2026, 1, 11), d(2026, 1, 16), 15}, {"D", d(2026, 1, 31), d(2026, 2, 1), 0}}},
	}
	for _, c := range cases {
		r, err := Compute(c.plan)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, w := range c.wants {
			got, ok := r.Timing(w.id)
			if !ok || got.Start != w.start || got.Finish != w.finish || got.Slack != w.slack {
				t.Errorf("%s: %s = %v–%v slack %d, want %v–%v slack %d", c.name, w.id,
					got.Start, got.Finish, got.Slack, w.start, w.finish, w.slack)
			}
		}
	}
}

func TestCriticalPath(t *testing.T) {
	p := Plan{Term: term,
		Activities: []Activity{act("A", 10), act("B", 20), act("C", 5), jalon("D"), act("E", 3)},
		Dependencies: []Dependency{fs("A", "B", Lag{}), fs("A", "C", Lag{}), fs("B", "D", Lag{}), fs("C", "D", Lag{}),
			fs("D", "E", Lag{1, Weeks})}}
	r, err := Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A", "B", "D", "E"}; !slices.Equal(r.CriticalPath, want) {
		t.Errorf("critical path = %v, want %v", r.CriticalPath, want)
	}
	if c, _ := r.Timing("C"); c.Critical {
		t.Errorf("C has slack %d yet is flagged critical", c.Slack)
	}
	if r.Start != d(2026, 1, 1) || r.Finish != d(2026, 2, 10) {
		t.Errorf("project %v–%v", r.Start, r.Finish)
	}
}

func TestTermFlags(t *testing.T) {
	short := Term{Start: d(2026, 3, 1), End: d(2026, 6, 1)}
	p := Plan{Term: short, Activities: []Activity{
		{ID: "early", Duration: 10, Start: d(2026, 2, 1)},
		{ID: "prep", Duration: 10, Prep: 5, Start: d(2026, 3, 3)},
		{ID: "inside", Duration: 10, Start: d(2026, 4, 1)},
		{ID: "late", Duration: 10, Start: d(2026, 5, 25)},
		{ID: "follow", Duration: 10, FollowUp: 30, Start: d(2026, 5, 1)},
		{ID: "edge", Duration: 10, Start: d(2026, 5, 22)}, // finishes exactly at the exclusive end
	}}
	r, err := Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][2]bool{"early": {true, false}, "prep": {true, false}, "inside": {false, false},
		"late": {false, true}, "follow": {false, true}, "edge": {false, false}}
	for id, want := range cases {
		got, _ := r.Timing(id)
		if got.BeforeTerm != want[0] || got.AfterTerm != want[1] {
			t.Errorf("%s: before=%v after=%v, want %v", id, got.BeforeTerm, got.AfterTerm, want)
		}
	}
}

func TestValidation(t *testing.T) {
	cases := []struct {
		name string
		plan Plan
		msg  string
	}{
		{"zero duration", Plan{Term: term, Activities: []Activity{act("A", 0)}}, "La durée de l'activité « Activité A » doit être d'au moins un jour."},
		{"negative duration", Plan{Term: term, Activities: []Activity{act("A", -4)}}, "doit être d'au moins un jour"},
		{"milestone with a duration", Plan{Term: term, Activities: []Activity{{ID: "M", Milestone: true, Duration: 3}}}, "ne peut pas avoir de durée"},
		{"negative preparation", Plan{Term: term, Activities: []Activity{{ID: "A", Duration: 3, Prep: -1}}}, "préparation"},
		{"deleted predecessor", Plan{Term: term, Activities: []Activity{act("B", 3)}, Dependencies: []Dependency{fs("A", "B", Lag{})}},
			"L'activité « Activité B » dépend d'une activité qui n'existe pas ou plus (« A »)."},
		{"deleted successor", Plan{Term: term, Activities: []Activity{act("A", 3)}, Dependencies: []Dependency{fs("A", "B", Lag{})}}, "n'existe pas ou plus (« B »)"},
		{"self dependency", Plan{Term: term, Activities: []Activity{act("A", 3)}, Dependencies: []Dependency{fs("A", "A", Lag{})}},
			"L'activité « Activité A » ne peut pas dépendre d'elle-même."},
		{"duplicate id", Plan{Term: term, Activities: []Activity{act("A", 3), act("A", 4)}}, "utilisé par deux activités"},
		{"no start anywhere", Plan{Activities: []Activity{act("A", 3)}}, "date de début"},
	}
	for _, c := range cases {
		_, err := Compute(c.plan)
		var verr fielderr.List
		if !errors.As(err, &verr) {
			t.Errorf("%s: got %v, want a validation error", c.name, err)
			continue
		}
		if !strings.Contains(verr.Error(), c.msg) {
			t.Errorf("%s: message %q does not contain %q", c.name, verr.Error(), c.msg)
		}
	}
}

func TestCycleIsRefusedWithItsMembersNamed(t *testing.T) {
	p := Plan{Term: term,
		Activities:   []Activity{act("X", 1), act("A", 1), act("B", 1), act("C", 1), act("Z", 1)},
		Dependencies: []Dependency{fs("X", "A", Lag{}), fs("A", "B", Lag{}), fs("B", "C", Lag{}), fs("C", "A", Lag{}), fs("C", "Z", Lag{})}}
	_, err := Compute(p)
	var cerr *CycleError
	if !errors.As(err, &cerr) {
		t.Fatalf("got %v, want a cycle error", err)
	}
	if want := []string{"A", "B", "C", "A"}; !slices.Equal(cerr.IDs, want) {
		t.Errorf("cycle IDs = %v, want %v", cerr.IDs, want)
	}
	if want := "Ces dépendances forment un cycle : Activité A → Activité B → Activité C → Activité A"; cerr.Error() != want {
		t.Errorf("message = %q, want %q", cerr.Error(), want)
	}
}

func TestCheckDependency(t *testing.T) {
	p := Plan{Term: term,
		Activities:   []Activity{act("A", 1), act("B", 1), act("C", 1), act("D", 1)},
		Dependencies: []Dependency{fs("A", "B", Lag{}), {From: "B", To: "C", Kind: StartToStart}, fs("D", "ghost", Lag{})}}
	cases := []struct {
		name  string
		dep   Dependency
		cycle []string
		msg   string
	}{
		{"closes a loop", fs("C", "A", Lag{}), []string{"C", "A", "B", "C"},
			"Cette dépendance crée un cycle : Activité C → Activité A → Activité B → Activité C"},
		{"two-step loop", fs("B", "A", Lag{}), []string{"B", "A", "B"}, ""},
		{"parallel edge is fine", fs("A", "C", Lag{}), nil, ""},
		{"unrelated is fine", fs("D", "A", Lag{}), nil, ""},
		{"self", fs("A", "A", Lag{}), nil, "elle-même"},
		{"unknown", fs("A", "ghost", Lag{}), nil, "n'existe pas ou plus"},
	}
	for _, c := range cases {
		err := p.CheckDependency(c.dep)
		var cerr *CycleError
		switch {
		case c.cycle != nil:
			if !errors.As(err, &cerr) || !slices.Equal(cerr.IDs, c.cycle) {
				t.Errorf("%s: got %v, want cycle %v", c.name, err, c.cycle)
			} else if c.msg != "" && cerr.Error() != c.msg {
				t.Errorf("%s: message %q, want %q", c.name, cerr.Error(), c.msg)
			}
		case c.msg != "":
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("%s: got %v, want message containing %q", c.name, err, c.msg)
			}
		case err != nil:
			t.Errorf("%s: unexpected %v", c.name, err)
		}
	}
}

func TestDiffAndSummary(t *testing.T) {
	p := Plan{Term: term, Activities: []Activity{act("A", 10), act("B", 5), act("C", 5), act("D", 3)},
		Dependencies: []Dependency{fs("A", "B", Lag{}), fs("B", "C", Lag{})}}
	before, err := Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	p.Activities[0].Start = d(2026, 1, 4)
	after, err := Compute(p)
	if err != nil {
		t.Fatal(err)
	}
	shifts := Diff(before, after)
	if len(shifts) != 3 || shifts[0].ID != "A" || shifts[2].StartDays != 3 {
		t.Fatalf("shifts = %+v", shifts)
	}
	want := "3 activités ont été décalées : Activité A (3 jours plus tard), Activité B (3 jours plus tard), Activité C (3 jours plus tard)."
	if got := SummarizeShifts(shifts); got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	cases := []struct {
		shifts []Shift
		want   string
	}{
		{nil, "Aucune activité n'a été décalée."},
		{[]Shift{{Name: "X", StartDays: -1, FinishDays: -1}}, "1 activité a été décalée : X (1 jour plus tôt)."},
		{[]Shift{{Name: "X", FinishDays: 2}}, "1 activité a été décalée : X (fin 2 jours plus tard)."},
	}
	for _, c := range cases {
		if got := SummarizeShifts(c.shifts); got != c.want {
			t.Errorf("SummarizeShifts(%v) = %q, want %q", c.shifts, got, c.want)
		}
	}
	many := make([]Shift, 14)
	for i := range many {
		many[i] = Shift{Name: "X", StartDays: 1}
	}
	if got := SummarizeShifts(many); !strings.HasPrefix(got, "14 activités") || !strings.HasSuffix(got, "et 4 autres.") {
		t.Errorf("long summary = %q", got)
	}
}

func TestEmptyPlan(t *testing.T) {
	r, err := Compute(Plan{Term: term})
	if err != nil || len(r.Timings) != 0 || len(r.CriticalPath) != 0 || !r.Finish.IsZero() {
		t.Errorf("empty plan gave %+v, %v", r, err)
	}
	if _, ok := r.Timing("A"); ok {
		t.Error("empty result found an activity")
	}
}
