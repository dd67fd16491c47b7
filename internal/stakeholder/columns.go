package stakeholder

import (
	"unicode"

	"boussole/internal/tabular"
)

// scoreColumn ties a spreadsheet column pair (score, comment) to one criterion of a stakeholder.
type scoreColumn struct {
	key     string
	label   string
	aliases []string
	get     func(*Stakeholder) *Score
}

var scoreColumns = []scoreColumn{
	{"power.utilitarian", "Pouvoir utilitaire", []string{"Utilitaire"}, func(s *Stakeholder) *Score { return &s.Power.Utilitarian }},
	{"power.normative", "Pouvoir normatif", []string{"Normatif", "Pouvoir normative"}, func(s *Stakeholder) *Score { return &s.Power.Normative }},
	{"power.mobilising", "Pouvoir mobilisateur", []string{"Mobilisateur"}, func(s *Stakeholder) *Score { return &s.Power.Mobilising }},
	{"power.coercive", "Pouvoir coercitif", []string{"Coercitif"}, func(s *Stakeholder) *Score { return &s.Power.Coercive }},
	{"legitimacy.public_good", "Légitimité : bien public", []string{"Bien public"}, func(s *Stakeholder) *Score { return &s.Legitimacy.PublicGood }},
	{"legitimacy.representation", "Légitimité : représentation", []string{"Représentation", "Représentation adaptée"}, func(s *Stakeholder) *Score { return &s.Legitimacy.Representation }},
	{"interest.object", "Intérêt : objet de l'action", []string{"Intérêt objet", "Objet de l'action"}, func(s *Stakeholder) *Score { return &s.Interest.Object }},
	{"interest.type", "Intérêt : type d'action", []string{"Intérêt type", "Type d'action"}, func(s *Stakeholder) *Score { return &s.Interest.Type }},
}

// flagColumn ties a column pair (yes/no, comment) to one context item.
type flagColumn struct {
	key   string
	label string
	get   func(*Stakeholder) *Flag
}

var flagColumns = []flagColumn{
	{"context.prior_experience", "Contexte : expériences antérieures", func(s *Stakeholder) *Flag { return &s.Context.PriorExperience }},
	{"context.circumstances", "Contexte : circonstances", func(s *Stakeholder) *Flag { return &s.Context.Circumstances }},
	{"context.wider_decisions", "Contexte : processus décisionnels", func(s *Stakeholder) *Flag { return &s.Context.WiderDecisions }},
	{"context.existing_networks", "Contexte : réseaux existants", func(s *Stakeholder) *Flag { return &s.Context.ExistingNetworks }},
	{"context.existing_channels", "Contexte : événements et canaux", func(s *Stakeholder) *Flag { return &s.Context.ExistingChannels }},
}

// Schema is the spreadsheet layout of a stakeholder list, for import and export. Only the name and the kind
// are required, so a plain list of actors can be imported and scored later.
func Schema() tabular.Schema {
	s := tabular.Schema{
		{Key: "name", Label: "Nom", Aliases: []string{"Nom de l'acteur", "Acteur", "Partie prenante", "Organisation", "Structure"}, Required: true},
		{Key: "kind", Label: "Type d'acteur", Aliases: []string{"Type", "Catégorie", "Famille"}, Required: true},
		{Key: "contact", Label: "Personne de contact", Aliases: []string{"Contact", "Interlocuteur", "Interlocutrice"}},
		{Key: "territory", Label: "Territoire ou pays", Aliases: []string{"Territoire", "Pays", "Localisation"}},
		{Key: "themes", Label: "Thèmes", Aliases: []string{"Thème", "Thématiques", "Thématique"}},
	}
	for _, c := range scoreColumns {
		s = append(s,
			tabular.Column{Key: c.key, Label: c.label, Aliases: c.aliases},
			tabular.Column{Key: c.key + ".comment", Label: "Commentaire " + lowerFirst(c.label)})
	}
	for _, c := range flagColumns {
		s = append(s,
			tabular.Column{Key: c.key, Label: c.label},
			tabular.Column{Key: c.key + ".comment", Label: "Commentaire " + lowerFirst(c.label)})
	}
	return append(s,
		tabular.Column{Key: "engagement.level", Label: "Niveau d'engagement", Aliases: []string{"Engagement"}},
		tabular.Column{Key: "engagement.steps", Label: "Étapes", Aliases: []string{"Étapes concernées"}},
		tabular.Column{Key: "engagement.promise", Label: "Engagement de la collectivité"},
		tabular.Column{Key: "engagement.ask", Label: "Ce que cela représente pour la partie prenante", Aliases: []string{"Ce que cela représente"}},
	)
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}
