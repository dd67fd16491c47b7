package demo

import (
	"context"
	"fmt"
	"time"

	"boussole/internal/auth"
	"boussole/internal/consortium"
	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/sharing"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// peer is a fictional authority that shares its strategy with the platform, so that the library and the
// atlas have something to show beside the demo authority.
type peer struct {
	name, slug, kind string
	population       int64
	scope            sharing.Scope
	theme            string
	objectives       []string
	partners         []diagnostic.Partnership
}

func partner(name, country string, kind diagnostic.PartnershipKind, year int, themes ...string) diagnostic.Partnership {
	return diagnostic.Partnership{Partner: name, Countries: []string{country}, Kind: kind, Status: diagnostic.StatusActive, StartYear: year, Themes: themes}
}

// peers are twelve authorities of every kind; three work in the demo's partner countries (Sénégal,
// Burkina Faso, Viêt Nam), so that « qui d'autre travaille au Sénégal ? » has answers.
var peers = []peer{
	{"Ville de Saint-Aubin-sur-Loire", "saint-aubin-sur-loire", "commune", 38_200, sharing.Structure | sharing.Partnerships, "Eau et assainissement",
		[]string{"Améliorer l'accès à l'eau potable à Podor", "Impliquer les jeunes du territoire"},
		[]diagnostic.Partnership{partner("Commune de Podor", "SN", diagnostic.KindDecentralised, 2006, "eau", "jeunesse")}},
	{"Communauté de communes du Val d'Ardière", "val-ardiere", "epci", 21_500, sharing.Partnerships, "Agriculture",
		nil, []diagnostic.Partnership{partner("Commune rurale de Tenkodogo", "BF", diagnostic.KindDecentralised, 2011, "agriculture", "formation")}},
	{"Département du Haut-Vallon", "haut-vallon", "departement", 540_000, sharing.Structure | sharing.Partnerships, "Santé",
		[]string{"Renforcer les centres de santé de Quảng Ngãi", "Valoriser l'action internationale auprès des habitants"},
		[]diagnostic.Partnership{partner("Province de Quảng Ngãi", "VN", diagnostic.KindDecentralised, 2014, "santé"),
			partner("Région de Ziguinchor", "SN", diagnostic.KindSolidarity, 2018, "santé", "eau")}},
	{"Région Rives-et-Monts", "rives-et-monts", "region", 3_100_000, sharing.Structure, "Développement économique",
		[]string{"Accompagner les entreprises régionales à l'international", "Porter des projets européens"}, nil},
	{"Ville de Portmarin", "portmarin", "commune", 112_000, sharing.Structure | sharing.Partnerships, "Culture",
		[]string{"Faire vivre le jumelage avec Kiel", "Accueillir des artistes en résidence"},
		[]diagnostic.Partnership{partner("Stadt Kiel", "DE", diagnostic.KindTwinning, 1967, "culture", "jeunesse")}},
	{"Commune de Bellegarde-en-Forez", "bellegarde-en-forez", "commune", 1_650, sharing.Partnerships, "Jeunesse",
		nil, []diagnostic.Partnership{partner("Comune di Bagnoregio", "IT", diagnostic.KindTwinning, 1992, "jeunesse")}},
	{"Métropole du Littoral d'Azur", "littoral-azur", "epci", 820_000, sharing.Structure | sharing.Partnerships, "Climat",
		[]string{"Adapter les villes côtières au changement climatique", "Partager l'expertise de la gestion du littoral"},
		[]diagnostic.Partnership{partner("Ville d'Essaouira", "MA", diagnostic.KindDecentralised, 2009, "climat", "eau")}},
	{"Ville de Montclair", "montclair", "commune", 64_000, sharing.Structure, "Éducation",
		[]string{"Développer la mobilité internationale des lycéens"}, nil},
	{"Communauté d'agglomération du Pays de Sorgue", "pays-de-sorgue", "epci", 98_000, sharing.Structure | sharing.Partnerships, "Déchets",
		[]string{"Professionnaliser la gestion des déchets à Kaya"},
		[]diagnostic.Partnership{partner("Commune de Kaya", "BF", diagnostic.KindDecentralised, 2001, "déchets")}},
	{"Département de la Vère", "la-vere", "departement", 310_000, sharing.Partnerships, "Agriculture",
		nil, []diagnostic.Partnership{partner("Région de Sikasso", "ML", diagnostic.KindDecentralised, 1999, "agriculture")}},
	{"Ville de Lauzières", "lauzieres", "commune", 9_400, sharing.Structure | sharing.Partnerships, "Sport",
		[]string{"Organiser des échanges sportifs avec Chefchaouen"},
		[]diagnostic.Partnership{partner("Commune de Chefchaouen", "MA", diagnostic.KindTwinning, 2003, "sport")}},
	{"Ville de Kerlouan-Plage", "kerlouan-plage", "commune", 4_200, sharing.Structure, "Tourisme",
		[]string{"Développer un tourisme solidaire avec nos partenaires"}, nil},
}

// pastObjectives are the framework of the demo's previous, adopted strategy: what it can share with its
// peers, and what the next strategy revises.
var pastObjectives = []struct{ objective, result, activity, indicator, unit string }{
	{"Améliorer durablement l'accès à l'eau à Ziguinchor", "Des bornes-fontaines gérées par les quartiers",
		"Former les comités de gestion des bornes-fontaines", "Habitants desservis", "habitants"},
	{"Ouvrir la jeunesse de Belval à l'international", "Des échanges de jeunes chaque année",
		"Accueillir chaque été un groupe de jeunes de Ziguinchor", "Jeunes partis en échange", "jeunes"},
	{"Faire connaître l'action internationale aux habitants", "Une semaine de la solidarité internationale",
		"Tenir un village des associations de solidarité pendant la semaine", "Participants à la semaine", "participants"},
}

// loadPastFramework gives the demo's adopted strategy its objectives, results, activity types and indicators.
func loadPastFramework(ctx context.Context, st *store.Store, fx *Fixture) error {
	a, s := fx.Authority.ID, fx.Past.ID
	for _, x := range pastObjectives {
		o := logframe.ObjectiveRecord{AuthorityID: a, StrategyID: s, SpecificObjective: logframe.SpecificObjective{Title: x.objective}}
		if err := st.CreateObjective(ctx, fx.Actor, &o); err != nil {
			return err
		}
		r := logframe.ResultRecord{AuthorityID: a, StrategyID: s, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: x.result}}
		if err := st.CreateResult(ctx, fx.Actor, &r); err != nil {
			return err
		}
		ac := logframe.ActivityRecord{AuthorityID: a, StrategyID: s, Activity: logframe.Activity{ResultID: r.ID, Title: x.activity,
			Owner: "Direction des relations internationales"}}
		if err := st.CreateActivity(ctx, fx.Actor, &ac); err != nil {
			return err
		}
		in := logframe.IndicatorRecord{AuthorityID: a, StrategyID: s, Indicator: logframe.Indicator{Level: logframe.Ref{Kind: logframe.KindResult, ID: r.ID},
			Title: x.indicator, Unit: x.unit, Ascending: true, Periodicity: "annuelle", Sources: []string{"Rapport annuel d'activité"}}}
		if err := st.SaveIndicator(ctx, fx.Actor, &in); err != nil {
			return err
		}
	}
	return nil
}

// loadPeers creates the peers, each with an adopted strategy and its share, and an administrator account
// (pair1@…, pair2@…), so that one can sign in as another authority and find the demo's share.
func loadPeers(ctx context.Context, st *store.Store, fx *Fixture) error {
	if err := loadPastFramework(ctx, st, fx); err != nil {
		return err
	}
	if err := nameRecommendationElements(ctx, st, fx); err != nil {
		return err
	}
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return err
	}
	var members []int64
	for i, p := range peers {
		a, err := loadPeer(ctx, st, hash, i+1, p)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		if i < networkMembers {
			members = append(members, a)
		}
	}
	if err := loadNetwork(ctx, st, hash, append(members, fx.Authority.ID)); err != nil {
		return err
	}
	if err := loadLessons(ctx, st, fx); err != nil {
		return err
	}
	return loadConsortium(ctx, st, fx)
}

// lessons are lessons learned the demo and its peers wrote; all but the demo's last are shared.
var lessons = []struct {
	slug string
	l    sharing.Lesson
}{
	{"saint-aubin-sur-loire", sharing.Lesson{Title: "Associer le service de l'eau dès le diagnostic", Country: "SN", Theme: "Eau et assainissement",
		Difficulty: sharing.DifficultyStaff, Shared: true,
		Text: "Sans les techniciens du service de l'eau, les premiers forages ont été mal dimensionnés. Depuis, un technicien participe à chaque mission."}},
	{"haut-vallon", sharing.Lesson{Title: "Un comité de suivi annuel avec la province", Country: "VN", Theme: "Santé",
		Difficulty: sharing.DifficultyEvaluation, Shared: true,
		Text: "Le comité de suivi annuel, avec trois indicateurs simples choisis ensemble, a remplacé des rapports que personne ne lisait."}},
	{"pays-de-sorgue", sharing.Lesson{Title: "Prévoir la saison des pluies dans le calendrier des travaux", Country: "BF", Theme: "Déchets",
		Difficulty: sharing.DifficultyContext, Shared: true,
		Text: "Deux chantiers ont été arrêtés par les pluies : le calendrier part désormais de la saison sèche."}},
	{Slug, sharing.Lesson{Title: "Présenter le bilan au conseil chaque année", Country: "SN", Theme: "Eau et assainissement",
		Difficulty: sharing.DifficultyGovernance, Shared: true,
		Text: "La délibération annuelle sur le bilan a gardé le soutien des élus après le changement de majorité."}},
	{Slug, sharing.Lesson{Title: "Le 1 % eau finance mieux les petits projets que les appels européens", Theme: "Financement",
		Difficulty: sharing.DifficultyFunding,
		Text:       "Note interne : l'effort d'une candidature européenne était disproportionné pour un projet de 40 000 euros."}},
}

func loadLessons(ctx context.Context, st *store.Store, fx *Fixture) error {
	for _, x := range lessons {
		a, err := st.AuthorityBySlug(ctx, x.slug)
		if err != nil {
			return err
		}
		l := x.l
		l.AuthorityID = a.ID
		if err := st.SaveLesson(ctx, system, &l); err != nil {
			return err
		}
	}
	return nil
}

// loadConsortium is a joint project in progress: the demo authority proposed it to two peers working in
// Senegal; one joined and gave its share, the other has not answered yet.
func loadConsortium(ctx context.Context, st *store.Store, fx *Fixture) error {
	aubin, err := st.AuthorityBySlug(ctx, "saint-aubin-sur-loire")
	if err != nil {
		return err
	}
	vallon, err := st.AuthorityBySlug(ctx, "haut-vallon")
	if err != nil {
		return err
	}
	c := consortium.Consortium{LeadID: fx.Authority.ID, Title: "Eau potable en Casamance et dans la vallée du fleuve Sénégal",
		Description: "Un projet commun pour l'appel à projets du ministère : mutualiser l'ingénierie des services de l'eau des trois collectivités.",
		Country:     "SN", Theme: "Eau et assainissement"}
	if err := st.CreateConsortium(ctx, fx.Actor, &c, []int64{aubin.ID, vallon.ID}); err != nil {
		return err
	}
	if err := st.AnswerConsortium(ctx, system, aubin.ID, c.ID, true); err != nil {
		return err
	}
	share, lead := int64(15_000_00), int64(40_000_00)
	if err := st.SetConsortiumShare(ctx, system, aubin.ID, c.ID, &share, "Budget eau, au titre du 1 %"); err != nil {
		return err
	}
	if err := st.SetConsortiumShare(ctx, fx.Actor, fx.Authority.ID, c.ID, &lead, "Budget propre et 1 % eau"); err != nil {
		return err
	}
	e := consortium.Event{Title: "Dépôt du dossier commun", On: partialdate.Of(2027, 3, 15)}
	return st.AddConsortiumEvent(ctx, fx.Actor, fx.Authority.ID, c.ID, &e)
}

func loadPeer(ctx context.Context, st *store.Store, hash string, n int, p peer) (int64, error) {
	a := model.Authority{Kind: p.kind, Name: p.name, Slug: p.slug, Population: p.population, Demo: true}
	u := model.User{Email: fmt.Sprintf("pair%d@demo.boussole.test", n), Name: "Administration de " + p.name, PasswordHash: hash}
	if err := st.SignUp(ctx, &a, &u); err != nil {
		return 0, err
	}
	s := model.Strategy{AuthorityID: a.ID, Title: "Stratégie internationale 2021–2026", TermStart: 2021, TermEnd: 2026, Status: model.StrategyCurrent}
	if err := st.CreateStrategy(ctx, system, &s, time.Time{}); err != nil {
		return 0, err
	}
	for _, title := range p.objectives {
		o := logframe.ObjectiveRecord{AuthorityID: a.ID, StrategyID: s.ID, SpecificObjective: logframe.SpecificObjective{Title: title}}
		if err := st.CreateObjective(ctx, system, &o); err != nil {
			return 0, err
		}
		r := logframe.ResultRecord{AuthorityID: a.ID, StrategyID: s.ID, ExpectedResult: logframe.ExpectedResult{ObjectiveID: o.ID, Title: "Premiers résultats : " + title}}
		if err := st.CreateResult(ctx, system, &r); err != nil {
			return 0, err
		}
		in := logframe.IndicatorRecord{AuthorityID: a.ID, StrategyID: s.ID, Indicator: logframe.Indicator{Level: logframe.Ref{Kind: logframe.KindResult, ID: r.ID},
			Title: "Nombre d'actions menées", Unit: "actions", Ascending: true, Periodicity: "annuelle", Sources: []string{"Bilan annuel"}}}
		if err := st.SaveIndicator(ctx, system, &in); err != nil {
			return 0, err
		}
	}
	if p.theme != "" {
		t := logframe.ThematicPriorityRecord{AuthorityID: a.ID, StrategyID: s.ID, Policy: p.theme}
		if err := st.SaveThematicPriority(ctx, system, &t); err != nil {
			return 0, err
		}
	}
	for _, x := range p.partners {
		rec := diagnostic.PartnershipRecord{AuthorityID: a.ID, Partnership: x}
		if err := st.CreatePartnership(ctx, system, &rec); err != nil {
			return 0, err
		}
	}
	whole, err := st.ReadStrategy(ctx, a.ID, s.ID, strategy.PartFramework|strategy.PartDiagnostic)
	if err != nil {
		return 0, err
	}
	return a.ID, st.SaveShare(ctx, system, a.ID, s.ID, sharing.Filter(whole, p.scope, sharing.LicenceOuverte))
}

// networkMembers is how many of the first peers a regional network accompanies, with the demo's authority.
const networkMembers = 6

// loadNetwork creates the account of a regional multi-actor network (reseau@…) that the members granted
// access to, so that its view across them (/reseau) shows something.
func loadNetwork(ctx context.Context, st *store.Store, hash string, members []int64) error {
	u := model.User{Email: "reseau@demo.boussole.test", Name: "Réseau régional multi-acteurs", PasswordHash: hash}
	if err := st.CreateUser(ctx, &u); err != nil {
		return err
	}
	for _, a := range members {
		if err := st.CreateGrant(ctx, system, a, u.ID, "Réseau régional multi-acteurs"); err != nil {
			return err
		}
	}
	return nil
}
