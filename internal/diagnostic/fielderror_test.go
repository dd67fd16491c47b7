package diagnostic

import (
	"errors"
	"testing"
)

func TestErrors(t *testing.T) {
	var none Errors
	if none.Err() != nil || none.Has("x") || none.For("x") != "" {
		t.Fatal("an empty list must read as valid")
	}
	var errs Errors
	errs.requireText("title", "", 10)
	errs.limitText("comment", "éééé", 3)
	errs.limitText("ok", "ééé", 3)
	for _, tc := range []struct {
		field, want string
	}{
		{"title", "Ce champ est obligatoire."},
		{"comment", "Ce texte ne doit pas dépasser 3 caractères (il en compte 4)."},
		{"ok", ""},
	} {
		if got := errs.For(tc.field); got != tc.want {
			t.Errorf("For(%q) = %q, want %q", tc.field, got, tc.want)
		}
	}
	var back Errors
	if err := errs.Err(); !errors.As(err, &back) || len(back) != 2 || err.Error() != "title : Ce champ est obligatoire. ; comment : Ce texte ne doit pas dépasser 3 caractères (il en compte 4)." {
		t.Errorf("Err() = %v", err)
	}
}
