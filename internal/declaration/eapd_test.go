package declaration

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"boussole/internal/funding"
	"boussole/internal/partialdate"
	"boussole/internal/strategy"
	"boussole/internal/tabular"
)

func eapdSample() strategy.Strategy {
	start, _ := partialdate.Parse("2024-01")
	desc := funding.Declaration{Kind: funding.KindOnePercent, Sector: "14030", Channel: "11002", Markers: map[string]int{"1": 1, "6": 0}, Version: 1}
	return strategy.Strategy{Funding: strategy.Funding{Projects: []funding.Project{
		{ID: 1, Title: "Eau à Kaya", Status: funding.StatusRunning, Countries: []string{"BF", "NE", "ML"}, Start: start, Declaration: desc,
			Lines: []funding.Line{
				{Source: funding.SourceOwn, AmountCents: 1000001, Status: funding.LinePaid, Year: 2025},
				{Source: funding.SourceOwn, AmountCents: 50000, Status: funding.LineGranted, Year: 2025},
				{Source: funding.SourceProgramme, Programme: "FICOL", AmountCents: 900000, Status: funding.LinePaid, Year: 2025},
				{Source: funding.SourceOwn, AmountCents: 777, Status: funding.LinePaid, Year: 2024},
			}},
		{ID: 2, Title: "Jumelage avec Québec", Status: funding.StatusRunning, Countries: []string{"CA"},
			Declaration: funding.Declaration{Kind: funding.KindCooperation, Sector: "15110", Version: 1},
			Lines:       []funding.Line{{Source: funding.SourceOwn, AmountCents: 30000, Status: funding.LinePaid, Year: 2025}}},
		{ID: 3, Title: "Festival des solidarités", Status: funding.StatusClosed,
			Declaration: funding.Declaration{Kind: funding.KindAwareness, Sector: "99820", Channel: "11002", Markers: map[string]int{"1": 2}, Version: 1},
			Lines:       []funding.Line{{Source: funding.SourceOwn, AmountCents: 200000, Status: funding.LinePaid, Year: 2025}}},
		{ID: 4, Title: "Non décrit", Status: funding.StatusRunning, Countries: []string{"SN"},
			Lines: []funding.Line{{Source: funding.SourceOwn, AmountCents: 100, Status: funding.LinePaid, Year: 2025}, {Source: funding.SourceOwn, AmountCents: 5, Status: funding.LineGranted}}},
		{ID: 5, Title: "Idée", Status: funding.StatusIdea, Countries: []string{"SN"}},
		{ID: 6, Title: "Contribution au FENU", Status: funding.StatusClosed,
			Declaration: funding.Declaration{Kind: funding.KindMultilateral, Sector: "15112", Channel: "41000", Markers: map[string]int{"1": 0}, Version: 1},
			Lines:       []funding.Line{{Source: funding.SourceOwn, AmountCents: 5000, Status: funding.LinePaid, Year: 2025}}},
	}}}
}

func TestEAPDLinesAndChecks(t *testing.T) {
	e := BuildEAPD(2025, eapdSample())
	var byProject = map[int64][]EAPDLine{}
	for _, l := range e.Lines {
		byProject[l.ProjectID] = append(byProject[l.ProjectID], l)
	}
	// 10 000,01 € split in three: the cent left over goes to the first country; the programme's money and
	// the other year are not the authority's spending of 2025.
	kaya := byProject[1]
	if len(kaya) != 3 || kaya[0].AmountCents+kaya[1].AmountCents+kaya[2].AmountCents != 1000001 || !kaya[0].Eligible {
		t.Fatalf("Kaya lines: %+v", kaya)
	}
	if l := byProject[2]; len(l) != 1 || l[0].Eligible || l[0].Country != "CA" {
		t.Errorf("Canada is not an ODA recipient: %+v", l)
	}
	if l := byProject[3]; len(l) != 1 || !l[0].Eligible || l[0].Country != "" {
		t.Errorf("awareness in France: %+v", l)
	}
	if _, ok := byProject[5]; ok {
		t.Error("an idea with no spending is declared")
	}
	if l := byProject[6]; len(l) != 1 || !l[0].Eligible || l[0].Country != "" {
		t.Errorf("a multilateral payment has no country: %+v", l)
	}
	if want := int64(1000001 + 200000 + 100 + 5000); e.TotalCents != want {
		t.Errorf("total %d, want %d (Canada left out, undescribed Senegal counted)", e.TotalCents, want)
	}
	msgs := map[int64]string{}
	for _, p := range e.Problems {
		msgs[p.ProjectID] += p.Message + "\n"
	}
	for id, want := range map[int64][]string{
		1: {"du budget propre sont accordés pour 2025 mais pas marqués versés"},
		2: {"Canada : pas sur la liste", "canal", "marqueurs"},
		4: {"nature de la dépense", "secteur CAD", "du budget propre n'ont pas d'année"},
		6: {"organisations internationales éligibles"},
	} {
		for _, w := range want {
			if !strings.Contains(msgs[id], w) {
				t.Errorf("project %d: missing « %s » in\n%s", id, w, msgs[id])
			}
		}
	}
	if msgs[3] != "" {
		t.Errorf("a complete line has problems: %s", msgs[3])
	}
	if e.Count(Blocking) == 0 || e.Count(ToCheck) == 0 {
		t.Error("counts")
	}
	// Another year outside the embedded DAC list says so.
	if old := BuildEAPD(2026, eapdSample()); len(old.Problems) == 0 || old.Problems[0].ProjectID != 0 {
		t.Error("a year outside the list's edition is not flagged")
	}
}

func TestEAPDSpreadsheets(t *testing.T) {
	e := BuildEAPD(2025, eapdSample())
	var csv bytes.Buffer
	if err := tabular.WriteCSV(&csv, EAPDHeader(), e.Rows()); err != nil {
		t.Fatal(err)
	}
	s := csv.String()
	for _, want := range []string{"Burkina Faso", "3333,35", "Approvisionnement en eau potable et assainissement - dispositifs de base", "Gouvernment local", "France (dépense en France)",
		"Marqueur : Egalité des genres", ";non;", "non renseigné", NoCountryMultilateral} {
		if !strings.Contains(s, want) {
			t.Errorf("CSV lacks %q:\n%s", want, s)
		}
	}
	var x bytes.Buffer
	if err := tabular.WriteXLSX(&x, "e-APD 2025", EAPDHeader(), e.Rows()); err != nil || x.Len() < 1000 {
		t.Fatalf("xlsx: %v (%d bytes)", err, x.Len())
	}
	for _, r := range e.Rows() {
		if len(r) != len(EAPDHeader()) {
			t.Fatalf("row of %d cells for a header of %d", len(r), len(EAPDHeader()))
		}
	}
}

func TestDeclarationSeason(t *testing.T) {
	if DefaultYear(time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC)) != 2025 {
		t.Error("default year")
	}
	for m, want := range map[time.Month]bool{time.March: false, time.April: true, time.May: true, time.June: false} {
		if ReminderDue(time.Date(2026, m, 10, 0, 0, 0, 0, time.UTC)) != want {
			t.Errorf("%s: %v", m, !want)
		}
	}
}
