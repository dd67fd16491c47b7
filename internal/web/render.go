package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"sync"

	"github.com/a-h/templ"

	"boussole/internal/access"
	"boussole/internal/model"
)

// views is what the layout writes on every page and that only changes with the binary.
type views struct {
	chrome chrome
}

func loadViews(a *assets) (*views, error) {
	head, err := headLinks(a)
	if err != nil {
		return nil, fmt.Errorf("web: head links: %w", err)
	}
	return &views{chrome: chrome{Head: head, Logo: a.URL("logo.svg")}}, nil
}

// headLinks renders the layout's stylesheet and icon links once: they change only with the binary.
func headLinks(a *assets) (template.HTML, error) {
	t, err := template.New("head").Parse(`{{range .CSS}}<link rel="stylesheet" href="{{.}}">` + "\n" +
		`{{end}}` + "\n" + `<link rel="icon" href="{{.Icon}}" type="image/svg+xml">`)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	err = t.Execute(&b, struct {
		CSS  []string
		Icon string
	}{a.stylesheets(), a.URL("logo.svg")})
	return template.HTML(b.String()), err //nolint:gosec // escaped by html/template above
}

// workspace is the authority being viewed and the viewer's role in it.
type workspace struct {
	Authority model.Authority
	Role      access.Role
	// The strategy the page shows, the authority's strategies and the page's path, for the header that
	// names the strategy and offers to switch (strategy_choice.go); nil on pages about no strategy.
	Strategy   *model.Strategy
	Strategies []model.Strategy
	Here       string
}

// Prefix returns the URL prefix of the workspace.
func (w *workspace) Prefix() string { return "/ct/" + w.Authority.Slug }

// navItem is one link of the workspace navigation.
type navItem struct {
	Href, Label string
	Current     bool
}

// Nav returns the workspace navigation: home, the method's sections, then what the role may manage.
// It is built in Go rather than in the template because it is on every page.
func (v view) Nav() []navItem {
	p := v.WS.Prefix()
	items := make([]navItem, 0, len(sections)+4)
	items = append(items, navItem{p + "/", "Accueil", v.Section == "accueil"})
	for _, sec := range sections {
		items = append(items, navItem{p + "/" + sec.Slug, sec.Title, v.Section == sec.Slug})
	}
	for _, extra := range []struct {
		slug, label string
		action      access.Action
	}{{"commentaires", "Commentaires", access.ReadComments}, {"bibliotheque", "Bibliothèque", access.ReadPeers}, {"membres", "Membres", access.ViewMemberList}, {"accompagnement", "Accompagnement", access.ManageGrants}, {"journal", "Journal", access.ViewAuditLog}, {"archive", "Archive", access.ExportWorkspace}} {
		if access.Can(v.WS.Role, extra.action) {
			items = append(items, navItem{p + "/" + extra.slug, extra.label, v.Section == extra.slug})
		}
	}
	return items
}

// view is what every page template receives.
type view struct {
	Title   string
	Section string // the navigation entry to mark as current
	User    *model.User
	WS      *workspace
	Demo    bool
	Notice  string // a confirmation shown once, from the ?ok= parameter
	Form    *form
	Data    any
	Unread  int // the viewer's unread notifications in the workspace, for the badge
	// Cache is the Cache-Control of the page; empty is no-store, right for anything a session shapes.
	// Public pages read no session and set their own.
	Cache string
	// Robots, when set, is sent as X-Robots-Tag: a contributor's personal page is kept out of search engines.
	Robots string
}

// renderComponent writes a page: its content, inside the layout.
func (s *Server) renderComponent(w http.ResponseWriter, r *http.Request, status int, v view, content templ.Component) {
	s.prepare(r, &v)
	s.write(w, r, status, v, content)
}

// prepare fills what every page's frame shows of the request: who reads, the demo mode, the unread
// notifications, the notice of the last save.
func (s *Server) prepare(r *http.Request, v *view) {
	v.User = currentUser(r)
	v.Demo = s.demo
	if v.WS != nil && v.User != nil {
		v.Unread, _ = s.store.UnreadNotifications(r.Context(), v.WS.Authority.ID, v.User.ID)
	}
	if v.Notice == "" {
		v.Notice = notices[r.URL.Query().Get("ok")]
	}
}

// write writes a prepared page with a status code. The whole page is built into a buffer first, so that
// a failure becomes a clean 500 page instead of half a page.
func (s *Server) write(w http.ResponseWriter, r *http.Request, status int, v view, content templ.Component) {
	buf := renderBuffers.Get().(*bytes.Buffer)
	defer putRenderBuffer(buf)
	if err := layout(v, s.views.chrome, content).Render(r.Context(), buf); err != nil {
		s.log.Error("page", "titre", v.Title, "err", err)
		if _, failing := v.Data.(errorPageData); !failing {
			s.errorPage(w, r, http.StatusInternalServerError, "")
		}
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	cache := "no-store"
	if v.Cache != "" && status < 400 {
		cache = v.Cache
	}
	w.Header().Set("Cache-Control", cache)
	if v.Robots != "" {
		w.Header().Set("X-Robots-Tag", v.Robots)
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// renderBuffers recycles the buffers pages are executed into: a page is tens of kilobytes, and growing a
// fresh buffer to that size on every request was a good part of what the collector had to sweep.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the largest buffer kept for reuse, so that one huge page does not pin its memory.
const maxPooledBuffer = 1 << 20

func putRenderBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	renderBuffers.Put(b)
}

// errorPage renders the French page for 403, 404 and 500; message adds a sentence of context.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, message string) {
	titles := map[int]string{
		http.StatusForbidden:             "Accès refusé",
		http.StatusNotFound:              "Page introuvable",
		http.StatusInternalServerError:   "Erreur du serveur",
		http.StatusTooManyRequests:       "Trop de tentatives",
		http.StatusBadRequest:            "Demande incorrecte",
		http.StatusRequestEntityTooLarge: "Formulaire trop volumineux",
		http.StatusConflict:              "Modification refusée",
		http.StatusGone:                  "Lien expiré",
		http.StatusUnprocessableEntity:   "Saisie refusée",
	}
	title := titles[status]
	if title == "" {
		title = http.StatusText(status)
	}
	d := errorPageData{Status: status, Message: message}
	v := view{Title: title, Data: d}
	s.renderComponent(w, r, status, v, errorContent(v, d))
}

// renderMessage writes a page of one sentence, under its title.
func (s *Server) renderMessage(w http.ResponseWriter, r *http.Request, status int, title, message string) {
	d := messagePage{Message: message}
	v := view{Title: title, Data: d}
	s.renderComponent(w, r, status, v, messageContent(v, d))
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound, "")
}

// serverError answers an error a handler does not handle itself, through the one mapping of refusalFor:
// a record gone is a 404, an edit conflict a 409… each with its French sentence; anything else is a 500
// whose cause goes to the log, never to the page.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	rf := refusalFor(err)
	if rf.Status == http.StatusInternalServerError {
		s.log.Error("erreur", "chemin", r.URL.Path, "err", err)
		s.errorPage(w, r, http.StatusInternalServerError, "")
		return
	}
	s.log.Info("refus", "chemin", r.URL.Path, "statut", rf.Status, "err", err)
	if rf.Status == http.StatusNotFound {
		rf.Message = "" // the 404 page says it already
	}
	s.errorPage(w, r, rf.Status, rf.Message)
}

// notices are the confirmations a redirect can ask the next page to show.
var notices = map[string]string{
	"enregistre":         "Les modifications ont été enregistrées.",
	"partage":            "Le partage est enregistré : les autres collectivités de la plateforme lisent désormais ce qui est affiché ci-dessous.",
	"partage-retire":     "Le partage est retiré : plus rien de cette stratégie n'apparaît dans la bibliothèque ni dans l'atlas.",
	"consortium":         "Le projet commun est proposé : les collectivités invitées le voient dans leurs « Projets communs » et peuvent y répondre.",
	"consortium-rejoint": "Votre collectivité a rejoint le projet commun. Indiquez sa part du financement et les dates qui la concernent.",
	"consortium-decline": "Votre collectivité a décliné l'invitation : le projet ne lui est plus présenté.",
	"lecon-supprimee":    "La leçon est supprimée.",
	"repris":             "Les éléments choisis ont été repris dans votre stratégie, avec leur provenance. Ils sont désormais les vôtres : adaptez-les.",
	"cree":               "La stratégie a été créée, avec le calendrier que conseille le guide. Ajustez-le à votre contexte.",
	"invitation":         "L'invitation a été créée. Transmettez le lien ci-dessous à la personne invitée.",
	"role":               "Le rôle a été modifié.",
	"retire":             "La personne a été retirée de l'espace.",
	"accompagnant":       "L'accès d'accompagnement a été accordé.",
	"revoque":            "L'accès d'accompagnement a été révoqué.",
	"deconnecte":         "Vous êtes déconnecté·e de tous vos appareils.",
	"motdepasse":         "Votre mot de passe a été changé. Connectez-vous avec le nouveau.",
	"demande":            "La demande a été marquée comme traitée.",
	"bienvenue":          "Bienvenue ! Votre espace est ouvert. Commencez par créer la stratégie de la mandature.",
	"proconnect":         "Bienvenue ! Votre compte est créé avec ProConnect. Demandez ci-dessous l'accès à l'espace de votre collectivité.",
	"pc-relie":           "Votre compte ProConnect est relié : la prochaine fois, ProConnect suffira.",
	"jeton-retire":       "Le jeton a été révoqué : il ne permet plus rien.",
	"acces-envoye":       "Votre demande d'accès a été transmise aux administrateurs de l'espace. Ils vous enverront une invitation.",
}
