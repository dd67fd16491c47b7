package web

import (
	"context"
	"errors"
	"net/http"

	"boussole/internal/model"
	"boussole/internal/proconnect"
	"boussole/internal/store"
	"boussole/internal/territory"
)

// orgProposal is an authority of the official list that ProConnect says the person works for (the SIREN
// of their SIRET), with what they can do about it from their account page.
type orgProposal struct {
	Authority territory.Authority
	// Workspace is the authority's workspace when it has one; nil when nobody opened it yet.
	Workspace *model.Authority
}

// orgProposals returns the authorities matching the SIRETs ProConnect gave for the account, leaving out
// those whose workspace the person already belongs to.
func (s *Server) orgProposals(ctx context.Context, userID int64, workspaces []model.Workspace) ([]orgProposal, error) {
	sirets, err := s.store.IdentitySIRETs(ctx, userID)
	if err != nil {
		return nil, err
	}
	member := map[string]bool{}
	for _, w := range workspaces {
		member[w.Authority.OfficialID] = true
	}
	var out []orgProposal
	seen := map[string]bool{}
	for _, siret := range sirets {
		a, ok := territory.BySIREN(proconnect.Identity{SIRET: siret}.SIREN())
		if !ok || seen[a.ID] || member[a.ID] {
			continue
		}
		seen[a.ID] = true
		p := orgProposal{Authority: a}
		if existing, err := s.store.AuthorityByOfficialID(ctx, a.ID); err == nil {
			p.Workspace = &existing
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// requestAccessFromAccount sends a join request to the administrators of the workspace ProConnect
// proposed, as the public form does, with the account's name and email.
func (s *Server) requestAccessFromAccount(w http.ResponseWriter, r *http.Request) {
	f := parseForm(w, r)
	u := currentUser(r)
	list, err := s.store.Workspaces(r.Context(), u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	proposals, err := s.orgProposals(r.Context(), u.ID, list)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, p := range proposals {
		if p.Authority.ID != f.Get("collectivite") || p.Workspace == nil {
			continue
		}
		req := model.AccessRequest{AuthorityID: p.Workspace.ID, Email: u.Email, Name: u.Name,
			Message: "Demande faite depuis Boussole après une connexion ProConnect : l'organisation de la personne (SIRET) est " + p.Authority.Name + "."}
		if err := s.store.CreateAccessRequest(r.Context(), req); err != nil {
			s.serverError(w, r, err)
			return
		}
		redirect(w, r, "/compte?ok=acces-envoye")
		return
	}
	s.notFound(w, r)
}
