package demo

import (
	"context"
	"time"

	"boussole/internal/funding"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
)

// demoApplications are the four requests the territory's associations sent the solidarity fund: one
// granted and partly paid, one to decide, one the review refuses (a theme the fund does not support and
// an amount above its cap), one deferred for its share of salaries.
var demoApplications = []struct {
	applicant   string
	kind        stakeholder.Kind
	title       string
	country     string
	theme       funding.Theme
	cost, asked int64 // euros
	salary      int64 // percent, -1 when not known
	sdgs        []int
	decision    funding.Decision
	granted     int64 // euros
	paid        int64 // euros, in 2026
}{
	{"Association Belval Solidarité Sahel", stakeholder.KindAssociation, "Latrines scolaires à Ziguinchor", "SN", "eau-assainissement", 14000, 7000, 20, []int{6, 4},
		funding.DecisionGranted, 7000, 4000},
	{"Association des familles maliennes de Belval", stakeholder.KindDiaspora, "Bibliothèque de village dans la région de Kayes", "ML", "education-formation", 12000, 6000, -1, []int{4},
		funding.DecisionPending, 0, 0},
	{"Festival Belval Musiques du monde", stakeholder.KindAssociation, "Tournée d'artistes de Casamance", "SN", "culture", 20000, 9000, 10, []int{11},
		funding.DecisionRefused, 0, 0},
	{"Collectif des ressortissants sénégalais", stakeholder.KindDiaspora, "Case de santé de quartier à Ziguinchor", "SN", "sante", 10000, 4500, 45, []int{3},
		funding.DecisionDeferred, 0, 0},
}

// loadSchemes adds the authority's solidarity fund and the applications it received in 2026.
func loadSchemes(ctx context.Context, st *store.Store, fx *Fixture) error {
	rate, salary := int64(50), int64(30)
	sc := funding.Scheme{AuthorityID: fx.Authority.ID, Name: "Fonds de solidarité internationale",
		Description:    "Soutient les projets des associations et des diasporas du Grand Belval avec les territoires partenaires : appel à projets annuel, dépôt avant le 31 mars, décision en commission de juin.",
		MaxRatePercent: &rate, CapCents: eurosToCents(8000), EnvelopeCents: eurosToCents(40000), MaxSalaryPercent: &salary,
		Applicants: []stakeholder.Kind{stakeholder.KindAssociation, stakeholder.KindDiaspora}, Countries: []string{"SN", "ML"},
		Themes: []funding.Theme{"eau-assainissement", "education-formation", "sante", "jeunesse-sport"}, SDGs: []int{3, 4, 6}}
	if err := st.SaveScheme(ctx, fx.Actor, &sc); err != nil {
		return err
	}
	for _, d := range demoApplications {
		who, err := st.StakeholderByKey(ctx, fx.Authority.ID, d.kind, d.applicant)
		if err != nil {
			return err
		}
		a := funding.Application{AuthorityID: fx.Authority.ID, SchemeID: sc.ID, StakeholderID: who.ID, Title: d.title, Year: 2026, Country: d.country,
			Theme: d.theme, CostCents: eurosToCents(d.cost), AskedCents: eurosToCents(d.asked), SDGs: d.sdgs}
		if d.salary >= 0 {
			s := d.salary
			a.SalaryPercent = &s
		}
		if err := st.SaveApplication(ctx, fx.Actor, &a); err != nil {
			return err
		}
		if d.decision == funding.DecisionPending {
			continue
		}
		a.Decision = d.decision
		var pay *funding.Payment
		if d.decision == funding.DecisionGranted {
			a.GrantedCents = eurosToCents(d.granted)
			pay = &funding.Payment{Year: 2026, AmountCents: d.paid * 100}
			// What the publication of the grant needs (a fictitious association number).
			a.DecidedOn, a.DecisionRef, a.BeneficiaryID = time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC), "DEL-2026-031", "W333216789"
		}
		if err := st.DecideApplication(ctx, fx.Actor, &a, pay); err != nil {
			return err
		}
	}
	return nil
}
