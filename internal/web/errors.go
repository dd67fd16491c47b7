package web

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"boussole/internal/diagnostic"
	"boussole/internal/fielderr"
	"boussole/internal/refdata/country"
	"boussole/internal/refdata/sdg"
	"boussole/internal/schedule"
	"boussole/internal/store"
	"boussole/internal/tabular"
)

// This file is the one mapping from the errors of the store and of the domain packages to what a person
// reads: a French sentence and an HTTP status. Handlers that meet an error they do not handle themselves
// pass it to serverError, which answers with this mapping; a Go error text never reaches a page.

// refusal is what a person is told about an error.
type refusal struct {
	Status  int
	Message string // French; "" for the error page's own sentence (404, 500)
}

// Error lets a handler refuse with a status and its sentence, through the same mapping.
func (r refusal) Error() string { return r.Message }

// genericProblem is said when an error has no sentence of its own; the error itself goes to the log.
const genericProblem = "Une erreur imprévue s'est produite ; rien de ce qui était enregistré n'a été modifié. Réessayez dans un instant."

// refusalFor maps an error to its status and French message; unknown errors are a 500.
func refusalFor(err error) refusal {
	var fields fielderr.List
	var rf refusal
	switch {
	case errors.As(err, &rf):
		return rf
	case errors.Is(err, store.ErrNotFound), errors.Is(err, diagnostic.ErrItemNotFound):
		return refusal{http.StatusNotFound, "L'élément demandé n'existe pas ou plus : il a peut-être été supprimé entre-temps."}
	case errors.Is(err, store.ErrConflict):
		return refusal{http.StatusConflict, conflictMessage}
	case errors.Is(err, store.ErrDuplicate):
		return refusal{http.StatusConflict, "Un élément portant ce nom existe déjà. Revenez à la page précédente et choisissez un autre nom."}
	case errors.Is(err, store.ErrLastAdmin):
		return refusal{http.StatusConflict, "L'espace doit garder au moins un administrateur : nommez-en un autre d'abord."}
	case errors.Is(err, store.ErrOtherService):
		return refusal{http.StatusForbidden, "Cette activité relève d'un autre service : seul son service, ou la personne chargée de la stratégie, peut la mettre à jour."}
	case errors.Is(err, store.ErrExpired):
		return refusal{http.StatusGone, "Ce lien a expiré ou a déjà servi. Demandez-en un nouveau."}
	case errors.Is(err, store.ErrMissingNode):
		return refusal{http.StatusUnprocessableEntity, "L'activité ou le jalon choisi n'existe plus ou n'est pas encore planifié : choisissez-en un autre."}
	case errors.Is(err, diagnostic.ErrMergeSelf):
		return refusal{http.StatusUnprocessableEntity, upperFirst(diagnostic.ErrMergeSelf.Error()) + "."}
	case errors.Is(err, diagnostic.ErrMergeQuadrant):
		return refusal{http.StatusUnprocessableEntity, upperFirst(diagnostic.ErrMergeQuadrant.Error()) + "."}
	case errors.As(err, &fields):
		return refusal{http.StatusUnprocessableEntity, fields.Error()}
	}
	for _, french := range frenchErrors {
		if msg, ok := french(err); ok {
			return refusal{http.StatusUnprocessableEntity, msg}
		}
	}
	return refusal{http.StatusInternalServerError, ""}
}

// frenchErrors are the domain error types whose own text is a French sentence for the person.
var frenchErrors = []func(error) (string, bool){
	frenchAs[*schedule.CycleError], frenchAs[fielderr.Error],
	frenchAs[tabular.Error], frenchAs[*sdg.CodeError], frenchAs[*country.UnknownCodeError], frenchAs[country.MissingCodeError],
}

// frenchAs returns the text of the error of type T inside err, without what wrapped it.
func frenchAs[T error](err error) (string, bool) {
	var target T
	if errors.As(err, &target) {
		return target.Error(), true
	}
	return "", false
}

// errorText is the French sentence for an error, to show at a field or at the top of a form.
func errorText(err error) string {
	if r := refusalFor(err); r.Message != "" {
		return r.Message
	}
	return genericProblem
}

// upperFirst capitalises the first letter of a sentence.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[size:]
}

// lowerFirst lowers the first letter of a sentence that follows a colon.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[size:]
}
