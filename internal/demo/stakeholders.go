package demo

import (
	"context"
	"fmt"
	"strings"

	"boussole/internal/stakeholder"
	"boussole/internal/store"
)

// demoActor is one stakeholder of the demo in compact form. Scores follow the guide's order: utilitarian,
// normative, mobilising, coercive power; public good, representation; interest in the object, in the type.
// Flags are the five context items in order. Steps are initials: D diagnostic, F définition, M mise en
// œuvre, E évaluation, R révision.
type demoActor struct {
	name, kind, territory, contact, themes string
	scores                                 [8]int
	flags                                  string // five characters, x for present
	level                                  stakeholder.Level
	steps                                  string
	why                                    string // the comment on the strongest criterion
}

var demoActors = []demoActor{
	// The authority's own people and services.
	{"Hélène Marchand, vice-présidente aux relations internationales", "elected", "Grand Belval", "Hélène Marchand", "Gouvernance", [8]int{2, 3, 3, 3, 3, 3, 3, 3}, "xxx.x", stakeholder.LevelCodecide, "DFMER", "Porte politiquement la stratégie et la délibération."},
	{"Président de l'agglomération", "elected", "Grand Belval", "Cabinet du président", "Gouvernance", [8]int{3, 3, 3, 3, 3, 3, 1, 2}, "..x..", stakeholder.LevelCodecide, "FR", "Arbitre le budget et signe les conventions."},
	{"Commission des finances", "elected", "Grand Belval", "Président de la commission", "Finances", [8]int{3, 1, 1, 3, 3, 1, 1, 1}, "..x..", stakeholder.LevelConsult, "FE", "Vote les crédits de l'action internationale."},
	{"Élu·es de l'opposition", "elected", "Grand Belval", "", "Gouvernance", [8]int{0, 1, 2, 1, 2, 1, 1, 2}, ".x...", stakeholder.LevelInform, "FE", "Peuvent relayer les critiques sur le coût de l'action internationale."},
	{"Vice-président à l'eau et à l'assainissement", "elected", "Grand Belval", "", "Eau", [8]int{3, 2, 2, 3, 3, 2, 3, 2}, "x.x..", stakeholder.LevelCollaborate, "DFM", "Décide de l'usage du 1 % eau."},
	{"Mission relations internationales", "service", "Grand Belval", "Karim Benali", "Coopération décentralisée, Europe", [8]int{2, 2, 2, 1, 3, 3, 3, 3}, "xxxxx", stakeholder.LevelCodecide, "DFMER", "Anime la démarche au quotidien."},
	{"Direction de l'eau et de l'assainissement", "service", "Grand Belval", "Julien Morel", "Eau", [8]int{3, 2, 1, 1, 3, 2, 3, 2}, "x.x..", stakeholder.LevelCollaborate, "DFM", "Apporte l'expertise technique des projets eau au Sénégal."},
	{"Direction de la jeunesse et des sports", "service", "Grand Belval", "", "Jeunesse, Mobilité internationale", [8]int{2, 1, 2, 0, 3, 1, 3, 2}, "....x", stakeholder.LevelInvolve, "FM", "Organise les chantiers de jeunes."},
	{"Direction du développement économique", "service", "Grand Belval", "", "Économie, Attractivité", [8]int{2, 2, 2, 0, 2, 1, 2, 1}, "..x.x", stakeholder.LevelConsult, "DF", "Lien avec les entreprises exportatrices."},
	{"Direction de la culture", "service", "Grand Belval", "", "Culture", [8]int{1, 2, 2, 0, 3, 1, 2, 2}, "x...x", stakeholder.LevelInvolve, "FM", "Programme les saisons croisées."},
	{"Direction des finances", "service", "Grand Belval", "", "Finances", [8]int{3, 1, 0, 2, 3, 0, 1, 1}, "..x..", stakeholder.LevelConsult, "FE", "Instruit les cofinancements et les appels de fonds."},
	{"Direction de la communication", "service", "Grand Belval", "Sophie Lambert", "Communication", [8]int{1, 2, 3, 0, 3, 1, 2, 2}, "....x", stakeholder.LevelInvolve, "FME", "Fait connaître l'action internationale aux habitants."},
	{"Direction des déchets et de l'environnement", "service", "Grand Belval", "", "Déchets, Climat", [8]int{2, 1, 1, 1, 3, 1, 2, 1}, ".....", stakeholder.LevelConsult, "D", "Pourrait mobiliser le 1 % déchets."},
	{"Référente internationale de l'office de tourisme", "referent", "Grand Belval", "", "Tourisme, Attractivité", [8]int{1, 1, 2, 0, 2, 2, 2, 2}, "....x", stakeholder.LevelInvolve, "DM", "Relaie les accueils de délégations."},
	{"Référent international de la direction de l'eau", "referent", "Grand Belval", "Julien Morel", "Eau", [8]int{1, 1, 2, 0, 3, 2, 3, 3}, "x.x..", stakeholder.LevelCollaborate, "DFME", "Suit le projet eau potable de Ziguinchor."},
	{"Référente internationale du service éducation", "referent", "Grand Belval", "", "Éducation, Jeunesse", [8]int{0, 1, 2, 0, 3, 2, 2, 2}, ".....", stakeholder.LevelConsult, "D", "Relaie les projets scolaires."},
	// The territory's associations, diasporas and citizens.
	{"Association Belval Solidarité Sahel", "association", "Grand Belval", "Aminata Diallo", "Eau, Santé, Solidarité internationale", [8]int{1, 2, 3, 0, 3, 3, 3, 3}, "xxxx.", stakeholder.LevelCollaborate, "DFME", "Mobilise 300 adhérents et la diaspora sénégalaise."},
	{"Comité de jumelage Belval–Lörrach", "association", "Grand Belval", "Bernard Keller", "Jumelage, Jeunesse", [8]int{1, 2, 3, 0, 3, 2, 3, 3}, "x..xx", stakeholder.LevelInvolve, "DFM", "Fait vivre le jumelage depuis 1972."},
	{"Maison des droits de l'homme de Belval", "association", "Grand Belval", "", "Citoyenneté", [8]int{0, 2, 2, 0, 3, 1, 2, 1}, ".x...", stakeholder.LevelConsult, "D", "Voix critique écoutée localement."},
	{"Scouts et guides de Belval", "association", "Grand Belval", "", "Jeunesse", [8]int{0, 1, 1, 0, 3, 1, 2, 2}, "....x", stakeholder.LevelConsult, "M", "Partent chaque été en chantier solidaire."},
	{"Association Ingénieurs sans frontières Belval", "association", "Grand Belval", "", "Eau, Énergie", [8]int{1, 2, 1, 0, 3, 2, 3, 2}, "x.x..", stakeholder.LevelInvolve, "DM", "Expertise bénévole en hydraulique."},
	{"Festival Belval Musiques du monde", "association", "Grand Belval", "", "Culture", [8]int{1, 2, 3, 0, 2, 1, 2, 1}, "x...x", stakeholder.LevelConsult, "M", "Programme des artistes des territoires partenaires."},
	{"Association des familles maliennes de Belval", "diaspora", "Grand Belval", "", "Solidarité internationale, Éducation", [8]int{1, 1, 3, 0, 3, 2, 3, 2}, "xx.x.", stakeholder.LevelInvolve, "DFE", "Envoie chaque année des fonds vers la région de Kayes."},
	{"Collectif des ressortissants sénégalais", "diaspora", "Grand Belval", "", "Eau, Santé", [8]int{1, 1, 3, 0, 3, 2, 3, 3}, "xx.x.", stakeholder.LevelCollaborate, "DFME", "Lien direct avec les familles de Ziguinchor."},
	{"Association franco-vietnamienne de Belval", "diaspora", "Grand Belval", "", "Culture, Économie", [8]int{1, 1, 2, 0, 2, 1, 2, 1}, ".x...", stakeholder.LevelInform, "", "Petite communauté, liens culturels anciens."},
	{"Conseil de développement du Grand Belval", "citizen_group", "Grand Belval", "", "Citoyenneté, Gouvernance", [8]int{0, 2, 2, 1, 3, 2, 2, 2}, "..x..", stakeholder.LevelConsult, "DFE", "Rend un avis sur les politiques de l'agglomération."},
	{"Conseil des jeunes de Belval", "citizen_group", "Grand Belval", "", "Jeunesse, Citoyenneté", [8]int{0, 1, 1, 0, 3, 1, 3, 2}, "....x", stakeholder.LevelConsult, "DE", "Demande plus de mobilités pour les jeunes sans diplôme."},
	{"Collectif Belval en transition", "citizen_group", "Grand Belval", "", "Climat", [8]int{0, 1, 1, 0, 1, 0, 2, 1}, ".....", stakeholder.LevelInform, "", "Interroge le bilan carbone des déplacements."},
	// Universities, companies and chambers.
	{"Université de Belval", "university", "Grand Belval", "Vice-présidence aux relations internationales", "Éducation, Recherche, Mobilité internationale", [8]int{2, 3, 2, 0, 3, 3, 2, 2}, "x.xx.", stakeholder.LevelCollaborate, "DFM", "Accueille 1 800 étudiants internationaux."},
	{"Lycée professionnel Jean-Jaurès", "university", "Grand Belval", "", "Éducation, Jeunesse", [8]int{1, 1, 1, 0, 3, 1, 3, 2}, "x....", stakeholder.LevelInvolve, "M", "Stages de ses élèves à Lörrach."},
	{"École supérieure d'art de Belval", "university", "Grand Belval", "", "Culture, Éducation", [8]int{1, 1, 1, 0, 3, 2, 1, 1}, ".....", stakeholder.LevelInform, "M", "Échanges d'étudiants ponctuels."},
	{"Chambre de commerce et d'industrie de Belval", "company", "Grand Belval", "Service international", "Économie, Attractivité", [8]int{2, 2, 3, 0, 2, 3, 2, 1}, "..xx.", stakeholder.LevelConsult, "DF", "Accompagne 120 PME à l'export."},
	{"Chambre de métiers et de l'artisanat", "company", "Grand Belval", "", "Économie, Formation", [8]int{1, 1, 2, 0, 2, 2, 2, 1}, "...x.", stakeholder.LevelInform, "D", "Projets de formation d'artisans à Ziguinchor."},
	{"Belval Eau (régie publique)", "company", "Grand Belval", "", "Eau", [8]int{3, 2, 1, 0, 3, 2, 3, 2}, "x.x..", stakeholder.LevelCollaborate, "DFM", "Collecte le 1 % eau sur la facture."},
	{"Transports urbains du Belval", "company", "Grand Belval", "", "Mobilité", [8]int{2, 1, 1, 0, 2, 1, 1, 1}, ".....", stakeholder.LevelInform, "", "Ne s'est pas encore saisi du 1 % transports."},
	{"Groupe Valdor (industrie agroalimentaire)", "company", "Grand Belval", "", "Économie", [8]int{3, 2, 2, 0, 1, 1, 1, 0}, "..x..", stakeholder.LevelInform, "", "Premier employeur privé, filiales au Maroc."},
	{"Coopérative Belval Énergies citoyennes", "company", "Grand Belval", "", "Énergie, Climat", [8]int{1, 1, 2, 0, 3, 1, 2, 2}, ".....", stakeholder.LevelConsult, "D", "Intéressée par un projet solaire à Dori."},
	// Partner authorities abroad and peers.
	{"Commune de Ziguinchor", "partner_authority", "Sénégal", "Service de la coopération", "Eau, Assainissement, Santé", [8]int{1, 2, 2, 3, 3, 3, 3, 3}, "xx.xx", stakeholder.LevelCodecide, "DFMER", "Partenaire depuis 2004 ; maître d'ouvrage du réseau d'eau."},
	{"Landkreis Lörrach", "partner_authority", "Allemagne", "Partnerschaftsbüro", "Jumelage, Jeunesse, Climat", [8]int{2, 2, 2, 3, 3, 3, 3, 3}, "xx.xx", stakeholder.LevelCollaborate, "DFME", "Jumelage historique, projets Erasmus+ communs."},
	{"Commune de Dori", "partner_authority", "Burkina Faso", "", "Énergie, Éducation", [8]int{0, 1, 1, 3, 3, 2, 3, 2}, "xx...", stakeholder.LevelConsult, "DF", "Coopération suspendue depuis 2022 pour raisons de sécurité."},
	{"Municipalité de Chefchaouen", "partner_authority", "Maroc", "", "Tourisme, Patrimoine, Culture", [8]int{1, 2, 1, 3, 2, 2, 2, 2}, ".x..x", stakeholder.LevelConsult, "F", "Piste de partenariat née d'une mission économique."},
	{"Ville de Hội An", "partner_authority", "Viêt Nam", "", "Patrimoine, Tourisme", [8]int{1, 2, 0, 3, 2, 1, 1, 1}, ".x...", stakeholder.LevelInform, "", "Contact ancien, sans projet actif."},
	{"Ville de Lyon", "peer", "France", "", "Coopération décentralisée", [8]int{1, 2, 2, 0, 3, 2, 1, 2}, "...x.", stakeholder.LevelInform, "D", "Partage son expérience du 1 % eau."},
	{"Département de la Haute-Belvaise", "peer", "France", "Direction des relations internationales", "Solidarité internationale, Jeunesse", [8]int{3, 2, 2, 0, 3, 2, 2, 2}, "..xx.", stakeholder.LevelCollaborate, "DFM", "Cofinance les projets de ses EPCI au Sénégal."},
	{"Région Grand Est", "peer", "France", "", "Europe, Économie", [8]int{3, 2, 2, 1, 3, 2, 1, 1}, "..x..", stakeholder.LevelConsult, "F", "Autorité de gestion de fonds européens."},
	// Funders, networks, State services, media.
	{"Agence française de développement (FICOL)", "funder", "France", "Division collectivités locales", "Eau, Climat", [8]int{3, 3, 1, 2, 3, 3, 2, 2}, "..x..", stakeholder.LevelConsult, "FM", "Peut financer jusqu'à 1,5 M€ par la FICOL."},
	{"Agence de l'eau Rhin-Meuse", "funder", "France", "", "Eau", [8]int{3, 2, 1, 1, 3, 2, 2, 2}, "x.x..", stakeholder.LevelConsult, "FM", "Cofinance les projets du 1 % eau."},
	{"DAECT (ministère de l'Europe et des Affaires étrangères)", "funder", "France", "", "Coopération décentralisée", [8]int{3, 3, 1, 2, 3, 3, 2, 3}, "..x..", stakeholder.LevelConsult, "FE", "Appels à projets annuels de coopération décentralisée."},
	{"Commission européenne – Erasmus+", "institution", "Union européenne", "Agence Erasmus+ France", "Jeunesse, Éducation, Europe", [8]int{3, 3, 1, 2, 3, 3, 1, 2}, ".....", stakeholder.LevelInform, "M", "Taux de succès faible sur les partenariats de coopération."},
	{"Caisse des Dépôts – Banque des territoires", "funder", "France", "", "Climat, Économie", [8]int{3, 2, 1, 0, 3, 2, 1, 1}, ".....", stakeholder.LevelInform, "", "Partenaire de la publication du guide."},
	{"Cités Unies France", "network", "France", "Pôle Afrique", "Coopération décentralisée", [8]int{1, 3, 3, 0, 3, 3, 2, 3}, "...xx", stakeholder.LevelInvolve, "DFE", "Accompagne la démarche stratégique."},
	{"Réseau régional multi-acteurs Grand Est", "network", "Grand Est", "", "Solidarité internationale", [8]int{1, 2, 3, 0, 3, 3, 2, 3}, "...xx", stakeholder.LevelCollaborate, "DFME", "Anime les ateliers du diagnostic."},
	{"AFCCRE", "network", "France", "", "Europe, Jumelage", [8]int{0, 2, 2, 0, 3, 3, 1, 2}, "...x.", stakeholder.LevelInform, "F", "Ressource pour les jumelages et les fonds européens."},
	{"pS-Eau", "network", "France", "", "Eau, Assainissement", [8]int{1, 2, 2, 0, 3, 3, 3, 2}, "x..x.", stakeholder.LevelConsult, "DF", "Outils et conseils sur le 1 % eau."},
	{"Préfecture de la Haute-Belvaise", "state_service", "Grand Belval", "", "Sécurité, Gouvernance", [8]int{0, 2, 1, 3, 3, 2, 1, 1}, "..x..", stakeholder.LevelInform, "F", "Contrôle de légalité et avis sur les zones à risque."},
	{"Délégation régionale académique aux relations internationales", "state_service", "Grand Est", "", "Éducation, Mobilité internationale", [8]int{1, 2, 2, 2, 3, 2, 2, 2}, "...x.", stakeholder.LevelConsult, "M", "Appuie les mobilités scolaires."},
	{"France Volontaires", "state_service", "France", "", "Jeunesse, Mobilité internationale", [8]int{2, 2, 2, 0, 3, 2, 2, 3}, "...x.", stakeholder.LevelInvolve, "M", "Envoie des volontaires à Ziguinchor."},
	{"Le Républicain du Belval", "media", "Grand Belval", "Rédaction locale", "Communication", [8]int{0, 2, 3, 0, 2, 1, 1, 1}, "....x", stakeholder.LevelInform, "ME", "Quotidien lu par 40 000 habitants."},
	{"Radio Belval FM", "media", "Grand Belval", "", "Communication, Culture", [8]int{0, 1, 2, 0, 2, 1, 2, 1}, "....x", stakeholder.LevelInform, "M", "Émission mensuelle sur les initiatives solidaires."},
	{"Belval TV", "media", "Grand Belval", "", "Communication", [8]int{0, 1, 1, 0, 1, 1, 0, 0}, ".....", "", "", "Télévision locale peu suivie."},
	{"Blog « Belval contribuable »", "media", "Grand Belval", "", "Finances", [8]int{0, 0, 2, 0, 0, 0, 2, 1}, ".....", stakeholder.LevelInform, "", "Critique régulièrement les dépenses de l'agglomération."},
}

// demoRelations link demo actors by name: from, relation, to.
var demoRelations = [][3]string{
	{"Association Belval Solidarité Sahel", "member_of", "Réseau régional multi-acteurs Grand Est"},
	{"Association Belval Solidarité Sahel", "partner_of", "Commune de Ziguinchor"},
	{"Collectif des ressortissants sénégalais", "member_of", "Association Belval Solidarité Sahel"},
	{"Collectif des ressortissants sénégalais", "influences", "Commune de Ziguinchor"},
	{"Association des familles maliennes de Belval", "member_of", "Réseau régional multi-acteurs Grand Est"},
	{"Comité de jumelage Belval–Lörrach", "partner_of", "Landkreis Lörrach"},
	{"Comité de jumelage Belval–Lörrach", "member_of", "AFCCRE"},
	{"Mission relations internationales", "member_of", "Cités Unies France"},
	{"Mission relations internationales", "member_of", "Réseau régional multi-acteurs Grand Est"},
	{"Mission relations internationales", "partner_of", "Commune de Ziguinchor"},
	{"Mission relations internationales", "partner_of", "Landkreis Lörrach"},
	{"Hélène Marchand, vice-présidente aux relations internationales", "influences", "Mission relations internationales"},
	{"Président de l'agglomération", "influences", "Hélène Marchand, vice-présidente aux relations internationales"},
	{"Président de l'agglomération", "influences", "Commission des finances"},
	{"Commission des finances", "influences", "Direction des finances"},
	{"Vice-président à l'eau et à l'assainissement", "influences", "Direction de l'eau et de l'assainissement"},
	{"Vice-président à l'eau et à l'assainissement", "influences", "Belval Eau (régie publique)"},
	{"Belval Eau (régie publique)", "funds", "Commune de Ziguinchor"},
	{"Direction de l'eau et de l'assainissement", "partner_of", "Commune de Ziguinchor"},
	{"Référent international de la direction de l'eau", "member_of", "Direction de l'eau et de l'assainissement"},
	{"Référente internationale du service éducation", "partner_of", "Lycée professionnel Jean-Jaurès"},
	{"Agence de l'eau Rhin-Meuse", "funds", "Belval Eau (régie publique)"},
	{"Agence française de développement (FICOL)", "funds", "Mission relations internationales"},
	{"DAECT (ministère de l'Europe et des Affaires étrangères)", "funds", "Mission relations internationales"},
	{"DAECT (ministère de l'Europe et des Affaires étrangères)", "funds", "Réseau régional multi-acteurs Grand Est"},
	{"Commission européenne – Erasmus+", "funds", "Lycée professionnel Jean-Jaurès"},
	{"Commission européenne – Erasmus+", "funds", "Université de Belval"},
	{"Département de la Haute-Belvaise", "funds", "Association Belval Solidarité Sahel"},
	{"Département de la Haute-Belvaise", "partner_of", "Commune de Ziguinchor"},
	{"Région Grand Est", "funds", "Réseau régional multi-acteurs Grand Est"},
	{"Ville de Lyon", "member_of", "Cités Unies France"},
	{"Ville de Lyon", "member_of", "pS-Eau"},
	{"Association Ingénieurs sans frontières Belval", "partner_of", "Direction de l'eau et de l'assainissement"},
	{"Association Ingénieurs sans frontières Belval", "member_of", "pS-Eau"},
	{"Université de Belval", "partner_of", "Landkreis Lörrach"},
	{"Université de Belval", "partner_of", "Direction du développement économique"},
	{"Lycée professionnel Jean-Jaurès", "partner_of", "Landkreis Lörrach"},
	{"Chambre de commerce et d'industrie de Belval", "partner_of", "Direction du développement économique"},
	{"Chambre de commerce et d'industrie de Belval", "influences", "Groupe Valdor (industrie agroalimentaire)"},
	{"Groupe Valdor (industrie agroalimentaire)", "funds", "Festival Belval Musiques du monde"},
	{"Chambre de métiers et de l'artisanat", "partner_of", "Commune de Ziguinchor"},
	{"Coopérative Belval Énergies citoyennes", "partner_of", "Commune de Dori"},
	{"Direction de la jeunesse et des sports", "partner_of", "France Volontaires"},
	{"France Volontaires", "partner_of", "Commune de Ziguinchor"},
	{"Scouts et guides de Belval", "partner_of", "Direction de la jeunesse et des sports"},
	{"Conseil des jeunes de Belval", "influences", "Direction de la jeunesse et des sports"},
	{"Conseil de développement du Grand Belval", "influences", "Président de l'agglomération"},
	{"Direction de la culture", "funds", "Festival Belval Musiques du monde"},
	{"Festival Belval Musiques du monde", "partner_of", "Municipalité de Chefchaouen"},
	{"Référente internationale de l'office de tourisme", "partner_of", "Municipalité de Chefchaouen"},
	{"Direction de la communication", "partner_of", "Le Républicain du Belval"},
	{"Le Républicain du Belval", "influences", "Élu·es de l'opposition"},
	{"Blog « Belval contribuable »", "influences", "Élu·es de l'opposition"},
	{"Radio Belval FM", "partner_of", "Festival Belval Musiques du monde"},
	{"Préfecture de la Haute-Belvaise", "influences", "Commune de Dori"},
	{"Délégation régionale académique aux relations internationales", "partner_of", "Lycée professionnel Jean-Jaurès"},
	{"Cités Unies France", "partner_of", "Réseau régional multi-acteurs Grand Est"},
	{"Maison des droits de l'homme de Belval", "member_of", "Réseau régional multi-acteurs Grand Est"},
}

var demoStepInitials = map[rune]stakeholder.Step{'D': stakeholder.StepDiagnostic, 'F': stakeholder.StepDefinition,
	'M': stakeholder.StepImplementation, 'E': stakeholder.StepEvaluation, 'R': stakeholder.StepRevision}

// toStakeholder expands the compact form; the reason goes on the strongest power criterion, and the
// promise stays empty so the level's wording from the guide's engagement table applies.
func (d demoActor) toStakeholder() stakeholder.Stakeholder {
	s := stakeholder.Stakeholder{Name: d.name, Kind: stakeholder.Kind(d.kind), Territory: d.territory, Contact: d.contact}
	for _, t := range strings.Split(d.themes, ",") {
		if t = strings.TrimSpace(t); t != "" {
			s.Themes = append(s.Themes, t)
		}
	}
	top, strongest := "", -1
	for i, r := range s.Rated() {
		s.ScoreAt(r.Field).Value = d.scores[i]
		if i < 4 && d.scores[i] > strongest {
			top, strongest = r.Field, d.scores[i]
		}
	}
	s.ScoreAt(top).Comment = d.why
	for i, n := range s.Noted() {
		s.FlagAt(n.Field).Present = i < len(d.flags) && d.flags[i] == 'x'
	}
	s.Engagement.Level = d.level
	for _, c := range d.steps {
		s.Engagement.Steps = append(s.Engagement.Steps, demoStepInitials[c])
	}
	return s
}

// loadStakeholders adds the demo's stakeholder map: about sixty actors of every kind, scored on the
// guide's criteria, their relations, and the engagement that makes up the plan per step.
func loadStakeholders(ctx context.Context, st *store.Store, fx *Fixture) error {
	ids := make(map[string]int64, len(demoActors))
	for _, d := range demoActors {
		s := d.toStakeholder()
		if err := st.CreateStakeholder(ctx, fx.Actor, fx.Authority.ID, &s); err != nil {
			return fmt.Errorf("%s: %w", d.name, err)
		}
		ids[d.name] = s.ID
	}
	for _, r := range demoRelations {
		from, okF := ids[r[0]]
		to, okT := ids[r[2]]
		if !okF || !okT {
			return fmt.Errorf("relation %q → %q: unknown actor", r[0], r[2])
		}
		rel := stakeholder.Relation{From: from, To: to, Kind: stakeholder.RelationKind(r[1])}
		if err := st.AddRelation(ctx, fx.Actor, fx.Authority.ID, &rel); err != nil {
			return fmt.Errorf("relation %q → %q: %w", r[0], r[2], err)
		}
	}
	return nil
}
