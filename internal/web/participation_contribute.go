package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"boussole/internal/auth"
	"boussole/internal/consultation"
	"boussole/internal/model"
	"boussole/internal/publicpage"
	"boussole/internal/store"
)

// What one address may send: a family or a class sharing a connection contributes in turn, a script
// flooding the form is slowed down with a clear message.
const (
	contributionsPerMinute = 6
	contributionBurst      = 12
)

// honeypot is the name of the field people never see nor fill; a form that fills it came from a robot.
const honeypot = "site_web"

// consultationPage is the public page of one consultation: its context, the form while it is open, the
// RGPD notice, and the link to its results once published.
type consultationPage struct {
	Authority  model.Authority
	C          consultation.Consultation
	Phase      consultation.Phase
	Notice     consultation.Notice
	Categories []consultation.Category
	Ages       []consultation.AgeBracket
	URL        string
	Thanks     *thanks // after a contribution is received
}

// thanks is what a contributor is shown once their contribution is received.
type thanks struct {
	Link      string // the personal link: see, export, erase
	EmailSent bool
}

// Ranks returns 1…n for a ranking question's selects.
func (p consultationPage) Ranks(q consultation.Question) []int {
	out := make([]int, len(q.Choices))
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// publicConsultation reads what the public consultation page and its form need, in one statement and
// the questions' when the consultation is there to be shown; the refusals (no such authority, page not
// published, consultation unknown or not public) take the longer path below, which tells them apart.
func (s *Server) publicConsultation(w http.ResponseWriter, r *http.Request) (model.Authority, publicpage.Profile, consultation.Consultation, bool) {
	if id, ok := pathID(r, "id"); ok {
		a, p, c, err := s.store.PublicConsultation(r.Context(), r.PathValue("slug"), id)
		if err == nil && p.Published && c.Public() {
			return a, p, c, true
		}
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			s.serverError(w, r, err)
			return a, p, c, false
		}
	}
	return s.publicConsultationRefused(w, r)
}

func (s *Server) publicConsultationRefused(w http.ResponseWriter, r *http.Request) (model.Authority, publicpage.Profile, consultation.Consultation, bool) {
	a, p, ok := s.publicAuthority(w, r)
	if !ok {
		return a, p, consultation.Consultation{}, false
	}
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return a, p, consultation.Consultation{}, false
	}
	c, err := s.store.Consultation(r.Context(), a.ID, id)
	if err != nil || !c.Public() {
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			s.serverError(w, r, err)
		} else {
			s.notFound(w, r)
		}
		return a, p, c, false
	}
	return a, p, c, true
}

func (s *Server) renderConsultation(w http.ResponseWriter, r *http.Request, status int, a model.Authority, p publicpage.Profile, c consultation.Consultation, f *form, th *thanks) {
	d := consultationPage{Authority: a, C: c, Phase: c.Phase(time.Now()), Notice: consultation.NoticeFor(p.Controller(a.Name), c),
		Categories: c.Offered(), Ages: consultation.AgeBrackets, URL: publicConsultationURL(a, c.ID), Thanks: th}
	if f == nil {
		f = newForm(nil)
	}
	v := view{Title: c.Title + " — consultation de " + a.Name, Form: f, Data: d}
	if status == http.StatusOK && th == nil && r.Method == http.MethodGet {
		v.Cache = "public, max-age=60"
	}
	if th != nil {
		v.Robots = "noindex"
	}
	s.renderComponent(w, r, status, v, publicConsultationContent(v, d))
}

// showPublicConsultation shows a consultation to anyone.
func (s *Server) showPublicConsultation(w http.ResponseWriter, r *http.Request) {
	a, p, c, ok := s.publicConsultation(w, r)
	if !ok {
		return
	}
	s.renderConsultation(w, r, http.StatusOK, a, p, c, nil, nil)
}

// contribute receives a contribution: no account, a pseudonym allowed, an email only for the use the
// person chooses. Refusals come back at their field with everything typed kept.
func (s *Server) contribute(w http.ResponseWriter, r *http.Request) {
	a, p, c, ok := s.publicConsultation(w, r)
	if !ok {
		return
	}
	addr := addressKey(s.clientAddr(r))
	now := time.Now()
	if wait, ok := s.contributionLimit.allow(addr, now); !ok {
		w.Header().Set("Retry-After", itoa(int(wait/time.Second)+1))
		s.errorPage(w, r, http.StatusTooManyRequests, "Beaucoup de contributions sont parties de votre connexion en peu de temps. "+
			"Attendez une minute puis renvoyez le formulaire : revenez à la page précédente, votre saisie y est encore.")
		return
	}
	f := parseForm(w, r)
	if f.Get(honeypot) != "" {
		// A robot: thank it as a person would be thanked, and keep nothing.
		s.renderConsultation(w, r, http.StatusOK, a, p, c, newForm(nil), &thanks{})
		return
	}
	k := readContribution(f, c)
	k.AuthorityID, k.ConsultationID = a.ID, c.ID
	for field, msg := range consultation.Validate(c, k, now) {
		if field == consultation.FieldWhole {
			f.Top = msg
			continue
		}
		f.Fail(field, msg)
	}
	if !f.OK() {
		sortErrors(f, c)
		s.renderConsultation(w, r, http.StatusUnprocessableEntity, a, p, c, f, nil)
		return
	}
	token, hash := auth.NewToken()
	err := s.store.AddContribution(r.Context(), &k, store.Submission{AddressKey: contributionAddress(c.ID, addr), TokenHash: hash, At: now})
	if errors.Is(err, store.ErrDuplicate) {
		f.Top = consultation.DuplicateMessage
		s.renderConsultation(w, r, http.StatusConflict, a, p, c, f, nil)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	th := &thanks{Link: s.cfg.BaseURL + "/public/" + a.Slug + "/contribution/" + token}
	if k.Email != "" && k.EmailUse != consultation.EmailNone && s.mail.Configured() {
		s.sendInBackground(k.Email, "Votre contribution à « "+c.Title+" »", contributionMail(a, c, k, th.Link))
		th.EmailSent = true
	}
	s.renderConsultation(w, r, http.StatusOK, a, p, c, newForm(nil), th)
}

// readContribution reads the form into a contribution. A ranking comes as one select per choice giving
// its rank; ranks given twice are refused at the question.
func readContribution(f *form, c consultation.Consultation) consultation.Contribution {
	k := consultation.Contribution{Category: consultation.Category(f.Get("category")), Commune: f.Get("commune"),
		Age: consultation.AgeBracket(f.Get("age")), Pseudonym: f.Get("pseudonym"), Email: f.Get("email"),
		EmailUse: consultation.EmailUse(f.Get("email_use"))}
	if !c.AskCommune {
		k.Commune = ""
	}
	if !c.AskAge {
		k.Age = ""
	}
	for _, q := range c.Questions {
		name := consultation.AnswerField(q.ID)
		a := consultation.Answer{QuestionID: q.ID}
		switch q.Kind {
		case consultation.OpenText:
			a.Text = strings.TrimSpace(f.Raw(name))
		case consultation.Single:
			if v := f.Get(name); v != "" {
				a.Choices = []string{v}
			}
		case consultation.Multiple:
			for _, v := range f.Values[name] {
				if v = strings.TrimSpace(v); v != "" {
					a.Choices = append(a.Choices, v)
				}
			}
		case consultation.Ranking:
			choices, msg := readRanking(f, q)
			if msg != "" {
				f.Fail(name, msg)
			}
			a.Choices = choices
		}
		if a.Text != "" || len(a.Choices) > 0 {
			k.Answers = append(k.Answers, a)
		}
	}
	return k
}

func readRanking(f *form, q consultation.Question) ([]string, string) {
	type ranked struct {
		rank   int
		choice string
	}
	var list []ranked
	seen := map[int]bool{}
	for i, ch := range q.Choices {
		v := f.Get(consultation.AnswerField(q.ID) + "-" + strconv.Itoa(i))
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > len(q.Choices) {
			return nil, "Choisissez un rang dans la liste pour « " + ch + " »."
		}
		if seen[n] {
			return nil, "Le rang " + v + " est donné à deux choix : chaque rang ne peut servir qu'une fois."
		}
		seen[n] = true
		list = append(list, ranked{n, ch})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].rank < list[j].rank })
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.choice
	}
	return out, ""
}

// sortErrors orders the summary as the form is laid out: the questions first, then the profile.
func sortErrors(f *form, c consultation.Consultation) {
	order := map[string]int{}
	for i, q := range c.Questions {
		order[consultation.AnswerField(q.ID)] = i
	}
	for i, n := range []string{consultation.FieldCategory, consultation.FieldCommune, consultation.FieldAge, consultation.FieldPseudonym, consultation.FieldEmail, consultation.FieldEmailUse} {
		order[n] = len(c.Questions) + i
	}
	sort.SliceStable(f.Order, func(i, j int) bool { return order[f.Order[i]] < order[f.Order[j]] })
}

// contributionAddress is the fingerprint of the address a contribution came from, for one consultation:
// enough to recognise a double submission, not the address itself. It is purged with the rest.
func contributionAddress(consultationID int64, addr string) string {
	sum := sha256.Sum256([]byte("contribution|" + strconv.FormatInt(consultationID, 10) + "|" + addr))
	return hex.EncodeToString(sum[:16])
}

func contributionMail(a model.Authority, c consultation.Consultation, k consultation.Contribution, link string) string {
	use := "Vous avez demandé à recevoir une confirmation."
	if k.EmailUse == consultation.EmailResults {
		use = "Vous avez demandé à recevoir aussi les résultats : nous vous écrirons quand ils seront publiés."
	}
	return "Bonjour,\n\n" + a.Name + " a bien reçu votre contribution à la consultation « " + c.Title + " ».\n\n" + use +
		"\n\nEn ouvrant ce lien, vous confirmez votre adresse ; il vous permet aussi de relire, d'exporter ou d'effacer votre contribution :\n" +
		link + "\n\nVotre adresse ne sert à rien d'autre et sera effacée le " + frenchDate(c.PurgeOn()) + ".\n"
}

// questionDescribedBy is the aria-describedby of an open question: its hint and its error, those it has.
func questionDescribedBy(name string, hint, err bool) string {
	var ids []string
	if hint {
		ids = append(ids, "f-"+name+"-hint")
	}
	if err {
		ids = append(ids, "f-"+name+"-error")
	}
	return strings.Join(ids, " ")
}

func choiceInput(k consultation.Kind) string {
	if k == consultation.Single {
		return "radio"
	}
	return "checkbox"
}

// linkShown says where the personal link can be found again: nowhere, or in the mail just sent.
func linkShown(emailSent bool) string {
	if emailSent {
		return "Il n'est montré qu'une fois et vous a aussi été envoyé par courriel."
	}
	return "Il n'est montré qu'une fois."
}
