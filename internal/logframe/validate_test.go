package logframe

import (
	"strings"
	"testing"

	"boussole/internal/fielderr"
	"boussole/internal/partialdate"
)

func TestValidateIndicator(t *testing.T) {
	term := Term{Start: day(2026, 4, 1), End: day(2032, 3, 31)}
	base := func() Indicator {
		return Indicator{Title: "Jeunes partis", Measure: MeasurePercentage,
			Baseline: &Baseline{Value: num("10"), Date: pday(2026, 6, 1)},
			Targets:  []Target{{Date: pday(2031, 12, 31), Value: num("40")}}}
	}
	tests := []struct {
		name, field, part string
		mutate            func(*Indicator)
	}{
		{"valid", "", "", func(*Indicator) {}},
		{"empty title", "titre", "Le titre est obligatoire", func(in *Indicator) { in.Title = " " }},
		{"long title", "titre", "201 caractères pour 200", func(in *Indicator) { in.Title = strings.Repeat("é", 201) }},
		{"long definition", "definition", "trop long", func(in *Indicator) { in.Definition = strings.Repeat("a", MaxTextLen+1) }},
		{"no measure", "mesure", "type de mesure", func(in *Indicator) { in.Measure = 0 }},
		{"percentage over 100", "cible_1_valeur", "vous avez saisi 120,5", func(in *Indicator) { in.Targets[0].Value = num("120,5") }},
		{"unknown values are not percentages to check", "", "", func(in *Indicator) { in.Baseline.Value, in.Targets[0].Value = nil, nil }},
		{"negative baseline percentage", "reference_valeur", "entre 0 et 100", func(in *Indicator) { in.Baseline.Value = num("-1") }},
		{"target outside the term", "cible_1_date", "(1er janvier 2033) est hors de la mandature, qui va du 1er avril 2026 au 31 mars 2032", func(in *Indicator) { in.Targets[0].Date = pday(2033, 1, 1) }},
		{"target without date", "cible_1_date", "Indiquez la date", func(in *Indicator) { in.Targets[0].Date = partialdate.Date{} }},
		{"baseline after target", "reference_date", "(1er janvier 2032) est postérieure à la date cible (31 décembre 2031)", func(in *Indicator) { in.Baseline.Date = pday(2032, 1, 1) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := base()
			tc.mutate(&in)
			fe := ValidateIndicator(in, term)
			if tc.field == "" {
				if len(fe) != 0 {
					t.Fatalf("unexpected errors: %+v", fe)
				}
				return
			}
			if msg := fe.For(tc.field); !strings.Contains(msg, tc.part) {
				t.Fatalf("field %s: got %q in %+v, want %q", tc.field, msg, fe, tc.part)
			}
		})
	}
}

func TestValidateOthers(t *testing.T) {
	term := Term{Start: day(2026, 4, 1), End: day(2032, 3, 31)}
	tests := []struct {
		name, field, part string
		fe                fielderr.List
	}{
		{"term without end", "fin", "obligatoire", ValidateTerm(Term{Start: day(2026, 1, 1)})},
		{"term reversed", "fin", "après son début", ValidateTerm(Term{Start: day(2026, 1, 1), End: day(2025, 1, 1)})},
		{"objective date out of term", "echeance", "hors de la mandature", ValidateObjective(SpecificObjective{Title: "x", TargetDate: pday(2040, 1, 1)}, term)},
		{"objective empty title", "titre", "obligatoire", ValidateObjective(SpecificObjective{}, term)},
		{"result empty title", "titre", "obligatoire", ValidateResult(ExpectedResult{Title: "\u00a0"})},
		{"activity ends before it starts", "fin", "précède la date de début", ValidateActivity(Activity{Title: "x", Start: pday(2027, 5, 1), End: pday(2027, 4, 1)}, term)},
		{"activity negative cost", "cout", "négatif", ValidateActivity(Activity{Title: "x", CostCents: new(int64(-1))}, term)},
		{"risk impact 0", "impact", "de 1 (faible) à 4", ValidateRisk(Risk{Description: "x", Category: RiskExternal, Likelihood: 2})},
		{"risk without category", "categorie", "interne ou externe", ValidateRisk(Risk{Description: "x", Likelihood: 2, Impact: 2})},
		{"risk status not in the list", "statut", "Choisissez le statut dans la liste", ValidateRisk(Risk{Description: "x", Category: RiskExternal, Likelihood: 2, Impact: 2, Status: "oublié"})},
		{"risk without status", "statut", "identifié, en traitement", ValidateRisk(Risk{Description: "x", Category: RiskExternal, Likelihood: 2, Impact: 2})},
		{"risk threatening a SWOT item", "lien", "objectif, un résultat ou une activité", ValidateRisk(Risk{Description: "x", Category: RiskExternal, Likelihood: 2, Impact: 2, Status: "survenu", Linked: Ref{KindSWOT, 3}})},
	}
	for _, tc := range tests {
		if msg := tc.fe.For(tc.field); !strings.Contains(msg, tc.part) {
			t.Errorf("%s: field %s got %q in %+v, want %q", tc.name, tc.field, msg, tc.fe, tc.part)
		}
	}
	valid := []fielderr.List{
		ValidateTerm(term),
		ValidateObjective(SpecificObjective{Title: "Objectif", TargetDate: pday(2030, 1, 1)}, term),
		ValidateActivity(Activity{Title: "Activité", Start: pday(2027, 1, 1), End: pday(2027, 2, 1), CostCents: new(int64(10))}, term),
		ValidateRisk(Risk{Description: "Risque", Category: RiskInternal, Likelihood: 4, Impact: 1, Status: "maîtrisé", Linked: Ref{KindResult, 7}}),
	}
	for i, fe := range valid {
		if len(fe) != 0 {
			t.Errorf("valid case %d: %+v", i, fe)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"keeps smart quotes and guillemets", "« L’Europe » — “oui”", "« L’Europe » — “oui”"},
		{"line ends", "a\r\nb\rc\u2028d", "a\nb\nc\nd"},
		{"control characters", "a\x00b\x07c\x1b", "abc"},
		{"zero width and soft hyphen", "coo\u00adpé\u200bra\u200dtion\ufeff", "coopération"},
		{"lone nbsp kept before colon", "Objet\u00a0: eau", "Objet\u00a0: eau"},
		{"nbsp run collapsed", "a\u00a0\u00a0 \u202fb", "a b"},
		{"trailing spaces per line", "a  \t\nb", "a\nb"},
		{"trimmed", "\n  texte  \n", "texte"},
		{"bidi marks", "a\u200eb\u202ac", "abc"},
		{"emoji sequences stay whole", "Agricultrices 👩🏽‍🌾 et 🏳️‍🌈", "Agricultrices 👩🏽‍🌾 et 🏳️‍🌈"},
	}
	for _, tc := range tests {
		if got := CleanText(tc.in); got != tc.want {
			t.Errorf("%s: CleanText(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
	if got := CleanLine("Titre\r\nsur deux\u00a0\u00a0lignes"); got != "Titre sur deux lignes" {
		t.Errorf("CleanLine = %q", got)
	}
}

// TestDatesKnownToTheYearOrMonth: a target « 2032 » meets a term ending in March 2032; « 2033 » does not;
// an activity from « mai 2027 » to « 2027 » does not end before it starts.
func TestDatesKnownToTheYearOrMonth(t *testing.T) {
	term := Term{Start: day(2026, 4, 1), End: day(2032, 3, 31)}
	ok := &Indicator{Title: "Jeunes en mobilité", Measure: MeasureUnit,
		Baseline: &Baseline{Value: num("10"), Date: partialdate.OfYear(2025)}, Targets: []Target{{Date: partialdate.OfYear(2032), Value: num("40")}}}
	if fe := ValidateIndicator(*ok, term); len(fe) != 0 {
		t.Errorf("target 2032 in a term ending in March 2032: %v", fe)
	}
	late := *ok
	late.Targets = []Target{{Date: partialdate.OfYear(2033), Value: num("40")}}
	if fe := ValidateIndicator(late, term); !strings.Contains(fe.For("cible_1_date"), "(2033) est hors de la mandature") {
		t.Errorf("target 2033: %v", fe)
	}
	a := Activity{Title: "Échanges", Start: partialdate.OfMonth(2027, 5), End: partialdate.OfYear(2027)}
	if fe := ValidateActivity(a, term); len(fe) != 0 {
		t.Errorf("activity mai 2027 – 2027: %v", fe)
	}
	a.End = partialdate.OfMonth(2027, 4)
	if fe := ValidateActivity(a, term); !strings.Contains(fe.For("fin"), "(avril 2027) précède la date de début (mai 2027)") {
		t.Errorf("activity mai 2027 – avril 2027: %v", fe)
	}
}
