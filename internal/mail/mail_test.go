package mail

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"boussole/internal/mail/mailtest"
)

func TestNew(t *testing.T) {
	s, err := New("", "", slog.Default())
	if err != nil || s.Configured() {
		t.Errorf("empty URL must give the log sender: %v", err)
	}
	if _, err := New("http://x", "a@b", slog.Default()); err == nil {
		t.Error("non-SMTP URL accepted")
	}
	if _, err := New("smtp://h:25", "", slog.Default()); err == nil {
		t.Error("SMTP without sender address accepted")
	}
	if s, err := New("smtp://u:p@h:587", "a@b.fr", slog.Default()); err != nil || !s.Configured() {
		t.Errorf("valid SMTP URL: %v", err)
	}
}

func TestCompose(t *testing.T) {
	msg := string(Compose("a@b.fr", "c@d.fr", "Réinitialisation", "Bonjour\nLien", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
	if !strings.Contains(msg, "Subject: =?utf-8?q?R=C3=A9initialisation?=") {
		t.Errorf("subject not encoded: %s", msg)
	}
	if !strings.Contains(msg, "\r\n\r\nBonjour\r\nLien") {
		t.Errorf("body lines: %q", msg)
	}
}

func TestSMTPSenderDeliversToAPeer(t *testing.T) {
	srv := mailtest.Start(t)
	s, err := New(srv.URL(), "boussole@ville.fr", slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send("agent@ville.fr", "Réinitialisation", "Bonjour\n.point en tête\nLien"); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("messages = %d", len(msgs))
	}
	m := msgs[0]
	if m.From != "boussole@ville.fr" || len(m.To) != 1 || m.To[0] != "agent@ville.fr" {
		t.Errorf("envelope = %q → %q", m.From, m.To)
	}
	if !strings.Contains(m.Data, "\r\n\r\nBonjour\r\n.point en tête\r\nLien") {
		t.Errorf("data = %q", m.Data)
	}
}
