package demo

import (
	"context"
	"time"

	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/process"
	"boussole/internal/store"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// loadStrategies creates the past strategy, now ended, and the 2026–2032 strategy whose elaboration
// started in March 2026: sensibilisation done, diagnostic under way, the rest planned.
func loadStrategies(ctx context.Context, st *store.Store, fx *Fixture) error {
	fx.Past = model.Strategy{AuthorityID: fx.Authority.ID, Title: "Stratégie de coopération et de solidarité internationales 2020–2026",
		TermStart: 2020, TermEnd: 2026, Status: model.StrategyPast, AdoptedOn: partialdate.Date{Year: 2020, Month: 12, Day: 17}}
	if err := st.CreateStrategy(ctx, fx.Actor, &fx.Past, day(2019, 9, 1)); err != nil {
		return err
	}
	if err := markSteps(ctx, st, fx, fx.Past, map[process.Step]stepUpdate{
		process.Awareness: {process.Done, "Mission RI", ""}, process.Diagnostic: {process.Done, "Mission RI", ""},
		process.KeyElements: {process.Done, "Mission RI", ""}, process.Monitoring: {process.Done, "Mission RI", ""},
		process.Stakeholders: {process.Done, "Mission RI", ""}, process.Comms: {process.Done, "Direction de la communication", ""},
		process.Deliberation: {process.Done, "Assemblée communautaire", "Délibération n° 2020-147 du 17 décembre 2020."},
	}); err != nil {
		return err
	}
	fx.Strategy = model.Strategy{AuthorityID: fx.Authority.ID, Title: "Stratégie d'action internationale 2026–2032",
		TermStart: 2026, TermEnd: 2032, Status: model.StrategyDraft}
	if err := st.CreateStrategy(ctx, fx.Actor, &fx.Strategy, day(2026, 3, 2)); err != nil {
		return err
	}
	return markSteps(ctx, st, fx, fx.Strategy, map[process.Step]stepUpdate{
		process.Awareness: {process.Done, "Karim Benali, mission relations internationales",
			"Six séances tenues de mars à mai 2026 (bureau communautaire, comité de direction, services eau, jeunesse, culture et développement économique). Les services sport et petite enfance restent à toucher."},
		process.Diagnostic: {process.InProgress, "Karim Benali, avec l'appui du réseau régional multi-acteurs",
			"Matrice AFOM consolidée après deux ateliers ; revue critique des 12 partenariats en cours. Cartographie des acteurs à finaliser avec les associations de la diaspora."},
		process.Stakeholders: {process.InProgress, "Karim Benali", "Comité de suivi des acteurs constitué ; engagement de la collectivité défini pour les 20 acteurs prioritaires."},
		process.Comms:        {process.InProgress, "Sophie Lambert, direction de la communication", "Rubrique « Belval dans le monde » en préparation ; consultation citoyenne prévue à l'automne."},
		process.KeyElements:  {process.NotStarted, "Hélène Marchand, vice-présidente", "Séminaire des élus prévu pour fixer vision et priorités."},
		process.Deliberation: {process.NotStarted, "Assemblée communautaire", "Passage prévu au conseil de décembre 2026."},
	})
}

type stepUpdate struct {
	status process.Status
	owner  string
	notes  string
}

func markSteps(ctx context.Context, st *store.Store, fx *Fixture, s model.Strategy, updates map[process.Step]stepUpdate) error {
	steps, err := st.Steps(ctx, fx.Authority.ID, s.ID)
	if err != nil {
		return err
	}
	for _, step := range steps {
		u, ok := updates[step.Step]
		if !ok {
			continue
		}
		step.Status, step.Owner, step.Notes = u.status, u.owner, u.notes
		if u.status != process.NotStarted {
			step.ActualStart = step.PlannedStart
		}
		if u.status == process.Done {
			step.ActualEnd = step.PlannedEnd
		}
		if err := st.UpdateStep(ctx, fx.Actor, &step); err != nil {
			return err
		}
	}
	return nil
}
