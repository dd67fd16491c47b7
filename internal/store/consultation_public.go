package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"boussole/internal/consultation"
	"boussole/internal/model"
	"boussole/internal/publicpage"
)

// publicConsultationQuery reads, for a consultation's public page and its form, the authority named by
// its slug, its public page settings and the consultation, in one statement.
var publicConsultationQuery = "SELECT " + prefixed("a.", authorityColumns) + ", " + prefixed("p.", profileColumns) + ", " +
	prefixed("c.", consultationColumns) + ` FROM authorities a JOIN public_profiles p ON p.authority_id = a.id
	JOIN consultations c ON c.authority_id = a.id AND c.id = $2 WHERE a.slug = $1`

// PublicConsultation returns the authority whose slug is given, its public page settings and its
// consultation with the questions: what every view of the public consultation page and every
// contribution reads, in two statements instead of four. It does not judge what may be shown (the
// caller checks p.Published and c.Public()). ErrNotFound means no such authority, no saved settings or
// no such consultation of the authority: the caller tells them apart on that rare path.
func (s *Store) PublicConsultation(ctx context.Context, slug string, id int64) (model.Authority, publicpage.Profile, consultation.Consultation, error) {
	var a model.Authority
	var p publicpage.Profile
	var cs consultationScan
	dest := append(append(authorityDest(&a), profileDest(&p)...), cs.dest()...)
	err := s.queryRow(ctx, publicConsultationQuery, slug, id).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return a, p, cs.c, ErrNotFound
	}
	if err != nil {
		return a, p, cs.c, fmt.Errorf("store: unable to read the public consultation: %w", err)
	}
	a.CreatedAt, p.UpdatedAt = a.CreatedAt.UTC(), p.UpdatedAt.UTC()
	c := cs.finish()
	c.Questions, err = queryAll(ctx, s.db, scanQuestion, "SELECT "+questionColumns+` FROM consultation_questions
		WHERE authority_id = $1 AND consultation_id = $2 ORDER BY position, id`, a.ID, c.ID)
	return a, p, c, err
}
