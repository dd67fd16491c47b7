package funding

import (
	"strings"
	"testing"

	"boussole/internal/partialdate"
)

func TestSpendingValidate(t *testing.T) {
	known := func(c string) bool { return c == "SN" || c == "BF" }
	ok := Spending{Kind: Paid, Date: partialdate.OfYear(2026), AmountCents: 150000, Country: "SN", Beneficiary: BeneficiaryNGO, Name: "Eau Vive"}
	if errs := ok.Validate(known); errs != nil {
		t.Fatalf("valid record refused: %v", errs)
	}
	cases := []struct {
		name, field string
		edit        func(*Spending)
	}{
		{"negative", FieldSpendAmount, func(s *Spending) { s.AmountCents = -100 }},
		{"zero", FieldSpendAmount, func(s *Spending) { s.AmountCents = 0 }},
		{"absurd", FieldSpendAmount, func(s *Spending) { s.AmountCents = MaxSpendingCents + 1 }},
		{"no date", FieldSpendDate, func(s *Spending) { s.Date = partialdate.Date{} }},
		{"old year", FieldSpendDate, func(s *Spending) { s.Date = partialdate.OfYear(1990) }},
		{"kind", FieldSpendKind, func(s *Spending) { s.Kind = "don" }},
		{"country", FieldSpendCountry, func(s *Spending) { s.Country = "XX" }},
		{"beneficiary kind", FieldSpendBenef, func(s *Spending) { s.Beneficiary = "" }},
		{"no name nor actor", FieldSpendName, func(s *Spending) { s.Name = " " }},
	}
	for _, c := range cases {
		s := ok
		c.edit(&s)
		if msg := s.Validate(known).For(c.field); msg == "" {
			t.Errorf("%s: no message at %q", c.name, c.field)
		}
	}
	s := ok
	s.Name, s.StakeholderID = "", 7
	if errs := s.Validate(known); errs != nil {
		t.Errorf("a stakeholder stands for the name: %v", errs)
	}
}

func TestSpendingFindings(t *testing.T) {
	commit := Spending{Kind: Committed, Date: partialdate.OfYear(2026), AmountCents: 100000}
	pay := Spending{Kind: Paid, Date: partialdate.OfYear(2026), AmountCents: 60000}
	if f := SpendingFindings([]Spending{commit, pay}); f != nil {
		t.Errorf("payments within commitments flagged: %v", f)
	}
	f := SpendingFindings([]Spending{commit, pay, pay})
	if len(f) != 1 || !strings.Contains(f[0].Message, "dépassent les engagements") {
		t.Errorf("payments beyond commitments not flagged: %v", f)
	}
}

func TestSummariseSpending(t *testing.T) {
	p := Project{Spending: []Spending{
		{Kind: Committed, Date: partialdate.OfYear(2025), AmountCents: 1000, Country: "SN", Beneficiary: BeneficiaryAuthority},
		{Kind: Paid, Date: partialdate.OfYear(2026), AmountCents: 400, Country: "SN", Beneficiary: BeneficiaryAuthority},
		{Kind: Paid, Date: partialdate.OfMonth(2026, 3), AmountCents: 300, Beneficiary: BeneficiaryMultilateral},
	}}
	sum := SummariseSpending([]Project{p})
	if sum.Total.CommittedCents != 1000 || sum.Total.PaidCents != 700 || sum.Count != 3 {
		t.Fatalf("totals: %+v", sum)
	}
	if len(sum.ByYear) != 2 || sum.ByYear[0].Key != "2025" || sum.ByYear[1].PaidCents != 700 {
		t.Errorf("by year: %+v", sum.ByYear)
	}
	if len(sum.ByCountry) != 2 || sum.ByCountry[0].Key != "SN" || sum.ByCountry[1].Key != "" || sum.ByCountry[1].PaidCents != 300 {
		t.Errorf("by country, the unknown last and kept: %+v", sum.ByCountry)
	}
	if len(sum.ByKind) != 2 || sum.ByKind[0].Key != string(BeneficiaryAuthority) {
		t.Errorf("by kind: %+v", sum.ByKind)
	}
	if got := len(p.PaymentsIn(2026)); got != 2 {
		t.Errorf("payments of 2026: %d", got)
	}
}
