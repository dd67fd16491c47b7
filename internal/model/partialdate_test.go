package model

import (
	"encoding/json"
	"testing"
)

func TestParsePartialDate(t *testing.T) {
	for in, want := range map[string]PartialDate{
		"2020":              {2020, 0, 0},
		" 1962 ":            {1962, 0, 0},
		"12/2020":           {2020, 12, 0},
		"décembre 2020":     {2020, 12, 0},
		"Decembre   2020":   {2020, 12, 0},
		"17/12/2020":        {2020, 12, 17},
		"17 décembre 2020":  {2020, 12, 17},
		"1er février 2021":  {2021, 2, 1},
		"2020-12":           {2020, 12, 0},
		"2020-12-17":        {2020, 12, 17},
		"":                  {},
		"29 février 2024":   {2024, 2, 29},
		"5 août 2019":       {2019, 8, 5},
		"05/08/2019":        {2019, 8, 5},
		"aout 2019":         {2019, 8, 0},
		"2100":              {2100, 0, 0},
		"1er janvier 1900":  {1900, 1, 1},
		"31/12/2099":        {2099, 12, 31},
		"septembre   1999 ": {1999, 9, 0},
	} {
		got, err := ParsePartialDate(in)
		if err != nil || got != want {
			t.Errorf("ParsePartialDate(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"20", "décembr 2020", "31/02/2021", "13/2020", "29 février 2023", "1/2/3/2020", "hier", "1899", "2020-13", "NaN"} {
		if got, err := ParsePartialDate(in); err == nil {
			t.Errorf("ParsePartialDate(%q) = %+v, want an error", in, got)
		}
	}
}

func TestPartialDateForms(t *testing.T) {
	for _, c := range []struct {
		d                PartialDate
		text, iso, typed string
	}{
		{PartialDate{}, "", "", ""},
		{PartialDate{1962, 0, 0}, "1962", "1962", "1962"},
		{PartialDate{2020, 12, 0}, "décembre 2020", "2020-12", "12/2020"},
		{PartialDate{2020, 12, 1}, "1er décembre 2020", "2020-12-01", "01/12/2020"},
	} {
		if c.d.String() != c.text || c.d.ISO() != c.iso || c.d.Input() != c.typed {
			t.Errorf("%+v: %q %q %q", c.d, c.d.String(), c.d.ISO(), c.d.Input())
		}
		// What is stored and what is typed read back as the same date.
		for _, s := range []string{c.d.ISO(), c.d.Input(), c.d.String()} {
			if back, err := ParsePartialDate(s); err != nil || back != c.d {
				t.Errorf("round trip of %q: %+v, %v", s, back, err)
			}
		}
	}
}

func TestPartialDateJSON(t *testing.T) {
	for _, d := range []PartialDate{{}, {2020, 0, 0}, {2020, 12, 0}, {2020, 12, 17}} {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if want := `"` + d.ISO() + `"`; !d.IsZero() && string(b) != want || d.IsZero() && string(b) != "null" {
			t.Errorf("%+v marshals to %s", d, b)
		}
		var back PartialDate
		if err := json.Unmarshal(b, &back); err != nil || back != d {
			t.Errorf("%s reads back as %+v, %v", b, back, err)
		}
	}
	var d PartialDate
	if err := json.Unmarshal([]byte(`"31/02/2020"`), &d); err == nil {
		t.Error("an impossible date reads without error")
	}
}
