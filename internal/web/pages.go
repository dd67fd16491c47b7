package web

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// pageTypes names the data type (view.Data) of every page template, nil for a page that has none. It
// is the contract between handlers and templates: render refuses a page whose data is of another type,
// loadViews refuses a template with no entry here and an entry with no template, and the template tests
// check every template against its type (templates_test.go).
var pageTypes = map[string]reflect.Type{
	// Accounts, workspaces, the platform.
	"landing":       reflect.TypeFor[landingPage](),
	"accessibility": nil,
	"forgot":        nil,
	"reset":         nil,
	"error":         reflect.TypeFor[errorPageData](),
	"message":       reflect.TypeFor[messagePage](),
	"signin":        reflect.TypeFor[signinPage](),
	"signup":        reflect.TypeFor[signupPage](),
	"account":       reflect.TypeFor[accountPage](),
	"workspaces":    reflect.TypeFor[workspacesPage](),
	"admin":         reflect.TypeFor[adminPage](),
	"invitation":    reflect.TypeFor[invitationPage](),
	"members":       reflect.TypeFor[membersPage](),
	"member_remove": reflect.TypeFor[memberRemovePage](),
	"grants":        reflect.TypeFor[grantsPage](),
	"auditlog":      reflect.TypeFor[auditLogPage](),

	// The strategy and its process.
	"home_empty":    reflect.TypeFor[homeEmptyPage](),
	"component":     reflect.TypeFor[componentPage](), // a templ page: templ_pages.go
	"strategies":    reflect.TypeFor[strategiesPage](),
	"strategy_new":  reflect.TypeFor[strategyNewPage](),
	"strategy_edit": reflect.TypeFor[strategyEditPage](),
	"step":          reflect.TypeFor[stepPage](),
	"section":       reflect.TypeFor[sectionPage](),

	// Comments.
	"comments_thread":        reflect.TypeFor[commentThreadPage](),
	"comments_list":          reflect.TypeFor[commentsListPage](),
	"comments_notifications": reflect.TypeFor[notificationsPage](),
	"comments_edit":          reflect.TypeFor[commentEditPage](),
	"comments_delete":        reflect.TypeFor[commentDeletePage](),

	// Sensibilisation and diagnostic (diagPage passes pointers: it fills their common part).
	"diagnostic_restricted":       reflect.TypeFor[*diagRestrictedPage](),
	"diagnostic_nostrategy":       reflect.TypeFor[*diagNoStrategyPage](),
	"diagnostic_confirm":          reflect.TypeFor[*diagConfirmPage](),
	"diagnostic_argument_edit":    reflect.TypeFor[*argumentEditPage](),
	"diagnostic_argument_print":   reflect.TypeFor[*argumentPrintPage](),
	"diagnostic_awareness":        reflect.TypeFor[*awarenessPage](),
	"diagnostic_sessions":         reflect.TypeFor[*sessionsPage](),
	"diagnostic_session_form":     reflect.TypeFor[*sessionFormPage](),
	"diagnostic_principles":       reflect.TypeFor[*principlesPage](),
	"diagnostic_partnerships":     reflect.TypeFor[*partnershipsPage](),
	"diagnostic_partnership_form": reflect.TypeFor[*partnershipFormPage](),
	"diagnostic_partnership_map":  reflect.TypeFor[*partnerMapPage](),
	"diagnostic_summary":          reflect.TypeFor[*diagSummaryPage](),
	"diagnostic_summary_print":    reflect.TypeFor[*diagSummaryPage](),
	"diagnostic_swot_edit":        reflect.TypeFor[*swotEditPage](),
	"diagnostic_swot_merge":       reflect.TypeFor[*swotMergePage](),

	// Stakeholders.
	"stakeholder_restricted":     nil,
	"stakeholder_figure":         reflect.TypeFor[stakeholderFigurePage](),
	"stakeholder_plan":           reflect.TypeFor[stakeholderPlanPage](),
	"stakeholder_show":           reflect.TypeFor[stakeholderShowPage](),
	"stakeholder_delete":         reflect.TypeFor[stakeholderDeletePage](),
	"stakeholder_form":           reflect.TypeFor[stakeholderFormPage](),
	"stakeholder_import":         reflect.TypeFor[stakeholderImportPage](),
	"stakeholder_import_preview": reflect.TypeFor[stakeholderImportPreviewPage](),

	// Key elements, priorities, framework, indicators, risks.
	"framework_none":            nil,
	"framework_key":             reflect.TypeFor[keyPage](),
	"framework_geo":             reflect.TypeFor[geoPage](),
	"framework_thematic":        reflect.TypeFor[thematicPage](),
	"framework_thematic_delete": reflect.TypeFor[thematicDeletePage](),
	"framework_sdg":             reflect.TypeFor[sdgPage](),
	"framework_tree":            reflect.TypeFor[treePage](),
	"framework_element":         reflect.TypeFor[elementPage](),
	"framework_delete":          reflect.TypeFor[deletePage](),
	"framework_indicator":       reflect.TypeFor[indicatorPage](),
	"framework_risk":            reflect.TypeFor[riskPage](),
	"framework_check":           reflect.TypeFor[checkPage](),

	// Planning.
	"planning_empty":      nil,
	"planning_confirm":    reflect.TypeFor[planConfirmPage](),
	"planning_agenda":     reflect.TypeFor[agendaPage](),
	"planning_milestones": reflect.TypeFor[milestonesPage](),
	"planning_milestone":  reflect.TypeFor[milestonePage](),
	"planning_schedule":   reflect.TypeFor[schedulePage](),
	"planning_roadmap":    reflect.TypeFor[roadmapPage](),
	"planning_mine":       reflect.TypeFor[minePage](),

	// Capitalisation: sharing, the library of shared strategies, the atlas.
	"sharing":          reflect.TypeFor[sharingPage](),
	"sharing_withdraw": reflect.TypeFor[withdrawPage](),
	"library":          reflect.TypeFor[libraryPage](),
	"library_peer":     reflect.TypeFor[peerPage](),
	"library_copy":     reflect.TypeFor[copyPage](),
	"atlas":            reflect.TypeFor[atlasPage](),
	"consortiums":      reflect.TypeFor[consortiumsPage](),
	"consortium_new":   reflect.TypeFor[proposalPage](),
	"consortium":       reflect.TypeFor[consortiumPage](),

	// Participation: consultations, meetings, communication, the public page (issue 12).
	"participation_comm_action":   reflect.TypeFor[commActionPage](),
	"participation_communication": reflect.TypeFor[commPlanPage](),
	"participation_confirm":       reflect.TypeFor[participationConfirm](),
	"participation_consultation":  reflect.TypeFor[consultationAdmin](),
	"participation_contribution":  reflect.TypeFor[contributionPage](),
	"participation_home":          reflect.TypeFor[participationHome](),
	"participation_meeting":       reflect.TypeFor[meetingPage](),
	"participation_meetings":      reflect.TypeFor[meetingsPage](),
	"participation_moderation":    reflect.TypeFor[moderationPage](),
	"participation_profile":       reflect.TypeFor[publicProfilePage](),
	"participation_question":      reflect.TypeFor[questionPage](),
	"participation_synthesis":     reflect.TypeFor[synthesisPage](),
	"public_contribution":         reflect.TypeFor[*personalPage](),
	"public_page":                 reflect.TypeFor[*publicPage](),
	"public_results":              reflect.TypeFor[resultsPage](),

	// Documents: the strategy document, deliberation, one-page summary, adoptions (issue 14).
	"documents":         reflect.TypeFor[documentsPage](),
	"documents_onepage": reflect.TypeFor[onePagePage](),

	// ProConnect, API tokens and documentation (issue 15).
	"api_docs":           reflect.TypeFor[apiDocPage](),
	"proconnect_confirm": reflect.TypeFor[proConnectConfirmPage](),
	"proconnect_link":    reflect.TypeFor[proConnectLinkPage](),
	"token_revoke":       reflect.TypeFor[tokenRevocationPage](),
}

// checkPageTypes reports the page templates with no entry in pageTypes and the entries with no template,
// so that a page added on one side only stops the server at start rather than a user's request.
func checkPageTypes(pages map[string]bool) error {
	var problems []string
	for name := range pages {
		if _, ok := pageTypes[name]; !ok {
			problems = append(problems, "le gabarit "+name+" n'a pas de type de données dans pageTypes")
		}
	}
	for name := range pageTypes {
		if !pages[name] {
			problems = append(problems, "pageTypes nomme "+name+", qui n'a pas de gabarit")
		}
	}
	if len(problems) == 0 {
		return nil
	}
	slices.Sort(problems)
	return fmt.Errorf("web: %s", strings.Join(problems, " ; "))
}

// pageDataFits reports whether data is of the type the page's template expects.
func pageDataFits(page string, data any) bool {
	want, ok := pageTypes[page]
	return ok && reflect.TypeOf(data) == want
}

// names returns the set of page template names.
func (v *views) names() map[string]bool {
	out := make(map[string]bool, len(v.pages))
	for n := range v.pages {
		out[n] = true
	}
	return out
}
