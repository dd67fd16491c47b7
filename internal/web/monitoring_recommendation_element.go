package web

import (
	"net/http"
	"strconv"

	"boussole/internal/logframe"
	"boussole/internal/monitoring"
	"boussole/internal/strategy"
)

// The element of the evaluated strategy a recommendation is about: the choices of the recommendation's
// form, numbered as the framework numbers them, and how the evaluation page names and links it.

// elementChoices are the objectives, results, activities and indicators of the strategy, each objective
// followed by its results and each result by its activities, then the indicators; and the same as a set,
// for the check.
type elementChoices struct {
	Options []option
	Known   map[logframe.Ref]bool
	labels  map[logframe.Ref]string
}

func recommendationElements(v frameworkView) elementChoices {
	c := elementChoices{Known: map[logframe.Ref]bool{}, labels: map[logframe.Ref]string{}}
	add := func(kind logframe.Kind, id int64, noun, title string) {
		ref := logframe.Ref{Kind: kind, ID: id}
		label := noun + " " + v.Numbers.Of(ref) + " — " + title
		c.Options = append(c.Options, option{Value: refValue(ref), Label: label})
		c.Known[ref], c.labels[ref] = true, label
	}
	for _, o := range v.F.Objectives {
		add(logframe.KindSpecificObjective, o.ID, "Objectif", o.Title)
		for _, res := range v.ResultsOf(o.ID) {
			add(logframe.KindResult, res.ID, "Résultat", res.Title)
			for _, a := range v.ActivitiesOf(res.ID) {
				add(logframe.KindActivity, a.ID, "Activité", a.Title)
			}
		}
	}
	for _, in := range v.F.Indicators {
		add(logframe.KindIndicator, in.ID, "Indicateur", in.Title)
	}
	return c
}

// Label names the element a recommendation is about, as the form's list does.
func (c elementChoices) Label(ref logframe.Ref) string {
	if ref.IsZero() {
		return "La stratégie dans son ensemble"
	}
	if l, ok := c.labels[ref]; ok {
		return l
	}
	return "Élément supprimé depuis"
}

// refValue is an element as a form's value (« activite:12 »), "" for none.
func refValue(ref logframe.Ref) string {
	if ref.IsZero() {
		return ""
	}
	return string(ref.Kind) + ":" + strconv.FormatInt(ref.ID, 10)
}

// evaluatedFramework reads the framework of the evaluated strategy, for the element choices.
func (s *Server) evaluatedFramework(r *http.Request, ws *workspace, e monitoring.Evaluation) (elementChoices, error) {
	agg, err := s.store.ReadStrategy(r.Context(), ws.Authority.ID, e.StrategyID, strategy.PartFramework)
	if err != nil {
		return elementChoices{}, err
	}
	return recommendationElements(newFrameworkView(agg.Framework)), nil
}

// readRecommendationElement reads the « element » field and refuses an element that is not one of the
// evaluated strategy's, at the field.
func readRecommendationElement(f *form, rec *monitoring.Recommendation, c elementChoices) {
	rec.Element = logframe.Ref{}
	if v := f.Get("element"); v != "" {
		rec.Element = parseAttach(v)
		if rec.Element.IsZero() {
			rec.Element.Kind = logframe.Kind(v) // unreadable: refused below rather than taken for the whole
		}
	}
	for _, fe := range monitoring.CheckRecommendationElement(rec.Element, c.Known) {
		f.Fail(fe.Field, fe.Message)
	}
}

// openRec is an open recommendation on its element's page, with a link to its evaluation.
type openRec struct {
	Text, Status, Evaluation, Href string
}

// openRecommendations are the open recommendations naming the element, in one query; none for an element
// not yet created.
func (s *Server) openRecommendations(r *http.Request, ws *workspace, ref logframe.Ref) ([]openRec, error) {
	if ref.ID == 0 {
		return nil, nil
	}
	list, err := s.store.OpenRecommendationsAbout(r.Context(), ws.Authority.ID, ref)
	out := make([]openRec, 0, len(list))
	for _, x := range list {
		out = append(out, openRec{Text: x.R.Text, Status: x.R.Response.Label() + ", " + x.R.FollowUp.Label(), Evaluation: x.EvaluationTitle,
			Href: s.evaluationsPath(ws) + "/" + strconv.FormatInt(x.EvaluationID, 10) + "/recommandations/" + strconv.FormatInt(x.R.ID, 10)})
	}
	return out, err
}
