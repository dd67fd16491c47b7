package diagnostic

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"boussole/internal/partialdate"
)

var today = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

func knownCountry(code string) bool { return code == "SN" || code == "DE" || code == "VN" }

func day(y int, m time.Month, d int) partialdate.Date { return partialdate.Of(y, m, d) }

func validPartnership() Partnership {
	return Partnership{
		ID: "p1", Partner: "Commune de Podor", Countries: []string{"SN"}, Kind: KindDecentralised, Status: StatusActive,
		StartYear: 2004,
		Agreement: Agreement{Signed: day(2019, 5, 2), Start: day(2019, 6, 1), End: day(2025, 5, 31), DeliberationRef: "DEL-2019-042"},
		Themes:    []string{"Eau et assainissement"}, Services: []string{"Eau"}, LocalActors: []string{"Lycée agricole"},
		YearlyBudgetCents: new(int64(1_500_000)),
	}
}

func ended(p *Partnership) {
	p.Status = StatusEnded
	p.Review = Review{Results: "Forages livrés.", Decision: DecisionStop, Reason: "Objectifs atteints."}
}

func TestPartnershipValidate(t *testing.T) {
	for _, tc := range []struct {
		name      string
		change    func(*Partnership)
		errField  string
		flagField string
	}{
		{"valid", func(*Partnership) {}, "", ""},
		{"ended with decision and reason", ended, "", ""},
		{"unknown start year", func(p *Partnership) { p.StartYear = 0 }, "", ""},
		{"start year 1945", func(p *Partnership) { p.StartYear = 1945 }, "", ""},
		{"start year next year", func(p *Partnership) { p.StartYear = 2027 }, "", ""},
		{"no agreement", func(p *Partnership) { p.Agreement = Agreement{} }, "", ""},
		{"agreement without end", func(p *Partnership) { p.Agreement.End = partialdate.Date{} }, "", ""},
		{"no partner", func(p *Partnership) { p.Partner = " " }, "partner", ""},
		{"no country", func(p *Partnership) { p.Countries = nil }, "country", ""},
		{"unknown country", func(p *Partnership) { p.Countries = []string{"XX"} }, "country", ""},
		{"one unknown among several", func(p *Partnership) { p.Countries = []string{"SN", "XX"} }, "country", ""},
		{"same country twice", func(p *Partnership) { p.Countries = []string{"SN", "SN"} }, "country", ""},
		{"cross-border with several countries", func(p *Partnership) { p.Kind, p.Countries = KindCrossBorder, []string{"DE", "SN", "VN"} }, "", ""},
		{"network without country", func(p *Partnership) { p.Kind, p.Countries = KindNetwork, nil }, "", ""},
		{"agreement known to the year", func(p *Partnership) {
			p.Agreement = Agreement{Signed: partialdate.OfYear(1962), Start: partialdate.OfYear(1962), End: partialdate.OfMonth(2020, 12)}
		}, "", ""},
		{"end in the start's year is not before it", func(p *Partnership) { p.Agreement.End = partialdate.OfYear(2019) }, "", ""},
		{"end the year before the start", func(p *Partnership) { p.Agreement.End = partialdate.OfYear(2018) }, "agreement.end", ""},
		{"signed the month of the start is not flagged", func(p *Partnership) { p.Agreement.Signed = partialdate.OfMonth(2019, 6) }, "", ""},
		{"unknown kind", func(p *Partnership) { p.Kind = "amitie" }, "kind", ""},
		{"unknown status", func(p *Partnership) { p.Status = "" }, "status", ""},
		{"start year 1944", func(p *Partnership) { p.StartYear = 1944 }, "startYear", ""},
		{"start year in two years", func(p *Partnership) { p.StartYear = 2028 }, "startYear", ""},
		{"negative budget", func(p *Partnership) { p.YearlyBudgetCents = new(int64(-1)) }, "yearlyBudget", ""},
		{"blank theme", func(p *Partnership) { p.Themes = append(p.Themes, "") }, "themes.1", ""},
		{"service too long", func(p *Partnership) { p.Services = []string{strings.Repeat("s", maxTag+1)} }, "services.0", ""},
		{"end before start", func(p *Partnership) { p.Agreement.End = day(2019, 5, 31) }, "agreement.end", ""},
		{"signed after start is flagged", func(p *Partnership) { p.Agreement.Signed = day(2019, 6, 15) }, "", "agreement.signed"},
		{"ended without decision", func(p *Partnership) { ended(p); p.Review.Decision = NoDecision }, "review.decision", ""},
		{"ended without reason", func(p *Partnership) { ended(p); p.Review.Reason = "" }, "review.reason", ""},
		{"decision without reason", func(p *Partnership) { p.Review.Decision = DecisionRefocus }, "review.reason", ""},
		{"unknown decision", func(p *Partnership) { p.Review = Review{Decision: "oublier", Reason: "?"} }, "review.decision", ""},
		{"ended but continued is flagged", func(p *Partnership) { ended(p); p.Review.Decision = DecisionContinue }, "", "review.decision"},
		{"review too long", func(p *Partnership) { p.Review.PartnerGain = strings.Repeat("x", maxReviewText+1) }, "review.partnerGain", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := validPartnership()
			tc.change(&p)
			errs, flags := p.Validate(knownCountry, today)
			checkErrors(t, errs, tc.errField)
			checkErrors(t, flags, tc.flagField)
		})
	}
}

func TestPartnershipValidateWithoutCountryList(t *testing.T) {
	errs, _ := validPartnership().Validate(nil, today)
	if !errs.Has("country") {
		t.Fatal("a country cannot be accepted without a country list")
	}
}

func register() []Partnership {
	return []Partnership{
		{ID: "1", Countries: []string{"SN"}, Status: StatusActive, Themes: []string{"Eau", "Jeunesse"}},
		{ID: "2", Countries: []string{"de"}, Status: StatusDormant, Themes: []string{"Culture"}},
		{ID: "3", Countries: []string{"SN"}, Status: StatusEnded, Themes: []string{"jeunesse "}},
		{ID: "4", Countries: []string{"VN"}, Status: StatusActive},
	}
}

// wideRegister adds a cross-border cooperation of three countries and a network membership with none.
func wideRegister() []Partnership {
	return append(register(),
		Partnership{ID: "5", Countries: []string{"FR", "DE", "CH"}, Kind: KindCrossBorder, Status: StatusActive},
		Partnership{ID: "6", Kind: KindNetwork, Status: StatusActive})
}

func ids(ps []Partnership) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return strings.Join(out, ",")
}

func TestFilterPartnerships(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    PartnershipFilter
		want string
	}{
		{"no filter", PartnershipFilter{}, "1,2,3,4,5,6"},
		{"active", PartnershipFilter{Status: StatusActive}, "1,4,5,6"},
		{"country ignoring case, one of several", PartnershipFilter{Country: "DE"}, "2,5"},
		{"third country of a cross-border", PartnershipFilter{Country: "ch"}, "5"},
		{"theme ignoring case and spaces", PartnershipFilter{Theme: "Jeunesse"}, "1,3"},
		{"combined", PartnershipFilter{Country: "SN", Status: StatusEnded}, "3"},
		{"nothing matches", PartnershipFilter{Country: "BR"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ids(FilterPartnerships(wideRegister(), tc.f)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPartnerCountriesAndThemes(t *testing.T) {
	if got := PartnerCountries(wideRegister()); !reflect.DeepEqual(got, []string{"CH", "DE", "FR", "SN", "VN"}) {
		t.Errorf("countries = %v", got)
	}
	if got := PartnerThemes(register()); !reflect.DeepEqual(got, []string{"Culture", "Eau", "Jeunesse"}) {
		t.Errorf("themes = %v", got)
	}
}
