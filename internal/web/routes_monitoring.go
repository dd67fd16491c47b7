package web

import "boussole/internal/access"

// monitoringRoutes registers « Suivi et évaluation » (issue 13). Pages show the workspace's focus strategy;
// an indicator's page shows the strategy the indicator belongs to.
func (s *Server) monitoringRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/suivi-evaluation", access.ViewWorkspace, s.showMonitoringDashboard)
	ws("GET /ct/{slug}/suivi-evaluation/tableaux", access.ViewWorkspace, s.showMonitoringAxes)
	ws("GET /ct/{slug}/suivi-evaluation/tableaux/detail", access.ViewWorkspace, s.showMonitoringAxisDetail)
	ws("GET /ct/{slug}/suivi-evaluation/synthese", access.ViewWorkspace, s.showMonitoringSummary)
	ws("GET /ct/{slug}/suivi-evaluation/strategie-suivante", access.ViewWorkspace, s.showRevision)
	ws("POST /ct/{slug}/suivi-evaluation/strategie-suivante", access.ManageStrategy, s.prepareNextStrategy)
	ws("GET /ct/{slug}/suivi-evaluation/a-mettre-a-jour", access.ViewWorkspace, s.showMyUpdates)
	ws("GET /ct/{slug}/suivi-evaluation/indicateurs/{indicator}", access.ViewWorkspace, s.showMonitoredIndicator)
	ws("POST /ct/{slug}/suivi-evaluation/indicateurs/{indicator}", access.RecordMeasurement, s.saveMeasurement)
	ws("POST /ct/{slug}/suivi-evaluation/indicateurs/{indicator}/responsable", access.ValidateMeasurement, s.saveIndicatorOwner)
	ws("POST /ct/{slug}/suivi-evaluation/mesures/{measurement}/revue", access.RecordMeasurement, s.reviewMeasurement)
	ws("GET /ct/{slug}/suivi-evaluation/evaluations", access.ViewWorkspace, s.listEvaluations)
	ws("POST /ct/{slug}/suivi-evaluation/evaluations", access.ValidateMeasurement, s.createEvaluation)
	ws("GET /ct/{slug}/suivi-evaluation/evaluations/{evaluation}", access.ViewWorkspace, s.showEvaluation)
	ws("POST /ct/{slug}/suivi-evaluation/evaluations/{evaluation}", access.ValidateMeasurement, s.updateEvaluation)
	ws("POST /ct/{slug}/suivi-evaluation/evaluations/{evaluation}/questions", access.ValidateMeasurement, s.addQuestion)
	ws("POST /ct/{slug}/suivi-evaluation/evaluations/{evaluation}/recommandations", access.ValidateMeasurement, s.addRecommendation)
	ws("GET /ct/{slug}/suivi-evaluation/evaluations/{evaluation}/recommandations/{recommendation}", access.ViewWorkspace, s.showRecommendation)
	ws("POST /ct/{slug}/suivi-evaluation/evaluations/{evaluation}/recommandations/{recommendation}", access.ValidateMeasurement, s.updateRecommendation)
	ws("GET /ct/{slug}/suivi-evaluation/import", access.ValidateMeasurement, s.showMeasurementImport)
	ws("POST /ct/{slug}/suivi-evaluation/import", access.ValidateMeasurement, s.previewMeasurementImport)
	ws("POST /ct/{slug}/suivi-evaluation/import/{upload}/confirmation", access.ValidateMeasurement, s.confirmMeasurementImport)
}

func init() {
	notices["mesure"] = "La mesure a été enregistrée."
	notices["revue"] = "La revue de la mesure a été enregistrée."
	notices["mesures-importees"] = "Les mesures ont été importées."
	notices["strategie-suivante"] = "La stratégie suivante a été créée, en préparation : voici ce qui a été repris et ce qui ne l'a pas été."
}
