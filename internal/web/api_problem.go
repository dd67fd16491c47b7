package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"boussole/internal/store"
)

// problem is the API's one error document (RFC 9457, application/problem+json), in French; Errors names
// each field refused, by its JSON path, with the same sentence the page's form shows.
type problem struct {
	Type   string         `json:"type"`
	Title  string         `json:"title"`
	Status int            `json:"status"`
	Detail string         `json:"detail,omitempty"`
	Errors []problemField `json:"errors,omitempty"`
}

// problemField is one refused field.
type problemField struct {
	Field  string `json:"field" doc:"chemin JSON du champ, par exemple « title » ou « targets.0.date »"`
	Detail string `json:"detail"`
}

func writeProblem(w http.ResponseWriter, p problem) {
	if p.Type == "" {
		p.Type = "about:blank"
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// errInvalid carries field refusals out of a handler; malformed marks a body that is not JSON at all
// (400 rather than 422).
type errInvalid struct {
	fields    []problemField
	malformed bool
}

func (e *errInvalid) Error() string { return "api: invalid input" }

// apiFailed answers an error of a handler with the same mapping the pages use (refusalFor), as a
// problem document; the cause of a 500 goes to the log only.
func (s *Server) apiFailed(w http.ResponseWriter, r *http.Request, err error) {
	var inv *errInvalid
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &inv) && inv.malformed:
		writeProblem(w, problem{Status: http.StatusBadRequest, Title: "Corps illisible", Detail: "Rien n'a été enregistré.", Errors: inv.fields})
		return
	case errors.As(err, &inv):
		writeProblem(w, problem{Status: http.StatusUnprocessableEntity, Title: "Saisie refusée",
			Detail: "Rien n'a été enregistré : corrigez les champs indiqués.", Errors: inv.fields})
		return
	case errors.As(err, &tooLarge):
		writeProblem(w, problem{Status: http.StatusRequestEntityTooLarge, Title: "Corps trop volumineux",
			Detail: "Le corps de la demande dépasse 64 Kio : rien n'a été enregistré."})
		return
	case errors.Is(err, errPreconditionRequired):
		writeProblem(w, problem{Status: http.StatusPreconditionRequired, Title: "If-Match manquant",
			Detail: "Une modification doit dire sur quelle version elle porte : renvoyez-la avec l'en-tête If-Match et l'ETag de votre dernière lecture."})
		return
	case errors.Is(err, store.ErrConflict):
		writeProblem(w, problem{Status: http.StatusPreconditionFailed, Title: "Version dépassée",
			Detail: "L'élément a été modifié depuis la version indiquée dans If-Match : relisez-le, puis renvoyez la modification avec son ETag."})
		return
	}
	rf := refusalFor(err)
	if rf.Status == http.StatusInternalServerError {
		s.apiServerError(w, r, err)
		return
	}
	title := map[int]string{http.StatusNotFound: "Ressource introuvable", http.StatusForbidden: "Action non permise",
		http.StatusConflict: "Modification refusée", http.StatusUnprocessableEntity: "Saisie refusée", http.StatusGone: "Ressource expirée"}[rf.Status]
	if title == "" {
		title = http.StatusText(rf.Status)
	}
	if rf.Status == http.StatusNotFound {
		rf.Message = "Cette ressource n'existe pas dans l'espace du jeton."
	}
	writeProblem(w, problem{Status: rf.Status, Title: title, Detail: rf.Message})
}

func (s *Server) apiServerError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("erreur de l'API", "chemin", r.URL.Path, "err", err)
	writeProblem(w, problem{Status: http.StatusInternalServerError, Title: "Erreur du serveur", Detail: genericProblem})
}

// writeJSON answers v with a strong ETag computed from the bytes, and 304 when the client already holds
// them (If-None-Match).
func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	h := w.Header()
	if h.Get("ETag") == "" {
		sum := sha256.Sum256(buf.Bytes())
		h.Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	}
	h.Set("Cache-Control", "private, no-cache")
	if status == http.StatusOK && etagMatches(r.Header.Get("If-None-Match"), h.Get("ETag")) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// decodeBody reads a JSON object strictly: an unknown field, a wrong type or trailing data is refused
// with the field named, before anything is written.
func decodeBody(r *http.Request, v any) error {
	if mt := r.Header.Get("Content-Type"); !strings.HasPrefix(mt, "application/json") && !strings.HasPrefix(mt, "application/merge-patch+json") {
		return &errInvalid{fields: []problemField{{Detail: "Envoyez le corps en JSON, avec l'en-tête « Content-Type: application/json »."}}, malformed: true}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	var (
		syntax    *json.SyntaxError
		typeErr   *json.UnmarshalTypeError
		tooLarge  *http.MaxBytesError
		unknownFx = "json: unknown field "
	)
	switch {
	case err == nil:
		if _, extra := dec.Token(); extra != io.EOF {
			return &errInvalid{fields: []problemField{{Detail: "Le corps contient autre chose après l'objet JSON."}}, malformed: true}
		}
		return nil
	case errors.As(err, &tooLarge):
		return err
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &errInvalid{fields: []problemField{{Detail: "Le corps n'est pas un JSON valide : vérifiez les guillemets, virgules et accolades."}}, malformed: true}
	case errors.As(err, &typeErr):
		return &errInvalid{fields: []problemField{{Field: typeErr.Field, Detail: "Type inattendu : ce champ attend " + jsonKind(typeErr.Type.Kind().String()) + "."}}}
	case errors.Is(err, errWrongOptional):
		return &errInvalid{fields: []problemField{{Detail: "Un champ attend un texte, un nombre ou null."}}}
	case strings.HasPrefix(err.Error(), unknownFx):
		field := strings.Trim(strings.TrimPrefix(err.Error(), unknownFx), `"`)
		return &errInvalid{fields: []problemField{{Field: field, Detail: "Champ inconnu : il ne fait pas partie de cette ressource, ou ne se modifie pas par l'API."}}}
	}
	return &errInvalid{fields: []problemField{{Detail: "Le corps JSON est illisible."}}}
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "une chaîne de caractères"
	case "bool":
		return "vrai ou faux (true, false)"
	case "slice":
		return "une liste"
	case "int", "int64", "float64":
		return "un nombre"
	case "ptr":
		return "une valeur ou null"
	}
	return "une autre forme de valeur"
}
