package monitoring

import (
	"strings"

	"boussole/internal/logframe"
)

// DetachFromDeleted is what a recommendation becomes when the element it is about is deleted: it stays
// (the evaluation said it, and its follow-up goes on), about the strategy as a whole, and its notes begin
// with the element it was about, so that nobody wonders what it meant: « À propos de : activité
// « Forum des jumelages » (supprimée). » Nothing points at the removed element any more.
func DetachFromDeleted(r Recommendation, kind logframe.Kind, title string) Recommendation {
	line := DeletedElementLine(kind, title)
	r.Element = logframe.Ref{}
	if strings.TrimSpace(r.Notes) == "" {
		r.Notes = line
	} else {
		r.Notes = line + "\n" + r.Notes
	}
	return r
}

// DeletedElementLine names a deleted element in a recommendation's notes.
func DeletedElementLine(kind logframe.Kind, title string) string {
	noun, gone := kind.Noun(), "supprimé"
	if kind == logframe.KindActivity {
		gone = "supprimée"
	}
	if strings.TrimSpace(title) == "" {
		return "À propos de : " + noun + " (" + gone + ")."
	}
	return "À propos de : " + noun + " « " + strings.TrimSpace(title) + " » (" + gone + ")."
}

// DeletedElement returns the line DetachFromDeleted wrote at the head of the notes, if the recommendation
// was about an element since deleted and the line is still there.
func DeletedElement(r Recommendation) (string, bool) {
	if !r.Element.IsZero() {
		return "", false
	}
	line, _, _ := strings.Cut(r.Notes, "\n")
	if strings.HasPrefix(line, "À propos de : ") && (strings.HasSuffix(line, "(supprimé).") || strings.HasSuffix(line, "(supprimée).")) {
		return line, true
	}
	return "", false
}
