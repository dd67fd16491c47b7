package store

import (
	"context"

	"boussole/internal/strategy"
)

// readConsultations reads the authority's consultations and their questions, in two queries, inside the
// strategy's read transaction.
func readConsultations(ctx context.Context, q querier, st *strategy.Strategy) (err error) {
	a := st.Record.AuthorityID
	if st.Consultations, err = queryAll(ctx, q, scanConsultation, "SELECT "+consultationColumns+
		" FROM consultations WHERE authority_id = $1 ORDER BY opens_on DESC, id DESC", a); err != nil {
		return err
	}
	if len(st.Consultations) == 0 {
		return nil
	}
	qs, err := queryAll(ctx, q, scanQuestion, "SELECT "+questionColumns+" FROM consultation_questions WHERE authority_id = $1 ORDER BY position, id", a)
	if err != nil {
		return err
	}
	at := map[int64]int{}
	for i, c := range st.Consultations {
		at[c.ID] = i
	}
	for _, qu := range qs {
		if i, ok := at[qu.ConsultationID]; ok {
			st.Consultations[i].Questions = append(st.Consultations[i].Questions, qu)
		}
	}
	return nil
}
