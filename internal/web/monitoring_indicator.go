package web

import (
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"boussole/internal/access"
	"boussole/internal/frfmt"
	"boussole/internal/logframe"
	"boussole/internal/monitoring"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/store"
)

// measurementsPage is an indicator's monitoring page: its periods with their measurements, the entry form, the
// progress and status with their rule, and who keeps it up to date.
type measurementsPage struct {
	Line          indicatorLine
	Indicator     logframe.IndicatorRecord
	Baseline      string
	Targets       []string
	Rows          []periodRow
	Spark         template.HTML
	Progress      string
	Expected      string
	ExpectedToday string
	StatusRule    string
	DueRule       string
	HasPeriods    bool
	MayRecord     bool
	MayValidate   bool
	Editing       string // the period whose measurement the form changes, "" for a new one
	Locked        bool   // that period is locked: the form asks for a reason
	Internal      bool   // the viewer reads comments, reasons and who entered what
	OwnerForm     *form
	Members       []memberOption
	FrameworkHref string
	Upcoming      int    // periods not started yet, not listed
	NextPeriod    string // the first of them
	LastPeriod    string // the last of them
}

// periodRow is one period of the measurements table.
type periodRow struct {
	Key, Label    string
	Value         string
	When          string
	Source        string
	Comment       string
	Evidence      string
	EvidenceLink  string
	By            string
	Review        string
	Reason        string
	Known         bool
	Locked        bool
	Current       bool
	Due           string
	Overdue       bool
	Progress      string
	EditHref      string
	ID, Version   int64
	Steps         []reviewStep
	HasMeasurment bool
}

// reviewStep is one button of a measurement's review.
type reviewStep struct {
	Step  monitoring.Step
	Label string
}

// memberOption is a member who may keep an indicator up to date.
type memberOption struct {
	ID    int64
	Label string
}

func (s *Server) showMonitoredIndicator(w http.ResponseWriter, r *http.Request, ws *workspace) {
	b, a, in, ok := s.loadIndicatorBoard(w, r, ws)
	if !ok {
		return
	}
	f := measurementForm(a, r.URL.Query().Get("periode"), b.Today)
	s.renderMonitoredIndicator(w, r, ws, b, a, in, f, nil, http.StatusOK)
}

// measurementForm fills the entry form: the measurement of the period asked for, else a new one dated at
// the end of the latest period still awaiting its value.
func measurementForm(a monitoring.Assessment, period string, today time.Time) *form {
	f := newForm(nil)
	set := f.Values.Set
	for _, row := range a.Rows {
		if row.Period.Key != period {
			continue
		}
		if m := row.Measurement; m != nil {
			set("periode", m.Period)
			set("version", strconv.FormatInt(m.Version, 10))
			set("mesure_valeur", decimalField(m.Value))
			set("texte", m.Text)
			set("date", partialdate.FromTime(m.MeasuredOn).Input())
			set("source", m.Source)
			set("commentaire", m.Comment)
			set("preuve", m.Evidence)
			return f
		}
		set("date", partialdate.FromTime(minDay(row.Period.End, today)).Input())
		return f
	}
	for i := len(a.Rows) - 1; i >= 0; i-- {
		if a.Rows[i].Due != monitoring.NotDue {
			set("date", partialdate.FromTime(a.Rows[i].Period.End).Input())
			break
		}
	}
	return f
}

func minDay(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func (s *Server) renderMonitoredIndicator(w http.ResponseWriter, r *http.Request, ws *workspace, b *board, a monitoring.Assessment, in logframe.IndicatorRecord,
	f, owner *form, status int) {
	u := currentUser(r)
	p := measurementsPage{Line: b.line(ws, a, in), Indicator: in, Spark: b.spark(a, in, "tendance", 480, 120), StatusRule: monitoring.StatusRule,
		DueRule: monitoring.DueRule, HasPeriods: a.HasPeriods(), MayRecord: b.mayRecord(ws, in, u), MayValidate: access.Can(ws.Role, access.ValidateMeasurement),
		Internal: access.Can(ws.Role, access.ViewInternal), Progress: frfmt.Unknown, Expected: frfmt.Unknown, ExpectedToday: frfmt.Unknown,
		FrameworkHref: ws.Prefix() + "/cadre-logique/indicateurs/" + strconv.FormatInt(in.ID, 10), Baseline: frfmt.Unknown}
	if bl := in.Baseline; bl != nil && (bl.Value != nil || bl.Text != "") {
		p.Baseline = bl.Text
		if bl.Value != nil {
			p.Baseline = bl.Value.French() + unitSuffix(in.Unit)
		}
		if !bl.Date.IsZero() {
			p.Baseline += " (" + bl.Date.String() + ")"
		}
	}
	for _, t := range in.Targets {
		v := t.Text
		if t.Value != nil {
			v = t.Value.French() + unitSuffix(in.Unit)
		}
		if v == "" {
			v = frfmt.Unknown
		}
		p.Targets = append(p.Targets, v+" "+t.Date.Prefixed())
	}
	if a.Progress != nil {
		p.Progress, p.Expected = progressPercent(*a.Progress), progressPercent(*a.Expected)
	}
	if a.ExpectedToday != nil {
		p.ExpectedToday = progressPercent(*a.ExpectedToday)
	}
	base := p.Line.Href
	for _, row := range a.Rows {
		if row.Measurement == nil && row.Period.Start.After(b.Today) {
			// The periods to come are counted, not listed: a monthly indicator has 84 of them.
			if p.Upcoming == 0 {
				p.NextPeriod = row.Period.Label
			}
			p.Upcoming++
			p.LastPeriod = row.Period.Label
			continue
		}
		pr := periodRow{Key: row.Period.Key, Label: row.Period.Label, Current: row.Current, Due: row.Due.Label(), Overdue: row.Due == monitoring.Overdue,
			Value: frfmt.Unknown, Progress: frfmt.Unknown, EditHref: base + "?periode=" + row.Period.Key + "#saisie"}
		if row.Progress != nil {
			pr.Progress = progressPercent(*row.Progress)
		}
		if m := row.Measurement; m != nil {
			pr.HasMeasurment, pr.Known = true, m.KnownFor(in.Indicator)
			pr.Value, pr.When, pr.Source, pr.Review, pr.Locked = valueText(*m, in), frfmt.Date(m.MeasuredOn), m.Source, m.Review.Label(), m.Locked
			pr.ID, pr.Version = m.ID, m.Version
			if m.Value != nil && m.Text != "" {
				pr.Value += " — " + m.Text
			}
			pr.Evidence = m.Evidence
			pr.EvidenceLink, _ = monitoring.EvidenceLink(m.Evidence)
			if p.Internal {
				pr.Comment, pr.Reason, pr.By = m.Comment, m.Reason, m.EnteredName
			}
			pr.Steps = reviewSteps(*m, p.MayRecord, p.MayValidate)
			if f.Get("periode") == m.Period {
				p.Editing, p.Locked = row.Period.Label, m.Locked
			}
		}
		p.Rows = append(p.Rows, pr)
	}
	if p.MayValidate {
		if owner == nil {
			owner = ownerForm(b.Owners[in.ID])
		}
		p.OwnerForm = owner
		for _, m := range b.Members {
			if access.Can(m.Role, access.RecordMeasurement) {
				p.Members = append(p.Members, memberOption{m.User.ID, m.User.Name + " (" + m.Role.Label() + ")"})
			}
		}
		sortOptions(p.Members)
	}
	v := view{Title: "Suivi : " + in.Title, WS: ws, Section: monitoringSection, Form: f}
	s.renderComponent(w, r, status, v, monitoringIndicatorContent(v, p))
}

func unitSuffix(unit string) string {
	if unit == "" {
		return ""
	}
	return " " + unit
}

// reviewSteps are the review buttons the viewer may press on a measurement.
func reviewSteps(m monitoring.Measurement, mayRecord, mayValidate bool) []reviewStep {
	var out []reviewStep
	switch {
	case m.Locked:
	case m.Review == monitoring.ReviewEntered:
		if mayRecord {
			out = append(out, reviewStep{monitoring.StepSubmit, "Soumettre à validation"})
		}
		if mayValidate {
			out = append(out, reviewStep{monitoring.StepValidate, "Valider"})
		}
	case m.Review == monitoring.ReviewSubmitted && mayValidate:
		out = append(out, reviewStep{monitoring.StepValidate, "Valider"}, reviewStep{monitoring.StepReopen, "Renvoyer en saisie"})
	case m.Review == monitoring.ReviewValidated && mayValidate:
		out = append(out, reviewStep{monitoring.StepLock, "Verrouiller la période"}, reviewStep{monitoring.StepReopen, "Rouvrir"})
	}
	return out
}

// saveMeasurement records the value of an indicator for the period its date falls in.
func (s *Server) saveMeasurement(w http.ResponseWriter, r *http.Request, ws *workspace) {
	b, a, in, ok := s.loadIndicatorBoard(w, r, ws)
	if !ok {
		return
	}
	u := currentUser(r)
	if !b.mayRecord(ws, in, u) {
		s.errorPage(w, r, http.StatusForbidden, "Vous ne tenez pas cet indicateur à jour : seuls la personne qui en est responsable, les agents et les administrateurs en saisissent les mesures.")
		return
	}
	f := parseForm(w, r)
	m, ok := readMeasurement(f, a, in, b)
	if !ok {
		s.renderMonitoredIndicator(w, r, ws, b, a, in, f, nil, http.StatusUnprocessableEntity)
		return
	}
	err := s.store.SaveMeasurement(r.Context(), actor(r), &m, access.Can(ws.Role, access.ValidateMeasurement))
	var fe monitoring.Errors
	switch {
	case err == nil:
		redirect(w, r, ws.Prefix()+"/suivi-evaluation/indicateurs/"+strconv.FormatInt(in.ID, 10)+"?periode="+m.Period+"&ok=mesure#saisie")
	case errors.As(err, &fe):
		for _, e := range fe {
			f.Fail(measurementField(e.Field), e.Message)
		}
		s.renderMonitoredIndicator(w, r, ws, b, a, in, f, nil, http.StatusUnprocessableEntity)
	case errors.Is(err, store.ErrConflict):
		f.Top = "Quelqu'un a enregistré une mesure pour cette période pendant votre saisie : rien n'a été enregistré. La mesure enregistrée figure dans le tableau ; votre saisie est gardée ci-dessous, vérifiez-la puis enregistrez de nouveau depuis la ligne de la période."
		f.Values.Set("version", "")
		s.renderMonitoredIndicator(w, r, ws, b, a, in, f, nil, http.StatusConflict)
	default:
		s.storeFailed(w, r, err)
	}
}

// measurementField maps the domain's field names to the form's.
func measurementField(field string) string {
	if field == "valeur" {
		return "mesure_valeur"
	}
	return field
}

// readMeasurement reads the entry form. The period is the one the date falls in; when the form was opened
// on another period's measurement and that period already has one, the date is refused rather than
// changing the other period's value unseen.
func readMeasurement(f *form, a monitoring.Assessment, in logframe.IndicatorRecord, b *board) (monitoring.Measurement, bool) {
	m := monitoring.Measurement{AuthorityID: in.AuthorityID, IndicatorID: in.ID}
	m.Value = formDecimal(f, "mesure_valeur", number.Indicator)
	m.Text, m.Source, m.Comment = cleanText(f, "texte"), cleanLine(f, "source"), cleanText(f, "commentaire")
	m.Evidence, m.Reason = cleanLine(f, "preuve"), cleanText(f, "motif")
	m.Version = formVersion(f)
	d := formPartialDate(f, "date")
	if f.Err("date") == "" && d.IsZero() {
		f.Fail("date", "Indiquez la date à laquelle la valeur a été constatée, par exemple 31/12/2027.")
	}
	if !f.OK() {
		return m, false
	}
	m.MeasuredOn = d.Last()
	p, found := monitoring.At(monitoring.Periods(in.Periodicity, b.Term), m.MeasuredOn)
	if !found {
		f.Fail("date", "Cette date tombe hors des périodes de l'indicateur (mandature "+b.F.Strategy.Term()+", périodicité « "+in.Periodicity+" ») : aucune valeur n'y est attendue.")
		return m, false
	}
	if opened := f.Get("periode"); opened != p.Key {
		for _, row := range a.Rows {
			if row.Period.Key == p.Key && row.Measurement != nil {
				f.Fail("date", "Cette date tombe dans la période « "+p.Label+" », qui a déjà sa mesure : modifiez-la depuis la ligne de cette période dans le tableau.")
				return m, false
			}
		}
		m.Version = 0 // a new measurement of the period the date falls in
	}
	m.Period, m.PeriodStart, m.PeriodEnd = p.Key, p.Start, p.End
	for _, e := range monitoring.Validate(m, in.Indicator, p) {
		f.Fail(measurementField(e.Field), e.Message)
	}
	return m, f.OK()
}
