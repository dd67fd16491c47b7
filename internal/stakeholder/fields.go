package stakeholder

// Rated is one scored criterion of a stakeholder with its French wording, for forms and pages.
type Rated struct {
	Field string // stable path, as in fielderr.Error.Field and the import columns: "power.coercive"
	Group string // « Pouvoir », « Légitimité », « Intérêt »
	Label string // « Pouvoir coercitif »
	Help  string // the guide's definition
	Score Score
}

// Noted is one context item of a stakeholder with its French wording.
type Noted struct {
	Field string
	Label string
	Flag  Flag
}

// criterionHelp holds the guide's definition of each criterion, by field.
var criterionHelp = map[string][2]string{
	"power.utilitarian":         {"Pouvoir", "Dispose de ressources matérielles ou financières."},
	"power.normative":           {"Pouvoir", "Bénéficie de prestige, d'estime, d'une acceptation sociale."},
	"power.mobilising":          {"Pouvoir", "Peut mobiliser d'autres acteurs par son histoire ou ses ressources."},
	"power.coercive":            {"Pouvoir", "Peut changer les choses « par décret »."},
	"legitimacy.public_good":    {"Légitimité", "Travaille pour le bien public plutôt que pour son propre intérêt."},
	"legitimacy.representation": {"Légitimité", "Dispose d'une représentation adaptée à l'action internationale."},
	"interest.object":           {"Intérêt", "S'intéresse à l'objet de l'action (le thème, le territoire partenaire…)."},
	"interest.type":             {"Intérêt", "S'intéresse au type d'action (coopération, mobilité, solidarité…)."},
}

// Rated lists the stakeholder's eight scored criteria in the guide's order.
func (s Stakeholder) Rated() []Rated {
	out := make([]Rated, len(scoreColumns))
	for i, c := range scoreColumns {
		h := criterionHelp[c.key]
		out[i] = Rated{Field: c.key, Group: h[0], Label: c.label, Help: h[1], Score: *c.get(&s)}
	}
	return out
}

// Noted lists the stakeholder's five context items in the guide's order.
func (s Stakeholder) Noted() []Noted {
	out := make([]Noted, len(flagColumns))
	for i, it := range s.Context.items() {
		out[i] = Noted{Field: it.field, Label: it.label, Flag: it.flag}
	}
	return out
}

// ScoreAt returns the criterion at a field path, or nil, so a form can be read field by field.
func (s *Stakeholder) ScoreAt(field string) *Score {
	for _, c := range scoreColumns {
		if c.key == field {
			return c.get(s)
		}
	}
	return nil
}

// FlagAt returns the context item at a field path, or nil.
func (s *Stakeholder) FlagAt(field string) *Flag {
	for _, c := range flagColumns {
		if c.key == field {
			return c.get(s)
		}
	}
	return nil
}

// ScoreWord is the French word of a score on the guide's small scale.
func ScoreWord(n int) string {
	switch n {
	case 0:
		return "nul"
	case 1:
		return "faible"
	case 2:
		return "moyen"
	case 3:
		return "fort"
	}
	return "hors échelle"
}
