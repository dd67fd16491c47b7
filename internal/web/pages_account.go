package web

import (
	"boussole/internal/model"
	"boussole/internal/territory"
)

// The data of the pages about accounts, workspaces and the platform: one type per page, so that a
// template naming a field the handler does not fill fails the template test instead of showing nothing.

// errorPageData is the French page for 403, 404, 500…
type errorPageData struct {
	Status  int
	Message string // a sentence of context, or ""
}

// messagePage is a page that only says one thing (a link sent, a link expired).
type messagePage struct{ Message string }

type workspacesPage struct{ Workspaces []model.Workspace }

type adminPage struct {
	Authorities    []model.Authority
	Resets         []model.PasswordReset
	MailConfigured bool
}

type signinPage struct {
	DemoAccounts []demoAccount
	ProConnect   bool // whether the ProConnect button is offered
}

// signupPage is the form that opens an authority's workspace, with the search in the official list.
type signupPage struct {
	Results  []territory.Authority
	Searched bool
	Chosen   *territory.Authority // the authority picked in the list
	Existing *model.Authority     // its workspace, when one is already open
	Other    bool                 // the authority is not in the official list
}

type invitationPage struct {
	Invitation model.Invitation
	Authority  model.Authority
	Path       string
}

type membersPage struct {
	Members        []model.Member
	InvitationLink string
	Requests       []model.AccessRequest
}

type memberRemovePage struct{ Member model.Member }

type grantsPage struct{ Grants []model.Grant }

type auditLogPage struct {
	Entries  []auditLine
	Entities []string
	Members  []model.Member
	Page     int
	More     bool
	Query    string
}
