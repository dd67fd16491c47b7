package store_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"boussole/internal/document"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func documentStrategy(t *testing.T, s *store.Store) (model.Authority, model.Strategy) {
	t.Helper()
	a, _ := signUp(t, s, "Ville de Tours", "dg@tours.fr")
	st := model.Strategy{AuthorityID: a.ID, Title: "Stratégie d'action internationale", TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	if err := s.CreateStrategy(ctx, store.Actor{Label: "test"}, &st, time.Time{}); err != nil {
		t.Fatal(err)
	}
	return a, st
}

func TestDocumentSettingsRoundTripAndConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, st := documentStrategy(t, s)
		got, err := s.DocumentSettings(ctx, a.ID, st.ID)
		if err != nil || got.Version != 0 || !got.Choice.Keeps(document.SecAnnexes) {
			t.Fatalf("réglages vierges : %+v, %v", got, err)
		}
		set := document.Settings{AuthorityID: a.ID, StrategyID: st.ID, Choice: document.Choice{
			Omit: map[document.SectionKey]bool{document.SecAnnexes: true},
			Text: map[document.SectionKey]string{document.SecVision: "Texte « libre »\n\nsur deux paragraphes", document.SecMission: "  "}}}
		if err := s.SaveDocumentSettings(ctx, store.Actor{Label: "test"}, &set); err != nil {
			t.Fatal(err)
		}
		got, err = s.DocumentSettings(ctx, a.ID, st.ID)
		if err != nil || got.Version != 1 || got.Choice.Keeps(document.SecAnnexes) || got.Choice.Text[document.SecVision] != "Texte « libre »\n\nsur deux paragraphes" {
			t.Fatalf("relu : %+v, %v", got, err)
		}
		if _, ok := got.Choice.Text[document.SecMission]; ok {
			t.Error("un texte vide est gardé")
		}
		stale := set
		stale.Version = 0
		if err := s.SaveDocumentSettings(ctx, store.Actor{Label: "test"}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("enregistrement concurrent : %v", err)
		}
		if err := s.SaveDocumentSettings(ctx, store.Actor{Label: "test"}, &document.Settings{AuthorityID: a.ID + 1, StrategyID: st.ID}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("stratégie d'une autre collectivité : %v", err)
		}
	})
}

// TestAdoptedVersionCannotBeModified records an adoption, tries to change the row behind the store's back,
// and reads back the very bytes recorded, whose hash still matches their content.
func TestAdoptedVersionCannotBeModified(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, st := documentStrategy(t, s)
		vote := document.Vote{On: partialdate.OfMonth(2020, time.December), Body: "conseil municipal", Number: "2020-117", Result: "adoptée à l'unanimité"}
		src := document.Source{Authority: a, Strategy: st}
		_, snap, hash, err := document.Freeze(src, document.Choice{}, vote)
		if err != nil {
			t.Fatal(err)
		}
		rec := document.Adopted{AuthorityID: a.ID, StrategyID: st.ID, Vote: vote, Hash: hash, Snapshot: snap, ODT: []byte("odt"), PDF: []byte("%PDF")}
		if err := s.RecordAdoption(ctx, store.Actor{Label: "Agent"}, &rec); err != nil {
			t.Fatal(err)
		}
		_ = s.TamperAdoption(ctx, rec.ID) // refused or ignored: either way nothing changes
		got, err := s.Adoption(ctx, a.ID, rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Snapshot, snap) || got.Hash != hash || got.Vote != vote || string(got.ODT) != "odt" || string(got.PDF) != "%PDF" {
			t.Fatalf("version adoptée modifiée : %+v", got.Vote)
		}
		d, err := document.Decode(got.Snapshot)
		if err != nil || document.Hash(d) != got.Hash {
			t.Errorf("l'empreinte ne correspond plus au contenu : %v", err)
		}
		after, _ := s.Strategy(ctx, a.ID, st.ID)
		if after.Status != model.StrategyCurrent || after.AdoptedOn != vote.On {
			t.Errorf("stratégie après adoption : %s, %v", after.Status, after.AdoptedOn)
		}
		list, err := s.Adoptions(ctx, a.ID, st.ID)
		if err != nil || len(list) != 1 || list[0].Snapshot != nil || list[0].RecordedBy != "Agent" {
			t.Errorf("liste : %+v, %v", list, err)
		}
		if _, err := s.Adoption(ctx, a.ID+1, rec.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("adoption lue depuis une autre collectivité : %v", err)
		}
	})
}
