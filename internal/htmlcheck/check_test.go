package htmlcheck

import (
	"strings"
	"testing"
)

// doc wraps body in a valid page; the body starts on line 8.
func doc(body string) string {
	return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<title>Essai</title>\n</head>\n<body>\n" + body + "\n</body>\n</html>\n"
}

// want is an expected problem: its line and a part of its message.
type want struct {
	line int
	text string
}

const validBody = `<a class="evitement" href="#contenu">Aller au contenu</a>
<!-- a comment with <tags> inside -->
<main id="contenu">
<h1>Stratégie d'action internationale</h1>
<p>Texte avec une <a href="/guide">référence</a> &amp; une <abbr title="Établissement public">EPCI</abbr>.</p>
<form method="post" action="/connexion">
  <label for="email">Adresse électronique</label>
  <input id="email" name="email" type="email" required autocomplete="email">
  <label>Mot de passe <input name="password" type="password"></label>
  <input type="hidden" name="csrf" value="x">
  <select name="role" aria-label="Rôle"><optgroup label="Élus"><option value="elu" selected>Élu·e</option></optgroup></select>
  <textarea id="notes" name="notes" aria-labelledby="notes-titre"></textarea>
  <span id="notes-titre">Notes</span>
  <input type="submit" value="Se connecter">
  <button type="submit"><img src="/ok.svg" alt="Valider"></button>
  <button type="button" aria-label="Fermer">×</button>
</form>
<ul><li>Un</li><li>Deux</li></ul>
<dl><dt>Terme</dt><dd>Définition</dd></dl>
<table><caption>Budget</caption><thead><tr><th scope="col">Poste</th></tr></thead><tbody><tr><td>1 234 €</td></tr></tbody></table>
<img src="/deco.png" alt="">
<br/><hr>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-labelledby="f-title"><title id="f-title">Figure</title><rect x="0" y="0" width="5" height="5"/><text x="1" y="1">a &lt; b</text><style><![CDATA[rect{fill:red}]]></style></svg>
<script src="/app.js"></script>
<script>if (a < b && c > d) { x = "</div>"; }</script>
<style>p > a { color: #000; }</style>
</main>`

func TestCheckValidPage(t *testing.T) {
	if got := Check([]byte(doc(validBody))); len(got) != 0 {
		t.Errorf("valid page reported:\n%s", Report(got))
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []want
	}{
		{"missing doctype", strings.TrimPrefix(doc("<p>x</p>"), "<!DOCTYPE html>\n"), []want{{1, "doctype manquant"}}},
		{"legacy doctype", strings.Replace(doc("<p>x</p>"), "<!DOCTYPE html>", `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">`, 1), []want{{1, "<!DOCTYPE html> attendu"}}},
		{"missing lang", strings.Replace(doc("<p>x</p>"), ` lang="fr"`, "", 1), []want{{2, "attribut lang manquant"}}},
		{"empty lang", strings.Replace(doc("<p>x</p>"), ` lang="fr"`, ` lang=""`, 1), []want{{2, "attribut lang manquant ou vide"}}},
		{"missing title", strings.Replace(doc("<p>x</p>"), "<title>Essai</title>", "", 1), []want{{1, "<title> manquant"}}},
		{"empty title", strings.Replace(doc("<p>x</p>"), "<title>Essai</title>", "<title> </title>", 1), []want{{5, "<title> vide"}}},
		{"title in body", doc("<title>Deux</title>"), []want{{8, "plusieurs éléments <title>"}, {8, "<title> hors de <head>"}}},
		{"no html element", "<!DOCTYPE html>\n<title>x</title>\n", []want{{2, "doit commencer par <html"}, {1, "<html lang=\"fr\"> manquant"}, {2, "<title> hors de <head>"}}},
		{"unclosed div", doc("<div>\n<p>x</p>"), []want{{8, "<div> non fermé avant </body>"}}},
		{"unclosed paragraph", doc("<p>un\n<p>deux</p>"), []want{{9, "<p> dans <p> (ligne 8)"}, {8, "<p> non fermé avant </body>"}}},
		{"misnested inline", doc("<p><b><i>x</b></i></p>"), []want{{8, "<i> non fermé avant </b>"}, {8, "</i> sans balise ouvrante"}}},
		{"stray end tag", doc("</section>"), []want{{8, "</section> sans balise ouvrante"}}},
		{"end tag of void element", doc("<p>a<br></br></p>"), []want{{8, "</br> : un élément vide"}}},
		{"self-closed div", doc(`<div class="x"/>`), []want{{8, "<div/> : un élément non vide"}}},
		{"block inside paragraph", doc("<p>\n<div>x</div>\n</p>"), []want{{9, "<div> dans <p> (ligne 8)"}}},
		{"list outside list", doc("<li>x</li>"), []want{{8, "<li> doit être directement dans <ul>, <ol> ou <menu>"}}},
		{"cell outside row", doc("<table><td>x</td></table>"), []want{{8, "<td> doit être directement dans <tr>"}}},
		{"nested form", doc(`<form><form></form></form>`), []want{{8, "<form> imbriqué"}}},
		{"link inside button", doc(`<button>Aller <a href="/x">ici</a></button>`), []want{{8, "<a> interactif dans <button>"}}},
		{"unquoted attribute", doc(`<p class=intro>x</p>`), []want{{8, "« class » sans guillemets"}}},
		{"unterminated quote", doc("<p class=\"intro>x</p>"), []want{{8, "jamais fermée (guillemet manquant)"}, {8, "balise <p> non terminée"}, {8, "<p> jamais fermé"}, {2, "<html> jamais fermé"}, {7, "<body> jamais fermé"}}},
		{"missing space between attributes", doc(`<p class="a"id="b">x</p>`), []want{{8, "espace manquante"}}},
		{"duplicate attribute", doc(`<p class="a" class="b">x</p>`), []want{{8, "attribut « class » en double"}}},
		{"duplicate id", doc("<p id=\"a\">x</p>\n<p id=\"a\">y</p>"), []want{{9, "id « a » en double (déjà utilisé ligne 8)"}}},
		{"empty id", doc(`<p id="">x</p>`), []want{{8, "id vide"}}},
		{"label for missing id", doc(`<label for="nom">Nom</label><input name="nom">`), []want{{8, "aucun élément n'a l'id « nom »"}, {8, "champ <input name=\"nom\"> sans étiquette"}}},
		{"label for non-field", doc(`<label for="d">Nom</label><div id="d">x</div>`), []want{{8, "vise <div>"}}},
		{"input without label", doc(`<input type="text" name="ville">`), []want{{8, "champ <input name=\"ville\"> sans étiquette"}}},
		{"input with id but no label", doc(`<input id="ville">`), []want{{8, "champ <input id=\"ville\"> sans étiquette"}}},
		{"select without label", doc(`<select name="r"><option>a</option></select>`), []want{{8, "champ <select name=\"r\"> sans étiquette"}}},
		{"textarea without label", doc("<textarea name=\"n\">\n</textarea>"), []want{{8, "champ <textarea name=\"n\"> sans étiquette"}}},
		{"labelledby missing id", doc(`<input name="q" aria-labelledby="absent">`), []want{{8, "aria-labelledby : aucun élément n'a l'id « absent »"}}},
		{"image input without alt", doc(`<input type="image" src="/go.png">`), []want{{8, "bouton image sans texte alternatif"}}},
		{"image without alt", doc(`<img src="/a.png">`), []want{{8, "image sans attribut alt"}}},
		{"empty button", doc(`<button type="submit"><img src="/x.png" alt=""></button>`), []want{{8, "bouton sans nom accessible"}}},
		{"empty link", doc(`<a href="/x"> </a>`), []want{{8, "lien sans nom accessible"}}},
		{"unescaped less-than", doc("<p>a < b</p>"), []want{{8, "« < » non échappé"}}},
		{"unterminated comment", doc("<!-- oubli"), []want{{8, "commentaire jamais fermé"}, {2, "<html> jamais fermé"}, {7, "<body> jamais fermé"}}},
		{"cdata outside svg", doc("<p><![CDATA[x]]></p>"), []want{{8, "CDATA hors de SVG"}}},
		{"unclosed script", doc("<script>var a = 1;"), []want{{8, "<script> jamais fermé"}, {2, "<html> jamais fermé"}, {7, "<body> jamais fermé"}}},
		{"invalid utf-8", doc("<p>caf\xe9</p>"), []want{{8, "octet invalide en UTF-8"}}},
		{"text after html", doc("") + "fin", []want{{11, "texte après </html>"}}},
		{"unknown declaration", doc("<?php echo 1 ?>"), []want{{8, "déclaration « <?php echo 1…"}}},
		{"attributes on end tag", doc(`<p>x</p class="a">`), []want{{8, "contenu inattendu dans la balise fermante </p>"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check([]byte(tt.html))
			assertProblems(t, got, tt.want)
		})
	}
}

// assertProblems matches every problem with one expected problem, in any
// order within a line.
func assertProblems(t *testing.T, got []Problem, wants []want) {
	t.Helper()
	used := make([]bool, len(got))
	for _, w := range wants {
		found := false
		for i, p := range got {
			if !used[i] && p.Line == w.line && strings.Contains(p.Message, w.text) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing problem at line %d containing %q", w.line, w.text)
		}
	}
	for i, p := range got {
		if !used[i] {
			t.Errorf("unexpected problem: %s", p)
		}
	}
}

func TestCheckSortsByLine(t *testing.T) {
	got := Check([]byte("<p class=x>\n<img src=a>"))
	for i := 1; i < len(got); i++ {
		if got[i-1].Line > got[i].Line {
			t.Fatalf("problems not sorted by line:\n%s", Report(got))
		}
	}
	if len(got) < 4 {
		t.Fatalf("want several problems, got:\n%s", Report(got))
	}
}

func TestProblemString(t *testing.T) {
	got := Problem{Line: 3, Message: "image sans attribut alt"}.String()
	if want := "ligne 3 : image sans attribut alt"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func BenchmarkCheck(b *testing.B) {
	page := []byte(doc(strings.Repeat(validBody, 20)))
	page = []byte(strings.ReplaceAll(string(page), `id="`, `data-x="`)) // avoid duplicate ids
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		Check(page)
	}
}
