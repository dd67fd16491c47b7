package diagnostic

import (
	"boussole/internal/fielderr"
	"strings"
)

// maxAsideReason bounds the reason an item is left aside, in characters.
const maxAsideReason = 1000

// validateAside checks the « consciously left aside » choice: the guide wants a choice not to answer an
// item to be assumed, so a reason is required; a reason without the choice is refused rather than kept
// silently, since it would read as a decision nobody took.
func (it Item) validateAside(errs *fielderr.List) {
	reason := strings.TrimSpace(it.AsideReason)
	switch {
	case it.LeftAside && reason == "":
		errs.Addf("asideReason", "Dites pourquoi la stratégie ne répond pas à cet élément : le choix doit être motivé.")
	case !it.LeftAside && reason != "":
		errs.Addf("asideReason", "Cochez « écarté volontairement » pour garder cette raison, ou effacez-la.")
	default:
		limitText(errs, "asideReason", it.AsideReason, maxAsideReason)
	}
}
