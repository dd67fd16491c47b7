package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/monitoring"
	"boussole/internal/store"
)

// reviewMeasurement takes one review step on a measurement: its owner submits it; those who validate
// validate, send back, lock or reopen it.
func (s *Server) reviewMeasurement(w http.ResponseWriter, r *http.Request, ws *workspace) {
	id, ok := pathID(r, "measurement")
	if !ok {
		s.notFound(w, r)
		return
	}
	f := parseForm(w, r)
	step := monitoring.Step(f.Get("etape"))
	validate := access.Can(ws.Role, access.ValidateMeasurement)
	if step != monitoring.StepSubmit && !validate {
		s.errorPage(w, r, http.StatusForbidden, "Seuls les agents et les administrateurs valident, verrouillent ou rouvrent une mesure.")
		return
	}
	ms, err := s.store.MeasurementByID(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	if !validate {
		in, err := s.store.Indicator(r.Context(), ws.Authority.ID, ms.IndicatorID)
		if err != nil {
			s.storeFailed(w, r, err)
			return
		}
		owners, err := s.store.IndicatorOwners(r.Context(), ws.Authority.ID, in.StrategyID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if !(&board{Owners: owners}).ownedBy(in, currentUser(r)) {
			s.errorPage(w, r, http.StatusForbidden, "Vous ne tenez pas cet indicateur à jour : seule la personne qui en est responsable soumet ses mesures.")
			return
		}
	}
	back := ws.Prefix() + "/suivi-evaluation/indicateurs/" + strconv.FormatInt(ms.IndicatorID, 10)
	_, err = s.store.ReviewMeasurement(r.Context(), actor(r), ws.Authority.ID, id, formVersion(f), step)
	var fe monitoring.Errors
	switch {
	case err == nil:
		redirect(w, r, back+"?ok=revue#mesures")
	case errors.As(err, &fe):
		s.errorPage(w, r, http.StatusConflict, fe.Error()+" Revenez à la page de l'indicateur, où l'état de la mesure est à jour.")
	case errors.Is(err, store.ErrConflict):
		s.errorPage(w, r, http.StatusConflict, "La mesure a changé depuis l'ouverture de la page : rien n'a été modifié. Revenez à la page de l'indicateur, qui montre son état à jour.")
	default:
		s.storeFailed(w, r, err)
	}
}
