package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/model"
	"boussole/internal/sharing"
	"boussole/internal/store"
)

// copyPage lets a person choose, element by element, what to take from a peer's share into a draft.
type copyPage struct {
	Share   sharing.Share
	Drafts  []model.Strategy
	Picked  map[string]bool
	BackURL string
}

func (s *Server) showCopyFromPeer(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderCopy(w, r, ws, http.StatusOK, newForm(nil))
}

func (s *Server) renderCopy(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	sh, ok := s.shareFromPath(w, r, ws)
	if !ok {
		return
	}
	drafts, err := s.drafts(r, ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := copyPage{Share: sh, Drafts: drafts, Picked: map[string]bool{}, BackURL: ws.Prefix() + "/bibliotheque/" + strconv.FormatInt(sh.ID, 10)}
	for _, ref := range f.Values["element"] {
		p.Picked[ref] = true
	}
	v := view{Title: "Reprendre des éléments de " + sh.View.Authority.Name, WS: ws, Section: "bibliotheque", Form: f}
	s.renderComponent(w, r, status, v, sharingCopyContent(v, p))
}

// drafts are the authority's strategies in preparation: the only ones a copy may go into.
func (s *Server) drafts(r *http.Request, ws *workspace) ([]model.Strategy, error) {
	list, err := s.store.Strategies(r.Context(), ws.Authority.ID)
	var out []model.Strategy
	for _, st := range list {
		if st.Status == model.StrategyDraft {
			out = append(out, st)
		}
	}
	return out, err
}

func (s *Server) copyFromPeer(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	sh, ok := s.shareFromPath(w, r, ws)
	if !ok {
		return
	}
	target, err := strconv.ParseInt(f.Get("strategy"), 10, 64)
	if err != nil {
		f.Fail("strategy", "Choisissez la stratégie en préparation où reprendre ces éléments.")
	}
	c, err := sharing.PlanCopy(sh.View, f.Values["element"])
	switch {
	case errors.Is(err, sharing.ErrNothingPicked):
		f.Fail("element", "Cochez au moins un élément à reprendre.")
	case errors.Is(err, sharing.ErrUnknownPick):
		f.Fail("element", "Un élément coché n'est plus dans ce partage : la collectivité l'a sans doute mis à jour. Vérifiez votre choix.")
	}
	if f.OK() {
		err = s.store.CopyFromShare(r.Context(), actor(r), ws.Authority.ID, target, c)
		switch {
		case err == nil:
			redirect(w, r, ws.Prefix()+"/cadre-logique?strategie="+strconv.FormatInt(target, 10)+"&ok=repris")
			return
		case errors.Is(err, store.ErrNotFound), errors.Is(err, sharing.ErrNotDraft):
			f.Fail("strategy", "Les éléments ne se reprennent que dans une stratégie en préparation de votre collectivité.")
		case errors.Is(err, sharing.ErrNoGeneralObjective):
			f.Fail("element", "Votre stratégie n'a pas encore d'objectif général : saisissez-le dans « Stratégie » avant de reprendre les indicateurs de l'objectif général.")
		default:
			s.serverError(w, r, err)
			return
		}
	}
	s.renderCopy(w, r, ws, http.StatusUnprocessableEntity, f)
}
