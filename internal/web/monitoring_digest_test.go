package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"boussole/internal/mail/mailtest"
	"boussole/internal/monitoring"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestWeeklyDigestOncePerWeek names the référent owner of the increasing indicator of a strategy whose
// periods are all over and unmeasured: the weekly digest reaches them once, with the indicator and the
// link; the agent, who keeps nothing, receives nothing; the next week it comes again. Without a mail
// server nothing is sent.
func TestWeeklyDigestOncePerWeek(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		m := newMonitoredWorkspace(t, st)
		ref, err := st.UserByEmail(ctx, "referent@"+m.authority.Slug+".test")
		must(t, err)
		must(t, st.SaveIndicatorOwner(ctx, store.Actor{}, &monitoring.Owner{AuthorityID: m.authority.ID, IndicatorID: m.up.ID, UserID: ref.ID}))
		now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
		if n, err := m.app.app.SendDigests(ctx, now); n != 0 || err != nil {
			t.Errorf("without a mail server: %d sent, %v", n, err)
		}
		smtp := mailtest.Start(t)
		app := newTestAppWith(t, st, testSetup{smtpURL: smtp.URL()})
		if n, err := app.app.SendDigests(ctx, now); n != 1 || err != nil {
			t.Fatalf("first digest: %d sent, %v", n, err)
		}
		if n, _ := app.app.SendDigests(ctx, now.Add(48*time.Hour)); n != 0 {
			t.Errorf("the same week again: %d sent", n)
		}
		app.app.WaitForMail()
		msgs := smtp.Messages()
		if len(msgs) != 1 || msgs[0].To[0] != ref.Email {
			t.Fatalf("messages %+v", msgs)
		}
		body := msgs[0].Data
		for _, want := range []string{"Jeunes partis", "5 périodes en retard de saisie", "/ct/" + m.authority.Slug + "/suivi-evaluation/a-mettre-a-jour"} {
			if !strings.Contains(body, want) {
				t.Errorf("the digest lacks %q:\n%s", want, body)
			}
		}
		if strings.Contains(body, "Délai de réponse") {
			t.Errorf("the digest names an indicator the référent does not keep")
		}
		if n, _ := app.app.SendDigests(ctx, now.AddDate(0, 0, 7)); n != 1 {
			t.Errorf("the next week: %d sent", n)
		}
		// The référent stops it from the account page the mail links to; it comes back when asked.
		if !strings.Contains(body, "/compte#recapitulatif") {
			t.Errorf("the digest does not say how to stop it:\n%s", body)
		}
		c := app.signIn(ref.Email)
		c.get("/compte").mustContain(t, "Récapitulatif hebdomadaire", "Vous le recevez.")
		if res := c.post("/compte/recapitulatif", url.Values{"recevoir": {"non"}}); res.status != http.StatusSeeOther {
			t.Fatalf("stop the digest: %d", res.status)
		}
		c.get("/compte").mustContain(t, "Vous avez choisi de ne pas le recevoir.")
		if n, _ := app.app.SendDigests(ctx, now.AddDate(0, 0, 14)); n != 0 {
			t.Errorf("a digest to someone who stopped it: %d sent", n)
		}
		c.post("/compte/recapitulatif", url.Values{"recevoir": {"oui"}})
		if n, _ := app.app.SendDigests(ctx, now.AddDate(0, 0, 21)); n != 1 {
			t.Errorf("the digest asked back: %d sent", n)
		}
	})
}
