package funding

// Theme is one entry of the shared vocabulary that programmes and projects are tagged with, so the finder
// can match a project's themes with a programme's.
type Theme string

// themes lists the vocabulary in display order, with its French labels.
var themes = []struct {
	Theme Theme
	Label string
}{
	{"eau-assainissement", "Eau et assainissement"},
	{"energie", "Énergie"},
	{"dechets", "Déchets"},
	{"mobilite-transports", "Mobilité et transports"},
	{"environnement-climat", "Environnement et climat"},
	{"education-formation", "Éducation et formation"},
	{"jeunesse-sport", "Jeunesse et sport"},
	{"culture", "Culture"},
	{"sante", "Santé"},
	{"recherche-innovation", "Recherche et innovation"},
	{"egalite-femmes-hommes", "Égalité femmes-hommes"},
	{"citoyennete-droits-valeurs", "Citoyenneté, droits et valeurs"},
	{"migrations-asile", "Migrations et asile"},
	{"securite", "Sécurité"},
	{"developpement-urbain", "Développement urbain"},
	{"developpement-economique", "Développement économique"},
	{"gouvernance-locale", "Gouvernance locale et appui institutionnel"},
	{"agriculture-alimentation", "Agriculture et alimentation"},
	{"numerique", "Numérique"},
	{"paix-stabilite", "Paix et stabilité"},
	{"surete-nucleaire", "Sûreté nucléaire"},
	{"aide-humanitaire", "Aide humanitaire"},
}

// Themes returns the vocabulary in display order.
func Themes() []Theme {
	out := make([]Theme, len(themes))
	for i, t := range themes {
		out[i] = t.Theme
	}
	return out
}

// Valid reports whether the theme is in the vocabulary.
func (t Theme) Valid() bool {
	for _, x := range themes {
		if x.Theme == t {
			return true
		}
	}
	return false
}

// Label returns the French label of the theme.
func (t Theme) Label() string {
	for _, x := range themes {
		if x.Theme == t {
			return x.Label
		}
	}
	return string(t)
}
