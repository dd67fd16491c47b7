package web

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"boussole/internal/access"
	"boussole/internal/model"
)

// The weekly digest of « Suivi et évaluation » (issue 13, item 3): once per ISO week, each member who keeps
// indicators of a strategy in force up to date receives by email the list of the values they must enter,
// when a mail server is configured. Without one, nothing is sent: the same list greets them on their home
// page and on « Ce que je dois mettre à jour ».

// isoWeek names the week of t: « 2026-W49 ».
func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

// SendDigests sends the digests of the week of now not sent yet and returns how many went. A failed read
// of one authority is returned after the others were tried; a failed delivery is logged.
func (s *Server) SendDigests(ctx context.Context, now time.Time) (int, error) {
	if !s.mail.Configured() {
		return 0, nil
	}
	auths, err := s.store.Authorities(ctx)
	if err != nil {
		return 0, err
	}
	off, err := s.store.WeeklyDigestOff(ctx)
	if err != nil {
		return 0, err
	}
	sent := 0
	var firstErr error
	for _, a := range auths {
		n, err := s.sendAuthorityDigests(ctx, a, now, off)
		sent += n
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return sent, firstErr
}

// digestLine is one indicator of a digest.
type digestLine struct {
	strategy, title string
	pending, late   int
}

// sendAuthorityDigests sends one authority's digests, except to the people in off, who asked for none.
func (s *Server) sendAuthorityDigests(ctx context.Context, a model.Authority, now time.Time, off map[int64]bool) (int, error) {
	list, err := s.store.Strategies(ctx, a.ID)
	if err != nil {
		return 0, err
	}
	members, err := s.store.Members(ctx, a.ID)
	if err != nil {
		return 0, err
	}
	byUser := map[int64]model.Member{}
	for _, m := range members {
		byUser[m.User.ID] = m
	}
	due := map[int64][]digestLine{}
	for _, st := range list {
		if st.Status != model.StrategyCurrent {
			continue
		}
		agg, err := s.store.ReadStrategy(ctx, a.ID, st.ID, boardParts)
		if err != nil {
			return 0, err
		}
		b := newBoard(agg.Framework, agg.Monitoring.Measurements, agg.Monitoring.Owners, agg.Planning.Schedules, byUser, now)
		for i, in := range b.F.Indicators {
			x := b.Assessments[i]
			if x.Pending+x.Overdue == 0 {
				continue
			}
			for _, m := range members {
				if access.Can(m.Role, access.RecordMeasurement) && b.ownedBy(in, &m.User) {
					due[m.User.ID] = append(due[m.User.ID], digestLine{st.Title, in.Title, x.Pending, x.Overdue})
				}
			}
		}
	}
	sent, week := 0, isoWeek(now)
	for uid, lines := range due {
		m := byUser[uid]
		if m.User.Email == "" || off[uid] {
			continue
		}
		claimed, err := s.store.ClaimDigest(ctx, a.ID, uid, week, now)
		if err != nil {
			return sent, err
		}
		if !claimed {
			continue
		}
		subject, body := s.digestMail(a, m, lines)
		if err := s.mail.Send(m.User.Email, subject, body); err != nil {
			s.log.Warn("synthèse du suivi non envoyée", "err", err)
			continue
		}
		sent++
	}
	return sent, nil
}

// digestMail writes one person's digest.
func (s *Server) digestMail(a model.Authority, m model.Member, lines []digestLine) (string, string) {
	values := 0
	for _, l := range lines {
		values += l.pending + l.late
	}
	subject := "Boussole : " + strconv.Itoa(values) + " valeur" + plural(values, "s") + " d'indicateur à saisir (" + a.Name + ")"
	var b strings.Builder
	b.WriteString("Bonjour " + m.User.Name + ",\n\nVoici les indicateurs dont vous tenez le suivi et qui attendent une valeur :\n\n")
	for _, l := range lines {
		b.WriteString("- " + l.title + " (" + l.strategy + ") : ")
		var parts []string
		if l.late > 0 {
			parts = append(parts, strconv.Itoa(l.late)+" période"+plural(l.late, "s")+" en retard de saisie")
		}
		if l.pending > 0 {
			parts = append(parts, strconv.Itoa(l.pending)+" à renseigner")
		}
		b.WriteString(strings.Join(parts, ", ") + "\n")
	}
	b.WriteString("\nPour les saisir : " + s.cfg.BaseURL + "/ct/" + a.Slug + "/suivi-evaluation/a-mettre-a-jour\n\n" +
		"Vous recevez cette synthèse une fois par semaine, tant que des valeurs attendent, parce que vous êtes responsable d'indicateurs dans l'espace " +
		a.Name + " sur Boussole. Pour ne plus la recevoir : " + s.cfg.BaseURL + "/compte#recapitulatif\n")
	return subject, b.String()
}
