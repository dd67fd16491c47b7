package logframe

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"boussole/internal/number"
	"boussole/internal/partialdate"
)

// Length limits of text fields, in characters: a title fits on a line of the printed logframe, a text on
// a page.
const (
	MaxTitleLen = 200
	MaxTextLen  = 4000
)

// FieldError is a French message attached to one form field, so the page shows it beside what was typed.
type FieldError struct {
	Field   string
	Message string
}

// FieldErrors is the list of problems found in one form.
type FieldErrors []FieldError

// For returns the message for a field, or "".
func (fe FieldErrors) For(field string) string {
	for _, e := range fe {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

func (fe *FieldErrors) add(field, msg string) { *fe = append(*fe, FieldError{field, msg}) }

// title checks a required one-line field.
func (fe *FieldErrors) title(field, label, v string) {
	switch n := utf8.RuneCountInString(strings.TrimSpace(v)); {
	case n == 0:
		fe.add(field, label+" est obligatoire.")
	case n > MaxTitleLen:
		fe.add(field, label+" est trop long : "+strconv.Itoa(n)+" caractères pour "+strconv.Itoa(MaxTitleLen)+" au plus.")
	}
}

// text checks an optional long field.
func (fe *FieldErrors) text(field, label, v string) {
	if n := utf8.RuneCountInString(v); n > MaxTextLen {
		fe.add(field, label+" est trop long : "+strconv.Itoa(n)+" caractères pour "+strconv.Itoa(MaxTextLen)+" au plus.")
	}
}

// inTerm checks that an optional date, maybe only a month or a year, meets the term.
func (fe *FieldErrors) inTerm(field, label string, d partialdate.Date, t Term) {
	if d.IsZero() || !t.IsSet() || t.Overlaps(d) {
		return
	}
	fe.add(field, label+" ("+d.String()+") est hors de la mandature, qui va du "+FrenchDate(t.Start)+" au "+FrenchDate(t.End)+".")
}

// ValidateTerm checks the dates of the term.
func ValidateTerm(t Term) FieldErrors {
	var fe FieldErrors
	if t.Start.IsZero() {
		fe.add("debut", "La date de début de la mandature est obligatoire.")
	}
	if t.End.IsZero() {
		fe.add("fin", "La date de fin de la mandature est obligatoire.")
	}
	if t.IsSet() && !t.End.After(t.Start) {
		fe.add("fin", "La fin de la mandature doit venir après son début.")
	}
	return fe
}

// ValidateObjective checks the fields of a specific objective.
func ValidateObjective(o SpecificObjective, t Term) FieldErrors {
	var fe FieldErrors
	fe.title("titre", "Le titre", o.Title)
	fe.text("description", "La description", o.Description)
	fe.text("specifique", "Le champ « quoi, pour qui »", o.Specific)
	fe.text("mesure", "Le champ « mesure »", o.Measure)
	fe.text("atteignable", "Le champ « atteignable »", o.Achievable)
	fe.text("ressources", "Le champ « ressources »", o.Resources)
	fe.inTerm("echeance", "L'échéance", o.TargetDate, t)
	return fe
}

// ValidateResult checks the fields of an expected result.
func ValidateResult(r ExpectedResult) FieldErrors {
	var fe FieldErrors
	fe.title("titre", "Le titre", r.Title)
	fe.text("description", "La description", r.Description)
	return fe
}

// ValidateActivity checks the fields of an activity.
func ValidateActivity(a Activity, t Term) FieldErrors {
	var fe FieldErrors
	fe.title("titre", "Le titre", a.Title)
	fe.text("responsable", "Le responsable", a.Owner)
	fe.text("ressources", "Le champ « ressources »", a.Resources)
	if a.CostCents != nil && *a.CostCents < 0 {
		fe.add("cout", "Le coût ne peut pas être négatif.")
	}
	fe.inTerm("debut", "La date de début", a.Start, t)
	fe.inTerm("fin", "La date de fin", a.End, t)
	if !a.Start.IsZero() && !a.End.IsZero() && a.End.Last().Before(a.Start.First()) {
		fe.add("fin", "La date de fin ("+a.End.String()+") précède la date de début ("+a.Start.String()+").")
	}
	return fe
}

// ValidateIndicator checks the fields of an indicator: dates within the term, baseline before targets,
// percentages between 0 and 100.
func ValidateIndicator(in Indicator, t Term) FieldErrors {
	var fe FieldErrors
	fe.title("titre", "Le titre", in.Title)
	fe.text("definition", "La définition", in.Definition)
	if in.Measure < MeasureUnit || in.Measure > MeasureQualitative {
		fe.add("mesure", "Choisissez le type de mesure : unité, pourcentage, nominal, ordinal ou qualitatif.")
	}
	pct := func(field string, v *number.Decimal) {
		if in.Measure == MeasurePercentage && v != nil && (v.Sign() < 0 || v.Cmp(number.Int(100)) > 0) {
			fe.add(field, "Un pourcentage est compris entre 0 et 100 ; vous avez saisi "+v.French()+".")
		}
	}
	if b := in.Baseline; b != nil {
		pct("reference_valeur", b.Value)
		fe.text("reference_commentaire", "Le commentaire", b.Comment)
	}
	for i, tg := range in.Targets {
		field := "cible_" + strconv.Itoa(i+1)
		pct(field+"_valeur", tg.Value)
		if tg.Date.IsZero() {
			fe.add(field+"_date", "Indiquez la date à laquelle la valeur cible doit être atteinte.")
			continue
		}
		fe.inTerm(field+"_date", "La date cible", tg.Date, t)
		if b := in.Baseline; b != nil && !b.Date.IsZero() && b.Date.First().After(tg.Date.Last()) {
			fe.add("reference_date", "La date de la valeur de référence ("+b.Date.String()+") est postérieure à la date cible ("+tg.Date.String()+").")
		}
	}
	return fe
}

// ValidateRisk checks the fields of a risk.
func ValidateRisk(r Risk) FieldErrors {
	var fe FieldErrors
	fe.title("description", "La description", r.Description)
	if r.Category != RiskInternal && r.Category != RiskExternal {
		fe.add("categorie", "Précisez si le risque est interne ou externe.")
	}
	if r.Likelihood < 1 || r.Likelihood > 4 {
		fe.add("probabilite", "La probabilité se note de 1 (rare) à 4 (presque certaine).")
	}
	if r.Impact < 1 || r.Impact > 4 {
		fe.add("impact", "L'impact se note de 1 (faible) à 4 (majeur).")
	}
	fe.text("attenuation", "La mesure d'atténuation", r.Mitigation)
	if !slices.Contains(RiskStatuses, r.Status) {
		fe.add("statut", "Choisissez le statut dans la liste : "+strings.Join(RiskStatuses, ", ")+".")
	}
	if !r.Linked.IsZero() && (!slices.Contains(riskTargets, r.Linked.Kind) || r.Linked.ID <= 0) {
		fe.add("lien", "Choisissez l'élément menacé dans la liste : un objectif, un résultat ou une activité.")
	}
	return fe
}
