package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/access"
	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/strategy"
	"boussole/internal/textkey"
)

// stakeholderSearchFrom is the size of the stakeholder map from which the picker offers a search box.
const stakeholderSearchFrom = 20

// pickChoice is one checkbox of the links picker.
type pickChoice struct {
	ID      int64
	Label   string
	Note    string
	Checked bool
}

// pickGroup is a group of checkboxes under a heading: a SWOT quadrant or a kind of stakeholder.
type pickGroup struct {
	Label   string
	Choices []pickChoice
}

// linkPicker is what an objective's or a result's page shows of its links: the SWOT items it answers,
// grouped by quadrant, and the stakeholders it involves, grouped by kind, narrowed by a search when the map
// is long. Ticked stakeholders the search hides travel as hidden fields, so a search never unlinks them.
type linkPicker struct {
	SWOT         []pickGroup
	Stakeholders []pickGroup
	Hidden       []int64
	Search       string
	ShowSearch   bool
	Linked       []string // names of the linked stakeholders, for readers
	Answered     []string // texts of the SWOT items answered, for readers
}

func idSet(ids []int64) map[int64]bool {
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// elementLinks returns the current links of an objective or a result in a loaded framework.
func elementLinks(f strategy.Framework, ref logframe.Ref) (swot, actors []int64) {
	switch ref.Kind {
	case logframe.KindSpecificObjective:
		for _, o := range f.Objectives {
			if o.ID == ref.ID {
				return o.SWOTIDs, o.Stakeholders
			}
		}
	case logframe.KindResult:
		for _, r := range f.Results {
			if r.ID == ref.ID {
				return r.SWOTIDs, r.Stakeholders
			}
		}
	}
	return nil, nil
}

// newLinkPicker prepares the picker of an element; search narrows the stakeholders shown.
func newLinkPicker(f strategy.Framework, ref logframe.Ref, actors []stakeholder.Record, search string) linkPicker {
	swotIDs, actorIDs := elementLinks(f, ref)
	answered, involved := idSet(swotIDs), idSet(actorIDs)
	p := linkPicker{Search: strings.TrimSpace(search), ShowSearch: len(actors) > stakeholderSearchFrom}
	for _, q := range diagnostic.Quadrants() {
		g := pickGroup{Label: q.Label()}
		for _, it := range f.SWOT {
			if it.Item.Quadrant != q {
				continue
			}
			note := "poids " + strconv.Itoa(it.Item.Weight)
			if it.Item.Weight >= diagnostic.MaxWeight {
				note += ", majeur"
			}
			if it.Item.LeftAside {
				note += ", écarté volontairement"
			}
			g.Choices = append(g.Choices, pickChoice{ID: it.ID, Label: it.Item.Text, Note: note, Checked: answered[it.ID]})
			if answered[it.ID] {
				p.Answered = append(p.Answered, it.Item.Text)
			}
		}
		if len(g.Choices) > 0 {
			p.SWOT = append(p.SWOT, g)
		}
	}
	needle := textkey.Fold(p.Search)
	for _, k := range stakeholder.Kinds() {
		g := pickGroup{Label: k.Label()}
		for _, a := range actors {
			if a.Kind != k {
				continue
			}
			if involved[a.ID] {
				p.Linked = append(p.Linked, a.Name)
			}
			if needle != "" && !strings.Contains(textkey.Fold(a.Name), needle) {
				if involved[a.ID] {
					p.Hidden = append(p.Hidden, a.ID)
				}
				continue
			}
			g.Choices = append(g.Choices, pickChoice{ID: a.ID, Label: a.Name, Note: a.Territory, Checked: involved[a.ID]})
		}
		if len(g.Choices) > 0 {
			p.Stakeholders = append(p.Stakeholders, g)
		}
	}
	return p
}

// addLinkPicker puts an objective's or a result's picker in the view; other elements have none. The SWOT
// items and the stakeholders are internal: someone who may not read them (a partner) gets no picker at all.
func (s *Server) addLinkPicker(r *http.Request, ws *workspace, v frameworkView, ref logframe.Ref) error {
	if _, ok := elementLinkKinds[ref.Kind]; !ok || !access.Can(ws.Role, access.ViewInternal) {
		return nil
	}
	actors, err := s.store.Stakeholders(r.Context(), ws.Authority.ID)
	if err != nil {
		return err
	}
	v.Extra["Links"] = newLinkPicker(v.F, ref, actors, r.URL.Query().Get("acteurs"))
	return nil
}

// elementLinkKinds are the kinds whose page carries the links picker, with their URL wildcard.
var elementLinkKinds = map[logframe.Kind]string{logframe.KindSpecificObjective: "objective", logframe.KindResult: "result"}

// formIDs reads the positive integers of a repeated field.
func formIDs(f *form, name string) []int64 {
	var out []int64
	for _, v := range f.Values[name] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			out = append(out, id)
		}
	}
	return out
}

// saveElementLinks replaces the SWOT items an objective or a result answers and the stakeholders it involves.
func (s *Server) saveElementLinks(kind logframe.Kind) workspaceHandler {
	return func(w http.ResponseWriter, r *http.Request, ws *workspace) {
		id, ok := pathID(r, elementLinkKinds[kind])
		if !ok {
			s.notFound(w, r)
			return
		}
		fm := parseForm(w, r)
		ref := logframe.Ref{Kind: kind, ID: id}
		if err := s.store.SetElementLinks(r.Context(), actor(r), ws.Authority.ID, ref, formIDs(fm, "afom"), formIDs(fm, "acteur")); err != nil {
			s.storeFailed(w, r, err)
			return
		}
		redirect(w, r, refURL(ws, ref)+"?ok=enregistre#liens")
	}
}

func init() {
	partnershipReferrers = append(partnershipReferrers, func(ctx context.Context, st *store.Store, authorityID, partnershipID int64) ([]string, error) {
		refs, err := st.PartnershipPriorities(ctx, authorityID, partnershipID)
		var out []string
		for _, p := range refs {
			out = append(out, "Priorité géographique « "+p.Name+" » de la stratégie « "+p.StrategyTitle+" »")
		}
		return out, err
	})
}

// involvement is an objective or a result that involves a stakeholder, as the stakeholder's page lists it.
type involvement struct {
	Label    string // « Objectif 2 — … »
	URL      string
	Strategy string
}

// involvementOf lists the objectives and results, of every strategy, that involve a stakeholder.
func (s *Server) involvementOf(r *http.Request, ws *workspace, stakeholderID int64) ([]involvement, error) {
	list, err := s.store.StakeholderInvolvement(r.Context(), ws.Authority.ID, stakeholderID)
	var out []involvement
	for _, e := range list {
		out = append(out, involvement{Label: capitalise(e.Ref.Kind.Noun()) + " " + e.Number + " — " + e.Title, URL: refURL(ws, e.Ref), Strategy: e.StrategyTitle})
	}
	return out, err
}

// geoPartnerChoices lists the register's partnerships as checkboxes, ticking those in checked.
func geoPartnerChoices(list []diagnostic.PartnershipRecord, checked []string) []pickChoice {
	on := map[string]bool{}
	for _, c := range checked {
		on[c] = true
	}
	out := make([]pickChoice, 0, len(list))
	for _, p := range list {
		id := strconv.FormatInt(p.ID, 10)
		note := p.Partnership.Kind.Label() + ", " + p.Partnership.Status.Label()
		if names := countryNames(p.Partnership.Countries); names != "" {
			note = names + ", " + note
		}
		out = append(out, pickChoice{ID: p.ID, Label: p.Partnership.Partner, Note: note, Checked: on[id]})
	}
	return out
}
