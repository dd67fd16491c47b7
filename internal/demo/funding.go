package demo

import (
	"context"
	"time"

	"boussole/internal/funding"
	"boussole/internal/organisation"
	"boussole/internal/partialdate"
	"boussole/internal/store"
)

// demoLine is one line of a demo financing plan, in euros.
type demoLine struct {
	source    funding.Source
	programme string
	label     string
	euros     int64
	status    funding.LineStatus
	year      int
	effort    int64 // tenths of a person-month, 0 when not estimated
}

// demoProject is one demo project; links name the strategy's thematic priorities by policy.
type demoProject struct {
	p          funding.Project
	budget     int64 // euros
	priorities []string
	objective  int // index of the specific objective it serves, -1 for none
	lines      []demoLine
	decl       funding.Declaration // the fields of the yearly ODA declaration; Sherbrooke's shows Canada is not eligible
}

func month(y int, m time.Month) partialdate.Date { return partialdate.OfMonth(y, m) }

// demoProjects mix own budget, the FICOL, MEAE calls, the 1 % water and sanitation and EU programmes. Two
// are wrong on purpose, so that the check shows: « Assainissement de Ziguinchor, phase 2 » is not balanced
// (and overlaps phase 1 in the same place: the portfolio flags it), « Formation des agents de Sefrou » asks
// the FICOL less than its minimum. No project serves the economy priority: the portfolio says so.
var demoProjects = []demoProject{
	{p: funding.Project{Title: "Eau potable à Ziguinchor", Summary: "Extension du réseau et bornes-fontaines dans trois quartiers, avec la régie des eaux de l'agglomération.",
		Status: funding.StatusApplied, Partners: []string{"Commune de Ziguinchor", "Régie des eaux de Grand Belval", "pS-Eau"}, Countries: []string{"SN"},
		Themes: []funding.Theme{"eau-assainissement"}, SDGs: []int{6}, Start: month(2027, time.January), End: month(2029, time.December),
		LeastDeveloped: true, HasAgreement: true, HasDeliberation: true, HasReports: true, OwnCompetence: true},
		decl:   funding.Declaration{Kind: funding.KindOnePercent, Sector: "14030", Channel: "12002", Markers: map[string]int{"1": 1, "2": 1, "7": 1}},
		budget: 1_000_000, priorities: []string{"Eau et assainissement"}, objective: 0, lines: []demoLine{
			{funding.SourceOwn, "", "", 250_000, funding.LineGranted, 2027, 0},
			{funding.SourcePartner, "", "Commune de Ziguinchor", 50_000, funding.LineGranted, 2027, 0},
			{funding.SourceProgramme, "1pc-eau", "", 60_000, funding.LineGranted, 2027, 5},
			{funding.SourceProgramme, "1pc-assainissement", "", 40_000, funding.LineApplied, 2027, 5},
			{funding.SourceProgramme, "ficol", "", 600_000, funding.LineApplied, 2027, 60},
		}},
	{p: funding.Project{Title: "Mobilité douce à Ziguinchor", Summary: "Pistes cyclables et plan de mobilité du centre-ville, projet pilote.",
		Status: funding.StatusRunning, Partners: []string{"Commune de Ziguinchor"}, Countries: []string{"SN"}, Themes: []funding.Theme{"mobilite-transports"},
		SDGs: []int{11, 13}, Start: month(2027, time.March), End: month(2028, time.December), LeastDeveloped: true, HasAgreement: true, HasDeliberation: true, HasReports: true},
		decl:   funding.Declaration{Kind: funding.KindCooperation, Sector: "21020", Channel: "12002", Markers: map[string]int{"1": 0, "2": 1, "6": 2}},
		budget: 200_000, objective: 0, lines: []demoLine{
			{funding.SourceOwn, "", "", 60_000, funding.LineGranted, 2027, 0},
			{funding.SourceProgramme, "meae-generaliste", "", 140_000, funding.LineGranted, 2027, 15},
		}},
	{p: funding.Project{Title: "Villes cyclables européennes", Summary: "Réseau d'échanges entre villes européennes pour étendre l'action pilote de Ziguinchor aux quartiers de Belval.",
		Status: funding.StatusDrafting, Partners: []string{"Comune di Valdoria", "Stadt Talheim am Main"}, Countries: []string{"IT", "DE"},
		Themes: []funding.Theme{"mobilite-transports", "developpement-urbain"}, SDGs: []int{11}, Start: month(2027, time.September), End: month(2029, time.August)},
		budget: 120_000, objective: 1, lines: []demoLine{
			{funding.SourceOwn, "", "", 30_000, funding.LineConsidered, 2027, 0},
			{funding.SourceProgramme, "urbact", "", 90_000, funding.LineConsidered, 2027, 30},
		}},
	{p: funding.Project{Title: "Échanges de jeunes Belval–Talheim", Summary: "Deux échanges par an entre les lycées professionnels des deux villes jumelles.",
		Status: funding.StatusDrafting, Partners: []string{"Stadt Talheim am Main", "Lycée professionnel Jean-Jaurès"}, Countries: []string{"DE"},
		Themes: []funding.Theme{"jeunesse-sport", "education-formation"}, SDGs: []int{4}, Start: month(2027, time.September), End: month(2028, time.August), HasAgreement: true},
		budget: 60_000, priorities: []string{"Jeunesse"}, objective: 1, lines: []demoLine{
			{funding.SourceOwn, "", "", 12_000, funding.LineGranted, 2027, 0},
			{funding.SourceProgramme, "erasmus-plus", "", 48_000, funding.LineConsidered, 2027, 40},
		}},
	{p: funding.Project{Title: "Jeunes ambassadeurs à Sherbrooke", Summary: "Volontariat de six jeunes de l'agglomération dans les services de la ville de Sherbrooke.",
		Status: funding.StatusApplied, Partners: []string{"Ville de Sherbrooke", "France Volontaires"}, Countries: []string{"CA"}, Themes: []funding.Theme{"jeunesse-sport"},
		SDGs: []int{4, 8}, Start: month(2027, time.January), End: month(2027, time.December), HasAgreement: true, HasDeliberation: true, HasReports: true},
		decl:   funding.Declaration{Kind: funding.KindCooperation, Sector: "11330", Channel: "11002"},
		budget: 50_000, priorities: []string{"Jeunesse"}, objective: 1, lines: []demoLine{
			{funding.SourceOwn, "", "", 20_000, funding.LineGranted, 2027, 0},
			{funding.SourceProgramme, "meae-jeunesse-sport", "", 30_000, funding.LineApplied, 2027, 20},
		}},
	{p: funding.Project{Title: "Tri des déchets à Quảng Nam", Summary: "Centre de tri pilote et formation des agents de la province.",
		Status: funding.StatusIdea, Partners: []string{"Province de Quảng Nam"}, Countries: []string{"VN"}, Themes: []funding.Theme{"dechets", "environnement-climat"},
		SDGs: []int{12}, Start: partialdate.OfYear(2027), End: partialdate.OfYear(2028)},
		budget: 60_000, objective: 0, lines: []demoLine{
			{funding.SourceOwn, "", "", 35_000, funding.LineConsidered, 2027, 0},
			{funding.SourceProgramme, "1pc-dechets", "", 25_000, funding.LineConsidered, 2027, 0},
		}},
	{p: funding.Project{Title: "Assainissement de Ziguinchor, phase 2", Summary: "Réseau d'assainissement des quartiers raccordés en phase 1 ; plan de financement encore incomplet.",
		Status: funding.StatusDrafting, Partners: []string{"Commune de Ziguinchor"}, Countries: []string{"SN"}, Themes: []funding.Theme{"eau-assainissement"},
		SDGs: []int{6}, Start: month(2028, time.January), End: month(2029, time.June), LeastDeveloped: true, HasAgreement: true, HasDeliberation: true, HasReports: true},
		budget: 400_000, priorities: []string{"Eau et assainissement"}, objective: 0, lines: []demoLine{
			{funding.SourceOwn, "", "", 50_000, funding.LineConsidered, 2028, 0},
			{funding.SourceProgramme, "meae-bilateraux", "", 200_000, funding.LineConsidered, 2028, 20},
		}},
	{p: funding.Project{Title: "Formation des agents de Sefrou", Summary: "Appui à l'état civil et aux finances locales de la commune de Sefrou.",
		Status: funding.StatusDrafting, Partners: []string{"Commune de Sefrou"}, Countries: []string{"MA"}, Themes: []funding.Theme{"gouvernance-locale"},
		SDGs: []int{16}, Start: month(2027, time.June), End: month(2029, time.May), HasAgreement: true, HasDeliberation: true, OwnCompetence: true},
		decl:   funding.Declaration{Kind: funding.KindCooperation, Sector: "15112"},
		budget: 250_000, objective: 0, lines: []demoLine{
			{funding.SourceOwn, "", "", 100_000, funding.LineConsidered, 2027, 0},
			{funding.SourceProgramme, "ficol", "", 150_000, funding.LineConsidered, 2027, 50},
		}},
}

func eurosToCents(e int64) *int64 { c := e * 100; return &c }

// loadFunding adds the projects with their plans, the organisation choice (international work not yet in
// the job descriptions, as the page then advises), and the yearly figures: 2027's budgets of the 1 % (the
// waste budget left unentered, so the check says it cannot verify that ceiling) and a one-person team that
// the applications of 2027 overload.
func loadFunding(ctx context.Context, st *store.Store, fx *Fixture) error {
	a, s := fx.Authority.ID, fx.Strategy.ID
	objs, err := st.Objectives(ctx, a, s)
	if err != nil {
		return err
	}
	prios, err := st.ThematicPriorities(ctx, a, s)
	if err != nil {
		return err
	}
	byPolicy := map[string]int64{}
	for _, p := range prios {
		byPolicy[p.Policy] = p.ID
	}
	for _, d := range demoProjects {
		p := d.p
		p.AuthorityID, p.StrategyID, p.BudgetCents = a, s, eurosToCents(d.budget)
		if d.objective >= 0 && d.objective < len(objs) {
			p.Links = []funding.Link{{Kind: funding.LinkObjective, ID: objs[d.objective].ID}}
		}
		for _, name := range d.priorities {
			if id, ok := byPolicy[name]; ok {
				p.Priorities = append(p.Priorities, id)
			}
		}
		if err := st.CreateProject(ctx, fx.Actor, &p); err != nil {
			return err
		}
		for _, dl := range d.lines {
			l := funding.Line{ProjectID: p.ID, Source: dl.source, Programme: dl.programme, Label: dl.label, AmountCents: dl.euros * 100, Status: dl.status, Year: dl.year}
			if dl.effort > 0 {
				e := dl.effort
				l.EffortTenths = &e
			}
			if err := st.CreateLine(ctx, fx.Actor, a, &l); err != nil {
				return err
			}
		}
		if d.decl.Kind != "" {
			decl := d.decl
			if err := st.SaveDeclaration(ctx, fx.Actor, a, p.ID, &decl); err != nil {
				return err
			}
		}
	}
	team := int64(10)
	y := funding.Year{Year: 2027, TeamTenths: &team, Budgets: map[funding.Sector]funding.SectorBudget{
		funding.SectorWater:      {ResourcesCents: eurosToCents(8_000_000)},
		funding.SectorSanitation: {ResourcesCents: eurosToCents(5_000_000)},
		funding.SectorMobility:   {ResourcesCents: eurosToCents(40_000_000), ExcludedCents: 3_000_000_000},
	}}
	if err := st.SaveFundingYear(ctx, fx.Actor, a, y); err != nil {
		return err
	}
	org := organisation.Choice{AuthorityID: a, Attachment: organisation.AttachDGS,
		Reason:    "La mission relations internationales travaille avec l'eau, la jeunesse et l'économie : le rattachement à la direction générale lui donne la transversalité que demande la stratégie, et dit la volonté de l'exécutif.",
		Referents: []string{"Direction de l'eau et de l'assainissement : Julien Morel", "Direction de la jeunesse : Inès Carpentier", "Agence de développement économique : Paul Girard"},
		TaskForce: true}
	if err := st.SaveOrganisationChoice(ctx, fx.Actor, &org); err != nil {
		return err
	}
	if err := loadSpending(ctx, st, fx); err != nil {
		return err
	}
	return loadMemberships(ctx, st, fx)
}

// loadMemberships adds five network memberships, one with its travel cost unknown.
func loadMemberships(ctx context.Context, st *store.Store, fx *Fixture) error {
	list := []organisation.Membership{
		{Network: "cuf", FeeCents: eurosToCents(4_800), TravelCents: eurosToCents(1_500), Involvement: []organisation.Involvement{organisation.InvolvedAssemblies, organisation.InvolvedGroups},
			Services: "Groupe pays Sénégal, dispositif DCOL pour la stratégie", Return: 4, Assessment: "Le groupe pays Sénégal a ouvert le partenariat de Ziguinchor à d'autres collectivités."},
		{Network: "afccre", FeeCents: eurosToCents(2_100), TravelCents: eurosToCents(600), Involvement: []organisation.Involvement{organisation.InvolvedGroups},
			Services: "Veille sur les programmes européens", Return: 3},
		{Network: "france-urbaine", FeeCents: eurosToCents(6_000), TravelCents: eurosToCents(900), Involvement: []organisation.Involvement{organisation.InvolvedAssemblies},
			Services: "Commission international", Return: 2, Assessment: "Peu de temps disponible pour suivre les travaux."},
		{Network: "rrma", Name: "RRMA de la région", FeeCents: eurosToCents(0), TravelCents: eurosToCents(300), Involvement: []organisation.Involvement{organisation.InvolvedGovernance},
			Services: "Formation des associations du territoire", Return: 4},
		{Network: "ps-eau", FeeCents: eurosToCents(500), Services: "Appui au montage du 1 % eau et assainissement", Return: 3},
	}
	for i := range list {
		list[i].AuthorityID = fx.Authority.ID
		if err := st.SaveMembership(ctx, fx.Actor, &list[i]); err != nil {
			return err
		}
	}
	return nil
}
