package web

import (
	"errors"
	"net/http"
	"sort"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/monitoring"
	"boussole/internal/store"
)

// ownerForm fills the form that names who keeps an indicator up to date and sets its weight.
func ownerForm(o monitoring.Owner) *form {
	f := newForm(nil)
	f.Values.Set("version", strconv.FormatInt(o.Version, 10))
	if o.UserID != 0 {
		f.Values.Set("responsable", strconv.FormatInt(o.UserID, 10))
	}
	if o.Weight > 0 {
		f.Values.Set("poids", strconv.Itoa(o.Weight))
	}
	return f
}

func sortOptions(list []memberOption) {
	sort.Slice(list, func(i, j int) bool { return list[i].Label < list[j].Label })
}

// saveIndicatorOwner names the member who keeps an indicator up to date, and its weight in the roll-up.
func (s *Server) saveIndicatorOwner(w http.ResponseWriter, r *http.Request, ws *workspace) {
	b, a, in, ok := s.loadIndicatorBoard(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	o := monitoring.Owner{AuthorityID: ws.Authority.ID, IndicatorID: in.ID, Version: formVersion(f)}
	if v := f.Get("responsable"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		m, member := b.Members[id]
		if err != nil || !member || !access.Can(m.Role, access.RecordMeasurement) {
			f.Fail("responsable", "Choisissez dans la liste un membre de l'espace qui peut saisir des mesures (administrateur, chargé·e de mission ou référent·e).")
		}
		o.UserID = id
	}
	if n, ok := formWhole(f, "poids", 1, monitoring.MaxWeight, "Le poids est un nombre entier de 1 à 100 ; laissez vide pour compter l'indicateur une fois."); ok {
		o.Weight = n
	}
	if !f.OK() {
		s.renderMonitoredIndicator(w, r, ws, b, a, in, measurementForm(a, "", b.Today), f, http.StatusUnprocessableEntity)
		return
	}
	err := s.store.SaveIndicatorOwner(r.Context(), actor(r), &o)
	switch {
	case err == nil:
		redirect(w, r, ws.Prefix()+"/suivi-evaluation/indicateurs/"+strconv.FormatInt(in.ID, 10)+"?ok=enregistre#responsable")
	case errors.Is(err, store.ErrNotMember):
		f.Fail("responsable", "Cette personne n'est plus membre de l'espace : choisissez-en une autre.")
		s.renderMonitoredIndicator(w, r, ws, b, a, in, measurementForm(a, "", b.Today), f, http.StatusUnprocessableEntity)
	case errors.Is(err, store.ErrConflict):
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(b.Owners[in.ID].Version, 10))
		s.renderMonitoredIndicator(w, r, ws, b, a, in, measurementForm(a, "", b.Today), f, http.StatusConflict)
	default:
		s.storeFailed(w, r, err)
	}
}
