package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"boussole/internal/funding"
	"boussole/internal/model"
	"boussole/internal/number"
	"boussole/internal/refdata/country"
	"boussole/internal/store"
)

// A project's spending as it happens (issue 11, item 2): commitments and payments, each with its date,
// partner country and beneficiary, added on the project's page and edited on their own page.

// spendingOpts are the choice lists of the spending form: the project's countries come first.
type spendingOpts struct {
	Kinds, Beneficiaries, Countries, Actors []diagOption
}

func newSpendingOpts(p funding.Project, actors []diagOption) spendingOpts {
	o := spendingOpts{Actors: actors}
	for _, k := range funding.MovementKinds {
		o.Kinds = append(o.Kinds, diagOption{Value: string(k), Label: k.Label()})
	}
	o.Beneficiaries = []diagOption{{Value: "", Label: "— Choisir —"}}
	for _, k := range funding.BeneficiaryKinds {
		o.Beneficiaries = append(o.Beneficiaries, diagOption{Value: string(k), Label: k.Label()})
	}
	o.Countries = []diagOption{{Value: "", Label: "— Aucun pays en particulier —"}}
	for _, c := range p.Countries {
		o.Countries = append(o.Countries, diagOption{Value: c, Label: orCode(country.Name(c), c) + " (pays du projet)"})
	}
	o.Countries = append(o.Countries, countryOptions[1:]...)
	return o
}

// spendingActors lists the authority's stakeholders for the beneficiary's choice.
func (s *Server) spendingActors(ctx context.Context, ws *workspace) ([]diagOption, error) {
	actors, err := s.store.Stakeholders(ctx, ws.Authority.ID)
	if err != nil {
		return nil, err
	}
	out := []diagOption{{Value: "", Label: "— Pas dans la cartographie : indiquez son nom —"}}
	for _, a := range actors {
		out = append(out, diagOption{Value: strconv.FormatInt(a.ID, 10), Label: a.Name})
	}
	return out, nil
}

func newSpendingForm(p funding.Project) *form {
	f := newForm(nil)
	f.Values.Set(funding.FieldSpendKind, string(funding.Committed))
	if len(p.Countries) == 1 {
		f.Values.Set(funding.FieldSpendCountry, p.Countries[0])
	}
	return f
}

func spendingForm(sp funding.Spending) *form {
	f := newForm(nil)
	v := f.Values
	v.Set(funding.FieldSpendKind, string(sp.Kind))
	v.Set(funding.FieldSpendDate, sp.Date.Input())
	v.Set(funding.FieldSpendAmount, number.CentsField(&sp.AmountCents))
	v.Set(funding.FieldSpendCountry, sp.Country)
	v.Set(funding.FieldSpendBenef, string(sp.Beneficiary))
	if sp.StakeholderID != 0 {
		v.Set(funding.FieldSpendActor, strconv.FormatInt(sp.StakeholderID, 10))
	}
	v.Set(funding.FieldSpendName, sp.Name)
	v.Set(funding.FieldSpendNote, sp.Note)
	v.Set("version", strconv.FormatInt(sp.Version, 10))
	return f
}

// readSpending reads the spending form; a stakeholder chosen on the map stands for the typed name.
func readSpending(f *form) funding.Spending {
	sp := funding.Spending{Kind: funding.MovementKind(f.Get(funding.FieldSpendKind)), Date: formPartialDate(f, funding.FieldSpendDate),
		Country: f.Get(funding.FieldSpendCountry), Beneficiary: funding.BeneficiaryKind(f.Get(funding.FieldSpendBenef)),
		Name: cleanLine(f, funding.FieldSpendName), Note: cleanLine(f, funding.FieldSpendNote)}
	if v := f.Get(funding.FieldSpendActor); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			f.Fail(funding.FieldSpendActor, "Choisissez l'acteur dans la liste.")
		}
		sp.StakeholderID = id
	}
	if c := formCents(f, funding.FieldSpendAmount); c != nil {
		sp.AmountCents = *c
	} else if f.Err(funding.FieldSpendAmount) == "" {
		f.Fail(funding.FieldSpendAmount, "Indiquez le montant en euros, par exemple 12 500 ou 12 500,50.")
	}
	for _, e := range sp.Validate(knownCountry) {
		if f.Err(e.Field) == "" {
			f.Fail(e.Field, e.Message)
		}
	}
	sp.Version = formVersion(f)
	return sp
}

// saveSpendingFailed turns a stakeholder that is not the authority's (or left the map meanwhile) into a
// message at the field; it reports whether it did.
func saveSpendingFailed(err error, f *form) bool {
	if errors.Is(err, store.ErrNotFound) && f.Get(funding.FieldSpendActor) != "" {
		f.Fail(funding.FieldSpendActor, "Cet acteur n'est plus dans la cartographie : choisissez-en un autre ou indiquez le nom du bénéficiaire.")
		return true
	}
	return false
}

func (s *Server) createSpending(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, st, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	sp := readSpending(f)
	if f.OK() {
		sp.ProjectID = p.ID
		err := s.store.SaveSpending(r.Context(), actor(r), ws.Authority.ID, &sp)
		if err == nil {
			redirect(w, r, projectURL(ws, p.ID)+"?ok=depense#depenses")
			return
		}
		if !saveSpendingFailed(err, f) {
			s.storeFailed(w, r, err)
			return
		}
	}
	s.renderProjectWith(w, r, ws, http.StatusUnprocessableEntity, st, p, projectForm(p), nil, f)
}

// spendingPage is the data of a spending record's page.
type spendingPage struct {
	May      fundingMay
	Strategy model.Strategy
	Project  funding.Project
	Spending funding.Spending
	Opt      spendingOpts
	Theirs   *funding.Spending
}

func (s *Server) spendingFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (funding.Project, model.Strategy, funding.Spending, bool) {
	p, st, ok := s.projectFromPath(w, r, ws)
	if !ok {
		return p, st, funding.Spending{}, false
	}
	id, ok := pathID(r, "spending")
	for _, sp := range p.Spending {
		if ok && sp.ID == id {
			return p, st, sp, true
		}
	}
	s.notFound(w, r)
	return p, st, funding.Spending{}, false
}

func spendingURL(ws *workspace, projectID, id int64) string {
	return projectURL(ws, projectID) + "/depenses/" + strconv.FormatInt(id, 10)
}

func (s *Server) renderSpending(w http.ResponseWriter, r *http.Request, ws *workspace, status int, p funding.Project, st model.Strategy, sp funding.Spending, f *form, theirs *funding.Spending) {
	actors, err := s.spendingActors(r.Context(), ws)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if sp.StakeholderID == 0 && f.Get(funding.FieldSpendActor) != "" {
		f.Values.Set(funding.FieldSpendActor, "")
	}
	d := spendingPage{May: mayFund(ws), Strategy: st, Project: p, Spending: sp, Opt: newSpendingOpts(p, actors), Theirs: theirs}
	v := fundingPage(r, ws, sp.Kind.Label()+" du "+sp.Date.String(), f)
	s.renderComponent(w, r, status, v, fundingSpendingContent(v, d))
}

func (s *Server) showSpending(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, st, sp, ok := s.spendingFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderSpending(w, r, ws, http.StatusOK, p, st, sp, spendingForm(sp), nil)
}

func (s *Server) updateSpending(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, st, stored, ok := s.spendingFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	sp := readSpending(f)
	if !f.OK() {
		s.renderSpending(w, r, ws, http.StatusUnprocessableEntity, p, st, stored, f, nil)
		return
	}
	sp.ID, sp.ProjectID = stored.ID, p.ID
	err := s.store.SaveSpending(r.Context(), actor(r), ws.Authority.ID, &sp)
	if errors.Is(err, store.ErrConflict) {
		theirs, err := s.store.Spending(r.Context(), ws.Authority.ID, p.ID, stored.ID)
		if err != nil {
			s.storeFailed(w, r, err)
			return
		}
		f.Top = conflictMessage
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		s.renderSpending(w, r, ws, http.StatusConflict, p, st, theirs, f, &theirs)
		return
	}
	if saveSpendingFailed(err, f) {
		s.renderSpending(w, r, ws, http.StatusUnprocessableEntity, p, st, stored, f, nil)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, projectURL(ws, p.ID)+"?ok=enregistre#depenses")
}

func spendingConfirm(ws *workspace, p funding.Project, sp funding.Spending) diagConfirm {
	u := spendingURL(ws, p.ID, sp.ID)
	return diagConfirm{Heading: "Supprimer " + map[funding.MovementKind]string{funding.Committed: "l'engagement", funding.Paid: "le paiement"}[sp.Kind] + " du " + sp.Date.String() + " ?",
		What:   "La dépense de " + euros(sp.AmountCents) + " (" + sp.Name + ") sera retirée du projet « " + p.Title + " » ; la déclaration APD de l'année ne la comptera plus.",
		Action: u + "/suppression", Cancel: u, Version: sp.Version}
}

func (s *Server) confirmDeleteSpending(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, _, sp, ok := s.spendingFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "financements", spendingConfirm(ws, p, sp))
}

func (s *Server) deleteSpending(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, _, sp, ok := s.spendingFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	err := s.store.DeleteSpending(r.Context(), actor(r), ws.Authority.ID, p.ID, sp.ID, formVersion(f))
	if errors.Is(err, store.ErrConflict) {
		cf := spendingConfirm(ws, p, sp)
		cf.Conflict = true
		s.renderConfirm(w, r, http.StatusConflict, ws, "financements", cf)
		return
	}
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, projectURL(ws, p.ID)+"?ok=supprime#depenses")
}

// spendingRows are a project's records as its page lists them, with the stakeholder's link when on the map.
type spendingRow struct {
	Spending funding.Spending
	URL      string
	ActorURL string
	Country  string
}

func spendingRows(ws *workspace, p funding.Project) []spendingRow {
	rows := make([]spendingRow, len(p.Spending))
	for i, sp := range p.Spending {
		rows[i] = spendingRow{Spending: sp, URL: spendingURL(ws, p.ID, sp.ID), Country: spendingCountry(sp.Country)}
		if sp.StakeholderID != 0 {
			rows[i].ActorURL = stakeholderURL(ws, sp.StakeholderID)
		}
	}
	return rows
}

// spendingCountry is a country's French name, « aucun pays en particulier » for none.
func spendingCountry(code string) string {
	if code == "" {
		return "aucun pays en particulier"
	}
	return orCode(country.Name(code), code)
}
