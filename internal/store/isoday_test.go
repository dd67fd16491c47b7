package store

import "testing"

func TestISODayReadsWhatTheStoreWrites(t *testing.T) {
	for in, want := range map[string]string{"2027-12-31": "2027-12-31", "2028-02-29": "2028-02-29", "2027-02-29": "0001-01-01",
		"2027-13-01": "0001-01-01", "20x7-01-01": "0001-01-01", "": "0001-01-01", "2027-1-1": "0001-01-01"} {
		if got := isoDay(in).Format("2006-01-02"); got != want {
			t.Errorf("isoDay(%q) = %s, want %s", in, got, want)
		}
	}
}
