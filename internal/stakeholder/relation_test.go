package stakeholder

import (
	"strings"
	"testing"
)

func TestValidateRelation(t *testing.T) {
	known := map[int64]string{1: "Ville", 2: "Association", 3: "AFD"}
	existing := []Relation{
		{ID: 10, From: 2, To: 1, Kind: RelPartnerOf},
		{ID: 11, From: 3, To: 2, Kind: RelFunds},
	}
	cases := []struct {
		name   string
		r      Relation
		inText string // "" means valid
	}{
		{"fine", Relation{From: 1, To: 3, Kind: RelMemberOf}, ""},
		{"to oneself", Relation{From: 2, To: 2, Kind: RelInfluence}, "lui-même"},
		{"duplicate", Relation{From: 3, To: 2, Kind: RelFunds}, "existe déjà"},
		{"symmetric duplicate", Relation{From: 1, To: 2, Kind: RelPartnerOf}, "existe déjà"},
		{"reverse of directed is fine", Relation{From: 2, To: 3, Kind: RelFunds}, ""},
		{"same ends other kind", Relation{From: 3, To: 2, Kind: RelInfluence}, ""},
		{"editing itself", Relation{ID: 11, From: 3, To: 2, Kind: RelFunds}, ""},
		{"unknown end", Relation{From: 1, To: 99, Kind: RelFunds}, "deux acteurs"},
		{"unknown kind", Relation{From: 1, To: 2, Kind: "loves"}, "n'existe pas"},
		{"long comment", Relation{From: 1, To: 3, Kind: RelFunds, Comment: strings.Repeat("a", MaxCommentLen+1)}, "caractères"},
	}
	for _, c := range cases {
		err := ValidateRelation(c.r, known, existing)
		switch {
		case c.inText == "" && err != nil:
			t.Errorf("%s: unexpected %v", c.name, err)
		case c.inText != "" && (err == nil || !strings.Contains(err.Error(), c.inText)):
			t.Errorf("%s: got %v, want %q", c.name, err, c.inText)
		}
	}
}

func TestDuplicates(t *testing.T) {
	list := []Stakeholder{
		{ID: 1, Name: "Université de Lyon", Kind: KindUniversity},
		{ID: 2, Name: "UNIVERSITE  DE LYON", Kind: KindUniversity},
		{ID: 3, Name: "Université de Lyon", Kind: KindMedia}, // same name, other kind: not a duplicate
		{ID: 4, Name: "Radio Lyon", Kind: KindMedia},
	}
	got := Duplicates(list)
	if len(got) != 1 || len(got[0]) != 2 || got[0][0] != 0 || got[0][1] != 1 {
		t.Errorf("Duplicates = %v", got)
	}
	if i := DuplicateOf(Stakeholder{Name: "radio-lyon", Kind: KindMedia}, list); i != 3 {
		t.Errorf("DuplicateOf = %d, want 3", i)
	}
	if i := DuplicateOf(list[3], list); i != -1 {
		t.Errorf("a stakeholder duplicates itself: %d", i)
	}
}

func TestPlanAndFilter(t *testing.T) {
	list := []Stakeholder{
		{Name: "B", Kind: KindAssociation, Themes: []string{"Jeunesse"},
			Engagement: Engagement{Level: LevelConsult, Steps: []Step{StepDiagnostic}}},
		{Name: "A", Kind: KindFunder, Themes: []string{"Eau"},
			Engagement: Engagement{Level: LevelCodecide, Steps: []Step{StepDiagnostic, StepEvaluation}, Promise: "Sur mesure"}},
		{Name: "C", Kind: KindMedia},
	}
	plan := Plan(list)
	if len(plan) != len(Steps()) {
		t.Fatalf("plan has %d steps", len(plan))
	}
	diag := plan[0].Entries
	if len(diag) != 2 || diag[0].Stakeholder.Name != "A" || diag[0].Promise != "Sur mesure" || diag[1].Ask != LevelConsult.Ask() {
		t.Errorf("diagnostic plan = %+v", diag)
	}
	if n := len(plan[2].Entries); n != 0 {
		t.Errorf("implementation has %d entries", n)
	}
	got := Filter{Theme: "jeunesse"}.Apply(list)
	if len(got) != 1 || got[0].Name != "B" {
		t.Errorf("theme filter = %v", got)
	}
	got = Filter{Kinds: []Kind{KindFunder, KindMedia}, Step: StepEvaluation}.Apply(list)
	if len(got) != 1 || got[0].Name != "A" {
		t.Errorf("kind+step filter = %v", got)
	}
}
