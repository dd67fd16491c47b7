package store

import (
	"context"
	"database/sql"

	"boussole/internal/monitoring"
)

// ImportMeasurements writes an import's measurements in one transaction, or none: each is checked again
// against the period as stored now (a locked one still needs its reason, and mayUnlock), and the journal
// says which file brought them.
func (s *Store) ImportMeasurements(ctx context.Context, by Actor, authorityID int64, filename string, ms []monitoring.Measurement, mayUnlock bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for i := range ms {
			ms[i].AuthorityID = authorityID
			if err := saveMeasurement(ctx, tx, by, &ms[i], mayUnlock, false); err != nil {
				return err
			}
		}
		return audit(ctx, tx, by, change{authorityID: authorityID, action: actionCreate, entity: "import de mesures", entityID: filename,
			summary: "import de " + filename, after: map[string]any{"fichier": filename, "mesures": len(ms)}})
	})
}
