package web

import (
	"net/http"
	"strconv"

	"boussole/internal/comment"
	"boussole/internal/model"
)

// commentsPerPage is the length of one page of the list of comments.
const commentsPerPage = 20

// showThread shows the comments on one element on a page of their own: where a refused post is shown
// again, and where those who cannot open the element's own page (a SWOT item for an élu) read and reply.
func (s *Server) showThread(w http.ResponseWriter, r *http.Request, ws *workspace) {
	kind := comment.Kind(r.PathValue("kind"))
	id, ok := pathID(r, "element")
	if !kind.Valid() || !ok {
		s.notFound(w, r)
		return
	}
	if !comment.CanRead(ws.Role, kind) {
		s.errorPage(w, r, http.StatusForbidden, "Votre rôle dans cet espace ("+ws.Role.Label()+") ne donne pas accès à ces commentaires.")
		return
	}
	title, _, err := s.store.CommentedElement(r.Context(), ws.Authority.ID, kind, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	s.renderThread(w, r, ws, kind, id, title, nil, http.StatusOK)
}

func (s *Server) renderThread(w http.ResponseWriter, r *http.Request, ws *workspace, kind comment.Kind, id int64, title string, f *form, status int) {
	b := s.commentBlock(r, ws, kind, id)
	b.Form, b.ThreadPage = f, true
	back := elementURL(ws, kind, id)
	if back == b.URL() {
		back = ""
	}
	if f == nil {
		f = newForm(nil)
	}
	v := view{Title: "Commentaires sur " + kind.Noun(), WS: ws, Section: "commentaires", Form: f}
	d := commentThreadPage{Block: b, Element: title, Back: back, SWOT: kind == comment.KindSWOT}
	s.renderComponent(w, r, status, v, commentsThreadContent(v, d))
}

// commentFilters are the choices of the list of comments, in display order.
var commentFilters = []commentFilter{{"a-traiter", "À traiter"}, {"traite", "Traités"}, {"tous", "Tous"}}

// listQuery returns the query string of a page of the list for a filter, dropping unknown filters.
func listQuery(filter string, page int, strategyID int64) string {
	if filter != "traite" && filter != "tous" {
		filter = "a-traiter"
	}
	q := "etat=" + filter
	if strategyID != 0 {
		q += "&strategie=" + strconv.FormatInt(strategyID, 10)
	}
	if page > 1 {
		q += "&page=" + strconv.Itoa(page)
	}
	return q
}

// commentRow is one line of the list of comments.
type commentRow struct {
	model.Comment
	URL      string // the element's page, at the comment; "" when the element was deleted
	Noun     string
	CanWrite bool
}

// listComments shows the first comments of the strategy being prepared, to do or done, newest first, only
// on what the viewer may read.
func (s *Server) listComments(w http.ResponseWriter, r *http.Request, ws *workspace) {
	q := r.URL.Query()
	filter := q.Get("etat")
	if filter != "traite" && filter != "tous" {
		filter = "a-traiter"
	}
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	list, err := s.store.Strategies(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	st, hasStrategy := focusStrategy(list)
	if id, err := strconv.ParseInt(q.Get("strategie"), 10, 64); err == nil {
		for _, x := range list { // another of the authority's strategies, when asked for by its ID
			if x.ID == id {
				st, hasStrategy = x, true
			}
		}
	}
	data := commentsListPage{Filter: filter, Filters: commentFilters, Strategy: st, HasStrategy: hasStrategy}
	if hasStrategy {
		cf := model.CommentFilter{Kinds: comment.Readable(ws.Role), Limit: commentsPerPage, Offset: (page - 1) * commentsPerPage}
		if filter != "tous" {
			cf.State = comment.State(filter)
		}
		found, total, err := s.store.StrategyComments(r.Context(), ws.Authority.ID, st.ID, cf)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		rows := make([]commentRow, 0, len(found))
		for _, c := range found {
			row := commentRow{Comment: c, Noun: c.Kind.Noun(), CanWrite: comment.CanWrite(ws.Role, c.Kind)}
			if !c.ElementGone {
				row.URL = elementURL(ws, c.Kind, c.ElementID) + "#commentaire-" + strconv.FormatInt(c.ID, 10)
			}
			rows = append(rows, row)
		}
		pages := (total + commentsPerPage - 1) / commentsPerPage
		data.Rows, data.Total, data.Page, data.Pages = rows, total, page, pages
		if page > 1 {
			data.Prev = ws.Prefix() + "/commentaires?" + listQuery(filter, page-1, st.ID)
		}
		if page < pages {
			data.Next = ws.Prefix() + "/commentaires?" + listQuery(filter, page+1, st.ID)
		}
	}
	v := view{Title: "Commentaires", WS: ws, Section: "commentaires"}
	s.renderComponent(w, r, http.StatusOK, v, commentsListContent(v, data))
}

// notificationRow is one notification as the list shows it.
type notificationRow struct {
	model.Notification
	Noun, Element, URL string
}

// listNotifications shows the viewer's mentions in the workspace, unread first. A mention on what the
// viewer may no longer read (their role changed) is left out.
func (s *Server) listNotifications(w http.ResponseWriter, r *http.Request, ws *workspace) {
	list, err := s.store.Notifications(r.Context(), ws.Authority.ID, currentUser(r).ID, 100)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows := make([]notificationRow, 0, len(list))
	unread := 0
	for _, n := range list {
		if !comment.CanRead(ws.Role, n.Comment.Kind) {
			continue
		}
		row := notificationRow{Notification: n, Noun: n.Comment.Kind.Noun()}
		if title, _, err := s.store.CommentedElement(r.Context(), ws.Authority.ID, n.Comment.Kind, n.Comment.ElementID); err == nil {
			row.Element = title
			row.URL = elementURL(ws, n.Comment.Kind, n.Comment.ElementID) + "#commentaire-" + strconv.FormatInt(n.Comment.ID, 10)
		}
		if n.ReadAt.IsZero() {
			unread++
		}
		rows = append(rows, row)
	}
	v := view{Title: "Notifications", WS: ws, Section: "notifications"}
	s.renderComponent(w, r, http.StatusOK, v, commentsNotificationsContent(v, notificationsPage{Rows: rows, Unread: unread}))
}

func (s *Server) markNotificationsRead(w http.ResponseWriter, r *http.Request, ws *workspace) {
	if err := s.store.MarkNotificationsRead(r.Context(), ws.Authority.ID, currentUser(r).ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/notifications?ok=lues")
}

func init() { notices["lues"] = "Toutes vos notifications sont marquées comme lues." }
