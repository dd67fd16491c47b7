package demo

import (
	"context"
	"fmt"

	"boussole/internal/logframe"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/store"
)

// demoObjective is one specific objective of the demo with its results; each result lists its activities
// as title and owner.
type demoObjective struct {
	title, specific, measure, resources string
	sdg                                 []string
	results                             []demoResult
}

type demoResult struct {
	title      string
	sdg        []string
	activities [3][2]string
	indicators []demoIndicator
}

type demoIndicator struct {
	title, unit      string
	measure          logframe.Measure
	baseline, target int64
	source           string // empty: a deliberate gap for the check
}

// demoLogframe is the 2026–2032 strategy of Grand Belval Agglomération. Deliberate gaps for the check: an
// activity without owner (2.1.3), a result without indicator (4.2), an indicator without source, a risk
// without mitigation, a geographic priority no activity reflects.
var demoLogframe = []demoObjective{
	{"Renforcer la coopération décentralisée avec Ziguinchor autour de l'eau et de l'assainissement",
		"Les services de l'eau de l'agglomération et de la commune de Ziguinchor, au bénéfice des habitants des quartiers non raccordés.",
		"Nombre de ménages raccordés au réseau d'assainissement (de 1 200 à 3 000).",
		"2 agents de la direction de l'eau et de l'assainissement à 20 %, 1 % eau (loi Oudin-Santini), cofinancement de l'agence de l'eau.",
		[]string{"6", "6.2", "6.2-local", "17.17"},
		[]demoResult{
			{"Le réseau d'assainissement des quartiers de Boucotte et Kandé est étendu", []string{"6.2"},
				[3][2]string{{"Étude de faisabilité des extensions de réseau", "Direction de l'eau et de l'assainissement"}, {"Travaux d'extension, tranche 1", "Commune de Ziguinchor"}, {"Travaux d'extension, tranche 2", "Commune de Ziguinchor"}},
				[]demoIndicator{{"Ménages raccordés à l'assainissement", "ménages", logframe.MeasureUnit, 1200, 3000, "Registre des raccordements de la commune"},
					{"Part des eaux usées traitées", "%", logframe.MeasurePercentage, 18, 45, "Rapport annuel du service de l'eau"}}},
			{"Les agents du service de l'eau de Ziguinchor sont formés à l'exploitation du réseau", nil,
				[3][2]string{{"Accueil de deux techniciens à Belval pour six semaines", "Direction de l'eau et de l'assainissement"}, {"Mission d'appui technique à Ziguinchor", "Direction de l'eau et de l'assainissement"}, {"Formation à distance à la télégestion", "Régie des eaux de Belval"}},
				[]demoIndicator{{"Agents formés", "agents", logframe.MeasureUnit, 0, 12, "Feuilles d'émargement des formations"},
					{"Pannes réparées en moins de 48 heures", "%", logframe.MeasurePercentage, 35, 80, "Tableau de bord d'exploitation"}}},
			{"Les habitants sont sensibilisés aux gestes d'hygiène", []string{"6.b"},
				[3][2]string{{"Campagne de sensibilisation dans les écoles", "Association Belval–Casamance"}, {"Formation de relais communautaires", "Association Belval–Casamance"}, {"Évaluation de la campagne", "Mission relations internationales"}},
				[]demoIndicator{{"Élèves touchés par la campagne", "élèves", logframe.MeasureUnit, 0, 4000, "Rapports des écoles"},
					{"Relais communautaires formés", "relais", logframe.MeasureUnit, 0, 60, "Listes de l'association Belval–Casamance"}}},
		}},
	{"Ouvrir la mobilité internationale à 600 jeunes du territoire d'ici 2032",
		"Les 16–30 ans de l'agglomération, en priorité ceux des quartiers prioritaires et des communes rurales.",
		"Nombre de jeunes partis en mobilité (de 120 à 600 sur la mandature).",
		"Erasmus+, Office franco-allemand pour la jeunesse, mission locale, 1 chargé de mission jeunesse.",
		[]string{"4", "4.4", "10.2"},
		[]demoResult{
			{"Un guichet unique de la mobilité internationale est ouvert", nil,
				[3][2]string{{"Création du guichet au Bureau information jeunesse", "Direction de la jeunesse"}, {"Formation des conseillers de la mission locale", "Mission locale du Belvalais"}, {"Permanences dans les communes rurales", ""}},
				[]demoIndicator{{"Jeunes accueillis au guichet", "jeunes", logframe.MeasureUnit, 0, 1500, "Fichier du guichet"},
					{"Part des jeunes accueillis issus des quartiers prioritaires", "%", logframe.MeasurePercentage, 10, 40, ""}}},
			{"Les échanges de jeunes avec Neustadt an der Weinstraße sont relancés", []string{"4.7"},
				[3][2]string{{"Échange sportif annuel de jeunes", "Direction des sports"}, {"Chantier de jeunes franco-allemand", "Comité de jumelage"}, {"Stages croisés en apprentissage", "Chambre de métiers"}},
				[]demoIndicator{{"Jeunes ayant participé à un échange", "jeunes", logframe.MeasureUnit, 40, 300, "Bilans de l'OFAJ"},
					{"Apprentis en stage à l'étranger", "apprentis", logframe.MeasureUnit, 2, 30, "Chambre de métiers"}}},
			{"Les volontariats de solidarité internationale sont soutenus", []string{"17.17"},
				[3][2]string{{"Bourse « Premier départ »", "Direction de la jeunesse"}, {"Réunions d'information avec France Volontaires", "Direction de la jeunesse"}, {"Accueil de volontaires en réciprocité", "Mission relations internationales"}},
				[]demoIndicator{{"Volontaires soutenus", "volontaires", logframe.MeasureUnit, 3, 40, "Dossiers de bourse"},
					{"Volontaires de retour engagés dans une association locale", "volontaires", logframe.MeasureUnit, 1, 20, "Enquête auprès des anciens volontaires"}}},
		}},
	{"Faire de l'action internationale un levier pour l'économie du territoire",
		"Les entreprises de l'agglomération, en particulier celles de l'agroalimentaire et des métiers de l'eau.",
		"Nombre d'entreprises accompagnées à l'international (de 5 à 40).",
		"Agence de développement économique, Team France Export, 150 000 € sur la mandature.",
		[]string{"8", "8.3"},
		[]demoResult{
			{"Les entreprises participent aux missions de la collectivité", nil,
				[3][2]string{{"Délégation économique à Neustadt", "Agence de développement économique"}, {"Mission filière eau au Sénégal", "Agence de développement économique"}, {"Club des entreprises à l'international", "Agence de développement économique"}},
				[]demoIndicator{{"Entreprises accompagnées", "entreprises", logframe.MeasureUnit, 5, 40, "Fichier de l'agence de développement"},
					{"Contrats signés à la suite d'une mission", "contrats", logframe.MeasureUnit, 0, 10, "Enquête annuelle auprès des entreprises"}}},
			{"Le territoire est présent dans deux réseaux européens", nil,
				[3][2]string{{"Adhésion à un réseau européen des villes de l'eau", "Mission relations internationales"}, {"Réponse à un appel à projets Interreg", "Mission Europe"}, {"Accueil d'une conférence du réseau", "Mission relations internationales"}},
				[]demoIndicator{{"Projets européens déposés", "projets", logframe.MeasureUnit, 0, 4, "Suivi des candidatures de la mission Europe"},
					{"Réseaux européens dont l'agglomération est membre active", "réseaux", logframe.MeasureUnit, 0, 2, "Délibérations d'adhésion"}}},
		}},
	{"Associer les habitants et la diaspora à la solidarité internationale",
		"Les habitants, les associations de solidarité et les diasporas sénégalaise et marocaine du territoire.",
		"Nombre d'associations partenaires (de 8 à 25).",
		"Fonds de soutien aux associations de 40 000 € par an, maison des associations.",
		[]string{"17", "17.17", "16.7"},
		[]demoResult{
			{"Un fonds de soutien aux projets associatifs est créé", nil,
				[3][2]string{{"Règlement et appel à projets annuel", "Mission relations internationales"}, {"Comité de sélection avec les associations", "Mission relations internationales"}, {"Accompagnement des porteurs de projets", "Maison des associations"}},
				[]demoIndicator{{"Projets associatifs soutenus", "projets", logframe.MeasureUnit, 0, 30, "Délibérations d'attribution"},
					{"Associations partenaires", "associations", logframe.MeasureUnit, 8, 25, "Annuaire de la maison des associations"}}},
			{"Une semaine de la solidarité internationale est organisée chaque année", nil,
				[3][2]string{{"Programmation du Festival des solidarités", "Direction de la culture"}, {"Expositions dans les médiathèques", "Réseau des médiathèques"}, {"Rencontres avec la diaspora", "Mission relations internationales"}},
				nil},
		}},
}

// demoAchievable says, per objective, what puts it within reach; the last one is left blank on purpose, for the
// check's « atteignable ».
var demoAchievable = []string{
	"Quinze ans de coopération avec Ziguinchor, un premier programme d'assainissement mené à bien en 2019 et une régie des eaux volontaire.",
	"Le Bureau information jeunesse accompagne déjà 120 départs par an ; le jumelage avec Neustadt offre des familles d'accueil.",
	"L'agence de développement économique a déjà conduit trois délégations d'entreprises, dont une au Sénégal.",
	"",
}

// demoRisks are the register's entries; the sixth has no mitigation on purpose.
var demoRisks = []struct {
	desc             string
	cat              logframe.RiskCategory
	likely, impact   int
	mitigation, link string // link: "o1", "r1.1", "a1.1.2"…
}{
	{"Instabilité politique en Casamance", logframe.RiskExternal, 2, 4, "Suivi avec le poste diplomatique ; plan de repli des missions.", "o1"},
	{"Retard des travaux d'extension du réseau", logframe.RiskExternal, 3, 3, "Clauses de suivi dans la convention ; comité technique trimestriel.", "r1.1"},
	{"Départ des agents formés du service de Ziguinchor", logframe.RiskExternal, 3, 2, "Formation de formateurs et documentation des procédures.", "r1.2"},
	{"Baisse des crédits de l'agence de l'eau", logframe.RiskExternal, 2, 3, "Diversifier les cofinancements (FICOL, Union européenne).", "o1"},
	{"Manque de disponibilité des agents de la direction de l'eau et de l'assainissement", logframe.RiskInternal, 3, 3, "Temps de mission inscrit dans les fiches de poste.", "o1"},
	{"Faible participation des jeunes des quartiers prioritaires", logframe.RiskInternal, 3, 3, "", "r2.1"},
	{"Annulation d'échanges pour raison sanitaire", logframe.RiskExternal, 1, 3, "Formats à distance prévus en repli.", "r2.2"},
	{"Changement de majorité à Neustadt", logframe.RiskExternal, 2, 2, "Ancrer le jumelage dans le comité et les associations.", "r2.2"},
	{"Entreprises peu intéressées par les missions", logframe.RiskInternal, 2, 2, "Construire les missions avec le club des entreprises.", "r3.1"},
	{"Dossier Interreg non retenu", logframe.RiskExternal, 3, 2, "Candidater à plusieurs appels ; s'appuyer sur le réseau.", "r3.2"},
	{"Critiques sur l'usage de l'argent public à l'étranger", logframe.RiskInternal, 2, 3, "Communiquer sur les retombées pour le territoire.", ""},
	{"Essoufflement des bénévoles associatifs", logframe.RiskInternal, 2, 2, "Valoriser les bénévoles ; soutenir le renouvellement.", "r4.1"},
}

// loadFramework adds the demo's framework content.
func loadFramework(ctx context.Context, st *store.Store, fx *Fixture) error {
	a, s := fx.Authority.ID, fx.Strategy.ID
	k := logframe.KeyElementsRecord{AuthorityID: a, StrategyID: s,
		Vision:           "En 2032, Grand Belval Agglomération est un territoire ouvert, dont les habitants, les entreprises et les services tirent de leurs liens avec le monde des compétences, des emplois et une solidarité vécue.",
		Mission:          "Conduire, avec les communes, les associations et les entreprises du territoire, des partenariats réciproques qui répondent aux défis communs de l'eau, de la jeunesse et de l'économie.",
		PoliticalProject: "Projet de territoire 2026–2032, axe 4 « Un territoire ouvert et solidaire » ; délibération du conseil communautaire du 12 mars 2026.",
		GeneralTitle:     "Faire de l'ouverture internationale un levier de développement durable et solidaire pour le territoire et ses partenaires",
		GeneralText:      "L'action internationale sert d'abord les habitants de l'agglomération, tout en contribuant au développement des territoires partenaires.",
		Values: []logframe.Value{
			{Name: "Réciprocité dans les partenariats", Explanation: "Chaque partenariat apporte aux deux territoires ; les partenaires décident ensemble."},
			{Name: "Solidarité", Explanation: "L'agglomération contribue à l'accès aux services essentiels là où ils manquent."},
			{Name: "Transparence", Explanation: "Les habitants savent ce que l'action internationale coûte et ce qu'elle rapporte."},
		},
		Dimensions: []logframe.Dimension{{Name: "Coopération décentralisée", Weight: new(40)}, {Name: "Mobilité des jeunes", Weight: new(25)},
			{Name: "Coopération dans le cadre des programmes européens", Weight: new(20)}, {Name: "Solidarité internationale", Weight: new(15)}},
	}
	if err := st.SaveKeyElements(ctx, system, &k); err != nil {
		return err
	}
	tag := func(kind logframe.Kind, id int64, codes []string) error {
		if len(codes) == 0 {
			return nil
		}
		return st.SetSDGTags(ctx, system, a, s, logframe.Ref{Kind: kind, ID: id}, codes)
	}
	for _, lt := range []logframe.LocalTargetRecord{
		{UNTarget: "6.2", Code: "6.2-local", Title: "3 000 ménages de Ziguinchor raccordés à l'assainissement d'ici 2032"},
		{UNTarget: "11.6", Code: "11.6-local", Title: "Réduire de 20 % les déchets par habitant de l'agglomération en partageant les pratiques avec Neustadt"},
	} {
		lt.AuthorityID, lt.StrategyID = a, s
		if err := st.CreateLocalTarget(ctx, system, &lt); err != nil {
			return err
		}
	}
	if err := tag(logframe.KindGeneralObjective, k.ID, []string{"17", "11.6-local"}); err != nil {
		return err
	}
	general := logframe.Ref{Kind: logframe.KindGeneralObjective, ID: k.ID}
	for _, gi := range []demoIndicator{{"Habitants ayant pris part à une action internationale", "habitants", logframe.MeasureUnit, 900, 5000, "Bilans annuels des actions"},
		{"Part des habitants qui jugent l'action internationale utile au territoire", "%", logframe.MeasurePercentage, 38, 55, "Baromètre municipal"},
		{"Partenariats internationaux actifs", "partenariats", logframe.MeasureUnit, 3, 6, "Conventions en vigueur"}} {
		if err := addIndicator(ctx, st, a, s, general, gi); err != nil {
			return err
		}
	}
	refs := map[string]logframe.Ref{}
	var activities []int64
	for i, o := range demoLogframe {
		obj := logframe.ObjectiveRecord{AuthorityID: a, StrategyID: s, SpecificObjective: logframe.SpecificObjective{Title: o.title, Specific: o.specific, Measure: o.measure, Resources: o.resources,
			Achievable: demoAchievable[i],
			TargetDate: partialdate.Of(2032, 6, 30)}}
		if err := st.CreateObjective(ctx, system, &obj); err != nil {
			return err
		}
		oref := logframe.Ref{Kind: logframe.KindSpecificObjective, ID: obj.ID}
		refs[fmt.Sprintf("o%d", i+1)] = oref
		if err := tag(oref.Kind, obj.ID, o.sdg); err != nil {
			return err
		}
		first := o.results[0].indicators[0]
		if err := addIndicator(ctx, st, a, s, oref, demoIndicator{title: shortTitle(o.measure), unit: first.unit, measure: first.measure, baseline: first.baseline, target: first.target, source: first.source}); err != nil {
			return err
		}
		for j, r := range o.results {
			res := logframe.ResultRecord{AuthorityID: a, StrategyID: s, ExpectedResult: logframe.ExpectedResult{ObjectiveID: obj.ID, Title: r.title}}
			if err := st.CreateResult(ctx, system, &res); err != nil {
				return err
			}
			rref := logframe.Ref{Kind: logframe.KindResult, ID: res.ID}
			refs[fmt.Sprintf("r%d.%d", i+1, j+1)] = rref
			if err := tag(rref.Kind, res.ID, r.sdg); err != nil {
				return err
			}
			for _, in := range r.indicators {
				if err := addIndicator(ctx, st, a, s, rref, in); err != nil {
					return err
				}
			}
			for n, act := range r.activities {
				year := 2027 + (j+n)%4
				ac := logframe.ActivityRecord{AuthorityID: a, StrategyID: s, Activity: logframe.Activity{ResultID: res.ID, Title: act[0], Owner: act[1], Resources: "Temps agent et crédits de la mission relations internationales", CostCents: new(int64(5000+1500*(i+j+n)) * 100), Start: partialdate.Of(year, 3, 1), End: partialdate.Of(year, 11, 30)}}
				if err := st.CreateActivity(ctx, system, &ac); err != nil {
					return err
				}
				activities = append(activities, ac.ID)
				refs[fmt.Sprintf("a%d.%d.%d", i+1, j+1, n+1)] = logframe.Ref{Kind: logframe.KindActivity, ID: ac.ID}
			}
		}
	}
	if err := st.CreateAssumption(ctx, system, &logframe.AssumptionRecord{AuthorityID: a, StrategyID: s, Assumption: logframe.Assumption{
		Text: "La commune de Ziguinchor maintient sa participation financière aux travaux.", Target: refs["r1.1"]}}); err != nil {
		return err
	}
	if err := st.CreateAssumption(ctx, system, &logframe.AssumptionRecord{AuthorityID: a, StrategyID: s, Assumption: logframe.Assumption{
		Text: "Les programmes Erasmus+ et OFAJ gardent leurs enveloppes.", Target: refs["o2"]}}); err != nil {
		return err
	}
	for _, rk := range demoRisks {
		r := logframe.RiskRecord{AuthorityID: a, StrategyID: s, Risk: logframe.Risk{Description: rk.desc, Category: rk.cat, Likelihood: rk.likely, Impact: rk.impact,
			Mitigation: rk.mitigation, Owner: "Mission relations internationales", Status: "identifié", Linked: refs[rk.link]}}
		if err := st.SaveRisk(ctx, system, &r); err != nil {
			return err
		}
	}
	if err := loadFrameworkLinks(ctx, st, fx, refs); err != nil {
		return err
	}
	partners, err := partnershipIDs(ctx, st, a)
	if err != nil {
		return err
	}
	geos := []logframe.GeoPriorityRecord{
		{Kind: logframe.GeoPartner, GeoPriority: logframe.GeoPriority{Name: "Ziguinchor (Sénégal)", Reason: "Relation existante", ActivityIDs: activities[0:9]},
			PartnershipIDs: partners.of("Commune de Ziguinchor")},
		{Kind: logframe.GeoCountry, GeoPriority: logframe.GeoPriority{CountryCode: "DE", Name: "Allemagne", Reason: "Histoire", ActivityIDs: activities[12:15]},
			PartnershipIDs: partners.of("Stadt Talheim am Main")},
		{Kind: logframe.GeoRegion, GeoPriority: logframe.GeoPriority{Name: "Afrique du Nord", Reason: "Diaspora"},
			PartnershipIDs: partners.of("Commune d'Azrou", "Commune de Sefrou")},
	}
	if err := partners.err(); err != nil {
		return err
	}
	for _, g := range geos {
		g.AuthorityID, g.StrategyID = a, s
		if err := st.SaveGeoPriority(ctx, system, &g); err != nil {
			return err
		}
	}
	for _, t := range []logframe.ThematicPriorityRecord{
		{Policy: "Eau et assainissement", Service: "Direction de l'eau et de l'assainissement"},
		{Policy: "Jeunesse", Service: "Direction de la jeunesse"},
		{Policy: "Économie", Service: "Agence de développement économique"},
	} {
		t.AuthorityID, t.StrategyID = a, s
		if err := st.SaveThematicPriority(ctx, system, &t); err != nil {
			return err
		}
	}
	return nil
}

// shortTitle turns an objective's measure sentence into an indicator title: the part before the bracket.
func shortTitle(measure string) string {
	for i, r := range measure {
		if r == '(' {
			return measure[:max(i-1, 0)]
		}
	}
	return measure
}

// addIndicator stores a demo indicator with a baseline at the end of 2025, a mid-term and a final target.
func addIndicator(ctx context.Context, st *store.Store, a, s int64, level logframe.Ref, d demoIndicator) error {
	in := logframe.IndicatorRecord{AuthorityID: a, StrategyID: s, Indicator: logframe.Indicator{Level: level, Title: d.title, Measure: d.measure, Unit: d.unit, Ascending: true,
		Baseline: &logframe.Baseline{Value: new(number.Int(d.baseline)), Date: partialdate.Of(2025, 12, 31)},
		// The mid-term target is halfway, exactly: (baseline + target) / 2 counted in tenths.
		Targets: []logframe.Target{{Date: partialdate.Of(2029, 6, 30), Value: new(number.New((d.baseline+d.target)*5, 1))},
			{Date: partialdate.Of(2032, 6, 30), Value: new(number.Int(d.target))}},
		Periodicity: "annuelle", Owner: "Mission relations internationales", Public: true}}
	if d.source != "" {
		in.Sources = []string{d.source}
	}
	return st.SaveIndicator(ctx, system, &in)
}
