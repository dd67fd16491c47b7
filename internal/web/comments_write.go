package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"boussole/internal/access"
	"boussole/internal/comment"
	"boussole/internal/frfmt"
	"boussole/internal/model"
	"boussole/internal/store"
)

func init() {
	notices["commentaire"] = "Votre commentaire est publié."
	notices["commentaire-modifie"] = "Votre commentaire a été modifié."
	notices["commentaire-supprime"] = "Votre commentaire a été supprimé."
	notices["commentaire-etat"] = "L'état du commentaire a été changé."
}

// commentText reads a comment's text from a field, written back so a refused form shows exactly what will
// be saved. A comment is kept as typed (emoji sequences with their joiners, several spaces) except what no
// page, email or database can hold: control characters other than line ends and tabs, and invalid UTF-8.
func commentText(f *form, field string) string {
	v := strings.ToValidUTF8(f.Raw(field), "\uFFFD")
	v = strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n")
	v = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, v))
	f.Values.Set(field, v)
	return v
}

// createComment posts a comment or a reply on an element. A refused post is shown again on the element's
// thread page, with the message at the field and the text kept.
func (s *Server) createComment(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	kind := comment.Kind(f.Get("objet"))
	id, err := strconv.ParseInt(f.Get("element"), 10, 64)
	if !kind.Valid() || err != nil || id <= 0 {
		s.notFound(w, r)
		return
	}
	if !comment.CanWrite(ws.Role, kind) {
		s.forbidden(w, r, ws)
		return
	}
	title, strategyID, err := s.store.CommentedElement(r.Context(), ws.Authority.ID, kind, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	posted, _ := strconv.ParseInt(f.Get("parent"), 10, 64)
	parent, err := s.threadOf(r, ws, kind, id, posted)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	// The text is read from the field of the form it was typed in, and shown again, if refused, in the
	// form of its thread.
	field := replyField(parent)
	f.Values.Set(field, f.Raw(replyField(max(posted, 0))))
	f.Values.Set("parent", strconv.FormatInt(parent, 10))
	text := commentText(f, field)
	if msg := comment.Check(text); msg != "" {
		f.Fail(field, msg)
	}
	if strategyID == 0 { // a stakeholder: the comment belongs to the strategy being prepared
		if strategyID, err = s.focusStrategyID(r, ws); err != nil {
			s.storeFailed(w, r, err)
			return
		}
		if strategyID == 0 {
			f.Fail(field, "Créez d'abord la stratégie de la mandature : les commentaires s'y rattachent.")
		}
	}
	if !f.OK() {
		s.renderThread(w, r, ws, kind, id, title, f, http.StatusUnprocessableEntity)
		return
	}
	people, mentioned := s.mentions(r, ws, kind, text)
	c := model.Comment{AuthorityID: ws.Authority.ID, StrategyID: strategyID, Kind: kind, ElementID: id, ParentID: parent, Text: text}
	notified, err := s.store.CreateComment(r.Context(), actor(r), &c, mentioned)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	s.mailMentions(r, ws, c, title, notified, people)
	redirect(w, r, elementURL(ws, kind, id)+"?ok=commentaire#commentaire-"+strconv.FormatInt(c.ID, 10))
}

// threadOf checks that a reply's parent is a comment on the same element and returns the thread's first
// comment, whose form a refused reply is shown in; 0 stays 0, a new comment.
func (s *Server) threadOf(r *http.Request, ws *workspace, kind comment.Kind, elementID, parent int64) (int64, error) {
	if parent <= 0 {
		return 0, nil
	}
	p, err := s.store.Comment(r.Context(), ws.Authority.ID, parent)
	if err != nil {
		return 0, err
	}
	if p.Kind != kind || p.ElementID != elementID {
		return 0, store.ErrNotFound
	}
	if p.ParentID != 0 {
		return p.ParentID, nil
	}
	return p.ID, nil
}

// replyField names the text field of a new comment (parent 0) or of a reply in a thread, so that each
// form of the page has its own field and its own message.
func replyField(parent int64) string {
	if parent > 0 {
		return "reponse-" + strconv.FormatInt(parent, 10)
	}
	return "texte"
}

// mentions resolves the mentions of a text among the participants who may read the element. Roles that may
// not mention (partners) notify nobody.
func (s *Server) mentions(r *http.Request, ws *workspace, kind comment.Kind, text string) ([]model.Participant, []int64) {
	if !access.Can(ws.Role, access.Mention) {
		return nil, nil
	}
	people, err := s.store.Participants(r.Context(), ws.Authority.ID)
	if err != nil {
		s.log.Warn("participants illisibles : mentions ignorées", "err", err)
		return nil, nil
	}
	people = mentionable(people, kind)
	_, ids := comment.Parse(text, members(people))
	return people, ids
}

// focusStrategyID returns the strategy the workspace's pages are about, or 0 when there is none yet.
func (s *Server) focusStrategyID(r *http.Request, ws *workspace) (int64, error) {
	list, err := s.store.Strategies(r.Context(), ws.Authority.ID)
	if err != nil {
		return 0, err
	}
	st, _ := focusStrategy(list)
	return st.ID, nil
}

func (s *Server) forbidden(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.errorPage(w, r, http.StatusForbidden, "Votre rôle dans cet espace ("+ws.Role.Label()+") ne permet pas de commenter ici.")
}

// ownComment loads the comment in the path for its author; anyone else gets a 403, another authority's
// comment a 404.
func (s *Server) ownComment(w http.ResponseWriter, r *http.Request, ws *workspace) (model.Comment, bool) {
	id, ok := pathID(r, "comment")
	if !ok {
		s.notFound(w, r)
		return model.Comment{}, false
	}
	c, err := s.store.Comment(r.Context(), ws.Authority.ID, id)
	if err == nil && c.Deleted() {
		err = store.ErrNotFound
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return c, false
	}
	if !comment.CanWrite(ws.Role, c.Kind) || c.AuthorID == 0 || c.AuthorID != currentUser(r).ID {
		s.errorPage(w, r, http.StatusForbidden, "Seule la personne qui a écrit ce commentaire peut le modifier ou le supprimer.")
		return c, false
	}
	return c, true
}

func (s *Server) showEditComment(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.ownComment(w, r, ws)
	if !ok {
		return
	}
	f := newForm(nil)
	f.Values.Set("texte", c.Text)
	f.Values.Set("version", strconv.FormatInt(c.Version, 10))
	s.renderEditComment(w, r, ws, c, f, http.StatusOK)
}

func (s *Server) renderEditComment(w http.ResponseWriter, r *http.Request, ws *workspace, c model.Comment, f *form, status int) {
	title, _, err := s.store.CommentedElement(r.Context(), ws.Authority.ID, c.Kind, c.ElementID)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	v := view{Title: "Modifier votre commentaire", WS: ws, Section: "commentaires", Form: f}
	d := commentEditPage{
		Comment: c, Noun: c.Kind.Noun(), Element: title, Back: elementURL(ws, c.Kind, c.ElementID) + "#commentaire-" + strconv.FormatInt(c.ID, 10),
		Max: frfmt.Integer(comment.MaxLength),
	}
	s.renderComponent(w, r, status, v, commentsEditContent(v, d))
}

func (s *Server) updateComment(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.ownComment(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	text := commentText(f, "texte")
	if msg := comment.Check(text); msg != "" {
		f.Fail("texte", msg)
	}
	version, err := strconv.ParseInt(f.Get("version"), 10, 64)
	if err != nil {
		f.Top = "Le formulaire est incomplet : rechargez la page puis recommencez."
	}
	if !f.OK() {
		s.renderEditComment(w, r, ws, c, f, http.StatusUnprocessableEntity)
		return
	}
	people, mentioned := s.mentions(r, ws, c.Kind, text)
	edit := c
	edit.Text, edit.Version = text, version
	notified, err := s.store.UpdateComment(r.Context(), actor(r), &edit, mentioned)
	if errors.Is(err, store.ErrConflict) {
		theirs, _ := s.store.Comment(r.Context(), ws.Authority.ID, c.ID)
		f.Top = "Ce commentaire a été modifié entre-temps (dans un autre onglet ?). Votre texte est ci-dessous ; la version enregistrée est : « " + theirs.Text + " »."
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderEditComment(w, r, ws, c, f, http.StatusConflict)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	title, _, _ := s.store.CommentedElement(r.Context(), ws.Authority.ID, c.Kind, c.ElementID)
	s.mailMentions(r, ws, edit, title, notified, people)
	redirect(w, r, elementURL(ws, c.Kind, c.ElementID)+"?ok=commentaire-modifie#commentaire-"+strconv.FormatInt(c.ID, 10))
}

func (s *Server) confirmDeleteComment(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.ownComment(w, r, ws)
	if !ok {
		return
	}
	v := view{Title: "Supprimer votre commentaire ?", WS: ws, Section: "commentaires"}
	d := commentDeletePage{Comment: c, Back: elementURL(ws, c.Kind, c.ElementID) + "#commentaire-" + strconv.FormatInt(c.ID, 10)}
	s.renderComponent(w, r, http.StatusOK, v, commentsDeleteContent(v, d))
}

func (s *Server) deleteComment(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.ownComment(w, r, ws)
	if !ok {
		return
	}
	if err := s.store.DeleteComment(r.Context(), actor(r), ws.Authority.ID, c.ID); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, elementURL(ws, c.Kind, c.ElementID)+"?ok=commentaire-supprime#commentaires")
}

// setCommentState marks a first comment « à traiter » or « traité »; anyone who may comment on the element
// may, not only its author. From the list of comments, it goes back to the list.
func (s *Server) setCommentState(w http.ResponseWriter, r *http.Request, ws *workspace) {
	id, ok := pathID(r, "comment")
	if !ok {
		s.notFound(w, r)
		return
	}
	c, err := s.store.Comment(r.Context(), ws.Authority.ID, id)
	if err == nil && (c.Deleted() || c.ParentID != 0) {
		err = store.ErrNotFound
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	if !comment.CanWrite(ws.Role, c.Kind) {
		s.forbidden(w, r, ws)
		return
	}
	f := parseForm(w, r)
	state := comment.State(f.Get("etat"))
	if !state.Valid() {
		s.errorPage(w, r, http.StatusBadRequest, "Choisissez « à traiter » ou « traité ».")
		return
	}
	if err := s.store.SetCommentState(r.Context(), actor(r), ws.Authority.ID, c.ID, state); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	if f.Get("retour") == "liste" {
		redirect(w, r, ws.Prefix()+"/commentaires?"+listQuery(f.Get("filtre"), 1, c.StrategyID)+"&ok=commentaire-etat")
		return
	}
	redirect(w, r, elementURL(ws, c.Kind, c.ElementID)+"?ok=commentaire-etat#commentaire-"+strconv.FormatInt(c.ID, 10))
}
