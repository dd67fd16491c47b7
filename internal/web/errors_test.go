package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"boussole/internal/diagnostic"
	"boussole/internal/fielderr"
	"boussole/internal/schedule"
	"boussole/internal/store"
	"boussole/internal/store/storetest"
)

// TestErrorsSpeakFrench checks the one mapping from store and domain errors to a status and a French
// sentence, wrapped as handlers receive them: no Go error text comes out of it.
func TestErrorsSpeakFrench(t *testing.T) {
	wrap := func(err error) error { return fmt.Errorf("store: saving: %w", err) }
	for _, tc := range []struct {
		err    error
		status int
		want   string
	}{
		{wrap(store.ErrNotFound), http.StatusNotFound, "n'existe pas"},
		{wrap(store.ErrConflict), http.StatusConflict, "modifié"},
		{wrap(store.ErrDuplicate), http.StatusConflict, "existe déjà"},
		{wrap(store.ErrLastAdmin), http.StatusConflict, "administrateur"},
		{wrap(store.ErrOtherService), http.StatusForbidden, "autre service"},
		{wrap(store.ErrExpired), http.StatusGone, "expiré"},
		{wrap(store.ErrMissingNode), http.StatusUnprocessableEntity, "jalon"},
		{wrap(diagnostic.ErrMergeQuadrant), http.StatusUnprocessableEntity, "Seuls deux éléments"},
		{wrap(fielderr.List{{Field: "text", Message: "Ce champ est obligatoire."}}), http.StatusUnprocessableEntity, "Ce champ est obligatoire."},
		{wrap(fielderr.List{{Field: "name", Message: "Le nom est obligatoire."}}), http.StatusUnprocessableEntity, "Le nom est obligatoire."},
		{wrap(&schedule.CycleError{Names: []string{"A", "B", "A"}}), http.StatusUnprocessableEntity, "cycle"},
		{errors.New("sql: connection refused"), http.StatusInternalServerError, ""},
	} {
		got := refusalFor(tc.err)
		if got.Status != tc.status || !strings.Contains(got.Message, tc.want) {
			t.Errorf("%v → %d %q, want %d with %q", tc.err, got.Status, got.Message, tc.status, tc.want)
		}
		if text := errorText(tc.err); goErrorText.MatchString(text) || strings.Contains(text, "text :") {
			t.Errorf("%v → %q shows Go text", tc.err, text)
		}
	}
}

// TestServerErrorAnswersWithTheMapping: a handler that passes a store error on gets the mapped status and
// a French page, not a 500 with the error's text.
func TestServerErrorAnswersWithTheMapping(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		app := newTestApp(t, st)
		for _, tc := range []struct {
			err    error
			status int
		}{
			{fmt.Errorf("loading: %w", store.ErrConflict), http.StatusConflict},
			{fmt.Errorf("loading: %w", store.ErrNotFound), http.StatusNotFound},
			{errors.New("pq: deadlock detected"), http.StatusInternalServerError},
		} {
			w := httptest.NewRecorder()
			app.app.serverError(w, httptest.NewRequest(http.MethodPost, "/ct/x/y", nil), tc.err)
			if w.Code != tc.status {
				t.Errorf("%v answered %d, want %d", tc.err, w.Code, tc.status)
			}
			if body := w.Body.String(); strings.Contains(body, "loading") || strings.Contains(body, "pq:") || strings.Contains(body, "store:") {
				t.Errorf("%v: the page shows the error's text", tc.err)
			}
		}
	})
}
