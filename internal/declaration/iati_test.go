package declaration

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"boussole/internal/funding"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/number"
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

func dec(v string) *number.Decimal {
	d, err := number.ParseCanonical(v)
	if err != nil {
		panic(err)
	}
	return &d
}

func sample() strategy.Strategy {
	start, _ := partialdate.Parse("2025-03")
	end, _ := partialdate.Parse("2027")
	base, _ := partialdate.Parse("2024")
	target, _ := partialdate.Parse("2026")
	later, _ := partialdate.Parse("2027-06-30")
	obj := logframe.ObjectiveRecord{SpecificObjective: logframe.SpecificObjective{ID: 11, Title: "Accès à l'eau", Description: "Pour les écoles"}}
	res := logframe.ResultRecord{ExpectedResult: logframe.ExpectedResult{ID: 21, ObjectiveID: 11, Title: "Forages réalisés"}}
	act := logframe.ActivityRecord{Activity: logframe.Activity{ID: 31, ResultID: 21, Title: "Creuser"}}
	empty := logframe.ResultRecord{ExpectedResult: logframe.ExpectedResult{ID: 22, ObjectiveID: 11, Title: "Sans indicateur"}}
	return strategy.Strategy{
		Authority: model.Authority{Name: "Grand Belval", OfficialID: testEPCI},
		Framework: strategy.Framework{
			Objectives: []logframe.ObjectiveRecord{obj}, Results: []logframe.ResultRecord{res, empty}, Activities: []logframe.ActivityRecord{act},
			Indicators: []logframe.IndicatorRecord{
				{Indicator: logframe.Indicator{ID: 41, Level: logframe.Ref{Kind: logframe.KindResult, ID: 21}, Title: "Forages", Unit: "forages",
					Measure: logframe.MeasureUnit, Ascending: true, Baseline: &logframe.Baseline{Value: dec("2"), Date: base},
					Targets: []logframe.Target{{Date: target, Value: dec("10")}, {Date: later, Value: dec("14.5")}}}},
				{Indicator: logframe.Indicator{ID: 42, Level: logframe.Ref{Kind: logframe.KindSpecificObjective, ID: 11}, Title: "Satisfaction",
					Measure: logframe.MeasureQualitative, Baseline: &logframe.Baseline{Text: "faible"}}},
			}},
		Monitoring: strategy.Monitoring{Measurements: []monitoring.Measurement{
			{IndicatorID: 41, PeriodStart: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), PeriodEnd: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), Value: dec("7")},
			{IndicatorID: 42, PeriodStart: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), PeriodEnd: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), Text: "bonne"},
		}},
		Funding: strategy.Funding{Projects: []funding.Project{
			{ID: 7, Title: "Eau potable à Kaya", Summary: "Forages & latrines <écoles>", Status: funding.StatusRunning,
				Partners: []string{"Commune de Kaya"}, Countries: []string{"BF", "NE", "ML"}, SDGs: []int{6},
				Start: start, End: end, UpdatedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
				Links: []funding.Link{{Kind: funding.LinkActivity, ID: 31}, {Kind: funding.LinkResult, ID: 21}, {Kind: funding.LinkObjective, ID: 11},
					{Kind: funding.LinkResult, ID: 22}},
				Declaration: funding.Declaration{Kind: funding.KindOnePercent, Sector: "14030", Channel: "11002", Markers: map[string]int{"1": 1, "7": 2}, Version: 1},
				Lines: []funding.Line{
					{Source: funding.SourceOwn, AmountCents: 1000050, Status: funding.LinePaid, Year: 2025},
					{Source: funding.SourceProgramme, Programme: "FICOL", AmountCents: 500000, Status: funding.LineGranted, Year: 2025},
					{Source: funding.SourcePartner, Label: "Agence de l'eau", AmountCents: 1, Status: funding.LineRefused, Year: 2026},
					{Source: funding.SourceOwn, AmountCents: 300000, Status: funding.LineGranted, Year: 2027},
				}},
			{ID: 8, Title: "Idée non déposée", Status: funding.StatusIdea},
			{ID: 9, Title: "Sans dates", Status: funding.StatusApplied},
			{ID: 10, Title: "Festival", Status: funding.StatusClosed, Declaration: funding.Declaration{Kind: funding.KindAwareness, Sector: "99820", Version: 1},
				Lines: []funding.Line{{Source: funding.SourceOwn, AmountCents: 20000, Status: funding.LinePaid, Year: 2026}}},
		}},
	}
}

func TestIATIValidatesAgainstTheSchema(t *testing.T) {
	var b bytes.Buffer
	now := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	if err := WriteIATI(&b, now, sample()); err != nil {
		t.Fatal(err)
	}
	if err := validate(t, b.Bytes()); err != nil {
		t.Fatalf("schema refuses the file: %v\n%s", err, b.String())
	}
	s := b.String()
	id := "<iati-identifier>" + OrgRef(testEPCI) + "-P7</iati-identifier>"
	for _, want := range []string{`percentage="34"`, id, `<value value-date="2025-12-31">10000.50</value>`, `&lt;écoles&gt;`,
		`default-currency="EUR"`, `xml:lang="fr"`, `<sector vocabulary="1" code="14030" percentage="100">`,
		`<policy-marker vocabulary="1" code="7" significance="2">`, `<default-aid-type code="C01" vocabulary="1">`,
		`<recipient-region code="998" vocabulary="1" percentage="100">`, `<sector vocabulary="1" code="99810" percentage="100">`,
		`<result type="1">`, `<result type="2">`, `<baseline iso-date="2024-01-01" year="2024" value="2">`, `<target value="10">`,
		`<actual value="7">`, `<target value="14.5">`, `<period-end iso-date="2027-06-30">`, `<narrative>bonne</narrative>`,
		`type="11"`} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s", want)
		}
	}
	// The result served through its activity and directly is written once; the one without indicator not at all.
	if n := strings.Count(s, "Forages réalisés"); n != 1 {
		t.Errorf("the result appears %d times", n)
	}
	if strings.Contains(s, "Sans indicateur") || strings.Contains(s, "faible") {
		t.Error("a result without indicator, or a baseline without date, was written")
	}
	if strings.Contains(s, "Idée non déposée") || strings.Contains(s, "Agence de l") {
		t.Error("an idea, a refused line or a future transaction was reported")
	}
	if strings.Contains(s, "<transaction-date iso-date=\"2027") {
		t.Error("a transaction is dated in the future")
	}
	// Recipient percentages sum to 100 in each activity.
	recipient := regexp.MustCompile(`<recipient-(?:country|region) [^>]*percentage="(\d+)"`)
	for _, act := range strings.Split(s, "<iati-activity ")[1:] {
		sum := 0
		for _, m := range recipient.FindAllStringSubmatch(act, -1) {
			n, _ := strconv.Atoi(m[1])
			sum += n
		}
		if sum != 100 {
			t.Errorf("recipient percentages sum to %d in\n%s", sum, act)
		}
	}
	// The validator can refuse: an activity without its identifier is invalid.
	bad := strings.Replace(s, id, "", 1)
	if err := validate(t, []byte(bad)); err == nil {
		t.Fatal("the schema accepted an activity without identifier")
	}
}

func TestOrgRef(t *testing.T) {
	if got := OrgRef(testEPCI); got != "FR-INSEE-"+strings.TrimPrefix(testEPCI, "epci:") {
		t.Errorf("EPCI: %s", got)
	}
	if got := OrgRef(""); got != "FR-INSEE-SIREN-INCONNU" {
		t.Errorf("unknown: %s", got)
	}
}

// testEPCI is an EPCI of the official list: its code is its SIREN.
const testEPCI = "epci:200000172"
