package communication

import (
	"strings"
	"testing"
	"time"
)

func TestActionCheck(t *testing.T) {
	start := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	ok := Action{Kind: ThematicCafe, Title: "Café thématique Sénégal", Start: start}
	for _, tc := range []struct {
		edit  func(*Action)
		field string
		msg   string
	}{
		{func(a *Action) { a.Kind = "affiche" }, "kind", "type"},
		{func(a *Action) { a.Title = "" }, "title", "intitulé"},
		{func(a *Action) { a.Start = time.Time{} }, "start_on", "début"},
		{func(a *Action) { a.End = start.AddDate(0, 0, -1) }, "end_on", "après"},
		{func(a *Action) { a.Owner = strings.Repeat("x", 201) }, "owner", "200"},
	} {
		a := ok
		tc.edit(&a)
		if got := a.Check()[tc.field]; !strings.Contains(got, tc.msg) {
			t.Errorf("%s: %q", tc.field, got)
		}
	}
	if len(ok.Check()) != 0 {
		t.Error("a sound action is refused")
	}
	if !ThematicCafe.Internal() || SocialNetworks.Internal() || len(Kinds()) != 9 || Kind("x").Valid() {
		t.Error("kinds are wrong")
	}
}
