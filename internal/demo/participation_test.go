package demo

import (
	"context"
	"reflect"
	"testing"
	"time"

	"boussole/internal/consultation"
	"boussole/internal/store/storetest"
)

// TestDemoConsultations checks the demo's consultations: a closed one with its 2,000 contributions, its
// synthesis and public results, whose ranking puts water first, and an open one that accepts contributions
// today; and that the contributions are generated the same on every run.
func TestDemoConsultations(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	if _, err := Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	au, err := st.AuthorityBySlug(ctx, Slug)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.PublicConsultations(ctx, au.ID)
	if err != nil {
		t.Fatal(err)
	}
	phases := map[consultation.Phase]consultation.Consultation{}
	for _, c := range list {
		phases[c.Phase(time.Now())] = c
	}
	closed, open := phases[consultation.PhaseClosed], phases[consultation.PhaseOpen]
	if closed.ID == 0 || open.ID == 0 || !closed.ResultsPublic || closed.Response == "" {
		t.Fatalf("consultations: %+v", phases)
	}
	all, err := st.AllContributions(ctx, au.ID, closed.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != closedContributions {
		t.Fatalf("%d contributions, want %d", len(all), closedContributions)
	}
	asOpen := closed
	asOpen.Status = consultation.Open
	for _, k := range all {
		if errs := consultation.Validate(asOpen, k, closed.OpensOn); len(errs) != 0 {
			t.Fatalf("a demo contribution the form would refuse: %v (%+v)", errs, k)
		}
	}
	r := consultation.Tally(closed, all)
	if r.Questions[0].Choices[0].Choice != "Eau et assainissement" || r.Hidden == 0 || r.Total+r.Hidden != closedContributions {
		t.Errorf("results: first theme %q, hidden %d, total %d", r.Questions[0].Choices[0].Choice, r.Hidden, r.Total)
	}
	again := syntheticContributions(closed, 50, 2026)
	if !reflect.DeepEqual(again[:10], syntheticContributions(closed, 50, 2026)[:10]) {
		t.Error("the synthetic contributions differ from one run to the next")
	}
}
