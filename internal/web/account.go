package web

import (
	"net/http"
	"time"

	"boussole/internal/access"
	"boussole/internal/apitoken"
	"boussole/internal/model"
)

// accountPage is what the account page shows.
type accountPage struct {
	Sessions   int
	Workspaces []model.Workspace
	// DigestOn says the person receives the weekly monitoring digest (the default).
	DigestOn bool
	// Accompanies says the person holds a network's grant: the account links to the members' view.
	Accompanies bool
	Proposals   []orgProposal
	Tokens      []apitoken.Token
	// TokenWorkspaces are the workspaces a token can be made for: those the person is a member of.
	TokenWorkspaces []model.Workspace
	Lifetimes       []int
	// NewSecret is the secret of the token just created, shown this once.
	NewSecret string
	NewToken  apitoken.Token
	BaseURL   string
	Now       time.Time // what the tokens' state is told against
}

// showAccount shows the signed-in person's account: their workspaces, how many sessions are open, and the
// button that closes them all; what ProConnect says their organisation is; their API tokens.
func (s *Server) showAccount(w http.ResponseWriter, r *http.Request) {
	s.renderAccount(w, r, http.StatusOK, newForm(nil), nil)
}

// renderAccount renders the account page with the token form f; created, when not nil, is a token just
// made, whose secret is on the page this once.
func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, f *form, created *createdToken) {
	u := currentUser(r)
	p := accountPage{Lifetimes: apitoken.Lifetimes, BaseURL: s.cfg.BaseURL, Now: time.Now()}
	var err error
	if p.Sessions, err = s.store.CountSessions(r.Context(), u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Workspaces, err = s.store.Workspaces(r.Context(), u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.DigestOn, err = s.store.WeeklyDigestOn(r.Context(), u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, ws := range p.Workspaces {
		p.Accompanies = p.Accompanies || ws.Role == access.Accompagnateur
	}
	if p.Proposals, err = s.orgProposals(r.Context(), u.ID, p.Workspaces); err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Tokens, err = s.store.APITokens(r.Context(), u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, ws := range p.Workspaces {
		if ws.Role.Valid() { // a member, not an accompagnateur's grant
			p.TokenWorkspaces = append(p.TokenWorkspaces, ws)
		}
	}
	if created != nil {
		p.NewSecret, p.NewToken = created.secret, created.token
	}
	if f.Get("duree") == "" {
		f.Values.Set("duree", "90")
	}
	v := view{Title: "Mon compte", Form: f, User: u}
	s.renderComponent(w, r, status, v, accountContent(v, p))
}

// setWeeklyDigest records the person's choice about the weekly digest.
func (s *Server) setWeeklyDigest(w http.ResponseWriter, r *http.Request) {
	f := parseForm(w, r)
	if err := s.store.SetWeeklyDigest(r.Context(), currentUser(r).ID, f.Get("recevoir") == "oui"); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/compte#recapitulatif")
}
