package consultation

import (
	"slices"
	"strings"
	"testing"
)

func TestParseThemes(t *testing.T) {
	got, msg := ParseThemes("  eau ;Jeunesse,  eau  , ÉCONOMIE  locale,\n jeunesse,,")
	if msg != "" || !slices.Equal(got, []string{"eau", "Jeunesse", "ÉCONOMIE locale"}) {
		t.Errorf("themes %q, %q", got, msg)
	}
	if got, msg := ParseThemes(" , ; "); msg != "" || len(got) != 0 {
		t.Errorf("nothing typed: %q, %q", got, msg)
	}
	if _, msg := ParseThemes(strings.Repeat("é", MaxThemeLen+1)); !strings.Contains(msg, "trop long") {
		t.Errorf("a long theme: %q", msg)
	}
	if _, msg := ParseThemes("a,b,c,d,e,f,g,h,i"); !strings.Contains(msg, "8 thèmes au plus") {
		t.Errorf("too many themes: %q", msg)
	}
}

func TestCountThemes(t *testing.T) {
	open := []Answer{{QuestionID: 1, Text: "Plus d'échanges"}}
	list := []Contribution{
		{State: Published, Themes: []string{"eau", "jeunesse"}, Answers: open},
		{State: Pending, Themes: []string{"Eau"}, Answers: open},
		{State: Hidden, Themes: []string{"eau"}, Answers: open},                          // hidden: counts nowhere
		{State: Published, Answers: open},                                                // still to read
		{State: Published, Answers: []Answer{{QuestionID: 2, Choices: []string{"oui"}}}}, // no open answer: nothing to file
	}
	counts, untagged := CountThemes(list)
	if !slices.Equal(counts, []ThemeCount{{"eau", 2}, {"jeunesse", 1}}) || untagged != 1 {
		t.Errorf("counts %+v, untagged %d", counts, untagged)
	}
}
