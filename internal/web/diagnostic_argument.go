package web

import (
	"errors"
	"net/http"
	"strings"

	"boussole/internal/diagnostic"
	"boussole/internal/store"
)

// stakeNoteField is the form field holding the officer's local illustration of a stake; dots in the
// stake code would make awkward element ids.
func stakeNoteField(code string) string { return "note_" + strings.ReplaceAll(code, ".", "-") }

// stakeChoice is a stake of the checklist with its form field for the local note.
type stakeChoice struct {
	diagnostic.Stake
	NoteField string
}

// stakeFamilyChoice is a family of the checklist.
type stakeFamilyChoice struct {
	diagnostic.StakeFamily
	Choices []stakeChoice
}

func stakeChecklist() []stakeFamilyChoice {
	var out []stakeFamilyChoice
	for _, fam := range diagnostic.StakeFamilies() {
		fc := stakeFamilyChoice{StakeFamily: fam}
		for _, st := range fam.Stakes {
			fc.Choices = append(fc.Choices, stakeChoice{Stake: st, NoteField: stakeNoteField(st.Code)})
		}
		out = append(out, fc)
	}
	return out
}

func argumentForm(a diagnostic.ArgumentRecord, authorityName string) *form {
	f := newForm(nil)
	in := a.Input
	if in.Authority == "" {
		in.Authority = authorityName
	}
	f.Values.Set("authority", in.Authority)
	f.Values["stakes"] = append([]string(nil), in.Stakes...)
	for code, note := range in.Notes {
		f.Values.Set(stakeNoteField(code), note)
	}
	f.Values.Set("local_facts", strings.Join(in.LocalFacts, "\n"))
	f.Values.Set("examples", strings.Join(in.Examples, "\n"))
	f.Values.Set("version", itoa(int(a.Version)))
	return f
}

func (s *Server) showArgumentForm(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.diagStrategy(w, r, ws, "sensibilisation", "Argumentaire")
	if !ok {
		return
	}
	a, err := s.store.Argument(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderArgumentForm(w, r, ws, http.StatusOK, argumentForm(a, ws.Authority.Name), nil)
}

func (s *Server) renderArgumentForm(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form, theirs *diagnostic.ArgumentRecord) {
	s.diagPage(w, r, status, ws, "sensibilisation", "Argumentaire : choisir les enjeux", f, &argumentEditPage{
		Families: stakeChecklist(), Checked: checkedSet(f, "stakes"), Legal: diagnostic.TheLegalFrame().Sentence(),
		Figures: diagnostic.KeyFigures(), Theirs: theirs,
	})
}

func (s *Server) saveArgument(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.diagStrategy(w, r, ws, "sensibilisation", "Argumentaire")
	if !ok {
		return
	}
	f := parseForm(w, r)
	in := diagnostic.ArgumentInput{Authority: f.Get("authority"), Stakes: f.Values["stakes"], Notes: map[string]string{},
		LocalFacts: diagLines(f.Get("local_facts")), Examples: diagLines(f.Get("examples"))}
	rename := map[string]string{"localFacts": "local_facts"}
	for _, fam := range diagnostic.StakeFamilies() {
		for _, stake := range fam.Stakes {
			field := stakeNoteField(stake.Code)
			rename["notes."+stake.Code] = field
			if note := f.Get(field); note != "" {
				in.Notes[stake.Code] = note
			}
		}
	}
	f.FailFields(in.Validate(), rename)
	if !f.OK() {
		s.renderArgumentForm(w, r, ws, http.StatusUnprocessableEntity, f, nil)
		return
	}
	a := diagnostic.ArgumentRecord{AuthorityID: ws.Authority.ID, StrategyID: st.ID, Input: in, Version: diagVersion(f)}
	err := s.store.SaveArgument(r.Context(), actor(r), &a)
	if err == nil {
		redirect(w, r, ws.Prefix()+"/sensibilisation/argumentaire?ok=enregistre")
		return
	}
	if !errors.Is(err, store.ErrConflict) {
		s.diagStoreError(w, r, err)
		return
	}
	theirs, err := s.store.Argument(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f.Top = conflictMessage
	f.Values.Set("version", itoa(int(theirs.Version)))
	s.renderArgumentForm(w, r, ws, http.StatusConflict, f, &theirs)
}

// showArgumentPrint shows the argument as a document for élus and services, laid out for printing.
func (s *Server) showArgumentPrint(w http.ResponseWriter, r *http.Request, ws *workspace) {
	st, ok := s.diagStrategy(w, r, ws, "sensibilisation", "Argumentaire")
	if !ok {
		return
	}
	a, err := s.store.Argument(r.Context(), ws.Authority.ID, st.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	data := &argumentPrintPage{Saved: a.Version > 0, UpdatedAt: a.UpdatedAt}
	if a.Version > 0 {
		if doc, errs := diagnostic.BuildArgument(a.Input); errs == nil {
			data.Doc = &doc
		}
	}
	title := "Argumentaire pour les élus et les services"
	if data.Doc != nil {
		title = data.Doc.Title
	}
	s.diagPage(w, r, http.StatusOK, ws, "sensibilisation", title, nil, data)
}
