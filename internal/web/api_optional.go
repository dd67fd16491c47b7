package web

import (
	"bytes"
	"encoding/json"
	"errors"
)

// optionalStr is a field of a partial update that tells « absent » (unchanged) from null (cleared); it
// takes a JSON string, or a number written as it is, so that an amount keeps every digit.
type optionalStr struct {
	Set   bool
	Value *string
}

// UnmarshalJSON is called only when the field is present.
func (o *optionalStr) UnmarshalJSON(b []byte) error {
	o.Set = true
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		o.Value = nil
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		o.Value = &s
		return nil
	case len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')):
		s := string(b)
		o.Value = &s
		return nil
	}
	return errWrongOptional
}

var errWrongOptional = errors.New("api: expected a string, a number or null")

// setIn writes the field into the form when it was sent; null leaves the form's field empty.
func (o optionalStr) setIn(fm *form, name string) {
	if !o.Set {
		return
	}
	if o.Value == nil {
		fm.Values.Set(name, "")
		return
	}
	fm.Values.Set(name, *o.Value)
}

// jsonSchema describes the field in the OpenAPI description.
func (optionalStr) jsonSchema() map[string]any {
	return map[string]any{"type": []string{"string", "number", "null"}}
}
