package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"boussole/internal/access"
	"boussole/internal/consultation"
	"boussole/internal/store"
)

// moderationPageSize is how many contributions the moderation queue shows at once.
const moderationPageSize = 50

// moderationPage is the moderation queue of one consultation.
type moderationPage struct {
	C        consultation.Consultation
	URL      string
	State    consultation.Moderation
	Theme    string // the theme the list is narrowed to, if any
	States   []moderationTab
	Items    []moderationItem
	Total    int
	Page     int
	Prev     string
	Next     string
	Personal bool // the viewer may see pseudonyms and emails
	Manage   bool
}

// moderationTab is one state of the queue, with its count.
type moderationTab struct {
	State   consultation.Moderation
	Label   string
	Current bool
	URL     string
}

// moderationItem is a contribution as the queue shows it, its answers with their questions.
type moderationItem struct {
	K       consultation.Contribution
	Answers []personalAnswer
}

func contributionAnswers(c consultation.Consultation, k consultation.Contribution) []personalAnswer {
	var out []personalAnswer
	for _, q := range c.Questions {
		if a, ok := k.Answer(q.ID); ok {
			text := a.Text
			if text == "" {
				text = joinChoices(q.Kind, a.Choices)
			}
			out = append(out, personalAnswer{Prompt: q.Prompt, Answer: text})
		}
	}
	return out
}

// showModeration lists a consultation's contributions in one moderation state, a page at a time.
func (s *Server) showModeration(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	state := consultation.Moderation(r.URL.Query().Get("etat"))
	if state != consultation.Published && state != consultation.Hidden {
		state = consultation.Pending
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	theme := strings.TrimSpace(r.URL.Query().Get("theme"))
	list, total, err := s.store.Contributions(r.Context(), ws.Authority.ID, c.ID, store.ContributionFilter{State: state, Theme: theme,
		Offset: (page - 1) * moderationPageSize, Limit: moderationPageSize})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	base := s.consultationURL(ws, c.ID) + "/moderation"
	d := moderationPage{C: c, URL: s.consultationURL(ws, c.ID), State: state, Theme: theme, Total: total, Page: page,
		Personal: access.Can(ws.Role, access.ViewContributors), Manage: access.Can(ws.Role, access.ManageParticipation)}
	for _, st := range []consultation.Moderation{consultation.Pending, consultation.Published, consultation.Hidden} {
		tab := base + "?etat=" + url.QueryEscape(string(st))
		if theme != "" {
			tab += "&theme=" + url.QueryEscape(theme)
		}
		d.States = append(d.States, moderationTab{State: st, Label: st.Label(), Current: st == state, URL: tab})
	}
	for _, k := range list {
		d.Items = append(d.Items, moderationItem{K: k, Answers: contributionAnswers(c, k)})
	}
	filter := base + "?etat=" + url.QueryEscape(string(state))
	if theme != "" {
		filter += "&theme=" + url.QueryEscape(theme)
	}
	if page > 1 {
		d.Prev = filter + "&page=" + strconv.Itoa(page-1)
	}
	if page*moderationPageSize < total {
		d.Next = filter + "&page=" + strconv.Itoa(page+1)
	}
	v := view{Title: "Modération : " + c.Title, Section: "participation", WS: ws,
		Notice: participationNotices[r.URL.Query().Get("ok")]}
	s.renderComponent(w, r, http.StatusOK, v, participationModerationContent(v, d))
}

// contributionPage is one contribution with its moderation form, shown when a moderation is refused.
type contributionPage struct {
	C        consultation.Consultation
	Item     moderationItem
	URL      string
	Personal bool
}

// renderContribution shows one contribution with its moderation and themes forms, refused: f holds what
// was typed and why it was refused.
func (s *Server) renderContribution(w http.ResponseWriter, r *http.Request, ws *workspace, c consultation.Consultation, k consultation.Contribution, f *form) {
	d := contributionPage{C: c, Item: moderationItem{K: k, Answers: contributionAnswers(c, k)}, URL: s.consultationURL(ws, c.ID),
		Personal: access.Can(ws.Role, access.ViewContributors)}
	v := view{Title: "Modérer une contribution", Section: "participation", WS: ws, Form: f}
	s.renderComponent(w, r, http.StatusUnprocessableEntity, v, participationContributionContent(v, d))
}

// moderateContribution publishes or hides a contribution; the author is told when they left an email
// for that (and a mail server is configured).
func (s *Server) moderateContribution(w http.ResponseWriter, r *http.Request, ws *workspace) {
	c, ok := s.consultationFromPath(w, r, ws)
	if !ok {
		return
	}
	id, ok := pathID(r, "contribution")
	if !ok {
		s.notFound(w, r)
		return
	}
	f := parseForm(w, r)
	state := consultation.Moderation(f.Get("state"))
	reason := f.Get("reason")
	switch {
	case state != consultation.Published && state != consultation.Hidden:
		f.Fail("state", "Choisissez de publier ou de masquer la contribution.")
	case state == consultation.Hidden && reason == "":
		f.Fail("reason", "Dites pourquoi la contribution est masquée : son auteur le lira s'il a laissé son adresse.")
	}
	if utf8.RuneCountInString(reason) > consultation.MaxReason {
		f.Fail("reason", "Ce texte est trop long : "+strconv.Itoa(consultation.MaxReason)+" caractères au plus.")
	}
	if !f.OK() {
		k, err := s.store.Contribution(r.Context(), ws.Authority.ID, id)
		if err != nil || k.ConsultationID != c.ID {
			s.notFound(w, r)
			return
		}
		s.renderContribution(w, r, ws, c, k, f)
		return
	}
	if k, err := s.store.Contribution(r.Context(), ws.Authority.ID, id); err != nil || k.ConsultationID != c.ID {
		s.notFound(w, r)
		return
	}
	k, err := s.store.ModerateContribution(r.Context(), actor(r), ws.Authority.ID, id, state, reason)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if k.Email != "" && k.EmailUse != consultation.EmailNone && s.mail.Configured() {
		s.sendInBackground(k.Email, "Votre contribution à « "+c.Title+" »", moderationMail(ws, c, k))
	}
	back := f.Get("retour")
	if back == "" || back[0] != '?' {
		back = "?etat=" + string(consultation.Pending)
	}
	redirect(w, r, s.consultationURL(ws, c.ID)+"/moderation"+back+"&ok=moderee")
}

func moderationMail(ws *workspace, c consultation.Consultation, k consultation.Contribution) string {
	what := "a été publiée : vos réponses libres peuvent paraître parmi les résultats, sans votre pseudonyme ni votre adresse."
	if k.State == consultation.Hidden {
		what = "a été masquée par l'équipe de modération, pour la raison suivante : « " + k.HiddenReason + " ». Elle ne compte pas dans les résultats."
	}
	return "Bonjour,\n\nVotre contribution à la consultation « " + c.Title + " » de " + ws.Authority.Name + " " + what +
		"\n\nVous recevez ce courriel parce que vous avez donné votre adresse en contribuant ; elle sera effacée le " + frenchDate(c.PurgeOn()) + ".\n"
}
