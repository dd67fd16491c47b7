package web

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"boussole/internal/auth"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/territory"
	"boussole/internal/textkey"
)

// showSignUp is a two-step page that works without JavaScript: first find the authority in the official
// list (?q=), then, once one is chosen (?collectivite=), create the account that opens its workspace.
func (s *Server) showSignUp(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := newForm(nil)
	f.Values.Set("collectivite", q.Get("collectivite"))
	f.Values.Set("q", q.Get("q"))
	if q.Get("autre") == "1" {
		f.Values.Set("collectivite", "autre")
	}
	s.renderSignUp(w, r, http.StatusOK, f)
}

func (s *Server) renderSignUp(w http.ResponseWriter, r *http.Request, status int, f *form) {
	var data signupPage
	query := f.Get("q")
	if query != "" && f.Get("collectivite") == "" {
		data.Results = territory.Search(query, 20)
		data.Searched = true
	}
	if id := f.Get("collectivite"); id != "" && id != "autre" {
		if a, ok := territory.ByID(id); ok {
			data.Chosen = &a
			if existing, err := s.store.AuthorityByOfficialID(r.Context(), a.ID); err == nil {
				data.Existing = &existing
			}
		} else {
			f.Fail("q", "Cette collectivité n'est pas dans la liste officielle. Cherchez-la par son nom, son code postal ou son code INSEE/SIREN.")
			f.Values.Set("collectivite", "")
		}
	}
	data.Other = f.Get("collectivite") == "autre"
	v := view{Title: "Ouvrir l'espace de votre collectivité", Form: f}
	s.renderComponent(w, r, status, v, accountSignupContent(v, data))
}

func (s *Server) signUp(w http.ResponseWriter, r *http.Request) {
	f := parseForm(w, r)
	a, ok := s.chosenAuthority(f)
	validateAccount(f)
	if !ok || !f.OK() {
		f.Values.Del("password")
		s.renderSignUp(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	hash, err := auth.HashPassword(f.Raw("password"))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	u := model.User{Email: f.Get("email"), Name: f.Get("name"), PasswordHash: hash}
	err = s.store.SignUp(r.Context(), &a, &u)
	switch {
	case errors.Is(err, store.ErrDuplicate):
		if _, e := s.store.UserByEmail(r.Context(), u.Email); e == nil {
			f.Fail("email", "Un compte existe déjà avec cette adresse. Connectez-vous, puis demandez l'accès à l'espace de votre collectivité.")
		} else {
			f.Top = "Cette collectivité a déjà un espace. Demandez l'accès à son administrateur ci-dessous."
		}
		f.Values.Del("password")
		s.renderSignUp(w, r, http.StatusConflict, f)
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	if err := s.startSession(w, r, u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/ct/"+a.Slug+"/?ok=bienvenue")
}

// chosenAuthority turns the chosen entry of the official list, or the name of another organisation,
// into a new workspace; it records field errors when the choice is missing or unknown.
func (s *Server) chosenAuthority(f *form) (model.Authority, bool) {
	id := f.Get("collectivite")
	if id == "autre" {
		name := f.Get("organisation")
		switch {
		case name == "":
			f.Fail("organisation", "Indiquez le nom de votre organisation.")
		case utf8.RuneCountInString(name) > 150:
			f.Fail("organisation", "Ce nom est trop long : 150 caractères au plus.")
		}
		return model.Authority{Kind: string(territory.KindOther), Name: name, Slug: slugify(name)}, f.OK()
	}
	t, ok := territory.ByID(id)
	if !ok {
		f.Fail("q", "Choisissez d'abord votre collectivité dans la liste officielle.")
		return model.Authority{}, false
	}
	return model.Authority{Kind: string(t.Kind), OfficialID: t.ID, Name: t.Name, Slug: slugify(t.Name), Population: int64(t.Population)}, true
}

// validateAccount checks the name, email and password of a new account.
func validateAccount(f *form) {
	f.Required("name", "email")
	f.MaxLength("name", 120)
	f.MaxLength("email", 254)
	f.Email("email")
	switch p := f.Raw("password"); {
	case p == "":
		f.Fail("password", "Ce champ est obligatoire.")
	case utf8.RuneCountInString(p) < auth.MinPasswordLength:
		f.Fail("password", "Le mot de passe doit compter au moins 10 caractères ; une phrase de quelques mots convient bien.")
	case len(p) > 256:
		f.Fail("password", "Le mot de passe est trop long : 256 caractères au plus.")
	}
}

// requestAccess records a request to join a workspace that already exists.
func (s *Server) requestAccess(w http.ResponseWriter, r *http.Request) {
	f := parseForm(w, r)
	t, ok := territory.ByID(f.Get("collectivite"))
	var existing model.Authority
	var err error
	if ok {
		existing, err = s.store.AuthorityByOfficialID(r.Context(), t.ID)
	}
	if !ok || err != nil {
		s.notFound(w, r)
		return
	}
	f.Required("name", "email")
	f.Email("email")
	f.MaxLength("name", 120)
	f.MaxLength("message", 1000)
	if !f.OK() {
		s.renderSignUp(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	req := model.AccessRequest{AuthorityID: existing.ID, Email: f.Get("email"), Name: f.Get("name"), Message: f.Get("message")}
	if err := s.store.CreateAccessRequest(r.Context(), req); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderMessage(w, r, http.StatusOK, "Demande envoyée",
		"Votre demande d'accès à l'espace « "+existing.Name+" » a été transmise à ses administrateurs. Ils vous enverront une invitation.")
}

// slugify makes a URL prefix from a name: « Saint-Étienne Métropole » → "saint-etienne-metropole".
func slugify(name string) string {
	folded := textkey.Fold(name)
	var b strings.Builder
	dash := false
	for _, r := range folded {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if len(s) > 60 {
		s = strings.TrimSuffix(s[:60], "-")
	}
	if s == "" {
		s = "espace"
	}
	return s
}
