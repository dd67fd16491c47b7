package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/chromedp/chromedp"
)

// Navigate opens rawURL and waits for the page to load. A URL starting with
// "/" is resolved against the current page, so tests can write paths.
func (b *Browser) Navigate(rawURL string) {
	b.t.Helper()
	target := rawURL
	if strings.HasPrefix(rawURL, "/") {
		target = b.resolve(rawURL)
	}
	b.do("ouverture de "+target, chromedp.Navigate(target))
}

func (b *Browser) resolve(path string) string {
	b.t.Helper()
	base, err := url.Parse(b.URL())
	if err != nil || base.Host == "" {
		b.t.Fatalf("navigateur : chemin %s sans page courante pour le résoudre", path)
	}
	ref, err := url.Parse(path)
	if err != nil {
		b.t.Fatalf("navigateur : chemin invalide %q : %v", path, err)
	}
	return base.ResolveReference(ref).String()
}

// URL returns the address of the current page.
func (b *Browser) URL() string {
	b.t.Helper()
	return run(b, "lecture de l'adresse", chromedp.Location())
}

// Path returns the path and query of the current page, e.g. "/connexion?x=1".
func (b *Browser) Path() string {
	b.t.Helper()
	u, err := url.Parse(b.URL())
	if err != nil {
		b.t.Fatalf("navigateur : adresse courante illisible : %v", err)
	}
	return u.RequestURI()
}

// Title returns the document title.
func (b *Browser) Title() string {
	b.t.Helper()
	return run(b, "lecture du titre", chromedp.Title())
}

// Text returns the visible text of the page body.
func (b *Browser) Text() string {
	b.t.Helper()
	return run(b, "lecture du texte", chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
}

// Status returns the HTTP status of the response that produced the current
// page, after redirects; 0 before any page.
func (b *Browser) Status() int {
	return b.s.current().status
}

// Click clicks the link or button whose text (or value, or aria-label) is
// text, and waits for the page it leads to.
func (b *Browser) Click(text string) {
	b.t.Helper()
	b.clickMatching(text, clickableSelector, "lien ou bouton")
}

// Submit clicks the submit button whose text is text and waits for the
// response page.
func (b *Browser) Submit(buttonText string) {
	b.t.Helper()
	b.clickMatching(buttonText, submitSelector, "bouton d'envoi")
}

const (
	clickableSelector = `a[href], button, input[type=submit], input[type=button], input[type=image], [role=button]`
	submitSelector    = `button:not([type=button]):not([type=reset]), input[type=submit], input[type=image]`
)

// markScript finds the element whose normalised text equals the wanted one
// and marks it, so the click can then target it; it returns "" or an error.
const markScript = `(function(selector, wanted, mark) {
	const norm = s => (s || "").replace(/\s+/g, " ").trim();
	const name = el => norm(el.innerText || el.value || el.getAttribute("aria-label") || el.getAttribute("alt"));
	const all = Array.from(document.querySelectorAll(selector));
	const found = all.find(el => name(el) === norm(wanted)) ||
		all.find(el => norm(el.getAttribute("aria-label")) === norm(wanted));
	if (!found) {
		return "introuvable parmi : " + all.map(name).filter(Boolean).map(s => "« " + s + " »").join(", ");
	}
	found.setAttribute("data-browsertest", mark);
	return "";
})`

// clickMatching marks the element, then clicks it while waiting for the
// navigation it causes.
func (b *Browser) clickMatching(text, selector, kind string) {
	b.t.Helper()
	mark := fmt.Sprintf("clic-%d", b.s.marks.Add(1))
	if msg := run(b, "recherche de "+kind, chromedp.Evaluate[string](call(markScript, selector, text, mark))); msg != "" {
		b.t.Fatalf("navigateur : %s « %s » %s", kind, text, msg)
	}
	click := chromedp.Evaluate[chromedp.Void](call(
		`(m => document.querySelector('[data-browsertest="' + m + '"]').click())`, mark))
	ctx, cancel := context.WithTimeout(b.s.ctx, b.s.timeout)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, click); err != nil {
		b.t.Fatalf("navigateur : clic sur %s « %s » sans nouvelle page (champ obligatoire vide ?) : %v", kind, text, err)
	}
}

// call builds the JavaScript call of fn with JSON-encoded arguments.
func call(fn string, args ...any) string {
	encoded := make([]string, len(args))
	for i, a := range args {
		j, err := json.Marshal(a)
		if err != nil {
			panic(err) // only strings and bools are passed
		}
		encoded[i] = string(j)
	}
	return fn + "(" + strings.Join(encoded, ", ") + ")"
}
