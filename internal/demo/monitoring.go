package demo

import (
	"context"
	"math"
	"strconv"
	"time"

	"boussole/internal/access"
	"boussole/internal/logframe"
	"boussole/internal/monitoring"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/store"
)

// demoCadences give the demo's indicators varied periodicities, so that the months and quarters already
// ended show measurements, what is due and what is overdue, whatever the day the demo is loaded.
var demoCadences = []string{"trimestrielle", "mensuelle", "semestrielle", "annuelle"}

// demoPeriodicity picks an indicator's periodicity from its title, the same at every load.
func demoPeriodicity(title string) string {
	n := 0
	for _, r := range title {
		n += int(r)
	}
	return demoCadences[n%len(demoCadences)]
}

// loadMonitoring names who keeps each indicator up to date, adds a decreasing indicator, and enters the
// measurements of every period ended by the day the demo loads: most on their trajectory, some ahead, some
// late, a few periods left empty (due, then overdue), one indicator never measured, and one period
// validated and locked. Values are computed from each indicator's own trajectory, so they stay plausible
// on any day.
func loadMonitoring(ctx context.Context, st *store.Store, fx *Fixture) error {
	a, s := fx.Authority.ID, fx.Strategy.ID
	list, err := st.Indicators(ctx, a, s)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return nil
	}
	if err := addDecreasingIndicator(ctx, st, fx, list); err != nil {
		return err
	}
	if list, err = st.Indicators(ctx, a, s); err != nil {
		return err
	}
	water, err := firstObjectiveResults(ctx, st, fx)
	if err != nil {
		return err
	}
	today := time.Now().UTC()
	term := monitoring.Term{Start: fx.Strategy.TermStart, End: fx.Strategy.HorizonEnd()}
	agent, referent := fx.Users[access.Agent], fx.Users[access.Referent]
	locked := false
	for i := range list {
		in := &list[i]
		owner := monitoring.Owner{AuthorityID: a, IndicatorID: in.ID, UserID: agent.ID}
		if in.Level.Kind == logframe.KindResult && water[in.Level.ID] {
			owner.UserID = referent.ID // the water service keeps the indicators of the water cooperation
		}
		if i%6 == 1 {
			owner.Weight = 2
		}
		if err := st.SaveIndicatorOwner(ctx, system, &owner); err != nil {
			return err
		}
		if i == 7 {
			continue // never measured: « non renseigné », and every ended period overdue
		}
		by := store.Actor{UserID: agent.ID, Label: agent.Name}
		if owner.UserID == referent.ID {
			by = store.Actor{UserID: referent.ID, Label: referent.Name}
		}
		ms, err := demoMeasurements(in.Indicator, term, today, i)
		if err != nil {
			return err
		}
		for j := range ms {
			m := &ms[j]
			m.AuthorityID = a
			if err := st.SaveMeasurement(ctx, by, m, true); err != nil {
				return err
			}
			if j == 0 && !locked {
				for v, step := range []monitoring.Step{monitoring.StepSubmit, monitoring.StepValidate, monitoring.StepLock} {
					if _, err := st.ReviewMeasurement(ctx, fx.Actor, a, m.ID, int64(v+1), step); err != nil {
						return err
					}
				}
				locked = true
			} else if j == 1 {
				if _, err := st.ReviewMeasurement(ctx, by, a, m.ID, 1, monitoring.StepSubmit); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// demoMeasurements returns the values of the periods of in ended by today: the trajectory times a pace of
// its own (ahead, on time or late), the last periods of some indicators left empty.
func demoMeasurements(in logframe.Indicator, term monitoring.Term, today time.Time, i int) ([]monitoring.Measurement, error) {
	span, why := monitoring.SpanOf(in, term)
	if why != "" {
		return nil, nil
	}
	pace := []float64{1, 1.35, 0.45, 1.05, 0.95}[i%5]
	var ended []monitoring.Period
	for _, p := range monitoring.Periods(in.Periodicity, term) {
		if p.EndedBy(today) {
			ended = append(ended, p)
		}
	}
	if i%4 == 2 && len(ended) > 1 {
		ended = ended[:len(ended)-1] // the latest period awaits its value
	}
	base, target := toFloat(span.Baseline), toFloat(span.Target)
	out := make([]monitoring.Measurement, 0, len(ended))
	for k, p := range ended {
		if i%9 == 5 && k == len(ended)-2 {
			continue // a gap in the series
		}
		wobble := 1 + 0.08*math.Sin(float64(i*7+k*3))
		v := base + (target-base)*span.Expected(p.End)*pace*wobble
		if in.Measure == logframe.MeasurePercentage {
			v = min(max(v, 0), 100)
		}
		val := number.New(int64(math.Round(v*10)), 1)
		if in.Measure == logframe.MeasureUnit {
			val = number.Int(int64(math.Round(v)))
		}
		source := "Tableau de suivi de la mission relations internationales"
		if len(in.Sources) > 0 {
			source = in.Sources[0]
		}
		m := monitoring.Measurement{IndicatorID: in.ID, Period: p.Key, PeriodStart: p.Start, PeriodEnd: p.End, Value: &val,
			MeasuredOn: p.End, Source: source, Evidence: "Bilan " + p.Label}
		if k == len(ended)-1 {
			m.Comment = "Chiffre provisoire, à confirmer au bilan annuel."
		}
		out = append(out, m)
	}
	return out, nil
}

func toFloat(d number.Decimal) float64 {
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

// firstObjectiveResults returns the results of the first objective, the water cooperation.
func firstObjectiveResults(ctx context.Context, st *store.Store, fx *Fixture) (map[int64]bool, error) {
	f, err := st.LoadFramework(ctx, fx.Authority.ID, fx.Strategy.ID)
	if err != nil || len(f.Objectives) == 0 {
		return nil, err
	}
	out := map[int64]bool{}
	for _, r := range f.Results {
		if r.ObjectiveID == f.Objectives[0].ID {
			out[r.ID] = true
		}
	}
	return out, nil
}

// addDecreasingIndicator adds an indicator that must go down, measured every month: the days a young
// person waits for an answer at the mobility desk.
func addDecreasingIndicator(ctx context.Context, st *store.Store, fx *Fixture, list []logframe.IndicatorRecord) error {
	var level logframe.Ref
	for _, in := range list {
		if in.Title == "Jeunes accueillis au guichet" {
			level = in.Level
		}
	}
	if level.ID == 0 {
		return nil
	}
	in := logframe.IndicatorRecord{AuthorityID: fx.Authority.ID, StrategyID: fx.Strategy.ID, Indicator: logframe.Indicator{Level: level,
		Title: "Délai de réponse du guichet mobilité", Definition: "Nombre moyen de jours entre la demande d'un jeune et la première réponse du guichet.",
		Measure: logframe.MeasureUnit, Unit: "jours", Ascending: false,
		Baseline: &logframe.Baseline{Value: new(number.Int(21)), Date: partialdate.Of(2025, 12, 31)},
		Targets: []logframe.Target{{Date: partialdate.Of(2029, 6, 30), Value: new(number.Int(10))},
			{Date: partialdate.Of(2032, 6, 30), Value: new(number.Int(5))}},
		Periodicity: "mensuelle", Sources: []string{"Fichier du guichet"}, Owner: "Direction de la jeunesse", Public: true}}
	return st.SaveIndicator(ctx, system, &in)
}

// loadEvaluation records the mid-term evaluation of the previous strategy (2020–2026), run in 2023 by the
// regional network: its snapshot of the indicators then, questions by criterion and eight recommendations
// at various stages, which the new strategy takes up.
func loadEvaluation(ctx context.Context, st *store.Store, fx *Fixture) error {
	a := fx.Authority.ID
	e := monitoring.Evaluation{AuthorityID: a, StrategyID: fx.Past.ID, Kind: monitoring.MidTerm, Conduct: monitoring.External,
		Title: "Évaluation à mi-parcours de la stratégie 2020–2026", Evaluator: "Réseau régional multi-acteurs, avec deux élus et la mission RI",
		TermsOfReference: "Mesurer ce que les coopérations avec Ziguinchor et Neustadt ont produit depuis 2020, apprécier la mobilisation des acteurs du territoire et proposer les ajustements de la seconde moitié de la mandature.",
		Findings:         "Les résultats de la coopération sur l'eau sont réels mais peu connus des habitants ; la mobilité des jeunes reste concentrée sur les lycéens des centres-villes ; le suivi des indicateurs s'est interrompu en 2022 faute de responsable désigné.",
		Lessons:          "Nommer un responsable par indicateur dès l'adoption ; associer la diaspora dès la conception des projets ; prévoir un budget d'évaluation dans chaque convention.",
		SnapshotOn:       day(2023, 6, 30),
		Snapshot: []monitoring.SnapshotLine{
			{Title: "Partenariats internationaux actifs", Last: "3 partenariats", Progress: "50\u202f%", Status: monitoring.StatusOnTrack},
			{Title: "Jeunes partis en mobilité", Last: "64 jeunes", Progress: "21\u202f%", Status: monitoring.StatusLate},
			{Title: "Ménages raccordés à l'assainissement à Ziguinchor", Last: "1 200 ménages", Progress: "55\u202f%", Status: monitoring.StatusOnTrack},
			{Title: "Associations partenaires", Last: "non renseigné", Progress: "non renseigné", Status: monitoring.StatusUnknown},
		}}
	if err := st.CreateEvaluation(ctx, system, &e); err != nil {
		return err
	}
	for _, q := range []monitoring.Question{
		{Criterion: monitoring.Relevance, Text: "Les priorités répondent-elles aux besoins du territoire et des partenaires ?", Answer: "Oui pour l'eau ; la jeunesse demande une offre plus large que les échanges scolaires."},
		{Criterion: monitoring.Coherence, Text: "La stratégie s'articule-t-elle avec les politiques de l'agglomération ?", Answer: "Avec l'eau et le développement économique ; pas encore avec la politique de la ville."},
		{Criterion: monitoring.Effectiveness, Text: "Les résultats attendus sont-ils atteints ?", Answer: "En partie : 55 % des raccordements prévus, 21 % des mobilités."},
		{Criterion: monitoring.Efficiency, Text: "Les moyens sont-ils proportionnés aux résultats ?"},
		{Criterion: monitoring.Impact, Text: "Qu'est-ce qui a changé pour les habitants de Ziguinchor et de Belval ?"},
		{Criterion: monitoring.Sustainability, Text: "Les acquis tiendront-ils sans financement de l'agglomération ?", Answer: "La régie de Ziguinchor assure désormais l'exploitation."},
	} {
		if err := st.AddQuestion(ctx, system, a, e.ID, &q); err != nil {
			return err
		}
	}
	for _, r := range []monitoring.Recommendation{
		{Text: "Nommer un responsable pour chaque indicateur et publier leur suivi chaque année", Owner: "Mission relations internationales", Response: monitoring.Accepted, FollowUp: monitoring.Done, Notes: "Fait dans la stratégie 2026–2032."},
		{Text: "Ouvrir la mobilité aux apprentis et aux jeunes des quartiers prioritaires", Owner: "Direction de la jeunesse", Response: monitoring.Accepted, FollowUp: monitoring.Underway},
		{Text: "Associer les associations de la diaspora au comité de pilotage", Owner: "Vice-présidente aux relations internationales", Response: monitoring.Accepted, FollowUp: monitoring.Underway},
		{Text: "Faire connaître les résultats de la coopération sur l'eau aux habitants", Owner: "Direction de la communication", Response: monitoring.Partly, FollowUp: monitoring.ToStart, Notes: "Une rubrique « Belval dans le monde » est prévue."},
		{Text: "Réserver 2 % de chaque convention au suivi et à l'évaluation", Owner: "Direction des finances", Response: monitoring.Partly, FollowUp: monitoring.Underway},
		{Text: "Adhérer à un second réseau européen", Owner: "Mission Europe", Response: monitoring.Accepted, FollowUp: monitoring.ToStart},
		{Text: "Créer un poste de chargé de mission à temps plein pour l'Europe", Owner: "Direction générale des services", Response: monitoring.Refused, FollowUp: monitoring.Abandoned, Notes: "Hors budget ; mutualisation avec la région étudiée."},
		{Text: "Évaluer la semaine de la solidarité internationale avec les participants", Owner: "Direction de la culture", FollowUp: monitoring.ToStart},
	} {
		if err := st.AddRecommendation(ctx, system, a, e.ID, &r); err != nil {
			return err
		}
	}
	return nil
}

// loadRevision records that the strategy 2026–2032 was prepared from the 2020–2026 one, with the
// mid-term evaluation's recommendations (not the refused one) on the objectives they concern and its
// lessons on the whole: what « Préparer la stratégie suivante » would have left.
func loadRevision(ctx context.Context, st *store.Store, fx *Fixture) error {
	a := fx.Authority.ID
	objs, err := st.Objectives(ctx, a, fx.Strategy.ID)
	if err != nil || len(objs) < 4 {
		return err
	}
	on := func(i int) logframe.Ref { return logframe.Ref{Kind: logframe.KindSpecificObjective, ID: objs[i].ID} }
	const eval = "« Évaluation à mi-parcours de la stratégie 2020–2026 » "
	notes := []store.RevisionNote{
		{Source: monitoring.FromRecommendation, Text: eval + "(acceptée, réalisée) : Nommer un responsable pour chaque indicateur et publier leur suivi chaque année — porteur : Mission relations internationales"},
		{Element: on(1), Source: monitoring.FromRecommendation, Text: eval + "(acceptée, en cours) : Ouvrir la mobilité aux apprentis et aux jeunes des quartiers prioritaires — porteur : Direction de la jeunesse"},
		{Element: on(3), Source: monitoring.FromRecommendation, Text: eval + "(acceptée, en cours) : Associer les associations de la diaspora au comité de pilotage — porteur : Vice-présidente aux relations internationales"},
		{Element: on(0), Source: monitoring.FromRecommendation, Text: eval + "(acceptée partiellement, à engager) : Faire connaître les résultats de la coopération sur l'eau aux habitants — porteur : Direction de la communication"},
		{Source: monitoring.FromRecommendation, Text: eval + "(acceptée partiellement, en cours) : Réserver 2 % de chaque convention au suivi et à l'évaluation — porteur : Direction des finances"},
		{Element: on(2), Source: monitoring.FromRecommendation, Text: eval + "(acceptée, à engager) : Adhérer à un second réseau européen — porteur : Mission Europe"},
		{Element: on(3), Source: monitoring.FromRecommendation, Text: eval + "(sans réponse, à engager) : Évaluer la semaine de la solidarité internationale avec les participants — porteur : Direction de la culture"},
		{Source: monitoring.FromLessons, Text: eval + ": Nommer un responsable par indicateur dès l'adoption ; associer la diaspora dès la conception des projets ; prévoir un budget d'évaluation dans chaque convention."},
	}
	report := monitoring.RevisionReport{PreviousTitle: fx.Past.Title,
		Carried: []string{"les éléments clés (vision, mission, objectif général), revus en atelier",
			"les objectifs de la coopération avec Ziguinchor et de la mobilité des jeunes, élargis", "les indicateurs suivis, avec leur dernière valeur mesurée comme valeur de référence",
			"les recommandations de l'évaluation à mi-parcours (sauf celle refusée) et ses enseignements, rattachés à l'objectif qu'ils concernent"},
		NotCarried: []string{"les cibles datées de 2020–2026 : celles de 2026–2032 ont été fixées à nouveau",
			"les mesures, l'évaluation et les projets : ils restent avec la stratégie 2020–2026", "la matrice AFOM : le diagnostic a été refait"}}
	return st.RecordRevision(ctx, system, a, fx.Strategy.ID, fx.Past.ID, notes, report)
}

// nameRecommendationElements names, on the mid-term evaluation's recommendations, the objective of the
// evaluated strategy each is about; it runs once that strategy's framework exists (loadPastFramework).
func nameRecommendationElements(ctx context.Context, st *store.Store, fx *Fixture) error {
	a := fx.Authority.ID
	objs, err := st.Objectives(ctx, a, fx.Past.ID)
	if err != nil || len(objs) < 3 {
		return err
	}
	about := map[string]int{ // recommendation → index of the objective (eau, jeunesse, sensibilisation)
		"Ouvrir la mobilité aux apprentis et aux jeunes des quartiers prioritaires": 1,
		"Faire connaître les résultats de la coopération sur l'eau aux habitants":   0,
		"Évaluer la semaine de la solidarité internationale avec les participants":  2,
		"Associer les associations de la diaspora au comité de pilotage":            2,
	}
	evals, err := st.Evaluations(ctx, a, fx.Past.ID)
	if err != nil {
		return err
	}
	for _, e := range evals {
		for _, r := range e.Recommendations {
			i, ok := about[r.Text]
			if !ok {
				continue
			}
			r.Element = logframe.Ref{Kind: logframe.KindSpecificObjective, ID: objs[i].ID}
			if err := st.UpdateRecommendation(ctx, system, a, e.ID, &r); err != nil {
				return err
			}
		}
	}
	return nil
}
