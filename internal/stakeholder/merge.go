package stakeholder

// MergeInto folds incoming, a second description of the same actor (same name and kind), into existing and
// returns the result with existing's ID. What incoming says wins where it says something: a non-empty text,
// a score above 0, a context flag that is set, an engagement level; themes and steps are united. So merging
// a sparse spreadsheet row never erases what an officer had already recorded.
func MergeInto(existing, incoming Stakeholder) Stakeholder {
	out := existing
	out.Contact = pick(existing.Contact, incoming.Contact)
	out.Territory = pick(existing.Territory, incoming.Territory)
	out.Themes = union(existing.Themes, incoming.Themes)
	mergeScore(&out.Power.Utilitarian, incoming.Power.Utilitarian)
	mergeScore(&out.Power.Normative, incoming.Power.Normative)
	mergeScore(&out.Power.Mobilising, incoming.Power.Mobilising)
	mergeScore(&out.Power.Coercive, incoming.Power.Coercive)
	mergeScore(&out.Legitimacy.PublicGood, incoming.Legitimacy.PublicGood)
	mergeScore(&out.Legitimacy.Representation, incoming.Legitimacy.Representation)
	mergeScore(&out.Interest.Object, incoming.Interest.Object)
	mergeScore(&out.Interest.Type, incoming.Interest.Type)
	mergeFlag(&out.Context.PriorExperience, incoming.Context.PriorExperience)
	mergeFlag(&out.Context.Circumstances, incoming.Context.Circumstances)
	mergeFlag(&out.Context.WiderDecisions, incoming.Context.WiderDecisions)
	mergeFlag(&out.Context.ExistingNetworks, incoming.Context.ExistingNetworks)
	mergeFlag(&out.Context.ExistingChannels, incoming.Context.ExistingChannels)
	if incoming.Engagement.Level != "" {
		out.Engagement.Level = incoming.Engagement.Level
	}
	out.Engagement.Promise = pick(existing.Engagement.Promise, incoming.Engagement.Promise)
	out.Engagement.Ask = pick(existing.Engagement.Ask, incoming.Engagement.Ask)
	out.Engagement.Steps = mergeSteps(existing.Engagement.Steps, incoming.Engagement.Steps)
	return out
}

func pick(old, new string) string {
	if new != "" {
		return new
	}
	return old
}

func mergeScore(dst *Score, in Score) {
	if in.Value > 0 {
		dst.Value = in.Value
	}
	dst.Comment = pick(dst.Comment, in.Comment)
}

func mergeFlag(dst *Flag, in Flag) {
	dst.Present = dst.Present || in.Present
	dst.Comment = pick(dst.Comment, in.Comment)
}

// union keeps a's themes then b's new ones, comparing folded, so « Eau » and « eau » are one theme.
func union(a, b []string) []string {
	out := append([]string(nil), a...)
	seen := make(map[string]bool, len(a)+len(b))
	for _, t := range a {
		seen[fold(t)] = true
	}
	for _, t := range b {
		if f := fold(t); !seen[f] {
			seen[f] = true
			out = append(out, t)
		}
	}
	return out
}

// mergeSteps unites the steps and returns them in the process's order.
func mergeSteps(a, b []Step) []Step {
	var out []Step
	for _, st := range Steps() {
		e := Engagement{Steps: a}
		f := Engagement{Steps: b}
		if e.In(st) || f.In(st) {
			out = append(out, st)
		}
	}
	return out
}
