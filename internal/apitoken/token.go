// Package apitoken holds the personal access tokens of the API: what one is, how its secret is drawn and
// kept, and what it lets its bearer do on top of its owner's role. No HTTP, no SQL.
package apitoken

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"

	"boussole/internal/access"
)

// Token is a personal access token: its owner's rights in one workspace, read-only or read-write, until
// it expires or is revoked. The secret itself is never stored.
type Token struct {
	ID            int64
	AuthorityID   int64
	AuthorityName string // for the account page
	UserID        int64
	Name          string
	Prefix        string // the secret's first characters, to recognise it in a list
	Writable      bool
	CreatedAt     time.Time
	ExpiresAt     time.Time
	LastUsedAt    time.Time // zero when never used
	RevokedAt     time.Time // zero while it works
}

// secretPrefix marks Boussole's tokens, so that a secret scanner can recognise one pushed by mistake.
const secretPrefix = "bsl_"

// NewSecret draws a secret and returns it with the hash to store and the prefix to show.
func NewSecret() (secret, hash, prefix string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("apitoken: no randomness: " + err.Error())
	}
	secret = secretPrefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, Hash(secret), secret[:len(secretPrefix)+6]
}

// Hash returns the stored form of a secret; secrets are long and random, so a fast hash is enough.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// LooksLikeSecret reports whether s has the shape of a Boussole token, before any lookup.
func LooksLikeSecret(s string) bool {
	return strings.HasPrefix(s, secretPrefix) && len(s) == len(secretPrefix)+43
}

// Status says whether a token works at t.
func (t Token) Status(at time.Time) Status {
	switch {
	case !t.RevokedAt.IsZero():
		return Revoked
	case !t.ExpiresAt.After(at):
		return Expired
	}
	return Active
}

// Status is a token's state.
type Status string

// A token's states.
const (
	Active  Status = "actif"
	Expired Status = "expiré"
	Revoked Status = "révoqué"
)

// Allows reports whether a bearer of the token, whose owner holds role, may perform action: the role
// must allow it, and a read-only token allows only what changes nothing.
func (t Token) Allows(role access.Role, action access.Action) bool {
	return access.Can(role, action) && (t.Writable || !access.Writes(action))
}

// Lifetimes are the choices offered for a new token, in days.
var Lifetimes = []int{30, 90, 365}

// MaxNameLen bounds a token's name.
const MaxNameLen = 80

// ValidateName returns the French refusal of a token name, or "".
func ValidateName(name string) string {
	switch n := utf8.RuneCountInString(strings.TrimSpace(name)); {
	case n == 0:
		return "Nommez le jeton d'après l'outil qui s'en servira (par exemple « tableur du service finances »)."
	case n > MaxNameLen:
		return "Ce nom est trop long : 80 caractères au plus."
	}
	return ""
}
