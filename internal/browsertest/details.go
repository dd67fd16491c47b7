package browsertest

import "github.com/chromedp/chromedp"

// openScript opens the first closed <details> whose <summary> reads wanted, as a click on it would.
const openScript = `(function(wanted) {
	const norm = s => (s || "").replace(/\s+/g, " ").trim();
	const s = Array.from(document.querySelectorAll("details:not([open]) > summary")).find(el => norm(el.textContent) === norm(wanted));
	if (!s) return "résumé « " + wanted + " » introuvable";
	s.parentElement.open = true;
	return "";
})`

// Open unfolds the first closed disclosure (<details>) whose summary is summary, so that what it holds
// can be filled and submitted; it does not wait for a page, since opening one loads nothing.
func (b *Browser) Open(summary string) {
	b.t.Helper()
	if msg := run(b, "ouverture de « "+summary+" »", chromedp.Evaluate[string](call(openScript, summary))); msg != "" {
		b.t.Fatalf("navigateur : %s", msg)
	}
}
