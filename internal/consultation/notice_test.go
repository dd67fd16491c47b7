package consultation

import (
	"strings"
	"testing"
	"time"
)

func TestNoticeFromTheAuthoritysData(t *testing.T) {
	c := sample()
	ctl := Controller{Name: "Grand Belval Agglomération", Address: "1 place de la Mairie, 00000 Belval", Contact: "participation@belval.test", DPO: "dpo@belval.test"}
	n := NoticeFor(ctl, c)
	for what, got := range map[string]string{
		"controller": n.Controller, "dpo": n.DPO, "basis": n.LegalBasis, "retention": n.Retention, "exercise": n.Exercise,
	} {
		if got == "" {
			t.Errorf("%s is empty", what)
		}
	}
	if !strings.Contains(n.Controller, "1 place de la Mairie") || n.DPO != "dpo@belval.test" || !strings.Contains(n.Exercise, "participation@belval.test") {
		t.Errorf("notice does not carry the authority's data: %+v", n)
	}
	if !strings.Contains(n.LegalBasis, "intérêt public") {
		t.Errorf("legal basis: %s", n.LegalBasis)
	}
	// closes 31 March 2027, kept 12 months: purged on 1 April 2028.
	if !strings.Contains(n.Retention, "1er avril 2028") {
		t.Errorf("retention: %s", n.Retention)
	}
	if !strings.Contains(strings.Join(n.Data, " "), "commune") {
		t.Error("the notice does not list the commune, which the consultation asks")
	}
	c.AskCommune = false
	if strings.Contains(strings.Join(NoticeFor(ctl, c).Data, " "), "commune") {
		t.Error("the notice lists a commune the consultation does not ask")
	}
	empty := NoticeFor(Controller{Name: "Ville"}, c)
	if empty.DPO != "non renseigné" || empty.Controller != "Ville" {
		t.Errorf("missing data: %+v", empty)
	}
	if m := (Controller{Name: "Ville"}).Missing(); len(m) != 3 {
		t.Errorf("missing: %v", m)
	}
	rows := RegisterEntry(ctl, c)
	if len(rows) < 10 || rows[0].Value != "Consultation citoyenne « Nos priorités internationales »" {
		t.Errorf("register entry: %+v", rows)
	}
}

func TestRetention(t *testing.T) {
	c := sample()
	for _, tc := range []struct {
		at   time.Time
		want bool
	}{
		{day(2027, 3, 15), false},
		{day(2028, 3, 31).Add(23 * time.Hour), false},
		{day(2028, 4, 1), true},
		{day(2029, 1, 1), true},
	} {
		if got := c.PurgeDue(tc.at); got != tc.want {
			t.Errorf("PurgeDue(%s) = %v", tc.at, got)
		}
	}
	k := Deidentify(Contribution{Pseudonym: "Camille", Email: "c@b.fr", EmailUse: EmailResults, Commune: "Belval",
		Answers: []Answer{{QuestionID: 10, Text: "texte"}}})
	if k.Pseudonym != "" || k.Email != "" || k.EmailUse != EmailNone || !k.Purged || k.Commune != "Belval" || k.Answers[0].Text != "texte" {
		t.Errorf("Deidentify: %+v", k)
	}
}
