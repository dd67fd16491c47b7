package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/model"
	"boussole/internal/sharing"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// sharingPage is the page where an administrator chooses what the authority shares of one strategy, and
// sees exactly what peers will read.
type sharingPage struct {
	Strategies []sharedStrategy
	Chosen     model.Strategy
	Current    *sharing.Share // the chosen strategy's share, nil when it shares nothing
	Preview    sharing.View   // what the form's choice would share, from the strategy as it stands
	Scopes     []scopeChoice
	Licences   []licenceChoice
}

// sharedStrategy is a row of the authority's strategies with what each shares.
type sharedStrategy struct {
	Strategy model.Strategy
	Share    *sharing.Share
	Chosen   bool
}

type scopeChoice struct {
	Value   string
	Label   string
	Checked bool
}

type licenceChoice struct {
	Value   sharing.Licence
	Label   string
	Checked bool
}

// sharedParts are the parts of a strategy Filter reads.
const sharedParts = strategy.PartFramework | strategy.PartDiagnostic | strategy.PartFunding | strategy.PartMonitoring

func (s *Server) showSharing(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderSharing(w, r, ws, http.StatusOK, newForm(nil))
}

func (s *Server) renderSharing(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	ctx := r.Context()
	list, err := s.store.Strategies(ctx, ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(list) == 0 {
		v := view{Title: "Partager avec les autres collectivités", WS: ws, Section: "bibliotheque", Form: f}
		s.renderComponent(w, r, status, v, sharingConsentContent(v, sharingPage{}))
		return
	}
	chosen := chosenStrategy(list, firstNonEmpty(f.Get("strategy"), r.URL.Query().Get("strategie")))
	shares, err := s.store.SharesOf(ctx, ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := sharingPage{Chosen: chosen}
	for _, st := range list {
		row := sharedStrategy{Strategy: st, Chosen: st.ID == chosen.ID}
		if sh, ok := shares[st.ID]; ok {
			row.Share = &sh
			if row.Chosen {
				p.Current = &sh
			}
		}
		p.Strategies = append(p.Strategies, row)
	}
	scope, licence := sharing.Structure|sharing.Partnerships, sharing.LicenceOuverte
	if p.Current != nil {
		scope, licence = p.Current.View.Scope, p.Current.View.Licence
	}
	if r.Method == http.MethodPost { // a refused form shows what was ticked
		scope, licence = formScope(f), sharing.Licence(f.Get("licence"))
	}
	for _, sc := range sharing.AllScopes {
		p.Scopes = append(p.Scopes, scopeChoice{Value: strconv.FormatUint(uint64(sc), 10), Label: sc.Label(), Checked: scope.Has(sc)})
	}
	for _, l := range sharing.Licences {
		p.Licences = append(p.Licences, licenceChoice{Value: l, Label: l.Label(), Checked: l == licence})
	}
	whole, err := s.store.ReadStrategy(ctx, ws.Authority.ID, chosen.ID, sharedParts)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Preview = sharing.Filter(whole, scope, licence)
	v := view{Title: "Partager avec les autres collectivités", WS: ws, Section: "bibliotheque", Form: f}
	s.renderComponent(w, r, status, v, sharingConsentContent(v, p))
}

// chosenStrategy is the strategy named by id, or the one in force, or the latest.
func chosenStrategy(list []model.Strategy, id string) model.Strategy {
	for _, st := range list {
		if strconv.FormatInt(st.ID, 10) == id {
			return st
		}
	}
	for _, st := range list {
		if st.Status == model.StrategyCurrent {
			return st
		}
	}
	return list[0]
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// formScope reads the ticked scopes; unknown values are ignored, so a forged form shares no more.
func formScope(f *form) sharing.Scope {
	var scope sharing.Scope
	for _, v := range f.Values["scope"] {
		n, err := strconv.ParseUint(v, 10, 8)
		if sc := sharing.Scope(n); err == nil && sc.Valid() {
			scope |= sc
		}
	}
	return scope
}

func (s *Server) saveSharing(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	list, err := s.store.Strategies(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var st model.Strategy
	for _, x := range list {
		if strconv.FormatInt(x.ID, 10) == f.Get("strategy") {
			st = x
		}
	}
	if st.ID == 0 { // the form names its strategy in a hidden field: another value is not the authority's
		s.notFound(w, r)
		return
	}
	scope, licence := formScope(f), sharing.Licence(f.Get("licence"))
	if scope == 0 {
		f.Fail("scope", "Cochez au moins ce que vous partagez ; pour ne plus rien partager, retirez le partage.")
	}
	if !licence.Valid() {
		f.Fail("licence", "Choisissez la licence sous laquelle les autres collectivités pourront reprendre ce que vous partagez.")
	}
	if !f.OK() {
		s.renderSharing(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	whole, err := s.store.ReadStrategy(r.Context(), ws.Authority.ID, st.ID, sharedParts)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.store.SaveShare(r.Context(), actor(r), ws.Authority.ID, st.ID, sharing.Filter(whole, scope, licence)); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/partage?strategie="+strconv.FormatInt(st.ID, 10)+"&ok=partage")
}

// withdrawPage confirms the end of a share.
type withdrawPage struct {
	Strategy model.Strategy
	Share    sharing.Share
}

func (s *Server) confirmWithdrawShare(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, sh, ok := s.shareFromQuery(w, r, ws, r.URL.Query().Get("strategie"))
	if !ok {
		return
	}
	v := view{Title: "Retirer le partage", WS: ws, Section: "bibliotheque"}
	s.renderComponent(w, r, http.StatusOK, v, sharingWithdrawContent(v, withdrawPage{st, sh}))
}

func (s *Server) withdrawShare(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	st, _, ok := s.shareFromQuery(w, r, ws, f.Get("strategy"))
	if !ok {
		return
	}
	if err := s.store.WithdrawShare(r.Context(), actor(r), ws.Authority.ID, st.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/partage?strategie="+strconv.FormatInt(st.ID, 10)+"&ok=partage-retire")
}

// shareFromQuery finds the authority's strategy named by id and its share; 404 when either is missing.
func (s *Server) shareFromQuery(w http.ResponseWriter, r *http.Request, ws *workspace, id string) (model.Strategy, sharing.Share, bool) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		s.notFound(w, r)
		return model.Strategy{}, sharing.Share{}, false
	}
	st, err := s.store.Strategy(r.Context(), ws.Authority.ID, n)
	if err == nil {
		var sh sharing.Share
		if sh, err = s.store.ShareOf(r.Context(), ws.Authority.ID, n); err == nil {
			return st, sh, true
		}
	}
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
	} else {
		s.serverError(w, r, err)
	}
	return model.Strategy{}, sharing.Share{}, false
}
