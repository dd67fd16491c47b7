package demo

import (
	"context"
	"time"

	"boussole/internal/attachment"
	"boussole/internal/diagnostic"
	"boussole/internal/partialdate"
	"boussole/internal/store"
)

// loadDiagnostic adds the demo's first two steps: the argument for élus and services, six awareness
// sessions, the principles self-assessment, the AFOM matrix and the critical review of fourteen partnerships.
func loadDiagnostic(ctx context.Context, st *store.Store, fx *Fixture) error {
	for _, load := range []func(context.Context, *store.Store, *Fixture) error{
		loadArgument, loadAwareness, loadAssessment, loadSWOT, loadPartnerships,
	} {
		if err := load(ctx, st, fx); err != nil {
			return err
		}
	}
	return nil
}

func loadArgument(ctx context.Context, st *store.Store, fx *Fixture) error {
	a := diagnostic.ArgumentRecord{AuthorityID: fx.Authority.ID, StrategyID: fx.Strategy.ID, Input: diagnostic.ArgumentInput{
		Authority: "Grand Belval Agglomération",
		Stakes: []string{"atouts.cohesion", "atouts.jeunes", "dynamiques.acteurs", "dynamiques.financements",
			"capital.innovation", "capital.decloisonnement", "global.odd", "global.defis"},
		Notes: map[string]string{
			"atouts.jeunes":           "En 2025, 86 jeunes de l'agglomération sont partis en mobilité (Erasmus+, volontariat, chantiers) ; la mission locale en vise le double d'ici 2030.",
			"dynamiques.acteurs":      "Une quarantaine d'entreprises du parc d'activités de la Vrille exportent ; la chambre de commerce demande un appui pour les salons à l'étranger.",
			"dynamiques.financements": "Le dispositif 1 % eau finance déjà 180 000 € par an de coopération avec Ziguinchor ; le FICOL de l'AFD n'a jamais été sollicité.",
			"capital.decloisonnement": "Le projet avec Quảng Nam a réuni pour la première fois les directions du patrimoine, du tourisme et de l'eau.",
			"global.odd":              "L'Agenda 2030 de l'agglomération, adopté en 2023, suit déjà 12 indicateurs des ODD.",
		},
		LocalFacts: []string{
			"152 400 habitants dans 38 communes, dont 31 % ont moins de 25 ans.",
			"Une diaspora sénégalaise et marocaine structurée en une douzaine d'associations.",
			"L'université de Belval accueille 1 900 étudiants internationaux.",
			"Douze partenariats internationaux, dont sept actifs, dans huit pays.",
		},
		Examples: []string{
			"Les trois forages et les 2 400 branchements réalisés à Ziguinchor depuis 2004 avec le syndicat des eaux.",
			"La Communauté urbaine de Dunkerque a fait de ses jumelages un levier de mobilité pour ses apprentis.",
		},
	}}
	return st.SaveArgument(ctx, fx.Actor, &a)
}

func loadAwareness(ctx context.Context, st *store.Store, fx *Fixture) error {
	services := diagnostic.ServiceListRecord{AuthorityID: fx.Authority.ID, Services: []string{
		"Direction générale des services", "Mission relations internationales", "Direction de l'eau et de l'assainissement",
		"Direction de la jeunesse", "Direction de la culture et du patrimoine", "Direction du développement économique",
		"Direction de la communication", "Direction des finances", "Direction des sports", "Petite enfance",
	}}
	if err := st.SaveServiceList(ctx, fx.Actor, &services); err != nil {
		return err
	}
	att := func(pairs ...string) []diagnostic.Attendee {
		var out []diagnostic.Attendee
		for i := 0; i+1 < len(pairs); i += 2 {
			out = append(out, diagnostic.Attendee{Name: pairs[i], Service: pairs[i+1]})
		}
		return out
	}
	sessions := []diagnostic.Session{
		{Date: pday(2026, 3, 10), Title: "Présentation de la démarche au bureau communautaire", Format: diagnostic.FormatMeeting,
			Audiences: []diagnostic.Audience{diagnostic.AudienceElected},
			Attendees: att("Hélène Marchand", "", "Le président", "", "Paul Girard, vice-président aux finances", "", "Nadia Haddad, vice-présidente à la jeunesse", "",
				"Karim Benali", "Mission relations internationales"),
			Outcomes: "Le bureau donne mandat pour élaborer la stratégie et demande un point d'étape avant l'été. Portage politique confirmé par le président."},
		{Date: pday(2026, 3, 24), Title: "Comité de direction : l'international au service des politiques publiques", Format: diagnostic.FormatMeeting,
			Audiences: []diagnostic.Audience{diagnostic.AudienceServices},
			Attendees: att("Claire Vasseur", "Direction générale des services", "Julien Morel", "Direction de l'eau et de l'assainissement",
				"Inès Carpentier", "Direction de la culture et du patrimoine", "Thomas Renaud", "Direction du développement économique",
				"Sophie Lambert", "Direction de la communication", "Karim Benali", "Mission relations internationales"),
			Outcomes: "Chaque direction désigne un référent international. La direction des finances, absente, sera vue à part."},
		{Date: pday(2026, 4, 7), Title: "Atelier des référents : ce que l'international apporte à mon service", Format: diagnostic.FormatWorkshop,
			Audiences: []diagnostic.Audience{diagnostic.AudienceServices},
			Attendees: att("Julien Morel", "Direction de l'eau et de l'assainissement", "Élodie Martin", "Direction de la jeunesse",
				"Inès Carpentier", "Direction de la culture et du patrimoine", "Thomas Renaud", "Direction du développement économique",
				"Karim Benali", "Mission relations internationales"),
			Outcomes: "Premiers éléments de la matrice AFOM ; la jeunesse propose de relier les jumelages à la mobilité des apprentis."},
		{Date: pday(2026, 4, 21), Title: "Rencontre avec les associations de solidarité internationale et de la diaspora", Format: diagnostic.FormatWorkshop,
			Audiences: []diagnostic.Audience{diagnostic.AudiencePartners},
			Attendees: att("Aminata Diallo", "", "Mohamed Alaoui, Amicale Belval–Azrou", "", "Lucie Fontaine, Belval Solidarité Haïti", "",
				"Karim Benali", "Mission relations internationales"),
			Outcomes: "Les associations demandent un fonds d'appui aux initiatives locales et une place au comité de suivi."},
		{Date: pday(2026, 5, 5), Title: "Formation : monter un projet européen", Format: diagnostic.FormatTraining,
			Audiences: []diagnostic.Audience{diagnostic.AudienceServices},
			Attendees: att("Élodie Martin", "Direction de la jeunesse", "Léa Roy", "Direction de la jeunesse", "Thomas Renaud", "Direction du développement économique",
				"Marc Petit", "Direction de la culture et du patrimoine"),
			Outcomes: "Deux idées de projets Erasmus+ et une candidature URBACT envisagée avec Valdoria."},
		{Date: pday(2026, 5, 19), Title: "Visioconférence avec la commune de Ziguinchor et le syndicat des eaux", Format: diagnostic.FormatOnline,
			Audiences: []diagnostic.Audience{diagnostic.AudiencePartners, diagnostic.AudienceServices, diagnostic.AudienceElected},
			Attendees: att("Hélène Marchand", "", "Julien Morel", "Direction de l'eau et de l'assainissement", "Le maire de Ziguinchor", "",
				"Karim Benali", "Mission relations internationales"),
			Outcomes: "Bilan partagé de vingt ans de coopération ; accord pour recentrer la convention sur l'assainissement."},
	}
	for _, ss := range sessions {
		rec := diagnostic.SessionRecord{AuthorityID: fx.Authority.ID, StrategyID: fx.Strategy.ID, Session: ss}
		if err := st.CreateAwarenessSession(ctx, fx.Actor, &rec); err != nil {
			return err
		}
	}
	return nil
}

func loadAssessment(ctx context.Context, st *store.Store, fx *Fixture) error {
	a := diagnostic.AssessmentRecord{AuthorityID: fx.Authority.ID, StrategyID: fx.Strategy.ID,
		ConditionsMet: []string{"portage-politique", "sensibilisation", "competences", "diagnostic"},
		Principles: []diagnostic.PrincipleAssessment{
			{Principle: "capitalisation", Rating: diagnostic.RatingPartly, Comment: "Les bilans de la coopération avec Ziguinchor existent mais ne sont pas partagés au-delà de la direction de l'eau."},
			{Principle: "ciblage", Rating: diagnostic.RatingNotYet, Comment: "Douze partenariats dans huit pays pour une seule chargée de mission : la revue critique doit conduire à en recentrer plusieurs."},
			{Principle: "mobilisation", Rating: diagnostic.RatingPartly, Comment: "Les associations sont actives mais peu associées aux décisions ; aucune consultation citoyenne à ce jour."},
			{Principle: "reciprocite", Rating: diagnostic.RatingLargely, Comment: "Les échanges d'agents avec Quảng Nam et Talheim profitent aux deux parties."},
			{Principle: "long-terme", Rating: diagnostic.RatingLargely, Comment: "Partenariats anciens (Talheim depuis 1972, Ziguinchor depuis 2004) ; budget pluriannuel à construire."},
		}}
	return st.SaveAssessment(ctx, fx.Actor, &a)
}

// demoSWOT lists the matrix in compact form: quadrant, scope, weight, text, evidence, proposed by.
var demoSWOT = []struct {
	q                  diagnostic.Quadrant
	scope              diagnostic.Scope
	weight             int
	text, evidence, by string
}{
	{diagnostic.Strengths, diagnostic.ScopeAuthority, 3, "Vingt ans de coopération décentralisée dans l'eau avec Ziguinchor, reconnue par l'AFD", "Bilans annuels du syndicat des eaux, 2004–2025", "Direction de l'eau"},
	{diagnostic.Strengths, diagnostic.ScopeAuthority, 2, "Un vice-président dédié aux relations internationales et un portage du président", "Délibération de délégation de 2026", "Mission RI"},
	{diagnostic.Strengths, diagnostic.ScopeTerritory, 3, "Une université de 14 000 étudiants, dont 1 900 internationaux", "Chiffres de l'université, rentrée 2025", "Atelier des référents"},
	{diagnostic.Strengths, diagnostic.ScopeTerritory, 2, "Un patrimoine fluvial et industriel qui intéresse les partenaires vietnamiens", "", "Direction de la culture"},
	{diagnostic.Strengths, diagnostic.ScopeActors, 3, "Un tissu associatif de solidarité internationale dense, dont une douzaine d'associations de la diaspora", "Annuaire des associations 2025", "Rencontre avec les associations"},
	{diagnostic.Strengths, diagnostic.ScopePopulations, 2, "Une population jeune : 31 % des habitants ont moins de 25 ans", "INSEE, recensement 2021", "Direction de la jeunesse"},
	{diagnostic.Strengths, diagnostic.ScopeDynamics, 2, "Une quarantaine d'entreprises exportatrices dans la mécanique et l'agroalimentaire", "Chambre de commerce, 2025", "Développement économique"},
	{diagnostic.Weaknesses, diagnostic.ScopeAuthority, 3, "Une seule personne à la mission relations internationales, sans budget pluriannuel", "Organigramme 2026", "Mission RI"},
	{diagnostic.Weaknesses, diagnostic.ScopeAuthority, 3, "Des partenariats dispersés, sans évaluation commune ni critères de choix", "Revue critique en cours", "Mission RI"},
	{diagnostic.Weaknesses, diagnostic.ScopeAuthority, 2, "Des directions qui travaillent l'international chacune de leur côté", "Comité de direction du 24 mars 2026", "Claire Vasseur"},
	{diagnostic.Weaknesses, diagnostic.ScopeTerritory, 1, "Une desserte aérienne limitée : l'aéroport international le plus proche est à 1 h 30", "", "Développement économique"},
	{diagnostic.Weaknesses, diagnostic.ScopeActors, 2, "Des associations peu coordonnées entre elles et avec la collectivité", "", "Rencontre avec les associations"},
	{diagnostic.Weaknesses, diagnostic.ScopePopulations, 2, "Une action internationale mal connue des habitants", "Enquête de notoriété 2024 : 18 % la connaissent", "Direction de la communication"},
	{diagnostic.Weaknesses, diagnostic.ScopeDynamics, 1, "Peu d'apprentis et de demandeurs d'emploi partent en mobilité", "Mission locale, 2025", "Direction de la jeunesse"},
	{diagnostic.Opportunities, diagnostic.ScopeAuthority, 3, "Le FICOL de l'AFD pourrait financer un projet d'assainissement à Ziguinchor", "AFD, règlement FICOL 2026", "Mission RI"},
	{diagnostic.Opportunities, diagnostic.ScopeAuthority, 2, "Le dispositif 1 % déchets, jamais utilisé, ouvrirait un second volet de coopération", "Loi Oudin-Santini étendue aux déchets en 2014", "Direction de l'eau"},
	{diagnostic.Opportunities, diagnostic.ScopeTerritory, 2, "Les Jeux de la Francophonie 2027 dans la région", "", "Direction des sports"},
	{diagnostic.Opportunities, diagnostic.ScopeActors, 3, "Le réseau régional multi-acteurs propose un accompagnement gratuit en 2026", "Courrier du RRMA, février 2026", "Mission RI"},
	{diagnostic.Opportunities, diagnostic.ScopeActors, 2, "L'université cherche des partenaires territoriaux pour ses programmes Erasmus+", "", "Atelier des référents"},
	{diagnostic.Opportunities, diagnostic.ScopePopulations, 2, "Des jeunes de la diaspora prêts à s'engager comme volontaires", "Rencontre avec les associations, 21 avril 2026", "Aminata Diallo"},
	{diagnostic.Opportunities, diagnostic.ScopeDynamics, 2, "Un appel URBACT sur la transition des villes moyennes ouvert en 2026", "", "Direction de la culture"},
	{diagnostic.Threats, diagnostic.ScopeAuthority, 3, "La baisse des dotations menace les crédits facultatifs, dont l'international", "Débat d'orientation budgétaire 2026", "Direction des finances"},
	{diagnostic.Threats, diagnostic.ScopeTerritory, 2, "La dégradation sécuritaire au Sahel empêche les déplacements vers certains partenaires", "Conseils aux voyageurs du ministère", "Mission RI"},
	{diagnostic.Threats, diagnostic.ScopePopulations, 2, "Une partie des habitants juge l'action internationale dépensière", "Courriers reçus et réseaux sociaux, 2025", "Direction de la communication"},
	{diagnostic.Threats, diagnostic.ScopeDynamics, 1, "La concurrence des grandes métropoles sur les mêmes appels européens", "", "Développement économique"},
}

func loadSWOT(ctx context.Context, st *store.Store, fx *Fixture) error {
	for _, x := range demoSWOT {
		it := diagnostic.ItemRecord{AuthorityID: fx.Authority.ID, StrategyID: fx.Strategy.ID, Item: diagnostic.Item{
			Quadrant: x.q, Scope: x.scope, Weight: x.weight, Text: x.text, Evidence: x.evidence, ProposedBy: x.by}}
		if err := st.CreateSWOTItem(ctx, fx.Actor, &it); err != nil {
			return err
		}
	}
	return nil
}

// demoPartnerships are the fourteen relations of the register, in ten countries, each with its review: among
// them a cross-border cooperation of three countries whose convention is known to the month, and the
// membership of a network that belongs to no country.
var demoPartnerships = []diagnostic.Partnership{
	{Partner: "Commune de Ziguinchor", Countries: []string{"SN"}, Kind: diagnostic.KindDecentralised, Status: diagnostic.StatusActive, StartYear: 2004,
		Agreement: diagnostic.Agreement{Signed: pday(2022, 3, 14), Start: pday(2022, 4, 1), End: pday(2027, 3, 31), DeliberationRef: "DEL-2022-031"},
		Themes:    []string{"Eau et assainissement", "Gouvernance locale"}, Services: []string{"Direction de l'eau et de l'assainissement"},
		LocalActors: []string{"Syndicat des eaux de Belval", "Association Belval Solidarité Sahel"}, YearlyBudgetCents: new(int64(18_000_000)),
		Review: diagnostic.Review{Results: "3 forages, 2 400 branchements, un service municipal de l'eau formé.", Functioning: "Comité de pilotage annuel, alterné entre Ziguinchor et Belval ; missions techniques deux fois par an.",
			OurGain: "Savoir-faire des agents valorisé, mobilisation de la diaspora sénégalaise.", PartnerGain: "Accès à l'eau potable pour 18 000 habitants.",
			Decision: diagnostic.DecisionRefocus, Reason: "L'eau potable est acquise : recentrer la prochaine convention sur l'assainissement, avec un dossier FICOL."}},
	{Partner: "Département de Matam", Countries: []string{"SN"}, Kind: diagnostic.KindSolidarity, Status: diagnostic.StatusDormant, StartYear: 2012,
		Themes: []string{"Santé"}, LocalActors: []string{"Centre hospitalier de Belval"},
		Review: diagnostic.Review{Results: "Dons de matériel médical entre 2012 et 2018.", Functioning: "Porté par un médecin aujourd'hui retraité ; plus d'échanges depuis 2019.",
			OurGain: "Peu de retombées pour le territoire.", PartnerGain: "Équipement d'un centre de santé.",
			Decision: diagnostic.DecisionSuspend, Reason: "Sans porteur ni financement, mettre en sommeil et proposer aux associations de reprendre le lien."}},
	{Partner: "Stadt Talheim am Main", Countries: []string{"DE"}, Kind: diagnostic.KindTwinning, Status: diagnostic.StatusActive, StartYear: 1972,
		Agreement: diagnostic.Agreement{Signed: pday(1972, 6, 18), DeliberationRef: "Délibération du 2 mai 1972"},
		Themes:    []string{"Jeunesse", "Culture", "Mobilité des jeunes"}, Services: []string{"Direction de la jeunesse", "Direction de la culture et du patrimoine"},
		LocalActors: []string{"Comité de jumelage", "Lycée Jean-Moulin"}, YearlyBudgetCents: new(int64(2_500_000)),
		Review: diagnostic.Review{Results: "Échanges scolaires annuels, 40 jeunes par an ; festival commun.", Functioning: "Animé par le comité de jumelage, vieillissant.",
			OurGain: "Mobilité des jeunes, ouverture culturelle.", PartnerGain: "Idem, réciprocité équilibrée.",
			Decision: diagnostic.DecisionContinue, Reason: "Relation vivante et réciproque ; l'ouvrir aux apprentis avec l'OFAJ."}},
	{Partner: "Stadtwerke Talheim", Countries: []string{"DE"}, Kind: diagnostic.KindEuropean, Status: diagnostic.StatusEnded, StartYear: 2019,
		Agreement: diagnostic.Agreement{Start: pday(2019, 1, 1), End: pday(2022, 12, 31)},
		Themes:    []string{"Énergie", "Climat"}, Services: []string{"Direction de l'eau et de l'assainissement"}, YearlyBudgetCents: new(int64(4_000_000)),
		Review: diagnostic.Review{Results: "Étude de faisabilité d'un réseau de chaleur sur eaux usées.", Functioning: "Consortium Interreg de cinq partenaires, piloté par Talheim.",
			OurGain: "Étude financée à 80 %.", PartnerGain: "Cas d'usage français pour leur solution.",
			Decision: diagnostic.DecisionStop, Reason: "Projet achevé ; les suites relèvent du plan climat, hors stratégie internationale."}},
	{Partner: "Commune urbaine de Koudougou", Countries: []string{"BF"}, Kind: diagnostic.KindDecentralised, Status: diagnostic.StatusEnded, StartYear: 2008,
		Agreement: diagnostic.Agreement{Signed: pday(2015, 9, 3), Start: pday(2015, 10, 1), End: pday(2019, 9, 30), DeliberationRef: "DEL-2015-112"},
		Themes:    []string{"Gestion des déchets", "Gouvernance locale"}, YearlyBudgetCents: new(int64(3_000_000)),
		Review: diagnostic.Review{Results: "Un centre de tri construit ; l'état civil informatisé.", Functioning: "Interrompu en 2019 : plus aucun déplacement possible.",
			OurGain: "Expérience des agents du service déchets.", PartnerGain: "Services municipaux renforcés.",
			Decision: diagnostic.DecisionStop, Reason: "Le contexte sécuritaire ne permet pas de reprendre ; garder le contact par le réseau des collectivités."}},
	{Partner: "Province de Quảng Nam", Countries: []string{"VN"}, Kind: diagnostic.KindDecentralised, Status: diagnostic.StatusActive, StartYear: 2016,
		Agreement: diagnostic.Agreement{Signed: pday(2023, 11, 20), Start: pday(2024, 1, 1), End: pday(2026, 12, 31), DeliberationRef: "DEL-2023-187"},
		Themes:    []string{"Patrimoine", "Tourisme", "Eau et assainissement"}, Services: []string{"Direction de la culture et du patrimoine", "Direction de l'eau et de l'assainissement"},
		LocalActors: []string{"Université de Belval", "Office de tourisme"}, YearlyBudgetCents: new(int64(6_000_000)),
		Review: diagnostic.Review{Results: "Plan de gestion d'un quartier historique ; deux stages d'étudiants par an.", Functioning: "Bon, grâce à un volontaire sur place ; dépend de lui.",
			OurGain: "Expertise patrimoniale et universitaire valorisée.", PartnerGain: "Méthodes de gestion du patrimoine et des eaux pluviales.",
			Decision: diagnostic.DecisionRefocus, Reason: "Concentrer sur le patrimoine et l'université ; abandonner le volet tourisme."}},
	{Partner: "Commune d'Azrou", Countries: []string{"MA"}, Kind: diagnostic.KindTwinning, Status: diagnostic.StatusDormant, StartYear: 1998,
		Themes: []string{"Culture", "Jeunesse"}, LocalActors: []string{"Amicale Belval–Azrou"},
		Review: diagnostic.Review{Results: "Échanges culturels jusqu'en 2015.", Functioning: "Plus de rencontre officielle depuis 2016.",
			OurGain: "Lien avec la diaspora marocaine.", PartnerGain: "Visibilité, dons de livres."}},
	{Partner: "Commune de Sefrou", Countries: []string{"MA"}, Kind: diagnostic.KindSolidarity, Status: diagnostic.StatusActive, StartYear: 2021,
		Themes: []string{"Insertion professionnelle", "Jeunesse"}, Services: []string{"Direction de la jeunesse"},
		LocalActors: []string{"Association des Marocains de Belval", "Mission locale"}, YearlyBudgetCents: new(int64(1_500_000)),
		Review: diagnostic.Review{Results: "Un atelier de formation aux métiers du bâtiment.", Functioning: "Porté par l'association, la collectivité finance.",
			OurGain: "Engagement des jeunes de la diaspora.", PartnerGain: "Formation de 30 jeunes par an."}},
	{Partner: "Comune di Valdoria", Countries: []string{"IT"}, Kind: diagnostic.KindEuropean, Status: diagnostic.StatusActive, StartYear: 2024,
		Agreement: diagnostic.Agreement{Start: pday(2024, 9, 1), End: pday(2027, 8, 31)},
		Themes:    []string{"Mobilité des jeunes", "Jeunesse"}, Services: []string{"Direction de la jeunesse"}, LocalActors: []string{"Mission locale", "CFA du bâtiment"},
		YearlyBudgetCents: new(int64(3_500_000)),
		Review: diagnostic.Review{Results: "24 apprentis accueillis de part et d'autre en deux ans.", Functioning: "Projet Erasmus+ bien cadré, charge administrative lourde.",
			OurGain: "Mobilité d'apprentis, jusqu'ici inexistante.", PartnerGain: "Même bénéfice ; accès à nos plateaux techniques.",
			Decision: diagnostic.DecisionContinue, Reason: "Résultats au rendez-vous ; préparer le renouvellement en 2027."}},
	{Partner: "Città di Montelupo", Countries: []string{"IT"}, Kind: diagnostic.KindTwinning, Status: diagnostic.StatusActive, StartYear: 1989,
		Agreement: diagnostic.Agreement{Signed: pday(1989, 5, 6)},
		Themes:    []string{"Culture", "Sport"}, LocalActors: []string{"Comité de jumelage", "Club de rugby"}, YearlyBudgetCents: new(int64(800_000))},
	{Partner: "Ville de Sherbrooke", Countries: []string{"CA"}, Kind: diagnostic.KindYouthMobility, Status: diagnostic.StatusActive, StartYear: 2018,
		Themes: []string{"Mobilité des jeunes", "Enseignement supérieur"}, Services: []string{"Direction de la jeunesse"},
		LocalActors: []string{"Université de Belval", "Office franco-québécois pour la jeunesse"}, YearlyBudgetCents: new(int64(1_200_000)),
		Review: diagnostic.Review{Results: "15 stages croisés par an.", Functioning: "Fluide, appuyé par l'OFQJ.",
			OurGain: "Insertion des jeunes diplômés.", PartnerGain: "Stagiaires qualifiés.",
			Decision: diagnostic.DecisionContinue, Reason: "Coût faible, résultats mesurables."}},
	{Partner: "Commune de Jacmel", Countries: []string{"HT"}, Kind: diagnostic.KindEmergency, Status: diagnostic.StatusEnded, StartYear: 2010,
		Agreement: diagnostic.Agreement{Start: pday(2010, 2, 1), End: pday(2011, 12, 31), DeliberationRef: "DEL-2010-009"},
		Themes:    []string{"Aide d'urgence", "Reconstruction"}, LocalActors: []string{"Belval Solidarité Haïti"}, YearlyBudgetCents: new(int64(5_000_000)),
		Review: diagnostic.Review{Results: "Reconstruction d'une école après le séisme de 2010.", Functioning: "Fonds d'urgence versé à une ONG, suivi par l'association.",
			OurGain: "Mobilisation citoyenne exceptionnelle.", PartnerGain: "Une école de 400 élèves.",
			Decision: diagnostic.DecisionStop, Reason: "Action d'urgence achevée ; l'aide d'urgence passera désormais par le fonds de l'État (FACECO)."}},
	{Partner: "Eurodistrict Belval–Talheim–Bâle", Countries: []string{"FR", "DE", "CH"}, Kind: diagnostic.KindCrossBorder, Status: diagnostic.StatusActive, StartYear: 2011,
		Agreement: diagnostic.Agreement{Signed: partialdate.OfMonth(2011, 12), Start: partialdate.OfYear(2012), DeliberationRef: "DEL-2011-204"},
		Themes:    []string{"Mobilité", "Formation professionnelle"}, Services: []string{"Direction de la jeunesse"},
		LocalActors: []string{"Chambre de commerce et d'industrie"}, YearlyBudgetCents: new(int64(3_500_000)),
		Review: diagnostic.Review{Results: "Une ligne de bus transfrontalière ; un guichet de l'apprentissage franco-allemand.", Functioning: "Groupement européen de coopération territoriale, conseil trimestriel.",
			OurGain: "Accès des apprentis aux entreprises allemandes et suisses.", PartnerGain: "Main-d'œuvre qualifiée.",
			Decision: diagnostic.DecisionContinue, Reason: "Cœur de la coopération de proximité ; y adosser la priorité « mobilité des jeunes »."}},
	{Partner: "Cités Unies France", Kind: diagnostic.KindNetwork, Status: diagnostic.StatusActive, StartYear: 2005,
		Agreement: diagnostic.Agreement{Signed: partialdate.OfYear(2005)},
		Themes:    []string{"Gouvernance locale"}, YearlyBudgetCents: new(int64(450_000)),
		Review: diagnostic.Review{Results: "Groupes pays Sénégal et Vietnam ; appui au montage des dossiers FICOL.", Functioning: "Cotisation annuelle, participation aux groupes pays.",
			OurGain: "Veille, formation des agents, accès aux partenaires.", PartnerGain: "Expérience de la coopération eau partagée avec le réseau.",
			Decision: diagnostic.DecisionContinue, Reason: "Adhésion peu coûteuse et utile à chaque dossier de financement."}},
}

func pday(y int, m time.Month, d int) partialdate.Date { return partialdate.Of(y, m, d) }

// demoAgreement is the signed text attached to a demo partnership, written as a one-page PDF.
type demoAgreement struct {
	file, title string
	lines       []string
}

// demoAgreements attaches the convention with Ziguinchor and the twinning charter with Talheim, so the register
// shows both a downloadable document and entries without one.
var demoAgreements = map[string]demoAgreement{
	"Commune de Ziguinchor": {"Convention Belval-Ziguinchor 2022-2027.pdf", "Convention de coopération décentralisée", []string{
		"Entre Grand Belval Agglomération, représentée par son président, autorisé par la délibération DEL-2022-031,",
		"et la Commune de Ziguinchor (Sénégal), représentée par son maire.",
		"",
		"Article 1 - Objet : accès à l'eau potable et assainissement des quartiers riverains du fleuve.",
		"Article 2 - Durée : du 1er avril 2022 au 31 mars 2027.",
		"Article 3 - Engagements : appui technique de la direction de l'eau, formation des agents communaux,",
		"accueil réciproque d'élus et de techniciens ; comité de pilotage annuel alterné.",
		"Article 4 - Financement : 45 000 euros par an, sous réserve du vote du budget.",
		"",
		"Fait à Belval, le 14 mars 2022, en deux exemplaires originaux.",
	}},
	"Stadt Talheim am Main": {"Charte de jumelage Belval-Talheim 1972.pdf", "Charte de jumelage", []string{
		"Les villes de Belval et de Talheim am Main, fidèles à l'esprit de réconciliation européenne,",
		"s'engagent à maintenir des liens permanents entre leurs habitants,",
		"à favoriser les échanges de jeunes, d'associations, d'écoles et d'entreprises,",
		"et à unir leurs efforts au service de la paix et de la compréhension entre les peuples.",
		"",
		"Signée à Talheim am Main le 18 juin 1972.",
	}},
}

func loadPartnerships(ctx context.Context, st *store.Store, fx *Fixture) error {
	for _, p := range demoPartnerships {
		rec := diagnostic.PartnershipRecord{AuthorityID: fx.Authority.ID, Partnership: p}
		var doc *attachment.Checked
		if a, ok := demoAgreements[p.Partner]; ok {
			c, err := attachment.Check(a.file, attachment.SimplePDF(a.title, a.lines))
			if err != nil {
				return err
			}
			doc = &c
		}
		if err := st.CreatePartnershipWithDocument(ctx, fx.Actor, &rec, doc); err != nil {
			return err
		}
	}
	return nil
}
