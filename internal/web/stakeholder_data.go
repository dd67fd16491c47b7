package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"boussole/internal/stakeholder"
	"boussole/internal/store"
)

func init() {
	for k, v := range map[string]string{
		"acteur-cree":       "L'acteur a été ajouté à la cartographie.",
		"acteur-fusionne":   "Les informations saisies ont été fusionnées dans la fiche existante.",
		"acteur-supprime":   "L'acteur a été supprimé, avec ses relations.",
		"relation-ajoutee":  "La relation a été ajoutée.",
		"relation-retiree":  "La relation a été retirée.",
		"import-enregistre": "L'import est enregistré.",
	} {
		notices[k] = v
	}
}

// stakeholderSection is the navigation entry of the stakeholder map.
const stakeholderSection = "acteurs"

// actorMap is the authority's whole map: stakeholders (domain values, same order as records) and relations.
type actorMap struct {
	Records   []stakeholder.Record
	List      []stakeholder.Stakeholder
	Relations []stakeholder.Relation
	names     map[int64]string
}

// loadActorMap reads the whole map; withRelations skips the relations when a page does not need them.
func (s *Server) loadActorMap(r *http.Request, ws *workspace, withRelations bool) (*actorMap, error) {
	recs, err := s.store.Stakeholders(r.Context(), ws.Authority.ID)
	if err != nil {
		return nil, err
	}
	m := &actorMap{Records: recs, List: make([]stakeholder.Stakeholder, len(recs)), names: make(map[int64]string, len(recs))}
	for i, rec := range recs {
		m.List[i] = rec.Stakeholder
		m.names[rec.ID] = rec.Name
	}
	if withRelations {
		if m.Relations, err = s.store.Relations(r.Context(), ws.Authority.ID); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Name returns a stakeholder's name by ID.
func (m *actorMap) Name(id int64) string { return m.names[id] }

// stakeholderFilter reads the filters of the list and map pages from the query string: kind, theme, step.
type stakeholderFilter struct {
	Kind  string
	Theme string
	Step  string
	Query string
}

func readStakeholderFilter(q url.Values) stakeholderFilter {
	return stakeholderFilter{Kind: q.Get("type"), Theme: q.Get("theme"), Step: q.Get("etape"), Query: q.Get("q")}
}

// domain turns the query values into the domain's filter; unknown values filter nothing rather than all.
func (f stakeholderFilter) domain() stakeholder.Filter {
	var df stakeholder.Filter
	if k := stakeholder.Kind(f.Kind); k.Valid() {
		df.Kinds = []stakeholder.Kind{k}
	}
	df.Theme = f.Theme
	if st := stakeholder.Step(f.Step); st.Valid() {
		df.Step = st
	}
	return df
}

// Active reports whether any filter is set.
func (f stakeholderFilter) Active() bool {
	return f.Kind != "" || f.Theme != "" || f.Step != "" || f.Query != ""
}

// Encode gives the filter as a query string for links that keep it (pages, other views).
func (f stakeholderFilter) Encode() string {
	v := url.Values{}
	for k, val := range map[string]string{"type": f.Kind, "theme": f.Theme, "etape": f.Step, "q": f.Query} {
		if val != "" {
			v.Set(k, val)
		}
	}
	return v.Encode()
}

// apply returns the indexes of the map's stakeholders that pass the filter and the search.
func (f stakeholderFilter) apply(list []stakeholder.Stakeholder) []int {
	df := f.domain()
	out := make([]int, 0, len(list))
	for i, sh := range list {
		if df.Match(sh) && sh.MatchesQuery(f.Query) {
			out = append(out, i)
		}
	}
	return out
}

// filterChoices are the options of the filter form.
type filterChoices struct {
	Kinds  []stakeholder.Kind
	Themes []string
	Steps  []stakeholder.Step
}

func choicesFor(list []stakeholder.Stakeholder) filterChoices {
	return filterChoices{Kinds: stakeholder.Kinds(), Themes: stakeholder.Themes(list), Steps: stakeholder.Steps()}
}

// stakeholderFromPath reads the {stakeholder} wildcard and loads the record of this authority, answering
// 404 itself when it is not one.
func (s *Server) stakeholderFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (stakeholder.Record, bool) {
	id, ok := pathID(r, "stakeholder")
	if !ok {
		s.notFound(w, r)
		return stakeholder.Record{}, false
	}
	rec, err := s.store.Stakeholder(r.Context(), ws.Authority.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return rec, false
	}
	if err != nil {
		s.serverError(w, r, err)
		return rec, false
	}
	return rec, true
}

func stakeholderURL(ws *workspace, id int64) string {
	return ws.Prefix() + "/acteurs/" + strconv.FormatInt(id, 10)
}
