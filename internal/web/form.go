package web

import (
	"errors"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"boussole/internal/cleantext"
	"boussole/internal/fielderr"
)

// form carries what the user typed and the French messages for the fields at fault, so a refused form is
// shown again with everything kept and each message next to its field.
type form struct {
	Values url.Values
	Errors map[string]string
	Order  []string // fields in the order their errors were found, for the summary
	Top    string   // a message about the whole form, such as an edit conflict
}

// newForm cleans every value (cleantext.String) so that what is stored can go into any page, figure or feed;
// passwords are left as typed, since they are only hashed and a changed one would lock its owner out.
func newForm(v url.Values) *form {
	if v == nil {
		v = url.Values{}
	}
	for name, vals := range v {
		if name == "password" || name == "confirm" {
			continue
		}
		for i, s := range vals {
			vals[i] = cleantext.String(s)
		}
	}
	return &form{Values: v, Errors: map[string]string{}}
}

// formBodyLimit bounds a form without a file. Forms with a file (multipart) keep their own, larger, limits.
const formBodyLimit = 1 << 20

// parseForm returns the submitted form. limitForms has already read and checked it, so an oversized or
// broken body never reaches a handler as an empty form.
func parseForm(w http.ResponseWriter, r *http.Request) *form {
	r.Body = http.MaxBytesReader(w, r.Body, formBodyLimit)
	_ = r.ParseForm()
	return newForm(r.PostForm)
}

// limitForms reads the body of every state-changing request that is not a file upload before any handler
// runs: over formBodyLimit it answers 413 with a French page saying the limit, and a body that cannot be
// decoded answers 400. Either way no handler runs, so nothing stored changes; the browser's back button
// still holds what was typed.
func (s *Server) limitForms(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead || r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
			next.ServeHTTP(w, r)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, formBodyLimit)
		err := r.ParseForm()
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			s.tooLarge(w, r, formBodyLimit)
		case err != nil:
			s.errorPage(w, r, http.StatusBadRequest, "Le formulaire reçu est illisible : rien n'a été enregistré. Revenez à la page précédente et enregistrez à nouveau.")
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// tooLarge answers a form whose text is over limit: 413, with a French page that says the limit.
func (s *Server) tooLarge(w http.ResponseWriter, r *http.Request, limit int64) {
	s.errorPage(w, r, http.StatusRequestEntityTooLarge, "Le texte du formulaire dépasse la taille maximale de "+
		megabytes(limit)+" : rien n'a été enregistré. Revenez à la page précédente, où votre saisie est "+
		"encore affichée, raccourcissez le texte le plus long (un long document se joint plutôt en pièce jointe), puis enregistrez à nouveau.")
}

// megabytes writes a size in mebibytes as people say it: « 1 Mo ».
func megabytes(n int64) string { return strconv.FormatInt(n>>20, 10) + " Mo" }

// Get returns a field's value, trimmed.
func (f *form) Get(name string) string { return strings.TrimSpace(f.Values.Get(name)) }

// Raw returns a field's value as typed (passwords are not trimmed).
func (f *form) Raw(name string) string { return f.Values.Get(name) }

// Err returns the message for a field, or "".
func (f *form) Err(name string) string { return f.Errors[name] }

// Fail records the first message for a field.
func (f *form) Fail(name, message string) {
	if _, ok := f.Errors[name]; ok {
		return
	}
	f.Errors[name] = message
	f.Order = append(f.Order, name)
}

// OK reports whether the form has no error.
func (f *form) OK() bool { return len(f.Errors) == 0 && f.Top == "" }

// Summary lists the errors in the order found, for the summary at the top of the form.
func (f *form) Summary() fielderr.List {
	out := make(fielderr.List, 0, len(f.Order))
	for _, n := range f.Order {
		out.Add(n, f.Errors[n])
	}
	return out
}

// FailFields puts each message of a domain package beside its field: the one glue from fielderr to a form.
// rename maps a domain field (or its prefix before the first dot, for list entries such as "themes.2") to
// the form field that shows it. A list entry ("themes.2", "attendees.0.name") is one line of a textarea:
// its message goes to that textarea, saying which line, so it is never left in the summary with a link to
// nothing.
func (f *form) FailFields(l fielderr.List, rename map[string]string) {
	for _, fe := range l {
		msg := fe.Message
		name, ok := rename[fe.Field]
		if !ok {
			head, rest, _ := strings.Cut(fe.Field, ".")
			index, _, _ := strings.Cut(rest, ".")
			if n, err := strconv.Atoi(index); err == nil {
				name, msg = head, "Ligne "+strconv.Itoa(n+1)+" : "+lowerFirst(msg)
			} else {
				name = fe.Field
			}
			if renamed, ok := rename[head]; ok {
				name = renamed
			}
		}
		f.Fail(name, msg)
	}
}

// Required checks that each field is filled.
func (f *form) Required(fields ...string) {
	for _, n := range fields {
		if f.Get(n) == "" {
			f.Fail(n, "Ce champ est obligatoire.")
		}
	}
}

// MaxLength checks a field's length in characters.
func (f *form) MaxLength(name string, n int) {
	if utf8.RuneCountInString(f.Get(name)) > n {
		f.Fail(name, "Ce texte est trop long : "+itoa(n)+" caractères au plus.")
	}
}

// Email checks a field looks like an email address.
func (f *form) Email(name string) {
	v := f.Get(name)
	at := strings.LastIndex(v, "@")
	if v == "" {
		return
	}
	if at < 1 || at == len(v)-1 || !strings.Contains(v[at:], ".") || strings.ContainsAny(v, " ,;<>") {
		f.Fail(name, "Saisissez une adresse électronique valide, par exemple prenom.nom@ville.fr.")
	}
}

// Checked returns the values of a multiple-choice field, sorted.
func (f *form) Checked(name string) []string {
	v := append([]string(nil), f.Values[name]...)
	sort.Strings(v)
	return v
}

// Has reports whether value is among the values sent for name (a checked box, a chosen option).
func (f *form) Has(name, value string) bool { return slices.Contains(f.Values[name], value) }

// OneOf records message at a field whose value, when one is given, is none of choices: a select or a radio
// button sent with a value its page never offered. It reports whether the value is acceptable.
func (f *form) OneOf(name, message string, choices ...string) bool {
	v := f.Get(name)
	if v == "" || slices.Contains(choices, v) {
		return true
	}
	f.Fail(name, message)
	return false
}

// AllOf is OneOf for each value of a multiple-choice field (checkboxes sharing a name).
func (f *form) AllOf(name, message string, choices ...string) bool {
	for _, v := range f.Values[name] {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(choices, v) {
			f.Fail(name, message)
			return false
		}
	}
	return true
}
