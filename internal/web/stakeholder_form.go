package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/fielderr"
	"boussole/internal/number"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
)

// criterionGroup is one block of the form: power, legitimacy or interest, with its criteria.
type criterionGroup struct {
	Title string
	Intro string
	Items []stakeholder.Rated
}

var groupIntros = map[string]string{
	"Pouvoir":    "Capacité à influencer la démarche, selon la nature de ce pouvoir.",
	"Légitimité": "Dans quelle mesure sa place dans l'action internationale est-elle reconnue ?",
	"Intérêt":    "Dans quelle mesure l'action de la collectivité l'intéresse-t-elle ?",
}

func criterionGroups() []criterionGroup {
	var out []criterionGroup
	for _, r := range (stakeholder.Stakeholder{}).Rated() {
		if len(out) == 0 || out[len(out)-1].Title != r.Group {
			out = append(out, criterionGroup{Title: r.Group, Intro: groupIntros[r.Group]})
		}
		out[len(out)-1].Items = append(out[len(out)-1].Items, r)
	}
	return out
}

// stakeholderFormData is what the form page needs besides the form itself.
func stakeholderFormData(f *form, rec *stakeholder.Record, dup *stakeholder.Record) stakeholderFormPage {
	on := map[string]bool{}
	for _, v := range f.Values["engagement.steps"] {
		on[v] = true
	}
	return stakeholderFormPage{StepOn: on,
		Record: rec, Duplicate: dup, Groups: criterionGroups(), Context: (stakeholder.Stakeholder{}).Noted(),
		Kinds: stakeholder.Kinds(), Levels: stakeholder.Levels(), Steps: stakeholder.Steps(),
	}
}

// fillStakeholderForm puts a stored stakeholder into form values, under the domain's field paths.
func fillStakeholderForm(f *form, sh stakeholder.Stakeholder) {
	f.Values.Set("name", sh.Name)
	f.Values.Set("kind", string(sh.Kind))
	f.Values.Set("contact", sh.Contact)
	f.Values.Set("territory", sh.Territory)
	f.Values.Set("themes", strings.Join(sh.Themes, ", "))
	for _, r := range sh.Rated() {
		f.Values.Set(r.Field, strconv.Itoa(r.Score.Value))
		f.Values.Set(r.Field+".comment", r.Score.Comment)
	}
	for _, n := range sh.Noted() {
		if n.Flag.Present {
			f.Values.Set(n.Field, "oui")
		}
		f.Values.Set(n.Field+".comment", n.Flag.Comment)
	}
	f.Values.Set("engagement.level", string(sh.Engagement.Level))
	for _, st := range sh.Engagement.Steps {
		f.Values.Add("engagement.steps", string(st))
	}
	f.Values.Set("engagement.promise", sh.Engagement.Promise)
	f.Values.Set("engagement.ask", sh.Engagement.Ask)
}

// readStakeholderForm builds a stakeholder from the form and records, at each field, what is wrong with
// it: first what cannot be read (a score that is not a number), then the domain's own validation.
func readStakeholderForm(f *form) stakeholder.Stakeholder {
	sh := stakeholder.Stakeholder{
		Name: f.Get("name"), Kind: stakeholder.Kind(f.Get("kind")),
		Contact: f.Get("contact"), Territory: f.Get("territory"),
	}
	for _, t := range strings.Split(f.Get("themes"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			sh.Themes = append(sh.Themes, t)
		}
	}
	for _, r := range sh.Rated() {
		sc := sh.ScoreAt(r.Field)
		sc.Comment = f.Get(r.Field + ".comment")
		v := f.Get(r.Field)
		if v == "" {
			continue
		}
		n, err := number.ParseWhole(v, -1<<31, 1<<31) // the scale is checked by the domain, which says it
		if err != nil {
			f.Fail(r.Field, "« "+r.Label+" » : indiquez une note entière de 0 à 3 (0 nul, 1 faible, 2 moyen, 3 fort).")
			continue
		}
		sc.Value = int(n)
	}
	for _, n := range sh.Noted() {
		fl := sh.FlagAt(n.Field)
		fl.Present = f.Get(n.Field) != ""
		fl.Comment = f.Get(n.Field + ".comment")
	}
	sh.Engagement.Level = stakeholder.Level(f.Get("engagement.level"))
	sh.Engagement.Promise = f.Get("engagement.promise")
	sh.Engagement.Ask = f.Get("engagement.ask")
	for _, st := range stakeholder.Steps() {
		for _, v := range f.Values["engagement.steps"] {
			if v == string(st) {
				sh.Engagement.Steps = append(sh.Engagement.Steps, st)
			}
		}
	}
	for _, v := range f.Values["engagement.steps"] {
		if !stakeholder.Step(v).Valid() {
			f.Fail("engagement.steps", "L'étape « "+v+" » n'existe pas : cochez les étapes dans la liste.")
		}
	}
	if f.Get("kind") == "" {
		f.Fail("kind", "Choisissez le type d'acteur.")
	}
	var errs fielderr.List
	if err := sh.Validate(); errors.As(err, &errs) {
		f.FailFields(errs, nil)
	}
	return sh
}

func (s *Server) showNewStakeholder(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := newForm(nil)
	if k := r.URL.Query().Get("type"); stakeholder.Kind(k).Valid() {
		f.Values.Set("kind", k)
	}
	s.renderStakeholderForm(w, r, http.StatusOK, ws, "Nouvel acteur", f, stakeholderFormData(f, nil, nil))
}

func (s *Server) createStakeholder(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	sh := readStakeholderForm(f)
	if !f.OK() {
		s.renderStakeholderForm(w, r, http.StatusUnprocessableEntity, ws, "Nouvel acteur", f, stakeholderFormData(f, nil, nil))
		return
	}
	if f.Get("merge") != "" {
		s.mergeTyped(w, r, ws, f, sh, nil)
		return
	}
	err := s.store.CreateStakeholder(r.Context(), actor(r), ws.Authority.ID, &sh)
	if errors.Is(err, store.ErrDuplicate) {
		s.offerMerge(w, r, ws, f, sh, nil)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, stakeholderURL(ws, sh.ID)+"?ok=acteur-cree")
}

// offerMerge shows the form again when the name and kind are another stakeholder's: the message at the
// name says so, and a button offers to merge what was typed into that record.
func (s *Server) offerMerge(w http.ResponseWriter, r *http.Request, ws *workspace, f *form, sh stakeholder.Stakeholder, editing *stakeholder.Record) {
	dup, err := s.store.StakeholderByKey(r.Context(), ws.Authority.ID, sh.Kind, sh.Name)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f.Fail("name", "Un acteur « "+dup.Name+" » de type « "+dup.Kind.Label()+" » existe déjà. Changez le nom ou le type, ou fusionnez avec la fiche existante.")
	title := "Nouvel acteur"
	if editing != nil {
		title = "Modifier « " + editing.Name + " »"
	}
	s.renderStakeholderForm(w, r, http.StatusConflict, ws, title, f, stakeholderFormData(f, editing, &dup))
}

// mergeTyped merges what was typed into the stakeholder named by the form's merge field, which must still
// have the same name and kind; when editing, the edited record is absorbed and its relations move over.
func (s *Server) mergeTyped(w http.ResponseWriter, r *http.Request, ws *workspace, f *form, sh stakeholder.Stakeholder, editing *stakeholder.Record) {
	id, err := strconv.ParseInt(f.Get("merge"), 10, 64)
	if err != nil {
		s.notFound(w, r)
		return
	}
	target, err := s.store.Stakeholder(r.Context(), ws.Authority.ID, id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && target.Key() != sh.Key()) || (editing != nil && editing.ID == id) {
		f.Fail("name", "La fiche à fusionner n'existe plus ou ne porte plus ce nom : vérifiez la liste des acteurs.")
		s.renderStakeholderForm(w, r, http.StatusConflict, ws, "Acteur", f, stakeholderFormData(f, editing, nil))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	merged := target
	merged.Stakeholder = stakeholder.MergeInto(target.Stakeholder, sh)
	merged.Name = target.Name
	if editing != nil {
		err = s.store.MergeStakeholders(r.Context(), actor(r), ws.Authority.ID, &merged, editing.ID)
	} else {
		err = s.store.UpdateStakeholder(r.Context(), actor(r), ws.Authority.ID, &merged)
	}
	if errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrNotFound) {
		f.Top = conflictMessage
		s.renderStakeholderForm(w, r, http.StatusConflict, ws, "Acteur", f, stakeholderFormData(f, editing, &target))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, stakeholderURL(ws, target.ID)+"?ok=acteur-fusionne")
}

func (s *Server) showEditStakeholder(w http.ResponseWriter, r *http.Request, ws *workspace) {
	rec, ok := s.stakeholderFromPath(w, r, ws)
	if !ok {
		return
	}
	f := newForm(nil)
	fillStakeholderForm(f, rec.Stakeholder)
	f.Values.Set("version", strconv.FormatInt(rec.Version, 10))
	s.renderStakeholderForm(w, r, http.StatusOK, ws, "Modifier « "+rec.Name+" »", f, stakeholderFormData(f, &rec, nil))
}

func (s *Server) updateStakeholder(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.stakeholderFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	sh := readStakeholderForm(f)
	title := "Modifier « " + stored.Name + " »"
	if !f.OK() {
		s.renderStakeholderForm(w, r, http.StatusUnprocessableEntity, ws, title, f, stakeholderFormData(f, &stored, nil))
		return
	}
	if f.Get("merge") != "" {
		s.mergeTyped(w, r, ws, f, sh, &stored)
		return
	}
	rec := stored
	rec.Stakeholder = sh
	rec.ID = stored.ID
	rec.Version, _ = strconv.ParseInt(f.Get("version"), 10, 64)
	err := s.store.UpdateStakeholder(r.Context(), actor(r), ws.Authority.ID, &rec)
	switch {
	case err == nil:
		redirect(w, r, stakeholderURL(ws, rec.ID)+"?ok=enregistre")
	case errors.Is(err, store.ErrDuplicate):
		s.offerMerge(w, r, ws, f, sh, &stored)
	case errors.Is(err, store.ErrConflict):
		theirs, err := s.store.Stakeholder(r.Context(), ws.Authority.ID, stored.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		data := stakeholderFormData(f, &stored, nil)
		data.Theirs = &theirs
		s.renderStakeholderForm(w, r, http.StatusConflict, ws, title, f, data)
	default:
		s.serverError(w, r, err)
	}
}

// renderStakeholderForm writes the form of an actor, new or edited.
func (s *Server) renderStakeholderForm(w http.ResponseWriter, r *http.Request, status int, ws *workspace, title string, f *form, d stakeholderFormPage) {
	v := view{Title: title, WS: ws, Section: stakeholderSection, Form: f}
	s.renderComponent(w, r, status, v, stakeholderFormContent(v, d))
}
