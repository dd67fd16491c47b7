package worldgeo

import (
	"strings"
	"testing"

	"boussole/internal/refdata/country"
)

func TestShapes(t *testing.T) {
	w, h := Size()
	if w != 1000 || h < 300 || h > 600 {
		t.Fatalf("size %gx%g", w, h)
	}
	tests := []struct {
		code        string
		hasPath     bool
		small       bool
		minX        float64
		maxX        float64
		minY        float64
		maxY        float64
		whereabouts string
	}{
		{"FR", true, false, 470, 530, 80, 140, "western Europe"},
		{"SN", true, false, 420, 470, 170, 230, "west Africa"},
		{"BR", true, false, 280, 400, 220, 330, "South America"},
		{"AU", true, false, 800, 950, 270, 360, "Australia"},
		{"CV", false, true, 400, 450, 170, 220, "Cape Verde, marker only"},
		{"RE", false, true, 620, 680, 280, 330, "La Réunion, split from France"},
		{"LU", true, true, 490, 520, 90, 130, "Luxembourg, a small path"},
	}
	for _, tt := range tests {
		s, ok := ByCode(tt.code)
		if !ok {
			t.Errorf("%s missing", tt.code)
			continue
		}
		if (s.Path != "") != tt.hasPath || s.Small != tt.small {
			t.Errorf("%s: path %v small %v", tt.code, s.Path != "", s.Small)
		}
		if s.X < tt.minX || s.X > tt.maxX || s.Y < tt.minY || s.Y > tt.maxY {
			t.Errorf("%s at (%g, %g), expected in %s", tt.code, s.X, s.Y, tt.whereabouts)
		}
	}
	if _, ok := ByCode("AQ"); ok {
		t.Error("Antarctica is drawn")
	}
}

func TestShapesAreKnownCountries(t *testing.T) {
	for _, s := range Shapes() {
		if _, ok := country.ByCode(s.Code); !ok {
			t.Errorf("shape for unknown code %s", s.Code)
		}
		if s.Path != "" && (!strings.HasPrefix(s.Path, "M") || !strings.HasSuffix(s.Path, "z")) {
			t.Errorf("%s: malformed path %.30q", s.Code, s.Path)
		}
	}
	if n := len(Shapes()); n < 240 {
		t.Errorf("only %d shapes", n)
	}
}

func TestParseRejectsBadData(t *testing.T) {
	for _, in := range []string{"", "FR\t1\t2\t0\n", "# 10 10\nFR\t1\t2\n", "# 10 10\nFR\tx\t2\t0\tM0 0z\n"} {
		if _, err := parse([]byte(in)); err == nil {
			t.Errorf("parse(%q) accepted", in)
		}
	}
}
