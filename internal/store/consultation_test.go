package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"boussole/internal/consultation"
	"boussole/internal/model"
	"boussole/internal/publicpage"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
	"boussole/internal/strategy"
)

func consultDay(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// newConsultation records an open consultation of March 2027 with an open question and a ranking.
func newConsultation(t *testing.T, s *store.Store, authorityID int64) consultation.Consultation {
	t.Helper()
	c := consultation.Consultation{AuthorityID: authorityID, Title: "Nos priorités", Context: "Pourquoi nous consultons",
		OpensOn: consultDay(2027, 3, 1), ClosesOn: consultDay(2027, 3, 31), RetentionMonths: 6, AskCommune: true,
		Categories: []consultation.Category{consultation.Citizen, consultation.Association}}
	must(t, s.CreateConsultation(ctx, store.Actor{}, &c))
	for _, q := range []consultation.Question{
		{ConsultationID: c.ID, Kind: consultation.OpenText, Prompt: "Qu'attendez-vous ?"},
		{ConsultationID: c.ID, Kind: consultation.Ranking, Prompt: "Classez", Choices: []string{"Eau", "Jeunesse", "Climat"}, Required: true},
	} {
		must(t, s.SaveQuestion(ctx, store.Actor{}, authorityID, &q))
	}
	c.Status = consultation.Open
	must(t, s.UpdateConsultation(ctx, store.Actor{}, &c))
	got, err := s.Consultation(ctx, authorityID, c.ID)
	must(t, err)
	return got
}

func TestConsultationRoundTripAndScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		c := newConsultation(t, s, a.ID)
		if c.Status != consultation.Open || len(c.Questions) != 2 || c.Questions[1].Choices[2] != "Climat" || !c.Questions[1].Required ||
			len(c.Categories) != 2 || c.Categories[1] != consultation.Association || !c.OpensOn.Equal(consultDay(2027, 3, 1)) || c.RetentionMonths != 6 {
			t.Fatalf("read back: %+v", c)
		}
		if _, err := s.Consultation(ctx, b.ID, c.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority reads the consultation: %v", err)
		}
		q := consultation.Question{ConsultationID: c.ID, Kind: consultation.OpenText, Prompt: "Intrus"}
		if err := s.SaveQuestion(ctx, store.Actor{}, b.ID, &q); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority adds a question: %v", err)
		}
		stale := c
		c.Title = "Nos priorités internationales"
		must(t, s.UpdateConsultation(ctx, store.Actor{}, &c))
		if err := s.UpdateConsultation(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("a stale edit: %v", err)
		}
		syn := c
		syn.Synthesis, syn.Response, syn.ResultsPublic = "Synthèse", "Réponse", true
		must(t, s.SaveSynthesis(ctx, store.Actor{}, &syn))
		staleSyn := c
		if err := s.SaveSynthesis(ctx, store.Actor{}, &staleSyn); !errors.Is(err, store.ErrConflict) {
			t.Errorf("a stale synthesis: %v", err)
		}
		c.Title = "Titre changé pendant la synthèse"
		must(t, s.UpdateConsultation(ctx, store.Actor{}, &c)) // the definition's edits do not conflict with the synthesis
		if got, _ := s.Consultation(ctx, a.ID, c.ID); got.Response != "Réponse" || !got.ResultsPublic || got.Title != c.Title {
			t.Errorf("synthesis and definition: %+v", got)
		}
		draft := consultation.Consultation{AuthorityID: a.ID, Title: "Brouillon", OpensOn: consultDay(2027, 5, 1), ClosesOn: consultDay(2027, 5, 2), RetentionMonths: 1}
		must(t, s.CreateConsultation(ctx, store.Actor{}, &draft))
		pub, err := s.PublicConsultations(ctx, a.ID)
		must(t, err)
		if len(pub) != 1 || pub[0].ID != c.ID || len(pub[0].Questions) != 2 {
			t.Errorf("public consultations: %+v", pub)
		}
		must(t, s.DeleteQuestion(ctx, store.Actor{}, a.ID, c.ID, c.Questions[0].ID))
		if got, _ := s.Consultation(ctx, a.ID, c.ID); len(got.Questions) != 1 {
			t.Errorf("question not deleted: %+v", got.Questions)
		}
	})
}

func TestContributionDuplicateModerationErasureAndPurge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		c := newConsultation(t, s, a.ID)
		at := consultDay(2027, 3, 10).Add(9 * time.Hour)
		k := consultation.Contribution{AuthorityID: a.ID, ConsultationID: c.ID, Category: consultation.Citizen, Commune: "Belval", Pseudonym: "Camille",
			Email: "camille@exemple.fr", EmailUse: consultation.EmailResults,
			Answers: []consultation.Answer{{QuestionID: c.Questions[0].ID, Text: "<script>alert(1)</script> des échanges"}, {QuestionID: c.Questions[1].ID, Choices: []string{"Jeunesse", "Eau"}}}}
		must(t, s.AddContribution(ctx, &k, store.Submission{AddressKey: "addr1", TokenHash: "tok1", At: at}))
		again := k
		if err := s.AddContribution(ctx, &again, store.Submission{AddressKey: "addr1", TokenHash: "tok2", At: at.Add(30 * time.Second)}); !errors.Is(err, store.ErrDuplicate) {
			t.Errorf("the same text from the same address within a minute: %v", err)
		}
		other := k
		must(t, s.AddContribution(ctx, &other, store.Submission{AddressKey: "addr2", TokenHash: "tok3", At: at.Add(30 * time.Second)}))
		later := k
		must(t, s.AddContribution(ctx, &later, store.Submission{AddressKey: "addr1", TokenHash: "tok4", At: at.Add(2 * time.Minute)}))
		wrong := k
		wrong.AuthorityID = b.ID
		if err := s.AddContribution(ctx, &wrong, store.Submission{At: at}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a contribution through another authority: %v", err)
		}
		got, err := s.ContributionByToken(ctx, "tok1")
		must(t, err)
		if got.ID != k.ID || got.Answers[0].Text != "<script>alert(1)</script> des échanges" || got.Answers[1].Choices[0] != "Jeunesse" || got.State != consultation.Pending {
			t.Errorf("read back: %+v", got)
		}
		must(t, s.ConfirmContribution(ctx, "tok1"))
		hidden, err := s.ModerateContribution(ctx, store.Actor{}, a.ID, other.ID, consultation.Hidden, "Doublon")
		must(t, err)
		if hidden.HiddenReason != "Doublon" || hidden.Email != "camille@exemple.fr" {
			t.Errorf("moderated: %+v", hidden)
		}
		if _, err := s.ModerateContribution(ctx, store.Actor{}, b.ID, k.ID, consultation.Hidden, "x"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority moderates: %v", err)
		}
		page, total, err := s.Contributions(ctx, a.ID, c.ID, store.ContributionFilter{State: consultation.Pending})
		must(t, err)
		if total != 2 || len(page) != 2 || !page[0].Confirmed {
			t.Errorf("pending: %d %+v", total, page)
		}
		counts, err := s.ContributionCounts(ctx, a.ID)
		must(t, err)
		if counts[c.ID] != 2 {
			t.Errorf("counts (hidden left out): %v", counts)
		}
		must(t, s.EraseContribution(ctx, "tok4"))
		if _, err := s.ContributionByToken(ctx, "tok4"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("erased contribution still read: %v", err)
		}
		// Closed 31 March 2027, kept 6 months: nothing purged on 30 September, everything on 1 October.
		n, err := s.PurgeExpiredContributions(ctx, consultDay(2027, 9, 30))
		must(t, err)
		if n != 0 {
			t.Errorf("purged %d before the end of retention", n)
		}
		n, err = s.PurgeExpiredContributions(ctx, consultDay(2027, 10, 1))
		must(t, err)
		if n != 2 {
			t.Errorf("purged %d, want 2", n)
		}
		all, err := s.AllContributions(ctx, a.ID, c.ID)
		must(t, err)
		for _, x := range all {
			if x.Email != "" || x.Pseudonym != "" || !x.Purged || x.Answers[0].Text == "" || x.Commune != "Belval" {
				t.Errorf("after the purge: %+v", x)
			}
		}
		if _, err := s.ContributionByToken(ctx, "tok1"); !errors.Is(err, store.ErrNotFound) {
			t.Error("the personal link survives the purge")
		}
		if done, _ := s.ConsultationPurged(ctx, a.ID, c.ID); !done {
			t.Error("consultation not marked purged")
		}
		if n, _ := s.PurgeExpiredContributions(ctx, consultDay(2027, 10, 2)); n != 0 {
			t.Errorf("second purge: %d", n)
		}
		// Nothing of the contributor reaches the journal.
		log, err := s.AuditLog(ctx, a.ID, modelAuditAll())
		must(t, err)
		for _, e := range log {
			for _, txt := range []string{e.Summary, e.Before, e.After} {
				if containsAny(txt, "camille@exemple.fr", "Camille") {
					t.Errorf("the journal carries personal data: %+v", e)
				}
			}
		}
	})
}

func TestImportContributions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		c := newConsultation(t, s, a.ID)
		list := make([]consultation.Contribution, 300)
		for i := range list {
			list[i] = consultation.Contribution{Category: consultation.Citizen, State: consultation.Published, CreatedAt: consultDay(2027, 3, 2),
				Answers: []consultation.Answer{{QuestionID: c.Questions[1].ID, Choices: []string{"Eau"}}}}
		}
		must(t, s.ImportContributions(ctx, a.ID, c.ID, list))
		_, total, err := s.Contributions(ctx, a.ID, c.ID, store.ContributionFilter{State: consultation.Published, Limit: 10})
		must(t, err)
		if total != 300 {
			t.Errorf("imported %d", total)
		}
	})
}

func TestPublicProfile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		p, err := s.PublicProfile(ctx, a.ID)
		must(t, err)
		if p.Published || p.Version != 0 {
			t.Fatalf("default profile publishes: %+v", p)
		}
		list, err := s.PublishingAuthorities(ctx)
		must(t, err)
		if len(list) != 0 {
			t.Errorf("an authority publishes by default: %v", list)
		}
		p = publicpage.Profile{AuthorityID: a.ID, Published: true, Contact: "ri@a.fr", DPO: "dpo@a.fr", ShowKeyElements: true}
		must(t, s.SavePublicProfile(ctx, store.Actor{}, &p))
		stale := p
		p.Intro = "Bienvenue"
		must(t, s.SavePublicProfile(ctx, store.Actor{}, &p))
		if err := s.SavePublicProfile(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale save: %v", err)
		}
		got, err := s.PublicProfile(ctx, a.ID)
		must(t, err)
		if got.Intro != "Bienvenue" || !got.ShowKeyElements || got.ShowObjectives || got.DPO != "dpo@a.fr" || got.Version != 2 {
			t.Errorf("read back: %+v", got)
		}
		list, _ = s.PublishingAuthorities(ctx)
		if len(list) != 1 || list[0].Slug != a.Slug {
			t.Errorf("publishing: %+v", list)
		}
	})
}

func modelAuditAll() model.AuditFilter { return model.AuditFilter{} }

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func TestReadStrategyCarriesTheConsultations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newCommentFixture(t, s, "Ville A", "a@a.fr")
		other := newCommentFixture(t, s, "Ville B", "b@b.fr")
		c := newConsultation(t, s, f.authority.ID)
		newConsultation(t, s, other.authority.ID)
		st, err := s.ReadStrategy(ctx, f.authority.ID, f.strategy.ID, strategy.PartConsultations)
		must(t, err)
		if len(st.Consultations) != 1 || st.Consultations[0].ID != c.ID || len(st.Consultations[0].Questions) != 2 {
			t.Errorf("consultations read with the strategy: %+v", st.Consultations)
		}
		if len(st.Framework.Objectives) != 0 {
			t.Error("the framework was read though not asked for")
		}
	})
}
