package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"boussole/internal/attachment"
	"boussole/internal/diagnostic"
)

const partnershipColumns = `id, authority_id, partner, countries, kind, status, start_year, agreement_signed, agreement_start, agreement_end,
	deliberation_ref, document_id, themes, services, local_actors, yearly_budget_cents, review_results, review_functioning, review_our_gain,
	review_partner_gain, review_decision, review_reason, created_at, updated_at, version`

func scanPartnership(row interface{ Scan(...any) error }) (diagnostic.PartnershipRecord, error) {
	var rec diagnostic.PartnershipRecord
	p := &rec.Partnership
	var kind, status, decision, themes, services, actors, countries string
	var startYear int64
	var signed, start, end sql.NullString
	err := row.Scan(&rec.ID, &rec.AuthorityID, &p.Partner, &countries, &kind, &status, &startYear, &signed, &start, &end,
		&p.Agreement.DeliberationRef, &p.Agreement.DocumentID, &themes, &services, &actors, &p.YearlyBudgetCents,
		&p.Review.Results, &p.Review.Functioning, &p.Review.OurGain, &p.Review.PartnerGain, &decision, &p.Review.Reason,
		&rec.CreatedAt, &rec.UpdatedAt, &rec.Version)
	p.ID = strconv.FormatInt(rec.ID, 10)
	p.Kind, p.Status, p.Review.Decision = diagnostic.PartnershipKind(kind), diagnostic.PartnershipStatus(status), diagnostic.Decision(decision)
	p.StartYear = int(startYear)
	p.Agreement.Signed, p.Agreement.Start, p.Agreement.End = partialOf(signed), partialOf(start), partialOf(end)
	p.Countries = splitCodes(countries)
	p.Themes, p.Services, p.LocalActors = diagSplitLines(themes), diagSplitLines(services), diagSplitLines(actors)
	rec.CreatedAt, rec.UpdatedAt = rec.CreatedAt.UTC(), rec.UpdatedAt.UTC()
	return rec, err
}

// Partnerships returns an authority's whole register, by partner name. Registers hold tens to a few hundred
// relations, so filtering by theme and paging are done on the list with the domain's rules.
func (s *Store) Partnerships(ctx context.Context, authorityID int64) ([]diagnostic.PartnershipRecord, error) {
	return partnershipsIn(ctx, s.db, authorityID)
}

func partnershipsIn(ctx context.Context, q querier, authorityID int64) ([]diagnostic.PartnershipRecord, error) {
	return queryAll(ctx, q, scanPartnership, "SELECT "+partnershipColumns+" FROM diagnostic_partnerships WHERE authority_id = $1 ORDER BY partner, id", authorityID)
}

// diagnostic.PartnershipRecord returns one entry of an authority's register.
func (s *Store) Partnership(ctx context.Context, authorityID, id int64) (diagnostic.PartnershipRecord, error) {
	return s.partnership(ctx, s.db, authorityID, id)
}

func (s *Store) partnership(ctx context.Context, q querier, authorityID, id int64) (diagnostic.PartnershipRecord, error) {
	return queryOne(ctx, q, scanPartnership, "SELECT "+partnershipColumns+" FROM diagnostic_partnerships WHERE authority_id = $1 AND id = $2", authorityID, id)
}

// partnershipValues lists the stored columns after authority_id, in partnershipColumns' order.
func partnershipValues(p diagnostic.Partnership) []any {
	return []any{p.Partner, joinCodes(p.Countries), string(p.Kind), string(p.Status), p.StartYear,
		nullPartial(p.Agreement.Signed), nullPartial(p.Agreement.Start), nullPartial(p.Agreement.End), p.Agreement.DeliberationRef, p.Agreement.DocumentID,
		diagJoinLines(p.Themes), diagJoinLines(p.Services), diagJoinLines(p.LocalActors), p.YearlyBudgetCents,
		p.Review.Results, p.Review.Functioning, p.Review.OurGain, p.Review.PartnerGain, string(p.Review.Decision), p.Review.Reason}
}

// CreatePartnership adds an entry to the register, without a document.
func (s *Store) CreatePartnership(ctx context.Context, by Actor, rec *diagnostic.PartnershipRecord) error {
	return s.CreatePartnershipWithDocument(ctx, by, rec, nil)
}

// CreatePartnershipWithDocument adds an entry to the register with its agreement's document, when doc is
// not nil: the file is written first, then the entry and the attachment in one transaction.
func (s *Store) CreatePartnershipWithDocument(ctx context.Context, by Actor, rec *diagnostic.PartnershipRecord, doc *attachment.Checked) error {
	added, err := s.stage(rec.AuthorityID, by, doc)
	if err != nil {
		return err
	}
	fc := &fileChange{added: added}
	rec.Partnership.Agreement.DocumentID = ""
	return s.finish(fc, s.inTx(ctx, func(tx *sql.Tx) error {
		if fc.added != nil {
			if err := fc.insert(ctx, tx, by); err != nil {
				return err
			}
			rec.Partnership.Agreement.DocumentID = strconv.FormatInt(fc.added.ID, 10)
		}
		t := now()
		rec.CreatedAt, rec.UpdatedAt, rec.Version = t, t, 1
		args := append([]any{rec.AuthorityID}, partnershipValues(rec.Partnership)...)
		args = append(args, t, t)
		err := tx.QueryRowContext(ctx, `INSERT INTO diagnostic_partnerships (authority_id, partner, countries, kind, status, start_year, agreement_signed,
			agreement_start, agreement_end, deliberation_ref, document_id, themes, services, local_actors, yearly_budget_cents, review_results,
			review_functioning, review_our_gain, review_partner_gain, review_decision, review_reason, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) RETURNING id`, args...).Scan(&rec.ID)
		if err != nil {
			return fmt.Errorf("store: unable to create the partnership: %w", err)
		}
		rec.Partnership.ID = strconv.FormatInt(rec.ID, 10)
		return audit(ctx, tx, by, change{authorityID: rec.AuthorityID, action: actionCreate, entity: "partenariat", entityID: rec.ID,
			summary: rec.Partnership.Partner, after: rec.Partnership})
	}))
}

// UpdatePartnership saves an entry if nobody changed it since rec.Version, keeping its document whatever
// rec says: documents change only through UpdatePartnershipWithDocument and RemovePartnershipDocument.
func (s *Store) UpdatePartnership(ctx context.Context, by Actor, rec *diagnostic.PartnershipRecord) error {
	return s.UpdatePartnershipWithDocument(ctx, by, rec, nil)
}

// UpdatePartnershipWithDocument saves an entry if nobody changed it since rec.Version and, when doc is not
// nil, replaces its document in the same transaction (the file is written first; the replaced file is
// removed once the transaction is committed).
func (s *Store) UpdatePartnershipWithDocument(ctx context.Context, by Actor, rec *diagnostic.PartnershipRecord, doc *attachment.Checked) error {
	added, err := s.stage(rec.AuthorityID, by, doc)
	if err != nil {
		return err
	}
	fc := &fileChange{added: added}
	return s.finish(fc, s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.partnership(ctx, tx, rec.AuthorityID, rec.ID)
		if err != nil {
			return err
		}
		rec.Partnership.Agreement.DocumentID = before.Partnership.Agreement.DocumentID
		if fc.added != nil {
			if err := fc.drop(ctx, tx, s, by, rec.AuthorityID, before.Partnership.Agreement.DocumentID); err != nil {
				return err
			}
			if err := fc.insert(ctx, tx, by); err != nil {
				return err
			}
			rec.Partnership.Agreement.DocumentID = strconv.FormatInt(fc.added.ID, 10)
		}
		t := now()
		args := append(partnershipValues(rec.Partnership), t, rec.AuthorityID, rec.ID, rec.Version)
		res, err := tx.ExecContext(ctx, `UPDATE diagnostic_partnerships SET partner = $1, countries = $2, kind = $3, status = $4, start_year = $5,
			agreement_signed = $6, agreement_start = $7, agreement_end = $8, deliberation_ref = $9, document_id = $10, themes = $11, services = $12,
			local_actors = $13, yearly_budget_cents = $14, review_results = $15, review_functioning = $16, review_our_gain = $17,
			review_partner_gain = $18, review_decision = $19, review_reason = $20, updated_at = $21, version = version + 1
			WHERE authority_id = $22 AND id = $23 AND version = $24`, args...)
		if err != nil {
			return fmt.Errorf("store: unable to save the partnership: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		rec.CreatedAt, rec.UpdatedAt, rec.Version = before.CreatedAt, t, rec.Version+1
		rec.Partnership.ID = before.Partnership.ID
		return audit(ctx, tx, by, change{authorityID: rec.AuthorityID, action: actionUpdate, entity: "partenariat", entityID: rec.ID,
			summary: rec.Partnership.Partner, before: before.Partnership, after: rec.Partnership})
	}))
}

// RemovePartnershipDocument detaches and deletes an entry's document if nobody changed the entry since
// version; it returns the entry as saved.
func (s *Store) RemovePartnershipDocument(ctx context.Context, by Actor, authorityID, id, version int64) (diagnostic.PartnershipRecord, error) {
	fc := &fileChange{}
	var rec diagnostic.PartnershipRecord
	err := s.finish(fc, s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.partnership(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		if err := fc.drop(ctx, tx, s, by, authorityID, before.Partnership.Agreement.DocumentID); err != nil {
			return err
		}
		t := now()
		res, err := tx.ExecContext(ctx, `UPDATE diagnostic_partnerships SET document_id = '', updated_at = $1, version = version + 1
			WHERE authority_id = $2 AND id = $3 AND version = $4`, t, authorityID, id, version)
		if err != nil {
			return fmt.Errorf("store: unable to detach the document: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		rec = before
		rec.Partnership.Agreement.DocumentID, rec.UpdatedAt, rec.Version = "", t, version+1
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionUpdate, entity: "partenariat", entityID: id,
			summary: before.Partnership.Partner, before: before.Partnership, after: rec.Partnership})
	}))
	return rec, err
}

// DeletePartnership removes an entry, and its document, if nobody changed it since version.
func (s *Store) DeletePartnership(ctx context.Context, by Actor, authorityID, id, version int64) error {
	fc := &fileChange{}
	return s.finish(fc, s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.partnership(ctx, tx, authorityID, id)
		if err != nil {
			return err
		}
		if err := fc.drop(ctx, tx, s, by, authorityID, before.Partnership.Agreement.DocumentID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM diagnostic_partnerships WHERE authority_id = $1 AND id = $2 AND version = $3", authorityID, id, version)
		if err != nil {
			return fmt.Errorf("store: unable to delete the partnership: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrConflict
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionDelete, entity: "partenariat", entityID: id,
			summary: before.Partnership.Partner, before: before.Partnership})
	}))
}
