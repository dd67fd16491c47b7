package demo

import (
	"context"
	"time"

	"boussole/internal/funding"
	"boussole/internal/partialdate"
	"boussole/internal/store"
)

// demoSpending are commitments and payments over two years and two countries: Ziguinchor's water project
// pays the partner commune (on the map, linked) and pS-Eau; Sefrou's training pays a beneficiary that is not
// on the map (its name typed). The yearly ODA declaration is computed from these payments.
var demoSpending = []struct {
	project string
	kind    funding.MovementKind
	date    partialdate.Date
	euros   int64
	country string
	benef   funding.BeneficiaryKind
	actor   string // a stakeholder of the map, by name; "" for a name typed
	name    string
	note    string
}{
	{"Eau potable à Ziguinchor", funding.Committed, month(2027, time.January), 250_000, "SN", funding.BeneficiaryAuthority, "Commune de Ziguinchor", "", "Convention de partenariat 2027-2029"},
	{"Eau potable à Ziguinchor", funding.Paid, partialdate.Of(2027, time.June, 15), 100_000, "SN", funding.BeneficiaryAuthority, "Commune de Ziguinchor", "", "Mandat n° 2027-1184"},
	{"Eau potable à Ziguinchor", funding.Committed, month(2027, time.March), 30_000, "SN", funding.BeneficiaryNGO, "pS-Eau", "", "Appui à la maîtrise d'ouvrage"},
	{"Eau potable à Ziguinchor", funding.Paid, month(2028, time.March), 120_000, "SN", funding.BeneficiaryAuthority, "Commune de Ziguinchor", "", "Mandat n° 2028-0231"},
	{"Eau potable à Ziguinchor", funding.Paid, partialdate.OfYear(2028), 30_000, "SN", funding.BeneficiaryNGO, "pS-Eau", "", ""},
	{"Formation des agents de Sefrou", funding.Committed, month(2027, time.September), 40_000, "MA", funding.BeneficiaryOperator, "", "Centre de formation des collectivités de Fès-Meknès", "Bon de commande 2027-77"},
	{"Formation des agents de Sefrou", funding.Paid, month(2028, time.February), 25_000, "MA", funding.BeneficiaryOperator, "", "Centre de formation des collectivités de Fès-Meknès", ""},
}

// loadSpending records the demo's commitments and payments on the projects loadFunding created.
func loadSpending(ctx context.Context, st *store.Store, fx *Fixture) error {
	a := fx.Authority.ID
	projects, err := st.StrategyProjects(ctx, a, fx.Strategy.ID)
	if err != nil {
		return err
	}
	byTitle := map[string]int64{}
	for _, p := range projects {
		byTitle[p.Title] = p.ID
	}
	actors, err := st.Stakeholders(ctx, a)
	if err != nil {
		return err
	}
	byName := map[string]int64{}
	for _, s := range actors {
		byName[s.Name] = s.ID
	}
	for _, d := range demoSpending {
		sp := funding.Spending{ProjectID: byTitle[d.project], Kind: d.kind, Date: d.date, AmountCents: d.euros * 100, Country: d.country,
			Beneficiary: d.benef, StakeholderID: byName[d.actor], Name: d.name, Note: d.note}
		if err := st.SaveSpending(ctx, fx.Actor, a, &sp); err != nil {
			return err
		}
	}
	return nil
}
