package web

import (
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"boussole/internal/access"
	"boussole/internal/diagnostic"
	"boussole/internal/fielderr"
	"boussole/internal/figure/swot"
	"boussole/internal/model"
	"boussole/internal/store"
)

// swotQuadrant is one quadrant of the matrix page: its prompts and its items in order.
type swotQuadrant struct {
	Quadrant  diagnostic.Quadrant
	Questions []diagnostic.Question
	Items     []swotRow
}

// swotRow is an item of the matrix page with its action links built once in Go: a matrix may hold hundreds
// of items, and each link assembled in the template costs several escaping passes.
type swotRow struct {
	diagnostic.ItemRecord
	URL         string // the item's edit page; actions are below it
	First, Last bool
	Answers     []swotAnswer // the objectives and results that answer it
}

// swotQuadrants groups the stored items by quadrant, in the matrix's reading order.
func swotQuadrants(items []diagnostic.ItemRecord, prefix string) []swotQuadrant {
	out := make([]swotQuadrant, 0, 4)
	for _, q := range diagnostic.Quadrants() {
		sq := swotQuadrant{Quadrant: q, Questions: diagnostic.GuidingQuestions(q)}
		for _, it := range items {
			if it.Item.Quadrant == q {
				sq.Items = append(sq.Items, swotRow{ItemRecord: it, URL: prefix + "/diagnostic/afom/" + strconv.FormatInt(it.ID, 10)})
			}
		}
		if n := len(sq.Items); n > 0 {
			sq.Items[0].First, sq.Items[n-1].Last = true, true
		}
		out = append(out, sq)
	}
	return out
}

// swotFigure draws the matrix as inline SVG; the page's lists are its text alternative.
func swotFigure(items []diagnostic.ItemRecord, title string) template.HTML {
	domain := make([]diagnostic.Item, len(items))
	for i, it := range items {
		domain[i] = it.Item
	}
	// The figure package escapes every text it draws, so its output is safe to inline.
	return template.HTML(swot.Draw(domain, swot.Options{Title: title}))
}

func (s *Server) showSWOT(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := newForm(nil)
	q := r.URL.Query().Get("quadrant")
	if !diagnostic.Quadrant(q).Valid() {
		q = string(diagnostic.Strengths)
	}
	f.Values.Set("quadrant", q)
	f.Values.Set("weight", "2")
	if u := currentUser(r); u != nil {
		f.Values.Set("proposed_by", u.Name)
	}
	s.renderSWOT(w, r, ws, http.StatusOK, f)
}

func (s *Server) renderSWOT(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	st, ok := s.diagStrategy(w, r, ws, "diagnostic", "Matrice AFOM")
	if !ok {
		return
	}
	items, err := s.store.SWOTItems(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	answers, err := s.store.SWOTAnswers(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	data := &swotPage{
		Strategy: st, Quadrants: withAnswers(swotQuadrants(items, ws.Prefix()), answers, ws), Count: len(items),
		Figure: swotFigure(items, swotStrategyTitle(st)), Scopes: diagnostic.Scopes(),
		Uncovered: diagnostic.Summarize(swotDomain(items), nil, nil, nil).UncoveredScopes,
	}
	data.CanEdit = access.Can(ws.Role, access.EditContent)
	v := view{Title: "Matrice AFOM", Section: "diagnostic", WS: ws, Form: f, Notice: diagNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, swotContent(v, data))
}

func swotDomain(items []diagnostic.ItemRecord) []diagnostic.Item {
	out := make([]diagnostic.Item, len(items))
	for i, it := range items {
		out[i] = it.Item
	}
	return out
}

// readSWOTFields reads and checks the item form with the domain's rules.
func readSWOTFields(f *form) diagnostic.Item {
	it := diagnostic.Item{
		Quadrant: diagnostic.Quadrant(f.Get("quadrant")), Scope: diagnostic.Scope(f.Get("scope")),
		Text: f.Get("text"), Evidence: f.Get("evidence"), ProposedBy: f.Get("proposed_by"),
		LeftAside: f.Get("aside") == "1", AsideReason: f.Get("aside_reason"),
	}
	weight, err := strconv.Atoi(f.Get("weight"))
	if err != nil {
		weight = 0
	}
	it.Weight = weight
	f.FailFields(it.Validate(), map[string]string{"proposedBy": "proposed_by", "asideReason": "aside_reason"})
	return it
}

func (s *Server) createSWOTItem(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	item := readSWOTFields(f)
	if !f.OK() {
		s.renderSWOT(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	st, ok := s.diagStrategy(w, r, ws, "diagnostic", "Matrice AFOM")
	if !ok {
		return
	}
	rec := diagnostic.ItemRecord{AuthorityID: ws.Authority.ID, StrategyID: st.ID, Item: item}
	if s.diagStoreError(w, r, s.store.CreateSWOTItem(r.Context(), actor(r), &rec)) {
		return
	}
	redirect(w, r, ws.Prefix()+"/diagnostic/afom?ok=ajoute&quadrant="+string(item.Quadrant)+"#element-"+strconv.FormatInt(rec.ID, 10))
}

// swotFromPath loads the item named in the URL, answering 404 when it is not the authority's.
func (s *Server) swotFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (diagnostic.ItemRecord, bool) {
	id, ok := pathID(r, "swot")
	if !ok {
		s.notFound(w, r)
		return diagnostic.ItemRecord{}, false
	}
	it, err := s.store.SWOTItem(r.Context(), ws.Authority.ID, id)
	if s.diagStoreError(w, r, err) {
		return it, false
	}
	s.showStrategyOf(r, ws, it.StrategyID)
	return it, true
}

func swotForm(it diagnostic.ItemRecord) *form {
	f := newForm(nil)
	f.Values.Set("quadrant", string(it.Item.Quadrant))
	f.Values.Set("scope", string(it.Item.Scope))
	f.Values.Set("text", it.Item.Text)
	f.Values.Set("evidence", it.Item.Evidence)
	f.Values.Set("weight", strconv.Itoa(it.Item.Weight))
	f.Values.Set("proposed_by", it.Item.ProposedBy)
	if it.Item.LeftAside {
		f.Values.Set("aside", "1")
	}
	f.Values.Set("aside_reason", it.Item.AsideReason)
	f.Values.Set("version", strconv.FormatInt(it.Version, 10))
	return f
}

func (s *Server) showEditSWOTItem(w http.ResponseWriter, r *http.Request, ws *workspace) {
	it, ok := s.swotFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderEditSWOT(w, r, ws, http.StatusOK, swotForm(it), &swotEditPage{Item: it})
}

func (s *Server) updateSWOTItem(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.swotFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	rec := stored
	rec.Item = readSWOTFields(f)
	rec.Version = diagVersion(f)
	data := &swotEditPage{Item: stored}
	status := http.StatusUnprocessableEntity
	if f.OK() {
		err := s.store.UpdateSWOTItem(r.Context(), actor(r), &rec)
		if err == nil {
			redirect(w, r, ws.Prefix()+"/diagnostic/afom?ok=enregistre#element-"+strconv.FormatInt(rec.ID, 10))
			return
		}
		if !errors.Is(err, store.ErrConflict) {
			s.diagStoreError(w, r, err)
			return
		}
		theirs, ok := s.swotFromPath(w, r, ws)
		if !ok {
			return
		}
		status, f.Top = http.StatusConflict, conflictMessage
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		data.Theirs = &theirs
	}
	s.renderEditSWOT(w, r, ws, status, f, data)
}

func (s *Server) moveSWOTItemUp(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.moveSWOTItem(w, r, ws, -1)
}

func (s *Server) moveSWOTItemDown(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.moveSWOTItem(w, r, ws, +1)
}

func (s *Server) moveSWOTItem(w http.ResponseWriter, r *http.Request, ws *workspace, delta int) {
	id, ok := pathID(r, "swot")
	if !ok {
		s.notFound(w, r)
		return
	}
	if s.diagStoreError(w, r, s.store.MoveSWOTItem(r.Context(), actor(r), ws.Authority.ID, id, delta)) {
		return
	}
	redirect(w, r, ws.Prefix()+"/diagnostic/afom?ok=deplace#element-"+strconv.FormatInt(id, 10))
}

// mergeCandidates are the other items of the same quadrant and strategy.
func (s *Server) mergeCandidates(r *http.Request, ws *workspace, keep diagnostic.ItemRecord) ([]diagnostic.ItemRecord, error) {
	all, err := s.store.SWOTItems(r.Context(), ws.Authority.ID, keep.StrategyID)
	var out []diagnostic.ItemRecord
	for _, it := range all {
		if it.ID != keep.ID && it.Item.Quadrant == keep.Item.Quadrant {
			out = append(out, it)
		}
	}
	return out, err
}

func (s *Server) showMergeSWOTItem(w http.ResponseWriter, r *http.Request, ws *workspace) {
	keep, ok := s.swotFromPath(w, r, ws)
	if !ok {
		return
	}
	f := newForm(nil)
	f.Values.Set("version", strconv.FormatInt(keep.Version, 10))
	s.renderMerge(w, r, ws, http.StatusOK, keep, f)
}

func (s *Server) renderMerge(w http.ResponseWriter, r *http.Request, ws *workspace, status int, keep diagnostic.ItemRecord, f *form) {
	others, err := s.mergeCandidates(r, ws, keep)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.diagPage(w, r, status, ws, "diagnostic", "Fusionner deux éléments AFOM", f, &swotMergePage{Item: keep, Others: others})
}

func (s *Server) mergeSWOTItem(w http.ResponseWriter, r *http.Request, ws *workspace) {
	keep, ok := s.swotFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	idText, versionText, _ := strings.Cut(f.Get("other"), "-")
	goneID, err1 := strconv.ParseInt(idText, 10, 64)
	goneVersion, err2 := strconv.ParseInt(versionText, 10, 64)
	if err1 != nil || err2 != nil {
		f.Fail("other", "Choisissez l'élément à fusionner dans celui-ci.")
		s.renderMerge(w, r, ws, http.StatusUnprocessableEntity, keep, f)
		return
	}
	_, err := s.store.MergeSWOTItems(r.Context(), actor(r), ws.Authority.ID, keep.ID, diagVersion(f), goneID, goneVersion)
	var fieldErrs fielderr.List
	switch {
	case err == nil:
		redirect(w, r, ws.Prefix()+"/diagnostic/afom?ok=fusionne#element-"+strconv.FormatInt(keep.ID, 10))
		return
	case errors.Is(err, store.ErrConflict):
		f.Top = "L'un des deux éléments a été modifié entre-temps. Relisez-les ci-dessous puis confirmez de nouveau la fusion."
		f.Values.Set("version", strconv.FormatInt(keep.Version, 10))
		f.Values.Del("other")
		s.renderMerge(w, r, ws, http.StatusConflict, keep, f)
	case errors.Is(err, store.ErrNotFound):
		f.Fail("other", "L'élément choisi n'existe plus (supprimé ou fusionné entre-temps) : choisissez-en un autre du même quadrant.")
		s.renderMerge(w, r, ws, http.StatusUnprocessableEntity, keep, f)
	case errors.Is(err, diagnostic.ErrMergeQuadrant), errors.Is(err, diagnostic.ErrMergeSelf):
		f.Fail("other", "Choisissez un autre élément du même quadrant : "+err.Error()+".")
		s.renderMerge(w, r, ws, http.StatusUnprocessableEntity, keep, f)
	case errors.As(err, &fieldErrs):
		f.Fail("other", "La fusion donnerait un texte trop long ("+fieldErrs.For("text")+") : raccourcissez l'un des deux éléments d'abord.")
		s.renderMerge(w, r, ws, http.StatusUnprocessableEntity, keep, f)
	default:
		s.serverError(w, r, err)
	}
}

func swotConfirm(ws *workspace, it diagnostic.ItemRecord) diagConfirm {
	id := strconv.FormatInt(it.ID, 10)
	return diagConfirm{
		Heading: "Supprimer cet élément de la matrice AFOM ?",
		What:    it.Item.Quadrant.Label() + " : « " + it.Item.Text + " » (" + it.Item.Scope.Label() + ").",
		Action:  ws.Prefix() + "/diagnostic/afom/" + id + "/suppression", Cancel: ws.Prefix() + "/diagnostic/afom#element-" + id,
		Version: it.Version,
	}
}

func (s *Server) confirmDeleteSWOTItem(w http.ResponseWriter, r *http.Request, ws *workspace) {
	it, ok := s.swotFromPath(w, r, ws)
	if !ok {
		return
	}
	c := swotConfirm(ws, it)
	if err := s.addSWOTRefs(r, ws, it, &c); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "diagnostic", c)
}

func (s *Server) deleteSWOTItem(w http.ResponseWriter, r *http.Request, ws *workspace) {
	it, ok := s.swotFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	err := s.store.DeleteSWOTItem(r.Context(), actor(r), ws.Authority.ID, it.ID, diagVersion(f))
	if errors.Is(err, store.ErrConflict) {
		c := swotConfirm(ws, it)
		if err := s.addSWOTRefs(r, ws, it, &c); err != nil {
			s.serverError(w, r, err)
			return
		}
		c.Conflict = true
		s.renderConfirm(w, r, http.StatusConflict, ws, "diagnostic", c)
		return
	}
	if s.diagStoreError(w, r, err) {
		return
	}
	redirect(w, r, ws.Prefix()+"/diagnostic/afom?ok=supprime")
}

// swotStrategyTitle is used by the print views to name the matrix.
func swotStrategyTitle(st model.Strategy) string { return "Matrice AFOM — " + st.Title }
