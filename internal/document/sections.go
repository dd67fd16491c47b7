package document

// SectionKey names a section of the strategy document, stable in stored choices and in form fields.
type SectionKey string

// The sections of the strategy document, in the guide's order.
const (
	SecContext       SectionKey = "contexte"
	SecPrinciples    SectionKey = "principes"
	SecDiagnostic    SectionKey = "diagnostic"
	SecValues        SectionKey = "valeurs"
	SecVision        SectionKey = "vision"
	SecMission       SectionKey = "mission"
	SecObjectives    SectionKey = "objectifs"
	SecPriorities    SectionKey = "priorites"
	SecLogframe      SectionKey = "cadre-logique"
	SecIndicators    SectionKey = "indicateurs"
	SecSchedule      SectionKey = "chronogramme"
	SecRisks         SectionKey = "risques"
	SecResources     SectionKey = "ressources"
	SecMonitoring    SectionKey = "suivi-evaluation"
	SecAnnexes       SectionKey = "annexes"
	secOrganisation  SectionKey = "organisation"  // not built yet: organisation and networks
	secCommunication SectionKey = "communication" // not built yet: communication and participation
)

// SectionInfo describes one section a user may choose.
type SectionInfo struct {
	Key   SectionKey
	Title string
	About string // what it holds, shown beside the check box
}

// Sections lists the sections of the strategy document the product can write, in the guide's order. The
// guide's « organisation et réseaux » and « communication et participation » are left out until the product
// holds them.
func Sections() []SectionInfo {
	return []SectionInfo{
		{SecContext, "Contexte et enjeux", "les enjeux retenus dans l'argumentaire et les faits du territoire"},
		{SecPrinciples, "Principes", "l'auto-évaluation des cinq principes essentiels du guide"},
		{SecDiagnostic, "Diagnostic", "la matrice AFOM, la cartographie des acteurs et la revue des partenariats"},
		{SecValues, "Valeurs", "les valeurs sur lesquelles repose l'action internationale"},
		{SecVision, "Vision", "la vision et le lien au projet politique"},
		{SecMission, "Mission", "la mission de la collectivité à l'international"},
		{SecObjectives, "Objectifs", "l'objectif général, les dimensions et les objectifs spécifiques SMART"},
		{SecPriorities, "Priorités géographiques et thématiques", "les pays et partenaires, avec la carte, et les thèmes"},
		{SecLogframe, "Cadre logique", "le tableau objectifs, résultats, activités, indicateurs, hypothèses"},
		{SecIndicators, "Indicateurs", "unité, valeur de référence, cible, périodicité et sources"},
		{SecSchedule, "Chronogramme", "les activités dans le temps et les jalons"},
		{SecRisks, "Risques", "le registre des risques internes et externes et leur maîtrise"},
		{SecResources, "Ressources et financement", "les coûts estimés des activités par objectif"},
		{SecMonitoring, "Dispositif de suivi et d'évaluation", "qui mesure quoi, à quel rythme, et les évaluations prévues"},
		{SecAnnexes, "Annexes", "la liste des parties prenantes et les ODD visés"},
	}
}

// Choice is what the user chose for one document: the sections kept and a free text per section, written
// at the start of the section.
type Choice struct {
	Omit map[SectionKey]bool   // sections left out; every section is kept when nil
	Text map[SectionKey]string // free text per section
}

// Keeps reports whether the section is in the document.
func (c Choice) Keeps(k SectionKey) bool { return !c.Omit[k] }

// KnownSection reports whether k is a section of the strategy document.
func KnownSection(k SectionKey) bool {
	for _, s := range Sections() {
		if s.Key == k {
			return true
		}
	}
	return false
}
