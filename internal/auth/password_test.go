package auth

import (
	"errors"
	"strings"
	"testing"
)

func TestPasswordRoundTrip(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash format: %s", h)
	}
	if err := CheckPassword(h, "correct horse battery"); err != nil {
		t.Errorf("right password refused: %v", err)
	}
	if err := CheckPassword(h, "wrong"); !errors.Is(err, ErrMismatch) {
		t.Errorf("wrong password: %v", err)
	}
	h2, _ := HashPassword("correct horse battery")
	if h == h2 {
		t.Error("two hashes of one password must differ by their salt")
	}
	if err := CheckPassword("$bcrypt$x", "a"); err == nil || errors.Is(err, ErrMismatch) {
		t.Errorf("foreign format: %v", err)
	}
	if err := CheckNobody("x"); !errors.Is(err, ErrMismatch) {
		t.Error("CheckNobody must fail")
	}
}

func TestTokens(t *testing.T) {
	a, ha := NewToken()
	b, _ := NewToken()
	if a == b || len(a) < 40 {
		t.Errorf("tokens %q %q", a, b)
	}
	if HashToken(a) != ha || ha == a {
		t.Error("hash mismatch")
	}
}
