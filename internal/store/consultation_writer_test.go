package store_test

import (
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"boussole/internal/consultation"
	"boussole/internal/publicpage"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// Contributions sent at the same moment share the writer's transactions: each must still get its own
// answer, a double submission racing its twin must leave one row, and a contribution that fails must
// not take the others of its batch down with it.
func TestConcurrentContributionsEachGetTheirOwnAnswer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		c := newConsultation(t, s, a.ID)
		at := consultDay(2027, 3, 10).Add(9 * time.Hour)
		contribution := func(text string) consultation.Contribution {
			return consultation.Contribution{AuthorityID: a.ID, ConsultationID: c.ID, Category: consultation.Citizen,
				Answers: []consultation.Answer{{QuestionID: c.Questions[0].ID, Text: text}, {QuestionID: c.Questions[1].ID, Choices: []string{"Eau"}}}}
		}
		const distinct, twins, strangers = 30, 10, 5
		type outcome struct {
			kind string
			k    consultation.Contribution
			err  error
		}
		out := make(chan outcome, distinct+twins+strangers+1)
		var wg sync.WaitGroup
		for i := range distinct {
			wg.Go(func() {
				k := contribution("Contribution " + strconv.Itoa(i))
				err := s.AddContribution(ctx, &k, store.Submission{AddressKey: "addr" + strconv.Itoa(i), TokenHash: "tok" + strconv.Itoa(i), At: at})
				out <- outcome{"distinct", k, err}
			})
		}
		for i := range twins {
			wg.Go(func() {
				k := contribution("Le même texte, envoyé deux fois")
				err := s.AddContribution(ctx, &k, store.Submission{AddressKey: "twin", TokenHash: "twin" + strconv.Itoa(i), At: at})
				out <- outcome{"twin", k, err}
			})
		}
		for range strangers {
			wg.Go(func() {
				k := contribution("Par une autre collectivité")
				k.AuthorityID = b.ID
				out <- outcome{"stranger", k, s.AddContribution(ctx, &k, store.Submission{At: at})}
			})
		}
		wg.Go(func() { // a personal link already taken: the database refuses the row, the others must stay
			k := contribution("Lien déjà pris")
			out <- outcome{"clash", k, s.AddContribution(ctx, &k, store.Submission{AddressKey: "clash", TokenHash: "tok0", At: at})}
		})
		wg.Wait()
		close(out)
		ids := map[int64]bool{}
		stored, twinsStored := 0, 0
		for o := range out {
			switch {
			case o.err == nil:
				if o.k.ID == 0 || ids[o.k.ID] || o.k.State != consultation.Pending {
					t.Errorf("%s acknowledged with id %d, state %q", o.kind, o.k.ID, o.k.State)
				}
				ids[o.k.ID] = true
				stored++
				switch o.kind {
				case "twin":
					twinsStored++
				case "stranger":
					t.Errorf("a contribution through another authority was recorded")
				}
			case o.kind == "twin" && errors.Is(o.err, store.ErrDuplicate):
			case o.kind == "stranger" && errors.Is(o.err, store.ErrNotFound):
			case o.kind == "clash" || (o.kind == "distinct" && o.k.Answers[0].Text == "Contribution 0"):
			default:
				t.Errorf("%s: %v", o.kind, o.err)
			}
		}
		// tok0 goes to whichever of distinct 0 and the clash came first: exactly one of the two is stored.
		if twinsStored != 1 || stored != distinct+1 {
			t.Errorf("%d stored, %d twins stored", stored, twinsStored)
		}
		_, total, err := s.Contributions(ctx, a.ID, c.ID, store.ContributionFilter{Limit: 1})
		must(t, err)
		if total != stored {
			t.Errorf("%d acknowledged, %d in the database", stored, total)
		}
	})
}

func TestPublicConsultationReadsInOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		c := newConsultation(t, s, a.ID)
		if _, _, _, err := s.PublicConsultation(ctx, a.Slug, c.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("without public settings: %v", err)
		}
		p := publicpage.Profile{AuthorityID: a.ID, Published: true, DPO: "dpo@a.fr"}
		must(t, s.SavePublicProfile(ctx, store.Actor{}, &p))
		ga, gp, gc, err := s.PublicConsultation(ctx, a.Slug, c.ID)
		must(t, err)
		if ga.ID != a.ID || ga.Name != "Ville A" || !gp.Published || gp.DPO != "dpo@a.fr" || gc.ID != c.ID || gc.Title != c.Title ||
			len(gc.Questions) != 2 || len(gc.Categories) != 2 || !gc.OpensOn.Equal(c.OpensOn) || gc.Status != consultation.Open {
			t.Errorf("read: %+v %+v %+v", ga, gp, gc)
		}
		if _, _, _, err := s.PublicConsultation(ctx, b.Slug, c.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("through another authority's address: %v", err)
		}
		if _, _, _, err := s.PublicConsultation(ctx, a.Slug, c.ID+1000); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("an unknown consultation: %v", err)
		}
	})
}

func TestContributionAfterCloseIsRefused(t *testing.T) {
	s, err := store.OpenSQLite(ctx, t.TempDir()+"/closed.db")
	must(t, err)
	must(t, s.Close())
	k := consultation.Contribution{AuthorityID: 1, ConsultationID: 1}
	if err := s.AddContribution(ctx, &k, store.Submission{}); err == nil {
		t.Error("a contribution was accepted by a closed store")
	}
}
