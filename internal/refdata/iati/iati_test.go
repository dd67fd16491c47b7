package iati

import (
	"errors"
	"testing"
)

func TestListsAreLoaded(t *testing.T) {
	tests := []struct {
		list List
		min  int
	}{
		{Sector, 250}, {SectorCategory, 40}, {CRSChannel, 300}, {PolicyMarker, 9}, {PolicySignificance, 4},
		{AidType, 20}, {FinanceType, 20}, {FlowType, 8}, {Currency, 150}, {Region, 15},
	}
	for _, tt := range tests {
		codes := Codes(tt.list)
		if len(codes) < tt.min {
			t.Errorf("%s: %d codes, want at least %d", tt.list, len(codes), tt.min)
		}
		if tt.list.Label() == "" {
			t.Errorf("%s has no French label", tt.list)
		}
		for _, c := range codes {
			if c.Withdrawn || c.Name == "" || (c.Lang != "fr" && c.Lang != "en") {
				t.Errorf("%s: bad entry %+v", tt.list, c)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		list       List
		code, name string
		lang       string
	}{
		{Sector, "11220", "Enseignement primaire", "fr"},
		{Sector, "14020", "Approvisionnement en eau et assainissement - systèmes à grande échelle", "fr"},
		{SectorCategory, "140", "Distribution d'Eau et Assainissement", "fr"},
		{PolicyMarker, "1", "Egalité des genres", "fr"},
		{PolicySignificance, "2", "objectif principal", "fr"},
		{AidType, "a01", "Soutien budgétaire général", "fr"},
		{Currency, "EUR", "Euro", "en"},
		{CRSChannel, "11002", "Gouvernment local", "fr"},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.list, tt.code)
		if !ok || c.Name != tt.name || c.Lang != tt.lang {
			t.Errorf("Lookup(%s, %s) = %+v, %v", tt.list, tt.code, c, ok)
		}
	}
	if _, ok := Lookup(Sector, "99999"); ok {
		t.Error("unknown sector found")
	}
}

func TestSectorCategoryOf(t *testing.T) {
	c, ok := SectorCategoryOf("11220")
	if !ok || c.Code != "112" {
		t.Errorf("SectorCategoryOf(11220) = %+v, %v", c, ok)
	}
	if _, ok := SectorCategoryOf("1"); ok {
		t.Error("category of an unknown sector")
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		list     List
		in, want string
		msg      string
	}{
		{Sector, " 11220 ", "11220", ""},
		{Sector, "99999", "", "Code inconnu dans la liste des secteurs CAD : 99999"},
		{Sector, "", "", "Choisissez un code dans la liste des secteurs CAD."},
		{Region, "380", "", "Code inconnu dans la liste des régions CAD : 380"}, // withdrawn
		{Currency, "eur", "EUR", ""},
	}
	for _, tt := range tests {
		got, err := Validate(tt.list, tt.in)
		msg := ""
		if err != nil {
			msg = err.Error()
			var ce *CodeError
			if !errors.As(err, &ce) {
				t.Errorf("error %T is not a *CodeError", err)
			}
		}
		if got != tt.want || msg != tt.msg {
			t.Errorf("Validate(%s, %q) = %q, %q; want %q, %q", tt.list, tt.in, got, msg, tt.want, tt.msg)
		}
	}
}
