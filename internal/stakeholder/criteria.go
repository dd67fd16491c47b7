package stakeholder

// MaxScore is the top of the guide's small scale; 0 means absent, 3 strong.
const MaxScore = 3

// Score is one criterion scored 0–3 with the reason the officer gave.
type Score struct {
	Value   int    `json:"value"`
	Comment string `json:"comment,omitempty"`
}

// Power is the stakeholder's capacity to influence, by the guide's four kinds of power.
type Power struct {
	Utilitarian Score `json:"utilitarian"` // material or financial resources
	Normative   Score `json:"normative"`   // prestige, esteem, acceptance
	Mobilising  Score `json:"mobilising"`  // can mobilise others by its history or resources
	Coercive    Score `json:"coercive"`    // can change things « par décret »
}

// Legitimacy is how far the stakeholder's claim is legitimate for international action.
type Legitimacy struct {
	PublicGood     Score `json:"public_good"`    // works for the public good rather than its own interest
	Representation Score `json:"representation"` // has a representation fit for international action
}

// Interest is the stakeholder's interest in what the authority does.
type Interest struct {
	Object Score `json:"object"` // in the object of the action
	Type   Score `json:"type"`   // in the type of action
}

// Flag is one context item: whether it applies, and how.
type Flag struct {
	Present bool   `json:"present"`
	Comment string `json:"comment,omitempty"`
}

// Context says what the relationship with the stakeholder is part of.
type Context struct {
	PriorExperience  Flag `json:"prior_experience"`  // suite d'expériences antérieures
	Circumstances    Flag `json:"circumstances"`     // historical, political, economic, cultural circumstances
	WiderDecisions   Flag `json:"wider_decisions"`   // wider decision processes
	ExistingNetworks Flag `json:"existing_networks"` // existing networks of stakeholders
	ExistingChannels Flag `json:"existing_channels"` // existing events, activities and channels
}

// criterion names one scored criterion for validation messages and explanations.
type criterion struct {
	field string // stable field path, e.g. "power.coercive"
	label string // French label
	score Score
}

func (p Power) criteria() []criterion {
	return []criterion{
		{"power.utilitarian", "pouvoir utilitaire", p.Utilitarian},
		{"power.normative", "pouvoir normatif", p.Normative},
		{"power.mobilising", "pouvoir mobilisateur", p.Mobilising},
		{"power.coercive", "pouvoir coercitif", p.Coercive},
	}
}

func (l Legitimacy) criteria() []criterion {
	return []criterion{
		{"legitimacy.public_good", "travail pour le bien public", l.PublicGood},
		{"legitimacy.representation", "représentation adaptée à l'international", l.Representation},
	}
}

func (i Interest) criteria() []criterion {
	return []criterion{
		{"interest.object", "intérêt pour l'objet de l'action", i.Object},
		{"interest.type", "intérêt pour le type d'action", i.Type},
	}
}

// contextItem names one context flag.
type contextItem struct {
	field string
	label string
	flag  Flag
}

func (c Context) items() []contextItem {
	return []contextItem{
		{"context.prior_experience", "Suite d'expériences antérieures", c.PriorExperience},
		{"context.circumstances", "Circonstances historiques, politiques, économiques, culturelles", c.Circumstances},
		{"context.wider_decisions", "Processus décisionnels plus larges", c.WiderDecisions},
		{"context.existing_networks", "Réseaux existants de parties prenantes", c.ExistingNetworks},
		{"context.existing_channels", "Événements, activités et canaux de communication existants", c.ExistingChannels},
	}
}

// Level is the strongest score of a group of criteria: one strong kind of power is enough to matter.
func level(cs []criterion) int {
	m := 0
	for _, c := range cs {
		m = max(m, c.score.Value)
	}
	return m
}

// Level is the strongest of the four kinds of power (0–3).
func (p Power) Level() int { return level(p.criteria()) }

// Level is the stronger of the two legitimacy criteria (0–3).
func (l Legitimacy) Level() int { return level(l.criteria()) }

// Level is the stronger of the two interest criteria (0–3).
func (i Interest) Level() int { return level(i.criteria()) }
