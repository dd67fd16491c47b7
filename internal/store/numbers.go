package store

import (
	"database/sql/driver"
	"fmt"

	"boussole/internal/number"
)

// nullDecimal scans a nullable column holding the canonical form of a number.Decimal: NULL is an unknown
// value, nil. Nullable integers need no such help: database/sql scans NULL into a nil *int64.
type nullDecimal struct{ dst **number.Decimal }

func (n nullDecimal) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*n.dst = nil
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("store: a decimal column holds a %T", src)
	}
	d, err := number.ParseCanonical(s)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	*n.dst = &d
	return nil
}

// decimalArg writes a decimal for a nullable text column: its canonical form, or NULL when unknown.
func decimalArg(d *number.Decimal) driver.Value {
	if d == nil {
		return nil
	}
	return d.String()
}
