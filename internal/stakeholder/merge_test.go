package stakeholder

import (
	"reflect"
	"testing"
)

func TestMergeKeepsWhatTheRowDoesNotSay(t *testing.T) {
	existing := Stakeholder{ID: 4, Name: "Radio Belval", Kind: KindMedia, Contact: "Léa", Themes: []string{"Culture"},
		Power:      Power{Normative: Score{2, "audience locale"}},
		Context:    Context{PriorExperience: Flag{true, "émission 2022"}},
		Engagement: Engagement{Level: LevelInform, Steps: []Step{StepEvaluation}, Promise: "bulletin"}}
	incoming := Stakeholder{Name: "RADIO BELVAL", Kind: KindMedia, Territory: "Belval", Themes: []string{"culture", "Jeunesse"},
		Power:      Power{Normative: Score{0, ""}, Mobilising: Score{3, "relaie les appels"}},
		Engagement: Engagement{Level: LevelConsult, Steps: []Step{StepDiagnostic}}}
	got := MergeInto(existing, incoming)
	want := existing
	want.Territory = "Belval"
	want.Themes = []string{"Culture", "Jeunesse"}
	want.Power.Mobilising = Score{3, "relaie les appels"}
	want.Engagement.Level = LevelConsult
	want.Engagement.Steps = []Step{StepDiagnostic, StepEvaluation}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MergeInto =\n%+v\nwant\n%+v", got, want)
	}
}

func TestMatchesQuery(t *testing.T) {
	s := Stakeholder{Name: "Université Lumière Lyon 2", Territory: "Lyon", Themes: []string{"Éducation"}}
	for q, want := range map[string]bool{"": true, "univ lyon": true, "EDUCATION": true, "lumiere": true, "grenoble": false, "univ grenoble": false} {
		if got := s.MatchesQuery(q); got != want {
			t.Errorf("MatchesQuery(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestThemes(t *testing.T) {
	list := []Stakeholder{{Themes: []string{"Eau", "Culture"}}, {Themes: []string{"eau", "Éducation"}}}
	if got, want := Themes(list), []string{"Culture", "Eau", "Éducation"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Themes = %q, want %q", got, want)
	}
}
