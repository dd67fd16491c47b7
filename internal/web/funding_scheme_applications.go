package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"boussole/internal/frfmt"
	"boussole/internal/funding"
	"boussole/internal/number"
	"boussole/internal/store"
)

// readApplication reads the application form; the applicant's name and kind come from the map.
func readApplication(f *form) funding.Application {
	a := funding.Application{Title: cleanLine(f, funding.FieldAppTitle), Country: strings.ToUpper(f.Get(funding.FieldAppCountry)), Theme: funding.Theme(f.Get(funding.FieldAppTheme)),
		CostCents: formCents(f, funding.FieldAppCost), AskedCents: formCents(f, funding.FieldAppAsked), SalaryPercent: formPercent(f, funding.FieldAppSalary),
		SDGs: formGoals(f, funding.FieldAppSDGs), Version: formVersion(f)}
	a.StakeholderID, _ = strconv.ParseInt(f.Get(funding.FieldAppApplicant), 10, 64)
	if y, ok := formWhole(f, funding.FieldAppYear, 2000, 2100, "Indiquez l'année de l'enveloppe, entre 2000 et 2100."); ok {
		a.Year = y
	}
	for _, e := range a.Validate(knownCountry) {
		if f.Err(e.Field) == "" { // a number the parser refused keeps its own message
			f.Fail(e.Field, e.Message)
		}
	}
	return a
}

func applicationForm(a funding.Application) *form {
	f := newForm(nil)
	v := f.Values
	v.Set(funding.FieldAppApplicant, strconv.FormatInt(a.StakeholderID, 10))
	v.Set(funding.FieldAppTitle, a.Title)
	v.Set(funding.FieldAppYear, strconv.Itoa(a.Year))
	v.Set(funding.FieldAppCountry, a.Country)
	v.Set(funding.FieldAppTheme, string(a.Theme))
	v.Set(funding.FieldAppCost, number.CentsField(a.CostCents))
	v.Set(funding.FieldAppAsked, number.CentsField(a.AskedCents))
	v.Set(funding.FieldAppSalary, percentField(a.SalaryPercent))
	for _, g := range a.SDGs {
		v.Add(funding.FieldAppSDGs, strconv.Itoa(g))
	}
	v.Set("version", strconv.FormatInt(a.Version, 10))
	return f
}

func decisionForm(a funding.Application) *form {
	f := newForm(nil)
	f.Values.Set(funding.FieldAppDecision, string(a.Decision))
	f.Values.Set(funding.FieldAppGranted, number.CentsField(a.GrantedCents))
	f.Values.Set(funding.FieldPayYear, strconv.Itoa(time.Now().Year()))
	if !a.DecidedOn.IsZero() {
		f.Values.Set(funding.FieldAppDecidedOn, a.DecidedOn.Format("02/01/2006"))
	}
	f.Values.Set(funding.FieldAppDecRef, a.DecisionRef)
	f.Values.Set(funding.FieldAppBenefID, a.BeneficiaryID)
	f.Values.Set("version", strconv.FormatInt(a.Version, 10))
	return f
}

func (s *Server) createApplication(w http.ResponseWriter, r *http.Request, ws *workspace) {
	sc, ok := s.schemeFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	a := readApplication(f)
	if !f.OK() {
		s.renderScheme(w, r, ws, http.StatusUnprocessableEntity, sc, f)
		return
	}
	a.AuthorityID, a.SchemeID = ws.Authority.ID, sc.ID
	if err := s.store.SaveApplication(r.Context(), actor(r), &a); err != nil {
		if errors.Is(err, store.ErrNotFound) { // the actor left the map meanwhile, or belongs elsewhere
			f.Fail(funding.FieldAppApplicant, "Choisissez le demandeur parmi les acteurs de la cartographie.")
			s.renderScheme(w, r, ws, http.StatusUnprocessableEntity, sc, f)
			return
		}
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, applicationURL(ws, sc.ID, a.ID)+"?ok=demande")
}

// applicationPage is an application with its review, its edit form and its decision and payments.
type applicationPage struct {
	May          fundingMay
	Scheme       funding.Scheme
	SchemeURL    string
	App          funding.Application
	URL          string
	Review       funding.SchemeReview
	Opt          schemeOpts
	DecisionForm *form
}

func (s *Server) applicationFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (funding.Scheme, funding.Application, bool) {
	sc, ok := s.schemeFromPath(w, r, ws)
	if !ok {
		return sc, funding.Application{}, false
	}
	id, ok := pathID(r, "application")
	if !ok {
		s.notFound(w, r)
		return sc, funding.Application{}, false
	}
	a, err := s.store.Application(r.Context(), ws.Authority.ID, sc.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return sc, a, false
	}
	return sc, a, true
}

func (s *Server) showApplication(w http.ResponseWriter, r *http.Request, ws *workspace) {
	sc, a, ok := s.applicationFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderApplication(w, r, ws, http.StatusOK, sc, a, applicationForm(a), decisionForm(a))
}

func (s *Server) renderApplication(w http.ResponseWriter, r *http.Request, ws *workspace, status int, sc funding.Scheme, a funding.Application, edit, decide *form) {
	ctx := r.Context()
	apps, err := s.store.Applications(ctx, ws.Authority.ID, sc.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	actors, err := s.store.Stakeholders(ctx, ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := applicationPage{May: mayFund(ws), Scheme: sc, SchemeURL: schemeURL(ws, sc.ID), App: a, URL: applicationURL(ws, sc.ID, a.ID),
		Review: funding.ReviewApplication(sc, a, apps), Opt: newSchemeOpts(actors), DecisionForm: decide}
	if a.StakeholderID == 0 { // the actor left the map: its name stays on the application
		d.Opt.Applicants = append(d.Opt.Applicants, diagOption{Value: "0", Label: a.Applicant + " (retiré de la cartographie)"})
	}
	v := view{Title: a.Title, WS: ws, Section: "financements", Form: edit, Notice: fundingNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, applicationContent(v, d))
}

func (s *Server) updateApplication(w http.ResponseWriter, r *http.Request, ws *workspace) {
	sc, cur, ok := s.applicationFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	a := readApplication(f)
	if !f.OK() {
		s.renderApplication(w, r, ws, http.StatusUnprocessableEntity, sc, cur, f, decisionForm(cur))
		return
	}
	a.ID, a.AuthorityID, a.SchemeID = cur.ID, ws.Authority.ID, sc.ID
	if err := s.store.SaveApplication(r.Context(), actor(r), &a); err != nil {
		switch {
		case errors.Is(err, store.ErrConflict):
			f.Top = "Quelqu'un a modifié cette demande entre-temps : rechargez la page pour la voir."
			s.renderApplication(w, r, ws, http.StatusConflict, sc, cur, f, decisionForm(cur))
		case errors.Is(err, store.ErrNotFound):
			f.Fail(funding.FieldAppApplicant, "Choisissez le demandeur parmi les acteurs de la cartographie.")
			s.renderApplication(w, r, ws, http.StatusUnprocessableEntity, sc, cur, f, decisionForm(cur))
		default:
			s.serverError(w, r, err)
		}
		return
	}
	redirect(w, r, applicationURL(ws, sc.ID, a.ID)+"?ok=enregistre")
}

// decideApplication records the decision, the amount granted and, when an amount is typed, a payment.
func (s *Server) decideApplication(w http.ResponseWriter, r *http.Request, ws *workspace) {
	sc, cur, ok := s.applicationFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	a := cur
	a.Decision, a.GrantedCents, a.Version = funding.Decision(f.Get(funding.FieldAppDecision)), formCents(f, funding.FieldAppGranted), formVersion(f)
	a.DecidedOn, a.DecisionRef = formDay(f, funding.FieldAppDecidedOn), cleanLine(f, funding.FieldAppDecRef)
	a.BeneficiaryID = strings.ToUpper(strings.Join(strings.Fields(f.Get(funding.FieldAppBenefID)), ""))
	f.Values.Set(funding.FieldAppBenefID, a.BeneficiaryID)
	failAll(f, a.ValidateDecision())
	var pay *funding.Payment
	if amount := formCents(f, funding.FieldPayAmount); amount != nil && f.OK() {
		p := funding.Payment{AmountCents: *amount}
		if y, ok := formWhole(f, funding.FieldPayYear, 2000, 2100, "Indiquez l'année du versement, entre 2000 et 2100."); ok {
			p.Year = y
		}
		failAll(f, a.ValidatePayment(p))
		pay = &p
	}
	if !f.OK() {
		s.renderApplication(w, r, ws, http.StatusUnprocessableEntity, sc, cur, applicationForm(cur), f)
		return
	}
	if len(cur.Payments) > 0 && a.Decision != funding.DecisionGranted {
		f.Fail(funding.FieldAppDecision, "Des versements sont enregistrés : la demande reste « Accordé ». Supprimez la demande pour l'annuler.")
		s.renderApplication(w, r, ws, http.StatusUnprocessableEntity, sc, cur, applicationForm(cur), f)
		return
	}
	if err := s.store.DecideApplication(r.Context(), actor(r), &a, pay); err != nil {
		if errors.Is(err, store.ErrConflict) {
			f.Top = "Quelqu'un a modifié cette demande entre-temps : rechargez la page pour la voir."
			s.renderApplication(w, r, ws, http.StatusConflict, sc, cur, applicationForm(cur), f)
			return
		}
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, applicationURL(ws, sc.ID, a.ID)+"?ok=decision")
}

func (s *Server) confirmDeleteApplication(w http.ResponseWriter, r *http.Request, ws *workspace) {
	_, a, ok := s.applicationFromPath(w, r, ws)
	if !ok {
		return
	}
	what := "La demande et sa décision seront supprimées ; le journal en garde la trace."
	if len(a.Payments) > 0 {
		what = "La demande, sa décision et ses " + strconv.Itoa(len(a.Payments)) + " versement(s) seront supprimés : ils ne compteront plus dans les dépenses ; le journal en garde la trace."
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "financements", diagConfirm{Heading: "Supprimer la demande « " + a.Title + " » ?", What: what,
		Action: applicationURL(ws, a.SchemeID, a.ID) + "/suppression", Cancel: applicationURL(ws, a.SchemeID, a.ID), Version: a.Version})
}

func (s *Server) deleteApplication(w http.ResponseWriter, r *http.Request, ws *workspace) {
	sc, a, ok := s.applicationFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	if err := s.store.DeleteApplication(r.Context(), actor(r), ws.Authority.ID, sc.ID, a.ID, formVersion(f)); err != nil {
		if errors.Is(err, store.ErrConflict) {
			redirect(w, r, applicationURL(ws, sc.ID, a.ID))
			return
		}
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, schemeURL(ws, sc.ID)+"?ok=supprime")
}

// orUnknown writes a value, or « non renseigné » when what it is made from is empty.
func orUnknown(text, raw string) string {
	if raw == "" {
		return frfmt.Unknown
	}
	return text
}

// goalList writes the ODD an application contributes to.
func goalList(goals []int) string {
	parts := make([]string, len(goals))
	for i, g := range goals {
		parts[i] = "ODD " + strconv.Itoa(g)
	}
	return strings.Join(parts, ", ")
}
