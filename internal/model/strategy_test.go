package model

import (
	"testing"
	"time"
)

func TestStrategyDatesAndHorizon(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	known := Strategy{TermStart: 2026, TermEnd: 2032}.Dates()
	if known.Start != day(2026, 1, 1) || known.End != day(2032, 12, 31) || known.Horizon() != known.End {
		t.Errorf("2026–2032 as %v – %v (horizon %v)", known.Start, known.End, known.Horizon())
	}
	open := Strategy{TermStart: 2020}
	d := open.Dates()
	if !d.End.IsZero() || d.Horizon() != day(2026, 12, 31) || d.Horizon().Year() != open.HorizonEnd() {
		t.Errorf("since 2020: end %v, horizon %v, HorizonEnd %d; want no end and one mandature drawn", d.End, d.Horizon(), open.HorizonEnd())
	}
	if z := (Strategy{}).Dates(); !z.Start.IsZero() || !z.Horizon().IsZero() {
		t.Errorf("no start year gives %+v", z)
	}
}
