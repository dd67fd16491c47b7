package web

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	"boussole/internal/access"
	"boussole/internal/document"
	"boussole/internal/model"
	"boussole/internal/store"
)

// documentsPage is the data of the documents page.
type documentsPage struct {
	Strategy  model.Strategy
	Sections  []documentsSection
	Adoptions []document.Adopted           // latest first
	Changes   []document.SectionChange     // what changed since the latest adoption; nil without one
	Bodies    []string                     // the assemblies an adoption form offers
	Defaults  string                       // the body the authority's kind suggests
	Internal  bool                         // may read the whole strategy: else the page offers the one-page summary only
	CanEdit   bool                         // may choose sections and write free texts
	CanAdopt  bool                         // may record the vote
	Kept      map[document.SectionKey]bool // the sections the form shows checked
	Failed    string                       // the form refused, « reglages » or « adoption », whose summary shows
}

// documentsSection is one section of the choice form.
type documentsSection struct {
	document.SectionInfo
	Field string // the name of its free text field
}

// textField is the free text field of a section.
func textField(k document.SectionKey) string { return "texte_" + string(k) }

func (s *Server) showDocuments(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	if !ok {
		s.renderNoStrategy(w, r, ws, "documents")
		return
	}
	set, err := s.store.DocumentSettings(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	fm := settingsForm(set)
	fm.Values.Set("body", documentBody(ws))
	s.renderDocuments(w, r, ws, st, fm, http.StatusOK, "")
}

// documentBody is the assembly an authority of this kind votes in.
func documentBody(ws *workspace) string {
	switch ws.Authority.Kind {
	case "commune":
		return "conseil municipal"
	case "epci":
		return "conseil communautaire"
	case "departement":
		return "conseil départemental"
	case "region":
		return "conseil régional"
	}
	return "assemblée délibérante"
}

func settingsForm(set document.Settings) *form {
	fm := newForm(nil)
	fm.Values.Set("version", strconv.FormatInt(set.Version, 10))
	fm.Values.Set("strategie", strconv.FormatInt(set.StrategyID, 10))
	for _, sec := range document.Sections() {
		if set.Choice.Keeps(sec.Key) {
			fm.Values.Add("garder", string(sec.Key))
		}
		if t := set.Choice.Text[sec.Key]; t != "" {
			fm.Values.Set(textField(sec.Key), t)
		}
	}
	return fm
}

func (s *Server) renderDocuments(w http.ResponseWriter, r *http.Request, ws *workspace, st model.Strategy, fm *form, status int, failed string) {
	p := documentsPage{Strategy: st, Failed: failed, Bodies: document.Bodies(), Defaults: documentBody(ws), Kept: map[document.SectionKey]bool{},
		Internal: access.Can(ws.Role, access.ViewInternal), CanEdit: access.Can(ws.Role, access.EditContent), CanAdopt: access.Can(ws.Role, access.ManageStrategy)}
	if !p.Internal {
		s.renderDocumentsPage(w, r, ws, fm, status, p)
		return
	}
	for _, sec := range document.Sections() {
		p.Sections = append(p.Sections, documentsSection{SectionInfo: sec, Field: textField(sec.Key)})
	}
	for _, k := range fm.Values["garder"] {
		p.Kept[document.SectionKey(k)] = true
	}
	var err error
	if p.Adoptions, err = s.store.Adoptions(r.Context(), ws.Authority.ID, st.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(p.Adoptions) > 0 {
		if p.Changes, err = s.changesSinceAdoption(r, ws, st, p.Adoptions[0].ID); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.renderDocumentsPage(w, r, ws, fm, status, p)
}

// changesSinceAdoption compares the adopted version with the document the strategy gives today.
func (s *Server) changesSinceAdoption(r *http.Request, ws *workspace, st model.Strategy, id int64) ([]document.SectionChange, error) {
	a, err := s.store.Adoption(r.Context(), ws.Authority.ID, id)
	if err != nil {
		return nil, err
	}
	old, err := document.Decode(a.Snapshot)
	if err != nil {
		return nil, err
	}
	src, err := s.documentSource(r.Context(), ws, st)
	if err != nil {
		return nil, err
	}
	set, err := s.store.DocumentSettings(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		return nil, err
	}
	return document.Compare(old, document.Strategy(src, set.Choice)), nil
}

// readSettings reads the choice form: the sections kept among the known ones, a free text per section.
func readSettings(fm *form, set *document.Settings) {
	var keys []string
	for _, sec := range document.Sections() {
		keys = append(keys, string(sec.Key))
	}
	fm.AllOf("garder", "Choisissez les sections dans la liste proposée.", keys...)
	kept := map[string]bool{}
	for _, k := range fm.Values["garder"] {
		kept[k] = true
	}
	set.Choice = document.Choice{Omit: map[document.SectionKey]bool{}, Text: map[document.SectionKey]string{}}
	for _, sec := range document.Sections() {
		if !kept[string(sec.Key)] {
			set.Choice.Omit[sec.Key] = true
		}
		name := textField(sec.Key)
		t := fm.Values.Get(name)
		if n := utf8.RuneCountInString(t); n > document.MaxFreeText {
			fm.Fail(name, "Ce texte ne doit pas dépasser "+strconv.Itoa(document.MaxFreeText)+" caractères (il en compte "+strconv.Itoa(n)+") : un long texte va plutôt en annexe.")
		}
		set.Choice.Text[sec.Key] = t
	}
	set.Version, _ = strconv.ParseInt(fm.Get("version"), 10, 64)
}

func (s *Server) saveDocumentSettings(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil || !ok {
		s.storeFailed(w, r, orNotFound(err))
		return
	}
	fm := parseForm(w, r)
	if id, _ := strconv.ParseInt(fm.Get("strategie"), 10, 64); id != 0 && id != st.ID {
		if st, err = s.store.Strategy(r.Context(), ws.Authority.ID, id); err != nil {
			s.storeFailed(w, r, err)
			return
		}
	}
	set := document.Settings{AuthorityID: ws.Authority.ID, StrategyID: st.ID}
	readSettings(fm, &set)
	if fm.OK() {
		err := s.store.SaveDocumentSettings(r.Context(), actor(r), &set)
		switch {
		case errors.Is(err, store.ErrConflict):
			fm.Top = "Quelqu'un a enregistré ces choix pendant que vous les modifiiez : vos choix sont ci-dessous, rechargez la page pour voir les siens avant d'enregistrer à nouveau."
		case err != nil:
			s.serverError(w, r, err)
			return
		default:
			redirect(w, r, ws.Prefix()+"/documents?strategie="+strconv.FormatInt(st.ID, 10)+"&ok=enregistre#choix")
			return
		}
	}
	s.renderDocuments(w, r, ws, st, fm, http.StatusUnprocessableEntity, "reglages")
}

// orNotFound turns « no strategy » into ErrNotFound, for the pages that need one.
func orNotFound(err error) error {
	if err == nil {
		return store.ErrNotFound
	}
	return err
}

// recordAdoption records the vote and freezes the document as it stands: its snapshot, hash and files.
func (s *Server) recordAdoption(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil || !ok {
		s.storeFailed(w, r, orNotFound(err))
		return
	}
	fm := parseForm(w, r)
	if id, _ := strconv.ParseInt(fm.Get("strategie"), 10, 64); id != 0 && id != st.ID {
		if st, err = s.store.Strategy(r.Context(), ws.Authority.ID, id); err != nil {
			s.storeFailed(w, r, err)
			return
		}
	}
	vote := document.Vote{On: formPartialDate(fm, "adopted_on"), Body: fm.Get("body"), Number: fm.Get("number"), Result: fm.Get("result")}
	for _, e := range vote.Validate(time.Now()) {
		if e.Field == "date" {
			fm.Fail("adopted_on", e.Message) // kept only when the date could be read: Fail keeps the first message
			continue
		}
		fm.Fail(e.Field, e.Message)
	}
	if !fm.OK() {
		set, err := s.store.DocumentSettings(r.Context(), ws.Authority.ID, st.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		keep := settingsForm(set)
		for k, v := range fm.Values {
			keep.Values[k] = v
		}
		keep.Errors, keep.Order = fm.Errors, fm.Order
		s.renderDocuments(w, r, ws, st, keep, http.StatusUnprocessableEntity, "adoption")
		return
	}
	rec, err := s.freeze(r, ws, st, vote)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.store.RecordAdoption(r.Context(), actor(r), &rec); err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, ws.Prefix()+"/documents?strategie="+strconv.FormatInt(st.ID, 10)+"&ok=adoption#adoptions")
}

// freeze builds the adopted version of the document and its files.
func (s *Server) freeze(r *http.Request, ws *workspace, st model.Strategy, vote document.Vote) (document.Adopted, error) {
	src, err := s.documentSource(r.Context(), ws, st)
	if err != nil {
		return document.Adopted{}, err
	}
	set, err := s.store.DocumentSettings(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		return document.Adopted{}, err
	}
	d, snap, hash, err := document.Freeze(src, set.Choice, vote)
	if err != nil {
		return document.Adopted{}, err
	}
	var odt, pdf bytes.Buffer
	if err := document.WriteODT(&odt, d, ws.Authority.Name, src.Generated); err != nil {
		return document.Adopted{}, err
	}
	if err := document.WritePDF(&pdf, d, ws.Authority.Name, src.Generated); err != nil {
		return document.Adopted{}, err
	}
	return document.Adopted{AuthorityID: ws.Authority.ID, StrategyID: st.ID, Vote: vote, Hash: hash, Snapshot: snap, ODT: odt.Bytes(), PDF: pdf.Bytes()}, nil
}

func (s *Server) renderDocumentsPage(w http.ResponseWriter, r *http.Request, ws *workspace, fm *form, status int, p documentsPage) {
	v := view{Title: "Documents", WS: ws, Section: "documents", Form: fm}
	s.renderComponent(w, r, status, v, documentsContent(v, p))
}
