package apitoken

import (
	"testing"
	"time"

	"boussole/internal/access"
)

func TestSecretShapeAndHash(t *testing.T) {
	secret, hash, prefix := NewSecret()
	other, _, _ := NewSecret()
	if secret == other || !LooksLikeSecret(secret) || LooksLikeSecret("bsl_court") || LooksLikeSecret(hash) {
		t.Errorf("secret %q, other %q", secret, other)
	}
	if Hash(secret) != hash || hash == secret || prefix != secret[:10] {
		t.Errorf("hash %q prefix %q", hash, prefix)
	}
}

func TestStatusAndAllows(t *testing.T) {
	now := time.Now()
	tok := Token{ExpiresAt: now.Add(time.Hour)}
	if tok.Status(now) != Active || tok.Status(now.Add(2*time.Hour)) != Expired {
		t.Error("expiry")
	}
	tok.RevokedAt = now
	if tok.Status(now) != Revoked {
		t.Error("revocation")
	}
	read := Token{}
	if !read.Allows(access.Agent, access.ViewWorkspace) || read.Allows(access.Agent, access.EditContent) {
		t.Error("a read-only token")
	}
	write := Token{Writable: true}
	if !write.Allows(access.Agent, access.EditContent) || write.Allows(access.Reader, access.EditContent) || write.Allows(access.Partner, access.ViewInternal) {
		t.Error("a read-write token goes beyond its owner's role")
	}
}

func TestValidateName(t *testing.T) {
	if ValidateName("  ") == "" || ValidateName(string(make([]rune, 81))) == "" || ValidateName("tableur") != "" {
		t.Error("names")
	}
}
