package logframe

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestNumberingFollowsPositionsNotSliceOrder(t *testing.T) {
	s := complete()
	want := map[Ref]string{
		{KindSpecificObjective, 11}: "1", {KindSpecificObjective, 12}: "2",
		{KindResult, 21}: "1.1", {KindResult, 22}: "1.2", {KindResult, 23}: "2.1",
		{KindActivity, 31}: "1.1.1", {KindActivity, 32}: "1.2.1", {KindActivity, 33}: "2.1.1", {KindActivity, 34}: "2.1.2",
		{KindRisk, 61}: "R1", {KindRisk, 62}: "R2",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 5 {
		r.Shuffle(len(s.Objectives), func(i, j int) { s.Objectives[i], s.Objectives[j] = s.Objectives[j], s.Objectives[i] })
		r.Shuffle(len(s.Results), func(i, j int) { s.Results[i], s.Results[j] = s.Results[j], s.Results[i] })
		r.Shuffle(len(s.Activities), func(i, j int) { s.Activities[i], s.Activities[j] = s.Activities[j], s.Activities[i] })
		n := Number(&s)
		for ref, num := range want {
			if got := n.Of(ref); got != num {
				t.Errorf("round %d: %v numbered %q, want %q", round, ref, got, num)
			}
		}
	}
}

func TestMove(t *testing.T) {
	tests := []struct {
		name       string
		node, to   Ref
		index      int
		cycle      bool
		errPart    string
		wantNumber map[Ref]string
	}{
		{name: "objective 2 first", node: Ref{KindSpecificObjective, 12}, to: Ref{KindGeneralObjective, 1}, index: 0,
			wantNumber: map[Ref]string{{KindSpecificObjective, 12}: "1", {KindResult, 23}: "1.1", {KindActivity, 34}: "1.1.2", {KindResult, 21}: "2.1"}},
		{name: "result to another objective, children follow", node: Ref{KindResult, 23}, to: Ref{KindSpecificObjective, 11}, index: 1,
			wantNumber: map[Ref]string{{KindResult, 21}: "1.1", {KindResult, 23}: "1.2", {KindActivity, 33}: "1.2.1", {KindResult, 22}: "1.3"}},
		{name: "activity to the end of another result", node: Ref{KindActivity, 31}, to: Ref{KindResult, 23}, index: -1,
			wantNumber: map[Ref]string{{KindActivity, 31}: "2.1.3", {KindActivity, 33}: "2.1.1"}},
		{name: "reorder within the same result", node: Ref{KindActivity, 34}, to: Ref{KindResult, 23}, index: 0,
			wantNumber: map[Ref]string{{KindActivity, 34}: "2.1.1", {KindActivity, 33}: "2.1.2"}},
		{name: "objective under its own result", node: Ref{KindSpecificObjective, 11}, to: Ref{KindResult, 22}, cycle: true,
			errPart: "Impossible de déplacer un objectif sous l'un de ses propres résultats"},
		{name: "objective under its own activity", node: Ref{KindSpecificObjective, 12}, to: Ref{KindActivity, 34}, cycle: true,
			errPart: "propres activités"},
		{name: "result under its own activity", node: Ref{KindResult, 23}, to: Ref{KindActivity, 33}, cycle: true,
			errPart: "Impossible de déplacer un résultat sous l'une de ses propres activités"},
		{name: "element under itself", node: Ref{KindResult, 23}, to: Ref{KindResult, 23}, cycle: true, errPart: "lui-même"},
		{name: "objective under another objective's result", node: Ref{KindSpecificObjective, 12}, to: Ref{KindResult, 21},
			errPart: "ne peut pas être placé sous le résultat"},
		{name: "activity under an objective", node: Ref{KindActivity, 31}, to: Ref{KindSpecificObjective, 12},
			errPart: "l'activité ne peut pas être placé"},
		{name: "unknown parent", node: Ref{KindActivity, 31}, to: Ref{KindResult, 999}, errPart: "n'existe plus"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := complete()
			before := Number(&s)
			err := s.Move(tc.node, tc.to, tc.index)
			if tc.errPart != "" {
				var me *MoveError
				if !errors.As(err, &me) || me.Cycle != tc.cycle || !strings.Contains(me.Message, tc.errPart) {
					t.Fatalf("err = %v (cycle %v), want %q (cycle %v)", err, me != nil && me.Cycle, tc.errPart, tc.cycle)
				}
				after := Number(&s)
				for ref, num := range before {
					if after.Of(ref) != num {
						t.Errorf("refused move changed %v from %q to %q", ref, num, after.Of(ref))
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("Move: %v", err)
			}
			n := Number(&s)
			for ref, num := range tc.wantNumber {
				if n.Of(ref) != num {
					t.Errorf("%v numbered %q, want %q", ref, n.Of(ref), num)
				}
			}
		})
	}
}

func TestDeletionImpact(t *testing.T) {
	tests := []struct {
		target                                Ref
		results, activities, indicators, risk int
		message                               string
	}{
		{Ref{KindSpecificObjective, 11}, 2, 2, 3, 0, "Supprimer l'objectif 1 supprime aussi 2 résultats, 2 activités et 3 indicateurs."},
		{Ref{KindSpecificObjective, 12}, 1, 2, 2, 1, "Supprimer l'objectif 2 supprime aussi 1 résultat, 2 activités, 2 indicateurs et 1 hypothèse. 1 risque restera au registre, sans élément lié."},
		{Ref{KindResult, 21}, 0, 1, 1, 0, "Supprimer le résultat 1.1 supprime aussi 1 activité et 1 indicateur."},
		{Ref{KindActivity, 32}, 0, 0, 0, 0, "Supprimer l'activité 1.2.1 ne supprime aucun autre élément."},
	}
	for _, tc := range tests {
		s := complete()
		n := Number(&s)
		im := s.DeletionImpact(tc.target)
		if len(im.Results) != tc.results || len(im.Activities) != tc.activities || len(im.Indicators) != tc.indicators || len(im.Risks) != tc.risk {
			t.Errorf("%v: impact %+v", tc.target, im)
		}
		if got := im.Message(n); got != tc.message {
			t.Errorf("%v: message\n got %q\nwant %q", tc.target, got, tc.message)
		}
	}
}

func TestDeleteRemovesWhatImpactSaysAndKeepsRisks(t *testing.T) {
	s := complete()
	im := s.Delete(Ref{KindSpecificObjective, 12})
	if len(s.Objectives) != 1 || len(s.Results) != 2 || len(s.Activities) != 2 || len(s.Indicators) != 4 || len(s.Assumptions) != 0 {
		t.Fatalf("after delete: %d obj, %d res, %d act, %d ind, %d asm",
			len(s.Objectives), len(s.Results), len(s.Activities), len(s.Indicators), len(s.Assumptions))
	}
	if len(s.Risks) != 2 || !s.Risks[1].Linked.IsZero() {
		t.Errorf("risks must stay, unlinked: %+v", s.Risks)
	}
	if len(s.Geo[0].ActivityIDs) != 0 {
		t.Errorf("geo priority still points at deleted activity: %v", s.Geo[0].ActivityIDs)
	}
	if len(im.Activities) != 2 {
		t.Errorf("impact applied: %+v", im)
	}
}

func TestDeleteLeafKeepsSiblings(t *testing.T) {
	s := complete()
	s.Delete(Ref{KindActivity, 33})
	if len(s.Activities) != 3 || Number(&s).Of(Ref{KindActivity, 34}) != "2.1.1" {
		t.Errorf("activities after delete: %+v", s.Activities)
	}
}
