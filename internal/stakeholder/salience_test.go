package stakeholder

import (
	"strings"
	"testing"
)

// mk builds a stakeholder from the strongest power kind (coercive), public good and interest in the object.
func mk(coercive, publicGood, object int) Stakeholder {
	return Stakeholder{Name: "Acteur", Kind: KindAssociation,
		Power:      Power{Coercive: Score{Value: coercive}},
		Legitimacy: Legitimacy{PublicGood: Score{Value: publicGood}},
		Interest:   Interest{Object: Score{Value: object}},
	}
}

func TestSalienceEveryClass(t *testing.T) {
	cases := []struct {
		name    string
		s       Stakeholder
		want    Class
		quad    Quadrant
		inLabel string
	}{
		{"all three", mk(3, 2, 2), ClassDefinitive, QuadrantManageClosely, "définitive"},
		{"power and legitimacy", mk(2, 3, 1), ClassDominant, QuadrantKeepSatisfied, "dominante"},
		{"power and interest", mk(3, 0, 3), ClassDangerous, QuadrantManageClosely, "dangereuse"},
		{"legitimacy and interest", mk(1, 2, 2), ClassDependent, QuadrantKeepInformed, "dépendante"},
		{"power only", mk(2, 1, 1), ClassDormant, QuadrantKeepSatisfied, "dormante"},
		{"legitimacy only", mk(0, 3, 0), ClassDiscretionary, QuadrantMonitor, "discrétionnaire"},
		{"interest only", mk(0, 1, 3), ClassDemanding, QuadrantKeepInformed, "exigeante"},
		{"nothing marked", mk(1, 1, 1), ClassNone, QuadrantMonitor, "Non partie prenante"},
		{"nothing scored yet", mk(0, 0, 0), ClassUnscored, QuadrantMonitor, "non renseignée"},
		{"scored nul with a comment", func() Stakeholder { s := mk(0, 0, 0); s.Power.Coercive.Comment = "aucun levier"; return s }(), ClassNone, QuadrantMonitor, "Non partie prenante"},
		{"threshold is inclusive", mk(Threshold, Threshold, Threshold), ClassDefinitive, QuadrantManageClosely, "définitive"},
	}
	seen := map[Class]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sa := c.s.Salience()
			if sa.Class != c.want {
				t.Errorf("class = %s, want %s", sa.Class, c.want)
			}
			if !strings.Contains(sa.Explanation(), c.inLabel) {
				t.Errorf("explanation %q lacks %q", sa.Explanation(), c.inLabel)
			}
			if q := c.s.Placement().Quadrant; q != c.quad {
				t.Errorf("quadrant = %s, want %s", q, c.quad)
			}
		})
		seen[c.want] = true
	}
	for _, cl := range Classes() {
		if !seen[cl] {
			t.Errorf("class %s not covered", cl)
		}
	}
}

func TestQuadrantEveryCell(t *testing.T) {
	cases := []struct {
		power, interest int
		want            Quadrant
		level           Level
		label           string
	}{
		{3, 3, QuadrantManageClosely, LevelCollaborate, "Gérer de près"},
		{3, 0, QuadrantKeepSatisfied, LevelConsult, "Satisfaire"},
		{1, 2, QuadrantKeepInformed, LevelInform, "Informer"},
		{1, 1, QuadrantMonitor, LevelInform, "Surveiller"},
	}
	seen := map[Quadrant]bool{}
	for _, c := range cases {
		s := Stakeholder{Power: Power{Utilitarian: Score{Value: c.power}}, Interest: Interest{Type: Score{Value: c.interest}}}
		pl := s.Placement()
		if pl.Quadrant != c.want || pl.Quadrant.Label() != c.label || pl.Quadrant.SuggestedLevel() != c.level {
			t.Errorf("power %d interest %d: got %s (%s, %s), want %s (%s, %s)", c.power, c.interest,
				pl.Quadrant, pl.Quadrant.Label(), pl.Quadrant.SuggestedLevel(), c.want, c.label, c.level)
		}
		if !strings.HasPrefix(pl.Explanation(), c.label) || !strings.Contains(pl.Explanation(), "Engagement conseillé") {
			t.Errorf("explanation %q", pl.Explanation())
		}
		seen[pl.Quadrant] = true
	}
	if len(seen) != len(Quadrants()) {
		t.Errorf("covered %d quadrants of %d", len(seen), len(Quadrants()))
	}
}

func TestExplanationNamesDecidingCriteria(t *testing.T) {
	s := Stakeholder{Name: "Région partenaire", Kind: KindPartnerAuthority,
		Power:      Power{Utilitarian: Score{Value: 1}, Normative: Score{Value: 3}, Coercive: Score{Value: 2}},
		Legitimacy: Legitimacy{PublicGood: Score{Value: 1}, Representation: Score{Value: 1}},
		Interest:   Interest{Object: Score{Value: 0}, Type: Score{Value: 3}},
	}
	sa := s.Salience()
	if sa.Class != ClassDangerous {
		t.Fatalf("class = %s", sa.Class)
	}
	ex := sa.Explanation()
	mustHave := []string{
		"pouvoir normatif 3/3", "pouvoir coercitif 2/3", // the kinds of power that reached the threshold
		"intérêt pour le type d'action 3/3",
		"légitimité absente", "travail pour le bien public 1/3", "représentation adaptée à l'international 1/3",
	}
	for _, m := range mustHave {
		if !strings.Contains(ex, m) {
			t.Errorf("explanation lacks %q:\n%s", m, ex)
		}
	}
	mustNot := []string{"pouvoir utilitaire", "intérêt pour l'objet de l'action"} // below threshold, did not decide
	for _, m := range mustNot {
		if strings.Contains(ex, m) {
			t.Errorf("explanation names non-deciding %q:\n%s", m, ex)
		}
	}
	if got := strings.Join(sa.Power.DecidingLabels(), ","); got != "pouvoir normatif,pouvoir coercitif" {
		t.Errorf("deciding power = %s", got)
	}
	pe := s.Placement().Explanation()
	if !strings.Contains(pe, "pouvoir normatif 3/3") || !strings.Contains(pe, "intérêt élevé") {
		t.Errorf("placement explanation: %s", pe)
	}
}

// TestExplanationUnscored: an actor nobody has scored is unknown, never « non partie prenante ».
func TestExplanationUnscored(t *testing.T) {
	ex := mk(0, 0, 0).Salience().Explanation()
	if !strings.Contains(ex, "non renseignée") || strings.Contains(ex, "partie prenante") {
		t.Errorf("explanation %q", ex)
	}
	if mk(0, 0, 0).Scored() || !mk(0, 0, 1).Scored() {
		t.Error("Scored must tell an untouched actor from one with a score")
	}
}

func TestExplanationAllZeroWithAComment(t *testing.T) {
	s := mk(0, 0, 0)
	s.Interest.Object.Comment = "Aucun intérêt exprimé"
	if ex := s.Salience().Explanation(); !strings.Contains(ex, "tous les critères à 0/3") || !strings.Contains(ex, "Non partie prenante") {
		t.Errorf("explanation %q", ex)
	}
}
