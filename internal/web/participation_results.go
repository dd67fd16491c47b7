package web

import (
	"net/http"

	"boussole/internal/consultation"
	"boussole/internal/model"
)

// resultsPage shows a consultation's results: on the public page once the team publishes them, and to
// the team as the synthesis.
type resultsPage struct {
	Authority model.Authority
	C         consultation.Consultation
	R         consultation.Results
	Questions []questionView
	URL       string
	Public    bool // the public version: published open answers only, no moderation figures
}

// questionView is one question's result with the open answers to show.
type questionView struct {
	consultation.QuestionResult
	Shown     []consultation.TextAnswer
	ShownFrom int // how many open answers there are in all, for « 30 sur 412 »
}

// maxShownTexts bounds the open answers one page lists: the page costs what it shows.
const maxShownTexts = 30

func newResultsPage(a model.Authority, c consultation.Consultation, list []consultation.Contribution, public bool) resultsPage {
	r := consultation.Tally(c, list)
	d := resultsPage{Authority: a, C: c, R: r, URL: publicConsultationURL(a, c.ID), Public: public}
	for _, q := range r.Questions {
		texts := q.Texts
		if public {
			texts = q.PublicTexts()
		}
		qv := questionView{QuestionResult: q, ShownFrom: len(texts)}
		qv.Shown = texts[:min(len(texts), maxShownTexts)]
		d.Questions = append(d.Questions, qv)
	}
	return d
}

// showPublicResults shows the results, synthesis and response of a consultation whose team published them.
func (s *Server) showPublicResults(w http.ResponseWriter, r *http.Request) {
	a, _, c, ok := s.publicConsultation(w, r)
	if !ok {
		return
	}
	if !c.ResultsPublic {
		s.notFound(w, r)
		return
	}
	list, err := s.store.AllContributions(r.Context(), a.ID, c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := view{Title: "Résultats : " + c.Title, Cache: "public, max-age=300"}
	s.renderComponent(w, r, http.StatusOK, v, publicResultsContent(v, newResultsPage(a, c, list, true)))
}
