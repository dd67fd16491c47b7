package stakeholder

import (
	"boussole/internal/fielderr"
	"testing"
)

func TestFieldPathsReachEveryCriterion(t *testing.T) {
	var s Stakeholder
	rated := s.Rated()
	if len(rated) != 8 {
		t.Fatalf("%d criteria", len(rated))
	}
	for i, r := range rated {
		if r.Group == "" || r.Help == "" || r.Label == "" {
			t.Errorf("%s lacks wording: %+v", r.Field, r)
		}
		s.ScoreAt(r.Field).Value = i%3 + 1
	}
	for _, r := range s.Rated() {
		if r.Score.Value == 0 {
			t.Errorf("%s not reached through ScoreAt", r.Field)
		}
	}
	for _, n := range s.Noted() {
		s.FlagAt(n.Field).Present = true
	}
	for _, n := range s.Noted() {
		if !n.Flag.Present || n.Label == "" {
			t.Errorf("%s not reached through FlagAt", n.Field)
		}
	}
	if s.ScoreAt("power.magic") != nil || s.FlagAt("context.magic") != nil {
		t.Error("unknown field paths must give nil")
	}
	// Every field the validation names for a score must be one Rated gives, so messages land at a field.
	bad := Stakeholder{Name: "x", Kind: KindMedia}
	for _, r := range bad.Rated() {
		bad.ScoreAt(r.Field).Value = 9
	}
	errs := bad.Validate().(fielderr.List)
	for _, r := range bad.Rated() {
		if errs.For(r.Field) == "" {
			t.Errorf("no message at %s", r.Field)
		}
	}
}

func TestScoreWord(t *testing.T) {
	for n, want := range map[int]string{0: "nul", 1: "faible", 2: "moyen", 3: "fort", 4: "hors échelle"} {
		if got := ScoreWord(n); got != want {
			t.Errorf("ScoreWord(%d) = %q", n, got)
		}
	}
}
