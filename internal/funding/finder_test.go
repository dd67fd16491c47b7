package funding

import (
	"strings"
	"testing"

	"boussole/internal/partialdate"
)

func TestFind(t *testing.T) {
	p := Project{Themes: []Theme{"eau-assainissement"}, Countries: []string{"SN"}, Start: partialdate.OfMonth(2027, 1), End: partialdate.OfMonth(2028, 12)}
	got := Find(p, Context{Catalogue: testCatalogue, AuthorityKind: "commune"})
	if len(got) == 0 || !got[0].Eligible || (got[0].Programme.Code != "1pc-eau" && got[0].Programme.Code != "1pc-assainissement") {
		t.Fatalf("first match: %+v", got[0])
	}
	byCode := map[string]Match{}
	for _, m := range got {
		byCode[m.Programme.Code] = m
	}
	if m := byCode["fonds-bekou"]; m.Eligible {
		t.Error("Bêkou offered for Senegal")
	}
	meae := byCode["meae-generaliste"]
	if !strings.Contains(strings.Join(meae.Missing, " "), "convention signée") {
		t.Errorf("MEAE should say the agreement is missing: %v", meae.Missing)
	}
	if r := Find(p, Context{Catalogue: testCatalogue, AuthorityKind: "region"}); r[0].Programme.Code == "1pc-eau" {
		t.Error("a region is offered the 1 % water first")
	}
}

func TestPortfolio(t *testing.T) {
	d := func(y int) partialdate.Date { return partialdate.OfYear(y) }
	a := Project{ID: 1, Themes: []Theme{"mobilite-transports"}, Countries: []string{"SN"}, Start: d(2027), End: d(2028), Priorities: []int64{10},
		Lines: []Line{{Source: SourceProgramme, Programme: "meae-generaliste", AmountCents: 100, Status: LineGranted}}}
	b := Project{ID: 2, Themes: []Theme{"mobilite-transports"}, Countries: []string{"SN"}, Start: d(2028), End: d(2029),
		Lines: []Line{{Source: SourceProgramme, Programme: "interreg", AmountCents: 200, Status: LineApplied}}}
	c := Project{ID: 3, Themes: []Theme{"mobilite-transports"}, Countries: []string{"SN"}, Start: d(2030), End: d(2031),
		Lines: []Line{{Source: SourceProgramme, Programme: "urbact", AmountCents: 300, Status: LineApplied}}}
	pf := BuildPortfolio([]Project{a, b, c}, []Priority{{ID: 10, Label: "Mobilité"}, {ID: 11, Label: "Jeunesse"}},
		[]Priority{{ID: 1, Label: "Sénégal", Country: "SN"}, {ID: 2, Label: "Maroc", Country: "MA"}})
	if len(pf.Redundancies) != 1 || pf.Redundancies[0].A != 1 || pf.Redundancies[0].B != 2 || !pf.Redundancies[0].Sure {
		t.Errorf("redundancies: %+v (1 and 2 overlap in 2028; 3 comes later)", pf.Redundancies)
	}
	if len(pf.ThemeGaps) != 1 || pf.ThemeGaps[0].ID != 11 || len(pf.CountryGaps) != 1 || pf.CountryGaps[0].Country != "MA" {
		t.Errorf("gaps: %+v %+v", pf.ThemeGaps, pf.CountryGaps)
	}
	if amt, ok := pf.Amount("mobilite-transports", "SN", "interreg"); !ok || amt != 200 {
		t.Errorf("cell: %d %v", amt, ok)
	}
	if _, ok := pf.Amount("mobilite-transports", "SN", "ficol"); ok {
		t.Error("an empty cell has an amount")
	}
}

func TestProjectAndLineValidate(t *testing.T) {
	known := func(c string) bool { return c == "SN" }
	p := Project{Title: "x", Status: StatusIdea, Start: partialdate.OfYear(2028), End: partialdate.OfYear(2027), Countries: []string{"ZZ"}}
	errs := p.Validate(known)
	for _, f := range []string{"fin", "country"} {
		if errs.For(f) == "" {
			t.Errorf("%s: no message in %v", f, errs)
		}
	}
	l := Line{Source: SourcePartner, AmountCents: -5, Status: "x", Year: 1800}
	errs = l.Validate(shippedKnown)
	for _, f := range []string{FieldLabel, FieldAmount, FieldStatus, FieldYear} {
		if errs.For(f) == "" {
			t.Errorf("%s: no message in %v", f, errs)
		}
	}
	if errs := (Line{Source: SourceProgramme, Programme: "nope", AmountCents: 1, Status: LineApplied}).Validate(shippedKnown); errs.For(FieldProgramme) == "" {
		t.Error("unknown programme accepted")
	}
}

func shippedKnown(code string) bool { _, ok := testCatalogue.Programme(code); return ok }
