package web

import (
	"net/http"

	"boussole/internal/access"
)

// routeFunc registers a workspace route: a pattern under /ct/{slug}/, the action it needs, its handler.
type routeFunc func(pattern string, action access.Action, h workspaceHandler)

// routes lists every URL of the application. French paths for what people see; one handler per action.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /static/{file}", s.assets.serve)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.HandleFunc("GET /metrics", s.publicMetrics) // see --metrics-addr and --metrics-token

	mux.HandleFunc("GET /{$}", s.showHome)
	mux.HandleFunc("GET /accessibilite", s.showAccessibility)
	mux.HandleFunc("GET /connexion", s.showSignIn)
	mux.HandleFunc("POST /connexion", s.signIn)
	mux.HandleFunc("POST /deconnexion", s.signOut)
	mux.HandleFunc("POST /deconnexion/partout", s.requireUser(s.signOutEverywhere))
	mux.HandleFunc("GET "+proConnectStart, s.beginProConnect)
	mux.HandleFunc("GET "+proConnectCallback, s.finishProConnect)
	mux.HandleFunc("POST /connexion/proconnect/liaison", s.linkWithPassword)
	mux.HandleFunc("POST /connexion/proconnect/liaison/courriel", s.sendLinkEmail)
	mux.HandleFunc("GET /connexion/proconnect/liaison/{token}", s.showLinkByEmail)
	mux.HandleFunc("POST /connexion/proconnect/liaison/{token}", s.linkByEmail)
	mux.HandleFunc("GET /inscription", s.showSignUp)
	mux.HandleFunc("POST /inscription", s.signUp)
	mux.HandleFunc("POST /inscription/demande-acces", s.requestAccess)
	mux.HandleFunc("GET /mot-de-passe-oublie", s.showForgotPassword)
	mux.HandleFunc("POST /mot-de-passe-oublie", s.forgotPassword)
	mux.HandleFunc("GET /mot-de-passe/{token}", s.showResetPassword)
	mux.HandleFunc("POST /mot-de-passe/{token}", s.resetPassword)
	mux.HandleFunc("GET /invitation/{token}", s.showInvitation)
	mux.HandleFunc("POST /invitation/{token}", s.acceptInvitation)
	mux.HandleFunc("GET /compte", s.requireUser(s.showAccount))
	mux.HandleFunc("POST /compte/demande-acces", s.requireUser(s.requestAccessFromAccount))
	mux.HandleFunc("POST /compte/jetons", s.requireUser(s.createAPIToken))
	mux.HandleFunc("POST /compte/recapitulatif", s.requireUser(s.setWeeklyDigest))
	mux.HandleFunc("GET /compte/jetons/{id}/revocation", s.requireUser(s.confirmRevokeAPIToken))
	mux.HandleFunc("POST /compte/jetons/{id}/revocation", s.requireUser(s.revokeAPIToken))
	mux.HandleFunc("GET /administration", s.requireUser(s.showPlatformAdmin))
	mux.HandleFunc("GET /reseau", s.requireUser(s.showNetwork))
	mux.HandleFunc("GET /reseau.csv", s.requireUser(s.exportNetwork))
	mux.HandleFunc("GET /reseau/comptes.csv", s.requireUser(s.exportNetworkCounts))
	s.fundingAdminRoutes(mux)

	ws := func(pattern string, action access.Action, h workspaceHandler) {
		mux.HandleFunc(pattern, s.workspaceRoute(pattern, action, h))
		s.patterns = append(s.patterns, pattern)
	}
	ws("GET /ct/{slug}/{$}", access.ViewWorkspace, s.showWorkspaceHome)
	ws("GET /ct/{slug}/strategies", access.ViewWorkspace, s.listStrategies)
	ws("GET /ct/{slug}/strategies/nouvelle", access.ManageStrategy, s.showNewStrategy)
	ws("POST /ct/{slug}/strategies", access.ManageStrategy, s.createStrategy)
	ws("POST /ct/{slug}/strategies/choix", access.ViewWorkspace, s.chooseStrategy)
	ws("GET /ct/{slug}/strategies/{id}", access.ViewWorkspace, s.showStrategy)
	ws("GET /ct/{slug}/strategies/{id}/modifier", access.ManageStrategy, s.showEditStrategy)
	ws("POST /ct/{slug}/strategies/{id}", access.ManageStrategy, s.updateStrategy)
	ws("GET /ct/{slug}/strategies/{id}/etapes/{step}", access.ViewWorkspace, s.showStep)
	ws("POST /ct/{slug}/strategies/{id}/etapes/{step}", access.EditContent, s.updateStep)
	ws("GET /ct/{slug}/membres", access.ViewMemberList, s.listMembers)
	ws("POST /ct/{slug}/membres/invitations", access.ManageMembers, s.inviteMember)
	ws("POST /ct/{slug}/membres/{user}/role", access.ManageMembers, s.changeRole)
	ws("GET /ct/{slug}/membres/{user}/retrait", access.ManageMembers, s.confirmRemoveMember)
	ws("POST /ct/{slug}/membres/{user}/retrait", access.ManageMembers, s.removeMember)
	ws("POST /ct/{slug}/demandes/{id}/traitee", access.ManageMembers, s.closeAccessRequest)
	ws("GET /ct/{slug}/accompagnement", access.ManageGrants, s.listGrants)
	ws("POST /ct/{slug}/accompagnement", access.ManageGrants, s.createGrant)
	ws("POST /ct/{slug}/accompagnement/{id}/revocation", access.ManageGrants, s.revokeGrant)
	ws("GET /ct/{slug}/journal", access.ViewAuditLog, s.showAuditLog)
	ws("GET /ct/{slug}/journal.csv", access.ViewAuditLog, s.exportAuditLog)
	ws("GET /ct/{slug}/archive", access.ExportWorkspace, s.showArchive)
	ws("GET /ct/{slug}/archive.zip", access.ExportWorkspace, s.downloadArchive)
	// Each section of the method explains what it will hold until its area registers its own, more
	// specific, routes below.
	ws("GET /ct/{slug}/{section}", access.ViewWorkspace, s.showSection)
	for _, area := range []func(routeFunc){s.diagnosticRoutes, s.stakeholderRoutes, s.frameworkRoutes, s.planningRoutes, s.monitoringRoutes, s.fundingRoutes,
		s.participationRoutes, s.documentRoutes} {
		area(ws)
	}
	s.commentRoutes(ws)
	s.sharingRoutes(ws)
	// What needs no account is in publicRoutes.

	mux.HandleFunc("/", s.notFound)
	return withRouteLabel(mux)
}
