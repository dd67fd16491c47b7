package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/auth"
	"boussole/internal/model"
	"boussole/internal/store"
)

// An authority keeps several strategies (the one in force, the 2010 one, the draft of the next). Every
// page of the method works on one of them: the one this session chose with the selector at the top of
// every strategy page, else the focus strategy (in preparation, else in force). The choice lives in the
// database with the session, so every existing link keeps working and stays on the chosen strategy, and
// every page says which strategy it shows.

// sessionHash returns the stored form of the request's session token, or "".
func sessionHash(r *http.Request) string {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return ""
	}
	return auth.HashToken(c.Value)
}

// viewedStrategy returns the strategy the pages of the workspace show for this session, and the
// authority's strategies; ok is false when the authority has none. The result is kept on ws so the layout
// names the strategy in the page header.
//
// A request may name its strategy with ?strategie=: a link that must show one strategy whatever the
// session chose, or a form that must write to the strategy it was shown for, even if the session switched
// strategy in another tab meanwhile. A strategy that is not the authority's answers store.ErrNotFound.
func (s *Server) viewedStrategy(r *http.Request, ws *workspace) (model.Strategy, []model.Strategy, bool, error) {
	list, err := s.store.Strategies(r.Context(), ws.Authority.ID)
	if err != nil {
		return model.Strategy{}, nil, false, err
	}
	if v := r.URL.Query().Get("strategie"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		for _, st := range list {
			if err == nil && st.ID == id {
				ws.show(r, st, list)
				return st, list, true, nil
			}
		}
		return model.Strategy{}, nil, false, store.ErrNotFound
	}
	st, ok := focusStrategy(list)
	if h := sessionHash(r); ok && h != "" && len(list) > 1 {
		id, err := s.store.ChosenStrategy(r.Context(), h, ws.Authority.ID)
		if err != nil {
			return model.Strategy{}, nil, false, err
		}
		for _, c := range list {
			if c.ID == id {
				st = c
			}
		}
	}
	if ok {
		ws.show(r, st, list)
	}
	return st, list, ok, nil
}

// show records on the workspace which strategy the page shows, for the header and its selector.
func (ws *workspace) show(r *http.Request, st model.Strategy, list []model.Strategy) {
	ws.Strategy, ws.Strategies, ws.Here = &st, list, r.URL.Path
}

// showStrategyOf names, in the page header, the strategy a record belongs to, for pages reached through
// the record (a SWOT item, a milestone) rather than through the session's choice. Unreadable, the header is
// left out and the page still shows.
func (s *Server) showStrategyOf(r *http.Request, ws *workspace, strategyID int64) {
	list, err := s.store.Strategies(r.Context(), ws.Authority.ID)
	if err != nil {
		s.log.Warn("stratégies illisibles", "err", err)
		return
	}
	for _, st := range list {
		if st.ID == strategyID {
			ws.show(r, st, list)
		}
	}
}

// chooseStrategy stores the strategy picked in the header's selector for this session, then goes back to
// the page it was picked on, or to the nearest page that exists in the chosen strategy.
func (s *Server) chooseStrategy(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	id, err := strconv.ParseInt(f.Get("strategie"), 10, 64)
	if err != nil {
		s.notFound(w, r)
		return
	}
	err = s.store.ChooseStrategy(r.Context(), sessionHash(r), ws.Authority.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, backAfterChoice(ws.Prefix(), f.Get("retour")))
}

// backAfterChoice is where the selector returns: the same page for a page about the whole strategy
// (« /cadre-logique/indicateurs »), its section for a page about one record of the previous strategy
// (« /cadre-logique/objectifs/12 » gives « /cadre-logique »), and the home page for a strategy's tracker
// or any path that is not in the workspace.
func backAfterChoice(prefix, back string) string {
	rest, ok := strings.CutPrefix(back, prefix+"/")
	if !ok || strings.HasPrefix(rest, "/") || strings.Contains(rest, "//") || strings.ContainsAny(rest, "\\?#") {
		return prefix + "/"
	}
	segs := strings.Split(rest, "/")
	if segs[0] == "strategies" {
		return prefix + "/"
	}
	for _, seg := range segs {
		if seg != "" && strings.Trim(seg, "0123456789") == "" {
			return prefix + "/" + segs[0]
		}
	}
	return prefix + "/" + rest
}
