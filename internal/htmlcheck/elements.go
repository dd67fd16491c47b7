package htmlcheck

// set is a set of lower-case element names.
type set map[string]bool

func newSet(names ...string) set {
	s := make(set, len(names))
	for _, n := range names {
		s[n] = true
	}
	return s
}

// voidElements never have content nor an end tag.
var voidElements = newSet("area", "base", "br", "col", "embed", "hr", "img", "input",
	"link", "meta", "source", "track", "wbr")

// rawTextElements hold text up to their own end tag, with no markup inside.
var rawTextElements = newSet("script", "style", "textarea", "title")

// closesParagraph lists the elements whose start tag makes a browser close an
// open <p>: writing one inside a <p> means the page is not what it looks like.
var closesParagraph = newSet("address", "article", "aside", "blockquote", "details", "dialog",
	"div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "search",
	"section", "table", "ul")

// paragraphScopeBoundary stops the search for an open <p>, as HTML5's
// "button scope" does.
var paragraphScopeBoundary = newSet("button", "td", "th", "caption", "table", "html",
	"template", "object", "marquee", "applet", "svg", "math")

// interactiveElements may not be nested inside <a> or <button>.
var interactiveElements = newSet("a", "button", "details", "embed", "iframe", "label",
	"select", "textarea", "input")

// requiredParents lists, for elements that only make sense in one context,
// the parents they may have.
var requiredParents = map[string][]string{
	"li":       {"ul", "ol", "menu", "template"},
	"dt":       {"dl", "div", "template"},
	"dd":       {"dl", "div", "template"},
	"tr":       {"table", "thead", "tbody", "tfoot", "template"},
	"td":       {"tr", "template"},
	"th":       {"tr", "template"},
	"thead":    {"table"},
	"tbody":    {"table"},
	"tfoot":    {"table"},
	"caption":  {"table"},
	"colgroup": {"table"},
	"option":   {"select", "datalist", "optgroup", "template"},
	"optgroup": {"select", "template"},
	"legend":   {"fieldset"},
	"summary":  {"details"},
}

// labelable elements can be the target of <label for>.
var labelable = newSet("input", "select", "textarea", "button", "meter", "output", "progress")

// buttonLikeInputs take their accessible name from their value or a default.
var buttonLikeInputs = newSet("submit", "reset", "button")
