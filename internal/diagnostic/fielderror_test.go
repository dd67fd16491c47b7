package diagnostic

import (
	"boussole/internal/fielderr"
	"errors"
	"testing"
)

func TestErrors(t *testing.T) {
	var none fielderr.List
	if none.Err() != nil || none.Has("x") || none.For("x") != "" {
		t.Fatal("an empty list must read as valid")
	}
	var errs fielderr.List
	requireText(&errs, "title", "", 10)
	limitText(&errs, "comment", "éééé", 3)
	limitText(&errs, "ok", "ééé", 3)
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
	var back fielderr.List
	if err := errs.Err(); !errors.As(err, &back) || len(back) != 2 || err.Error() != "Ce champ est obligatoire. Ce texte ne doit pas dépasser 3 caractères (il en compte 4)." {
		t.Errorf("Err() = %v", err)
	}
}
