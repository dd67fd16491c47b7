package consultation

import "time"

// PurgeOn is the day personal data of c's contributions is purged: RetentionMonths after the closing
// day. A consultation closed early by the team is counted from its closing date as planned, so that the
// notice given to contributors stays true.
func (c Consultation) PurgeOn() time.Time {
	return c.ClosesOn.AddDate(0, 0, 1).AddDate(0, c.RetentionMonths, 0) // counted from the day after closing
}

// PurgeDue reports whether personal data of c's contributions must be purged on the day of now.
func (c Consultation) PurgeDue(now time.Time) bool {
	return !c.ClosesOn.IsZero() && !Day(now).Before(c.PurgeOn())
}

// Deidentify returns k without its personal data: what stays after the purge. The category, commune
// and age bracket stay, since they are what the synthesis counts and the notice says they are kept.
func Deidentify(k Contribution) Contribution {
	k.Pseudonym, k.Email, k.EmailUse, k.Purged = "", "", EmailNone, true
	return k
}
