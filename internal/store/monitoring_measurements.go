package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"boussole/internal/monitoring"
	"boussole/internal/number"
)

// ErrLocked wraps the refusal of a change to a locked period (monitoring.Errors, with the field at fault).
var ErrLocked = errors.New("store: the period is locked")

const measurementColumns = `m.id, m.authority_id, m.indicator_id, m.period_key, m.period_start, m.period_end, m.value, m.value_text, m.measured_on,
	m.source, m.comment, m.evidence, COALESCE(m.entered_by, 0), m.entered_name, m.review, m.locked, m.change_reason, m.updated_at, m.version`

func scanMeasurement(row interface{ Scan(...any) error }) (monitoring.Measurement, error) {
	var m monitoring.Measurement
	var start, end, on, review string
	err := row.Scan(&m.ID, &m.AuthorityID, &m.IndicatorID, &m.Period, &start, &end, nullDecimal{&m.Value}, &m.Text, &on,
		&m.Source, &m.Comment, &m.Evidence, &m.EnteredBy, &m.EnteredName, &review, &m.Locked, &m.Reason, &m.UpdatedAt, &m.Version)
	m.PeriodStart, m.PeriodEnd, m.MeasuredOn, m.Review = isoDay(start), isoDay(end), isoDay(on), monitoring.Review(review)
	m.UpdatedAt = m.UpdatedAt.UTC()
	return m, err
}

// isoDay reads a stored day; what cannot be read (it can only come from outside the application) is unknown.
func isoDay(s string) time.Time {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		// The layout the store writes, read by hand: time.Parse was a tenth of a dashboard's read.
		y, ok1 := digits(s[0:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:10])
		if ok1 && ok2 && ok3 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
			if t.Day() == d { // not 31 April
				return t
			}
		}
		return time.Time{}
	}
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func dayArg(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// Measurements lists the measurements of every indicator of a strategy, in one query, by indicator and period.
func (s *Store) Measurements(ctx context.Context, authorityID, strategyID int64) ([]monitoring.Measurement, error) {
	return measurementsOf(ctx, s.db, authorityID, strategyID)
}

func measurementsOf(ctx context.Context, q querier, authorityID, strategyID int64) ([]monitoring.Measurement, error) {
	return queryAll(ctx, q, scanMeasurement, "SELECT "+measurementColumns+` FROM indicator_measurements m JOIN indicators i ON i.id = m.indicator_id
		WHERE m.authority_id = $1 AND i.strategy_id = $2 ORDER BY m.indicator_id, m.period_start, m.id`, authorityID, strategyID)
}

// measurementSummaries lists the measurements of a strategy with what an assessment reads (not their
// source, comment, evidence, author or timestamps). A dashboard reads thousands: one row per measurement
// through the SQLite driver cost about 2 µs, most of a dashboard's time (docs/benchmarks.md), so the
// database joins each indicator's measurements into one text, which is split here; the texts of the
// indicators measured in words come in a second, short query. Both databases have string_agg.
func measurementSummaries(ctx context.Context, q querier, authorityID, strategyID int64) ([]monitoring.Measurement, error) {
	// The joined texts first, so that the measurements and their values each take one block.
	joined, err := queryAll(ctx, q, scanColumn[string], `SELECT string_agg(CAST(m.id AS TEXT) || ',' || m.period_key || ',' || m.period_start || ',' || m.period_end || ',' ||
		COALESCE(m.value, '') || ',' || m.measured_on || ',' || m.review || ',' || CASE WHEN m.locked THEN '1' ELSE '0' END || ',' ||
		CAST(m.version AS TEXT) || ',' || CAST(m.indicator_id AS TEXT), ';' ORDER BY m.period_start, m.id)
		FROM indicator_measurements m JOIN indicators i ON i.id = m.indicator_id
		WHERE m.authority_id = $1 AND i.strategy_id = $2 GROUP BY m.indicator_id ORDER BY m.indicator_id`, authorityID, strategyID)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, j := range joined {
		n += strings.Count(j, ";") + 1
	}
	out, values := make([]monitoring.Measurement, 0, n), make([]number.Decimal, n)
	for _, j := range joined {
		for rec := range strings.SplitSeq(j, ";") {
			m, ok := measurementSummary(rec, authorityID, &values[len(out)])
			if !ok {
				// A period key or a value the store did not write (a separator in it): read row by row.
				return measurementSummaryRows(ctx, q, authorityID, strategyID)
			}
			out = append(out, m)
		}
	}
	texts, err := queryAll(ctx, q, func(r rowScanner) (struct {
		id   int64
		text string
	}, error) {
		var v struct {
			id   int64
			text string
		}
		err := r.Scan(&v.id, &v.text)
		return v, err
	}, `SELECT m.id, m.value_text FROM indicator_measurements m JOIN indicators i ON i.id = m.indicator_id
		WHERE m.authority_id = $1 AND i.strategy_id = $2 AND m.value_text <> ''`, authorityID, strategyID)
	if err != nil || len(texts) == 0 {
		return out, err
	}
	byID := make(map[int64]string, len(texts))
	for _, t := range texts {
		byID[t.id] = t.text
	}
	for i := range out {
		out[i].Text = byID[out[i].ID]
	}
	return out, nil
}

// measurementSummary reads one measurement joined by measurementSummaries.
// value is where its value goes when it has one.
func measurementSummary(rec string, authorityID int64, value *number.Decimal) (monitoring.Measurement, bool) {
	var f [10]string
	for i := range 9 {
		var ok bool
		if f[i], rec, ok = strings.Cut(rec, ","); !ok {
			return monitoring.Measurement{}, false
		}
	}
	if strings.Contains(rec, ",") {
		return monitoring.Measurement{}, false
	}
	f[9] = rec
	m := monitoring.Measurement{AuthorityID: authorityID, Period: f[1], PeriodStart: isoDay(f[2]), PeriodEnd: isoDay(f[3]), MeasuredOn: isoDay(f[5]),
		Review: monitoring.Review(f[6]), Locked: f[7] == "1"}
	var err1, err2, err3 error
	m.ID, err1 = strconv.ParseInt(f[0], 10, 64)
	m.Version, err2 = strconv.ParseInt(f[8], 10, 64)
	m.IndicatorID, err3 = strconv.ParseInt(f[9], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return monitoring.Measurement{}, false
	}
	if f[4] != "" {
		d, err := number.ParseCanonical(f[4])
		if err != nil {
			return monitoring.Measurement{}, false
		}
		*value = d
		m.Value = value
	}
	return m, true
}

// measurementSummaryRows is measurementSummaries one row per measurement.
func measurementSummaryRows(ctx context.Context, q querier, authorityID, strategyID int64) ([]monitoring.Measurement, error) {
	return queryAll(ctx, q, func(row rowScanner) (monitoring.Measurement, error) {
		m := monitoring.Measurement{AuthorityID: authorityID}
		var start, end, on, review string
		err := row.Scan(&m.ID, &m.IndicatorID, &m.Period, &start, &end, nullDecimal{&m.Value}, &m.Text, &on, &review, &m.Locked, &m.Version)
		m.PeriodStart, m.PeriodEnd, m.MeasuredOn, m.Review = isoDay(start), isoDay(end), isoDay(on), monitoring.Review(review)
		return m, err
	}, `SELECT m.id, m.indicator_id, m.period_key, m.period_start, m.period_end, m.value, m.value_text, m.measured_on,
		m.review, m.locked, m.version FROM indicator_measurements m JOIN indicators i ON i.id = m.indicator_id
		WHERE m.authority_id = $1 AND i.strategy_id = $2 ORDER BY m.indicator_id, m.period_start, m.id`, authorityID, strategyID)
}

// IndicatorMeasurements lists one indicator's measurements, by period.
func (s *Store) IndicatorMeasurements(ctx context.Context, authorityID, indicatorID int64) ([]monitoring.Measurement, error) {
	return queryAll(ctx, s.db, scanMeasurement, "SELECT "+measurementColumns+` FROM indicator_measurements m
		WHERE m.authority_id = $1 AND m.indicator_id = $2 ORDER BY m.period_start, m.id`, authorityID, indicatorID)
}

func measurementFor(ctx context.Context, q querier, authorityID, indicatorID int64, period string) (monitoring.Measurement, error) {
	return queryOne(ctx, q, scanMeasurement, "SELECT "+measurementColumns+` FROM indicator_measurements m
		WHERE m.authority_id = $1 AND m.indicator_id = $2 AND m.period_key = $3`, authorityID, indicatorID, period)
}

// SaveMeasurement records the value of an indicator for a period. m.Version is the version the form was read
// at, 0 when the period had no measurement: if someone saved it meanwhile, ErrConflict. A change to a locked
// period is refused unless mayUnlock and m.Reason is given (the refusal is monitoring.Errors, wrapped with
// ErrLocked); the lock and the review carry over as monitoring.Revise says. The change and its reason go to
// the audit log in the same transaction. On success m is the stored measurement.
func (s *Store) SaveMeasurement(ctx context.Context, by Actor, m *monitoring.Measurement, mayUnlock bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return saveMeasurement(ctx, tx, by, m, mayUnlock, true)
	})
}

// saveMeasurement writes one measurement inside tx; checkVersion is false for an import, which reads the
// periods' current state itself and refuses locked changes without a reason.
func saveMeasurement(ctx context.Context, tx *sql.Tx, by Actor, m *monitoring.Measurement, mayUnlock, checkVersion bool) error {
	if err := indicatorOfAuthority(ctx, tx, m.AuthorityID, m.IndicatorID); err != nil {
		return err
	}
	old, err := measurementFor(ctx, tx, m.AuthorityID, m.IndicatorID, m.Period)
	exists := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	if checkVersion && (exists && old.Version != m.Version || !exists && m.Version != 0) {
		return ErrConflict
	}
	t := now()
	m.EnteredBy, m.UpdatedAt = by.UserID, t
	if by.Label != "" {
		m.EnteredName = by.Label
	}
	if !exists {
		m.Review, m.Locked, m.Version = monitoring.ReviewEntered, false, 1
		err := tx.QueryRowContext(ctx, `INSERT INTO indicator_measurements (authority_id, indicator_id, period_key, period_start, period_end, value,
			value_text, measured_on, source, comment, evidence, entered_by, entered_name, review, locked, change_reason, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
			m.AuthorityID, m.IndicatorID, m.Period, dayArg(m.PeriodStart), dayArg(m.PeriodEnd), decimalArg(m.Value), m.Text, dayArg(m.MeasuredOn),
			m.Source, m.Comment, m.Evidence, nullID(by.UserID), m.EnteredName, string(m.Review), false, "", t, t).Scan(&m.ID)
		if isUniqueViolation(err) {
			return ErrConflict
		}
		if err != nil {
			return fmt.Errorf("store: unable to create the measurement: %w", err)
		}
		return audit(ctx, tx, by, change{authorityID: m.AuthorityID, action: actionCreate, entity: "mesure", entityID: m.ID,
			summary: "mesure de l'indicateur " + fmt.Sprint(m.IndicatorID) + " pour " + m.Period, after: m})
	}
	if e := monitoring.CheckLocked(old, *m, mayUnlock); len(e) > 0 {
		return fmt.Errorf("%w: %w", ErrLocked, e)
	}
	next := monitoring.Revise(old, *m)
	next.Version = old.Version + 1
	res, err := tx.ExecContext(ctx, `UPDATE indicator_measurements SET value = $1, value_text = $2, measured_on = $3, source = $4, comment = $5,
		evidence = $6, entered_by = $7, entered_name = $8, review = $9, change_reason = $10, updated_at = $11, version = version + 1
		WHERE authority_id = $12 AND id = $13 AND version = $14`,
		decimalArg(next.Value), next.Text, dayArg(next.MeasuredOn), next.Source, next.Comment, next.Evidence, nullID(by.UserID), next.EnteredName,
		string(next.Review), next.Reason, t, m.AuthorityID, old.ID, old.Version)
	if err := updated(res, err, "measurement"); err != nil {
		return err
	}
	summary := "mesure de l'indicateur " + fmt.Sprint(m.IndicatorID) + " pour " + m.Period
	if old.Locked && monitoring.Changes(old, next) {
		summary += " (période verrouillée, motif : " + next.Reason + ")"
	}
	*m = next
	return audit(ctx, tx, by, change{authorityID: m.AuthorityID, action: actionUpdate, entity: "mesure", entityID: m.ID, summary: summary, before: old, after: next})
}

// ReviewMeasurement takes one review step (submit, validate, lock, reopen) on a measurement read at version;
// a step the state does not allow is returned as a monitoring.Errors message on the field « revue ».
func (s *Store) ReviewMeasurement(ctx context.Context, by Actor, authorityID, id, version int64, step monitoring.Step) (monitoring.Measurement, error) {
	var next monitoring.Measurement
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := queryOne(ctx, tx, scanMeasurement, "SELECT "+measurementColumns+" FROM indicator_measurements m WHERE m.authority_id = $1 AND m.id = $2", authorityID, id)
		if err != nil {
			return err
		}
		if old.Version != version {
			return ErrConflict
		}
		var why string
		if next, why = monitoring.Apply(old, step); why != "" {
			return monitoring.Errors{{Field: "revue", Message: why}}
		}
		next.UpdatedAt, next.Version = now(), old.Version+1
		res, err := tx.ExecContext(ctx, `UPDATE indicator_measurements SET review = $1, locked = $2, updated_at = $3, version = version + 1
			WHERE authority_id = $4 AND id = $5 AND version = $6`, string(next.Review), next.Locked, next.UpdatedAt, authorityID, id, version)
		if err := updated(res, err, "measurement"); err != nil {
			return err
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "mesure", entityID: id,
			summary: "revue de la mesure de l'indicateur " + fmt.Sprint(old.IndicatorID) + " pour " + old.Period + " : " + string(step), before: old, after: next})
	})
	return next, err
}

// indicatorOfAuthority checks an indicator belongs to the authority, so a form never writes under another's.
func indicatorOfAuthority(ctx context.Context, q querier, authorityID, indicatorID int64) error {
	var one int
	err := q.QueryRowContext(ctx, "SELECT 1 FROM indicators WHERE authority_id = $1 AND id = $2", authorityID, indicatorID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: unable to check the indicator: %w", err)
	}
	return nil
}

// MeasurementByID returns one measurement of the authority.
func (s *Store) MeasurementByID(ctx context.Context, authorityID, id int64) (monitoring.Measurement, error) {
	return queryOne(ctx, s.db, scanMeasurement, "SELECT "+measurementColumns+" FROM indicator_measurements m WHERE m.authority_id = $1 AND m.id = $2", authorityID, id)
}

// PublicMeasurements lists the validated measurements of a strategy's public indicators, by indicator and
// period: what the public page may show, and only that, so it costs what it shows.
func (s *Store) PublicMeasurements(ctx context.Context, authorityID, strategyID int64) ([]monitoring.Measurement, error) {
	return queryAll(ctx, s.db, scanMeasurement, "SELECT "+measurementColumns+` FROM indicator_measurements m JOIN indicators i ON i.id = m.indicator_id
		WHERE m.authority_id = $1 AND i.strategy_id = $2 AND i.public = $3 AND m.review = $4 ORDER BY m.indicator_id, m.period_start, m.id`,
		authorityID, strategyID, true, string(monitoring.ReviewValidated))
}
