package web

import (
	"net/http"
	"strconv"

	"boussole/internal/comment"
	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
)

// swotAnswer is an objective or a result that answers a SWOT item, as the matrix names it.
type swotAnswer struct {
	Label string // « l'objectif 2 — Structurer… »
	URL   string
}

// linkedLabel names a linked element with its article and number, as in « répondu par l'objectif 2 ».
func linkedLabel(e logframe.LinkedElement) string {
	noun := "l'objectif "
	if e.Ref.Kind == logframe.KindResult {
		noun = "le résultat "
	}
	return noun + e.Number + " — " + e.Title
}

// withAnswers adds to each row of the matrix the elements of the framework that answer it.
func withAnswers(qs []swotQuadrant, answers map[int64][]logframe.LinkedElement, ws *workspace) []swotQuadrant {
	for i := range qs {
		for j := range qs[i].Items {
			row := &qs[i].Items[j]
			for _, e := range answers[row.ID] {
				row.Answers = append(row.Answers, swotAnswer{Label: linkedLabel(e), URL: refURL(ws, e.Ref)})
			}
		}
	}
	return qs
}

// renderEditSWOT shows a SWOT item's form with the objectives and results that answer it, so whoever
// considers leaving it aside sees whether it is already answered.
func (s *Server) renderEditSWOT(w http.ResponseWriter, r *http.Request, ws *workspace, status int, f *form, data *swotEditPage) {
	it := data.Item
	answers, err := s.store.SWOTAnswers(r.Context(), ws.Authority.ID, it.StrategyID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var list []swotAnswer
	for _, e := range answers[it.ID] {
		list = append(list, swotAnswer{Label: linkedLabel(e), URL: refURL(ws, e.Ref)})
	}
	data.Answers, data.Comments = list, s.commentBlock(r, ws, comment.KindSWOT, it.ID)
	s.diagPage(w, r, status, ws, "diagnostic", "Modifier un élément AFOM", f, data)
}

// swotAnchor is where the check sends a finding about a SWOT item: the item in the matrix, readable by
// everyone who may read the diagnostic, with its « Modifier » link for those who may fix it.
func swotAnchor(ws *workspace, id int64) string {
	return ws.Prefix() + "/diagnostic/afom#element-" + strconv.FormatInt(id, 10)
}

// addSWOTRefs names, on the confirmation before deleting a SWOT item, the objectives and results that
// answer it and will lose the link.
func (s *Server) addSWOTRefs(r *http.Request, ws *workspace, it diagnostic.ItemRecord, c *diagConfirm) error {
	answers, err := s.store.SWOTAnswers(r.Context(), ws.Authority.ID, it.StrategyID)
	for _, e := range answers[it.ID] {
		c.Refs = append(c.Refs, capitalise(linkedLabel(e)))
	}
	return err
}
