package monitoring

import (
	"strings"
	"testing"

	"boussole/internal/logframe"
	"boussole/internal/tabular"
)

func TestImport(t *testing.T) {
	jeunes := indicator("120", "", "600", true)
	jeunes.ID, jeunes.Title = 1, "Jeunes partis"
	part := indicator("10", "", "40", true)
	part.ID, part.Title, part.Measure = 2, "Part des jeunes des quartiers", logframe.MeasurePercentage
	locked := Measurement{ID: 9, IndicatorID: 1, Period: "2026", Value: dec("150"), MeasuredOn: d(2026, 12, 31), Review: ReviewValidated, Locked: true, Version: 4}
	targets := []ImportTarget{
		{Indicator: jeunes, Periods: Periods("annuelle", term), Existing: map[string]Measurement{"2026": locked}},
		{Indicator: part, Periods: Periods("annuelle", term)},
	}
	csv := "Indicateur;Période;Valeur;Constatée le;Source;Motif\n" +
		"Jeunes partis;2027;180;31/12/2027;Bilans OFAJ;\n" + // 2: fine
		"jeunes PARTIS;2028;1 234,5;;;\n" + // 3: fine, title folded, French decimal, date from the period
		"Jeunes partis;2026;155;;;\n" + // 4: locked, no reason
		"Jeunes partis;2026;155;;;Erreur de report\n" + // 5: locked, with a reason
		"Part des jeunes des quartiers;2027;beaucoup;;;\n" + // 6: not a number
		"Part des jeunes des quartiers;2027;120;;;\n" + // 7: a percentage above 100
		"Indicateur inconnu;2027;3;;;\n" + // 8
		"Jeunes partis;2027-T1;3;;;\n" + // 9: not a period of a yearly indicator
		"Jeunes partis;2027;190;;;\n" + // 10: second value for 2027
		"Jeunes partis;2029;12;15/03/2030;;\n" + // 11: date outside the period
		"2;;12,5;30/06/2030;;\n" // 12: by number, the period from the date
	tab, err := tabular.Read([]byte(csv), "mesures.csv", ImportSchema(), tabular.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	for _, may := range []bool{false, true} {
		res := Import(tab, targets, may)
		rejected := map[int]string{}
		for _, e := range res.Rejected {
			rejected[e.Line] = e.Reason
		}
		want := map[int]string{4: "verrouillée", 6: "beaucoup", 7: "pourcentage", 8: "n'est pas dans la stratégie", 9: "2027-T1", 10: "ligne 2", 11: "période « 2029 »"}
		if !may {
			want[5] = "seule la mission"
		}
		for line, part := range want {
			if !strings.Contains(rejected[line], part) {
				t.Errorf("may unlock %v, line %d: rejected %q, want it to say %q", may, line, rejected[line], part)
			}
		}
		if len(rejected) != len(want) {
			t.Errorf("may unlock %v: rejected %v", may, rejected)
		}
		if res.Committable() == "" {
			t.Error("an import with rejected rows is committable")
		}
		for _, a := range res.Accepted {
			switch a.Line {
			case 3:
				if a.Measurement.Value.String() != "1234.5" || !a.Measurement.MeasuredOn.Equal(d(2028, 12, 31)) {
					t.Errorf("line 3: %+v", a.Measurement)
				}
			case 5:
				if !a.Replaces || a.Measurement.ID != 9 || a.Measurement.Reason == "" {
					t.Errorf("line 5: %+v", a)
				}
			case 12:
				if a.Measurement.IndicatorID != 2 || a.Measurement.Period != "2030" {
					t.Errorf("line 12: %+v", a.Measurement)
				}
			}
		}
	}
	tab, _ = tabular.Read([]byte("Indicateur;Période;Valeur\nJeunes partis;2027;180\n"), "ok.csv", ImportSchema(), tabular.DefaultLimits)
	if res := Import(tab, targets, false); res.Committable() != "" || len(res.Accepted) != 1 {
		t.Errorf("a clean file: %q, %+v", res.Committable(), res)
	}
}
