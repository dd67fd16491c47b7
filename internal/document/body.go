package document

import "boussole/internal/territory"

// assembly returns the deliberative body of an authority of this kind, as a deliberation names it.
func assembly(kind string) string {
	switch territory.Kind(kind) {
	case territory.KindCommune:
		return "conseil municipal"
	case territory.KindEPCI:
		return "conseil communautaire"
	case territory.KindDepartement:
		return "conseil départemental"
	case territory.KindRegion:
		return "conseil régional"
	}
	return "assemblée délibérante"
}

// Bodies lists the deliberative bodies an adoption can be voted by, for the adoption form.
func Bodies() []string {
	return []string{"conseil municipal", "conseil communautaire", "conseil métropolitain", "conseil départemental", "conseil régional",
		"assemblée de Corse", "assemblée délibérante"}
}

// executive returns who carries out the deliberation: « le Maire » for a commune, « le Président » for the
// others, as deliberations write it (the legal service adapts it to the person).
func executive(kind string) string {
	if territory.Kind(kind) == territory.KindCommune {
		return "le Maire"
	}
	return "le Président"
}
