// Package monitoring holds the rules of « Suivi et évaluation »: the periods an indicator's periodicity
// defines, the measurements entered for them (with their review and their lock), the progress of an
// indicator from its baseline to its target, the trajectory expected at a date, the status that compares
// the two, the roll-up of progress to results, objectives and the strategy, and what is due, overdue and
// fresh.
//
// It is plain Go, without HTTP or SQL. Values are exact decimals (internal/number); an unknown value is nil
// and is never counted as zero: a progress that cannot be computed is unknown, and a roll-up leaves it out.
package monitoring
