package store_test

import (
	"errors"
	"strings"
	"testing"

	"boussole/internal/model"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

func newStakeholder(t *testing.T, s *store.Store, a model.Authority, name string, kind stakeholder.Kind) stakeholder.Stakeholder {
	t.Helper()
	sh := stakeholder.Stakeholder{Name: name, Kind: kind}
	if err := s.CreateStakeholder(ctx, store.Actor{}, a.ID, &sh); err != nil {
		t.Fatal(err)
	}
	return sh
}

func TestStakeholderRoundTripAndDuplicates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, u := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		in := stakeholder.Stakeholder{Name: "Université de Belval", Kind: stakeholder.KindUniversity, Contact: "Pr Roux", Territory: "Belval",
			Themes:     []string{"Éducation", "Recherche"},
			Power:      stakeholder.Power{Normative: stakeholder.Score{Value: 3, Comment: "prestige"}, Utilitarian: stakeholder.Score{Value: 1}},
			Legitimacy: stakeholder.Legitimacy{PublicGood: stakeholder.Score{Value: 2, Comment: "service public"}},
			Interest:   stakeholder.Interest{Type: stakeholder.Score{Value: 3}},
			Context:    stakeholder.Context{ExistingNetworks: stakeholder.Flag{Present: true, Comment: "réseau des universités"}},
			Engagement: stakeholder.Engagement{Level: stakeholder.LevelCollaborate, Steps: []stakeholder.Step{stakeholder.StepDiagnostic, stakeholder.StepEvaluation}, Promise: "Co-animer"}}
		if err := s.CreateStakeholder(ctx, store.Actor{UserID: u.ID, Label: "A"}, a.ID, &in); err != nil {
			t.Fatal(err)
		}
		got, err := s.Stakeholder(ctx, a.ID, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != 1 || got.Name != in.Name || got.Power != in.Power || got.Legitimacy != in.Legitimacy || got.Interest != in.Interest ||
			got.Context != in.Context || got.Engagement.Promise != "Co-animer" || len(got.Engagement.Steps) != 2 || len(got.Themes) != 2 {
			t.Errorf("read back %+v", got)
		}
		if _, err := s.Stakeholder(ctx, b.ID, in.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B reads A's stakeholder: %v", err)
		}
		dup := stakeholder.Stakeholder{Name: " UNIVERSITE de belval", Kind: stakeholder.KindUniversity}
		if err := s.CreateStakeholder(ctx, store.Actor{}, a.ID, &dup); !errors.Is(err, store.ErrDuplicate) {
			t.Errorf("duplicate: %v", err)
		}
		if found, err := s.StakeholderByKey(ctx, a.ID, dup.Kind, dup.Name); err != nil || found.ID != in.ID {
			t.Errorf("by key: %v %v", found.ID, err)
		}
		other := stakeholder.Stakeholder{Name: "Université de Belval", Kind: stakeholder.KindMedia}
		if err := s.CreateStakeholder(ctx, store.Actor{}, a.ID, &other); err != nil {
			t.Errorf("same name, other kind refused: %v", err)
		}
		if err := s.CreateStakeholder(ctx, store.Actor{}, b.ID, &stakeholder.Stakeholder{Name: in.Name, Kind: in.Kind}); err != nil {
			t.Errorf("same actor in another authority refused: %v", err)
		}
		bad := stakeholder.Stakeholder{Name: "X", Kind: stakeholder.KindMedia, Power: stakeholder.Power{Coercive: stakeholder.Score{Value: 4}}}
		var fe stakeholder.Errors
		if err := s.CreateStakeholder(ctx, store.Actor{}, a.ID, &bad); !errors.As(err, &fe) || fe.For("power.coercive") == "" {
			t.Errorf("out-of-range score: %v", err)
		}
		list, _ := s.Stakeholders(ctx, a.ID)
		if len(list) != 2 {
			t.Errorf("A has %d stakeholders", len(list))
		}
	})
}

func TestStakeholderConcurrencyAndRename(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		x := newStakeholder(t, s, a, "Radio Belval", stakeholder.KindMedia)
		newStakeholder(t, s, a, "Journal de Belval", stakeholder.KindMedia)
		first, _ := s.Stakeholder(ctx, a.ID, x.ID)
		second := first
		first.Contact = "Léa"
		if err := s.UpdateStakeholder(ctx, store.Actor{}, a.ID, &first); err != nil || first.Version != 2 {
			t.Fatalf("update: %v, version %d", err, first.Version)
		}
		second.Contact = "Paul"
		if err := s.UpdateStakeholder(ctx, store.Actor{}, a.ID, &second); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale write: %v", err)
		}
		first.Name = "journal de belval"
		if err := s.UpdateStakeholder(ctx, store.Actor{}, a.ID, &first); !errors.Is(err, store.ErrDuplicate) {
			t.Errorf("rename onto another: %v", err)
		}
		got, _ := s.Stakeholder(ctx, a.ID, x.ID)
		if got.Contact != "Léa" || got.Name != "Radio Belval" {
			t.Errorf("stored %+v", got)
		}
	})
}

func TestRelationsRulesAndDeletion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		b, _ := signUp(t, s, "Ville B", "b@b.fr")
		x := newStakeholder(t, s, a, "Association X", stakeholder.KindAssociation)
		y := newStakeholder(t, s, a, "Réseau Y", stakeholder.KindNetwork)
		z := newStakeholder(t, s, b, "Autre Z", stakeholder.KindNetwork)
		ok := stakeholder.Relation{From: x.ID, To: y.ID, Kind: stakeholder.RelPartnerOf}
		if err := s.AddRelation(ctx, store.Actor{}, a.ID, &ok); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			rel  stakeholder.Relation
			want string
		}{
			{"self", stakeholder.Relation{From: x.ID, To: x.ID, Kind: stakeholder.RelInfluence}, "lui-même"},
			{"duplicate reversed", stakeholder.Relation{From: y.ID, To: x.ID, Kind: stakeholder.RelPartnerOf}, "existe déjà"},
			{"other authority", stakeholder.Relation{From: x.ID, To: z.ID, Kind: stakeholder.RelFunds}, "deux acteurs"},
			{"unknown kind", stakeholder.Relation{From: x.ID, To: y.ID, Kind: "aime"}, "n'existe pas"},
		}
		for _, c := range cases {
			r := c.rel
			err := s.AddRelation(ctx, store.Actor{}, a.ID, &r)
			var fe stakeholder.FieldError
			if !errors.As(err, &fe) || !strings.Contains(fe.Message, c.want) {
				t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
			}
		}
		member := stakeholder.Relation{From: x.ID, To: y.ID, Kind: stakeholder.RelMemberOf}
		if err := s.AddRelation(ctx, store.Actor{}, a.ID, &member); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteRelation(ctx, store.Actor{}, b.ID, member.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B deletes A's relation: %v", err)
		}
		if err := s.DeleteStakeholder(ctx, store.Actor{}, b.ID, x.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("B deletes A's stakeholder: %v", err)
		}
		if err := s.DeleteStakeholder(ctx, store.Actor{}, a.ID, x.ID); err != nil {
			t.Fatal(err)
		}
		if rels, _ := s.Relations(ctx, a.ID); len(rels) != 0 {
			t.Errorf("relations left after deleting their stakeholder: %+v", rels)
		}
		entries, _ := s.AuditLog(ctx, a.ID, model.AuditFilter{Entity: "acteur"})
		if len(entries) == 0 || entries[0].Action != "suppression" || !strings.Contains(entries[0].Summary, "2 relation(s)") {
			t.Errorf("audit of the deletion: %+v", entries)
		}
	})
}

func TestImportIsWholeAndOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, u := signUp(t, s, "Ville A", "a@a.fr")
		b, ub := signUp(t, s, "Ville B", "b@b.fr")
		existing := newStakeholder(t, s, a, "Radio Belval", stakeholder.KindMedia)
		id, err := s.SaveUpload(ctx, a.ID, u.ID, "acteurs.csv", []byte("Nom;Type\n"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Upload(ctx, a.ID, ub.ID, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another user reads the upload: %v", err)
		}
		if _, err := s.Upload(ctx, b.ID, u.ID, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority reads the upload: %v", err)
		}
		if up, err := s.Upload(ctx, a.ID, u.ID, id); err != nil || up.Filename != "acteurs.csv" {
			t.Fatalf("upload: %+v %v", up, err)
		}
		rec, _ := s.Stakeholder(ctx, a.ID, existing.ID)
		rec.Contact = "Léa"
		// The second new row collides with the first: the whole import must roll back.
		bad := &store.ImportBatch{UploadID: id, UserID: u.ID, Filename: "acteurs.csv", Merge: []stakeholder.Record{rec},
			Create: []stakeholder.Stakeholder{{Name: "Asso 1", Kind: stakeholder.KindAssociation}, {Name: "asso 1", Kind: stakeholder.KindAssociation}}}
		if err := s.CommitImport(ctx, store.Actor{}, a.ID, bad); !errors.Is(err, store.ErrDuplicate) {
			t.Fatalf("colliding import: %v", err)
		}
		if list, _ := s.Stakeholders(ctx, a.ID); len(list) != 1 || list[0].Contact != "" {
			t.Errorf("half an import was written: %+v", list)
		}
		good := &store.ImportBatch{UploadID: id, UserID: u.ID, Filename: "acteurs.csv", Merge: []stakeholder.Record{rec},
			Create: []stakeholder.Stakeholder{{Name: "Asso 1", Kind: stakeholder.KindAssociation}, {Name: "Asso 2", Kind: stakeholder.KindAssociation}}}
		if err := s.CommitImport(ctx, store.Actor{}, a.ID, good); err != nil {
			t.Fatal(err)
		}
		list, _ := s.Stakeholders(ctx, a.ID)
		if len(list) != 3 {
			t.Errorf("after import: %d stakeholders", len(list))
		}
		if got, _ := s.Stakeholder(ctx, a.ID, existing.ID); got.Contact != "Léa" {
			t.Errorf("merge not written: %+v", got)
		}
		again := &store.ImportBatch{UploadID: id, UserID: u.ID, Create: []stakeholder.Stakeholder{{Name: "Asso 3", Kind: stakeholder.KindAssociation}}}
		if err := s.CommitImport(ctx, store.Actor{}, a.ID, again); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("second confirmation: %v", err)
		}
	})
}

func TestMergeStakeholdersMovesRelations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, _ := signUp(t, s, "Ville A", "a@a.fr")
		keep := newStakeholder(t, s, a, "Réseau Eau", stakeholder.KindNetwork)
		dup := newStakeholder(t, s, a, "Réseau de l'eau", stakeholder.KindNetwork)
		x := newStakeholder(t, s, a, "Asso X", stakeholder.KindAssociation)
		y := newStakeholder(t, s, a, "Asso Y", stakeholder.KindAssociation)
		for _, r := range []stakeholder.Relation{
			{From: x.ID, To: keep.ID, Kind: stakeholder.RelMemberOf},
			{From: x.ID, To: dup.ID, Kind: stakeholder.RelMemberOf},     // repeats the first once moved: dropped
			{From: y.ID, To: dup.ID, Kind: stakeholder.RelMemberOf},     // moves
			{From: dup.ID, To: keep.ID, Kind: stakeholder.RelPartnerOf}, // would be a self-relation: dropped
		} {
			if err := s.AddRelation(ctx, store.Actor{}, a.ID, &r); err != nil {
				t.Fatal(err)
			}
		}
		target, _ := s.Stakeholder(ctx, a.ID, keep.ID)
		target.Contact = "Nadia"
		if err := s.MergeStakeholders(ctx, store.Actor{}, a.ID, &target, dup.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Stakeholder(ctx, a.ID, dup.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("duplicate still there: %v", err)
		}
		rels, _ := s.Relations(ctx, a.ID)
		if len(rels) != 2 {
			t.Fatalf("relations after merge: %+v", rels)
		}
		for _, r := range rels {
			if r.To != keep.ID || r.Kind != stakeholder.RelMemberOf {
				t.Errorf("unexpected relation %+v", r)
			}
		}
		if got, _ := s.Stakeholder(ctx, a.ID, keep.ID); got.Contact != "Nadia" || got.Version != 2 {
			t.Errorf("target %+v", got)
		}
	})
}
