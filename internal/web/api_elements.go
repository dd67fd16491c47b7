package web

import (
	"net/http"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/logframe"
)

// Objectives, results and risks read and written one by one, as their pages write them: the stored
// record is put in its form, the body's fields over it, and the page's reading (readElement, readRisk)
// runs the page's checks.

func (s *Server) apiElementRoutes() []apiRoute {
	return []apiRoute{
		{Method: "GET", Path: "/objectives/{objective}", Action: access.ViewWorkspace, ID: "getObjective", Summary: "Un objectif spécifique, avec sa version en ETag",
			Handler: s.apiGetObjective, Response: apiObjective{}, Versioned: true},
		{Method: "PATCH", Path: "/objectives/{objective}", Action: access.EditContent, ID: "updateObjective", Summary: "Modifier un objectif spécifique (If-Match obligatoire)",
			Handler: s.apiPatchObjective, Body: apiObjectivePatch{}, Response: apiObjective{}, Versioned: true},
		{Method: "GET", Path: "/results/{result}", Action: access.ViewWorkspace, ID: "getResult", Summary: "Un résultat attendu, avec sa version en ETag",
			Handler: s.apiGetResult, Response: apiResult{}, Versioned: true},
		{Method: "PATCH", Path: "/results/{result}", Action: access.EditContent, ID: "updateResult", Summary: "Modifier un résultat attendu (If-Match obligatoire)",
			Handler: s.apiPatchResult, Body: apiResultPatch{}, Response: apiResult{}, Versioned: true},
		{Method: "GET", Path: "/risks/{risk}", Action: access.ViewWorkspace, ID: "getRisk", Summary: "Un risque du registre, avec sa version en ETag",
			Handler: s.apiGetRisk, Response: apiRisk{}, Versioned: true},
		{Method: "PATCH", Path: "/risks/{risk}", Action: access.EditContent, ID: "updateRisk", Summary: "Modifier un risque : probabilité, impact, atténuation, statut… (If-Match obligatoire)",
			Handler: s.apiPatchRisk, Body: apiRiskPatch{}, Response: apiRisk{}, Versioned: true},
	}
}

// apiObjectivePatch are the fields of an objective the API changes; those absent stay as they are, and
// null clears the target date.
type apiObjectivePatch struct {
	Title       *string     `json:"title"`
	Description *string     `json:"description"`
	Specific    *string     `json:"specific"`
	Measure     *string     `json:"measure"`
	Achievable  *string     `json:"achievable"`
	TargetDate  optionalStr `json:"target_date" doc:"« 2027 », « 2027-03 » ou « 2027-03-15 » ; null : à la fin de la mandature"`
	Resources   *string     `json:"resources"`
}

// apiResultPatch are the fields of a result the API changes.
type apiResultPatch struct {
	Title       *string `json:"title"`
	Description *string `json:"description"`
}

var objectivePaths = map[string]string{"titre": "title", "description": "description", "specifique": "specific", "mesure": "measure",
	"atteignable": "achievable", "echeance": "target_date", "ressources": "resources"}

func (s *Server) apiObjective(r *http.Request, c *apiCall) (logframe.ObjectiveRecord, error) {
	id, err := pathRecordID(r, "objective")
	if err != nil {
		return logframe.ObjectiveRecord{}, err
	}
	return s.store.Objective(r.Context(), c.Authority.ID, id)
}

func (s *Server) apiGetObjective(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	o, err := s.apiObjective(r, c)
	if err != nil {
		return err
	}
	return writeVersioned(w, r, http.StatusOK, o.Version, "", toAPIObjective(o))
}

func (s *Server) apiPatchObjective(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	stored, err := s.apiObjective(r, c)
	if err != nil {
		return err
	}
	version, err := ifMatchVersion(r, stored.Version)
	if err != nil {
		return err
	}
	var p apiObjectivePatch
	if err := decodeBody(r, &p); err != nil {
		return err
	}
	f, err := s.store.LoadFramework(r.Context(), c.Authority.ID, stored.StrategyID)
	if err != nil {
		return err
	}
	e := element{Kind: logframe.KindSpecificObjective, ID: stored.ID, Title: stored.Title, Version: stored.Version, Objective: stored}
	fm := elementForm(e)
	setIf(fm, "titre", p.Title)
	setIf(fm, "description", p.Description)
	setIf(fm, "specifique", p.Specific)
	setIf(fm, "mesure", p.Measure)
	setIf(fm, "atteignable", p.Achievable)
	setIf(fm, "ressources", p.Resources)
	p.TargetDate.setIn(fm, "echeance")
	readElement(fm, &e, f.Logframe.Term)
	if err := formRefusals(fm, objectivePaths); err != nil {
		return err
	}
	e.Objective.Version = version
	if err := s.store.UpdateObjective(r.Context(), c.actor(), &e.Objective); err != nil {
		return err
	}
	return s.apiGetObjective(w, r, c)
}

func (s *Server) apiResult(r *http.Request, c *apiCall) (logframe.ResultRecord, error) {
	id, err := pathRecordID(r, "result")
	if err != nil {
		return logframe.ResultRecord{}, err
	}
	return s.store.Result(r.Context(), c.Authority.ID, id)
}

func (s *Server) apiGetResult(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	res, err := s.apiResult(r, c)
	if err != nil {
		return err
	}
	return writeVersioned(w, r, http.StatusOK, res.Version, "", toAPIResult(res))
}

func (s *Server) apiPatchResult(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	stored, err := s.apiResult(r, c)
	if err != nil {
		return err
	}
	version, err := ifMatchVersion(r, stored.Version)
	if err != nil {
		return err
	}
	var p apiResultPatch
	if err := decodeBody(r, &p); err != nil {
		return err
	}
	f, err := s.store.LoadFramework(r.Context(), c.Authority.ID, stored.StrategyID)
	if err != nil {
		return err
	}
	e := element{Kind: logframe.KindResult, ID: stored.ID, Title: stored.Title, ParentID: stored.ObjectiveID, Version: stored.Version, Result: stored}
	fm := elementForm(e)
	setIf(fm, "titre", p.Title)
	setIf(fm, "description", p.Description)
	readElement(fm, &e, f.Logframe.Term)
	if err := formRefusals(fm, objectivePaths); err != nil {
		return err
	}
	e.Result.Version = version
	if err := s.store.UpdateResult(r.Context(), c.actor(), &e.Result); err != nil {
		return err
	}
	return s.apiGetResult(w, r, c)
}

// apiRiskPatch are the fields of a risk the API changes; the element it threatens is changed on the page.
type apiRiskPatch struct {
	Description *string `json:"description"`
	Category    *string `json:"category" doc:"interne ou externe"`
	Likelihood  *int    `json:"likelihood" doc:"de 1 à 4"`
	Impact      *int    `json:"impact" doc:"de 1 à 4"`
	Mitigation  *string `json:"mitigation"`
	Owner       *string `json:"owner"`
	Status      *string `json:"status"`
}

var riskPaths = map[string]string{"description": "description", "categorie": "category", "probabilite": "likelihood", "impact": "impact",
	"attenuation": "mitigation", "responsable": "owner", "statut": "status", "lien": "linked"}

// applyRiskPatch puts the body's fields over the risk's form.
func applyRiskPatch(fm *form, p apiRiskPatch) {
	setIf(fm, "description", p.Description)
	setIf(fm, "categorie", p.Category)
	setIf(fm, "attenuation", p.Mitigation)
	setIf(fm, "responsable", p.Owner)
	setIf(fm, "statut", p.Status)
	if p.Likelihood != nil {
		fm.Values.Set("probabilite", strconv.Itoa(*p.Likelihood))
	}
	if p.Impact != nil {
		fm.Values.Set("impact", strconv.Itoa(*p.Impact))
	}
}

func (s *Server) apiRisk(r *http.Request, c *apiCall) (logframe.RiskRecord, error) {
	id, err := pathRecordID(r, "risk")
	if err != nil {
		return logframe.RiskRecord{}, err
	}
	return s.store.Risk(r.Context(), c.Authority.ID, id)
}

func (s *Server) apiGetRisk(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	k, err := s.apiRisk(r, c)
	if err != nil {
		return err
	}
	return writeVersioned(w, r, http.StatusOK, k.Version, "", toAPIRisk(k))
}

func (s *Server) apiPatchRisk(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	stored, err := s.apiRisk(r, c)
	if err != nil {
		return err
	}
	version, err := ifMatchVersion(r, stored.Version)
	if err != nil {
		return err
	}
	var p apiRiskPatch
	if err := decodeBody(r, &p); err != nil {
		return err
	}
	fm := riskForm(stored)
	applyRiskPatch(fm, p)
	k := stored
	readRisk(fm, &k)
	if err := formRefusals(fm, riskPaths); err != nil {
		return err
	}
	k.Version = version
	if err := s.store.SaveRisk(r.Context(), c.actor(), &k); err != nil {
		return err
	}
	return s.apiGetRisk(w, r, c)
}
