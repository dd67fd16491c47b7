package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"boussole/internal/access"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/monitoring"
	"boussole/internal/strategy"
)

// The measurements of an indicator, read and recorded through the API as on the indicator's page: the
// value goes to the period its date falls in, the same checks run (readMeasurement, monitoring.Validate),
// and only those who may record it on the page may record it here. A period's measurement is changed with
// If-Match carrying its version; without it, a period that already has one is refused.

func (s *Server) apiMeasurementRoutes() []apiRoute {
	return []apiRoute{
		{Method: "GET", Path: "/indicators/{indicator}/measurements", Action: access.ViewWorkspace, ID: "listMeasurements",
			Summary: "Les périodes d'un indicateur et leur mesure : valeur, source, état de la relecture",
			Handler: s.apiListMeasurements, Response: []apiPeriod{}},
		{Method: "POST", Path: "/indicators/{indicator}/measurements", Action: access.RecordMeasurement, ID: "recordMeasurement",
			Summary: "Enregistrer la mesure d'une période (celle où tombe la date) ; If-Match avec la version de la mesure pour la modifier",
			Handler: s.apiRecordMeasurement, Body: apiMeasurementBody{}, Response: apiMeasurement{}},
	}
}

// apiPeriod is one period the indicator expects, with its measurement or null.
type apiPeriod struct {
	Period      string          `json:"period" doc:"la clé de la période, par exemple « 2027 » ou « 2027-T1 »"`
	Label       string          `json:"label"`
	Start       string          `json:"start"`
	End         string          `json:"end"`
	Due         string          `json:"due" doc:"où en est la période : à venir, en cours, attendue, en retard, renseignée"`
	Measurement *apiMeasurement `json:"measurement" doc:"null quand la période n'a pas de mesure"`
}

type apiMeasurement struct {
	ID         int64   `json:"id"`
	Period     string  `json:"period"`
	MeasuredOn string  `json:"measured_on"`
	Value      *string `json:"value" doc:"nombre décimal en texte ; null quand la mesure est un texte ou inconnue"`
	Text       string  `json:"text"`
	Source     string  `json:"source"`
	Comment    string  `json:"comment"`
	Evidence   string  `json:"evidence" doc:"lien ou référence de la preuve"`
	Review     string  `json:"review" doc:"saisie, soumise ou validee"`
	Locked     bool    `json:"locked" doc:"validée et close : la changer demande un motif"`
	Version    int64   `json:"version"`
}

// apiMeasurementBody is a measurement as the API records it.
type apiMeasurementBody struct {
	Date     string      `json:"date" doc:"le jour constaté, « 2027-12-31 » ; il choisit la période"`
	Value    optionalStr `json:"value" doc:"nombre décimal (en texte ou en nombre) ; null ou absent pour une mesure en texte"`
	Text     string      `json:"text"`
	Source   string      `json:"source"`
	Comment  string      `json:"comment"`
	Evidence string      `json:"evidence"`
	Reason   string      `json:"reason" doc:"obligatoire pour changer une mesure validée et close"`
}

var measurementPaths = map[string]string{"mesure_valeur": "value", "valeur": "value", "date": "date", "texte": "text", "source": "source",
	"commentaire": "comment", "preuve": "evidence", "motif": "reason"}

func toAPIMeasurement(m monitoring.Measurement) *apiMeasurement {
	return &apiMeasurement{ID: m.ID, Period: m.Period, MeasuredOn: m.MeasuredOn.Format(time.DateOnly), Value: decimalOrNil(m.Value),
		Text: m.Text, Source: m.Source, Comment: m.Comment, Evidence: m.Evidence, Review: string(m.Review), Locked: m.Locked, Version: m.Version}
}

// apiIndicatorBoard reads the board of the indicator's strategy, in one read transaction, and the
// indicator's assessment on it; another authority's indicator is a 404.
func (s *Server) apiIndicatorBoard(ctx context.Context, r *http.Request, c *apiCall) (*board, monitoring.Assessment, logframe.IndicatorRecord, error) {
	id, err := pathRecordID(r, "indicator")
	if err != nil {
		return nil, monitoring.Assessment{}, logframe.IndicatorRecord{}, err
	}
	in, err := s.store.Indicator(ctx, c.Authority.ID, id)
	if err != nil {
		return nil, monitoring.Assessment{}, logframe.IndicatorRecord{}, err
	}
	agg, err := s.store.ReadStrategy(ctx, c.Authority.ID, in.StrategyID, boardParts|strategy.PartMonitoring)
	if err != nil {
		return nil, monitoring.Assessment{}, logframe.IndicatorRecord{}, err
	}
	members := map[int64]model.Member{}
	if access.Can(c.Role, access.ViewMemberList) {
		list, err := s.store.Members(ctx, c.Authority.ID)
		if err != nil {
			return nil, monitoring.Assessment{}, logframe.IndicatorRecord{}, err
		}
		for _, m := range list {
			members[m.User.ID] = m
		}
	}
	b := newBoard(agg.Framework, agg.Monitoring.Measurements, agg.Monitoring.Owners, agg.Planning.Schedules, members, time.Now().UTC())
	a, in, found := b.assessment(id)
	if !found {
		return nil, monitoring.Assessment{}, logframe.IndicatorRecord{}, errNotFoundAPI
	}
	return b, a, in, nil
}

func (s *Server) apiListMeasurements(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	_, a, _, err := s.apiIndicatorBoard(r.Context(), r, c)
	if err != nil {
		return err
	}
	out := make([]apiPeriod, 0, len(a.Rows))
	for _, row := range a.Rows {
		p := apiPeriod{Period: row.Period.Key, Label: row.Period.Label, Start: row.Period.Start.Format(time.DateOnly),
			End: row.Period.End.Format(time.DateOnly), Due: row.Due.Label()}
		if row.Measurement != nil {
			p.Measurement = toAPIMeasurement(*row.Measurement)
		}
		out = append(out, p)
	}
	return writeJSON(w, r, http.StatusOK, out)
}

func (s *Server) apiRecordMeasurement(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	ctx := r.Context()
	b, a, in, err := s.apiIndicatorBoard(ctx, r, c)
	if err != nil {
		return err
	}
	if !b.mayRecord(&workspace{Authority: c.Authority, Role: c.Role}, in, &c.User) {
		return refusal{http.StatusForbidden, "Vous ne tenez pas cet indicateur à jour : seuls la personne qui en est responsable, les agents et les administrateurs en saisissent les mesures."}
	}
	var body apiMeasurementBody
	if err := decodeBody(r, &body); err != nil {
		return err
	}
	fm := newForm(url.Values{"date": {body.Date}, "texte": {body.Text}, "source": {body.Source}, "commentaire": {body.Comment},
		"preuve": {body.Evidence}, "motif": {body.Reason}})
	body.Value.setIn(fm, "mesure_valeur")
	if err := periodToChange(r, fm, a, in, b); err != nil {
		return err
	}
	m, ok := readMeasurement(fm, a, in, b)
	if !ok {
		return formRefusals(fm, measurementPaths)
	}
	if err := s.store.SaveMeasurement(ctx, c.actor(), &m, access.Can(c.Role, access.ValidateMeasurement)); err != nil {
		var fe monitoring.Errors
		if errors.As(err, &fe) {
			for _, e := range fe {
				fm.Fail(measurementField(e.Field), e.Message)
			}
			return formRefusals(fm, measurementPaths)
		}
		return err
	}
	return writeJSON(w, r, http.StatusCreated, toAPIMeasurement(m))
}

// periodToChange opens the form on the measurement of the period the date falls in, when it has one: with
// If-Match at its version, it is changed; without, the caller is told to send it, as a page would show the
// measurement already there.
func periodToChange(r *http.Request, fm *form, a monitoring.Assessment, in logframe.IndicatorRecord, b *board) error {
	d := formPartialDate(fm, "date")
	if d.IsZero() {
		return nil // readMeasurement says what is wrong with the date
	}
	p, ok := monitoring.At(monitoring.Periods(in.Periodicity, b.Term), d.Last())
	if !ok {
		return nil
	}
	for _, row := range a.Rows {
		if row.Period.Key != p.Key || row.Measurement == nil {
			continue
		}
		if r.Header.Get("If-Match") == "" {
			return refusal{http.StatusConflict, "La période « " + p.Label + " » a déjà sa mesure (version " + strconv.FormatInt(row.Measurement.Version, 10) +
				") : pour la modifier, envoyez l'en-tête If-Match avec cette version."}
		}
		if _, err := ifMatchVersion(r, row.Measurement.Version); err != nil {
			return err
		}
		fm.Values.Set("periode", p.Key)
		fm.Values.Set("version", strconv.FormatInt(row.Measurement.Version, 10))
	}
	return nil
}
