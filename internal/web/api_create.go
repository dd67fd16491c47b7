package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/logframe"
	"boussole/internal/store"
)

// Objectives, results and risks created and deleted through the API as their pages do: the same form
// reading (readElement, readRisk) over an empty record, the same store functions, the same permission.
// A creation answers 201 with the record, its Location and its ETag; a deletion asks If-Match at the
// record's version and takes with it what the page's confirmation lists (DeletionImpact).

func (s *Server) apiCreateRoutes() []apiRoute {
	return []apiRoute{
		{Method: "POST", Path: "/strategies/{strategy}/objectives", Action: access.EditContent, ID: "createObjective", Summary: "Créer un objectif spécifique",
			Handler: s.apiCreateObjective, Body: apiObjectivePatch{}, Response: apiObjective{}, Created: true},
		{Method: "DELETE", Path: "/objectives/{objective}", Action: access.EditContent, ID: "deleteObjective",
			Summary: "Supprimer un objectif spécifique, avec ses résultats, activités, indicateurs et hypothèses (If-Match obligatoire)",
			Handler: s.apiDeleteObjective, Versioned: true},
		{Method: "POST", Path: "/objectives/{objective}/results", Action: access.EditContent, ID: "createResult", Summary: "Créer un résultat attendu sous un objectif spécifique",
			Handler: s.apiCreateResult, Body: apiResultPatch{}, Response: apiResult{}, Created: true},
		{Method: "DELETE", Path: "/results/{result}", Action: access.EditContent, ID: "deleteResult",
			Summary: "Supprimer un résultat attendu, avec ses activités, indicateurs et hypothèses (If-Match obligatoire)",
			Handler: s.apiDeleteResult, Versioned: true},
		{Method: "POST", Path: "/strategies/{strategy}/risks", Action: access.EditContent, ID: "createRisk", Summary: "Ajouter un risque au registre",
			Handler: s.apiCreateRisk, Body: apiRiskPatch{}, Response: apiRisk{}, Created: true},
		{Method: "DELETE", Path: "/risks/{risk}", Action: access.EditContent, ID: "deleteRisk", Summary: "Supprimer un risque du registre (If-Match obligatoire)",
			Handler: s.apiDeleteRisk, Versioned: true},
		{Method: "DELETE", Path: "/indicators/{indicator}", Action: access.EditContent, ID: "deleteIndicator",
			Summary: "Supprimer un indicateur et ses mesures (If-Match obligatoire)",
			Handler: s.apiDeleteIndicator, Versioned: true},
	}
}

// writeVersioned answers a record with its version in ETag; a creation adds where it now lives.
func writeVersioned(w http.ResponseWriter, r *http.Request, status int, version int64, location string, v any) error {
	w.Header().Set("ETag", versionETag(version))
	if status == http.StatusCreated {
		w.Header().Set("Location", apiPrefix+location)
	}
	return writeJSON(w, r, status, v)
}

func (s *Server) apiCreateObjective(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	strategyID, err := pathRecordID(r, "strategy")
	if err != nil {
		return err
	}
	f, err := s.store.LoadFramework(r.Context(), c.Authority.ID, strategyID)
	if err != nil {
		return err
	}
	var p apiObjectivePatch
	if err := decodeBody(r, &p); err != nil {
		return err
	}
	fm := newForm(nil)
	setIf(fm, "titre", p.Title)
	setIf(fm, "description", p.Description)
	setIf(fm, "specifique", p.Specific)
	setIf(fm, "mesure", p.Measure)
	setIf(fm, "atteignable", p.Achievable)
	setIf(fm, "ressources", p.Resources)
	p.TargetDate.setIn(fm, "echeance")
	e := element{Kind: logframe.KindSpecificObjective, Objective: logframe.ObjectiveRecord{AuthorityID: c.Authority.ID, StrategyID: f.Strategy.ID}}
	readElement(fm, &e, f.Logframe.Term)
	if err := formRefusals(fm, objectivePaths); err != nil {
		return err
	}
	if err := s.store.CreateObjective(r.Context(), c.actor(), &e.Objective); err != nil {
		return err
	}
	o, err := s.store.Objective(r.Context(), c.Authority.ID, e.Objective.ID)
	if err != nil {
		return err
	}
	return writeVersioned(w, r, http.StatusCreated, o.Version, "/objectives/"+strconv.FormatInt(o.ID, 10), toAPIObjective(o))
}

func (s *Server) apiCreateResult(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	parent, err := s.apiObjective(r, c)
	if err != nil {
		return err
	}
	f, err := s.store.LoadFramework(r.Context(), c.Authority.ID, parent.StrategyID)
	if err != nil {
		return err
	}
	var p apiResultPatch
	if err := decodeBody(r, &p); err != nil {
		return err
	}
	fm := newForm(nil)
	setIf(fm, "titre", p.Title)
	setIf(fm, "description", p.Description)
	e := element{Kind: logframe.KindResult, Result: logframe.ResultRecord{AuthorityID: c.Authority.ID, StrategyID: f.Strategy.ID}}
	e.Result.ObjectiveID = parent.ID
	readElement(fm, &e, f.Logframe.Term)
	if err := formRefusals(fm, objectivePaths); err != nil {
		return err
	}
	if err := s.store.CreateResult(r.Context(), c.actor(), &e.Result); err != nil {
		return err
	}
	res, err := s.store.Result(r.Context(), c.Authority.ID, e.Result.ID)
	if err != nil {
		return err
	}
	return writeVersioned(w, r, http.StatusCreated, res.Version, "/results/"+strconv.FormatInt(res.ID, 10), toAPIResult(res))
}

func (s *Server) apiCreateRisk(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	strategyID, err := pathRecordID(r, "strategy")
	if err != nil {
		return err
	}
	f, err := s.store.LoadFramework(r.Context(), c.Authority.ID, strategyID)
	if err != nil {
		return err
	}
	var p apiRiskPatch
	if err := decodeBody(r, &p); err != nil {
		return err
	}
	k := logframe.RiskRecord{AuthorityID: c.Authority.ID, StrategyID: f.Strategy.ID}
	fm := riskForm(k)
	fm.Values.Del("probabilite")
	fm.Values.Del("impact")
	fm.Values.Del("categorie")
	applyRiskPatch(fm, p)
	readRisk(fm, &k)
	if err := formRefusals(fm, riskPaths); err != nil {
		return err
	}
	if err := s.store.SaveRisk(r.Context(), c.actor(), &k); err != nil {
		return err
	}
	saved, err := s.store.Risk(r.Context(), c.Authority.ID, k.ID)
	if err != nil {
		return err
	}
	return writeVersioned(w, r, http.StatusCreated, saved.Version, "/risks/"+strconv.FormatInt(saved.ID, 10), toAPIRisk(saved))
}

// apiDelete removes an element of the framework at the version If-Match names, as the page's
// confirmation does; 204 once done.
func (s *Server) apiDelete(w http.ResponseWriter, r *http.Request, c *apiCall, ref logframe.Ref, strategyID, version int64) error {
	if _, err := ifMatchVersion(r, version); err != nil {
		return err
	}
	if _, err := s.store.DeleteElement(r.Context(), c.actor(), c.Authority.ID, strategyID, ref); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errNotFoundAPI
		}
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiDeleteObjective(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	o, err := s.apiObjective(r, c)
	if err != nil {
		return err
	}
	return s.apiDelete(w, r, c, logframe.Ref{Kind: logframe.KindSpecificObjective, ID: o.ID}, o.StrategyID, o.Version)
}

func (s *Server) apiDeleteResult(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	res, err := s.apiResult(r, c)
	if err != nil {
		return err
	}
	return s.apiDelete(w, r, c, logframe.Ref{Kind: logframe.KindResult, ID: res.ID}, res.StrategyID, res.Version)
}

func (s *Server) apiDeleteRisk(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	k, err := s.apiRisk(r, c)
	if err != nil {
		return err
	}
	return s.apiDelete(w, r, c, logframe.Ref{Kind: logframe.KindRisk, ID: k.ID}, k.StrategyID, k.Version)
}

func (s *Server) apiDeleteIndicator(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	in, err := s.apiIndicator(r, c)
	if err != nil {
		return err
	}
	return s.apiDelete(w, r, c, logframe.Ref{Kind: logframe.KindIndicator, ID: in.ID}, in.StrategyID, in.Version)
}
