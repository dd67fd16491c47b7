package logframe

import (
	"slices"
	"strings"
)

// riskRules check the register of internal and external risks the guide asks for.
var riskRules = []checkRule{
	{Rule{"RISK-NONE", StepRisks, ToFix, "Le registre des risques n'est pas vide."}, ruleNoRisk},
	{Rule{"RISK-CATEGORIES", StepRisks, Advice, "Le registre couvre des risques internes et des risques externes."}, ruleRiskCategories},
	{Rule{"RISK-SCORE", StepRisks, ToFix, "Chaque risque a une probabilité et un impact notés de 1 à 4."}, ruleRiskScore},
	{Rule{"RISK-MITIGATION", StepRisks, ToFix, "Chaque risque a une mesure d'atténuation."}, ruleMitigation},
	{Rule{"RISK-OWNER", StepRisks, Advice, "Chaque risque a un responsable de son suivi."}, ruleRiskOwner},
}

// sortedRisks returns the risks in register order (R1, R2…).
func (ix *index) sortedRisks() []*Risk {
	rs := make([]*Risk, len(ix.s.Risks))
	for i := range ix.s.Risks {
		rs[i] = &ix.s.Risks[i]
	}
	slices.SortFunc(rs, func(a, b *Risk) int { return byPos(a.Position, a.ID, b.Position, b.ID) })
	return rs
}

func ruleNoRisk(ix *index, emit func(Ref, string)) {
	if len(ix.s.Risks) == 0 {
		emit(Ref{KindRisk, 0}, "Aucun risque n'est identifié : le guide demande de procéder à l'analyse des risques internes et externes de la stratégie.")
	}
}

func ruleRiskCategories(ix *index, emit func(Ref, string)) {
	if len(ix.s.Risks) == 0 {
		return
	}
	var internal, external bool
	for _, r := range ix.s.Risks {
		internal = internal || r.Category == RiskInternal
		external = external || r.Category == RiskExternal
	}
	switch {
	case !internal:
		emit(Ref{KindRisk, 0}, "Aucun risque interne n'est identifié (portage politique, moyens humains, continuité des services…) : le guide demande d'analyser les deux.")
	case !external:
		emit(Ref{KindRisk, 0}, "Aucun risque externe n'est identifié (contexte chez les partenaires, financements, sécurité…) : le guide demande d'analyser les deux.")
	}
}

func ruleRiskScore(ix *index, emit func(Ref, string)) {
	for _, r := range ix.sortedRisks() {
		if r.Likelihood < 1 || r.Likelihood > 4 || r.Impact < 1 || r.Impact > 4 {
			ref := Ref{KindRisk, r.ID}
			emit(ref, capFirst(ix.name(ref))+" n'est pas évalué : notez sa probabilité et son impact de 1 à 4 pour en connaître la criticité.")
		}
	}
}

func ruleMitigation(ix *index, emit func(Ref, string)) {
	for _, r := range ix.sortedRisks() {
		if strings.TrimSpace(r.Mitigation) == "" {
			ref := Ref{KindRisk, r.ID}
			emit(ref, capFirst(ix.name(ref))+" (criticité "+r.Class()+") n'a pas de mesure d'atténuation : que fera la collectivité pour le réduire ou y faire face ?")
		}
	}
}

func ruleRiskOwner(ix *index, emit func(Ref, string)) {
	for _, r := range ix.sortedRisks() {
		if strings.TrimSpace(r.Owner) == "" {
			ref := Ref{KindRisk, r.ID}
			emit(ref, capFirst(ix.name(ref))+" n'a pas de responsable de suivi.")
		}
	}
}
