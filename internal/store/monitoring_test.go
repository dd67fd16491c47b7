package store_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"boussole/internal/access"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/number"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// monitoringFixture is an authority with one yearly indicator on a result of its strategy.
type monitoringFixture struct {
	planningFixture
	indicator logframe.IndicatorRecord
}

func newMonitoringFixture(t *testing.T, s *store.Store, name, email string) monitoringFixture {
	t.Helper()
	f := monitoringFixture{planningFixture: newPlanningFixture(t, s, name, email, 1)}
	in := logframe.IndicatorRecord{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Indicator: logframe.Indicator{
		Level: logframe.Ref{Kind: logframe.KindResult, ID: f.acts[0].ResultID}, Title: "Jeunes partis", Measure: logframe.MeasureUnit,
		Ascending: true, Periodicity: "annuelle"}}
	if err := s.SaveIndicator(ctx, store.Actor{}, &in); err != nil {
		t.Fatal(err)
	}
	f.indicator = in
	return f
}

func yearMeasurement(f monitoringFixture, year int, value int64) monitoring.Measurement {
	p, _ := monitoring.Find(monitoring.Periods("annuelle", monitoring.Term{Start: 2026, End: 2032}), strconv.Itoa(year))
	v := number.Int(value)
	return monitoring.Measurement{AuthorityID: f.authority.ID, IndicatorID: f.indicator.ID, Period: p.Key, PeriodStart: p.Start, PeriodEnd: p.End,
		Value: &v, MeasuredOn: p.End, Source: "Bilan annuel"}
}

func TestMeasurementsSaveConflictAndScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMonitoringFixture(t, s, "Ville A", "a@a.fr")
		other := newMonitoringFixture(t, s, "Ville B", "b@b.fr")
		m := yearMeasurement(f, 2026, 150)
		if err := s.SaveMeasurement(ctx, store.Actor{Label: "Karim"}, &m, false); err != nil {
			t.Fatal(err)
		}
		if m.ID == 0 || m.Version != 1 || m.Review != monitoring.ReviewEntered {
			t.Errorf("created: %+v", m)
		}
		// A second first entry of the same period is a conflict, not a silent overwrite.
		dup := yearMeasurement(f, 2026, 999)
		if err := s.SaveMeasurement(ctx, store.Actor{}, &dup, false); !errors.Is(err, store.ErrConflict) {
			t.Errorf("second first entry: %v", err)
		}
		upd := yearMeasurement(f, 2026, 160)
		upd.Version = 1
		if err := s.SaveMeasurement(ctx, store.Actor{}, &upd, false); err != nil || upd.Version != 2 {
			t.Fatalf("update: %v %+v", err, upd)
		}
		// Another authority cannot write under this indicator.
		forged := yearMeasurement(f, 2027, 1)
		forged.AuthorityID = other.authority.ID
		if err := s.SaveMeasurement(ctx, store.Actor{}, &forged, true); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("forged authority: %v", err)
		}
		list, err := s.Measurements(ctx, f.authority.ID, f.strategy.ID)
		if err != nil || len(list) != 1 || list[0].Value.Cmp(number.Int(160)) != 0 || list[0].Source != "Bilan annuel" || !list[0].MeasuredOn.Equal(pday(2026, 12, 31)) {
			t.Fatalf("listed: %v %+v", err, list)
		}
		if got, _ := s.Measurements(ctx, other.authority.ID, f.strategy.ID); len(got) != 0 {
			t.Errorf("another authority reads %d measurements", len(got))
		}
		// An unknown value stays unknown.
		unknown := yearMeasurement(f, 2027, 0)
		unknown.Value, unknown.Text = nil, "Chiffres attendus du partenaire"
		if err := s.SaveMeasurement(ctx, store.Actor{}, &unknown, false); err != nil {
			t.Fatal(err)
		}
		got, _ := s.IndicatorMeasurements(ctx, f.authority.ID, f.indicator.ID)
		if len(got) != 2 || got[1].Value != nil || got[1].Text == "" {
			t.Errorf("unknown value read back as %+v", got)
		}
	})
}

func TestLockedPeriodNeedsAReasonAndIsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMonitoringFixture(t, s, "Ville A", "a@a.fr")
		m := yearMeasurement(f, 2026, 150)
		must(t, s.SaveMeasurement(ctx, store.Actor{}, &m, false))
		var err error
		if _, err = s.ReviewMeasurement(ctx, store.Actor{}, f.authority.ID, m.ID, 1, monitoring.StepLock); err == nil {
			t.Fatal("a period locked before validation")
		}
		for v, step := range []monitoring.Step{monitoring.StepSubmit, monitoring.StepValidate, monitoring.StepLock} {
			if m, err = s.ReviewMeasurement(ctx, store.Actor{}, f.authority.ID, m.ID, int64(v+1), step); err != nil {
				t.Fatalf("%s: %v", step, err)
			}
		}
		if !m.Locked || m.Review != monitoring.ReviewValidated || m.Version != 4 {
			t.Fatalf("after the review: %+v", m)
		}
		change := yearMeasurement(f, 2026, 175)
		change.Version = m.Version
		// A référent may not change it at all; an agent only with a reason.
		for _, may := range []bool{false, true} {
			c := change
			err := s.SaveMeasurement(ctx, store.Actor{}, &c, may)
			var fe monitoring.Errors
			if !errors.Is(err, store.ErrLocked) || !errors.As(err, &fe) {
				t.Errorf("locked change (may unlock %v) without reason: %v", may, err)
			}
		}
		got, _ := s.IndicatorMeasurements(ctx, f.authority.ID, f.indicator.ID)
		if got[0].Value.Cmp(number.Int(150)) != 0 {
			t.Fatalf("the locked value changed: %v", got[0].Value)
		}
		// A comment alone is not a change of the locked value.
		note := yearMeasurement(f, 2026, 150)
		note.Version, note.Comment = m.Version, "Chiffre confirmé par le partenaire"
		must(t, s.SaveMeasurement(ctx, store.Actor{}, &note, false))
		change.Version, change.Reason = note.Version, "Erreur de report dans le bilan 2026"
		must(t, s.SaveMeasurement(ctx, store.Actor{UserID: 0, Label: "Karim Benali"}, &change, true))
		if !change.Locked || change.Review != monitoring.ReviewValidated || change.Value.Cmp(number.Int(175)) != 0 {
			t.Errorf("after the reasoned change: %+v", change)
		}
		log, err := s.AuditLog(ctx, f.authority.ID, model.AuditFilter{Entity: "mesure"})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range log {
			found = found || strings.Contains(e.Summary, "Erreur de report dans le bilan 2026") && strings.Contains(e.Before, "150") && strings.Contains(e.After, "175")
		}
		if !found {
			t.Errorf("the reasoned change of a locked period is not in the audit log: %+v", log)
		}
	})
}

func TestIndicatorOwners(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMonitoringFixture(t, s, "Ville A", "a@a.fr")
		other := newMonitoringFixture(t, s, "Ville B", "b@b.fr")
		ref := model.User{Email: "ref@a.fr", Name: "Julien", PasswordHash: "x"}
		must(t, s.CreateMember(ctx, store.Actor{}, f.authority.ID, &ref, access.Referent, "Direction de l'eau"))
		outsider := model.User{Email: "x@b.fr", Name: "Xavier", PasswordHash: "x"}
		must(t, s.CreateMember(ctx, store.Actor{}, other.authority.ID, &outsider, access.Agent, ""))
		o := monitoring.Owner{AuthorityID: f.authority.ID, IndicatorID: f.indicator.ID, UserID: outsider.ID}
		if err := s.SaveIndicatorOwner(ctx, store.Actor{}, &o); !errors.Is(err, store.ErrNotMember) {
			t.Errorf("owner from another workspace: %v", err)
		}
		o.UserID, o.Weight = ref.ID, 3
		must(t, s.SaveIndicatorOwner(ctx, store.Actor{}, &o))
		stale := monitoring.Owner{AuthorityID: f.authority.ID, IndicatorID: f.indicator.ID, UserID: ref.ID}
		if err := s.SaveIndicatorOwner(ctx, store.Actor{}, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale owner form: %v", err)
		}
		owners, err := s.IndicatorOwners(ctx, f.authority.ID, f.strategy.ID)
		if err != nil || owners[f.indicator.ID].UserID != ref.ID || owners[f.indicator.ID].Weight != 3 || owners[f.indicator.ID].Version != 1 {
			t.Errorf("owners: %v %+v", err, owners)
		}
		if got, _ := s.IndicatorOwners(ctx, other.authority.ID, f.strategy.ID); len(got) != 0 {
			t.Errorf("another authority reads the owners: %+v", got)
		}
		forged := monitoring.Owner{AuthorityID: other.authority.ID, IndicatorID: f.indicator.ID}
		if err := s.SaveIndicatorOwner(ctx, store.Actor{}, &forged); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("owner of another authority's indicator: %v", err)
		}
	})
}

func TestEvaluationsKeepTheirSnapshot(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newMonitoringFixture(t, s, "Ville A", "a@a.fr")
		other := newMonitoringFixture(t, s, "Ville B", "b@b.fr")
		e := monitoring.Evaluation{AuthorityID: f.authority.ID, StrategyID: f.strategy.ID, Kind: monitoring.MidTerm, Conduct: monitoring.External,
			Title: "Évaluation à mi-parcours", SnapshotOn: pday(2029, 6, 30),
			Snapshot: []monitoring.SnapshotLine{{IndicatorID: f.indicator.ID, Title: "Jeunes partis", Last: "150 jeunes", Progress: "40 %", Status: monitoring.StatusLate}}}
		must(t, s.CreateEvaluation(ctx, store.Actor{}, &e))
		forged := e
		forged.ID, forged.AuthorityID = 0, other.authority.ID
		if err := s.CreateEvaluation(ctx, store.Actor{}, &forged); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("evaluation of another authority's strategy: %v", err)
		}
		must(t, s.AddQuestion(ctx, store.Actor{}, f.authority.ID, e.ID, &monitoring.Question{Criterion: monitoring.Effectiveness, Text: "Les jeunes partent-ils ?"}))
		r := monitoring.Recommendation{Text: "Ouvrir un guichet mobilité", FollowUp: monitoring.ToStart}
		must(t, s.AddRecommendation(ctx, store.Actor{}, f.authority.ID, e.ID, &r))
		if err := s.AddRecommendation(ctx, store.Actor{}, other.authority.ID, e.ID, &monitoring.Recommendation{Text: "x"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("recommendation on another authority's evaluation: %v", err)
		}
		r.Response, r.FollowUp = monitoring.Accepted, monitoring.Underway
		must(t, s.UpdateRecommendation(ctx, store.Actor{}, f.authority.ID, e.ID, &r))
		stale := r
		stale.Version = 1
		if err := s.UpdateRecommendation(ctx, store.Actor{}, f.authority.ID, e.ID, &stale); !errors.Is(err, store.ErrConflict) {
			t.Errorf("stale recommendation: %v", err)
		}
		// Later measurements do not change what the evaluation saw.
		m := yearMeasurement(f, 2026, 500)
		must(t, s.SaveMeasurement(ctx, store.Actor{}, &m, false))
		got, err := s.Evaluation(ctx, f.authority.ID, e.ID)
		if err != nil || len(got.Snapshot) != 1 || got.Snapshot[0].Last != "150 jeunes" || len(got.Questions) != 1 || len(got.Recommendations) != 1 ||
			got.Recommendations[0].Response != monitoring.Accepted || !got.SnapshotOn.Equal(pday(2029, 6, 30)) {
			t.Errorf("read back: %v %+v", err, got)
		}
		if _, err := s.Evaluation(ctx, other.authority.ID, e.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("another authority reads the evaluation: %v", err)
		}
	})
}
