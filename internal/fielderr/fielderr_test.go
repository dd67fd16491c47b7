package fielderr

import (
	"errors"
	"fmt"
	"testing"
)

func TestList(t *testing.T) {
	var l List
	if l.Err() != nil || l.Has("titre") {
		t.Fatalf("an empty list is no error: %v", l.Err())
	}
	l.Add("titre", "Le titre est obligatoire.")
	l.Addf("cout", "Le coût « %s » n'est pas un montant.", "douze")
	l.Add("titre", "Un second message.")
	if got := l.For("titre"); got != "Le titre est obligatoire." {
		t.Errorf("For(titre) = %q, want the first message", got)
	}
	if l.For("autre") != "" || !l.Has("cout") {
		t.Errorf("For(autre) = %q, Has(cout) = %v", l.For("autre"), l.Has("cout"))
	}
	var got List
	if err := fmt.Errorf("store: %w", l.Err()); !errors.As(err, &got) || len(got) != 3 {
		t.Fatalf("the list does not travel wrapped: %v", err)
	}
	if want := "Le titre est obligatoire. Le coût « douze » n'est pas un montant. Un second message."; got.Error() != want {
		t.Errorf("Error() = %q, want %q", got.Error(), want)
	}
	var one Error
	if err := fmt.Errorf("store: %w", Error{"relation", "Choisissez un acteur."}); !errors.As(err, &one) || one.Error() != "Choisissez un acteur." {
		t.Errorf("a single refusal reads %q", one.Error())
	}
}
