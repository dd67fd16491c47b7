package web

import (
	"boussole/internal/access"
	lf "boussole/internal/logframe"
)

// frameworkRoutes registers the routes of the strategy's key elements, priorities, ODD, logical
// framework, indicators, risks and check (issue 5). Pages work on the workspace's focus strategy; records
// are found by their ID within the authority.
func (s *Server) frameworkRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/strategie", access.ViewWorkspace, s.showKeyElements)
	ws("POST /ct/{slug}/strategie", access.EditContent, s.saveKeyElements)
	ws("POST /ct/{slug}/strategie/priorites", access.EditContent, s.createGeoPriority)
	ws("GET /ct/{slug}/strategie/priorites/{geo}", access.ViewWorkspace, s.showGeoPriority)
	ws("POST /ct/{slug}/strategie/priorites/{geo}", access.EditContent, s.updateGeoPriority)
	ws("GET /ct/{slug}/strategie/priorites/{geo}/suppression", access.EditContent, s.confirmDelete(lf.KindGeoPriority))
	ws("POST /ct/{slug}/strategie/priorites/{geo}/suppression", access.EditContent, s.deleteElement(lf.KindGeoPriority))
	ws("POST /ct/{slug}/strategie/thematiques", access.EditContent, s.createThematicPriority)
	ws("GET /ct/{slug}/strategie/thematiques/{theme}", access.ViewWorkspace, s.showThematic)
	ws("POST /ct/{slug}/strategie/thematiques/{theme}", access.EditContent, s.updateThematic)
	ws("GET /ct/{slug}/strategie/thematiques/{theme}/suppression", access.EditContent, s.confirmDeleteThematic)
	ws("POST /ct/{slug}/strategie/thematiques/{theme}/suppression", access.EditContent, s.deleteThematic)
	ws("GET /ct/{slug}/strategie/odd", access.ViewWorkspace, s.showSDGCoverage)
	ws("POST /ct/{slug}/strategie/odd/cibles-locales", access.EditContent, s.createLocalTarget)
	ws("POST /ct/{slug}/strategie/odd/cibles-locales/{local}/suppression", access.EditContent, s.deleteLocalTarget)

	ws("GET /ct/{slug}/cadre-logique", access.ViewWorkspace, s.showLogframe)
	ws("GET /ct/{slug}/cadre-logique/arbre", access.ViewWorkspace, s.showTree)
	ws("GET /ct/{slug}/cadre-logique/verification", access.ViewWorkspace, s.showCheck)
	ws("POST /ct/{slug}/cadre-logique/objectifs", access.EditContent, s.createObjective)
	ws("POST /ct/{slug}/cadre-logique/odd/{kind}/{element}", access.EditContent, s.saveSDGTags)
	for _, k := range []struct {
		kind  lf.Kind
		path  string
		child string
	}{
		{lf.KindSpecificObjective, "objectifs/{objective}", "resultats"},
		{lf.KindResult, "resultats/{result}", "activites"},
		{lf.KindActivity, "activites/{activity}", ""},
	} {
		p := "/ct/{slug}/cadre-logique/" + k.path
		ws("GET "+p, access.ViewWorkspace, s.showElement(k.kind))
		ws("POST "+p, access.EditContent, s.updateElement(k.kind))
		ws("POST "+p+"/deplacement", access.EditContent, s.moveElement(k.kind))
		ws("POST "+p+"/hypotheses", access.EditContent, s.createAssumption(k.kind))
		ws("GET "+p+"/suppression", access.EditContent, s.confirmDelete(k.kind))
		ws("POST "+p+"/suppression", access.EditContent, s.deleteElement(k.kind))
		if _, ok := elementLinkKinds[k.kind]; ok {
			ws("POST "+p+"/liens", access.EditContent, s.saveElementLinks(k.kind))
		}
		if k.child != "" {
			ws("POST "+p+"/"+k.child, access.EditContent, s.createChild(k.kind))
		}
	}
	ws("POST /ct/{slug}/cadre-logique/hypotheses/{assumption}/suppression", access.EditContent, s.deleteElement(lf.KindAssumption))
	ws("GET /ct/{slug}/cadre-logique/indicateurs", access.ViewWorkspace, s.listIndicators)
	ws("GET /ct/{slug}/cadre-logique/indicateurs/nouveau", access.EditContent, s.showNewIndicator)
	ws("POST /ct/{slug}/cadre-logique/indicateurs", access.EditContent, s.createIndicator)
	ws("GET /ct/{slug}/cadre-logique/indicateurs/{indicator}", access.ViewWorkspace, s.showIndicator)
	ws("POST /ct/{slug}/cadre-logique/indicateurs/{indicator}", access.EditContent, s.updateIndicator)
	ws("GET /ct/{slug}/cadre-logique/indicateurs/{indicator}/suppression", access.EditContent, s.confirmDelete(lf.KindIndicator))
	ws("POST /ct/{slug}/cadre-logique/indicateurs/{indicator}/suppression", access.EditContent, s.deleteElement(lf.KindIndicator))
	ws("GET /ct/{slug}/cadre-logique/risques", access.ViewWorkspace, s.listRisks)
	ws("POST /ct/{slug}/cadre-logique/risques", access.EditContent, s.createRisk)
	ws("GET /ct/{slug}/cadre-logique/risques/{risk}", access.ViewWorkspace, s.showRisk)
	ws("POST /ct/{slug}/cadre-logique/risques/{risk}", access.EditContent, s.updateRisk)
	ws("GET /ct/{slug}/cadre-logique/risques/{risk}/suppression", access.EditContent, s.confirmDelete(lf.KindRisk))
	ws("POST /ct/{slug}/cadre-logique/risques/{risk}/suppression", access.EditContent, s.deleteElement(lf.KindRisk))
}
