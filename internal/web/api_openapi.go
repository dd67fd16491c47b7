package web

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
)

// The OpenAPI 3.1 description is generated from apiRoutes, the table the mux serves, and from the JSON
// types themselves: it cannot describe a route that is not served, nor miss one that is.

// openAPIDoc builds the description once per server.
func (s *Server) openAPIDoc() []byte {
	s.openAPIOnce.Do(func() {
		b, err := json.MarshalIndent(buildOpenAPI(s.apiRoutes(), s.cfg.BaseURL), "", "  ")
		if err != nil {
			panic("web: OpenAPI description: " + err.Error())
		}
		s.openAPI = b
	})
	return s.openAPI
}

// openAPICache is embedded in Server.
type openAPICache struct {
	openAPIOnce sync.Once
	openAPI     []byte
}

func (s *Server) serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(s.openAPIDoc())
}

// apiActionKey is the extension naming the permission each operation needs.
const apiActionKey = "x-boussole-action"

var pathParam = regexp.MustCompile(`\{([a-z]+)\}`)

func buildOpenAPI(routes []apiRoute, baseURL string) map[string]any {
	g := &schemaGen{defs: map[string]any{}}
	paths := map[string]any{}
	for _, rt := range routes {
		item, _ := paths[rt.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Path] = item
		}
		item[strings.ToLower(rt.Method)] = g.operation(rt)
	}
	g.defs["Probleme"] = g.schemaOf(reflect.TypeOf(problem{}))
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "API de Boussole",
			"version": "1",
			"description": "Lire et mettre à jour la stratégie d'action internationale d'une collectivité. Chaque appel porte un jeton " +
				"créé sur la page « Mon compte » (en-tête Authorization: Bearer), valable pour un espace, en lecture seule ou en " +
				"lecture et écriture, jamais au-delà du rôle de son titulaire. Les erreurs sont des documents application/problem+json en français.",
		},
		"servers":  []any{map[string]any{"url": baseURL + apiPrefix}},
		"security": []any{map[string]any{"jeton": []any{}}},
		"paths":    paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{"jeton": map[string]any{"type": "http", "scheme": "bearer",
				"description": "Jeton personnel d'accès, « bsl_… », créé sur la page « Mon compte »."}},
			"schemas": g.defs,
		},
	}
}

func (g *schemaGen) operation(rt apiRoute) map[string]any {
	var params []any
	for _, m := range pathParam.FindAllStringSubmatch(rt.Path, -1) {
		params = append(params, map[string]any{"name": m[1], "in": "path", "required": true,
			"description": "identifiant dans l'espace du jeton", "schema": map[string]any{"type": "integer", "minimum": 1}})
	}
	if rt.List {
		params = append(params,
			map[string]any{"name": "limit", "in": "query", "description": "éléments par page (50 par défaut)", "schema": map[string]any{"type": "integer", "minimum": 1, "maximum": apiMaxLimit}},
			map[string]any{"name": "cursor", "in": "query", "description": "la valeur « next » de la page précédente", "schema": map[string]any{"type": "string"}})
	}
	if rt.ID == "listIndicators" {
		params = append(params, map[string]any{"name": "public", "in": "query", "description": "true : seulement les indicateurs de la page publique",
			"schema": map[string]any{"type": "string", "enum": []string{"true"}}})
	}
	if rt.Versioned && rt.Method != "GET" {
		params = append(params, map[string]any{"name": "If-Match", "in": "header", "required": true,
			"description": "l'ETag de la dernière lecture de l'élément", "schema": map[string]any{"type": "string"}})
	}
	var body map[string]any
	if rt.Response != nil {
		body = g.ref(reflect.TypeOf(rt.Response))
	}
	if rt.List {
		body = map[string]any{"type": "object", "required": []string{"items", "next"}, "properties": map[string]any{
			"items": map[string]any{"type": "array", "items": body},
			"next":  map[string]any{"type": []string{"string", "null"}, "description": "curseur de la page suivante ; null sur la dernière"},
		}}
	}
	ok := map[string]any{"description": "réussite", "content": map[string]any{"application/json": map[string]any{"schema": body}}}
	if rt.Versioned {
		ok["headers"] = map[string]any{"ETag": map[string]any{"description": "la version de l'élément, à renvoyer dans If-Match", "schema": map[string]any{"type": "string"}}}
	}
	success := "200"
	switch {
	case rt.Method == "DELETE":
		success, ok = "204", map[string]any{"description": "supprimé"}
	case rt.Method == "POST":
		success = "201"
	}
	if rt.Created {
		ok["headers"] = map[string]any{
			"ETag":     map[string]any{"description": "la version de l'élément créé, à renvoyer dans If-Match", "schema": map[string]any{"type": "string"}},
			"Location": map[string]any{"description": "l'adresse de l'élément créé", "schema": map[string]any{"type": "string"}},
		}
	}
	responses := map[string]any{success: ok}
	for code, text := range map[string]string{"401": "jeton manquant, inconnu, expiré ou révoqué", "403": "le rôle ou le jeton ne permet pas l'opération",
		"404": "rien de ce nom dans l'espace du jeton", "429": "trop de demandes pour ce jeton"} {
		responses[code] = problemResponse(text)
	}
	if rt.Method != "GET" && !rt.Created {
		responses["412"] = problemResponse("If-Match ne correspond plus à la version enregistrée")
		responses["428"] = problemResponse("If-Match manquant")
	}
	if rt.Body != nil {
		responses["413"] = problemResponse("corps de plus de 64 Kio")
		responses["422"] = problemResponse("champs refusés, chacun nommé dans errors")
	}
	op := map[string]any{"operationId": rt.ID, "summary": rt.Summary, apiActionKey: string(rt.Action), "responses": responses}
	if params != nil {
		op["parameters"] = params
	}
	if rt.Body != nil {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": g.ref(reflect.TypeOf(rt.Body))}}}
	}
	return op
}

func problemResponse(text string) map[string]any {
	return map[string]any{"description": text, "content": map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Probleme"}}}}
}

// schemaGen turns Go types into JSON Schemas (draft 2020-12, as OpenAPI 3.1 has them), each named struct
// once under components/schemas.
type schemaGen struct {
	defs map[string]any
}

// schemaer is a type that describes itself.
type schemaer interface{ jsonSchema() map[string]any }

var (
	timeType     = reflect.TypeOf(time.Time{})
	schemaerType = reflect.TypeOf((*schemaer)(nil)).Elem()
)

// ref returns a reference to a named struct's schema, or the schema of any other type.
func (g *schemaGen) ref(t reflect.Type) map[string]any {
	if t.Kind() == reflect.Struct && t != timeType && !t.Implements(schemaerType) {
		name := schemaName(t)
		if _, done := g.defs[name]; !done {
			g.defs[name] = nil // placeholder against recursion
			g.defs[name] = g.schemaOf(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return g.schemaOf(t)
}

// schemaName is the type's name without the api prefix: apiIndicator is « Indicator ».
func schemaName(t reflect.Type) string {
	n := strings.TrimPrefix(t.Name(), "api")
	if n == "" {
		return t.Name()
	}
	r := []rune(n)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func (g *schemaGen) schemaOf(t reflect.Type) map[string]any {
	if t.Implements(schemaerType) {
		return reflect.Zero(t).Interface().(schemaer).jsonSchema()
	}
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t.Kind() == reflect.Pointer:
		inner := g.ref(t.Elem())
		if typ, ok := inner["type"].(string); ok {
			out := map[string]any{}
			for k, v := range inner {
				out[k] = v
			}
			out["type"] = []string{typ, "null"}
			return out
		}
		return map[string]any{"anyOf": []any{inner, map[string]any{"type": "null"}}}
	case t.Kind() == reflect.Slice:
		return map[string]any{"type": "array", "items": g.ref(t.Elem())}
	case t.Kind() == reflect.String:
		return map[string]any{"type": "string"}
	case t.Kind() == reflect.Bool:
		return map[string]any{"type": "boolean"}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return map[string]any{"type": "integer"}
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		return map[string]any{"type": "number"}
	case t.Kind() == reflect.Struct:
		return g.object(t)
	}
	return map[string]any{}
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	required := []string{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		s := g.ref(f.Type)
		if doc := f.Tag.Get("doc"); doc != "" {
			if _, isRef := s["$ref"]; isRef {
				s = map[string]any{"allOf": []any{s}, "description": doc}
			} else {
				s["description"] = doc
			}
		}
		props[name] = s
		// A patch's fields are all optional; a representation's are all present, null when unknown.
		if !strings.Contains(opts, "omitempty") && !strings.HasSuffix(t.Name(), "Patch") {
			required = append(required, name)
		}
	}
	out := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}
