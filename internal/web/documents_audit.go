package web

// The journal's labels for what the documents write: registered here, beside the pages that write them.
func init() {
	auditLabels["adoption"] = map[string]auditField{"date": lbl("Date de la délibération"), "assemblée": lbl("Assemblée"),
		"numéro": lbl("Numéro de délibération"), "résultat": lbl("Résultat du vote"), "empreinte": lbl("Empreinte de la version adoptée")}
	auditLabels["document stratégique"] = map[string]auditField{"écartées": lbl("Sections écartées"), "textes": lblf("Textes libres", auditData)}
}
