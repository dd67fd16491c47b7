package sdg

import (
	"regexp"
	"testing"
)

func TestCounts(t *testing.T) {
	if n := len(Goals()); n != 17 {
		t.Errorf("%d goals, want 17", n)
	}
	if n := len(Targets()); n != 169 {
		t.Errorf("%d targets, want 169", n)
	}
	total := 0
	for _, g := range Goals() {
		ts := TargetsOf(g.Number)
		if len(ts) == 0 {
			t.Errorf("goal %d has no targets", g.Number)
		}
		total += len(ts)
	}
	if total != 169 {
		t.Errorf("TargetsOf sums to %d, want 169", total)
	}
}

func TestGoals(t *testing.T) {
	colour := regexp.MustCompile(`^#[0-9A-F]{6}$`)
	tests := []struct {
		n            int
		short, title string
		colour       string
	}{
		{1, "Pas de pauvreté", "Éliminer la pauvreté sous toutes ses formes et partout dans le monde", "#E5243B"},
		{8, "Travail décent et croissance économique", "Promouvoir une croissance économique soutenue, partagée et durable, le plein emploi productif et un travail décent pour tous", "#A21942"},
		{11, "Villes et communautés durables", "Faire en sorte que les villes et les établissements humains soient ouverts à tous, sûrs, résilients et durables", "#FD9D24"},
		{17, "Partenariats pour la réalisation des objectifs", "Renforcer les moyens de mettre en œuvre le Partenariat mondial pour le développement durable et le revitaliser", "#19486A"},
	}
	for _, tt := range tests {
		g, ok := GoalByNumber(tt.n)
		if !ok || g.Number != tt.n || g.Short != tt.short || g.Title != tt.title || g.Colour != tt.colour {
			t.Errorf("GoalByNumber(%d) = %+v, %v", tt.n, g, ok)
		}
	}
	for _, g := range Goals() {
		if !colour.MatchString(g.Colour) {
			t.Errorf("goal %d colour %q", g.Number, g.Colour)
		}
	}
	for _, n := range []int{0, 18, -1} {
		if _, ok := GoalByNumber(n); ok {
			t.Errorf("GoalByNumber(%d) found a goal", n)
		}
	}
}

func TestTargets(t *testing.T) {
	tests := []struct{ code, want string }{
		{"11.6", "D’ici à 2030, réduire l’impact environnemental négatif des villes par habitant, y compris en accordant une attention particulière à la qualité de l’air et à la gestion, notamment municipale, des déchets"},
		{" 6.B ", "Appuyer et renforcer la participation de la population locale à l’amélioration de la gestion de l’eau et de l’assainissement"},
		{"1.1", "D’ici à 2030, éliminer complètement l’extrême pauvreté dans le monde entier (s’entend actuellement du fait de vivre avec moins de 1,25 dollar des États‐Unis par jour)"},
	}
	for _, tt := range tests {
		got, ok := TargetByCode(tt.code)
		if !ok || got.Title != tt.want {
			t.Errorf("TargetByCode(%q) = %q, %v", tt.code, got.Title, ok)
		}
	}
	if _, ok := TargetByCode("11.99"); ok {
		t.Error("TargetByCode(11.99) found a target")
	}
	var codes []string
	for _, tg := range TargetsOf(6) {
		codes = append(codes, tg.Code)
	}
	want := []string{"6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.a", "6.b"}
	if len(codes) != len(want) {
		t.Fatalf("TargetsOf(6) = %v", codes)
	}
	for i := range want {
		if codes[i] != want[i] {
			t.Fatalf("TargetsOf(6) = %v, want %v", codes, want)
		}
	}
}

func TestIndicators(t *testing.T) {
	in, ok := IndicatorByCode("11.6.1")
	if !ok || in.Target != "11.6" || in.Title == "" {
		t.Errorf("IndicatorByCode(11.6.1) = %+v, %v", in, ok)
	}
	if got := IndicatorsOf("11.6"); len(got) != 2 || got[0].Code != "11.6.1" || got[1].Code != "11.6.2" {
		t.Errorf("IndicatorsOf(11.6) = %+v", got)
	}
}

func TestValidateTarget(t *testing.T) {
	tests := []struct{ in, want, msg string }{
		{"11.6", "11.6", ""},
		{"17.A", "", "Cible ODD inconnue : 17.A"},
		{"4.a", "4.a", ""},
		{"", "", "Choisissez une cible ODD."},
		{"11.6.1", "", "Cible ODD inconnue : 11.6.1"},
	}
	for _, tt := range tests {
		got, err := ValidateTarget(tt.in)
		if got != tt.want || errText(err) != tt.msg {
			t.Errorf("ValidateTarget(%q) = %q, %q; want %q, %q", tt.in, got, errText(err), tt.want, tt.msg)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func BenchmarkTargetByCode(b *testing.B) {
	for b.Loop() {
		TargetByCode("11.6")
	}
}

// TestTextsArePrecomposed guards against decomposed accents (letter + combining mark), which the
// source uses and which would defeat comparison and search.
func TestTextsArePrecomposed(t *testing.T) {
	combining := regexp.MustCompile(`\p{Mn}`)
	var texts []string
	for _, g := range Goals() {
		texts = append(texts, g.Short, g.Title)
	}
	for _, tg := range Targets() {
		texts = append(texts, tg.Title)
	}
	for _, in := range load().Indicators {
		texts = append(texts, in.Title)
	}
	for _, s := range texts {
		if combining.MatchString(s) {
			t.Errorf("combining mark in %.60q", s)
		}
	}
}
