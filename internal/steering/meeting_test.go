package steering

import (
	"strings"
	"testing"
	"time"
)

func TestMeetingCheck(t *testing.T) {
	ok := Meeting{Kind: Committee, Title: "Comité de pilotage 2027", Date: time.Date(2027, 6, 24, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		name  string
		edit  func(*Meeting)
		field string
		msg   string
	}{
		{"kind", func(m *Meeting) { m.Kind = "fete" }, "kind", "type"},
		{"title", func(m *Meeting) { m.Title = " " }, "title", "intitulé"},
		{"date", func(m *Meeting) { m.Date = time.Time{} }, "date", "date"},
		{"minutes", func(m *Meeting) { m.Minutes = strings.Repeat("é", MaxText+1) }, "minutes", "20 000"},
	} {
		m := ok
		tc.edit(&m)
		if got := m.Check()[tc.field]; !strings.Contains(got, tc.msg) {
			t.Errorf("%s: %q", tc.name, got)
		}
	}
	if errs := ok.Check(); len(errs) != 0 {
		t.Errorf("sound meeting refused: %v", errs)
	}
}

func TestMeetingFigures(t *testing.T) {
	m := Meeting{Invited: []int64{1, 2, 3}, Attended: []int64{2, 3, 9}, Decisions: " Lancer l'appel FICOL \n\n Réunir le groupe eau\n",
		Place: "Salle du conseil", Online: true, Kind: Cafe, Date: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	if came, inv := m.Attendance(); came != 2 || inv != 3 {
		t.Errorf("attendance %d/%d", came, inv)
	}
	if d := m.DecisionList(); len(d) != 2 || d[0] != "Lancer l'appel FICOL" {
		t.Errorf("decisions %q", d)
	}
	if m.Where() != "Salle du conseil, et en ligne" || (Meeting{}).Where() != "lieu non renseigné" {
		t.Errorf("where: %q", m.Where())
	}
	if m.Summary() != "Café thématique du 1er janvier 2027 (Salle du conseil, et en ligne)" {
		t.Errorf("summary: %q", m.Summary())
	}
	if !m.Past(time.Date(2027, 1, 2, 8, 0, 0, 0, time.UTC)) || m.Past(time.Date(2027, 1, 1, 23, 0, 0, 0, time.UTC)) {
		t.Error("Past is wrong")
	}
}
