package logframe

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"boussole/internal/fielderr"
	"boussole/internal/number"
	"boussole/internal/partialdate"
)

// Length limits of text fields, in characters: a title fits on a line of the printed logframe, a text on
// a page.
const (
	MaxTitleLen = 200
	MaxTextLen  = 4000
)

// fields adds the framework's messages to a fielderr.List, the one field-error type of every domain
// package, which the Validate functions return.
type fields struct{ fielderr.List }

// title checks a required one-line field.
func (fe *fields) title(field, label, v string) {
	switch n := utf8.RuneCountInString(strings.TrimSpace(v)); {
	case n == 0:
		fe.Add(field, label+" est obligatoire.")
	case n > MaxTitleLen:
		fe.Add(field, label+" est trop long : "+strconv.Itoa(n)+" caractères pour "+strconv.Itoa(MaxTitleLen)+" au plus.")
	}
}

// text checks an optional long field.
func (fe *fields) text(field, label, v string) {
	if n := utf8.RuneCountInString(v); n > MaxTextLen {
		fe.Add(field, label+" est trop long : "+strconv.Itoa(n)+" caractères pour "+strconv.Itoa(MaxTextLen)+" au plus.")
	}
}

// inTerm checks that an optional date, maybe only a month or a year, meets the term.
func (fe *fields) inTerm(field, label string, d partialdate.Date, t Term) {
	if d.IsZero() || !t.IsSet() || t.Overlaps(d) {
		return
	}
	fe.Add(field, label+" ("+d.String()+") est hors de la mandature, qui va du "+FrenchDate(t.Start)+" au "+FrenchDate(t.End)+".")
}

// ValidateTerm checks the dates of the term.
func ValidateTerm(t Term) fielderr.List {
	var fe fields
	if t.Start.IsZero() {
		fe.Add("debut", "La date de début de la mandature est obligatoire.")
	}
	if t.End.IsZero() {
		fe.Add("fin", "La date de fin de la mandature est obligatoire.")
	}
	if t.IsSet() && !t.End.After(t.Start) {
		fe.Add("fin", "La fin de la mandature doit venir après son début.")
	}
	return fe.List
}

// ValidateObjective checks the fields of a specific objective.
func ValidateObjective(o SpecificObjective, t Term) fielderr.List {
	var fe fields
	fe.title("titre", "Le titre", o.Title)
	fe.text("description", "La description", o.Description)
	fe.text("specifique", "Le champ « quoi, pour qui »", o.Specific)
	fe.text("mesure", "Le champ « mesure »", o.Measure)
	fe.text("atteignable", "Le champ « atteignable »", o.Achievable)
	fe.text("ressources", "Le champ « ressources »", o.Resources)
	fe.inTerm("echeance", "L'échéance", o.TargetDate, t)
	return fe.List
}

// ValidateResult checks the fields of an expected result.
func ValidateResult(r ExpectedResult) fielderr.List {
	var fe fields
	fe.title("titre", "Le titre", r.Title)
	fe.text("description", "La description", r.Description)
	return fe.List
}

// ValidateActivity checks the fields of an activity.
func ValidateActivity(a Activity, t Term) fielderr.List {
	var fe fields
	fe.title("titre", "Le titre", a.Title)
	fe.text("responsable", "Le responsable", a.Owner)
	fe.text("ressources", "Le champ « ressources »", a.Resources)
	if a.CostCents != nil && *a.CostCents < 0 {
		fe.Add("cout", "Le coût ne peut pas être négatif.")
	}
	fe.inTerm("debut", "La date de début", a.Start, t)
	fe.inTerm("fin", "La date de fin", a.End, t)
	if !a.Start.IsZero() && !a.End.IsZero() && a.End.Last().Before(a.Start.First()) {
		fe.Add("fin", "La date de fin ("+a.End.String()+") précède la date de début ("+a.Start.String()+").")
	}
	return fe.List
}

// ValidateIndicator checks the fields of an indicator: dates within the term, baseline before targets,
// percentages between 0 and 100.
func ValidateIndicator(in Indicator, t Term) fielderr.List {
	var fe fields
	fe.title("titre", "Le titre", in.Title)
	fe.text("definition", "La définition", in.Definition)
	if in.Measure < MeasureUnit || in.Measure > MeasureQualitative {
		fe.Add("mesure", "Choisissez le type de mesure : unité, pourcentage, nominal, ordinal ou qualitatif.")
	}
	pct := func(field string, v *number.Decimal) {
		if in.Measure == MeasurePercentage && v != nil && (v.Sign() < 0 || v.Cmp(number.Int(100)) > 0) {
			fe.Add(field, "Un pourcentage est compris entre 0 et 100 ; vous avez saisi "+v.French()+".")
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
			fe.Add(field+"_date", "Indiquez la date à laquelle la valeur cible doit être atteinte.")
			continue
		}
		fe.inTerm(field+"_date", "La date cible", tg.Date, t)
		if b := in.Baseline; b != nil && !b.Date.IsZero() && b.Date.First().After(tg.Date.Last()) {
			fe.Add("reference_date", "La date de la valeur de référence ("+b.Date.String()+") est postérieure à la date cible ("+tg.Date.String()+").")
		}
	}
	return fe.List
}

// ValidateRisk checks the fields of a risk.
func ValidateRisk(r Risk) fielderr.List {
	var fe fields
	fe.title("description", "La description", r.Description)
	if r.Category != RiskInternal && r.Category != RiskExternal {
		fe.Add("categorie", "Précisez si le risque est interne ou externe.")
	}
	if r.Likelihood < 1 || r.Likelihood > 4 {
		fe.Add("probabilite", "La probabilité se note de 1 (rare) à 4 (presque certaine).")
	}
	if r.Impact < 1 || r.Impact > 4 {
		fe.Add("impact", "L'impact se note de 1 (faible) à 4 (majeur).")
	}
	fe.text("attenuation", "La mesure d'atténuation", r.Mitigation)
	if !slices.Contains(RiskStatuses, r.Status) {
		fe.Add("statut", "Choisissez le statut dans la liste : "+strings.Join(RiskStatuses, ", ")+".")
	}
	if !r.Linked.IsZero() && (!slices.Contains(riskTargets, r.Linked.Kind) || r.Linked.ID <= 0) {
		fe.Add("lien", "Choisissez l'élément menacé dans la liste : un objectif, un résultat ou une activité.")
	}
	return fe.List
}
