package opendata

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

func scdlSchema(t *testing.T) Schema {
	t.Helper()
	f, err := os.Open("testdata/scdl-subventions/schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ParseSchema(f)
	if err != nil || s.Name != "subventions" || s.Version != "2.1.1" || len(s.Fields) != len(SubventionColumns) {
		t.Fatalf("schema %s %s, %d fields, %v", s.Name, s.Version, len(s.Fields), err)
	}
	for i, f := range s.Fields {
		if SubventionColumns[i].Name != f.Name {
			t.Errorf("column %d is %s, the schema says %s", i, SubventionColumns[i].Name, f.Name)
		}
	}
	return s
}

// The validator agrees with the format's own examples: the valid one passes, every line of the invalid
// one is caught.
func TestValidatorOnTheSCDLExamples(t *testing.T) {
	s := scdlSchema(t)
	for name, wantProblems := range map[string]bool{"exemple_valide.csv": false, "exemple_invalide_erreurs_cellules.csv": true} {
		b, err := os.ReadFile("testdata/scdl-subventions/" + name)
		if err != nil {
			t.Fatal(err)
		}
		problems, err := s.Validate(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if !wantProblems && len(problems) > 0 {
			t.Errorf("%s: %v", name, problems)
		}
		if wantProblems {
			lines := map[int]bool{}
			for _, p := range problems {
				lines[p.Line] = true
			}
			if rows := strings.Count(strings.TrimSpace(string(b)), "\n"); len(lines) != rows {
				t.Errorf("%s: problems on %d of %d lines: %v", name, len(lines), rows, problems)
			}
		}
	}
}

func TestSubventionsAreValidSCDL(t *testing.T) {
	s := scdlSchema(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tab := Subventions("Grand Belval Agglomération", "21060004500392", []Grant{
		{Convention: day(2026, 3, 12), DecisionRef: "DEL-2026-031", Beneficiary: "Association Sahel Belval", BeneficiaryRNA: "W333216789",
			Object: "Forages à Ziguinchor", AmountCents: 800_000, Payment: "échelonné", PaidFrom: day(2026, 4, 1), PaidTo: day(2026, 10, 1),
			ShareOfCost: 450, Scheme: "Fonds de solidarité internationale"},
		{Convention: day(2026, 5, 2), Beneficiary: "Comité de jumelage", BeneficiarySIRET: "52499120500013", Object: "Échanges de jeunes",
			AmountCents: 150_050, InKind: true, Payment: "unique", PaidFrom: day(2026, 6, 1), ShareOfCost: 1000},
	})
	problems, err := s.Validate(bytes.NewReader(tab.CSV()))
	if err != nil || len(problems) > 0 {
		t.Fatalf("our SCDL file is refused: %v %v\n%s", problems, err, tab.CSV())
	}
	// A grant without its beneficiary's number or with a bad SIRET is caught, with its line.
	bad := Subventions("Grand Belval Agglomération", "21060004500393", []Grant{{Convention: day(2026, 3, 12), Beneficiary: "Sans numéro",
		Object: "x", AmountCents: 100, Payment: "unique", PaidFrom: day(2026, 4, 1), ShareOfCost: 2000}})
	problems, _ = s.Validate(bytes.NewReader(bad.CSV()))
	fields := map[string]bool{}
	for _, p := range problems {
		fields[p.Field] = p.Line == 2
	}
	for _, f := range []string{"idAttribuant", "idBeneficiaire", "pourcentageSubvention"} {
		if !fields[f] {
			t.Errorf("no problem on %s at line 2: %v", f, problems)
		}
	}
}
