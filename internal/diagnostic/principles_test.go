package diagnostic

import (
	"strings"
	"testing"
)

func TestPrinciplesAreTheGuidesFive(t *testing.T) {
	want := []string{"Capitalisation", "Ciblage de l'intervention", "Mobilisation de la société", "Réciprocité et horizontalité", "Élaboration de long terme"}
	ps := Principles()
	if len(ps) != len(want) {
		t.Fatalf("got %d principles", len(ps))
	}
	for i, p := range ps {
		if p.Name != want[i] || p.Definition == "" {
			t.Errorf("principle %d = %+v, want name %q with a definition", i, p, want[i])
		}
	}
}

func TestRatingValidAndLabel(t *testing.T) {
	labels := map[string]bool{}
	for _, tc := range []struct {
		r     Rating
		valid bool
	}{{0, false}, {1, true}, {2, true}, {3, true}, {4, true}, {5, false}, {-1, false}} {
		if tc.r.Valid() != tc.valid {
			t.Errorf("Rating(%d).Valid() = %v", tc.r, !tc.valid)
		}
		if tc.valid {
			labels[tc.r.Label()] = true
		} else if tc.r.Label() != "Non évalué" {
			t.Errorf("Rating(%d).Label() = %q", tc.r, tc.r.Label())
		}
	}
	if len(labels) != 4 {
		t.Errorf("want 4 distinct labels, got %v", labels)
	}
}

func TestPrincipleAssessmentValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		a     PrincipleAssessment
		field string
	}{
		{"valid", PrincipleAssessment{Principle: "reciprocite", Rating: RatingPartly, Comment: "Peu d'accueil des partenaires."}, ""},
		{"valid without comment", PrincipleAssessment{Principle: "long-terme", Rating: RatingFully}, ""},
		{"unknown principle", PrincipleAssessment{Principle: "rentabilite", Rating: RatingFully}, "principle"},
		{"no rating", PrincipleAssessment{Principle: "ciblage"}, "rating"},
		{"rating too high", PrincipleAssessment{Principle: "ciblage", Rating: 5}, "rating"},
		{"comment too long", PrincipleAssessment{Principle: "ciblage", Rating: 2, Comment: strings.Repeat("x", maxComment+1)}, "comment"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkErrors(t, tc.a.Validate(), tc.field) })
	}
}

func TestConditionsStartWithPoliticalBacking(t *testing.T) {
	cs := Conditions()
	if cs[0].Code != "portage-politique" {
		t.Fatalf("first condition = %q, want portage-politique", cs[0].Code)
	}
	for _, code := range []string{"co-construction", "competences", "ancrage", "diagnostic", "ecosysteme", "financements", "temps-ressources"} {
		found := false
		for _, c := range cs {
			found = found || c.Code == code
		}
		if !found {
			t.Errorf("condition %q missing", code)
		}
	}
}

func TestMissingConditions(t *testing.T) {
	all := make([]string, 0)
	for _, c := range Conditions() {
		all = append(all, c.Code)
	}
	for _, tc := range []struct {
		name      string
		met       []string
		wantFirst string
		wantLen   int
	}{
		{"nothing met", nil, "portage-politique", len(all)},
		{"everything met", all, "", 0},
		{"backing met", []string{"portage-politique"}, "sensibilisation", len(all) - 1},
		{"others met, backing still first", all[1:], "portage-politique", 1},
		{"unknown codes ignored", []string{"inconnu", " diagnostic "}, "portage-politique", len(all) - 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := MissingConditions(tc.met)
			if len(got) != tc.wantLen {
				t.Fatalf("got %d missing, want %d", len(got), tc.wantLen)
			}
			if tc.wantLen > 0 && got[0].Code != tc.wantFirst {
				t.Errorf("first missing = %q, want %q", got[0].Code, tc.wantFirst)
			}
		})
	}
}
