package store

import "boussole/internal/archive"

// archiveExcluded lists the tables a workspace's archive leaves out, with why: they are the platform's and
// not one workspace's, or they hold secrets that must never leave the database. Any other table is
// exported when it holds an authority's rows (a column authority_id, or any foreign key to authorities)
// or hangs from such a table by a foreign key; TestArchiveCoversEveryTable fails on a table that is
// neither exported nor listed here, so a table added later is never left out unnoticed.
var archiveExcluded = []archive.Exclusion{
	{Table: "schema_migrations", Reason: "les migrations appliquées sont celles de l'instance, non de l'espace"},
	{Table: "sqlite_sequence", Reason: "compteur interne de SQLite"},
	{Table: "sessions", Reason: "secret : les sessions ouvertes (jetons de connexion) ne quittent jamais la base"},
	{Table: "session_strategies", Reason: "état des sessions ouvertes, qui ne sont pas exportées"},
	{Table: "api_tokens", Reason: "secret : les jetons d'API sont à recréer par leurs titulaires après l'import"},
	{Table: "calendar_tokens", Reason: "secret : les liens personnels des agendas sont à recréer après l'import"},
	{Table: "invitations", Reason: "secret : un lien d'invitation en attente vaut un accès ; les invitations sont à renvoyer après l'import"},
	{Table: "password_resets", Reason: "secret : liens de réinitialisation des mots de passe, propres à la plateforme"},
	{Table: "oidc_flows", Reason: "secret : connexions ProConnect en cours, propres à la plateforme"},
	{Table: "oidc_links", Reason: "secret : liaisons ProConnect en attente, propres à la plateforme"},
	{Table: "oidc_identities", Reason: "identités ProConnect des comptes, propres à la plateforme : la personne se reconnecte"},
	{Table: "login_failures", Reason: "compteurs d'échecs de connexion de la plateforme"},
	{Table: "funding_programme_versions", Reason: "catalogue des financements de la plateforme, commun à tous les espaces"},
	{Table: "digest_optouts", Reason: "choix personnel d'un compte (ne plus recevoir le récapitulatif), valable dans tous ses espaces"},
}

// archiveUserColumns are the only columns of an account the archive carries: who the person is. The
// password's hash, the platform administrator's flag and everything else stay in the database; import
// finds the account by email, or creates it without a password (the person sets one with « mot de passe
// oublié », or signs in with ProConnect).
var archiveUserColumns = []string{"id", "email", "name"}

// frameworkKinds are the kinds of element a reference by kind names, as the application writes them
// (logframe, comment and funding kinds), with their tables.
var frameworkKinds = map[string]string{
	"strategie":             "strategies",
	"mandature":             "strategies",
	"elements-cles":         "strategy_key_elements",
	"objectif-general":      "strategy_key_elements",
	"objectif-specifique":   "objectives",
	"objectif":              "objectives",
	"resultat":              "results",
	"activite":              "activities",
	"indicateur":            "indicators",
	"hypothese":             "assumptions",
	"risque":                "risks",
	"afom":                  "diagnostic_swot_items",
	"priorite-geographique": "geo_priorities",
	"projet":                "funding_projects",
	"valeur":                "strategy_values",
	"dimension":             "strategy_dimensions",
	"acteur":                "stakeholders",
	"priorite-thematique":   "thematic_priorities",
}

// kinds restricts frameworkKinds to the ones a column may name, so that the tables' order stays free of
// cycles (an assumption points at objectives and results, never at risks).
func kinds(names ...string) map[string]string {
	m := map[string]string{}
	for _, n := range names {
		m[n] = frameworkKinds[n]
	}
	return m
}

// archiveSoftRefs are the columns holding IDs the database does not check: the element of a comment, a
// tag, an assumption, a risk or a project link, whose table depends on a kind column, and the attachment a
// partnership's agreement names in a text column. Import rewrites them like foreign keys.
// TestArchiveKnowsEveryIDColumn fails on an integer column named *_id that is neither a foreign key nor
// listed here (or in archiveNotIDs).
var archiveSoftRefs = map[string][]archive.Reference{
	"comments": {{Column: "element_id", KindColumn: "element_kind",
		Kinds: kinds("strategie", "objectif-specifique", "resultat", "activite", "indicateur", "afom", "acteur")}},
	"sdg_tags": {{Column: "element_id", KindColumn: "element_kind",
		Kinds: kinds("objectif-general", "objectif-specifique", "resultat", "activite")}},
	"assumptions": {{Column: "target_id", KindColumn: "target_kind",
		Kinds: kinds("objectif-general", "objectif-specifique", "resultat", "activite")}},
	"risks": {{Column: "linked_id", KindColumn: "linked_kind",
		Kinds: kinds("objectif-general", "objectif-specifique", "resultat", "activite", "priorite-geographique")}},
	"indicators": {{Column: "level_id", KindColumn: "level_kind",
		Kinds: kinds("objectif-general", "objectif-specifique", "resultat", "activite")}},
	"funding_project_links":   {{Column: "element_id", KindColumn: "kind", Kinds: kinds("objectif", "resultat", "activite")}},
	"diagnostic_partnerships": {{Column: "document_id", Table: "attachments", Text: true}},
	// The element of the evaluated strategy a recommendation is about ('' and 0: the strategy as a whole).
	"evaluation_recommendations": {{Column: "element_id", KindColumn: "element_kind",
		Kinds: kinds("objectif-specifique", "resultat", "activite", "indicateur")}},
	// What the previous strategy leaves on an element of the next (monitoring's « stratégie suivante »).
	"revision_notes": {{Column: "element_id", KindColumn: "element_kind",
		Kinds: kinds("strategie", "objectif-general", "objectif-specifique", "resultat", "activite", "indicateur", "hypothese", "risque",
			"valeur", "dimension", "priorite-geographique", "priorite-thematique")}},
}

// archiveNotIDs are columns whose name ends in _id but which import leaves as they are.
var archiveNotIDs = map[string]bool{
	"authorities.official_id":            true, // the SIREN of the authority, not a row
	"scheme_applications.beneficiary_id": true, // the beneficiary's SIRET or RNA number, not a row
	// The journal says what happened to which record, as it was written at the time: like its JSON
	// before and after, it keeps the IDs of the instance it was written on.
	"audit_log.entity_id": true,
}
