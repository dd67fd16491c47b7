package declaration

import (
	"strings"
	"testing"

	"boussole/internal/funding"
)

// TestGrantsOfTheSchemesAreDeclared adds three grants paid in the year: one to a project in an eligible
// country, counted; one with no country and one in a country off the DAC list, listed but kept out of the
// total, each with the reason at its grant.
func TestGrantsOfTheSchemesAreDeclared(t *testing.T) {
	e := BuildEAPD(2025)
	e.AddGrants([]SchemeGrant{
		{SchemeID: 1, ApplicationID: 10, Scheme: "Fonds de solidarité", Title: "Puits à Podor", Applicant: "Amis de Podor", Country: "SN", PaidCents: 300000},
		{SchemeID: 1, ApplicationID: 11, Scheme: "Fonds de solidarité", Title: "Bibliothèque", Applicant: "Lire ensemble", PaidCents: 150000},
		{SchemeID: 1, ApplicationID: 12, Scheme: "Fonds de solidarité", Title: "Échange", Applicant: "Jumelage", Country: "US", PaidCents: 90000},
		{SchemeID: 1, ApplicationID: 13, Scheme: "Fonds de solidarité", Title: "Rien versé", Applicant: "X", Country: "SN"},
	})
	if e.TotalCents != 300000 {
		t.Errorf("total %d, want only the eligible grant", e.TotalCents)
	}
	if len(e.Lines) != 3 {
		t.Fatalf("%d lines, want the three grants paid: %+v", len(e.Lines), e.Lines)
	}
	first := e.Lines[0]
	if first.ApplicationID != 10 || first.Kind != funding.KindNGOGrant || first.Channel != ChannelDonorNGO || !first.Eligible ||
		!strings.Contains(first.Project, "Amis de Podor") {
		t.Errorf("the eligible grant: %+v", first)
	}
	blocking := map[int64]string{}
	for _, p := range e.Problems {
		if p.Severity == Blocking {
			blocking[p.ApplicationID] = p.Message
		}
	}
	if blocking[10] != "" || !strings.Contains(blocking[11], "pays") || !strings.Contains(blocking[12], "pas sur la liste") {
		t.Errorf("problems by grant: %v", blocking)
	}
	rows := e.Rows()
	if len(rows) != 3 || !strings.Contains(rows[0][len(rows[0])-1], "secteur CAD") {
		t.Errorf("the sheet's lines carry the grant's problems: %v", rows)
	}
}
