package demo

import (
	"context"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"boussole/internal/consultation"
	"boussole/internal/publicpage"
	"boussole/internal/store"
)

// closedContributions is how many contributions the demo's closed consultation received: enough for the
// synthesis to mean something and for its pages to be measured at a realistic size.
const closedContributions = 2000

// loadParticipation publishes the public page and adds two consultations: « Belval dans le monde », closed
// in October 2026 with 2,000 synthetic contributions, its synthesis and its response; and one on youth
// mobility, open around the day the demo is loaded so that its form can be tried.
func loadParticipation(ctx context.Context, st *store.Store, fx *Fixture) error {
	p := publicpage.Profile{AuthorityID: fx.Authority.ID, Published: true,
		Intro: "Grand Belval Agglomération coopère avec Ziguinchor au Sénégal, avec sa ville jumelle de Rheinfeld et avec les réseaux " +
			"de collectivités. Vous trouverez ici sa stratégie d'action internationale, le calendrier des actions ouvertes au public et les consultations citoyennes.",
		Address: "Hôtel d'agglomération, 1 place de la République, 00000 Belval", Contact: "international@belval-agglo.test",
		DPO: "dpo@belval-agglo.test", ShowKeyElements: true, ShowObjectives: true, ShowPriorities: true, ShowAdoption: true, ShowCalendar: true,
		ShowPartnerships: true, ShowProjects: true, SIRET: demoSIRET}
	if err := st.SavePublicProfile(ctx, fx.Actor, &p); err != nil {
		return err
	}
	closed, err := demoConsultation(ctx, st, fx, closedConsultation())
	if err != nil {
		return err
	}
	if err := st.ImportContributions(ctx, fx.Authority.ID, closed.ID, syntheticContributions(closed, closedContributions, 2026)); err != nil {
		return err
	}
	today := consultation.Day(time.Now())
	open := openConsultation(today)
	opened, err := demoConsultation(ctx, st, fx, open)
	if err != nil {
		return err
	}
	list := syntheticContributions(opened, 40, 7)
	for i := range list { // received these last days, most still to be moderated
		list[i].CreatedAt = today.Add(-time.Duration(i+1) * 7 * time.Hour)
		if i%3 != 0 {
			list[i].State, list[i].ModeratedAt = consultation.Pending, time.Time{}
		}
	}
	return st.ImportContributions(ctx, fx.Authority.ID, opened.ID, list)
}

// demoConsultation records a consultation with its questions, then sets its status and texts.
func demoConsultation(ctx context.Context, st *store.Store, fx *Fixture, c consultation.Consultation) (consultation.Consultation, error) {
	status, questions := c.Status, c.Questions
	c.Status, c.Questions, c.AuthorityID = consultation.Draft, nil, fx.Authority.ID
	if err := st.CreateConsultation(ctx, fx.Actor, &c); err != nil {
		return c, err
	}
	for _, q := range questions {
		q.ConsultationID = c.ID
		if err := st.SaveQuestion(ctx, fx.Actor, fx.Authority.ID, &q); err != nil {
			return c, err
		}
	}
	c.Status = status
	if err := st.UpdateConsultation(ctx, fx.Actor, &c); err != nil {
		return c, err
	}
	return st.Consultation(ctx, fx.Authority.ID, c.ID)
}

var demoThemes = []string{"Eau et assainissement", "Jeunesse et mobilité", "Climat et transition énergétique", "Culture et patrimoine", "Développement économique"}

func closedConsultation() consultation.Consultation {
	return consultation.Consultation{
		Title: "Belval dans le monde",
		Context: "Avant de voter sa stratégie d'action internationale 2026–2032, l'agglomération a demandé aux habitants, aux entreprises, " +
			"aux établissements d'enseignement et aux associations quelles priorités retenir, avec quels partenaires et comment y prendre part.",
		OpensOn: day(2026, 10, 5), ClosesOn: day(2026, 10, 30), Status: consultation.Closed, AskCommune: true, AskAge: true,
		RetentionMonths: 12, ResultsPublic: true,
		Synthesis: "2 000 contributions ont été reçues en quatre semaines, aux trois quarts d'habitants. L'eau et l'assainissement et la " +
			"jeunesse arrivent nettement en tête des thèmes ; la coopération avec Ziguinchor est bien connue, le jumelage avec Rheinfeld " +
			"beaucoup moins en dehors de Belval même. Les réponses libres demandent surtout des échanges de jeunes et de lycéens, des " +
			"nouvelles régulières des projets et des occasions de s'impliquer (accueil, bénévolat, parrainage d'écoles).",
		Response: "Nous retenons trois engagements. 1. L'eau et l'assainissement avec Ziguinchor restent la première priorité, avec un " +
			"rapport public chaque année. 2. Un programme de mobilité des jeunes (lycées, apprentis, service civique) est inscrit dans la " +
			"stratégie dès 2027. 3. Un café thématique ouvert à tous se tiendra deux fois par an, et le calendrier des actions est publié " +
			"sur cette page. La relance du jumelage avec Rheinfeld passera par les écoles et les clubs.",
		Questions: []consultation.Question{
			{Kind: consultation.Ranking, Prompt: "Classez ces thèmes selon l'importance que vous leur donnez", Choices: demoThemes, Required: true},
			{Kind: consultation.Single, Prompt: "Connaissiez-vous les partenariats internationaux de l'agglomération ?", Choices: []string{"Oui, bien", "De nom seulement", "Non"}},
			{Kind: consultation.Multiple, Prompt: "Avec quels territoires faut-il coopérer en priorité ?",
				Choices: []string{"Ziguinchor (Sénégal)", "Rheinfeld (Allemagne)", "Le Maroc", "Le Québec", "Le Vietnam"}},
			{Kind: consultation.OpenText, Prompt: "Qu'attendez-vous de l'action internationale de l'agglomération ?"},
			{Kind: consultation.OpenText, Prompt: "Souhaitez-vous y prendre part ? Comment ?"},
		}}
}

func openConsultation(today time.Time) consultation.Consultation {
	return consultation.Consultation{
		Title: "Jeunesse et mobilité internationale",
		Context: "Le programme de mobilité des jeunes annoncé après « Belval dans le monde » se prépare : dites-nous quels séjours, " +
			"quels pays et quel accompagnement seraient utiles.",
		OpensOn: today.AddDate(0, 0, -14), ClosesOn: today.AddDate(0, 0, 45), Status: consultation.Open, AskCommune: true, AskAge: true,
		RetentionMonths: 6, Categories: []consultation.Category{consultation.Citizen, consultation.University, consultation.Association},
		Questions: []consultation.Question{
			{Kind: consultation.Ranking, Prompt: "Classez ces formes de mobilité", Choices: []string{"Échange scolaire", "Stage ou apprentissage", "Service civique", "Chantier de jeunes"}},
			{Kind: consultation.Single, Prompt: "Avez-vous déjà séjourné à l'étranger dans un cadre d'études ou de travail ?", Choices: []string{"Oui", "Non"}, Required: true},
			{Kind: consultation.OpenText, Prompt: "Qu'est-ce qui vous aiderait à partir ?"},
		}}
}

var (
	demoCommunes = []string{"Belval", "Belval", "Belval", "Saint-Martin-de-Belval", "Villeneuve-sur-Bel", "Les Aulnes", "Montferrand-le-Haut",
		"Rochebrune", "Val-d'Orgeval", "Sainte-Anne-du-Bel", ""}
	demoFirst = []string{"Camille", "Léa", "Hugo", "Inès", "Mamadou", "Sofia", "Lucas", "Awa", "Nathan", "Chloé", "Youssef", "Emma", "Thomas", "Fatou", "Jules"}
	openers   = []string{"J'aimerais que", "Il serait utile que", "Je souhaite que", "Ce serait bien que", "Pour moi, l'essentiel est que", "Je propose que"}
	subjects  = []string{"l'agglomération", "Belval", "la collectivité", "nos communes", "les élus"}
	wishes    = []string{
		"développe les échanges entre lycéens de Belval et de Ziguinchor",
		"publie chaque année ce que les projets d'eau ont changé sur place",
		"associe davantage les associations de la diaspora sénégalaise",
		"relance le jumelage avec Rheinfeld par les clubs sportifs et les écoles",
		"aide les entreprises du territoire à trouver des partenaires à l'étranger",
		"accueille des stagiaires et des volontaires venus de nos villes partenaires",
		"organise des rencontres publiques pour présenter les projets",
		"soutienne les apprentis qui veulent se former à l'étranger",
		"mette le climat au cœur des coopérations",
		"fasse connaître les programmes européens aux jeunes",
	}
	reasons = []string{
		"car beaucoup de jeunes ne savent pas que c'est possible.", "pour que chacun voie à quoi sert l'argent public.",
		"parce que ces liens existent déjà dans nos quartiers.", "afin que l'action internationale profite aussi au territoire.",
		"car les échanges changent le regard sur le monde.", "sans oublier les communes rurales de l'agglomération.",
	}
	involvements = []string{"Je peux accueillir un jeune en famille.", "Notre association peut aider à préparer les séjours.",
		"Je suis enseignante et prête à monter un échange.", "Volontiers comme bénévole lors des rencontres.",
		"Notre entreprise peut prendre un stagiaire.", "Pas pour l'instant, mais tenez-nous informés.", "Je veux bien témoigner de mon expérience à l'étranger."}
	hideReasons = []string{"Propos hors sujet.", "Message publicitaire.", "Propos injurieux envers une personne."}
)

// syntheticContributions generates n contributions to c, the same from one run to the next (a fixed
// seed): categories, communes and ages in plausible shares, rankings leaning towards water and youth,
// open answers assembled from a few hundred French sentences.
func syntheticContributions(c consultation.Consultation, n int, seed uint64) []consultation.Contribution {
	r := rand.New(rand.NewPCG(seed, 12))
	out := make([]consultation.Contribution, n)
	cats := c.Offered()
	for i := range out {
		k := consultation.Contribution{Category: pickCategory(r, cats), State: consultation.Published,
			CreatedAt: c.OpensOn.Add(time.Duration(r.IntN(int(c.ClosesOn.Sub(c.OpensOn)/time.Minute)+24*60)) * time.Minute)}
		if c.AskCommune {
			k.Commune = demoCommunes[r.IntN(len(demoCommunes))]
		}
		if c.AskAge && r.IntN(5) > 0 {
			k.Age = consultation.AgeBrackets[1+r.IntN(len(consultation.AgeBrackets)-1)]
		}
		if r.IntN(10) < 3 {
			k.Pseudonym = demoFirst[r.IntN(len(demoFirst))]
			if r.IntN(3) == 0 {
				k.Email, k.EmailUse = strings.ToLower(k.Pseudonym)+"."+string(rune('a'+r.IntN(26)))+"@exemple.fr", consultation.EmailResults
				k.Confirmed = r.IntN(4) > 0
			}
		}
		for _, q := range c.Questions {
			if a, ok := syntheticAnswer(r, q); ok {
				k.Answers = append(k.Answers, a)
			}
		}
		switch m := r.IntN(100); {
		case m < 3:
			k.State, k.HiddenReason = consultation.Hidden, hideReasons[r.IntN(len(hideReasons))]
		case m < 6:
			k.State = consultation.Pending
		}
		if k.State != consultation.Pending {
			k.ModeratedAt = k.CreatedAt.Add(26 * time.Hour)
		}
		if k.State == consultation.Published && r.IntN(10) < 7 { // the team has read seven in ten so far
			k.Themes = themesOf(k)
		}
		out[i] = k
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.Before(out[j].CreatedAt) })
	return out
}

// wishThemes are the themes the team gives the open answers holding each of the wishes, in their order.
var wishThemes = []string{"jeunesse", "eau", "diaspora", "jumelage", "économie", "jeunesse", "information des habitants", "jeunesse", "climat", "Europe"}

// themesOf files a synthetic contribution under the themes of the wishes its open answers hold.
func themesOf(k consultation.Contribution) []string {
	var out []string
	for _, a := range k.Answers {
		for i, w := range wishes {
			if strings.Contains(a.Text, w) && !slices.Contains(out, wishThemes[i]) {
				out = append(out, wishThemes[i])
			}
		}
	}
	return out
}

func pickCategory(r *rand.Rand, offered []consultation.Category) consultation.Category {
	weights := map[consultation.Category]int{consultation.Citizen: 74, consultation.Association: 11, consultation.Company: 7,
		consultation.University: 5, consultation.Organisation: 3}
	total := 0
	for _, k := range offered {
		total += weights[k]
	}
	n := r.IntN(total)
	for _, k := range offered {
		if n -= weights[k]; n < 0 {
			return k
		}
	}
	return offered[0]
}

func syntheticAnswer(r *rand.Rand, q consultation.Question) (consultation.Answer, bool) {
	a := consultation.Answer{QuestionID: q.ID}
	switch q.Kind {
	case consultation.OpenText:
		if r.IntN(10) < 4 {
			return a, false
		}
		if strings.HasPrefix(q.Prompt, "Souhaitez") {
			a.Text = involvements[r.IntN(len(involvements))]
		} else {
			a.Text = openers[r.IntN(len(openers))] + " " + subjects[r.IntN(len(subjects))] + " " + wishes[r.IntN(len(wishes))] + ", " + reasons[r.IntN(len(reasons))]
			if r.IntN(4) == 0 {
				a.Text += " " + openers[r.IntN(len(openers))] + " " + subjects[r.IntN(len(subjects))] + " " + wishes[r.IntN(len(wishes))] + "."
			}
		}
	case consultation.Single:
		a.Choices = []string{q.Choices[weightedIndex(r, len(q.Choices))]}
	case consultation.Multiple:
		for i, ch := range q.Choices {
			if r.IntN(10) < 6-i {
				a.Choices = append(a.Choices, ch)
			}
		}
		if len(a.Choices) == 0 {
			return a, false
		}
	case consultation.Ranking:
		// Earlier choices lean to the top: each choice's key is its position plus noise.
		type keyed struct {
			key float64
			ch  string
		}
		list := make([]keyed, len(q.Choices))
		for i, ch := range q.Choices {
			list[i] = keyed{float64(i) + r.Float64()*3.5, ch}
		}
		sort.Slice(list, func(i, j int) bool { return list[i].key < list[j].key })
		keep := len(list) - r.IntN(2)
		for _, x := range list[:keep] {
			a.Choices = append(a.Choices, x.ch)
		}
	}
	return a, true
}

// weightedIndex favours the first of n choices.
func weightedIndex(r *rand.Rand, n int) int {
	return min(r.IntN(n)+r.IntN(2), n-1)
}

// demoSIRET is a fictitious SIRET with a valid key, so that the demo publishes its grants (SCDL).
const demoSIRET = "20000000000014"
