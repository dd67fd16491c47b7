// Package mail sends the few emails Boussole writes (password resets, invitations) through SMTP, or, when
// no mail server is configured, writes them to the log so that the platform administrator can pass them on.
package mail

import (
	"fmt"
	"log/slog"
	"mime"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

// Sender delivers one message.
type Sender interface {
	Send(to, subject, body string) error
	// Configured reports whether messages really leave the platform.
	Configured() bool
}

// New returns an SMTP sender for a URL such as smtp://user:password@host:587, or the log sender when the
// URL is empty.
func New(smtpURL, from string, log *slog.Logger) (Sender, error) {
	if smtpURL == "" {
		return logSender{log: log}, nil
	}
	u, err := url.Parse(smtpURL)
	if err != nil || u.Scheme != "smtp" || u.Host == "" {
		return nil, fmt.Errorf("mail: adresse SMTP invalide (attendu : smtp://utilisateur:motdepasse@hote:587)")
	}
	if from == "" {
		return nil, fmt.Errorf("mail: BOUSSOLE_MAIL_FROM est requis avec un serveur SMTP")
	}
	s := smtpSender{addr: u.Host, from: from}
	if u.User != nil {
		pass, _ := u.User.Password()
		s.auth = smtp.PlainAuth("", u.User.Username(), pass, u.Hostname())
	}
	return s, nil
}

type logSender struct{ log *slog.Logger }

func (l logSender) Send(to, subject, body string) error {
	l.log.Info("courriel non envoyé (aucun serveur SMTP configuré)", "à", to, "objet", subject, "texte", body)
	return nil
}

func (logSender) Configured() bool { return false }

type smtpSender struct {
	addr string
	from string
	auth smtp.Auth
}

func (s smtpSender) Send(to, subject, body string) error {
	msg := Compose(s.from, to, subject, body, time.Now())
	if err := smtp.SendMail(s.addr, s.auth, s.from, []string{to}, msg); err != nil {
		return fmt.Errorf("mail: unable to send to %s: %w", to, err)
	}
	return nil
}

func (smtpSender) Configured() bool { return true }

// Compose builds an RFC 5322 message in UTF-8 with an encoded subject.
func Compose(from, to, subject, body string, at time.Time) []byte {
	var b strings.Builder
	b.WriteString("From: " + from + "\r\n")
	b.WriteString("To: " + to + "\r\n")
	b.WriteString("Subject: " + mime.QEncoding.Encode("utf-8", subject) + "\r\n")
	b.WriteString("Date: " + at.Format(time.RFC1123Z) + "\r\n")
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	b.WriteString(strings.ReplaceAll(body, "\n", "\r\n"))
	return []byte(b.String())
}
