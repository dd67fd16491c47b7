package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/fielderr"
	"boussole/internal/number"
	"boussole/internal/refdata/country"
	"boussole/internal/store"
)

// partnershipReferrers name, in French, the records that refer to a partnership (objectives, projects), so
// that deleting it says what loses the link. Areas that link to partnerships append to it.
var partnershipReferrers []func(ctx context.Context, st *store.Store, authorityID, partnershipID int64) ([]string, error)

// partnershipsPerPage keeps the register's list readable; the filters narrow it further.
const partnershipsPerPage = 20

func knownCountry(code string) bool { _, ok := country.ByCode(code); return ok }

// partnershipFilter reads the list's filters from the query string.
func partnershipFilter(q url.Values) diagnostic.PartnershipFilter {
	return diagnostic.PartnershipFilter{
		Status: diagnostic.PartnershipStatus(strings.TrimSpace(q.Get("statut"))), Country: strings.TrimSpace(q.Get("pays")), Theme: strings.TrimSpace(q.Get("theme")),
	}
}

// filterQuery writes the filters back as a query string, for pager and export links.
func filterQuery(f diagnostic.PartnershipFilter) url.Values {
	q := url.Values{}
	if f.Status != "" {
		q.Set("statut", string(f.Status))
	}
	if f.Country != "" {
		q.Set("pays", f.Country)
	}
	if f.Theme != "" {
		q.Set("theme", f.Theme)
	}
	return q
}

// filteredPartnerships applies the domain's filter to the stored register.
func filteredPartnerships(all []diagnostic.PartnershipRecord, f diagnostic.PartnershipFilter) []diagnostic.PartnershipRecord {
	var out []diagnostic.PartnershipRecord
	for _, p := range all {
		if f.Match(p.Partnership) {
			out = append(out, p)
		}
	}
	return out
}

func partnershipDomain(list []diagnostic.PartnershipRecord) []diagnostic.Partnership {
	out := make([]diagnostic.Partnership, len(list))
	for i, p := range list {
		out[i] = p.Partnership
	}
	return out
}

// partnerRow is a row of the register's list, with the countries' French names.
type partnerRow struct {
	Rec         diagnostic.PartnershipRecord
	CountryName string
}

func partnerRows(list []diagnostic.PartnershipRecord) []partnerRow {
	out := make([]partnerRow, len(list))
	for i, p := range list {
		out[i] = partnerRow{Rec: p, CountryName: countryNames(p.Partnership.Countries)}
	}
	return out
}

// countryNames lists the French names of codes, « France, Allemagne, Suisse »; "" for none.
func countryNames(codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = country.Name(c)
	}
	return strings.Join(names, ", ")
}

// countryField is one of the register form's country selects: the first is « country », the next ones
// « country_2 »…, so a cross-border cooperation names all its countries without any script.
type countryField struct{ Name, Label string }

// minCountryFields is how many country selects the form shows at least: the Rhin supérieur has three.
const minCountryFields = 4

var countryOrdinals = []string{"Pays", "Deuxième pays", "Troisième pays", "Quatrième pays"}

// CountryFields returns the country selects of the form: as many as it holds values, plus one, and at
// least minCountryFields.
func (diagOpts) CountryFields(f *form) []countryField {
	n := minCountryFields
	for i := 2; i <= 30; i++ {
		if f.Get(countryFieldName(i)) != "" {
			n = max(n, i+1)
		}
	}
	out := make([]countryField, min(n, 30))
	for i := range out {
		label := "Pays n° " + strconv.Itoa(i+1)
		if i < len(countryOrdinals) {
			label = countryOrdinals[i]
		}
		out[i] = countryField{Name: countryFieldName(i + 1), Label: label}
	}
	return out
}

func countryFieldName(i int) string {
	if i == 1 {
		return "country"
	}
	return "country_" + strconv.Itoa(i)
}

// readCountries collects the chosen countries in order, skipping empty selects.
func readCountries(f *form) []string {
	var out []string
	for i := 1; i <= 30; i++ {
		if c := strings.ToUpper(f.Get(countryFieldName(i))); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func (s *Server) listPartnerships(w http.ResponseWriter, r *http.Request, ws *workspace) {
	all, err := s.store.Partnerships(r.Context(), ws.Authority.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	filter := partnershipFilter(r.URL.Query())
	matched := filteredPartnerships(all, filter)
	pages := max(1, (len(matched)+partnershipsPerPage-1)/partnershipsPerPage)
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	page = min(page, pages)
	from, to := (page-1)*partnershipsPerPage, min(page*partnershipsPerPage, len(matched))
	var countries []diagOption
	for _, c := range diagnostic.PartnerCountries(partnershipDomain(all)) {
		countries = append(countries, diagOption{Value: c, Label: country.Name(c)})
	}
	q := filterQuery(filter)
	pageLink := func(n int) string {
		v := filterQuery(filter)
		v.Set("page", strconv.Itoa(n))
		return ws.Prefix() + "/diagnostic/partenariats?" + v.Encode()
	}
	data := &partnershipsPage{
		Rows: partnerRows(matched[from:to]), Total: len(all), Matched: len(matched), Page: page, Pages: pages,
		Filter: filter, Statuses: statusOptions("Tous"), Countries: countries,
		Themes: diagnostic.PartnerThemes(partnershipDomain(all)), Query: q.Encode(),
	}
	if page > 1 {
		data.Prev = pageLink(page - 1)
	}
	if page < pages {
		data.Next = pageLink(page + 1)
	}
	s.diagPage(w, r, http.StatusOK, ws, "diagnostic", "Partenariats et conventions", nil, data)
}

// partnershipFields maps the domain's field names to the form's.
var partnershipFields = map[string]string{
	"startYear": "start_year", "yearlyBudget": "yearly_budget", "localActors": "local_actors",
	"agreement.signed": "agreement_signed", "agreement.end": "agreement_end", "agreement.deliberationRef": "deliberation_ref",
	"review.results": "review_results", "review.functioning": "review_functioning", "review.ourGain": "review_our_gain",
	"review.partnerGain": "review_partner_gain", "review.decision": "review_decision", "review.reason": "review_reason",
}

// readPartnershipFields reads the form and checks it with the domain's rules; flags are returned apart
// since they do not block saving.
func readPartnershipFields(f *form) (diagnostic.Partnership, fielderr.List) {
	p := diagnostic.Partnership{
		Partner: f.Get("partner"), Countries: readCountries(f), Kind: diagnostic.PartnershipKind(f.Get("kind")),
		Status: diagnostic.PartnershipStatus(f.Get("status")),
		Themes: diagLines(f.Get("themes")), Services: diagLines(f.Get("services")), LocalActors: diagLines(f.Get("local_actors")),
		Review: diagnostic.Review{Results: f.Get("review_results"), Functioning: f.Get("review_functioning"), OurGain: f.Get("review_our_gain"),
			PartnerGain: f.Get("review_partner_gain"), Decision: diagnostic.Decision(f.Get("review_decision")), Reason: f.Get("review_reason")},
	}
	p.Agreement.DeliberationRef = f.Get("deliberation_ref")
	if n, ok := formWhole(f, "start_year", 1, 9999, "Indiquez une année en chiffres, par exemple 2004."); ok {
		p.StartYear = n
	}
	p.Agreement.Signed = formPartialDate(f, "agreement_signed")
	p.Agreement.Start = formPartialDate(f, "agreement_start")
	p.Agreement.End = formPartialDate(f, "agreement_end")
	p.YearlyBudgetCents = formCents(f, "yearly_budget")
	errs, flags := p.Validate(knownCountry, time.Now())
	f.FailFields(errs, partnershipFields)
	return p, flags
}

func partnershipForm(p diagnostic.PartnershipRecord) *form {
	f := newForm(nil)
	d := p.Partnership
	for k, v := range map[string]string{
		"partner": d.Partner, "kind": string(d.Kind), "status": string(d.Status),
		"agreement_signed": d.Agreement.Signed.Input(), "agreement_start": d.Agreement.Start.Input(), "agreement_end": d.Agreement.End.Input(),
		"deliberation_ref": d.Agreement.DeliberationRef, "themes": strings.Join(d.Themes, "\n"), "services": strings.Join(d.Services, "\n"),
		"local_actors": strings.Join(d.LocalActors, "\n"), "yearly_budget": number.CentsField(d.YearlyBudgetCents),
		"review_results": d.Review.Results, "review_functioning": d.Review.Functioning, "review_our_gain": d.Review.OurGain,
		"review_partner_gain": d.Review.PartnerGain, "review_decision": string(d.Review.Decision), "review_reason": d.Review.Reason,
		"version": strconv.FormatInt(p.Version, 10),
	} {
		f.Values.Set(k, v)
	}
	if d.StartYear != 0 {
		f.Values.Set("start_year", strconv.Itoa(d.StartYear))
	}
	for i, c := range d.Countries {
		f.Values.Set(countryFieldName(i+1), c)
	}
	return f
}

func (s *Server) showNewPartnership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f := newForm(nil)
	f.Values.Set("status", string(diagnostic.StatusActive))
	s.diagPage(w, r, http.StatusOK, ws, "diagnostic", "Nouveau partenariat", f, &partnershipFormPage{})
}

func (s *Server) createPartnership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	f, up, readErr := parseUploadForm(w, r, documentField)
	if errors.Is(readErr, errFieldsTooLarge) {
		s.tooLarge(w, r, uploadFieldsLimit)
		return
	}
	p, flags := readPartnershipFields(f)
	doc := checkUpload(f, documentField, up, readErr)
	if !f.OK() {
		s.diagPage(w, r, http.StatusUnprocessableEntity, ws, "diagnostic", "Nouveau partenariat", f,
			&partnershipFormPage{Flags: flags, FileLost: up != nil})
		return
	}
	rec := diagnostic.PartnershipRecord{AuthorityID: ws.Authority.ID, Partnership: p}
	if s.diagStoreError(w, r, s.store.CreatePartnershipWithDocument(r.Context(), actor(r), &rec, doc)) {
		return
	}
	s.afterPartnershipSave(w, r, ws, rec, flags)
}

// afterPartnershipSave goes back to the list, or to the form when the domain flagged something unusual,
// so the officer sees the warning right away.
func (s *Server) afterPartnershipSave(w http.ResponseWriter, r *http.Request, ws *workspace, rec diagnostic.PartnershipRecord, flags fielderr.List) {
	if len(flags) > 0 {
		redirect(w, r, ws.Prefix()+"/diagnostic/partenariats/"+strconv.FormatInt(rec.ID, 10)+"?ok=enregistre")
		return
	}
	redirect(w, r, ws.Prefix()+"/diagnostic/partenariats?ok=enregistre")
}

func (s *Server) partnershipFromPath(w http.ResponseWriter, r *http.Request, ws *workspace) (diagnostic.PartnershipRecord, bool) {
	id, ok := pathID(r, "partner")
	if !ok {
		s.notFound(w, r)
		return diagnostic.PartnershipRecord{}, false
	}
	p, err := s.store.Partnership(r.Context(), ws.Authority.ID, id)
	if s.diagStoreError(w, r, err) {
		return p, false
	}
	return p, true
}

func (s *Server) showEditPartnership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, ok := s.partnershipFromPath(w, r, ws)
	if !ok {
		return
	}
	_, flags := p.Partnership.Validate(knownCountry, time.Now())
	s.diagPage(w, r, http.StatusOK, ws, "diagnostic", "Modifier le partenariat", partnershipForm(p),
		&partnershipFormPage{Partnership: &p, Flags: flags, Document: s.partnershipDocument(r, ws, p)})
}

func (s *Server) updatePartnership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	stored, ok := s.partnershipFromPath(w, r, ws)
	if !ok {
		return
	}
	f, up, readErr := parseUploadForm(w, r, documentField)
	if errors.Is(readErr, errFieldsTooLarge) {
		s.tooLarge(w, r, uploadFieldsLimit)
		return
	}
	p, flags := readPartnershipFields(f)
	doc := checkUpload(f, documentField, up, readErr)
	rec := stored
	rec.Partnership, rec.Version = p, diagVersion(f)
	data := &partnershipFormPage{Partnership: &stored, Flags: flags, Document: s.partnershipDocument(r, ws, stored), FileLost: up != nil}
	status := http.StatusUnprocessableEntity
	if f.OK() {
		err := s.store.UpdatePartnershipWithDocument(r.Context(), actor(r), &rec, doc)
		if err == nil {
			s.afterPartnershipSave(w, r, ws, rec, flags)
			return
		}
		if !errors.Is(err, store.ErrConflict) {
			s.diagStoreError(w, r, err)
			return
		}
		theirs, ok := s.partnershipFromPath(w, r, ws)
		if !ok {
			return
		}
		data.Document = s.partnershipDocument(r, ws, theirs)
		status, f.Top = http.StatusConflict, conflictMessage
		f.Values.Set("version", strconv.FormatInt(theirs.Version, 10))
		data.Theirs = &theirs
	}
	s.diagPage(w, r, status, ws, "diagnostic", "Modifier le partenariat", f, data)
}

func (s *Server) partnershipConfirm(r *http.Request, ws *workspace, p diagnostic.PartnershipRecord) (diagConfirm, error) {
	id := strconv.FormatInt(p.ID, 10)
	where := p.Partnership.Kind.Label()
	if names := countryNames(p.Partnership.Countries); names != "" {
		where = names + ", " + where
	}
	c := diagConfirm{
		Heading: "Supprimer le partenariat avec " + p.Partnership.Partner + " ?",
		What:    "Le partenariat avec " + p.Partnership.Partner + " (" + where + ") sera retiré du registre, avec sa convention et sa revue critique.",
		Action:  s.partnershipURL(ws, id) + "/suppression", Cancel: ws.Prefix() + "/diagnostic/partenariats", Version: p.Version,
	}
	for _, refs := range partnershipReferrers {
		names, err := refs(r.Context(), s.store, ws.Authority.ID, p.ID)
		if err != nil {
			return c, err
		}
		c.Refs = append(c.Refs, names...)
	}
	return c, nil
}

func (s *Server) partnershipURL(ws *workspace, id string) string {
	return ws.Prefix() + "/diagnostic/partenariats/" + id
}

func (s *Server) confirmDeletePartnership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, ok := s.partnershipFromPath(w, r, ws)
	if !ok {
		return
	}
	c, err := s.partnershipConfirm(r, ws, p)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderConfirm(w, r, http.StatusOK, ws, "diagnostic", c)
}

func (s *Server) deletePartnership(w http.ResponseWriter, r *http.Request, ws *workspace) {
	p, ok := s.partnershipFromPath(w, r, ws)
	if !ok {
		return
	}
	f := parseForm(w, r)
	err := s.store.DeletePartnership(r.Context(), actor(r), ws.Authority.ID, p.ID, diagVersion(f))
	if errors.Is(err, store.ErrConflict) {
		c, err := s.partnershipConfirm(r, ws, p)
		if err != nil {
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
	redirect(w, r, ws.Prefix()+"/diagnostic/partenariats?ok=supprime")
}
