package opendata

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/funding"
	"boussole/internal/logframe"
	"boussole/internal/number"
	"boussole/internal/partialdate"
)

func TestIndicatorsTableKeepsOnlyThePublicOnes(t *testing.T) {
	ten := number.Int(10)
	fifty := number.New(505, 1)
	list := []PublicIndicator{
		{"Stratégie 2026–2032", logframe.Indicator{Title: "Jeunes en mobilité, « Erasmus+ »", Public: true, Ascending: true, Measure: logframe.MeasureUnit,
			Baseline: &logframe.Baseline{Value: &ten, Date: partialdate.OfYear(2025)},
			Targets:  []logframe.Target{{Date: partialdate.OfMonth(2029, 6), Value: &fifty}, {Date: partialdate.OfYear(2032), Text: "doublé"}},
			Sources:  []string{"Rapport annuel", "Agence Erasmus+"}}},
		{"Stratégie 2026–2032", logframe.Indicator{Title: "Interne", Public: false}},
	}
	tab := Indicators(list)
	if len(tab.Rows) != 2 {
		t.Fatalf("rows: %v", tab.Rows)
	}
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(tab.CSV()), "\ufeff"))).ReadAll()
	if err != nil || len(records) != 3 || len(records[0]) != len(IndicatorColumns) {
		t.Fatalf("CSV: %v %v", records, err)
	}
	if records[1][6] != "10" || records[1][8] != "50.5" || records[1][10] != "2029-06" || records[2][9] != "doublé" || records[1][12] != "Rapport annuel ; Agence Erasmus+" {
		t.Errorf("rows: %v", records[1:])
	}
	var doc struct {
		Licence string           `json:"licence"`
		Donnees []map[string]any `json:"donnees"`
	}
	if err := json.Unmarshal(tab.JSON(), &doc); err != nil || doc.Licence != Licence.URL || doc.Donnees[1]["cible_valeur"] != nil {
		t.Errorf("JSON: %+v %v", doc, err)
	}
	cat := Catalogue(Publisher{Name: "Angoulême"}, "https://b.test/public/angouleme/donnees", time.Now(), []Table{tab})
	b, _ := json.Marshal(cat)
	for _, want := range []string{`"dcat:Catalog"`, `"dcat:downloadURL":"https://b.test/public/angouleme/donnees/indicateurs.csv"`, Licence.URL, `"reference_valeur"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("catalogue lacks %s", want)
		}
	}
}

func TestPartnershipsAndProjectsTables(t *testing.T) {
	budget, cost := int64(5_000_000), int64(12_345_67)
	pt := Partnerships([]diagnostic.Partnership{{Partner: "Commune de Podor", Countries: []string{"SN"}, Kind: diagnostic.KindDecentralised, StartYear: 2006,
		Services: []string{"Direction de l'eau"}, LocalActors: []string{"Lycée Jean Moulin"}, YearlyBudgetCents: &budget}})
	csv := string(pt.CSV())
	for _, own := range []string{"Direction de l'eau", "Lycée Jean Moulin", "50000"} {
		if strings.Contains(csv, own) {
			t.Errorf("the partnerships table holds %q:\n%s", own, csv)
		}
	}
	if !strings.Contains(csv, "Commune de Podor,SN,") || !strings.Contains(csv, ",2006,") {
		t.Errorf("partnerships:\n%s", csv)
	}
	projects, financing := Projects([]funding.Project{{Title: "Forages", BudgetCents: &cost, Status: funding.StatusRunning,
		Lines: []funding.Line{{Source: funding.SourceOwn, AmountCents: 250_005, Status: funding.LineGranted, Year: 2027}, {Source: funding.SourcePartner, Label: "Agence de l'eau", AmountCents: 100, Status: funding.LineApplied}}},
		{Title: "Sans coût"}}, nil)
	if len(projects.Rows) != 2 || projects.Rows[0][7] != "12345.67" || projects.Rows[1][7] != "" {
		t.Errorf("projects: %q", projects.Rows)
	}
	if len(financing.Rows) != 2 || financing.Rows[0][3] != "2500.05" || financing.Rows[1][2] != "Agence de l'eau" || financing.Rows[1][3] != "1.00" || financing.Rows[1][5] != "" {
		t.Errorf("financing: %q", financing.Rows)
	}
}
