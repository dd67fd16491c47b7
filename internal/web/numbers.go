package web

import (
	"errors"

	"boussole/internal/frfmt"
	"boussole/internal/number"
)

// Every numeric field of every form is read here, through internal/number: French or English decimals, a
// French message at the field for anything else, and an empty field read as unknown (nil), never as 0.

// formDecimal reads an optional decimal field.
func formDecimal(f *form, name string, spec number.Spec) *number.Decimal {
	d, err := number.ParseOptional(f.Get(name), spec)
	if err != nil {
		f.Fail(name, numberMessage(err))
	}
	return d
}

// formCents reads an optional amount in euros into cents.
func formCents(f *form, name string) *int64 {
	c, err := number.ParseOptionalCents(f.Get(name))
	if err != nil {
		f.Fail(name, numberMessage(err))
	}
	return c
}

// formWhole reads an optional whole number between lo and hi; ok is false when the field is empty or refused.
// outOfRange, when set, replaces the parser's message for a value outside the bounds or with decimals, so that
// the field can say what the number means (« un pourcentage, de 0 à 100 »).
func formWhole(f *form, name string, lo, hi int64, outOfRange string) (n int, ok bool) {
	v := f.Get(name)
	if v == "" {
		return 0, false
	}
	w, err := number.ParseWhole(v, lo, hi)
	if err != nil {
		msg := numberMessage(err)
		var e *number.Error
		if outOfRange != "" && errors.As(err, &e) && (e.Kind == number.Range || e.Kind == number.Precision) {
			msg = outOfRange
		}
		f.Fail(name, msg)
		return 0, false
	}
	return int(w), true
}

// numberMessage returns the parser's French message; anything else gets a generic French sentence, so no Go
// error text can reach the page.
func numberMessage(err error) string {
	var e *number.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Saisissez un nombre, par exemple 1 234,5."
}

// euros formats an amount for templates: cents, or optional cents shown « non renseigné » when unknown.
func euros(v any) string {
	switch c := v.(type) {
	case int64:
		return frfmt.Euros(c)
	case *int64:
		return frfmt.EurosOrUnknown(c)
	}
	return frfmt.Unknown
}

// decimal formats an optional decimal for templates, « non renseigné » when unknown.
func decimal(d *number.Decimal) string {
	if d == nil {
		return frfmt.Unknown
	}
	return d.French()
}

// decimalField writes an optional decimal back into a form field; unknown stays empty.
func decimalField(d *number.Decimal) string {
	if d == nil {
		return ""
	}
	return d.Field()
}
