package web

import "boussole/internal/monitoring"

// The journal's labels for the records of « Suivi et évaluation », kept beside the area.
func init() {
	auditLabels["mesure"] = map[string]auditField{"IndicatorID": lbl("Indicateur n°"), "Period": lbl("Période"), "PeriodStart": lbl("Début de la période"),
		"PeriodEnd": lbl("Fin de la période"), "Text": lbl("Valeur en mots ou précision"), "MeasuredOn": lbl("Constatée le"), "Source": lbl("Source"),
		"Evidence": lbl("Justificatif"), "EnteredBy": lbl("Saisie par (compte n°)"), "EnteredName": lbl("Saisie par"),
		"Review": lblc("Revue", codeLabel(monitoring.Review.Label)), "Locked": lbl("Période verrouillée"), "Reason": lbl("Motif de la correction")}
	auditLabels["évaluation"] = map[string]auditField{"Kind": lblc("Type", codeLabel(monitoring.EvaluationKind.Label)),
		"Conduct": lblc("Conduite", codeLabel(monitoring.Conduct.Label)), "Evaluator": lbl("Évaluateur"), "TermsOfReference": lbl("Termes de référence"),
		"Findings": lbl("Constats"), "Lessons": lbl("Enseignements"), "SnapshotOn": lbl("Indicateurs figés le"), "Snapshot": lbl("Indicateurs figés"),
		"Questions": lbl("Questions"), "Recommendations": lbl("Recommandations")}
	auditLabels["question d'évaluation"] = map[string]auditField{"Criterion": lblc("Critère", codeLabel(monitoring.Criterion.Label)),
		"Text": lbl("Question"), "Answer": lbl("Réponse")}
	auditLabels["recommandation"] = map[string]auditField{"Text": lbl("Recommandation"), "Owner": lbl("Porteur"),
		"Response": lblc("Réponse", codeLabel(monitoring.Response.Label)), "FollowUp": lblc("Suivi", codeLabel(monitoring.FollowUp.Label)), "Notes": lbl("Notes de suivi"),
		"Element": lbl("Élément concerné")}
	auditLabels["import de mesures"] = map[string]auditField{"fichier": lbl("Fichier"), "mesures": lbl("Mesures importées")}
	auditLabels["stratégie suivante"] = map[string]auditField{"stratégie précédente": lbl("Stratégie précédente n°"), "repris": lbl("Repris"),
		"non repris": lbl("Non repris")}
	auditLabels["responsable d'indicateur"] = map[string]auditField{"IndicatorID": lbl("Indicateur n°"), "UserID": lbl("Responsable (compte n°)")}
}
