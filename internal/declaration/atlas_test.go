package declaration

import (
	"bytes"
	"strings"
	"testing"

	"boussole/internal/tabular"
)

func TestAtlasSheets(t *testing.T) {
	contacts := []Contact{{Name: "Anne Élue", Email: "anne@x.fr", Elected: true}, {Name: "Paul Agent", Service: "Relations internationales", Email: "paul@x.fr"}}
	sheets := AtlasSheets(contacts, sample())
	if len(sheets) != 3 { // projects 7, 9 and 10; the idea is not in the Atlas
		t.Fatalf("%d sheets", len(sheets))
	}
	var all strings.Builder
	for _, r := range sheets[0].Rows {
		all.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, want := range []string{"Projet|Eau potable à Kaya", "Pays|Burkina Faso, Niger, Mali", "Élu·e en charge|Anne Élue — anne@x.fr",
		"Agent en charge|Paul Agent — Relations internationales — paul@x.fr", "Secteur CAD|14030 – ", "Coût total|non renseigné"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("missing %q in\n%s", want, all.String())
		}
	}
	none := AtlasSheets(nil, sample())
	if !strings.Contains(strings.Join(none[0].Rows[len(none[0].Rows)-2], "|"), "invitez l'élu·e") {
		t.Errorf("no élu is not said: %v", none[0].Rows)
	}
	var b bytes.Buffer
	if err := tabular.WriteXLSXSheets(&b, sheets); err != nil || b.Len() < 1000 {
		t.Fatalf("xlsx: %v", err)
	}
	if empty := AtlasSheets(nil); len(empty) != 1 || !strings.Contains(empty[0].Rows[0][1], "Aucun projet") {
		t.Errorf("empty Atlas: %v", empty)
	}
}
