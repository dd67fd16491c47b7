package web

import (
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/comment"
	"boussole/internal/fielderr"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
)

// relationLine is one relation as read from the stakeholder's page: who, what, whom.
type relationLine struct {
	ID       int64
	FromID   int64
	From     string
	Kind     stakeholder.RelationKind
	ToID     int64
	To       string
	Comment  string
	Outgoing bool
}

func relationLines(m *actorMap, rels []stakeholder.Relation, id int64) []relationLine {
	out := make([]relationLine, 0, len(rels))
	for _, r := range rels {
		if r.From != id && r.To != id {
			continue
		}
		out = append(out, relationLine{ID: r.ID, FromID: r.From, From: m.Name(r.From), Kind: r.Kind, ToID: r.To, To: m.Name(r.To), Comment: r.Comment, Outgoing: r.From == id})
	}
	return out
}

func (s *Server) showStakeholder(w http.ResponseWriter, r *http.Request, ws *workspace) {
	rec, ok := s.stakeholderFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderStakeholder(w, r, ws, rec, http.StatusOK, newForm(nil))
}

// renderStakeholder shows a stakeholder's page: criteria, computed priority with its explanation,
// engagement, and relations with the form to add one (f holds that form's input and errors).
func (s *Server) renderStakeholder(w http.ResponseWriter, r *http.Request, ws *workspace, rec stakeholder.Record, status int, f *form) {
	m, err := s.loadActorMap(r, ws, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rels, err := s.store.RelationsOf(r.Context(), ws.Authority.ID, rec.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	others := make([]stakeholder.Record, 0, len(m.Records))
	for _, o := range m.Records {
		if o.ID != rec.ID {
			others = append(others, o)
		}
	}
	involved, err := s.involvementOf(r, ws, rec.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	sal, pl := rec.Salience(), rec.Placement()
	v := view{Title: rec.Name, WS: ws, Section: stakeholderSection, Form: f}
	s.renderComponent(w, r, status, v, stakeholderShowContent(v, stakeholderShowPage{
		S: rec, Salience: sal, Placement: pl, Suggested: pl.Quadrant.SuggestedLevel(),
		Relations: relationLines(m, rels, rec.ID), Others: others, RelationKinds: stakeholder.RelationKinds(), Involved: involved,
		Comments: s.commentBlock(r, ws, comment.KindStakeholder, rec.ID),
	}))
}

func (s *Server) addRelation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	rec, ok := s.stakeholderFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	f.Required("relation.kind", "relation.other")
	f.OneOf("relation.direction", "Choisissez le sens de la relation dans la liste.", "in", "out")
	other, _ := strconv.ParseInt(f.Get("relation.other"), 10, 64)
	rel := stakeholder.Relation{From: rec.ID, To: other, Kind: stakeholder.RelationKind(f.Get("relation.kind")), Comment: f.Get("relation.comment")}
	if f.Get("relation.direction") == "in" {
		rel.From, rel.To = other, rec.ID
	}
	if f.OK() {
		err := s.store.AddRelation(r.Context(), actor(r), ws.Authority.ID, &rel)
		var fe fielderr.Error
		switch {
		case err == nil:
			redirect(w, r, stakeholderURL(ws, rec.ID)+"?ok=relation-ajoutee#relations")
			return
		case errors.As(err, &fe):
			f.Fail("relation.other", fe.Message)
		case errors.Is(err, store.ErrDuplicate):
			f.Fail("relation.other", "Cette relation existe déjà.")
		default:
			s.serverError(w, r, err)
			return
		}
	}
	s.renderStakeholder(w, r, ws, rec, http.StatusUnprocessableEntity, f)
}

func (s *Server) deleteRelation(w http.ResponseWriter, r *http.Request, ws *workspace) {
	rec, ok := s.stakeholderFromPath(w, r, ws)
	if !ok {
		return
	}
	id, ok := pathID(r, "relation")
	if !ok {
		s.notFound(w, r)
		return
	}
	rels, err := s.store.RelationsOf(r.Context(), ws.Authority.ID, rec.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	found := false
	for _, rel := range rels {
		found = found || rel.ID == id
	}
	if !found {
		s.notFound(w, r)
		return
	}
	err = s.store.DeleteRelation(r.Context(), actor(r), ws.Authority.ID, id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, stakeholderURL(ws, rec.ID)+"?ok=relation-retiree#relations")
}

// confirmDeleteStakeholder asks before deleting, and lists the relations that go with the stakeholder.
func (s *Server) confirmDeleteStakeholder(w http.ResponseWriter, r *http.Request, ws *workspace) {
	rec, ok := s.stakeholderFromPath(w, r, ws)
	if !ok {
		return
	}
	m, err := s.loadActorMap(r, ws, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rels, err := s.store.RelationsOf(r.Context(), ws.Authority.ID, rec.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	involved, err := s.involvementOf(r, ws, rec.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := view{Title: "Supprimer « " + rec.Name + " » ?", WS: ws, Section: stakeholderSection}
	s.renderComponent(w, r, http.StatusOK, v, stakeholderDeleteContent(v, stakeholderDeletePage{S: rec, Relations: relationLines(m, rels, rec.ID), Involved: involved}))
}

func (s *Server) deleteStakeholder(w http.ResponseWriter, r *http.Request, ws *workspace) {
	rec, ok := s.stakeholderFromPath(w, r, ws)
	if !ok {
		return
	}
	err := s.store.DeleteStakeholder(r.Context(), actor(r), ws.Authority.ID, rec.ID)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/acteurs?ok=acteur-supprime")
}
