package document

import (
	"strconv"
	"strings"

	"boussole/internal/diagnostic"
	"boussole/internal/frfmt"
	"boussole/internal/logframe"
)

// blank marks what the legal service completes: the session's date, the rapporteur, the budget line.
func blank(what string) string { return "[" + what + "]" }

// Deliberation builds the draft deliberation (projet de délibération) adopting the strategy: the visas
// (CGCT articles L.1115-1 and following, the development policy law, the guide's method), the considérants
// drawn from the strategy, and the articles: approval for the term, authority given to the executive to sign
// the agreements and to apply for co-financing, and the budget reference. What only the legal service knows
// is left in brackets.
func Deliberation(src Source) Doc {
	body := assembly(src.Authority.Kind)
	exec := executive(src.Authority.Kind)
	title := strategyTitle(src)
	d := Doc{Kind: KindDeliberation, Title: "Projet de délibération — " + title, Compact: true,
		Cover: Cover{Authority: src.Authority.Name, Title: "Projet de délibération",
			Subtitle: upperFirst(body) + " — séance du " + blank("date de la séance"),
			Lines:    []string{"Objet : adoption de la " + lowerFirst(title), "Rapporteur : " + blank("nom et qualité de l'élu rapporteur")}}}
	d.Sections = append(d.Sections, Section{Title: "Exposé des motifs", Blocks: motives(src)})
	d.Sections = append(d.Sections, Section{Title: "", Blocks: []Block{Paragraph{Text: "Le " + body + ","}}})
	d.Sections = append(d.Sections, Section{Title: "", Blocks: visas(src)})
	d.Sections = append(d.Sections, Section{Title: "", Blocks: considerants(src)})
	d.Sections = append(d.Sections, Section{Title: "", Blocks: append([]Block{Paragraph{Text: "Après en avoir délibéré, DÉCIDE :"}}, articles(src, exec)...)})
	d.Sections = append(d.Sections, Section{Title: "", Blocks: []Block{
		Paragraph{Text: "Vote : " + blank("pour, contre, abstentions") + "\nFait et délibéré les jour, mois et an susdits.\nPour extrait conforme, " + blank("signature")}}})
	return d
}

func motives(src Source) []Block {
	var out []Block
	out = append(out, Paragraph{Text: "La collectivité a conduit l'élaboration de sa stratégie d'action internationale selon la méthode du guide « Comment élaborer une stratégie d'action internationale » (Cités Unies France, Agence française de développement, Caisse des Dépôts) : sensibilisation des élus et des services, diagnostic partagé, cartographie des acteurs, définition des éléments clés et du cadre logique, planification et dispositif de suivi."})
	if v := strings.TrimSpace(src.Framework.Key.Vision); v != "" {
		out = append(out, Paragraph{Text: "Sa vision : « " + v + " »"})
	}
	out = append(out, Paragraph{Text: "Le document stratégique annexé au présent projet en présente le contenu. Il est proposé de l'adopter pour la durée de la mandature."})
	return out
}

func visas(src Source) []Block {
	v := []string{
		"Vu le code général des collectivités territoriales, et notamment ses articles L.1115-1 et suivants relatifs à l'action extérieure des collectivités territoriales ;",
		"Vu la loi n° 2021-1031 du 4 août 2021 de programmation relative au développement solidaire et à la lutte contre les inégalités mondiales ;",
		"Vu le guide « Comment élaborer une stratégie d'action internationale » de Cités Unies France, de l'Agence française de développement et de la Caisse des Dépôts ;",
		"Vu le budget de l'exercice " + blank("année") + " ;",
		"Vu l'avis de la commission " + blank("commission compétente") + " ;",
	}
	out := make([]Block, 0, len(v))
	for _, s := range v {
		out = append(out, Paragraph{Text: s})
	}
	return out
}

// considerants draws from the strategy what motivates the vote: the existing action, the diagnostic and
// the consultation, the objectives, the priorities, the cost.
func considerants(src Source) []Block {
	name := src.Authority.Name
	var c []string
	if n := len(src.Partnerships); n > 0 {
		active, since := 0, 0
		for _, p := range src.Partnerships {
			if p.Status == diagnostic.StatusActive {
				active++
			}
			if p.StartYear > 0 && (since == 0 || p.StartYear < since) {
				since = p.StartYear
			}
		}
		s := "Considérant que " + name + " entretient " + count(n, "partenariat international", "partenariats internationaux") + ", dont " + strconv.Itoa(active) + " actif(s)"
		if since > 0 {
			s += ", le plus ancien depuis " + strconv.Itoa(since)
		}
		c = append(c, s+", dont le diagnostic a fait la revue critique ;")
	}
	if len(src.SWOT) > 0 || len(src.Stakeholders) > 0 {
		c = append(c, "Considérant le diagnostic partagé, qui a recensé "+count(len(src.SWOT), "atout, faiblesse, opportunité ou menace", "atouts, faiblesses, opportunités et menaces")+
			", et la cartographie de "+count(len(src.Stakeholders), "partie prenante", "parties prenantes")+" associées à la démarche ;")
	}
	k := src.Framework.Key
	if k.General != nil {
		s := "Considérant que la stratégie poursuit l'objectif général « " + k.General.Title + " »"
		if n := len(src.Framework.Objectives); n > 0 {
			s += ", décliné en " + count(n, "objectif spécifique", "objectifs spécifiques")
		}
		c = append(c, s+" ;")
	}
	if geo := geoNames(src.Framework.Geo); geo != "" {
		c = append(c, "Considérant les priorités géographiques retenues : "+geo+" ;")
	}
	if len(src.Thematic) > 0 {
		var th []string
		for _, t := range src.Thematic {
			th = append(th, t.Policy)
		}
		c = append(c, "Considérant que les priorités thématiques s'appuient sur les compétences de la collectivité : "+strings.Join(th, ", ")+" ;")
	}
	if total, complete, ok := totalCost(src.Framework.Activities); ok {
		at := "à "
		if !complete {
			at = "à au moins "
		}
		c = append(c, "Considérant que le coût des activités prévues est estimé "+at+total+" sur la mandature, hors cofinancements ;")
	}
	c = append(c, "Considérant que l'action internationale de la collectivité contribue aux objectifs de développement durable et à l'ouverture du territoire ;")
	out := make([]Block, 0, len(c))
	for _, s := range c {
		out = append(out, Paragraph{Text: s})
	}
	return out
}

func articles(src Source, exec string) []Block {
	term := ""
	if src.Strategy.TermStart != 0 {
		term = " pour la période " + src.Strategy.Term()
	}
	return []Block{
		Field{Label: "Article 1", Text: "Approuve la " + lowerFirst(strategyTitle(src)) + term + ", telle qu'annexée à la présente délibération."},
		Field{Label: "Article 2", Text: "Autorise " + exec + " à signer les conventions de partenariat et de coopération qui en découlent, ainsi que tout document s'y rapportant."},
		Field{Label: "Article 3", Text: "Autorise " + exec + " à solliciter les cofinancements correspondants, notamment auprès du ministère de l'Europe et des Affaires étrangères, de l'Agence française de développement et de l'Union européenne, et à signer les conventions de financement."},
		Field{Label: "Article 4", Text: "Dit que les dépenses correspondantes seront imputées au budget " + blank("chapitre et article") + ", dans la limite des crédits votés chaque année."},
		Field{Label: "Article 5", Text: "Dit que la mise en œuvre de la stratégie fera l'objet d'un bilan annuel et d'une évaluation à mi-parcours présentés à l'assemblée."},
		Field{Label: "Article 6", Text: upperFirst(exec) + " et le directeur général des services sont chargés, chacun en ce qui le concerne, de l'exécution de la présente délibération."},
	}
}

// count writes « 1 partenariat » or « 3 partenariats ».
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func geoNames(geo []logframe.GeoPriority) string {
	var names []string
	for _, g := range geo {
		names = append(names, g.Name)
	}
	return strings.Join(names, ", ")
}

// totalCost sums the activities' estimated costs; complete is false when some are not estimated, ok when
// none is.
func totalCost(acts []logframe.Activity) (total string, complete, ok bool) {
	var sum int64
	complete = true
	for _, a := range acts {
		if a.CostCents == nil {
			complete = false
			continue
		}
		sum += *a.CostCents
		ok = true
	}
	return frfmt.Euros(sum), complete, ok
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
