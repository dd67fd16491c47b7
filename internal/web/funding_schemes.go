package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"

	"boussole/internal/frfmt"
	"boussole/internal/funding"
	"boussole/internal/number"
	"boussole/internal/opendata"
	"boussole/internal/refdata/sdg"
	"boussole/internal/stakeholder"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// The journal's labels for the support schemes and their applications.
func init() {
	auditLabels["dispositif de soutien"] = map[string]auditField{"MaxRatePercent": lblf("Taux maximal", auditPercent), "CapCents": lblf("Plafond par projet", auditCents),
		"EnvelopeCents": lblf("Enveloppe annuelle", auditCents), "MaxSalaryPercent": lblf("Part maximale des salaires", auditPercent),
		"Applicants": lbl("Demandeurs éligibles"), "Countries": lbl("Pays éligibles"), "SDGs": lbl("Condition ODD")}
	auditLabels["demande de soutien"] = map[string]auditField{"SchemeID": lbl("Dispositif"), "StakeholderID": lbl("Acteur de la cartographie"),
		"Applicant": lbl("Demandeur"), "ApplicantKind": lblc("Catégorie du demandeur", codeLabel(stakeholder.Kind.Label)), "Year": lblf("Année", auditYear),
		"Country": lblc("Pays", countryName), "Theme": lblc("Thème", codeLabel(funding.Theme.Label)), "CostCents": lblf("Coût du projet", auditCents),
		"AskedCents": lblf("Montant demandé", auditCents), "SalaryPercent": lblf("Part des salaires", auditPercent), "SDGs": lbl("ODD"),
		"Decision": lblc("Décision", codeLabel(funding.Decision.Label)), "GrantedCents": lblf("Montant accordé", auditCents), "Payments": lbl("Versements"),
		"DecidedOn": lbl("Date de la décision"), "DecisionRef": lbl("Référence de la décision"), "BeneficiaryID": lbl("SIRET ou RNA du bénéficiaire"),
		"Payments.ApplicationID": lbl("Demande"), "Payments.Year": lblf("Année du versement", auditYear), "Payments.AmountCents": lblf("Montant versé", auditCents)}
}

func init() {
	fundingNotices["dispositif"] = "Le dispositif a été créé : ajoutez-y les demandes reçues."
	fundingNotices["demande"] = "La demande a été enregistrée et vérifiée au regard des règles du dispositif."
	fundingNotices["decision"] = "La décision a été enregistrée."
}

func schemesURL(ws *workspace) string { return ws.Prefix() + "/financements/dispositifs" }

func schemeURL(ws *workspace, id int64) string {
	return schemesURL(ws) + "/" + strconv.FormatInt(id, 10)
}

func applicationURL(ws *workspace, schemeID, id int64) string {
	return schemeURL(ws, schemeID) + "/demandes/" + strconv.FormatInt(id, 10)
}

// schemeOpts are the choice lists of the scheme and application forms.
type schemeOpts struct {
	diagOpts
	Kinds, Themes, SDGs, Decisions []diagOption
	ThemeChoice                    []diagOption // one theme, or none
	Applicants                     []diagOption // the actors of the map
}

func newSchemeOpts(actors []stakeholder.Record) schemeOpts {
	o := schemeOpts{Themes: themeOptions()}
	for _, k := range stakeholder.Kinds() {
		if !k.Internal() {
			o.Kinds = append(o.Kinds, diagOption{Value: string(k), Label: k.Plural()})
		}
	}
	o.ThemeChoice = append([]diagOption{{Value: "", Label: "— Choisir un thème —"}}, o.Themes...)
	for _, g := range sdg.Goals() {
		o.SDGs = append(o.SDGs, diagOption{Value: strconv.Itoa(g.Number), Label: strconv.Itoa(g.Number) + ". " + g.Short})
	}
	for _, d := range funding.Decisions {
		o.Decisions = append(o.Decisions, diagOption{Value: string(d), Label: d.Label()})
	}
	o.Applicants = []diagOption{{Value: "", Label: "— Choisir l'acteur qui demande —"}}
	for _, a := range actors {
		if !a.Kind.Internal() {
			o.Applicants = append(o.Applicants, diagOption{Value: strconv.FormatInt(a.ID, 10), Label: a.Name + " (" + a.Kind.Label() + ")"})
		}
	}
	return o
}

// formPercent reads an optional whole percentage.
func formPercent(f *form, name string) *int64 {
	n, ok := formWhole(f, name, 0, 100, "Un pourcentage se compte de 0 à 100, sans décimale.")
	if !ok {
		return nil
	}
	v := int64(n)
	return &v
}

func formGoals(f *form, name string) []int {
	var out []int
	for _, v := range f.Values[name] {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = -1
		}
		out = append(out, n)
	}
	return out
}

func percentField(p *int64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatInt(*p, 10)
}

func failAll(f *form, errs funding.Errors) {
	for _, e := range errs {
		if f.Err(e.Field) == "" { // a number the parser refused keeps its own message
			f.Fail(e.Field, e.Message)
		}
	}
}

func readScheme(f *form) funding.Scheme {
	s := funding.Scheme{Name: cleanLine(f, funding.FieldSchemeName), Description: cleanText(f, funding.FieldSchemeDesc),
		MaxRatePercent: formPercent(f, funding.FieldSchemeRate), CapCents: formCents(f, funding.FieldSchemeCap), EnvelopeCents: formCents(f, funding.FieldSchemeEnvelope),
		MaxSalaryPercent: formPercent(f, funding.FieldSchemeSalary), Countries: readCountries(f), SDGs: formGoals(f, funding.FieldSchemeSDGs), Version: formVersion(f)}
	for _, k := range f.Values[funding.FieldSchemeApplicant] {
		s.Applicants = append(s.Applicants, stakeholder.Kind(k))
	}
	for _, t := range f.Values[funding.FieldSchemeThemes] {
		s.Themes = append(s.Themes, funding.Theme(t))
	}
	s.Countries = slices.Compact(s.Countries)
	failAll(f, s.Validate(knownCountry))
	return s
}

func schemeForm(s funding.Scheme) *form {
	f := newForm(nil)
	v := f.Values
	v.Set(funding.FieldSchemeName, s.Name)
	v.Set(funding.FieldSchemeDesc, s.Description)
	v.Set(funding.FieldSchemeRate, percentField(s.MaxRatePercent))
	v.Set(funding.FieldSchemeCap, number.CentsField(s.CapCents))
	v.Set(funding.FieldSchemeEnvelope, number.CentsField(s.EnvelopeCents))
	v.Set(funding.FieldSchemeSalary, percentField(s.MaxSalaryPercent))
	for _, k := range s.Applicants {
		v.Add(funding.FieldSchemeApplicant, string(k))
	}
	for i, c := range s.Countries {
		v.Set(countryFieldName(i+1), c)
	}
	for _, t := range s.Themes {
		v.Add(funding.FieldSchemeThemes, string(t))
	}
	for _, g := range s.SDGs {
		v.Add(funding.FieldSchemeSDGs, strconv.Itoa(g))
	}
	v.Set("version", strconv.FormatInt(s.Version, 10))
	return f
}

// schemeRow is a scheme in the list, with its applications' figures.
type schemeRow struct {
	funding.Scheme
	URL          string
	Applications int
}

type schemesPage struct {
	May  fundingMay
	Rows []schemeRow
	Opt  schemeOpts
}

func (s *Server) listSchemes(w http.ResponseWriter, r *http.Request, ws *workspace) {
	s.renderSchemes(w, r, ws, http.StatusOK, newForm(nil))
}

func (s *Server) renderSchemes(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form) {
	ctx := r.Context()
	list, err := s.store.Schemes(ctx, ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := schemesPage{May: mayFund(ws), Opt: newSchemeOpts(nil)}
	for _, sc := range list {
		apps, err := s.store.Applications(ctx, ws.Authority.ID, sc.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		d.Rows = append(d.Rows, schemeRow{Scheme: sc, URL: schemeURL(ws, sc.ID), Applications: len(apps)})
	}
	v := view{Title: "Dispositifs de soutien de la collectivité", WS: ws, Section: "financements", Form: f, Notice: fundingNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, schemesContent(v, d))
}

func (s *Server) createScheme(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := parseForm(w, r)
	sc := readScheme(f)
	if !f.OK() {
		s.renderSchemes(w, r, ws, http.StatusUnprocessableEntity, f)
		return
	}
	sc.AuthorityID = ws.Authority.ID
	if err := s.store.SaveScheme(r.Context(), actor(r), &sc); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, schemeURL(ws, sc.ID)+"?ok=dispositif")
}

// appRow is an application on its scheme's page, with its review.
type appRow struct {
	funding.Application
	URL    string
	Review funding.SchemeReview
}

// spendingYear sets, for one year, what the schemes paid beside what the strategy's projects paid from
// the authority's own budget: both are the authority's money spent on its international action.
type spendingYear struct {
	Year                  int
	Scheme, Schemes, Own  int64
	OwnKnown, SchemeKnown bool
}

type schemePage struct {
	May       fundingMay
	Scheme    funding.Scheme
	URL       string
	Rules     []ruleRow
	Apps      []appRow
	Years     []funding.EnvelopeYear
	Spending  []spendingYear
	Strategy  string // the viewed strategy's title, "" when there is none
	Opt       schemeOpts
	HasActors bool
	// Unpublishable counts the granted applications the national publication (SCDL) cannot carry yet.
	Unpublishable int
	List          appList // the filters and the page of the applications shown
}

// ruleRow is one rule of a scheme as its page shows it: set, or not set and therefore not checked.
type ruleRow struct{ Label, Value string }

func schemeRules(sc funding.Scheme) []ruleRow {
	unset := "non fixé : non vérifié"
	pctOr := func(p *int64) string {
		if p == nil {
			return unset
		}
		return strconv.FormatInt(*p, 10) + " %"
	}
	eurOr := func(c *int64) string {
		if c == nil {
			return unset
		}
		return frfmt.Euros(*c)
	}
	listOr := func(xs []string, none string) string {
		if len(xs) == 0 {
			return none
		}
		return joinFrench(xs)
	}
	var kinds, themes, goals []string
	for _, k := range sc.Applicants {
		kinds = append(kinds, k.Plural())
	}
	for _, t := range sc.Themes {
		themes = append(themes, t.Label())
	}
	for _, g := range sc.SDGs {
		goals = append(goals, "ODD "+strconv.Itoa(g))
	}
	return []ruleRow{
		{"Taux maximal (part du coût éligible)", pctOr(sc.MaxRatePercent)},
		{"Plafond par projet", eurOr(sc.CapCents)},
		{"Enveloppe annuelle", eurOr(sc.EnvelopeCents)},
		{"Part maximale des salaires (au-delà : coût inéligible)", pctOr(sc.MaxSalaryPercent)},
		{"Demandeurs éligibles", listOr(kinds, unset)},
		{"Pays éligibles", listOr(countryNamesList(sc.Countries), "tous les pays")},
		{"Thèmes", listOr(themes, "tous les thèmes")},
		{"Condition ODD (au moins un)", listOr(goals, "aucune condition")},
	}
}

func countryNamesList(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = countryName(c)
	}
	return out
}

func joinFrench(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

func (s *Server) schemeFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (funding.Scheme, bool) {
	id, ok := pathID(r, "scheme")
	if !ok {
		s.notFound(w, r)
		return funding.Scheme{}, false
	}
	sc, err := s.store.Scheme(r.Context(), ws.Authority.ID, id)
	if err != nil {
		s.storeFailed(w, r, err)
		return sc, false
	}
	return sc, true
}

func (s *Server) showScheme(w http.ResponseWriter, r *http.Request, ws *workspace) {
	sc, ok := s.schemeFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderScheme(w, r, ws, http.StatusOK, sc, newForm(nil))
}

// showEditScheme is the form of the scheme's rules, on a page of its own.
func (s *Server) showEditScheme(w http.ResponseWriter, r *http.Request, ws *workspace) {
	sc, ok := s.schemeFromPath(w, r, ws)
	if !ok {
		return
	}
	s.renderEditScheme(w, r, ws, http.StatusOK, sc, schemeForm(sc))
}

func (s *Server) renderEditScheme(w http.ResponseWriter, r *http.Request, ws *workspace, status int, sc funding.Scheme, f *form) {
	d := schemePage{May: mayFund(ws), Scheme: sc, URL: schemeURL(ws, sc.ID), Opt: newSchemeOpts(nil)}
	v := view{Title: "Règles du dispositif " + sc.Name, WS: ws, Section: "financements", Form: f}
	s.renderComponent(w, r, status, v, schemeEditContent(v, d))
}

func (s *Server) renderScheme(w http.ResponseWriter, r *http.Request, ws *workspace, status int, sc funding.Scheme, appForm *form) {
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
	d := schemePage{May: mayFund(ws), Scheme: sc, URL: schemeURL(ws, sc.ID), Rules: schemeRules(sc), Years: funding.EnvelopeYears(sc, apps),
		Opt: newSchemeOpts(actors)}
	d.HasActors = len(d.Opt.Applicants) > 1
	_, d.Unpublishable = opendata.GrantsOf([]funding.Scheme{sc}, map[int64][]funding.Application{sc.ID: apps})
	d.List = readAppListQuery(r, apps)
	shown := d.List.page(apps)
	for _, a := range shown {
		d.Apps = append(d.Apps, appRow{Application: a, URL: applicationURL(ws, sc.ID, a.ID), Review: funding.ReviewApplication(sc, a, apps)})
	}
	d.List.links(d.URL)
	if d.Spending, d.Strategy, err = s.schemeSpending(r, ws, apps); err != nil {
		s.serverError(w, r, err)
		return
	}
	v := view{Title: sc.Name, WS: ws, Section: "financements", Form: appForm, Notice: fundingNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, status, v, schemeContent(v, d))
}

// schemeSpending sets the scheme's payments by year beside every scheme's and the own-budget lines the
// viewed strategy's projects paid.
func (s *Server) schemeSpending(r *http.Request, ws *workspace, apps []funding.Application) ([]spendingYear, string, error) {
	ctx := r.Context()
	all, err := s.store.SchemePayments(ctx, ws.Authority.ID)
	if err != nil {
		return nil, "", err
	}
	by := map[int]*spendingYear{}
	get := func(y int) *spendingYear {
		if by[y] == nil {
			by[y] = &spendingYear{Year: y}
		}
		return by[y]
	}
	for _, a := range apps {
		for _, p := range a.Payments {
			y := get(p.Year)
			y.Scheme += p.AmountCents
			y.SchemeKnown = true
		}
	}
	for y, c := range all {
		get(y).Schemes = c
	}
	title := ""
	st, _, ok, err := s.viewedStrategy(r, ws)
	if err != nil {
		return nil, "", err
	}
	if ok {
		title = st.Title
		whole, err := s.store.ReadStrategy(ctx, ws.Authority.ID, st.ID, strategy.PartFunding)
		if err != nil {
			return nil, "", err
		}
		for _, p := range whole.Funding.Projects {
			for _, l := range p.Lines {
				if l.Source == funding.SourceOwn && l.Status == funding.LinePaid && l.Year != 0 {
					y := get(l.Year)
					y.Own += l.AmountCents
					y.OwnKnown = true
				}
			}
		}
	}
	var out []spendingYear
	for _, y := range by {
		out = append(out, *y)
	}
	slices.SortFunc(out, func(a, b spendingYear) int { return a.Year - b.Year })
	return out, title, nil
}

func (s *Server) updateScheme(w http.ResponseWriter, r *http.Request, ws *workspace) {
	cur, ok := s.schemeFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	sc := readScheme(f)
	if !f.OK() {
		s.renderEditScheme(w, r, ws, http.StatusUnprocessableEntity, cur, f)
		return
	}
	sc.ID, sc.AuthorityID = cur.ID, ws.Authority.ID
	if err := s.store.SaveScheme(r.Context(), actor(r), &sc); err != nil {
		if errors.Is(err, store.ErrConflict) {
			f.Top = "Quelqu'un a modifié ce dispositif entre-temps : rechargez la page pour voir ses règles actuelles."
			s.renderEditScheme(w, r, ws, http.StatusConflict, cur, f)
			return
		}
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, schemeURL(ws, sc.ID)+"?ok=enregistre")
}

func (s *Server) confirmDeleteScheme(w http.ResponseWriter, r *http.Request, ws *workspace) {
	sc, ok := s.schemeFromPath(w, r, ws)
	if !ok {
		return
	}
	apps, err := s.store.Applications(r.Context(), ws.Authority.ID, sc.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "financements", diagConfirm{Heading: "Supprimer le dispositif « " + sc.Name + " » ?",
		What:   "Le dispositif, ses " + strconv.Itoa(len(apps)) + " demande(s), leurs décisions et leurs versements seront supprimés ; le journal en garde la trace.",
		Action: schemeURL(ws, sc.ID) + "/suppression", Cancel: schemeURL(ws, sc.ID), Version: sc.Version})
}

func (s *Server) deleteScheme(w http.ResponseWriter, r *http.Request, ws *workspace) {
	sc, ok := s.schemeFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	if err := s.store.DeleteScheme(r.Context(), actor(r), ws.Authority.ID, sc.ID, formVersion(f)); err != nil {
		if errors.Is(err, store.ErrConflict) {
			redirect(w, r, schemeURL(ws, sc.ID))
			return
		}
		s.storeFailed(w, r, err)
		return
	}
	redirect(w, r, schemesURL(ws)+"?ok=supprime")
}

// percentOrUnset writes a scheme's rate for the list: a rule not set is said to be so.
func percentOrUnset(p *int64) string {
	if p == nil {
		return "non fixé"
	}
	return strconv.FormatInt(*p, 10) + " %"
}

// eurosOrUnset writes a scheme's amount for the list: a rule not set is said to be so.
func eurosOrUnset(c *int64) string {
	if c == nil {
		return "non fixé"
	}
	return frfmt.Euros(*c)
}
