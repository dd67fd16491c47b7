// Package comment holds the rules of comments on the elements of a strategy: what can be commented, who
// may read and write where, the length limit, the two states and the mentions of members. No HTTP, no SQL.
package comment

import (
	"strings"
	"unicode/utf8"

	"boussole/internal/access"
	"boussole/internal/frfmt"
)

// Kind names the sort of element a comment is about. The values are the URL segments of the thread pages.
type Kind string

// The elements people comment on.
const (
	KindStrategy    Kind = "strategie"
	KindObjective   Kind = "objectif-specifique"
	KindResult      Kind = "resultat"
	KindActivity    Kind = "activite"
	KindIndicator   Kind = "indicateur"
	KindSWOT        Kind = "afom"
	KindStakeholder Kind = "acteur"
)

// Kinds lists every kind, in the order of the method.
var Kinds = []Kind{KindStrategy, KindSWOT, KindStakeholder, KindObjective, KindResult, KindActivity, KindIndicator}

var kindInfo = map[Kind]struct {
	noun string        // with its article, for « Commentaires sur l'activité »
	read access.Action // what one must be allowed to read the element itself
}{
	KindStrategy:    {"la stratégie", access.ViewWorkspace},
	KindObjective:   {"l'objectif spécifique", access.ViewWorkspace},
	KindResult:      {"le résultat", access.ViewWorkspace},
	KindActivity:    {"l'activité", access.ViewWorkspace},
	KindIndicator:   {"l'indicateur", access.ViewWorkspace},
	KindSWOT:        {"l'élément AFOM", access.ViewInternal},
	KindStakeholder: {"la partie prenante", access.ViewInternal},
}

// Valid reports whether k is a kind that can be commented.
func (k Kind) Valid() bool { _, ok := kindInfo[k]; return ok }

// Noun returns the French noun of the element with its article (« l'activité »).
func (k Kind) Noun() string { return kindInfo[k].noun }

// CanRead reports whether a role may read the comments on an element of kind k: it must be allowed to read
// comments and the element itself.
func CanRead(r access.Role, k Kind) bool {
	return k.Valid() && access.Can(r, access.ReadComments) && access.Can(r, kindInfo[k].read)
}

// CanWrite reports whether a role may comment on (and reply to, and mark handled) an element of kind k.
func CanWrite(r access.Role, k Kind) bool {
	return CanRead(r, k) && access.Can(r, access.Comment)
}

// Readable lists the kinds whose comments a role may read, for the list of open comments.
func Readable(r access.Role) []Kind {
	var out []Kind
	for _, k := range Kinds {
		if CanRead(r, k) {
			out = append(out, k)
		}
	}
	return out
}

// State says whether a comment still calls for something.
type State string

// The two states of a comment.
const (
	Open    State = "a-traiter"
	Handled State = "traite"
)

// Label returns the French label of the state.
func (s State) Label() string {
	switch s {
	case Open:
		return "À traiter"
	case Handled:
		return "Traité"
	}
	return ""
}

// Valid reports whether s is one of the two states.
func (s State) Valid() bool { return s == Open || s == Handled }

// MaxLength is the longest comment, in characters: a comment is a remark, not a document.
const MaxLength = 4000

// Check returns the French message for a body that cannot be posted, or "".
func Check(body string) string {
	switch n := utf8.RuneCountInString(body); {
	case strings.TrimSpace(body) == "":
		return "Écrivez votre commentaire."
	case n > MaxLength:
		return "Ce commentaire est trop long : " + frfmt.Integer(MaxLength) + " caractères au plus (vous en avez écrit " + frfmt.Integer(int64(n)) + ")."
	}
	return ""
}
