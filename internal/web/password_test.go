package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"boussole/internal/mail/mailtest"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// syncBuffer collects the log lines written by handlers running on other goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var resetLink = regexp.MustCompile(`/mot-de-passe/[A-Za-z0-9_=-]+`)

// lastLink returns the path of the last reset link in text.
func lastLink(t *testing.T, text string) string {
	t.Helper()
	all := resetLink.FindAllString(text, -1)
	if len(all) == 0 {
		t.Fatalf("no reset link in:\n%s", text)
	}
	return all[len(all)-1]
}

// TestPasswordResetEndToEnd asks for two links through the forgot-password page, takes them where a real
// person would (the log or the platform administrator's page without a mail server, the email with one),
// sets a new password with the newer link and signs in with it through the real handlers.
func TestPasswordResetEndToEnd(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		operator := model.User{Email: "operateur@plateforme.test", Name: "Opérateur", PasswordHash: testPasswordHash, PlatformAdmin: true}
		if err := st.CreateUser(ctx, &operator); err != nil {
			t.Fatal(err)
		}
		logs := &syncBuffer{}
		smtp := mailtest.Start(t)
		sources := []struct {
			name string
			app  *testApp
			link func(app *testApp, email string) string
		}{
			{"journal", newTestAppWith(t, st, testSetup{infoLog: logs}), func(app *testApp, _ string) string {
				app.app.WaitForMail()
				return lastLink(t, logs.String())
			}},
			{"administration", newTestApp(t, st), func(app *testApp, email string) string {
				page := app.signIn(operator.Email).get("/administration")
				row := regexp.MustCompile(`<td>` + regexp.QuoteMeta(email) + `</td>.*?</tr>`).FindString(page.body)
				return lastLink(t, row) // the newest request is listed first
			}},
			{"courriel", newTestAppWith(t, st, testSetup{smtpURL: smtp.URL()}), func(app *testApp, email string) string {
				app.app.WaitForMail()
				msgs := smtp.Messages()
				last := msgs[len(msgs)-1]
				if last.To[0] != email || !strings.Contains(last.Data, "Subject: ") {
					t.Fatalf("last message: %+v", last)
				}
				return lastLink(t, last.Data)
			}},
		}
		for i, src := range sources {
			t.Run(src.name, func(t *testing.T) {
				app := src.app
				slug := []string{"ville-alpha", "ville-beta", "ville-gamma"}[i]
				app.workspace(strings.ReplaceAll(slug, "-", " "))
				email := "agent@" + slug + ".test"
				asked := app.client()
				asked.post("/mot-de-passe-oublie", url.Values{"email": {email}}).mustContain(t, "Si un compte existe")
				older := src.link(app, email)
				asked.post("/mot-de-passe-oublie", url.Values{"email": {email}})
				newer := src.link(app, email)
				if older == newer {
					t.Fatalf("both requests gave the same link %s", older)
				}
				kept := app.signIn(email) // a session open before the reset

				asked.get(newer).mustContain(t, "Nouveau mot de passe")
				refused := asked.post(newer, url.Values{"password": {"un tout nouveau mot de passe"}, "confirm": {"un tout nouveau mot de passx"}})
				refused.mustContain(t, "ne sont pas identiques")
				if refused.status != http.StatusUnprocessableEntity || strings.Contains(refused.body, "un tout nouveau") {
					t.Errorf("refused reset: status %d, or the password is written back into the page", refused.status)
				}
				res := asked.post(newer, url.Values{"password": {"un tout nouveau mot de passe"}, "confirm": {"un tout nouveau mot de passe"}})
				if res.status != http.StatusSeeOther || res.location != "/connexion?ok=motdepasse" {
					t.Fatalf("reset: %d %s\n%s", res.status, res.location, res.body)
				}
				asked.get(res.location).mustContain(t, "Votre mot de passe a été changé")
				if res := kept.get("/compte"); res.status != http.StatusSeeOther {
					t.Errorf("session opened before the reset still works: %d", res.status)
				}
				if res := app.client().post("/connexion", url.Values{"email": {email}, "password": {"un tout nouveau mot de passe"}}); res.status != http.StatusSeeOther {
					t.Errorf("new password refused: %d", res.status)
				}
				if res := app.client().post("/connexion", url.Values{"email": {email}, "password": {testPassword}}); res.status != http.StatusUnauthorized {
					t.Errorf("old password: %d, want 401", res.status)
				}
				for name, link := range map[string]string{"used": newer, "older": older} {
					if res := app.client().get(link); res.status != http.StatusGone {
						t.Errorf("%s link shown: %d, want 410", name, res.status)
					}
					res := app.client().post(link, url.Values{"password": {"encore un autre mot de passe"}, "confirm": {"encore un autre mot de passe"}})
					if res.status != http.StatusGone {
						t.Errorf("%s link used: %d, want 410", name, res.status)
					}
				}
				if res := app.client().post("/connexion", url.Values{"email": {email}, "password": {"encore un autre mot de passe"}}); res.status != http.StatusUnauthorized {
					t.Errorf("password set through a dead link: %d", res.status)
				}
			})
		}
	})
}

// TestPasswordResetEndsTheAccountsDelay: after failures slowed an account, its owner resets the password
// and signs in without waiting; the address's own count is left as it was.
func TestPasswordResetEndsTheAccountsDelay(t *testing.T) {
	app := newTestApp(t, storetest.SQLite(t))
	app.workspace("Ville Alpha")
	waits := app.recordWaits()
	for range app.app.throttle.account.free + 2 {
		app.client().signInFrom("", "agent@ville-alpha.test", "devine")
	}
	if d := waits(); d[len(d)-1] == 0 {
		t.Fatalf("failures did not slow the account: %v", d)
	}
	c := app.client()
	c.post("/mot-de-passe-oublie", url.Values{"email": {"agent@ville-alpha.test"}})
	resets, err := app.st.PendingPasswordResets(context.Background())
	if err != nil || len(resets) != 1 {
		t.Fatalf("resets = %v, %v", resets, err)
	}
	link := strings.TrimPrefix(resets[0].Link, app.srv.URL)
	if res := c.post(link, url.Values{"password": {"une phrase toute neuve"}, "confirm": {"une phrase toute neuve"}}); res.status != http.StatusSeeOther {
		t.Fatalf("reset: %d", res.status)
	}
	if res := c.signInFrom("", "agent@ville-alpha.test", "une phrase toute neuve"); res.status != http.StatusSeeOther {
		t.Errorf("sign-in after the reset: %d", res.status)
	}
	if d := waits(); len(d) != 1 || d[0] != 0 {
		t.Errorf("sign-in after the reset waited %v", d)
	}
}
