package web

import (
	"fmt"
	"strconv"
	"time"

	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/number"
	"boussole/internal/partialdate"
	"boussole/internal/stakeholder"
)

// The JSON shapes of the API, one per record, written from the domain records and read by the
// OpenAPI description (api_openapi.go): a field's `doc` tag is its French description there. Numbers
// that must stay exact (indicator values, amounts) are decimal strings; a date known to the year or the
// month is « 2027 » or « 2027-03 »; what is unknown is null, never 0.

type apiStrategy struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	TermStart int       `json:"term_start" doc:"première année de la mandature"`
	TermEnd   *int      `json:"term_end" doc:"dernière année ; null quand le document ne la dit pas"`
	Status    string    `json:"status" doc:"brouillon, en vigueur ou passée"`
	AdoptedOn *string   `json:"adopted_on" doc:"date de la délibération, à sa précision (« 2020 », « 2020-12 », « 2020-12-17 »)"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Version   int64     `json:"version"`
}

func toAPIStrategy(s model.Strategy) apiStrategy {
	out := apiStrategy{ID: s.ID, Title: s.Title, TermStart: s.TermStart, Status: string(s.Status), AdoptedOn: isoOrNil(s.AdoptedOn),
		CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt, Version: s.Version}
	if s.TermEnd != 0 {
		out.TermEnd = &s.TermEnd
	}
	return out
}

type apiKeyElements struct {
	Vision           string               `json:"vision"`
	Mission          string               `json:"mission"`
	PoliticalProject string               `json:"political_project" doc:"lien avec le projet politique de la mandature"`
	General          *apiGeneralObjective `json:"general_objective" doc:"null tant qu'il n'est pas écrit"`
	Values           []apiValue           `json:"values"`
	Dimensions       []apiDimension       `json:"dimensions"`
	Version          int64                `json:"version" doc:"0 tant que rien n'est enregistré"`
}

type apiGeneralObjective struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

type apiValue struct {
	Name        string `json:"name"`
	Explanation string `json:"explanation"`
}

type apiDimension struct {
	Name   string `json:"name"`
	Weight *int   `json:"weight" doc:"poids en pour cent ; null quand il n'est pas décidé"`
}

func toAPIKeyElements(k logframe.KeyElementsRecord) apiKeyElements {
	out := apiKeyElements{Vision: k.Vision, Mission: k.Mission, PoliticalProject: k.PoliticalProject, Version: k.Version,
		Values: []apiValue{}, Dimensions: []apiDimension{}}
	if k.GeneralTitle != "" {
		out.General = &apiGeneralObjective{ID: k.ID, Title: k.GeneralTitle, Description: k.GeneralText}
	}
	for _, v := range k.Values {
		out.Values = append(out.Values, apiValue{Name: v.Name, Explanation: v.Explanation})
	}
	for _, d := range k.Dimensions {
		out.Dimensions = append(out.Dimensions, apiDimension{Name: d.Name, Weight: d.Weight})
	}
	return out
}

type apiGeoPriority struct {
	ID          int64   `json:"id"`
	Position    int     `json:"position"`
	Kind        string  `json:"kind" doc:"pays, collectivité partenaire ou région du monde"`
	CountryCode *string `json:"country_code" doc:"code ISO 3166-1 alpha-2 ; null pour un partenaire ou une région"`
	Name        string  `json:"name"`
	Reason      string  `json:"reason" doc:"relation existante, diaspora, histoire, affinité stratégique, potentiel…"`
	Comment     string  `json:"comment"`
	ActivityIDs []int64 `json:"activity_ids"`
	Version     int64   `json:"version"`
}

func toAPIGeoPriority(g logframe.GeoPriorityRecord) apiGeoPriority {
	out := apiGeoPriority{ID: g.ID, Position: g.Position, Kind: string(g.Kind), Name: g.Name, Reason: g.Reason, Comment: g.Comment,
		ActivityIDs: nonNil(g.ActivityIDs), Version: g.Version}
	if g.CountryCode != "" {
		out.CountryCode = &g.CountryCode
	}
	return out
}

type apiThematicPriority struct {
	ID          int64  `json:"id"`
	Position    int    `json:"position"`
	Policy      string `json:"policy" doc:"compétence ou politique publique de la collectivité"`
	Service     string `json:"service" doc:"service qui la porte"`
	Description string `json:"description"`
	Version     int64  `json:"version"`
}

func toAPIThematicPriority(t logframe.ThematicPriorityRecord) apiThematicPriority {
	return apiThematicPriority{ID: t.ID, Position: t.Position, Policy: t.Policy, Service: t.Service, Description: t.Description, Version: t.Version}
}

type apiObjective struct {
	ID          int64    `json:"id"`
	Position    int      `json:"position"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Specific    string   `json:"specific" doc:"S de SMART : quoi, pour qui"`
	Measure     string   `json:"measure" doc:"M de SMART : comment le succès se mesure"`
	Achievable  string   `json:"achievable" doc:"A de SMART : ce qui le met à portée"`
	TargetDate  *string  `json:"target_date" doc:"T de SMART ; null : à la fin de la mandature"`
	Resources   string   `json:"resources"`
	SWOTIDs     []int64  `json:"swot_ids" doc:"éléments de l'AFOM auxquels il répond"`
	SDG         []string `json:"sdg" doc:"cibles ODD"`
	Version     int64    `json:"version"`
}

func toAPIObjective(o logframe.ObjectiveRecord) apiObjective {
	return apiObjective{ID: o.ID, Position: o.Position, Title: o.Title, Description: o.Description, Specific: o.Specific, Measure: o.Measure,
		Achievable: o.Achievable, TargetDate: isoOrNil(o.TargetDate), Resources: o.Resources, SWOTIDs: nonNil(o.SWOTIDs), SDG: nonNil(o.SDG), Version: o.Version}
}

type apiResult struct {
	ID          int64    `json:"id"`
	ObjectiveID int64    `json:"objective_id"`
	Position    int      `json:"position"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	SDG         []string `json:"sdg"`
	Version     int64    `json:"version"`
}

func toAPIResult(r logframe.ResultRecord) apiResult {
	return apiResult{ID: r.ID, ObjectiveID: r.ObjectiveID, Position: r.Position, Title: r.Title, Description: r.Description, SDG: nonNil(r.SDG), Version: r.Version}
}

type apiActivity struct {
	ID          int64     `json:"id"`
	ResultID    int64     `json:"result_id"`
	Position    int       `json:"position"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Owner       string    `json:"owner" doc:"qui la porte : un service, un·e élu·e, un partenaire"`
	Resources   string    `json:"resources"`
	Cost        *string   `json:"cost" doc:"coût estimé en euros, nombre décimal en texte (« 12500.50 ») ; null quand il n'est pas estimé"`
	Start       *string   `json:"start"`
	End         *string   `json:"end"`
	UpdatedAt   time.Time `json:"updated_at"`
	Version     int64     `json:"version"`
}

func toAPIActivity(a logframe.ActivityRecord) apiActivity {
	out := apiActivity{ID: a.ID, ResultID: a.ResultID, Position: a.Position, Title: a.Title, Description: a.Description, Owner: a.Owner,
		Resources: a.Resources, Start: isoOrNil(a.Start), End: isoOrNil(a.End), UpdatedAt: a.UpdatedAt, Version: a.Version}
	if a.CostCents != nil {
		out.Cost = centsString(*a.CostCents)
	}
	return out
}

type apiRef struct {
	Kind string `json:"kind" doc:"objectif-general, objectif-specifique, resultat ou activite"`
	ID   int64  `json:"id"`
}

type apiIndicator struct {
	ID          int64        `json:"id"`
	Level       apiRef       `json:"level" doc:"l'élément du cadre logique qu'il mesure"`
	Position    int          `json:"position"`
	Title       string       `json:"title"`
	Definition  string       `json:"definition"`
	Measure     string       `json:"measure" doc:"unité, pourcentage, nominal, ordinal ou qualitatif (codes IATI 1 à 5)"`
	Unit        string       `json:"unit"`
	Ascending   bool         `json:"ascending" doc:"vrai quand plus haut est mieux"`
	Baseline    *apiBaseline `json:"baseline" doc:"null quand rien n'est connu de la situation de départ"`
	Targets     []apiTarget  `json:"targets"`
	Periodicity string       `json:"periodicity"`
	Sources     []string     `json:"sources" doc:"sources et moyens de vérification"`
	Owner       string       `json:"owner" doc:"qui le met à jour"`
	Breakdowns  []string     `json:"breakdowns"`
	Public      bool         `json:"public" doc:"montré sur la page publique"`
	SDG         []string     `json:"sdg"`
	Version     int64        `json:"version"`
}

type apiBaseline struct {
	Value   *string `json:"value" doc:"nombre décimal en texte ; null quand il n'est pas mesuré"`
	Text    string  `json:"text"`
	Date    *string `json:"date"`
	Comment string  `json:"comment"`
}

type apiTarget struct {
	Date    *string `json:"date"`
	Value   *string `json:"value"`
	Text    string  `json:"text"`
	Comment string  `json:"comment"`
}

func toAPIIndicator(in logframe.IndicatorRecord) apiIndicator {
	out := apiIndicator{ID: in.ID, Level: apiRef{Kind: string(in.Level.Kind), ID: in.Level.ID}, Position: in.Position, Title: in.Title,
		Definition: in.Definition, Measure: in.Measure.Label(), Unit: in.Unit, Ascending: in.Ascending, Targets: []apiTarget{},
		Periodicity: in.Periodicity, Sources: nonNil(in.Sources), Owner: in.Owner, Breakdowns: nonNil(in.Breakdowns), Public: in.Public,
		SDG: nonNil(in.SDG), Version: in.Version}
	if b := in.Baseline; b != nil {
		out.Baseline = &apiBaseline{Value: decimalOrNil(b.Value), Text: b.Text, Date: isoOrNil(b.Date), Comment: b.Comment}
	}
	for _, t := range in.Targets {
		out.Targets = append(out.Targets, apiTarget{Date: isoOrNil(t.Date), Value: decimalOrNil(t.Value), Text: t.Text, Comment: t.Comment})
	}
	return out
}

type apiRisk struct {
	ID          int64   `json:"id"`
	Position    int     `json:"position"`
	Description string  `json:"description"`
	Category    string  `json:"category" doc:"interne ou externe"`
	Likelihood  int     `json:"likelihood" doc:"probabilité de 1 à 4 ; 0 quand elle n'est pas évaluée"`
	Impact      int     `json:"impact" doc:"impact de 1 à 4 ; 0 quand il n'est pas évalué"`
	Mitigation  string  `json:"mitigation"`
	Owner       string  `json:"owner"`
	Status      string  `json:"status"`
	Linked      *apiRef `json:"linked" doc:"l'élément menacé ; null pour un risque de toute la stratégie"`
	Version     int64   `json:"version"`
}

func toAPIRisk(r logframe.RiskRecord) apiRisk {
	out := apiRisk{ID: r.ID, Position: r.Position, Description: r.Description, Category: string(r.Category), Likelihood: r.Likelihood,
		Impact: r.Impact, Mitigation: r.Mitigation, Owner: r.Owner, Status: r.Status, Version: r.Version}
	if r.Linked != (logframe.Ref{}) {
		out.Linked = &apiRef{Kind: string(r.Linked.Kind), ID: r.Linked.ID}
	}
	return out
}

type apiSWOTItem struct {
	ID          int64  `json:"id"`
	Quadrant    string `json:"quadrant" doc:"atout, faiblesse, opportunité ou menace"`
	Scope       string `json:"scope"`
	Text        string `json:"text"`
	Evidence    string `json:"evidence"`
	Weight      int    `json:"weight" doc:"1 (mineur) à 3 (majeur)"`
	Position    int    `json:"position"`
	LeftAside   bool   `json:"left_aside" doc:"vrai quand la stratégie choisit de ne pas y répondre"`
	AsideReason string `json:"aside_reason"`
	Version     int64  `json:"version"`
}

func toAPISWOTItem(it diagnostic.ItemRecord) apiSWOTItem {
	i := it.Item
	return apiSWOTItem{ID: it.ID, Quadrant: string(i.Quadrant), Scope: string(i.Scope), Text: i.Text, Evidence: i.Evidence, Weight: i.Weight,
		Position: i.Position, LeftAside: i.LeftAside, AsideReason: i.AsideReason, Version: it.Version}
}

type apiPartnership struct {
	ID             int64     `json:"id"`
	Partner        string    `json:"partner"`
	Countries      []string  `json:"countries" doc:"codes ISO 3166 des pays"`
	Kind           string    `json:"kind"`
	Status         string    `json:"status"`
	StartYear      *int      `json:"start_year"`
	AgreementStart *string   `json:"agreement_start"`
	AgreementEnd   *string   `json:"agreement_end"`
	Themes         []string  `json:"themes"`
	YearlyBudget   *string   `json:"yearly_budget" doc:"budget annuel en euros, nombre décimal en texte ; null quand il n'est pas connu"`
	Decision       string    `json:"decision" doc:"décision de la revue critique : poursuivre, réorienter ou arrêter"`
	DecisionReason string    `json:"decision_reason"`
	Version        int64     `json:"version"`
	UpdatedAt      time.Time `json:"updated_at"`
}

func toAPIPartnership(p diagnostic.PartnershipRecord) apiPartnership {
	d := p.Partnership
	out := apiPartnership{ID: p.ID, Partner: d.Partner, Countries: nonNil(d.Countries), Kind: string(d.Kind), Status: string(d.Status),
		AgreementStart: isoOrNil(d.Agreement.Start), AgreementEnd: isoOrNil(d.Agreement.End), Themes: nonNil(d.Themes),
		Decision: string(d.Review.Decision), DecisionReason: d.Review.Reason, Version: p.Version, UpdatedAt: p.UpdatedAt}
	if d.StartYear != 0 {
		out.StartYear = &d.StartYear
	}
	if d.YearlyBudgetCents != nil {
		out.YearlyBudget = centsString(*d.YearlyBudgetCents)
	}
	return out
}

type apiStakeholder struct {
	ID        int64    `json:"id"`
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Territory string   `json:"territory"`
	Themes    []string `json:"themes"`
	Level     string   `json:"engagement_level" doc:"niveau d'engagement choisi avec l'acteur ; vide quand il n'est pas décidé"`
	Version   int64    `json:"version"`
}

// toAPIStakeholder leaves out the contact person: a name of a private person is not for every script.
func toAPIStakeholder(r stakeholder.Record) apiStakeholder {
	return apiStakeholder{ID: r.ID, Name: r.Name, Kind: string(r.Kind), Territory: r.Territory, Themes: nonNil(r.Themes),
		Level: string(r.Engagement.Level), Version: r.Version}
}

func isoOrNil(d partialdate.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.ISO()
	return &s
}

// centsString writes an amount in euros with its two decimals: « 12500.50 ».
func centsString(c int64) *string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	s := sign + strconv.FormatInt(c/100, 10) + "." + fmt.Sprintf("%02d", c%100)
	return &s
}

func decimalOrNil(d *number.Decimal) *string {
	if d == nil {
		return nil
	}
	s := d.String()
	return &s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// itoa64 writes an ID for a path.
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
