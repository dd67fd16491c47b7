package consultation

import (
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// sample is an open consultation from 1 to 31 March 2027 with one question of each kind.
func sample() Consultation {
	return Consultation{ID: 1, Title: "Nos priorités internationales", OpensOn: day(2027, 3, 1), ClosesOn: day(2027, 3, 31),
		Status: Open, RetentionMonths: 12, AskCommune: true, AskAge: true,
		Questions: []Question{
			{ID: 10, Kind: OpenText, Prompt: "Qu'attendez-vous ?"},
			{ID: 11, Kind: Single, Prompt: "Connaissez-vous les jumelages ?", Choices: []string{"Oui", "Non"}, Required: true},
			{ID: 12, Kind: Multiple, Prompt: "Quels thèmes ?", Choices: []string{"Eau", "Jeunesse", "Climat"}},
			{ID: 13, Kind: Ranking, Prompt: "Classez les pays", Choices: []string{"Sénégal", "Maroc", "Allemagne"}},
		}}
}

func TestPhase(t *testing.T) {
	c := sample()
	for _, tc := range []struct {
		status Status
		at     time.Time
		want   Phase
	}{
		{Draft, day(2027, 3, 10), PhaseDraft},
		{Open, day(2027, 2, 28).Add(23 * time.Hour), PhaseUpcoming},
		{Open, day(2027, 3, 1), PhaseOpen},
		{Open, day(2027, 3, 31).Add(23*time.Hour + 59*time.Minute), PhaseOpen},
		{Open, day(2027, 4, 1), PhaseClosed},
		{Closed, day(2027, 3, 10), PhaseClosed},
	} {
		c.Status = tc.status
		if got := c.Phase(tc.at); got != tc.want {
			t.Errorf("%s at %s: phase %s, want %s", tc.status, tc.at, got, tc.want)
		}
	}
}

func TestConsultationCheck(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*Consultation)
		field string
		msg   string
	}{
		{"no title", func(c *Consultation) { c.Title = "" }, "title", "titre"},
		{"long title", func(c *Consultation) { c.Title = strings.Repeat("é", MaxTitle+1) }, "title", "200 caractères"},
		{"closes before it opens", func(c *Consultation) { c.ClosesOn = day(2027, 2, 1) }, "closes_on", "1er mars 2027"},
		{"no opening", func(c *Consultation) { c.OpensOn = time.Time{} }, "opens_on", "ouverture"},
		{"retention zero", func(c *Consultation) { c.RetentionMonths = 0 }, "retention", "entre 1 et 36"},
		{"retention too long", func(c *Consultation) { c.RetentionMonths = 37 }, "retention", "36 mois"},
		{"unknown category", func(c *Consultation) { c.Categories = []Category{"pirate"} }, "categories", "liste"},
	} {
		c := sample()
		tc.edit(&c)
		errs := c.Check()
		if !strings.Contains(errs[tc.field], tc.msg) {
			t.Errorf("%s: %q at %s, want it to say %q (all: %v)", tc.name, errs[tc.field], tc.field, tc.msg, errs)
		}
	}
	if errs := sample().Check(); len(errs) != 0 {
		t.Errorf("a sound consultation is refused: %v", errs)
	}
	if msg := (Consultation{}).CanOpen(); msg == "" {
		t.Error("a consultation without questions can be opened")
	}
}

func TestQuestionCheck(t *testing.T) {
	for _, tc := range []struct {
		name  string
		q     Question
		field string
		msg   string
	}{
		{"no prompt", Question{Kind: OpenText}, "prompt", "Écrivez"},
		{"bad kind", Question{Kind: "sondage", Prompt: "?"}, "kind", "type"},
		{"one choice", Question{Kind: Single, Prompt: "?", Choices: []string{"Oui"}}, "choices", "deux choix"},
		{"duplicate choice", Question{Kind: Ranking, Prompt: "?", Choices: []string{"Eau", "eau"}}, "choices", "deux fois"},
		{"long choice", Question{Kind: Multiple, Prompt: "?", Choices: []string{strings.Repeat("é", 201), "b"}}, "choices", "trop long"},
	} {
		if got := tc.q.Check()[tc.field]; !strings.Contains(got, tc.msg) {
			t.Errorf("%s: %q at %s, want %q", tc.name, got, tc.field, tc.msg)
		}
	}
	if errs := (Question{Kind: OpenText, Prompt: "?", Choices: []string{"gardé"}}).Check(); len(errs) != 0 {
		t.Errorf("an open question refuses the choices it keeps unused: %v", errs)
	}
	if got := ParseChoices(" Eau \n\n Jeunesse\r\n"); len(got) != 2 || got[0] != "Eau" || got[1] != "Jeunesse" {
		t.Errorf("ParseChoices: %q", got)
	}
}

func TestValidate(t *testing.T) {
	c := sample()
	during := day(2027, 3, 15).Add(10 * time.Hour)
	ok := Contribution{Category: Citizen, Answers: []Answer{{QuestionID: 11, Choices: []string{"Oui"}}}}
	for _, tc := range []struct {
		name  string
		edit  func(*Contribution)
		at    time.Time
		field string
		msg   string
	}{
		{"after closing", nil, day(2027, 4, 2), FieldWhole, "close depuis le 1er avril 2027"},
		{"before opening", nil, day(2027, 2, 2), FieldWhole, "ouvrira le 1er mars 2027"},
		{"no category", func(k *Contribution) { k.Category = "" }, during, FieldCategory, "à quel titre"},
		{"required question", func(k *Contribution) { k.Answers = []Answer{{QuestionID: 10, Text: "Plus d'échanges"}} }, during, AnswerField(11), "demande une réponse"},
		{"huge text", func(k *Contribution) {
			k.Answers = append(k.Answers, Answer{QuestionID: 10, Text: strings.Repeat("a", 10001)})
		}, during, AnswerField(10), "10001 caractères : 10000 au plus"},
		{"unknown choice", func(k *Contribution) { k.Answers = []Answer{{QuestionID: 11, Choices: []string{"Peut-être"}}} }, during, AnswerField(11), "proposées"},
		{"two single choices", func(k *Contribution) { k.Answers = []Answer{{QuestionID: 11, Choices: []string{"Oui", "Non"}}} }, during, AnswerField(11), "seule"},
		{"ranked twice", func(k *Contribution) {
			k.Answers = append(k.Answers, Answer{QuestionID: 13, Choices: []string{"Maroc", "Maroc"}})
		}, during, AnswerField(13), "qu'une fois"},
		{"email without use", func(k *Contribution) { k.Email = "a@b.fr" }, during, FieldEmailUse, "à quoi"},
		{"use without email", func(k *Contribution) { k.EmailUse = EmailResults }, during, FieldEmail, "Indiquez votre adresse"},
		{"bad email", func(k *Contribution) { k.Email, k.EmailUse = "pas-une-adresse", EmailConfirm }, during, FieldEmail, "valide"},
		{"bad age", func(k *Contribution) { k.Age = "12" }, during, FieldAge, "tranche"},
		{"long pseudonym", func(k *Contribution) { k.Pseudonym = strings.Repeat("x", 81) }, during, FieldPseudonym, "80"},
	} {
		k := ok
		k.Answers = append([]Answer(nil), ok.Answers...)
		if tc.edit != nil {
			tc.edit(&k)
		}
		errs := Validate(c, k, tc.at)
		if !strings.Contains(errs[tc.field], tc.msg) {
			t.Errorf("%s: %q at %q, want %q (all: %v)", tc.name, errs[tc.field], tc.field, tc.msg, errs)
		}
	}
	if errs := Validate(c, ok, during); len(errs) != 0 {
		t.Errorf("a sound contribution is refused: %v", errs)
	}
	c.Questions[1].Required = false
	if errs := Validate(c, Contribution{Category: Citizen}, during); !strings.Contains(errs[FieldWhole], "vide") {
		t.Errorf("an empty contribution: %v", errs)
	}
}

func TestFingerprint(t *testing.T) {
	a := Contribution{Answers: []Answer{{QuestionID: 10, Text: "Plus d'échanges "}}}
	b := Contribution{Answers: []Answer{{QuestionID: 10, Text: "Plus d'échanges"}}, Pseudonym: "autre"}
	c := Contribution{Answers: []Answer{{QuestionID: 10, Text: "Moins d'échanges"}}}
	if Fingerprint(a) != Fingerprint(b) {
		t.Error("the same answers have different fingerprints")
	}
	if Fingerprint(a) == Fingerprint(c) {
		t.Error("different answers share a fingerprint")
	}
}
