package diagnostic

import (
	"boussole/internal/fielderr"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Stake is one reason the guide gives for a CT to act abroad, in the guide's own words.
type Stake struct {
	Code string // stable identifier, stored with the officer's choice
	Key  string // the phrase the guide sets in bold, short enough for a checklist label
	Text string // the guide's sentence
}

// StakeFamily groups stakes under one of the guide's four headings.
type StakeFamily struct {
	Code   string
	Title  string
	Lead   string // the guide's lead-in sentence when the items complete it, else ""
	Stakes []Stake
}

// StakeFamilies returns the guide's four families of stakes, in the guide's order.
// A fresh slice is built on each call so that callers cannot alter the reference data.
func StakeFamilies() []StakeFamily {
	return []StakeFamily{
		{Code: "atouts", Title: "Les atouts du territoire", Stakes: []Stake{
			{"atouts.cohesion", "Cohésion du territoire", "Renforcer la cohésion du territoire à travers la poursuite d'objectifs partagés, construits collectivement et connus des acteurs du territoire."},
			{"atouts.excellence", "Projets d'excellence", "Promouvoir les projets d'excellence et diffuser les bonnes pratiques de la CT."},
			{"atouts.jeunes", "Parcours des jeunes", "Soutenir le parcours personnel et professionnel des jeunes du territoire à travers des formations, des études ou des expériences professionnelles à l'international."},
		}},
		{Code: "dynamiques", Title: "Les dynamiques socio-économiques", Stakes: []Stake{
			{"dynamiques.acteurs", "Développement international des acteurs", "Favoriser et accompagner le développement international des acteurs du territoire à l'international."},
			{"dynamiques.integration", "Levier pour des interventions intégrées", "Servir de levier pour des interventions intégrées, basées sur l'articulation entre services et entre acteurs."},
			{"dynamiques.attractivite", "Développement économique et attractivité", "Participer au développement économique et renforcer l'attractivité du territoire par des actions spécifiquement dédiées, ou comme conséquence de l'amélioration de la qualité de vie et d'accueil du territoire."},
			{"dynamiques.financements", "Sources de financement", "Diversifier les sources de financement."},
		}},
		{Code: "capital", Title: "Le capital humain de la CT",
			Lead: "Accéder aux meilleures pratiques et aux projets plus innovants, européens ou plus largement internationaux, permettant d'améliorer le fonctionnement de l'institution grâce à :",
			Stakes: []Stake{
				{"capital.innovation", "Innovation dans les politiques publiques", "L'innovation dans la conception et la mise en œuvre de politiques publiques locales."},
				{"capital.levier", "Levier d'action", "La constitution d'un levier d'action pour décliner des politiques publiques de sa compétence."},
				{"capital.decloisonnement", "Décloisonnement des directions", "Le décloisonnement entre directions opérationnelles au sein de l'institution, par son implication dans l'AICT."},
				{"capital.competences", "Compétences des agents et des élus", "Le renforcement et la valorisation des compétences et l'expertise des agents et des élus."},
			}},
		{Code: "global", Title: "La capacité à agir dans un contexte globalisé", Stakes: []Stake{
			{"global.solidarite", "Solidarité internationale et diplomatie des villes", "Intégrer la Solidarité Internationale, la Diplomatie des Villes et affirmer les valeurs de la CT."},
			{"global.odd", "Localisation des ODD", "Jouer le rôle fondamental de la localisation des ODD : on estime que 65\u00a0% des 169 objectifs sous-jacents aux 17 ODD ne seront pas atteints sans une coordination et un engagement approprié des gouvernements locaux et régionaux."},
			{"global.defis", "Défis communs", "Faire face aux défis communs, notamment l'adaptation au changement climatique ou le développement économique durable."},
			{"global.culture", "Culture de solidarité et de paix", "Favoriser une culture de solidarité, de paix et de lutte contre les discriminations et les inégalités."},
		}},
	}
}

// StakeByCode finds a stake and its family; ok is false for an unknown code.
func StakeByCode(code string) (Stake, StakeFamily, bool) {
	for _, f := range StakeFamilies() {
		for _, s := range f.Stakes {
			if s.Code == code {
				return s, f, true
			}
		}
	}
	return Stake{}, StakeFamily{}, false
}

// LegalFrame is the legal basis of international action that the guide recalls.
type LegalFrame struct {
	Articles string
	Nature   string
	Rule     string
}

// TheLegalFrame returns the legal frame in the guide's terms (CGCT, articles L.1115-1 to L.1115-7).
func TheLegalFrame() LegalFrame {
	return LegalFrame{
		Articles: "articles L.1115-1 à L.1115-7 du code général des collectivités territoriales (CGCT)",
		Nature:   "une compétence relevant de la « libre administration des collectivités territoriales et de leurs groupements », de caractère facultatif et volontaire",
		Rule:     "mise en œuvre « dans le respect des engagements internationaux de la France »",
	}
}

// Sentence states the legal frame as one paragraph.
func (l LegalFrame) Sentence() string {
	return fmt.Sprintf("Comme le disposent les %s, l'action internationale des collectivités territoriales (AICT) est %s, dont la règle centrale est qu'elle soit %s. C'est une attribution non obligatoire, mais un véritable atout pour les collectivités qui s'en saisissent.",
		l.Articles, l.Nature, l.Rule)
}

// The guide's figures, kept as numbers so that other pages can compute with them.
const (
	ActingAuthorities      = 5000  // French authorities declaring international action (approximate)
	ActingAuthoritiesShare = 13    // percent of all authorities
	AllAuthorities         = 45387 // communes, groupings, départements, régions, collectivités à statut particulier
	SDGTargetsLocalShare   = 65    // percent of SDG targets that need local and regional governments
	SDGTargets             = 169
	SDGGoals               = 17
)

// KeyFigure is one figure of the guide, ready to quote, with its source.
type KeyFigure struct {
	Code   string
	Value  string
	Text   string
	Source string
}

// KeyFigures returns the guide's figures on international action of French authorities and on the ODD.
func KeyFigures() []KeyFigure {
	return []KeyFigure{
		{Code: "collectivites", Value: "près de 5\u00a0000",
			Text:   "collectivités territoriales françaises déclarent une action à l'international, soit 13\u00a0% des 45\u00a0387 communes, groupements de communes, conseils départementaux, conseils régionaux et collectivités à statut particulier.",
			Source: "Atlas français de la coopération décentralisée et des autres actions extérieures"},
		{Code: "odd", Value: "65\u00a0%",
			Text:   "des 169 cibles des 17 objectifs de développement durable (ODD) ne seront pas atteintes sans une coordination et un engagement appropriés des gouvernements locaux et régionaux.",
			Source: "Cités Unies France, guide de l'élaboration d'une stratégie d'action internationale"},
	}
}

// ArgumentInput is what the officer chooses and writes to build the argument for élus and services.
type ArgumentInput struct {
	Authority  string            // name of the CT, e.g. « Ville de Tours »
	Stakes     []string          // chosen stake codes
	Notes      map[string]string // the officer's local illustration of a chosen stake, by stake code
	LocalFacts []string          // facts about the territory (population, diasporas, universities…)
	Examples   []string          // actions already carried out, here or by peers
}

// Text limits of the argument, in characters.
const (
	maxAuthorityName = 200
	maxArgumentText  = 1000
)

// Validate checks the input and returns French messages per field.
func (in ArgumentInput) Validate() fielderr.List {
	var errs fielderr.List
	requireText(&errs, "authority", in.Authority, maxAuthorityName)
	if len(in.Stakes) == 0 {
		errs.Addf("stakes", "Choisissez au moins un enjeu parmi les quatre familles.")
	}
	for _, code := range in.Stakes {
		if _, _, ok := StakeByCode(code); !ok {
			errs.Addf("stakes", "Enjeu inconnu : %q.", code)
		}
	}
	// Sorted so that messages come out in the same order on every call.
	for _, code := range slices.Sorted(maps.Keys(in.Notes)) {
		limitText(&errs, "notes."+code, in.Notes[code], maxArgumentText)
	}
	for i, s := range in.LocalFacts {
		limitText(&errs, fmt.Sprintf("localFacts.%d", i), s, maxArgumentText)
	}
	for i, s := range in.Examples {
		limitText(&errs, fmt.Sprintf("examples.%d", i), s, maxArgumentText)
	}
	return errs
}

// Document is a renderer-neutral text: the web layer prints it as HTML and the documents layer writes it as ODT.
type Document struct {
	Title    string
	Audience string
	Sections []Section
}

// Section is a titled part of a document.
type Section struct {
	Heading string
	Blocks  []Block
}

// Block is a paragraph when List is empty, otherwise a bulleted list introduced by Text (which may be empty).
type Block struct {
	Text string
	List []string
}

// BuildArgument assembles the argument for élus and services from the officer's choices.
// Chosen stakes appear in the guide's order whatever the order of choice, so two officers get comparable documents.
func BuildArgument(in ArgumentInput) (Document, fielderr.List) {
	if errs := in.Validate(); errs != nil {
		return Document{}, errs
	}
	doc := Document{
		Title:    "Pourquoi une stratégie d'action internationale pour " + strings.TrimSpace(in.Authority) + " ?",
		Audience: "À l'attention des élus et des services",
	}
	doc.Sections = append(doc.Sections, introSection(), legalSection(), figuresSection())
	doc.Sections = append(doc.Sections, stakeSections(in)...)
	if s, ok := listSection("Notre territoire", "Quelques faits qui ancrent l'international dans notre territoire :", in.LocalFacts); ok {
		doc.Sections = append(doc.Sections, s)
	}
	if s, ok := listSection("Des exemples", "Ce qui a déjà été fait, ici ou ailleurs :", in.Examples); ok {
		doc.Sections = append(doc.Sections, s)
	}
	doc.Sections = append(doc.Sections, nextStepsSection())
	return doc, nil
}

func introSection() Section {
	return Section{Heading: "Un atout pour la collectivité", Blocks: []Block{{
		Text: "Une stratégie d'action internationale offre un cadre pour penser l'action, en articuler les composantes dans un ensemble cohérent, rationaliser les ressources et amplifier les résultats. Elle mobilise la quasi-totalité des domaines d'intervention de la collectivité et structure une politique transversale.",
	}}}
}

func legalSection() Section {
	return Section{Heading: "Un cadre légal clair", Blocks: []Block{{Text: TheLegalFrame().Sentence()}}}
}

func figuresSection() Section {
	var items []string
	for _, f := range KeyFigures() {
		items = append(items, f.Value+" "+f.Text+" (Source : "+f.Source+".)")
	}
	return Section{Heading: "Quelques repères", Blocks: []Block{{List: items}}}
}

// stakeSections writes one section per family that has at least one chosen stake.
func stakeSections(in ArgumentInput) []Section {
	chosen := make(map[string]bool, len(in.Stakes))
	for _, c := range in.Stakes {
		chosen[c] = true
	}
	var out []Section
	for _, f := range StakeFamilies() {
		var blocks []Block
		for _, s := range f.Stakes {
			if !chosen[s.Code] {
				continue
			}
			b := Block{Text: s.Text}
			if note := strings.TrimSpace(in.Notes[s.Code]); note != "" {
				b.List = []string{note}
			}
			blocks = append(blocks, b)
		}
		if len(blocks) == 0 {
			continue
		}
		if f.Lead != "" {
			blocks = append([]Block{{Text: f.Lead}}, blocks...)
		}
		out = append(out, Section{Heading: f.Title, Blocks: blocks})
	}
	return out
}

// listSection drops blank entries and reports false when nothing is left, so empty headings never print.
func listSection(heading, lead string, entries []string) (Section, bool) {
	var items []string
	for _, e := range entries {
		if e = strings.TrimSpace(e); e != "" {
			items = append(items, e)
		}
	}
	if len(items) == 0 {
		return Section{}, false
	}
	return Section{Heading: heading, Blocks: []Block{{Text: lead, List: items}}}, true
}

func nextStepsSection() Section {
	return Section{Heading: "La démarche proposée", Blocks: []Block{
		{Text: "Définir une stratégie d'action internationale passe par quatre étapes essentielles :", List: []string{
			"la sensibilisation et la mobilisation des équipes de la collectivité ;",
			"la réalisation d'un diagnostic territorial, incluant une cartographie des acteurs et l'évaluation des actions en cours ;",
			"la co-construction des principaux éléments de la stratégie ;",
			"la définition de mécanismes de suivi et d'évaluation.",
		}},
		{Text: "Il faut prévoir entre six mois et un an pour aboutir à un document concerté avec les parties prenantes, à l'horizon de la mandature, soumis au vote des élus par une délibération."},
	}}
}
