package declaration

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/strategy"
)

// schema is the official IATI 2.03 activity schema of the shared reference data.
const schema = "testdata/iati-schema-2.03/iati-activities-schema.xsd"

func validate(t *testing.T, doc []byte) error {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint (Debian libxml2-utils) is not installed")
	}
	if _, err := os.Stat(schema); err != nil {
		t.Skipf("schema not found: %v", err)
	}
	f := filepath.Join(t.TempDir(), "iati.xml")
	if err := os.WriteFile(f, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", schema, f).CombinedOutput()
	if err != nil {
		return &schemaError{string(out)}
	}
	return nil
}

type schemaError struct{ out string }

func (e *schemaError) Error() string { return e.out }

func sample() strategy.Strategy {
	start, _ := partialdate.Parse("2025-03")
	end, _ := partialdate.Parse("2027")
	return strategy.Strategy{
		Authority: model.Authority{Name: "Grand Belval", OfficialID: "epci:200000000"},
		Funding: strategy.Funding{Projects: []funding.Project{
			{ID: 7, Title: "Eau potable à Kaya", Summary: "Forages & latrines <écoles>", Status: funding.StatusRunning,
				Partners: []string{"Commune de Kaya"}, Countries: []string{"BF", "NE", "ML"}, SDGs: []int{6},
				Start: start, End: end, UpdatedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
				Lines: []funding.Line{
					{Source: funding.SourceOwn, AmountCents: 1000050, Status: funding.LinePaid, Year: 2025},
					{Source: funding.SourceProgramme, Programme: "FICOL", AmountCents: 500000, Status: funding.LineGranted, Year: 2025},
					{Source: funding.SourcePartner, Label: "Agence de l'eau", AmountCents: 1, Status: funding.LineRefused, Year: 2026},
				}},
			{ID: 8, Title: "Idée non déposée", Status: funding.StatusIdea},
			{ID: 9, Title: "Sans dates", Status: funding.StatusApplied},
		}},
	}
}

func TestIATIValidatesAgainstTheSchema(t *testing.T) {
	var b bytes.Buffer
	if err := WriteIATI(&b, sample(), time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := validate(t, b.Bytes()); err != nil {
		t.Fatalf("schema refuses the file: %v\n%s", err, b.String())
	}
	s := b.String()
	for _, want := range []string{`percentage="34"`, `<iati-identifier>FR-COLLECTIVITE-epci-200000000-P7</iati-identifier>`,
		`<value value-date="2025-01-01">10000.50</value>`, `&lt;écoles&gt;`} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s", want)
		}
	}
	if strings.Contains(s, "Idée non déposée") || strings.Contains(s, "Agence de l") {
		t.Error("an idea or a refused line was reported")
	}
	// The validator can refuse: an activity without its identifier is invalid.
	bad := strings.Replace(s, "<iati-identifier>FR-COLLECTIVITE-epci-200000000-P7</iati-identifier>", "", 1)
	if err := validate(t, []byte(bad)); err == nil {
		t.Fatal("the schema accepted an activity without identifier")
	}
}
