package web

import "boussole/internal/sharing"

// The journal's labels for what capitalisation writes: shares, copies from a peer, lessons, consortiums.
func init() {
	auditLabels["partage"] = map[string]auditField{"structure": lbl("Structure de la stratégie partagée"), "partenariats": lbl("Partenariats partagés"),
		"éléments": lbl("Objectifs et résultats partagés"), "licence": lbl("Licence")}
	auditLabels["reprise d'une stratégie paire"] = map[string]auditField{"éléments": lbl("Éléments repris"), "provenance": lbl("Provenance")}
	auditLabels["leçon apprise"] = map[string]auditField{"Text": lbl("Récit"), "Country": lblc("Pays", countryName), "Theme": lbl("Thème"),
		"Difficulty": lblc("Nature de la difficulté", codeLabel(sharing.Difficulty.Label)), "Shared": lbl("Partagée avec les autres collectivités")}
	auditLabels["projet commun"] = map[string]auditField{"titre": lbl("Titre"), "invitées": lbl("Collectivités invitées")}
}
