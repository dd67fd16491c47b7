package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"boussole/internal/auth"
	"boussole/internal/consultation"
	"boussole/internal/model"
	"boussole/internal/store"
)

// personalPage is what a contributor's personal link opens: their contribution, to read, export or erase.
type personalPage struct {
	Authority model.Authority
	C         consultation.Consultation
	K         consultation.Contribution
	Answers   []personalAnswer
	Link      string
	Confirm   bool // the erasure confirmation step
	Erased    bool // the contribution was just erased
}

// personalAnswer is a question with the contributor's answer.
type personalAnswer struct {
	Prompt string
	Answer string
}

// contributionFromLink resolves a personal link. The link works whether or not the authority's page is
// still published: the rights it carries do not depend on it. Anything wrong is a plain 404.
func (s *Server) contributionFromLink(w http.ResponseWriter, r *http.Request) (*personalPage, bool) {
	a, err := s.store.AuthorityBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.notFound(w, r)
		return nil, false
	}
	k, err := s.store.ContributionByToken(r.Context(), auth.HashToken(r.PathValue("token")))
	if err != nil || k.AuthorityID != a.ID {
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			s.serverError(w, r, err)
		} else {
			s.notFound(w, r)
		}
		return nil, false
	}
	c, err := s.store.Consultation(r.Context(), a.ID, k.ConsultationID)
	if err != nil {
		s.serverError(w, r, err)
		return nil, false
	}
	d := &personalPage{Authority: a, C: c, K: k, Link: "/public/" + a.Slug + "/contribution/" + r.PathValue("token")}
	for _, q := range c.Questions {
		pa := personalAnswer{Prompt: q.Prompt, Answer: "sans réponse"}
		if ans, ok := k.Answer(q.ID); ok {
			if ans.Text != "" {
				pa.Answer = ans.Text
			} else if len(ans.Choices) > 0 {
				pa.Answer = joinChoices(q.Kind, ans.Choices)
			}
		}
		d.Answers = append(d.Answers, pa)
	}
	return d, true
}

func joinChoices(kind consultation.Kind, choices []string) string {
	out := ""
	for i, ch := range choices {
		if i > 0 {
			out += ", "
		}
		if kind == consultation.Ranking {
			out += itoa(i+1) + ". "
		}
		out += ch
	}
	return out
}

func (s *Server) renderPersonal(w http.ResponseWriter, r *http.Request, d *personalPage) {
	v := view{Title: "Votre contribution à « " + d.C.Title + " »",
		Cache: "private, no-store", Robots: "noindex, nofollow"}
	s.renderComponent(w, r, http.StatusOK, v, publicContributionContent(v, d))
}

// showContribution shows a contributor their contribution; opening the link confirms their email.
func (s *Server) showContribution(w http.ResponseWriter, r *http.Request) {
	d, ok := s.contributionFromLink(w, r)
	if !ok {
		return
	}
	if d.K.Email != "" && !d.K.Confirmed {
		if err := s.store.ConfirmContribution(r.Context(), auth.HashToken(r.PathValue("token"))); err != nil {
			s.serverError(w, r, err)
			return
		}
		d.K.Confirmed = true
	}
	s.renderPersonal(w, r, d)
}

// confirmEraseContribution asks before erasing.
func (s *Server) confirmEraseContribution(w http.ResponseWriter, r *http.Request) {
	d, ok := s.contributionFromLink(w, r)
	if !ok {
		return
	}
	d.Confirm = true
	s.renderPersonal(w, r, d)
}

// eraseContribution erases the contribution for good.
func (s *Server) eraseContribution(w http.ResponseWriter, r *http.Request) {
	d, ok := s.contributionFromLink(w, r)
	if !ok {
		return
	}
	if err := s.store.EraseContribution(r.Context(), auth.HashToken(r.PathValue("token"))); err != nil {
		s.serverError(w, r, err)
		return
	}
	d.Erased = true
	s.renderPersonal(w, r, d)
}

// exportContribution gives the contributor their contribution as JSON (the right to data portability).
func (s *Server) exportContribution(w http.ResponseWriter, r *http.Request) {
	d, ok := s.contributionFromLink(w, r)
	if !ok {
		return
	}
	type answer struct {
		Question string `json:"question"`
		Reponse  string `json:"reponse"`
	}
	out := struct {
		Consultation string   `json:"consultation"`
		Collectivite string   `json:"collectivite"`
		Recue        string   `json:"recue_le"`
		Categorie    string   `json:"categorie"`
		Commune      string   `json:"commune,omitempty"`
		Age          string   `json:"tranche_age,omitempty"`
		Pseudonyme   string   `json:"pseudonyme,omitempty"`
		Courriel     string   `json:"courriel,omitempty"`
		Usage        string   `json:"usage_courriel,omitempty"`
		Moderation   string   `json:"moderation"`
		Reponses     []answer `json:"reponses"`
	}{Consultation: d.C.Title, Collectivite: d.Authority.Name, Recue: d.K.CreatedAt.Format("2006-01-02T15:04:05Z"), Categorie: d.K.Category.Label(),
		Commune: d.K.Commune, Pseudonyme: d.K.Pseudonym, Courriel: d.K.Email, Usage: string(d.K.EmailUse), Moderation: d.K.State.Label()}
	if d.K.Age != "" {
		out.Age = d.K.Age.Label()
	}
	for _, a := range d.Answers {
		out.Reponses = append(out.Reponses, answer{a.Prompt, a.Answer})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="ma-contribution.json"`)
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("X-Robots-Tag", "noindex")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}
