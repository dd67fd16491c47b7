package funding

import (
	"regexp"
	"slices"
)

// RuleField names one rule of Rules for the catalogue's edit form: its key, French label and unit.
type RuleField struct {
	Key, Label, Unit string
	Get              func(*Rules) *Rule
}

// RuleFields lists the rules in the order the catalogue shows them.
var RuleFields = []RuleField{
	{"min_grant", "Subvention minimale", "€", func(r *Rules) *Rule { return &r.MinGrantCents }},
	{"max_grant", "Subvention maximale", "€", func(r *Rules) *Rule { return &r.MaxGrantCents }},
	{"max_rate", "Taux de cofinancement maximal", "%", func(r *Rules) *Rule { return &r.MaxRatePercent }},
	{"max_rate_ldc", "Taux maximal dans les pays les moins avancés", "%", func(r *Rules) *Rule { return &r.MaxRateLDCPercent }},
	{"min_own", "Part minimale de la collectivité et de ses partenaires", "%", func(r *Rules) *Rule { return &r.MinOwnSharePercent }},
	{"min_months", "Durée minimale", "mois", func(r *Rules) *Rule { return &r.MinMonths }},
	{"max_months", "Durée maximale", "mois", func(r *Rules) *Rule { return &r.MaxMonths }},
	{"ceiling", "Plafond (part du budget annexe)", "%", func(r *Rules) *Rule { return &r.CeilingPercent }},
	{"success", "Taux de réussite typique", "%", func(r *Rules) *Rule { return &r.SuccessPercent }},
	{"effort", "Effort de candidature", "mois-personne", func(r *Rules) *Rule { return &r.EffortPersonMonths }},
}

var codePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,39}$`)

// maxSource bounds a rule's source or note.
const maxSource = 1000

// Validate checks a programme edited by the platform administrator. Rates over 100 %, negative amounts
// and a maximum below its minimum are refused; a value without its source too, since every rule says
// where it comes from.
func (p Programme) Validate() Errors {
	var errs Errors
	if !codePattern.MatchString(p.Code) {
		errs.add("code", "Le code s'écrit en minuscules, chiffres et tirets (2 à 40 caractères), par exemple « ficol ».")
	}
	errs.requireText("name", p.Name, maxTitle)
	errs.limitText("funder", p.Funder, maxTitle)
	errs.limitText("notes", p.Notes, maxSummary)
	errs.limitText("countries_note", p.CountriesNote, maxSource)
	if !slices.Contains(Levels, p.Level) {
		errs.add("level", "Choisissez le niveau dans la liste.")
	}
	if !slices.Contains(Orientations, p.Orientation) {
		errs.add("orientation", "Choisissez l'orientation dans la liste.")
	}
	for _, t := range p.Themes {
		if !t.Valid() {
			errs.add("theme", "Choisissez les thèmes dans la liste.")
			break
		}
	}
	if p.Sector != "" && !slices.Contains(Sectors, p.Sector) {
		errs.add("sector", "Choisissez le budget annexe dans la liste.")
	}
	r := p.Rules
	for _, f := range RuleFields {
		rl := f.Get(&r)
		p.checkRule(&errs, f, *rl)
	}
	pairs := [][2]*Rule{{&r.MinGrantCents, &r.MaxGrantCents}, {&r.MinMonths, &r.MaxMonths}}
	names := [][2]string{{"min_grant", "max_grant"}, {"min_months", "max_months"}}
	for i, pr := range pairs {
		if pr[0].Known() && pr[1].Known() && pr[0].Int() > pr[1].Int() {
			errs.add(names[i][1], "Le maximum est inférieur au minimum.")
		}
	}
	return errs
}

func (p Programme) checkRule(errs *Errors, f RuleField, rl Rule) {
	errs.limitText(f.Key+"_source", rl.Source, maxSource)
	if rl.Known() && rl.Source == "" {
		errs.add(f.Key+"_source", "Indiquez la source de cette règle : un chiffre sans source ne peut pas être vérifié.")
	}
	for _, v := range []*int64{rl.Value, rl.High} {
		if v == nil {
			continue
		}
		if *v < 0 {
			errs.add(f.Key, "La valeur ne peut pas être négative.")
		}
		if f.Unit == "%" && *v > 100 {
			errs.add(f.Key, "Un taux ne peut pas dépasser 100 %%.")
		}
	}
	if rl.High != nil && rl.Value != nil && *rl.High < *rl.Value {
		errs.add(f.Key, "Le haut de la fourchette est inférieur au bas.")
	}
}
