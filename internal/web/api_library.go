package web

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"time"

	"boussole/internal/access"
	"boussole/internal/sharing"
)

// The library through the API: the strategies other authorities share, found as on the library page
// (text, kind, size, région, country, theme, ODD), and one of them whole. What is served is the share
// itself, the view its authority chose and the sharing filter made: it holds no person's name, no
// amount and no note, by construction (sharing.Filter), and a withdrawn share is gone at once.

func (s *Server) apiLibraryRoutes() []apiRoute {
	return []apiRoute{
		{Method: "GET", Path: "/library", Action: access.ReadPeers, ID: "listSharedStrategies",
			Summary: "Les stratégies que d'autres collectivités partagent (?q=, ?type=, ?taille=, ?region=, ?pays=, ?theme=, ?odd= comme sur la page de la bibliothèque)",
			Handler: s.apiListShares, Response: apiShare{}, List: true},
		{Method: "GET", Path: "/library/{share}", Action: access.ReadPeers, ID: "getSharedStrategy",
			Summary: "Une stratégie partagée, avec ce que sa collectivité a choisi de partager",
			Handler: s.apiGetShare, Response: apiSharedStrategy{}},
	}
}

// apiShare is a shared strategy as the library lists it.
type apiShare struct {
	ID        int64     `json:"id"`
	Authority string    `json:"authority"`
	Kind      string    `json:"authority_kind"`
	Title     string    `json:"title"`
	TermStart int       `json:"term_start"`
	TermEnd   *int      `json:"term_end"`
	Adopted   bool      `json:"adopted"`
	Scope     string    `json:"scope" doc:"ce que la collectivité partage"`
	Licence   string    `json:"licence"`
	Themes    []string  `json:"themes"`
	Countries []string  `json:"countries" doc:"codes ISO 3166"`
	SDG       []string  `json:"sdg"`
	UpdatedAt time.Time `json:"updated_at"`
}

// apiSharedStrategy is one share whole: its summary and the shared content.
type apiSharedStrategy struct {
	Share   apiShare      `json:"share"`
	Content apiSharedView `json:"content"`
}

// apiSharedView is the shared content as the sharing filter made it, served as stored.
type apiSharedView struct{ sharing.View }

func (apiSharedView) jsonSchema() map[string]any {
	return map[string]any{"type": "object", "description": "le contenu partagé : éléments clés, objectifs et résultats, indicateurs, types d'activités, risques, partenariats, projets et évaluations, selon ce que la collectivité partage"}
}

func toAPIShare(sh sharing.Share) apiShare {
	v := sh.View
	out := apiShare{ID: sh.ID, Authority: v.Authority.Name, Kind: v.Authority.Kind, Title: v.Strategy.Title, TermStart: v.Strategy.TermStart,
		Adopted: v.Strategy.Adopted, Scope: v.Scope.Label(), Licence: v.Licence.Label(), Themes: nonNil(v.Themes),
		Countries: nonNil(v.Countries), SDG: nonNil(v.SDG), UpdatedAt: sh.UpdatedAt.UTC()}
	if v.Strategy.TermEnd != 0 {
		end := v.Strategy.TermEnd
		out.TermEnd = &end
	}
	return out
}

// apiListShares pages the search as the library page does: the cursor is the rank of the next share in
// the search's own order.
func (s *Server) apiListShares(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	limit, rank, err := pageQuery(r)
	if err != nil {
		return err
	}
	offset := int(min(rank, 1<<31))
	list, total, err := s.store.SearchShares(r.Context(), readLibraryQuery(r.URL.Query()), c.Authority.ID, offset, limit)
	if err != nil {
		return err
	}
	page := apiPage[apiShare]{Items: make([]apiShare, 0, len(list))}
	for _, sh := range list {
		page.Items = append(page.Items, toAPIShare(sh))
	}
	if next := offset + len(list); len(list) > 0 && next < total {
		cur := base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(next)))
		page.Next = &cur
	}
	return writeJSON(w, r, http.StatusOK, page)
}

func (s *Server) apiGetShare(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	id, err := pathRecordID(r, "share")
	if err != nil {
		return err
	}
	sh, err := s.store.Share(r.Context(), id)
	if err != nil {
		return err
	}
	if sh.AuthorityID == c.Authority.ID {
		return errNotFoundAPI // one's own share is read on the sharing page, as in the library
	}
	return writeJSON(w, r, http.StatusOK, apiSharedStrategy{Share: toAPIShare(sh), Content: apiSharedView{sh.View}})
}
