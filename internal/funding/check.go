package funding

import (
	"fmt"
	"strings"

	"boussole/internal/frfmt"
)

// Context is what the check needs beyond the project: the catalogue, the authority's kind, its yearly
// figures and what the 1 % lines of its other projects already use.
type Context struct {
	Catalogue     *Catalogue
	AuthorityKind string
	Years         map[int]Year
	OtherUse      map[SectorYear]int64 // 1 % use of the authority's other projects
}

// totals are the sums of a plan, refused lines left out.
type totals struct {
	plan, own   int64
	byProgramme map[string]int64
}

func sum(p Project) totals {
	t := totals{byProgramme: map[string]int64{}}
	for _, l := range p.Lines {
		if !l.Status.Counts() {
			continue
		}
		t.plan += l.AmountCents
		switch l.Source {
		case SourceOwn, SourcePartner:
			t.own += l.AmountCents
		case SourceProgramme:
			t.byProgramme[l.Programme] += l.AmountCents
		}
	}
	return t
}

// cost is the base of rates and shares: the project's total cost when known, else the plan's total.
func (t totals) cost(p Project) int64 {
	if p.BudgetCents != nil {
		return *p.BudgetCents
	}
	return t.plan
}

// checker collects the findings of one project.
type checker struct {
	p   Project
	ctx Context
	t   totals
	out []Finding
}

func (c *checker) emit(f Finding) { c.out = append(c.out, f) }

// Check checks a project's financing plan: balance with the budget, then each programme line against the
// programme's rules (amounts, rates, own share, duration, prerequisites, eligible authorities and
// countries, the 1 % ceilings). Each finding says the rule's source.
func Check(p Project, ctx Context) Report {
	c := &checker{p: p, ctx: ctx, t: sum(p)}
	c.balance()
	seen := map[string]bool{}
	for _, l := range p.Lines {
		if l.Source != SourceProgramme || !l.Status.Counts() {
			continue
		}
		prog, ok := ctx.Catalogue.Programme(l.Programme)
		if !ok {
			c.emit(Finding{Rule: "programme-inconnu", Severity: ToFix, Field: FieldProgramme, Line: l.ID, Programme: l.Programme,
				Message: "Le programme « " + l.Programme + " » n'est plus au catalogue : choisissez une autre source."})
			continue
		}
		if prog.Retired {
			c.emit(Finding{Rule: "programme-retire", Severity: ToFix, Field: FieldProgramme, Line: l.ID, Programme: prog.Code,
				Message: "Le programme « " + prog.Name + " » a été retiré du catalogue : la ligne est gardée, vérifiez qu'il existe encore."})
		}
		c.oneLine(prog, l)
		if !seen[prog.Code] {
			seen[prog.Code] = true
			c.programme(prog, l)
		}
	}
	c.onePercent()
	return Report{Findings: c.out}
}

// balance compares the plan with the project's cost.
func (c *checker) balance() {
	p, t := c.p, c.t
	switch {
	case p.BudgetCents == nil && t.plan > 0:
		c.emit(Finding{Rule: "cout-inconnu", Severity: Advice, Field: "budget",
			Message: "Le coût total du projet n'est pas renseigné : l'équilibre du plan et les taux sont calculés sur le total du plan (" + frfmt.Euros(t.plan) + ")."})
	case p.BudgetCents != nil && t.plan < *p.BudgetCents:
		c.emit(Finding{Rule: "plan-desequilibre", Severity: ToFix, Field: "budget",
			Message: fmt.Sprintf("Le plan de financement (%s) ne couvre pas le coût du projet (%s) : il manque %s.", frfmt.Euros(t.plan), frfmt.Euros(*p.BudgetCents), frfmt.Euros(*p.BudgetCents-t.plan))})
	case p.BudgetCents != nil && t.plan > *p.BudgetCents:
		c.emit(Finding{Rule: "plan-desequilibre", Severity: ToFix, Field: "budget",
			Message: fmt.Sprintf("Le plan de financement (%s) dépasse le coût du projet (%s) de %s.", frfmt.Euros(t.plan), frfmt.Euros(*p.BudgetCents), frfmt.Euros(t.plan-*p.BudgetCents))})
	}
}

// oneLine checks what concerns each line of a programme: eligible authorities and countries, prerequisites.
func (c *checker) oneLine(prog Programme, l Line) {
	if !prog.OpenToKind(c.ctx.AuthorityKind) {
		c.emit(Finding{Rule: "collectivite-eligible", Severity: Blocking, Field: FieldProgramme, Line: l.ID, Programme: prog.Code, Source: prog.AuthorityKinds.Source,
			Message: "« " + prog.Name + " » est réservé aux " + kindsText(prog.AuthorityKinds.Value) + " : la collectivité n'y est pas éligible."})
	}
	if len(prog.Countries) > 0 {
		ok := false
		for _, code := range c.p.Countries {
			ok = ok || prog.OpenToCountry(code)
		}
		if !ok {
			c.emit(Finding{Rule: "pays-eligible", Severity: Blocking, Field: FieldProgramme, Line: l.ID, Programme: prog.Code, Source: firstSource(prog),
				Message: "« " + prog.Name + " » ne finance que des projets dans les pays suivants : " + strings.Join(prog.Countries, ", ") + " ; aucun pays du projet n'en fait partie."})
		}
	}
	for _, q := range prog.Prerequisites {
		if !c.p.Has(q.Code) {
			c.emit(Finding{Rule: "prealable-" + string(q.Code), Severity: ToFix, Field: FieldProgramme, Line: l.ID, Programme: prog.Code, Source: q.Source, ToVerify: q.ToVerify,
				Message: "« " + prog.Name + " » demande " + q.Code.Label() + " : ce n'est pas coché sur le projet."})
		}
	}
}

// programme checks the rules on what one programme gives in total: amount bounds, rate, own share, duration.
func (c *checker) programme(prog Programme, l Line) {
	r, got := prog.Rules, c.t.byProgramme[prog.Code]
	at := func(rule string, sev Severity, field string, rl Rule, msg string) {
		c.emit(Finding{Rule: rule, Severity: sev, Field: field, Line: l.ID, Programme: prog.Code, Message: msg, Source: rl.Source, ToVerify: rl.ToVerify})
	}
	if r.MinGrantCents.Known() && got < r.MinGrantCents.Int() {
		at("montant-min", Blocking, FieldAmount, r.MinGrantCents, fmt.Sprintf("« %s » accorde au moins %s ; le plan en demande %s.", prog.Name, frfmt.Euros(r.MinGrantCents.Int()), frfmt.Euros(got)))
	}
	if r.MaxGrantCents.Known() && got > r.MaxGrantCents.Int() {
		at("montant-max", Blocking, FieldAmount, r.MaxGrantCents, fmt.Sprintf("« %s » accorde au plus %s ; le plan en demande %s.", prog.Name, frfmt.Euros(r.MaxGrantCents.Int()), frfmt.Euros(got)))
	}
	cost := c.t.cost(c.p)
	if rate, where := c.maxRate(prog); rate.Known() && cost > 0 && got*100 > rate.Int()*cost {
		at("taux-max", Blocking, FieldAmount, rate, fmt.Sprintf("« %s » cofinance au plus %d %% du projet%s ; le plan lui en demande %s (%s sur %s).",
			prog.Name, rate.Int(), where, percentOf(got, cost), frfmt.Euros(got), frfmt.Euros(cost)))
	}
	if sh := r.MinOwnSharePercent; sh.Known() && cost > 0 && c.t.own*100 < sh.Int()*cost {
		at("part-propre", Blocking, FieldAmount, sh, fmt.Sprintf("« %s » demande qu'au moins %d %% du plan vienne de la collectivité et de ses partenaires ; ils en apportent %s (%s sur %s).",
			prog.Name, sh.Int(), percentOf(c.t.own, cost), frfmt.Euros(c.t.own), frfmt.Euros(cost)))
	}
	c.duration(prog, at)
}

// maxRate returns the rate that applies: the one for least developed countries when the project is in
// one and the programme has it.
func (c *checker) maxRate(prog Programme) (Rule, string) {
	if c.p.LeastDeveloped && prog.Rules.MaxRateLDCPercent.Known() {
		return prog.Rules.MaxRateLDCPercent, " dans un pays parmi les moins avancés"
	}
	if prog.Rules.MaxRateLDCPercent.Known() {
		return prog.Rules.MaxRatePercent, " hors pays les moins avancés"
	}
	return prog.Rules.MaxRatePercent, ""
}

func (c *checker) duration(prog Programme, at func(string, Severity, string, Rule, string)) {
	r := prog.Rules
	if !r.MaxMonths.Known() && !r.MinMonths.Known() {
		return
	}
	months, ok := c.p.Months()
	if !ok {
		rl := r.MaxMonths
		if !rl.Known() {
			rl = r.MinMonths
		}
		at("duree-inconnue", Advice, FieldProgramme, rl, "« "+prog.Name+" » limite la durée des projets : renseignez le début et la fin du projet pour la vérifier.")
		return
	}
	if r.MaxMonths.Known() && int64(months) > r.MaxMonths.Int() {
		at("duree-max", Blocking, FieldProgramme, r.MaxMonths, fmt.Sprintf("« %s » finance des projets de %d mois au plus ; celui-ci dure %d mois.", prog.Name, r.MaxMonths.Int(), months))
	}
	if r.MinMonths.Known() && int64(months) < r.MinMonths.Int() {
		at("duree-min", Blocking, FieldProgramme, r.MinMonths, fmt.Sprintf("« %s » finance des projets de %d mois au moins ; celui-ci dure %d mois.", prog.Name, r.MinMonths.Int(), months))
	}
}

// onePercent checks each 1 % line against its year's ceiling, the authority's other projects included.
func (c *checker) onePercent() {
	mine := OnePercentUse(c.ctx.Catalogue, []Project{c.p})
	flagged := map[SectorYear]bool{}
	for _, l := range c.p.Lines {
		prog, ok := c.ctx.Catalogue.Programme(l.Programme)
		if l.Source != SourceProgramme || !ok || prog.Sector == "" || !l.Status.Counts() {
			continue
		}
		rl := prog.Rules.CeilingPercent
		if l.Year == 0 {
			c.emit(Finding{Rule: "plafond-annee", Severity: ToFix, Field: FieldYear, Line: l.ID, Programme: prog.Code, Source: rl.Source, ToVerify: rl.ToVerify,
				Message: "Le plafond du 1 % se calcule par année : indiquez l'année de ce financement."})
			continue
		}
		key := SectorYear{prog.Sector, l.Year}
		if flagged[key] || !rl.Known() {
			continue
		}
		flagged[key] = true
		ceiling, known := OnePercentCeiling(c.ctx.Years[l.Year].Budgets[prog.Sector], rl.Int())
		if !known {
			c.emit(Finding{Rule: "plafond-budget", Severity: Advice, Field: FieldYear, Line: l.ID, Programme: prog.Code, Source: rl.Source, ToVerify: rl.ToVerify,
				Message: fmt.Sprintf("Les ressources du %s en %d ne sont pas renseignées : le plafond du 1 %% ne peut pas être vérifié.", prog.Sector.Label(), l.Year)})
			continue
		}
		if used := mine[key] + c.ctx.OtherUse[key]; used > ceiling {
			c.emit(Finding{Rule: "plafond-1pc", Severity: Blocking, Field: FieldAmount, Line: l.ID, Programme: prog.Code, Source: rl.Source, ToVerify: rl.ToVerify,
				Message: fmt.Sprintf("En %d, le 1 %% du %s est plafonné à %s ; les projets de la collectivité y prennent %s (dont %s pour celui-ci).",
					l.Year, prog.Sector.Label(), frfmt.Euros(ceiling), frfmt.Euros(used), frfmt.Euros(mine[key]))})
		}
	}
}

// percentOf writes part/whole as a French percentage with one decimal: « 72,5 % ».
func percentOf(part, whole int64) string {
	if whole == 0 {
		return frfmt.Unknown
	}
	tenths := (part*1000 + whole/2) / whole
	s := fmt.Sprintf("%d", tenths/10)
	if d := tenths % 10; d != 0 {
		s += fmt.Sprintf(",%d", d)
	}
	return s + "\u00a0%"
}

func kindsText(kinds []string) string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = KindLabel(k)
	}
	return strings.Join(names, ", ")
}

// KindLabel returns the plural French name of an authority kind for messages.
func KindLabel(kind string) string {
	switch kind {
	case "commune":
		return "communes"
	case "epci":
		return "EPCI"
	case "syndicat-mixte":
		return "syndicats mixtes"
	case "departement":
		return "départements"
	case "region":
		return "régions"
	case "statut-particulier":
		return "collectivités à statut particulier"
	}
	return kind
}

func firstSource(p Programme) string {
	if len(p.Sources) > 0 {
		return p.Sources[0]
	}
	return ""
}
