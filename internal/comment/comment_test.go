package comment

import (
	"reflect"
	"strings"
	"testing"

	"boussole/internal/access"
)

func TestParseMentions(t *testing.T) {
	members := []Member{
		{UserID: 1, Name: "Anne", Email: "anne@ville.fr"},
		{UserID: 2, Name: "Anne Marie Dupont", Email: "amd@ville.fr"},
		{UserID: 3, Name: "Élodie Roux", Email: "elodie.roux@reseau.org"},
	}
	for _, tc := range []struct {
		body     string
		ids      []int64
		mentions []string
	}{
		{"Merci @Anne.", []int64{1}, []string{"@Anne"}},
		{"@anne marie dupont, pouvez-vous relire ?", []int64{2}, []string{"@anne marie dupont"}},
		{"Voir avec @élodie roux et @Anne puis @Anne", []int64{3, 1}, []string{"@élodie roux", "@Anne", "@Anne"}},
		{"Écrire à @elodie.roux@reseau.org.", []int64{3}, []string{"@elodie.roux@reseau.org"}},
		{"anne@ville.fr n'est pas une mention", nil, nil},
		{"@Annette n'est pas membre", nil, nil},
		{"@ seul", nil, nil},
		{"Merci @elodie roux !", []int64{3}, []string{"@elodie roux"}},
		{"", nil, nil},
	} {
		segs, ids := Parse(tc.body, members)
		if !reflect.DeepEqual(ids, tc.ids) {
			t.Errorf("%q: ids %v, want %v", tc.body, ids, tc.ids)
		}
		var got []string
		var whole strings.Builder
		for _, s := range segs {
			whole.WriteString(s.Text)
			if s.Mention {
				got = append(got, s.Text)
			}
		}
		if !reflect.DeepEqual(got, tc.mentions) {
			t.Errorf("%q: mentions %q, want %q", tc.body, got, tc.mentions)
		}
		if whole.String() != tc.body {
			t.Errorf("%q: segments give back %q", tc.body, whole.String())
		}
	}
}

func TestCheck(t *testing.T) {
	if Check("  \n ") == "" {
		t.Error("an empty comment is accepted")
	}
	if Check(strings.Repeat("é", MaxLength)) != "" {
		t.Error("a comment at the limit is refused")
	}
	if msg := Check(strings.Repeat("é", MaxLength+1)); !strings.Contains(msg, "4\u202f000 caractères au plus") || !strings.Contains(msg, "4\u202f001") {
		t.Errorf("message over the limit: %q", msg)
	}
}

// TestWhoMayCommentWhere follows the permission table: partners comment where they can read and never on
// the stakeholder map; readers read and never write.
func TestWhoMayCommentWhere(t *testing.T) {
	for _, tc := range []struct {
		role       access.Role
		kind       Kind
		read, post bool
	}{
		{access.Elected, KindStakeholder, true, true},
		{access.Accompagnateur, KindSWOT, true, true},
		{access.Partner, KindObjective, true, true},
		{access.Partner, KindStakeholder, false, false},
		{access.Partner, KindSWOT, false, false},
		{access.Reader, KindIndicator, true, false},
		{access.Reader, KindStakeholder, true, false},
		{access.Agent, Kind("projet"), false, false},
		{access.Role("x"), KindStrategy, false, false},
	} {
		if got := CanRead(tc.role, tc.kind); got != tc.read {
			t.Errorf("CanRead(%s, %s) = %v", tc.role, tc.kind, got)
		}
		if got := CanWrite(tc.role, tc.kind); got != tc.post {
			t.Errorf("CanWrite(%s, %s) = %v", tc.role, tc.kind, got)
		}
	}
	if got := Readable(access.Partner); reflect.DeepEqual(got, Kinds) || len(got) != len(Kinds)-2 {
		t.Errorf("partner reads %v", got)
	}
}
