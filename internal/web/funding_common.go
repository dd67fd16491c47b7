package web

import (
	"context"
	"net/http"
	"strconv"

	"boussole/internal/access"
	"boussole/internal/funding"
	"boussole/internal/model"
)

// fundingNotices are the confirmations of the funding pages (?ok=…).
var fundingNotices = map[string]string{
	"enregistre": "Les modifications ont été enregistrées.",
	"ajoute":     "La ligne a été ajoutée au plan de financement.",
	"supprime":   "L'élément a été supprimé.",
	"appel":      "L'appel a été ajouté au calendrier.",
	"depense":    "La dépense a été enregistrée.",
}

// fundingPage is the view of a funding page in the « Financements » section, with its confirmation.
func fundingPage(r *http.Request, ws *workspace, title string, f *form) view {
	return view{Title: title, Section: "financements", WS: ws, Form: f, Notice: fundingNotices[r.URL.Query().Get("ok")]}
}

// fundingStrategy returns the strategy the funding pages work on; with none it shows the empty state.
func (s *Server) fundingStrategy(w http.ResponseWriter, r *http.Request, ws *workspace) (model.Strategy, bool) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.storeFailed(w, r, err)
		return st, false
	}
	if !ok {
		s.renderNoStrategy(w, r, ws, "financements")
	}
	return st, ok
}

// checkContext gathers what the check of a project needs beyond the project: the catalogue in force, the
// authority's yearly figures and what its other projects already take from the 1 % budgets.
func (s *Server) checkContext(ctx context.Context, ws *workspace, projectID int64) (funding.Context, error) {
	c, err := s.store.FundingCatalogue(ctx)
	if err != nil {
		return funding.Context{}, err
	}
	years, err := s.store.FundingYears(ctx, ws.Authority.ID)
	if err != nil {
		return funding.Context{}, err
	}
	var codes []string
	sectors := map[string]funding.Sector{}
	for _, p := range c.All() {
		if p.Sector != "" {
			codes = append(codes, p.Code)
			sectors[p.Code] = p.Sector
		}
	}
	uses, err := s.store.ProgrammeUses(ctx, ws.Authority.ID, projectID, codes)
	if err != nil {
		return funding.Context{}, err
	}
	other := map[funding.SectorYear]int64{}
	for _, u := range uses {
		other[funding.SectorYear{Sector: sectors[u.Programme], Year: u.Year}] += u.Cents
	}
	return funding.Context{Catalogue: c, AuthorityKind: ws.Authority.Kind, Years: years, OtherUse: other}, nil
}

// fundingMay reports what the viewer may do on the funding pages, for the templates.
type fundingMay struct{ Edit, Internal bool }

func mayFund(ws *workspace) fundingMay {
	return fundingMay{Edit: access.Can(ws.Role, access.EditContent), Internal: access.Can(ws.Role, access.ViewInternal)}
}

// projectURL is the address of a project's page.
func projectURL(ws *workspace, id int64) string {
	return ws.Prefix() + "/financements/projets/" + strconv.FormatInt(id, 10)
}

// themeOptions lists the vocabulary for checkboxes.
func themeOptions() []diagOption {
	var out []diagOption
	for _, t := range funding.Themes() {
		out = append(out, diagOption{Value: string(t), Label: t.Label()})
	}
	return out
}

// programmeOptions lists the catalogue's programmes for the line form: the active ones, and a retired one
// only when the line already uses it (kept, flagged by the check).
func programmeOptions(c *funding.Catalogue, current string) []diagOption {
	out := []diagOption{{Value: "", Label: "— Choisir un programme —"}}
	for _, p := range c.All() {
		if p.Retired && p.Code != current {
			continue
		}
		label := p.Name
		if p.Retired {
			label += " (retiré du catalogue)"
		}
		out = append(out, diagOption{Value: p.Code, Label: label})
	}
	return out
}

// programmeName returns the name of a programme, or its code when it is no longer in the catalogue.
func programmeName(c *funding.Catalogue, code string) string {
	if p, ok := c.Programme(code); ok {
		return p.Name
	}
	return code
}
