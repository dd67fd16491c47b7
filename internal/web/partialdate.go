package web

import (
	"time"

	"boussole/internal/frfmt"
	"boussole/internal/partialdate"
)

// formPartialDate reads a date field that may hold only a month or a year; bad text gets the parser's
// French message at the field and the typed text stays in the form.
func formPartialDate(f *form, name string) partialdate.Date {
	d, err := partialdate.Parse(f.Get(name))
	if err != nil {
		f.Fail(name, err.Error())
	}
	return d
}

// frenchDate is the templates' date: a day of time.Time (« 25 novembre 2026 ») or a partial date at its
// precision (« décembre 2020 », « 1962 »); anything unknown is empty.
func frenchDate(v any) string {
	switch d := v.(type) {
	case time.Time:
		return frfmt.Date(d)
	case partialdate.Date:
		return d.String()
	}
	return ""
}

// periodNote says, where a date known only to the month or the year had to become a day (a calendar
// event, a schedule), which day was taken: the period's first, by convention. A full date needs no note.
func periodNote(d partialdate.Date) string {
	if p := d.Precision(); p == partialdate.Unknown || p == partialdate.Day {
		return ""
	}
	return "Date connue " + map[partialdate.Precision]string{partialdate.Year: "à l'année", partialdate.Month: "au mois"}[d.Precision()] +
		" (" + d.String() + ") : placée au " + frfmt.Date(d.First()) + "."
}

// joinNote adds a note after a text, on its own line.
func joinNote(text, note string) string {
	switch {
	case note == "":
		return text
	case text == "":
		return note
	}
	return text + "\n" + note
}
