package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"boussole/internal/declaration"
	"boussole/internal/funding"
	"boussole/internal/stakeholder"
)

// The journal's names for the records of the support schemes.
const (
	entityScheme      = "dispositif de soutien"
	entityApplication = "demande de soutien"
)

const schemeColumns = `id, authority_id, name, description, max_rate_percent, cap_cents, envelope_cents, max_salary_percent, applicant_kinds,
	countries, themes, sdgs, version`

func scanScheme(row rowScanner) (funding.Scheme, error) {
	var s funding.Scheme
	var kinds, countries, themes, sdgs string
	err := row.Scan(&s.ID, &s.AuthorityID, &s.Name, &s.Description, &s.MaxRatePercent, &s.CapCents, &s.EnvelopeCents, &s.MaxSalaryPercent,
		&kinds, &countries, &themes, &sdgs, &s.Version)
	for _, k := range strings.Fields(kinds) {
		s.Applicants = append(s.Applicants, stakeholder.Kind(k))
	}
	s.Countries = strings.Fields(countries)
	for _, t := range strings.Fields(themes) {
		s.Themes = append(s.Themes, funding.Theme(t))
	}
	s.SDGs = goalsOf(sdgs)
	return s, err
}

func goalsOf(text string) []int {
	var out []int
	for _, g := range strings.Fields(text) {
		if n, err := strconv.Atoi(g); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func goalsText(goals []int) string {
	parts := make([]string, len(goals))
	for i, g := range goals {
		parts[i] = strconv.Itoa(g)
	}
	return strings.Join(parts, " ")
}

func wordsText[T ~string](xs []T) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = string(x)
	}
	return strings.Join(parts, " ")
}

func schemeArgs(s funding.Scheme) []any {
	return []any{s.Name, s.Description, s.MaxRatePercent, s.CapCents, s.EnvelopeCents, s.MaxSalaryPercent, wordsText(s.Applicants),
		wordsText(s.Countries), wordsText(s.Themes), goalsText(s.SDGs)}
}

// Schemes lists the authority's support schemes, by name. An authority runs a handful.
func (s *Store) Schemes(ctx context.Context, authorityID int64) ([]funding.Scheme, error) {
	return queryAll(ctx, s.db, scanScheme, "SELECT "+schemeColumns+" FROM support_schemes WHERE authority_id = $1 ORDER BY name, id", authorityID)
}

// Scheme returns one of the authority's schemes; ErrNotFound for another authority's.
func (s *Store) Scheme(ctx context.Context, authorityID, id int64) (funding.Scheme, error) {
	return schemeIn(ctx, s.db, authorityID, id)
}

func schemeIn(ctx context.Context, q querier, authorityID, id int64) (funding.Scheme, error) {
	sc, err := scanScheme(q.QueryRowContext(ctx, "SELECT "+schemeColumns+" FROM support_schemes WHERE authority_id = $1 AND id = $2", authorityID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return sc, ErrNotFound
	}
	return sc, err
}

// SaveScheme creates a scheme (ID 0) or saves its rules if nobody changed them since sc.Version.
func (s *Store) SaveScheme(ctx context.Context, by Actor, sc *funding.Scheme) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := now()
		if sc.ID == 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO support_schemes (name, description, max_rate_percent, cap_cents, envelope_cents, max_salary_percent,
				applicant_kinds, countries, themes, sdgs, authority_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
				RETURNING id`, append(schemeArgs(*sc), sc.AuthorityID, t, t)...).Scan(&sc.ID)
			if err != nil {
				return fmt.Errorf("store: unable to add the scheme: %w", err)
			}
			sc.Version = 1
			return audit(ctx, tx, by, change{authorityID: sc.AuthorityID, action: actionCreate, entity: entityScheme, entityID: sc.ID, summary: sc.Name, after: *sc})
		}
		before, err := schemeIn(ctx, tx, sc.AuthorityID, sc.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE support_schemes SET name = $1, description = $2, max_rate_percent = $3, cap_cents = $4, envelope_cents = $5,
			max_salary_percent = $6, applicant_kinds = $7, countries = $8, themes = $9, sdgs = $10, updated_at = $11, version = version + 1
			WHERE authority_id = $12 AND id = $13 AND version = $14`, append(schemeArgs(*sc), t, sc.AuthorityID, sc.ID, sc.Version)...)
		if err != nil {
			return fmt.Errorf("store: unable to save the scheme: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		sc.Version++
		return audit(ctx, tx, by, change{authorityID: sc.AuthorityID, action: actionUpdate, entity: entityScheme, entityID: sc.ID, summary: sc.Name, before: before, after: *sc})
	})
}

// DeleteScheme removes a scheme with its applications and payments, if nobody changed it since version.
func (s *Store) DeleteScheme(ctx context.Context, by Actor, authorityID, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := schemeIn(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		// The applications and their payments go with it (ON DELETE CASCADE, foreign keys on in both databases).
		res, err := tx.ExecContext(ctx, "DELETE FROM support_schemes WHERE authority_id = $1 AND id = $2 AND version = $3", authorityID, id, version)
		if err != nil {
			return fmt.Errorf("store: unable to delete the scheme: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: entityScheme, entityID: id, summary: before.Name, before: before})
	})
}

const applicationColumns = `id, authority_id, scheme_id, COALESCE(stakeholder_id, 0), applicant, applicant_kind, title, year, country, theme, cost_cents,
	asked_cents, salary_percent, sdgs, decision, granted_cents, decided_on, decision_ref, beneficiary_id, version`

func scanApplication(row rowScanner) (funding.Application, error) {
	var a funding.Application
	var kind, theme, sdgs, decision, decided string
	err := row.Scan(&a.ID, &a.AuthorityID, &a.SchemeID, &a.StakeholderID, &a.Applicant, &kind, &a.Title, &a.Year, &a.Country, &theme, &a.CostCents,
		&a.AskedCents, &a.SalaryPercent, &sdgs, &decision, &a.GrantedCents, &decided, &a.DecisionRef, &a.BeneficiaryID, &a.Version)
	a.DecidedOn = isoDay(decided)
	a.ApplicantKind, a.Theme, a.Decision, a.SDGs = stakeholder.Kind(kind), funding.Theme(theme), funding.Decision(decision), goalsOf(sdgs)
	return a, err
}

func scanPayment(row rowScanner) (funding.Payment, error) {
	var p funding.Payment
	return p, row.Scan(&p.ID, &p.ApplicationID, &p.Year, &p.AmountCents)
}

// Applications lists a scheme's applications, newest year first, each with its payments.
func (s *Store) Applications(ctx context.Context, authorityID, schemeID int64) ([]funding.Application, error) {
	apps, err := queryAll(ctx, s.db, scanApplication, "SELECT "+applicationColumns+` FROM scheme_applications
		WHERE authority_id = $1 AND scheme_id = $2 ORDER BY year DESC, title, id`, authorityID, schemeID)
	if err != nil {
		return nil, err
	}
	pays, err := queryAll(ctx, s.db, scanPayment, `SELECT p.id, p.application_id, p.year, p.amount_cents FROM scheme_payments p
		JOIN scheme_applications a ON a.id = p.application_id WHERE p.authority_id = $1 AND a.scheme_id = $2 ORDER BY p.year, p.id`, authorityID, schemeID)
	if err != nil {
		return nil, err
	}
	at := map[int64]int{}
	for i, a := range apps {
		at[a.ID] = i
	}
	for _, p := range pays {
		if i, ok := at[p.ApplicationID]; ok {
			apps[i].Payments = append(apps[i].Payments, p)
		}
	}
	return apps, nil
}

// Application returns one application of one of the authority's schemes, with its payments.
func (s *Store) Application(ctx context.Context, authorityID, schemeID, id int64) (funding.Application, error) {
	return applicationIn(ctx, s.db, authorityID, schemeID, id)
}

func applicationIn(ctx context.Context, q querier, authorityID, schemeID, id int64) (funding.Application, error) {
	a, err := scanApplication(q.QueryRowContext(ctx, "SELECT "+applicationColumns+" FROM scheme_applications WHERE authority_id = $1 AND scheme_id = $2 AND id = $3",
		authorityID, schemeID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	if err != nil {
		return a, err
	}
	a.Payments, err = queryAll(ctx, q, scanPayment, "SELECT id, application_id, year, amount_cents FROM scheme_payments WHERE authority_id = $1 AND application_id = $2 ORDER BY year, id",
		authorityID, id)
	return a, err
}

// SaveApplication records an application (ID 0) or saves it if nobody changed it since a.Version. The
// applicant must be one of the authority's stakeholders: its name and kind are copied from the map.
func (s *Store) SaveApplication(ctx context.Context, by Actor, a *funding.Application) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := schemeIn(ctx, tx, a.AuthorityID, a.SchemeID); err != nil {
			return err
		}
		who, err := stakeholderIn(ctx, tx, a.AuthorityID, a.StakeholderID)
		if err != nil {
			return err
		}
		a.Applicant, a.ApplicantKind = who.Name, who.Kind
		t := now()
		args := []any{a.StakeholderID, a.Applicant, string(a.ApplicantKind), a.Title, a.Year, a.Country, string(a.Theme), a.CostCents, a.AskedCents,
			a.SalaryPercent, goalsText(a.SDGs), t}
		if a.ID == 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO scheme_applications (stakeholder_id, applicant, applicant_kind, title, year, country, theme, cost_cents,
				asked_cents, salary_percent, sdgs, updated_at, created_at, authority_id, scheme_id, decision, granted_cents)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $16) RETURNING id`,
				append(args, a.AuthorityID, a.SchemeID, string(a.Decision), a.GrantedCents)...).Scan(&a.ID)
			if err != nil {
				return fmt.Errorf("store: unable to record the application: %w", err)
			}
			a.Version = 1
			return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionCreate, entity: entityApplication, entityID: a.ID,
				summary: a.Title + " (" + a.Applicant + ")", after: *a})
		}
		before, err := applicationIn(ctx, tx, a.AuthorityID, a.SchemeID, a.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE scheme_applications SET stakeholder_id = $1, applicant = $2, applicant_kind = $3, title = $4, year = $5,
			country = $6, theme = $7, cost_cents = $8, asked_cents = $9, salary_percent = $10, sdgs = $11, updated_at = $12, version = version + 1
			WHERE authority_id = $13 AND scheme_id = $14 AND id = $15 AND version = $16`, append(args, a.AuthorityID, a.SchemeID, a.ID, a.Version)...)
		if err != nil {
			return fmt.Errorf("store: unable to save the application: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		a.Version++
		a.Decision, a.GrantedCents, a.Payments = before.Decision, before.GrantedCents, before.Payments
		return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionUpdate, entity: entityApplication, entityID: a.ID,
			summary: a.Title + " (" + a.Applicant + ")", before: before, after: *a})
	})
}

// DecideApplication records the decision on an application and, when pay is set, a payment, together, if
// nobody changed the application since a.Version.
func (s *Store) DecideApplication(ctx context.Context, by Actor, a *funding.Application, pay *funding.Payment) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := applicationIn(ctx, tx, a.AuthorityID, a.SchemeID, a.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE scheme_applications SET decision = $1, granted_cents = $2, decided_on = $3, decision_ref = $4,
			beneficiary_id = $5, updated_at = $6, version = version + 1 WHERE authority_id = $7 AND scheme_id = $8 AND id = $9 AND version = $10`,
			string(a.Decision), a.GrantedCents, optionalDay(a.DecidedOn), a.DecisionRef, a.BeneficiaryID, now(), a.AuthorityID, a.SchemeID, a.ID, a.Version)
		if err != nil {
			return fmt.Errorf("store: unable to record the decision: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		a.Payments = before.Payments
		if pay != nil {
			pay.ApplicationID = a.ID
			if err := tx.QueryRowContext(ctx, `INSERT INTO scheme_payments (authority_id, application_id, year, amount_cents, created_at) VALUES ($1, $2, $3, $4, $5)
				RETURNING id`, a.AuthorityID, a.ID, pay.Year, pay.AmountCents, now()).Scan(&pay.ID); err != nil {
				return fmt.Errorf("store: unable to record the payment: %w", err)
			}
			a.Payments = append(a.Payments, *pay)
		}
		a.Version++
		return audit(ctx, tx, by, change{authorityID: a.AuthorityID, action: actionUpdate, entity: entityApplication, entityID: a.ID,
			summary: a.Title + " : " + a.Decision.Label(), before: before, after: *a})
	})
}

// DeleteApplication removes an application and its payments, if nobody changed it since version.
func (s *Store) DeleteApplication(ctx context.Context, by Actor, authorityID, schemeID, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := applicationIn(ctx, tx, authorityID, schemeID, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM scheme_applications WHERE authority_id = $1 AND scheme_id = $2 AND id = $3 AND version = $4", authorityID, schemeID, id, version)
		if err != nil {
			return fmt.Errorf("store: unable to delete the application: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: entityApplication, entityID: id, summary: before.Title, before: before})
	})
}

// SchemePayments sums what the authority's schemes paid, by year: its own budget spent through them.
func (s *Store) SchemePayments(ctx context.Context, authorityID int64) (map[int]int64, error) {
	type row struct {
		year  int
		cents int64
	}
	rows, err := queryAll(ctx, s.db, func(r rowScanner) (row, error) {
		var x row
		return x, r.Scan(&x.year, &x.cents)
	}, "SELECT year, SUM(amount_cents) FROM scheme_payments WHERE authority_id = $1 GROUP BY year", authorityID)
	out := map[int]int64{}
	for _, r := range rows {
		out[r.year] = r.cents
	}
	return out, err
}

// moveSchemeApplicants gives a merged duplicate's applications to the stakeholder that absorbed it.
func moveSchemeApplicants(ctx context.Context, tx *sql.Tx, authorityID, fromID, toID int64) error {
	if _, err := tx.ExecContext(ctx, "UPDATE scheme_applications SET stakeholder_id = $1 WHERE authority_id = $2 AND stakeholder_id = $3", toID, authorityID, fromID); err != nil {
		return fmt.Errorf("store: unable to move the applications: %w", err)
	}
	return nil
}

// SchemeGrantsPaidIn reads what each application to the authority's support schemes was paid in a year,
// for the yearly declaration: one statement, one row per application paid.
func (s *Store) SchemeGrantsPaidIn(ctx context.Context, authorityID int64, year int) ([]declaration.SchemeGrant, error) {
	return queryAll(ctx, s.db, func(r rowScanner) (declaration.SchemeGrant, error) {
		var g declaration.SchemeGrant
		return g, r.Scan(&g.SchemeID, &g.ApplicationID, &g.Scheme, &g.Title, &g.Applicant, &g.Country, &g.PaidCents)
	}, `SELECT a.scheme_id, a.id, sc.name, a.title, a.applicant, a.country, SUM(p.amount_cents)
		FROM scheme_payments p
		JOIN scheme_applications a ON a.id = p.application_id AND a.authority_id = p.authority_id
		JOIN support_schemes sc ON sc.id = a.scheme_id AND sc.authority_id = a.authority_id
		WHERE p.authority_id = $1 AND p.year = $2
		GROUP BY a.scheme_id, a.id, sc.name, a.title, a.applicant, a.country
		ORDER BY a.title, a.id`, authorityID, year)
}
