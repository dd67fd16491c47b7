package diagnostic

import (
	"boussole/internal/fielderr"
	"strings"
	"testing"
)

func TestStakeFamiliesFollowTheGuide(t *testing.T) {
	fams := StakeFamilies()
	wantTitles := []string{"Les atouts du territoire", "Les dynamiques socio-économiques", "Le capital humain de la CT", "La capacité à agir dans un contexte globalisé"}
	if len(fams) != len(wantTitles) {
		t.Fatalf("got %d families, want %d", len(fams), len(wantTitles))
	}
	seen := map[string]bool{}
	for i, f := range fams {
		if f.Title != wantTitles[i] {
			t.Errorf("family %d title = %q, want %q", i, f.Title, wantTitles[i])
		}
		if len(f.Stakes) == 0 {
			t.Errorf("family %q has no stakes", f.Code)
		}
		for _, s := range f.Stakes {
			if seen[s.Code] {
				t.Errorf("duplicate stake code %q", s.Code)
			}
			seen[s.Code] = true
			if !strings.HasPrefix(s.Code, f.Code+".") || s.Text == "" || s.Key == "" {
				t.Errorf("stake %+v badly formed for family %q", s, f.Code)
			}
		}
	}
	if len(seen) != 15 {
		t.Errorf("got %d stakes, the guide lists 15", len(seen))
	}
}

func TestStakeByCode(t *testing.T) {
	for _, tc := range []struct {
		code, family string
		ok           bool
	}{
		{"global.odd", "global", true},
		{"capital.decloisonnement", "capital", true},
		{"global.inconnu", "", false},
		{"", "", false},
	} {
		_, f, ok := StakeByCode(tc.code)
		if ok != tc.ok || f.Code != tc.family {
			t.Errorf("StakeByCode(%q) = %q, %v; want %q, %v", tc.code, f.Code, ok, tc.family, tc.ok)
		}
	}
}

func validArgument() ArgumentInput {
	return ArgumentInput{Authority: "Ville de Tours", Stakes: []string{"atouts.jeunes"}}
}

func TestArgumentInputValidate(t *testing.T) {
	long := strings.Repeat("é", maxArgumentText+1)
	for _, tc := range []struct {
		name   string
		change func(*ArgumentInput)
		field  string // "" means valid
	}{
		{"valid", func(*ArgumentInput) {}, ""},
		{"note at limit", func(in *ArgumentInput) { in.Notes = map[string]string{"atouts.jeunes": long[:len(long)-2]} }, ""},
		{"no authority", func(in *ArgumentInput) { in.Authority = "  " }, "authority"},
		{"authority too long", func(in *ArgumentInput) { in.Authority = strings.Repeat("a", 201) }, "authority"},
		{"no stake", func(in *ArgumentInput) { in.Stakes = nil }, "stakes"},
		{"unknown stake", func(in *ArgumentInput) { in.Stakes = append(in.Stakes, "atouts.plage") }, "stakes"},
		{"note too long", func(in *ArgumentInput) { in.Notes = map[string]string{"atouts.jeunes": long} }, "notes.atouts.jeunes"},
		{"fact too long", func(in *ArgumentInput) { in.LocalFacts = []string{"ok", long} }, "localFacts.1"},
		{"example too long", func(in *ArgumentInput) { in.Examples = []string{long} }, "examples.0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := validArgument()
			tc.change(&in)
			checkErrors(t, in.Validate(), tc.field)
		})
	}
}

// checkErrors fails unless errs is empty (field == "") or holds a message for field.
func checkErrors(t *testing.T, errs fielderr.List, field string) {
	t.Helper()
	if field == "" {
		if errs != nil {
			t.Fatalf("unexpected errors: %v", errs)
		}
		return
	}
	if !errs.Has(field) {
		t.Fatalf("want a message for %q, got %v", field, errs)
	}
}

func TestBuildArgument(t *testing.T) {
	in := ArgumentInput{
		Authority:  " Ville de Tours ",
		Stakes:     []string{"global.odd", "capital.levier", "atouts.jeunes"},
		Notes:      map[string]string{"atouts.jeunes": "120 jeunes partis en 2025 avec Erasmus+."},
		LocalFacts: []string{"  ", "Deux universités et 30 000 étudiants."},
	}
	doc, errs := BuildArgument(in)
	if errs != nil {
		t.Fatal(errs)
	}
	if doc.Title != "Pourquoi une stratégie d'action internationale pour Ville de Tours ?" {
		t.Errorf("title = %q", doc.Title)
	}
	var headings []string
	for _, s := range doc.Sections {
		headings = append(headings, s.Heading)
	}
	got := strings.Join(headings, "|")
	want := "Un atout pour la collectivité|Un cadre légal clair|Quelques repères|Les atouts du territoire|Le capital humain de la CT|La capacité à agir dans un contexte globalisé|Notre territoire|La démarche proposée"
	if got != want {
		t.Errorf("sections:\n got %s\nwant %s", got, want)
	}
	text := flatten(doc)
	for _, needle := range []string{
		"L.1115-1 à L.1115-7", "facultatif et volontaire", "dans le respect des engagements internationaux de la France",
		"près de 5\u00a0000", "13\u00a0% des 45\u00a0387", "65\u00a0%", "169 cibles",
		"120 jeunes partis en 2025", "Deux universités", "grâce à :",
	} {
		if !strings.Contains(text, needle) {
			t.Errorf("argument lacks %q", needle)
		}
	}
	if strings.Contains(text, "Diversifier les sources de financement") {
		t.Error("a stake that was not chosen appears in the argument")
	}
}

func TestBuildArgumentRefusesInvalidInput(t *testing.T) {
	if _, errs := BuildArgument(ArgumentInput{Authority: "Ville"}); !errs.Has("stakes") {
		t.Fatalf("want a stakes error, got %v", errs)
	}
}

func flatten(d Document) string {
	var b strings.Builder
	for _, s := range d.Sections {
		b.WriteString(s.Heading + "\n")
		for _, bl := range s.Blocks {
			b.WriteString(bl.Text + "\n" + strings.Join(bl.List, "\n") + "\n")
		}
	}
	return b.String()
}
