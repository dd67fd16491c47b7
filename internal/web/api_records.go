package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/access"
	"boussole/internal/logframe"
	"boussole/internal/store"
)

// Records read and written one by one. A write goes through the very form reading of the page
// (readIndicator, readElement): the stored record is put in its form, the body's fields over it, and the
// same checks run, so the API accepts exactly what the page accepts. Writes need If-Match with the ETag
// of the record's last read: a stale one is a 412, as the page's edit conflict.

func (s *Server) apiRecordRoutes() []apiRoute {
	return []apiRoute{
		{Method: "GET", Path: "/indicators/{indicator}", Action: access.ViewWorkspace, ID: "getIndicator", Summary: "Un indicateur, avec sa version en ETag",
			Handler: s.apiGetIndicator, Response: apiIndicator{}, Versioned: true},
		{Method: "PATCH", Path: "/indicators/{indicator}", Action: access.EditContent, ID: "updateIndicator", Summary: "Modifier les champs principaux d'un indicateur (If-Match obligatoire)",
			Handler: s.apiPatchIndicator, Body: apiIndicatorPatch{}, Response: apiIndicator{}, Versioned: true},
		{Method: "GET", Path: "/activities/{activity}", Action: access.ViewWorkspace, ID: "getActivity", Summary: "Une activité, avec sa version en ETag",
			Handler: s.apiGetActivity, Response: apiActivity{}, Versioned: true},
		{Method: "PATCH", Path: "/activities/{activity}", Action: access.EditContent, ID: "updateActivity", Summary: "Modifier les champs principaux d'une activité (If-Match obligatoire)",
			Handler: s.apiPatchActivity, Body: apiActivityPatch{}, Response: apiActivity{}, Versioned: true},
	}
}

// pathRecordID reads a record's identifier in the path; anything else than a positive number is a 404.
func pathRecordID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFoundAPI
	}
	return id, nil
}

// versionETag is the ETag of a record at a version.
func versionETag(v int64) string { return `"` + strconv.FormatInt(v, 10) + `"` }

// ifMatchVersion reads the version a write is based on: 428 without If-Match, 412 when it is not the
// stored one.
func ifMatchVersion(r *http.Request, stored int64) (int64, error) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" {
		return 0, errPreconditionRequired
	}
	v, err := strconv.ParseInt(strings.Trim(strings.TrimPrefix(h, "W/"), `"`), 10, 64)
	if err != nil || v != stored {
		return 0, store.ErrConflict
	}
	return v, nil
}

var errPreconditionRequired = errors.New("api: If-Match required")

// formRefusals turns the form's field errors into the API's, named by JSON path.
func formRefusals(fm *form, paths map[string]string) error {
	if fm.OK() {
		return nil
	}
	var out []problemField
	for _, e := range fm.Summary() {
		out = append(out, problemField{Field: jsonPath(e.Field, paths), Detail: e.Message})
	}
	if fm.Top != "" {
		out = append(out, problemField{Detail: fm.Top})
	}
	return &errInvalid{fields: out}
}

// jsonPath names a form field by the JSON path of the API: « cible_2_date » is « targets.1.date ».
func jsonPath(field string, paths map[string]string) string {
	if p, ok := paths[field]; ok {
		return p
	}
	if rest, ok := strings.CutPrefix(field, "cible_"); ok {
		num, suffix, _ := strings.Cut(rest, "_")
		if k, err := strconv.Atoi(num); err == nil {
			return "targets." + strconv.Itoa(k-1) + "." + map[string]string{"date": "date", "valeur": "value", "texte": "text", "commentaire": "comment"}[suffix]
		}
	}
	if rest, ok := strings.CutPrefix(field, "reference_"); ok {
		return "baseline." + map[string]string{"valeur": "value", "texte": "text", "date": "date", "commentaire": "comment"}[rest]
	}
	return field
}

// apiIndicatorPatch are the fields of an indicator the API changes; those absent stay as they are.
type apiIndicatorPatch struct {
	Title       *string   `json:"title"`
	Definition  *string   `json:"definition"`
	Unit        *string   `json:"unit"`
	Ascending   *bool     `json:"ascending"`
	Periodicity *string   `json:"periodicity" doc:"mensuelle, trimestrielle, semestrielle, annuelle, à mi-parcours et en fin de mandature, en fin de mandature"`
	Owner       *string   `json:"owner"`
	Public      *bool     `json:"public"`
	Sources     *[]string `json:"sources"`
}

// indicatorPaths names the indicator form's fields in JSON.
var indicatorPaths = map[string]string{"titre": "title", "definition": "definition", "unite": "unit", "sens": "ascending",
	"periodicite": "periodicity", "responsable": "owner", "public": "public", "sources": "sources", "niveau": "level", "mesure": "measure"}

func (s *Server) apiIndicator(r *http.Request, c *apiCall) (logframe.IndicatorRecord, error) {
	id, err := pathRecordID(r, "indicator")
	if err != nil {
		return logframe.IndicatorRecord{}, err
	}
	return s.store.Indicator(r.Context(), c.Authority.ID, id)
}

func (s *Server) apiGetIndicator(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	in, err := s.apiIndicator(r, c)
	if err != nil {
		return err
	}
	return writeVersioned(w, r, http.StatusOK, in.Version, "", toAPIIndicator(in))
}

func (s *Server) apiPatchIndicator(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	stored, err := s.apiIndicator(r, c)
	if err != nil {
		return err
	}
	version, err := ifMatchVersion(r, stored.Version)
	if err != nil {
		return err
	}
	var p apiIndicatorPatch
	if err := decodeBody(r, &p); err != nil {
		return err
	}
	f, err := s.store.LoadFramework(r.Context(), c.Authority.ID, stored.StrategyID)
	if err != nil {
		return err
	}
	fm := indicatorForm(stored)
	setIf(fm, "titre", p.Title)
	setIf(fm, "definition", p.Definition)
	setIf(fm, "unite", p.Unit)
	setIf(fm, "periodicite", p.Periodicity)
	setIf(fm, "responsable", p.Owner)
	if p.Ascending != nil {
		fm.Values.Set("sens", map[bool]string{true: "hausse", false: "baisse"}[*p.Ascending])
	}
	if p.Public != nil {
		fm.Values.Set("public", map[bool]string{true: "oui", false: ""}[*p.Public])
	}
	if p.Sources != nil {
		fm.Values.Set("sources", strings.Join(*p.Sources, "\n"))
	}
	in := stored
	in.Version = version
	readIndicator(fm, &in, f)
	if err := formRefusals(fm, indicatorPaths); err != nil {
		return err
	}
	if err := s.store.SaveIndicator(r.Context(), c.actor(), &in); err != nil {
		return err
	}
	return s.apiGetIndicator(w, r, c)
}

// apiActivityPatch are the fields of an activity the API changes; those absent stay as they are, and
// null clears cost, start and end.
type apiActivityPatch struct {
	Title       *string     `json:"title"`
	Description *string     `json:"description"`
	Owner       *string     `json:"owner"`
	Resources   *string     `json:"resources"`
	Cost        optionalStr `json:"cost" doc:"en euros, nombre décimal (« 12500.50 », en texte ou en nombre) ; null efface"`
	Start       optionalStr `json:"start" doc:"« 2027 », « 2027-03 » ou « 2027-03-15 » ; null efface"`
	End         optionalStr `json:"end" doc:"« 2027 », « 2027-03 » ou « 2027-03-15 » ; null efface"`
}

var activityPaths = map[string]string{"titre": "title", "description": "description", "responsable": "owner", "ressources": "resources",
	"cout": "cost", "debut": "start", "fin": "end"}

func (s *Server) apiActivity(r *http.Request, c *apiCall) (logframe.ActivityRecord, error) {
	id, err := pathRecordID(r, "activity")
	if err != nil {
		return logframe.ActivityRecord{}, err
	}
	return s.store.Activity(r.Context(), c.Authority.ID, id)
}

func (s *Server) apiGetActivity(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	a, err := s.apiActivity(r, c)
	if err != nil {
		return err
	}
	return writeVersioned(w, r, http.StatusOK, a.Version, "", toAPIActivity(a))
}

func (s *Server) apiPatchActivity(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	stored, err := s.apiActivity(r, c)
	if err != nil {
		return err
	}
	version, err := ifMatchVersion(r, stored.Version)
	if err != nil {
		return err
	}
	var p apiActivityPatch
	if err := decodeBody(r, &p); err != nil {
		return err
	}
	f, err := s.store.LoadFramework(r.Context(), c.Authority.ID, stored.StrategyID)
	if err != nil {
		return err
	}
	e := element{Kind: logframe.KindActivity, ID: stored.ID, Title: stored.Title, ParentID: stored.ResultID, Version: stored.Version, Activity: stored}
	fm := elementForm(e)
	setIf(fm, "titre", p.Title)
	setIf(fm, "description", p.Description)
	setIf(fm, "responsable", p.Owner)
	setIf(fm, "ressources", p.Resources)
	p.Cost.setIn(fm, "cout")
	p.Start.setIn(fm, "debut")
	p.End.setIn(fm, "fin")
	readElement(fm, &e, f.Logframe.Term)
	if err := formRefusals(fm, activityPaths); err != nil {
		return err
	}
	e.Activity.Version = version
	if err := s.store.UpdateActivity(r.Context(), c.actor(), &e.Activity); err != nil {
		return err
	}
	return s.apiGetActivity(w, r, c)
}

func setIf(fm *form, name string, v *string) {
	if v != nil {
		fm.Values.Set(name, *v)
	}
}
