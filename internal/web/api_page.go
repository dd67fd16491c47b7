package web

import (
	"cmp"
	"encoding/base64"
	"net/http"
	"slices"
	"strconv"
)

// apiPage is one page of a list: the items, and the cursor of the next page (null on the last).
type apiPage[T any] struct {
	Items []T     `json:"items"`
	Next  *string `json:"next" doc:"à passer en ?cursor= pour la page suivante ; null sur la dernière"`
}

// Limits of a page.
const (
	apiDefaultLimit = 50
	apiMaxLimit     = 200
)

// pageQuery reads ?limit= and ?cursor=, the number the cursor holds: the last ID given for the lists
// ordered by ID, a rank for the others.
func pageQuery(r *http.Request) (limit int, cursor int64, err error) {
	q := r.URL.Query()
	limit = apiDefaultLimit
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > apiMaxLimit {
			return 0, 0, &errInvalid{fields: []problemField{{Field: "limit", Detail: "Indiquez un nombre d'éléments par page entre 1 et 200."}}}
		}
		limit = n
	}
	if v := q.Get("cursor"); v != "" {
		b, err := base64.RawURLEncoding.DecodeString(v)
		n, perr := strconv.ParseInt(string(b), 10, 64)
		if err != nil || perr != nil || n < 0 {
			return 0, 0, &errInvalid{fields: []problemField{{Field: "cursor", Detail: "Ce curseur n'a pas été donné par l'API : reprenez la valeur « next » de la page précédente."}}}
		}
		cursor = n
	}
	return limit, cursor, nil
}

// paginate returns the page of items that ?cursor= and ?limit= ask for. Items are ordered by their ID
// and the cursor is the last ID given, so a page stays right when records are added or removed between
// two calls.
func paginate[T any](r *http.Request, items []T, id func(T) int64) (apiPage[T], error) {
	limit, after, err := pageQuery(r)
	if err != nil {
		return apiPage[T]{}, err
	}
	sorted := slices.Clone(items)
	slices.SortFunc(sorted, func(a, b T) int { return cmp.Compare(id(a), id(b)) })
	start, _ := slices.BinarySearchFunc(sorted, after+1, func(e T, t int64) int { return cmp.Compare(id(e), t) })
	end := min(start+limit, len(sorted))
	p := apiPage[T]{Items: sorted[start:end]}
	if p.Items == nil {
		p.Items = []T{}
	}
	if end < len(sorted) {
		c := base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(id(sorted[end-1]), 10)))
		p.Next = &c
	}
	return p, nil
}
