package consultation

import (
	"reflect"
	"testing"
)

func TestTally(t *testing.T) {
	c := sample()
	list := []Contribution{
		{ID: 1, Category: Citizen, Commune: "saint-belval", Age: "18-29", State: Published, Answers: []Answer{
			{QuestionID: 10, Text: "Des échanges de jeunes"}, {QuestionID: 11, Choices: []string{"Oui"}},
			{QuestionID: 12, Choices: []string{"Eau", "Jeunesse"}}, {QuestionID: 13, Choices: []string{"Sénégal", "Maroc", "Allemagne"}}}},
		{ID: 2, Category: Company, Commune: "Saint-Belval ", State: Pending, Answers: []Answer{
			{QuestionID: 10, Text: "Des marchés"}, {QuestionID: 11, Choices: []string{"Non"}},
			{QuestionID: 12, Choices: []string{"Climat"}}, {QuestionID: 13, Choices: []string{"Maroc", "Sénégal"}}}},
		{ID: 3, Category: Citizen, State: Published, Answers: []Answer{
			{QuestionID: 11, Choices: []string{"Oui"}}, {QuestionID: 13, Choices: []string{"Maroc"}}}},
		{ID: 4, Category: Citizen, State: Hidden, Answers: []Answer{{QuestionID: 11, Choices: []string{"Non"}}, {QuestionID: 10, Text: "spam"}}},
	}
	r := Tally(c, list)
	if r.Total != 3 || r.Hidden != 1 {
		t.Fatalf("total %d hidden %d, want 3 and 1", r.Total, r.Hidden)
	}
	if got := counts(r.ByCategory); !reflect.DeepEqual(got, map[string]int{"citoyen": 2, "entreprise": 1, "universite": 0, "association": 0, "organisation": 0}) {
		t.Errorf("by category: %v", got)
	}
	if len(r.ByCommune) != 2 || r.ByCommune[0].Label != "Saint-Belval" || r.ByCommune[0].N != 2 || r.ByCommune[1].Label != "Non renseigné" {
		t.Errorf("by commune: %+v", r.ByCommune)
	}
	single := r.Questions[1]
	if single.Answered != 3 || single.Choices[0].N != 2 || single.Choices[1].N != 1 {
		t.Errorf("single choice: %+v", single)
	}
	if len(single.ByCategory) != 2 || single.ByCategory[0].Category != Citizen || !reflect.DeepEqual(single.ByCategory[0].Counts, []int{2, 0}) {
		t.Errorf("single choice by category: %+v", single.ByCategory)
	}
	multi := r.Questions[2]
	if multi.Answered != 2 || multi.Choices[0].N != 1 || multi.Choices[1].N != 1 || multi.Choices[2].N != 1 {
		t.Errorf("multiple choice: %+v", multi)
	}
	// Borda with 3 choices: first 3 points, second 2, third 1. Maroc 2+3+3 = 8, Sénégal 3+2 = 5, Allemagne 1.
	rank := r.Questions[3]
	want := []ChoiceResult{{Choice: "Maroc", N: 3, Score: 8, First: 2}, {Choice: "Sénégal", N: 2, Score: 5, First: 1}, {Choice: "Allemagne", N: 1, Score: 1}}
	if !reflect.DeepEqual(rank.Choices, want) {
		t.Errorf("ranking: %+v, want %+v", rank.Choices, want)
	}
	// Citizens: Maroc ranked by both, Sénégal by one, Allemagne by one, in the sorted order.
	if !reflect.DeepEqual(rank.ByCategory[0].Counts, []int{2, 1, 1}) {
		t.Errorf("ranking by category: %+v", rank.ByCategory)
	}
	open := r.Questions[0]
	if open.Answered != 2 || len(open.Texts) != 2 || open.Texts[0].Text != "Des marchés" {
		t.Errorf("open texts (newest first, hidden left out): %+v", open.Texts)
	}
	if pub := open.PublicTexts(); len(pub) != 1 || pub[0].Text != "Des échanges de jeunes" {
		t.Errorf("public texts: %+v", pub)
	}
	if Percent(1, 3) != 33 || Percent(2, 3) != 67 || Percent(0, 0) != 0 {
		t.Error("Percent rounds wrongly")
	}
}

func counts(cs []Count) map[string]int {
	m := map[string]int{}
	for _, c := range cs {
		m[c.Key] = c.N
	}
	return m
}
