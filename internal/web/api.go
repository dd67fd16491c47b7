package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"boussole/internal/access"
	"boussole/internal/apitoken"
	"boussole/internal/store"
)

// The API under /api/v1: JSON, authenticated by personal access tokens (account_tokens.go), each call
// checked against the permission table with the role the token's owner holds today, scoped to the
// token's workspace. apiRoutes is the one table the mux, the OpenAPI description and the tests read.

const apiPrefix = "/api/v1"

// apiRoute is one operation of the API.
type apiRoute struct {
	Method  string
	Path    string // under apiPrefix, with {name} wildcards
	Action  access.Action
	ID      string // operationId
	Summary string // French, one line
	Handler apiHandler
	// Body and Response are zero values of the JSON types read and written, for the description.
	Body     any
	Response any
	// List marks a paginated list (?limit=, ?cursor=); Response is then the item type.
	List bool
	// Versioned marks a record answered with an ETag that writes take back in If-Match.
	Versioned bool
	// Created marks a creation: 201 with the record, its Location and its ETag.
	Created bool
}

// apiCall is a request through a valid token.
type apiCall struct {
	store.APIBearer
}

// actor is who the audit log names for a write: the person, through the named token.
func (c *apiCall) actor() store.Actor {
	return store.Actor{UserID: c.User.ID, Label: c.User.Name + " (jeton « " + c.Token.Name + " »)"}
}

type apiHandler func(w http.ResponseWriter, r *http.Request, c *apiCall) error

// apiRoutes lists every operation of the API.
func (s *Server) apiRoutes() []apiRoute {
	routes := []apiRoute{
		{Method: "GET", Path: "/workspace", Action: access.ViewWorkspace, ID: "getWorkspace", Summary: "L'espace du jeton et le rôle de son titulaire",
			Handler: s.apiWorkspace, Response: apiWorkspace{}},
	}
	routes = append(routes, s.apiStrategyRoutes()...)
	routes = append(routes, s.apiRecordRoutes()...)
	routes = append(routes, s.apiElementRoutes()...)
	routes = append(routes, s.apiCreateRoutes()...)
	routes = append(routes, s.apiMeasurementRoutes()...)
	routes = append(routes, s.apiFundingRoutes()...)
	routes = append(routes, s.apiLibraryRoutes()...)
	routes = append(routes, s.apiPlanningRoutes()...)
	return routes
}

// apiLimit bounds what one token may ask: a script that reads a whole strategy, then each of its
// indicators, stays well within it; a loop gone wrong does not hold the database.
const (
	apiRequestsPerMinute = 600
	apiBurst             = 600
	apiBodyLimit         = 64 << 10
)

// apiHandler serves /api/v1: the description and its page without a token, everything else through one.
func (s *Server) apiHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+apiPrefix+"/openapi.json", s.serveOpenAPI)
	mux.HandleFunc("GET "+apiPrefix+"/documentation", s.showAPIDocumentation)
	authed := http.NewServeMux()
	for _, rt := range s.apiRoutes() {
		authed.HandleFunc(rt.Method+" "+apiPrefix+rt.Path, s.apiOperation(rt))
	}
	authed.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, problem{Status: http.StatusNotFound, Title: "Ressource introuvable",
			Detail: "Cette adresse n'existe pas dans l'API. La liste des opérations est dans " + apiPrefix + "/openapi.json."})
	})
	mux.Handle("/", s.authenticateAPI(problemFor405(authed)))
	h := securityHeaders(withRouteLabel(mux), contentSecurityPolicy)
	return s.observe(s.recoverAPIPanics(h))
}

// apiCallKey carries the call through the mux to its operation.
const apiCallKey ctxKey = 2

// authenticateAPI answers 401 to any request without a valid token, before anything is looked up: what
// exists is not told to whoever has no token.
func (s *Server) authenticateAPI(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		secret = strings.TrimSpace(secret)
		if !ok || !apitoken.LooksLikeSecret(secret) {
			unauthorized(w, "Jeton manquant ou mal formé : envoyez l'en-tête « Authorization: Bearer <jeton> » avec un jeton créé sur la page « Mon compte ».")
			return
		}
		b, err := s.store.APITokenBearer(r.Context(), apitoken.Hash(secret))
		switch {
		case errors.Is(err, store.ErrNotFound):
			unauthorized(w, "Ce jeton n'est pas reconnu, ou son titulaire n'est plus membre de l'espace.")
			return
		case errors.Is(err, store.ErrExpired):
			unauthorized(w, "Ce jeton a expiré ou a été révoqué : créez-en un autre sur la page « Mon compte ».")
			return
		case err != nil:
			s.apiServerError(w, r, err)
			return
		}
		if !s.apiRateAllows(w, b.Token.ID) {
			return
		}
		if err := s.store.TouchAPIToken(r.Context(), b.Token.ID); err != nil {
			s.log.Warn("dernier usage du jeton non noté", "jeton", b.Token.ID, "err", err)
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), apiCallKey, &apiCall{APIBearer: b})))
	})
}

// problemFor405 answers a known path asked with another method by a problem document too, where the
// mux would write plain text.
func problemFor405(next *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := next.Handler(r); pattern == "" {
			probe := &statusProbe{header: http.Header{}}
			next.ServeHTTP(probe, r)
			if probe.status == http.StatusMethodNotAllowed {
				w.Header().Set("Allow", probe.header.Get("Allow"))
				writeProblem(w, problem{Status: http.StatusMethodNotAllowed, Title: "Méthode non permise",
					Detail: "Cette adresse existe, mais pas avec la méthode " + r.Method + " : voyez l'en-tête Allow."})
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// statusProbe records what the mux would answer without writing it.
type statusProbe struct {
	header http.Header
	status int
}

func (p *statusProbe) Header() http.Header         { return p.header }
func (p *statusProbe) Write(b []byte) (int, error) { return len(b), nil }
func (p *statusProbe) WriteHeader(code int)        { p.status = code }

func unauthorized(w http.ResponseWriter, detail string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="boussole"`)
	writeProblem(w, problem{Status: http.StatusUnauthorized, Title: "Authentification requise", Detail: detail})
}

// apiRateAllows takes one request from the token's allowance and says so in RateLimit headers; when
// none is left it answers 429.
func (s *Server) apiRateAllows(w http.ResponseWriter, tokenID int64) bool {
	remaining, wait, ok := s.apiLimit.take("jeton:"+strconv.FormatInt(tokenID, 10), time.Now())
	h := w.Header()
	h.Set("RateLimit-Policy", strconv.Itoa(apiBurst)+";w=60")
	h.Set("RateLimit", "limit="+strconv.Itoa(apiBurst)+", remaining="+strconv.Itoa(remaining)+", reset="+strconv.Itoa(int(wait/time.Second)+1))
	if ok {
		return true
	}
	h.Set("Retry-After", strconv.Itoa(int(wait/time.Second)+1))
	writeProblem(w, problem{Status: http.StatusTooManyRequests, Title: "Trop de demandes",
		Detail: "Ce jeton a dépassé " + strconv.Itoa(apiRequestsPerMinute) + " demandes par minute. Réessayez dans quelques secondes."})
	return false
}

// apiOperation checks the route's action against the token and its owner's role, then runs it.
func (s *Server) apiOperation(rt apiRoute) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := r.Context().Value(apiCallKey).(*apiCall)
		if !access.Can(c.Role, rt.Action) {
			writeProblem(w, problem{Status: http.StatusForbidden, Title: "Action non permise",
				Detail: "Le rôle du titulaire du jeton dans cet espace (" + c.Role.Label() + ") ne permet pas cette opération."})
			return
		}
		if !c.Token.Allows(c.Role, rt.Action) {
			writeProblem(w, problem{Status: http.StatusForbidden, Title: "Jeton en lecture seule",
				Detail: "Ce jeton ne permet que de lire. Créez un jeton « lecture et écriture » pour modifier."})
			return
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, apiBodyLimit)
		}
		if err := rt.Handler(w, r, c); err != nil {
			s.apiFailed(w, r, err)
		}
	}
}

func (s *Server) recoverAPIPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panique dans l'API", "valeur", v)
				writeProblem(w, problem{Status: http.StatusInternalServerError, Title: "Erreur du serveur", Detail: genericProblem})
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// apiWorkspace is the token's workspace and what its owner may do there.
type apiWorkspace struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Slug     string   `json:"slug"`
	Role     string   `json:"role"`
	Writable bool     `json:"writable" doc:"vrai pour un jeton « lecture et écriture »"`
	Actions  []string `json:"actions" doc:"ce que le jeton permet, d'après le rôle et les droits du jeton"`
}

func (s *Server) apiWorkspace(w http.ResponseWriter, r *http.Request, c *apiCall) error {
	out := apiWorkspace{ID: c.Authority.ID, Name: c.Authority.Name, Slug: c.Authority.Slug, Role: string(c.Role), Writable: c.Token.Writable, Actions: []string{}}
	for _, a := range access.Actions {
		if c.Token.Allows(c.Role, a) {
			out.Actions = append(out.Actions, string(a))
		}
	}
	return writeJSON(w, r, http.StatusOK, out)
}
