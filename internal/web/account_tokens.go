package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"boussole/internal/apitoken"
	"boussole/internal/store"
)

type createdToken struct {
	secret string
	token  apitoken.Token
}

// createAPIToken makes a token for one of the person's workspaces and shows its secret once, on the page
// itself rather than after a redirect, so that it is in no URL and no history.
func (s *Server) createAPIToken(w http.ResponseWriter, r *http.Request) {
	f := parseForm(w, r)
	u := currentUser(r)
	t := apitoken.Token{UserID: u.ID, Name: cleanLine(f, "nom")}
	if msg := apitoken.ValidateName(t.Name); msg != "" {
		f.Fail("nom", msg)
	}
	t.AuthorityID, _ = strconv.ParseInt(f.Get("espace"), 10, 64)
	if t.AuthorityID == 0 {
		f.Fail("espace", "Choisissez l'espace que le jeton pourra lire.")
	}
	if f.OneOf("droits", "Choisissez ce que le jeton permet : lire seulement, ou lire et modifier.", "lecture", "ecriture") {
		t.Writable = f.Get("droits") == "ecriture"
	}
	days, _ := strconv.Atoi(f.Get("duree"))
	valid := false
	for _, d := range apitoken.Lifetimes {
		valid = valid || d == days
	}
	if !valid {
		f.Fail("duree", "Choisissez la durée de validité dans la liste.")
	}
	if !f.OK() {
		s.renderAccount(w, r, http.StatusUnprocessableEntity, f, nil)
		return
	}
	t.ExpiresAt = time.Now().Add(time.Duration(days) * 24 * time.Hour)
	secret, hash, prefix := apitoken.NewSecret()
	t.Prefix = prefix
	err := s.store.CreateAPIToken(r.Context(), store.Actor{UserID: u.ID, Label: u.Name}, &t, hash)
	if errors.Is(err, store.ErrNotFound) {
		f.Fail("espace", "Vous n'êtes pas membre de cet espace : choisissez l'un des vôtres.")
		s.renderAccount(w, r, http.StatusUnprocessableEntity, f, nil)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderAccount(w, r, http.StatusCreated, newForm(nil), &createdToken{secret: secret, token: t})
}

// tokenRevocationPage asks before a token stops working.
type tokenRevocationPage struct {
	Token apitoken.Token
}

func (s *Server) tokenFromPath(w http.ResponseWriter, r *http.Request) (apitoken.Token, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return apitoken.Token{}, false
	}
	t, err := s.store.APIToken(r.Context(), currentUser(r).ID, id)
	if err != nil {
		s.serverError(w, r, err)
		return t, false
	}
	return t, true
}

func (s *Server) confirmRevokeAPIToken(w http.ResponseWriter, r *http.Request) {
	t, ok := s.tokenFromPath(w, r)
	if !ok {
		return
	}
	v := view{Title: "Révoquer le jeton « " + t.Name + " »"}
	s.renderComponent(w, r, http.StatusOK, v, accountTokenRevokeContent(v, tokenRevocationPage{Token: t}))
}

func (s *Server) revokeAPIToken(w http.ResponseWriter, r *http.Request) {
	t, ok := s.tokenFromPath(w, r)
	if !ok {
		return
	}
	u := currentUser(r)
	if err := s.store.RevokeAPIToken(r.Context(), store.Actor{UserID: u.ID, Label: u.Name}, u.ID, t.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/compte?ok=jeton-retire#jetons")
}
