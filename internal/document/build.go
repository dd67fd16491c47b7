package document

import (
	"strings"

	"boussole/internal/frfmt"
	"boussole/internal/model"
)

// sectionWriter writes one section's blocks from the source.
type sectionWriter func(src *Source, ord *order) []Block

// writers maps each section to what writes it.
var writers = map[SectionKey]sectionWriter{
	SecContext:    contextSection,
	SecPrinciples: principlesSection,
	SecDiagnostic: diagnosticSection,
	SecValues:     valuesSection,
	SecVision:     visionSection,
	SecMission:    missionSection,
	SecObjectives: objectivesSection,
	SecPriorities: prioritiesSection,
	SecLogframe:   logframeSection,
	SecIndicators: indicatorsSection,
	SecSchedule:   scheduleSection,
	SecRisks:      risksSection,
	SecResources:  resourcesSection,
	SecMonitoring: monitoringSection,
	SecAnnexes:    annexesSection,
}

// Strategy builds the strategy document: cover, table of contents, then the chosen sections in the guide's
// order, each opened by the user's free text when there is one.
func Strategy(src Source, c Choice) Doc {
	ord := newOrder(&src.Framework)
	d := Doc{Kind: KindStrategy, Title: strategyTitle(src), TOC: true, Cover: cover(src, "Document stratégique")}
	for _, info := range Sections() {
		if !c.Keeps(info.Key) {
			continue
		}
		sec := Section{Key: string(info.Key), Title: info.Title}
		if t := strings.TrimSpace(c.Text[info.Key]); t != "" {
			sec.Blocks = append(sec.Blocks, paragraphs(t)...)
		}
		sec.Blocks = append(sec.Blocks, writers[info.Key](&src, ord)...)
		d.Sections = append(d.Sections, sec)
	}
	return d
}

// strategyTitle is « Stratégie d'action internationale 2026–2032 », or the strategy's own title.
func strategyTitle(src Source) string {
	t := strings.TrimSpace(src.Strategy.Title)
	if t == "" {
		t = "Stratégie d'action internationale"
	}
	if src.Strategy.TermStart != 0 && !strings.Contains(t, "20") {
		t += " " + src.Strategy.Term()
	}
	return t
}

// cover says who, what, for which term, where the strategy stands and when the document was made.
func cover(src Source, kind string) Cover {
	c := Cover{Authority: src.Authority.Name, Title: strategyTitle(src), Subtitle: kind}
	if src.Strategy.TermStart != 0 {
		c.Lines = append(c.Lines, "Mandature "+src.Strategy.Term())
	}
	c.Lines = append(c.Lines, status(src))
	if !src.Generated.IsZero() {
		c.Lines = append(c.Lines, "Document produit le "+frfmt.Date(src.Generated))
	}
	if src.Adoption != nil && src.Adoption.Hash != "" {
		c.Lines = append(c.Lines, "Empreinte de la version adoptée (SHA-256) : "+src.Adoption.Hash)
	}
	return c
}

// status is the adoption status in one sentence.
func status(src Source) string {
	if a := src.Adoption; a != nil {
		s := "Adoptée"
		if a.Body != "" {
			s += " par le " + a.Body
		}
		if a.Date != "" {
			s += " " + a.Date
		}
		if a.Number != "" {
			s += " (délibération n° " + a.Number + ")"
		}
		if a.Result != "" {
			s += " : " + a.Result
		}
		return s
	}
	switch src.Strategy.Status {
	case model.StrategyCurrent, model.StrategyPast:
		if !src.Strategy.AdoptedOn.IsZero() {
			return "Adoptée " + src.Strategy.AdoptedOn.Prefixed()
		}
		return "Adoptée (date de la délibération non renseignée)"
	}
	return "Projet soumis à la délibération : version de travail"
}

// paragraphs splits free text on blank lines.
func paragraphs(t string) []Block {
	var out []Block
	for _, p := range strings.Split(strings.ReplaceAll(t, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, Paragraph{Text: p})
		}
	}
	return out
}

// missing is the note of an empty section: what is missing and which page fills it in.
func missing(src *Source, what, page, path string) Note {
	where := "« " + page + " »"
	if src.Base != "" {
		where += " (" + src.Base + path + ")"
	}
	return Note{Text: what + " À compléter dans " + where + " : le document reprend ce qui y est saisi."}
}

// orUnknown is text, or « non renseigné ».
func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "non renseigné"
	}
	return s
}
