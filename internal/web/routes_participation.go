package web

import (
	"net/http"

	"boussole/internal/access"
)

// participationRoutes registers the team's pages of the « Participation » section (issue 12). Reading
// needs the internal view (contributions are not for partners), except the section's home, which shows
// partners what the public sees; running consultations needs ManageParticipation.
func (s *Server) participationRoutes(ws routeFunc) {
	const c = "/ct/{slug}/participation/consultations/{id}"
	ws("GET /ct/{slug}/participation", access.ViewWorkspace, s.showParticipation)
	ws("POST /ct/{slug}/participation/consultations", access.ManageParticipation, s.createConsultation)
	ws("GET /ct/{slug}/participation/page-publique", access.ViewInternal, s.showPublicProfile)
	ws("POST /ct/{slug}/participation/page-publique", access.ManageParticipation, s.savePublicProfile)
	ws("GET "+c, access.ViewInternal, s.showConsultation)
	ws("POST "+c, access.ManageParticipation, s.updateConsultation)
	ws("POST "+c+"/statut", access.ManageParticipation, s.setConsultationStatus)
	ws("GET "+c+"/suppression", access.ManageParticipation, s.confirmDeleteConsultation)
	ws("POST "+c+"/suppression", access.ManageParticipation, s.deleteConsultation)
	ws("POST "+c+"/questions", access.ManageParticipation, s.createQuestion)
	ws("GET "+c+"/questions/{question}", access.ViewInternal, s.showQuestion)
	ws("POST "+c+"/questions/{question}", access.ManageParticipation, s.updateQuestion)
	ws("GET "+c+"/questions/{question}/suppression", access.ManageParticipation, s.confirmDeleteQuestion)
	ws("POST "+c+"/questions/{question}/suppression", access.ManageParticipation, s.deleteQuestion)
	ws("GET "+c+"/moderation", access.ViewInternal, s.showModeration)
	ws("POST "+c+"/contributions/{contribution}/moderation", access.ManageParticipation, s.moderateContribution)
	ws("POST "+c+"/contributions/{contribution}/themes", access.ManageParticipation, s.fileContributionThemes)
	ws("GET "+c+"/synthese", access.ViewInternal, s.showSynthesis)
	ws("POST "+c+"/synthese", access.ManageParticipation, s.saveSynthesis)
	ws("GET "+c+"/contributions.csv", access.ViewInternal, s.exportContributions(false))
	ws("GET "+c+"/contributions.xlsx", access.ViewInternal, s.exportContributions(true))
	ws("GET "+c+"/registre.csv", access.ViewInternal, s.exportRegister)
	const m = "/ct/{slug}/participation/reunions"
	ws("GET "+m, access.ViewInternal, s.showMeetings)
	ws("POST "+m, access.ManageParticipation, s.createMeeting)
	ws("GET "+m+"/{meeting}", access.ViewInternal, s.showMeeting)
	ws("POST "+m+"/{meeting}", access.ManageParticipation, s.updateMeeting)
	ws("GET "+m+"/{meeting}/activite", access.EditContent, s.showDecisionActivity)
	ws("POST "+m+"/{meeting}/activite", access.EditContent, s.createDecisionActivity)
	ws("GET "+m+"/{meeting}/suppression", access.ManageParticipation, s.confirmDeleteMeeting)
	ws("POST "+m+"/{meeting}/suppression", access.ManageParticipation, s.deleteMeeting)
	const k = "/ct/{slug}/participation/communication"
	ws("GET "+k, access.ViewInternal, s.showCommPlan)
	ws("POST "+k, access.ManageParticipation, s.createCommAction)
	ws("GET "+k+"/{action}", access.ViewInternal, s.showCommAction)
	ws("POST "+k+"/{action}", access.ManageParticipation, s.updateCommAction)
	ws("GET "+k+"/{action}/suppression", access.ManageParticipation, s.confirmDeleteCommAction)
	ws("POST "+k+"/{action}/suppression", access.ManageParticipation, s.deleteCommAction)
}

// participationPublicRoutes registers what citizens use without an account (issue 12): the authority's
// public page, its consultations, their results, and each contributor's personal link. The pages every
// visitor sees alike are kept (keptPublic); a contributor's personal link never is.
func (s *Server) participationPublicRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /public/{slug}", s.keptPublic(s.showPublicPage))
	mux.HandleFunc("GET /public/{slug}/{$}", s.keptPublic(s.showPublicPage))
	mux.HandleFunc("GET /public/{slug}/consultations/{id}", s.keptPublic(s.showPublicConsultation))
	mux.HandleFunc("POST /public/{slug}/consultations/{id}", s.contribute)
	mux.HandleFunc("GET /public/{slug}/consultations/{id}/resultats", s.keptPublic(s.showPublicResults))
	mux.HandleFunc("GET /public/{slug}/contribution/{token}", s.showContribution)
	mux.HandleFunc("GET /public/{slug}/contribution/{token}/export.json", s.exportContribution)
	mux.HandleFunc("GET /public/{slug}/contribution/{token}/effacement", s.confirmEraseContribution)
	mux.HandleFunc("POST /public/{slug}/contribution/{token}/effacement", s.eraseContribution)
}
