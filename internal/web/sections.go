package web

import (
	"net/http"

	"boussole/internal/process"
)

// section is one entry of the workspace navigation, which follows the guide's method.
type section struct {
	Slug    string
	Title   string
	Step    process.Step
	Purpose string   // what the section is for, in the guide's words
	Holds   []string // what it will hold, shown until the section is built
}

var sections = []section{
	{"sensibilisation", "Sensibilisation", process.Awareness,
		"Informer et convaincre élus et services de ce que l'action internationale apporte au territoire.",
		[]string{"l'argumentaire pour les élus et les services, à partir des quatre familles d'enjeux du guide",
			"le journal des séances de sensibilisation et des services touchés",
			"l'auto-évaluation des cinq principes essentiels et la liste des conditions facilitantes"}},
	{"diagnostic", "Diagnostic", process.Diagnostic,
		"Analyser la situation de départ : atouts, faiblesses, opportunités, menaces, et ce que la collectivité fait déjà.",
		[]string{"la matrice AFOM avec les questions du guide", "le registre critique des partenariats et conventions en cours",
			"la carte des pays partenaires et la synthèse imprimable du diagnostic"}},
	{"acteurs", "Acteurs", process.Stakeholders,
		"Cartographier les parties prenantes selon les critères du guide et définir l'engagement de la collectivité envers elles.",
		[]string{"les parties prenantes internes et externes, avec pouvoir, légitimité, intérêt et contexte",
			"la priorisation calculée et expliquée, la grille pouvoir/intérêt et le réseau des relations",
			"le plan d'engagement par étape, l'import et l'export de listes"}},
	{"strategie", "Stratégie", process.KeyElements,
		"Co-construire les éléments clés : valeurs, vision, mission, objectifs et priorités.",
		[]string{"valeurs, vision, mission, objectif général et dimensions retenues",
			"les priorités géographiques et thématiques, reliées aux ODD", "la couverture des ODD par la stratégie"}},
	{"cadre-logique", "Cadre logique", process.KeyElements,
		"Tester la logique de la stratégie : objectifs, résultats, activités, indicateurs, hypothèses et risques.",
		[]string{"le cadre logique du guide en tableau, en arbre et en figure", "les indicateurs et le registre des risques",
			"la vérification qui dit, en français, ce qui manque et où le corriger"}},
	{"planification", "Planification", process.KeyElements,
		"Ordonner les activités dans le temps, avec leurs durées, dépendances et responsables.",
		[]string{"le chronogramme (Gantt) et le chemin critique", "la feuille de route annuelle et « mes activités »",
			"les flux iCalendar à ajouter à son agenda"}},
	{"financements", "Financements", process.KeyElements,
		"Construire une stratégie financière cohérente avec les actions.",
		[]string{"les plans de financement des projets par source", "le catalogue des programmes européens et nationaux (1 %, DAECT, FICOL) et leurs règles",
			"la vérification des plans au regard de ces règles"}},
	{"participation", "Participation", process.Comms,
		"Communiquer et associer les citoyens et les partenaires.",
		[]string{"les actions de communication interne et publique", "la consultation citoyenne et ses contributions",
			"la page publique de la collectivité et son calendrier"}},
	{"suivi-evaluation", "Suivi et évaluation", process.Monitoring,
		"Suivre les indicateurs dans le temps et évaluer à mi-parcours et en fin de mandature.",
		[]string{"les mesures des indicateurs par période, avec leurs preuves", "« ce que je dois mettre à jour » et la fraîcheur des données",
			"les évaluations à mi-parcours et finale, qui nourrissent la révision"}},
	{"documents", "Documents", process.Deliberation,
		"Produire les livrables : le document stratégique, le projet de délibération, les exports.",
		[]string{"le document stratégique en OpenDocument (ODT) et en PDF", "le projet de délibération et la version adoptée figée",
			"les exports tableur, la déclaration annuelle et l'export IATI"}},
}

// showSection shows a section of the method that a later version fills: what it is for and what it will hold.
func (s *Server) showSection(w http.ResponseWriter, r *http.Request, ws *workspace) {
	for _, sec := range sections {
		if sec.Slug == r.PathValue("section") {
			def, _ := process.Lookup(sec.Step)
			v := view{Title: sec.Title, Section: sec.Slug, WS: ws}
			s.renderComponent(w, r, http.StatusOK, v, strategySectionContent(v, sectionPage{Section: sec, Step: def}))
			return
		}
	}
	s.notFound(w, r)
}
