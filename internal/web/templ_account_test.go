package web

import (
	"html/template"
	"strings"
	"testing"
)

// TestAcctQueryEscapeWritesWhatHTMLTemplateWrote checks that the links of the pages moved to templ keep
// the query values html/template wrote (tests and bookmarks read « collectivite=commune%3a16015 »).
func TestAcctQueryEscapeWritesWhatHTMLTemplateWrote(t *testing.T) {
	tmpl := template.Must(template.New("q").Parse(`<a href="/x?v={{.}}">`))
	for _, s := range []string{"commune:16015", "/invitation/abc?d=1&e=2", "Saint-Étienne ~ l'été", "a b+c%d", "<script>", ""} {
		var b strings.Builder
		if err := tmpl.Execute(&b, s); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(strings.TrimPrefix(b.String(), `<a href="/x?v=`), `">`)
		if got := acctQueryEscape(s); got != want {
			t.Errorf("%q: %q, html/template wrote %q", s, got, want)
		}
	}
	if got := acctQuery("pays", ""); got != "" {
		t.Errorf("empty value: %q", got)
	}
	if got := acctQuery("pays", "ML"); got != "?pays=ML" {
		t.Errorf("pays: %q", got)
	}
}
