package web

import (
	"boussole/internal/funding"
	"boussole/internal/refdata/iati"
)

// The journal's labels for a project's declaration fields (store.SaveDeclaration).
func init() {
	name := func(l iati.List) func(string) string {
		return func(code string) string {
			if c, ok := iati.Lookup(l, code); ok {
				return code + " – " + c.Name
			}
			return code
		}
	}
	auditLabels["déclaration APD"] = map[string]auditField{"Kind": lblc("Nature de la dépense", codeLabel(funding.SpendingKind.Label)),
		"Sector": lblc("Secteur CAD", name(iati.Sector)), "Channel": lblc("Canal d'acheminement", name(iati.CRSChannel)),
		"Markers": lbl("Marqueurs de politique (code:note)")}
}
