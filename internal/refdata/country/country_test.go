package country

import (
	"errors"
	"testing"
)

func TestByCode(t *testing.T) {
	tests := []struct {
		code, name, alpha3, numeric, region string
	}{
		{"SN", "Sénégal", "SEN", "686", "Afrique de l'Ouest"},
		{"CI", "Côte d'Ivoire", "CIV", "384", "Afrique de l'Ouest"},
		{"BJ", "Bénin", "BEN", "204", "Afrique de l'Ouest"},
		{"US", "États-Unis", "USA", "840", "Amérique du Nord"},
		{"EG", "Égypte", "EGY", "818", "Afrique du Nord"},
		{"de", "Allemagne", "DEU", "276", "Europe de l'Ouest"},
		{" vn ", "Vietnam", "VNM", "704", "Asie du Sud-Est"},
		{"HT", "Haïti", "HTI", "332", "Caraïbes"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := ByCode(tt.code)
			if !ok {
				t.Fatalf("ByCode(%q) not found", tt.code)
			}
			if c.Name != tt.name || c.Alpha3 != tt.alpha3 || c.Numeric != tt.numeric || c.Region != tt.region {
				t.Errorf("got %+v", c)
			}
		})
	}
	if _, ok := ByCode("ZZ"); ok {
		t.Error("ByCode(ZZ) found a country")
	}
}

func TestAllIsCompleteAndFrenchOrdered(t *testing.T) {
	all := All()
	if len(all) < 249 {
		t.Fatalf("got %d countries, want at least 249", len(all))
	}
	pos := map[string]int{}
	for i, c := range all {
		if c.Name == "" || c.Region == "" || c.Continent == "" || len(c.Numeric) != 3 || len(c.Alpha3) != 3 {
			t.Errorf("incomplete entry %+v", c)
		}
		if i > 0 && Less(c.Name, all[i-1].Name) {
			t.Errorf("%q sorted after %q", c.Name, all[i-1].Name)
		}
		pos[c.Alpha2] = i
	}
	// Accented initials sort with their plain letter: Danemark, Égypte, El Salvador, Émirats…, Fidji.
	order := []string{"DK", "EG", "SV", "AE", "EC", "ER", "ES", "EE", "US", "ET", "FJ"}
	for i := 1; i < len(order); i++ {
		if pos[order[i-1]] > pos[order[i]] {
			t.Errorf("%s should sort before %s", order[i-1], order[i])
		}
	}
}

func TestAllReturnsACopy(t *testing.T) {
	a := All()
	a[0].Name = "changé"
	if All()[0].Name == "changé" {
		t.Error("All exposes the shared slice")
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		in, want, msg string
	}{
		{"FR", "FR", ""},
		{" ml ", "ML", ""},
		{"XX", "", "Code pays inconnu : XX"},
		{"FRA", "", "Code pays inconnu : FRA"},
		{"", "", "Choisissez un pays."},
		{"abcdefghijklmnopq", "", "Code pays inconnu : ABCDEFGHIJKL…"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Validate(tt.in)
			if got != tt.want {
				t.Errorf("Validate(%q) = %q, want %q", tt.in, got, tt.want)
			}
			msg := ""
			if err != nil {
				msg = err.Error()
			}
			if msg != tt.msg {
				t.Errorf("message %q, want %q", msg, tt.msg)
			}
		})
	}
	var unknown *UnknownCodeError
	if _, err := Validate("QQ"); !errors.As(err, &unknown) || unknown.Code != "QQ" {
		t.Errorf("want an UnknownCodeError for QQ, got %v", err)
	}
}

func TestRegions(t *testing.T) {
	regions := Regions()
	if len(regions) < 20 {
		t.Fatalf("got %d regions", len(regions))
	}
	west := InRegion("Afrique de l'Ouest")
	names := map[string]bool{}
	for _, c := range west {
		names[c.Alpha2] = true
	}
	for _, code := range []string{"SN", "ML", "BF", "CI", "BJ"} {
		if !names[code] {
			t.Errorf("%s missing from Afrique de l'Ouest", code)
		}
	}
	if names["FR"] {
		t.Error("FR in Afrique de l'Ouest")
	}
}

func TestName(t *testing.T) {
	if got := Name("sn"); got != "Sénégal" {
		t.Errorf("Name(sn) = %q", got)
	}
	if got := Name("ZZ"); got != "ZZ" {
		t.Errorf("Name(ZZ) = %q", got)
	}
}

func BenchmarkByCode(b *testing.B) {
	for b.Loop() {
		ByCode("SN")
	}
}
