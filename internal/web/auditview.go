package web

import (
	"boussole/internal/funding"
	"boussole/internal/organisation"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"boussole/internal/access"
	"boussole/internal/comment"
	"boussole/internal/communication"
	"boussole/internal/consultation"
	"boussole/internal/diagnostic"
	"boussole/internal/frfmt"
	"boussole/internal/logframe"
	"boussole/internal/model"
	"boussole/internal/partialdate"
	"boussole/internal/process"
	"boussole/internal/refdata/country"
	"boussole/internal/schedule"
	"boussole/internal/stakeholder"
	"boussole/internal/steering"
	"boussole/internal/territory"
)

// The journal stores each record's state before and after a change as JSON with the Go field names. It
// never shows that JSON: auditRows turns it into French labels and French values, through one label table
// per kind of record, and a field the table does not know is left out rather than shown in English.

// auditFormat says how a field's value reads when its JSON type alone does not say it.
type auditFormat int

const (
	auditAuto    auditFormat = iota // from the JSON value: text, number, yes/no, date, list
	auditCents                      // an amount in euro cents
	auditPercent                    // a whole percentage
	auditDays                       // a number of days
	auditCount                      // a list of identifiers: how many
	auditBytes                      // a file size
	auditData                       // an object whose keys are data (codes), shown as they are
	auditMeasure                    // an indicator's kind of measure
	auditYear                       // a year, written without a thousands separator
)

// auditField is how the journal shows one field; Code, when set, names a stored code in French.
type auditField struct {
	Label  string
	Format auditFormat
	Code   func(string) string
}

func lbl(label string) auditField { return auditField{Label: label} }
func lblf(label string, format auditFormat) auditField {
	return auditField{Label: label, Format: format}
}
func lblc(label string, code func(string) string) auditField {
	return auditField{Label: label, Code: code}
}

// codeLabel adapts a type's Label method to a stored code; an unknown code is shown as stored.
func codeLabel[T ~string](label func(T) string) func(string) string {
	return func(code string) string {
		if l := label(T(code)); l != "" {
			return l
		}
		return code
	}
}

// codeTable names codes from a fixed table.
func codeTable(m map[string]string) func(string) string {
	return func(code string) string {
		if l, ok := m[code]; ok {
			return l
		}
		return code
	}
}

var (
	countryName   = func(code string) string { return orCode(country.Name(code), code) }
	principleName = func(code string) string {
		if p, ok := diagnostic.PrincipleByCode(code); ok {
			return p.Name
		}
		return code
	}
	conditionName = func(code string) string {
		for _, c := range diagnostic.Conditions() {
			if c.Code == code {
				return c.Label
			}
		}
		return code
	}
	stakeName = func(code string) string {
		if st, _, ok := diagnostic.StakeByCode(code); ok {
			return st.Key
		}
		return code
	}
	stepName = func(code string) string {
		if d, ok := process.Lookup(process.Step(code)); ok {
			return d.Title
		}
		return code
	}
	ratingName = func(code string) string {
		if n, err := strconv.Atoi(code); err == nil && diagnostic.Rating(n).Valid() {
			return diagnostic.Rating(n).Label()
		}
		return code
	}
)

func orCode(label, code string) string {
	if label == "" {
		return code
	}
	return label
}

// auditHidden are technical fields, never shown: identifiers, positions, versions, stamps.
var auditHidden = map[string]bool{"ID": true, "id": true, "AuthorityID": true, "StrategyID": true, "Version": true, "Position": true,
	"CreatedAt": true, "UpdatedAt": true, "ResultID": true, "ObjectiveID": true, "ActivityID": true, "UploadedBy": true,
	"SHA256": true, "DocumentID": true, "ElementID": true, "ParentID": true, "AuthorID": true, "Links": true, "Authority": true, "name_key": true, "SynthesisVersion": true}

// auditLabels holds, for each kind of record (the journal's « objet »), the French label of its fields; the
// entry "" holds the fields every kind shares, and a key "Parent.Child" labels a field of a nested object
// when the child's own name would be ambiguous. The key "." labels a record that is a bare list.
var auditLabels = map[string]map[string]auditField{
	"": {
		"Title": lbl("Intitulé"), "Description": lbl("Description"), "Name": lbl("Nom"), "Owner": lbl("Responsable"),
		"Status": lbl("Statut"), "Notes": lbl("Notes"), "Kind": lbl("Type"), "Date": lbl("Date"), "Public": lbl("Publié"),
		"Comment": lbl("Commentaire"), "Text": lbl("Texte"), "Value": lbl("Valeur"), "Weight": lbl("Poids"), "Code": lbl("Code"),
		"Reason": lbl("Raison"), "Service": lbl("Service"), "Partners": lbl("Partenaires"), "Themes": lbl("Thèmes"), "SDG": lbl("ODD"),
		"Start": lbl("Début"), "End": lbl("Fin"), "Resources": lbl("Ressources"), "Explanation": lbl("Explication"),
		"SWOTIDs": lblf("Éléments AFOM liés", auditCount), "Stakeholders": lblf("Acteurs liés", auditCount),
		"acteurs": lblf("Acteurs liés", auditCount), "afom": lblf("Éléments AFOM liés", auditCount),
		"email": lbl("Adresse électronique"), "nom": lbl("Nom"), "administrateur_plateforme": lbl("Administrateur de la plateforme"),
		"rôle": lblc("Rôle", codeLabel(access.Role.Label)), ".": lbl("Contenu"),
	},
	"activité": {"Resources": lbl("Moyens"), "CostCents": lblf("Coût", auditCents)},
	"projet": {"Summary": lbl("Description"), "Partners": lbl("Partenaires"), "Countries": lbl("Pays"), "Themes": lbl("Thèmes"), "SDGs": lbl("ODD"),
		"Start": lbl("Début"), "End": lbl("Fin"), "BudgetCents": lblf("Coût total", auditCents), "LeastDeveloped": lbl("Pays parmi les moins avancés"),
		"HasAgreement": lbl("Convention signée"), "HasDeliberation": lbl("Délibération ou lettres d'intention"), "HasReports": lbl("Comptes rendus remis"),
		"OwnCompetence": lbl("Compétence de la collectivité"), "Links": lblf("Éléments du cadre logique", auditCount), "Priorities": lblf("Priorités thématiques", auditCount),
		"Lines": lblf("Lignes du plan", auditCount), "Spending": lblf("Dépenses", auditCount), "StrategyID": lbl("Stratégie")},
	"ligne de financement": {"ProjectID": lbl("Projet n°"), "Source": lblc("Source", codeLabel(funding.Source.Label)), "Programme": lbl("Programme"),
		"Label": lbl("Financeur"), "AmountCents": lblf("Montant", auditCents), "Status": lblc("Statut", codeLabel(funding.LineStatus.Label)),
		"Year": lblf("Année", auditYear), "EffortTenths": lbl("Effort (dixièmes de mois-personne)")},
	"dépense": {"ProjectID": lbl("Projet n°"), "Kind": lblc("Nature", codeLabel(funding.MovementKind.Label)), "Date": lbl("Date"),
		"AmountCents": lblf("Montant", auditCents), "Country": lblc("Pays", countryName), "Beneficiary": lblc("Type de bénéficiaire", codeLabel(funding.BeneficiaryKind.Label)),
		"StakeholderID": lbl("Acteur n°"), "Name": lbl("Bénéficiaire"), "Note": lbl("Référence")},
	"budgets et équipe": {"Year": lblf("Année", auditYear), "Budgets": lbl("Budgets du 1 %"), "TeamTenths": lbl("Équipe (dixièmes d'ETP)"),
		"ResourcesCents": lblf("Ressources", auditCents), "ExcludedCents": lblf("Versement mobilité exclu", auditCents),
		"eau": lbl("Budget de l'eau"), "assainissement": lbl("Budget de l'assainissement"), "energie": lbl("Budget de l'énergie"), "dechets": lbl("Budget des déchets"), "mobilite": lbl("Budgets de la mobilité")},
	"organisation des services": {"Attachment": lblc("Rattachement", codeLabel(organisation.Attachment.Label)), "Reason": lbl("Raison"), "Referents": lbl("Référents"),
		"TaskForce": lbl("Service en mode projet"), "JobDescriptions": lbl("International dans les fiches de poste")},
	"adhésion à un réseau": {"Network": lblc("Réseau", organisation.NetworkName), "FeeCents": lblf("Cotisation", auditCents), "TravelCents": lblf("Déplacements", auditCents),
		"Involvement": lbl("Implication"), "Services": lbl("Services utilisés"), "Return": lbl("Retour apprécié (0 à 4)"), "Assessment": lbl("Appréciation")},
	"programme de financement": {"Funder": lbl("Financeur"), "Level": lbl("Niveau"), "Orientation": lbl("Orientation"), "Rules": lbl("Règles"), "Retired": lbl("Retiré du catalogue")},
	"argumentaire": {"Addressee": lbl("Destinataire"), "Stakes": lblc("Enjeux retenus", stakeName), "Notes": lblf("Notes par enjeu", auditData),
		"LocalFacts": lbl("Faits locaux"), "Examples": lbl("Exemples")},
	"auto-évaluation des principes": {"ConditionsMet": lblc("Conditions réunies", conditionName), "Principles": lbl("Principes"),
		"Principle": lblc("Principe", principleName), "Rating": lblc("Appréciation", ratingName)},
	"calendrier d'activité": {"Status": lblc("Statut", codeLabel(schedule.Status.Label)),
		"StartKind": lblc("Début", codeTable(map[string]string{"absolue": "à une date fixe", "relative": "après une autre activité ou un jalon"})), "StartDate": lbl("Date de début"), "Anchor": lbl("Commence après"),
		"AnchorEdge": lblc("Compté depuis", codeTable(map[string]string{"fin": "la fin", "debut": "le début"})), "OffsetN": lbl("Décalage"), "OffsetUnit": lbl("Unité du décalage"),
		"DurationDays": lblf("Durée", auditDays), "PrepDays": lblf("Préparation", auditDays), "FollowUpDays": lblf("Suivi", auditDays),
		"Responsible": lbl("Responsable"), "PercentDone": lblf("Avancement", auditPercent), "Public": lbl("Sur le calendrier public")},
	"cible locale": {"UNTarget": lbl("Cible ODD")},
	"commentaire": {"Kind": lblc("Sur", codeLabel(comment.Kind.Noun)), "Text": lbl("Commentaire"), "AuthorName": lbl("Auteur"),
		"State": lblc("État", codeLabel(comment.State.Label)), "EditedAt": lbl("Modifié le"), "DeletedAt": lbl("Effacé le"),
		"ElementTitle": lbl("Élément commenté"), "ElementGone": lbl("Élément supprimé depuis"), "Replies": lbl("Réponses")},
	"consultation": {"Context": lbl("Contexte"), "OpensOn": lbl("Ouverture"), "ClosesOn": lbl("Clôture"),
		"Status": lblc("Statut", codeLabel(consultation.Status.Label)), "Categories": lblc("Catégories proposées", codeLabel(consultation.Category.Label)),
		"AskCommune": lbl("Demande la commune"), "AskAge": lbl("Demande la tranche d'âge"), "RetentionMonths": lbl("Conservation (mois)"),
		"Synthesis": lbl("Synthèse"), "Response": lbl("Ce que nous avons retenu"), "ResultsPublic": lbl("Résultats publiés"), "Questions": lbl("Questions")},
	"question de consultation": {"ConsultationID": lbl("Consultation n°"), "Kind": lblc("Type de question", codeLabel(consultation.Kind.Label)),
		"Prompt": lbl("Question"), "Help": lbl("Aide"), "Choices": lbl("Choix"), "Required": lbl("Obligatoire")},
	"contribution": {"State": lblc("Modération", codeLabel(consultation.Moderation.Label)), "Reason": lbl("Raison du masquage")},
	"réunion": {"Kind": lblc("Type de réunion", codeLabel(steering.Kind.Label)), "Place": lbl("Lieu"), "Online": lbl("En ligne"), "Agenda": lbl("Ordre du jour"),
		"Minutes": lbl("Compte rendu"), "Decisions": lbl("Décisions"), "Invited": lblf("Acteurs invités", auditCount), "Attended": lblf("Acteurs présents", auditCount)},
	"action de communication": {"Kind": lblc("Type d'action", codeLabel(communication.Kind.Label)), "Audience": lbl("Public visé"), "Done": lbl("Réalisée")},
	"page publique": {"Published": lbl("Page publiée"), "Intro": lbl("Mot d'accueil"), "Address": lbl("Adresse postale"), "Contact": lbl("Contact"),
		"DPO": lbl("Délégué à la protection des données"), "ShowKeyElements": lbl("Montre vision, mission et objectif général"),
		"ShowObjectives": lbl("Montre les objectifs spécifiques"), "ShowPriorities": lbl("Montre les priorités"),
		"ShowAdoption": lbl("Montre les stratégies adoptées"), "ShowCalendar": lbl("Montre le calendrier public"),
		"ShowPartnerships": lbl("Publie les partenariats"), "SIRET": lbl("SIRET"), "ShowProjects": lbl("Publie les projets et leurs cofinancements")},
	"dépendance": {"From": lbl("De"), "To": lbl("Vers"), "Kind": lblc("Type de lien", codeLabel(schedule.Kind.Label)), "LagN": lbl("Décalage"), "LagUnit": lbl("Unité du décalage")},
	"espace": {"Kind": lblc("Type de collectivité", codeLabel(territory.Kind.Label)), "Slug": lbl("Adresse"), "OfficialID": lbl("Code officiel"), "Population": lbl("Population"),
		"Demo": lbl("Démonstration")},
	"hypothèse": {"Text": lbl("Hypothèse"), "Target": lbl("Élément concerné")},
	"indicateur": {"Level": lbl("Niveau mesuré"), "Definition": lbl("Définition"), "Measure": lblf("Type de mesure", auditMeasure),
		"Unit": lbl("Unité"), "Ascending": lbl("Plus c'est haut, mieux c'est"), "Baseline": lbl("Valeur de référence"),
		"Targets": lbl("Cibles"), "Periodicity": lbl("Périodicité"), "Sources": lbl("Sources"), "Breakdowns": lbl("Ventilations"),
		"Public": lbl("Publié (indicateur public)")},
	"import d'acteurs": {"fichier": lbl("Fichier"), "créés": lbl("Acteurs créés"), "fusionnés": lbl("Acteurs fusionnés"), "premiers": lbl("Premiers acteurs")},
	"jalon":            {"Kind": lblc("Type de jalon", codeLabel(schedule.MilestoneKind.Label)), "Public": lbl("Sur le calendrier public")},
	"objectif spécifique": {"Specific": lbl("Spécifique"), "Measure": lbl("Mesurable"), "Achievable": lbl("Atteignable"),
		"Resources": lbl("Réaliste : ressources"), "TargetDate": lbl("Échéance")},
	"partenariat": {"Partner": lbl("Partenaire"), "Country": lblc("Pays", countryName), "Kind": lblc("Type de partenariat", codeLabel(diagnostic.PartnershipKind.Label)),
		"Status": lblc("Statut", codeLabel(diagnostic.PartnershipStatus.Label)), "StartYear": lblf("Depuis", auditYear), "Countries": lbl("Pays"),
		"LocalActors": lbl("Acteurs du territoire"), "Services": lbl("Services"), "YearlyBudgetCents": lblf("Budget annuel", auditCents),
		"Agreement": lbl("Convention"), "DeliberationRef": lbl("Délibération"), "Signed": lbl("Signée le"),
		"Review": lbl("Revue critique"), "Results": lbl("Résultats"), "Functioning": lbl("Fonctionnement"), "OurGain": lbl("Ce que la collectivité y gagne"),
		"PartnerGain": lbl("Ce que le partenaire y gagne"), "Decision": lblc("Décision", codeLabel(diagnostic.Decision.Label))},
	"pièce jointe": {"FileName": lbl("Fichier"), "MediaType": lbl("Type de fichier"), "Size": lblf("Taille", auditBytes)},
	"priorité géographique": {"Kind": lblc("Nature", codeLabel(logframe.GeoKind.Label)), "CountryCode": lblc("Pays", countryName), "Comment": lbl("Précisions"),
		"ActivityIDs": lblf("Activités qui la traduisent", auditCount), "PartnershipIDs": lblf("Partenariats", auditCount),
		"ProjectIDs": lblf("Projets", auditCount)},
	"priorité thématique":         {"Policy": lbl("Politique publique")},
	"relation entre acteurs":      {"from": lbl("De (acteur n°)"), "to": lbl("Vers (acteur n°)"), "kind": lblc("Type de relation", codeLabel(stakeholder.RelationKind.Label)), "comment": lbl("Commentaire")},
	"résultat attendu":            {},
	"risque":                      {"Category": lbl("Catégorie"), "Likelihood": lbl("Probabilité"), "Impact": lbl("Impact"), "Mitigation": lbl("Mesure d'atténuation"), "Linked": lbl("Élément menacé")},
	"services de la collectivité": {".": lbl("Services")},
	"ODD":                         {".": lbl("Codes ODD")},
	"stratégie": {"Status": lblc("Statut", codeLabel(model.StrategyStatus.Label)), "TermStart": lblf("Début de la mandature", auditYear), "TermEnd": lblf("Fin de la mandature", auditYear), "ElaborationStart": lbl("Début de l'élaboration"), "AdoptedOn": lbl("Date d'adoption"),
		"AdoptedAt": lbl("Adoptée le"), "DeliberationRef": lbl("Délibération")},
	"séance de sensibilisation": {"Audiences": lblc("Publics", codeLabel(diagnostic.Audience.Label)), "Format": lblc("Format", codeLabel(diagnostic.SessionFormat.Label)), "Outcomes": lbl("Suites données"), "Attendees": lbl("Participants")},
	"élément AFOM": {"Quadrant": lblc("Quadrant", codeLabel(diagnostic.Quadrant.Label)), "Scope": lblc("Champ", codeLabel(diagnostic.Scope.Label)), "Text": lbl("Élément"), "Evidence": lbl("Sources"), "ProposedBy": lbl("Proposé par"),
		"LeftAside": lbl("Écarté volontairement"), "AsideReason": lbl("Raison de l'écart")},
	"éléments clés": {"Vision": lbl("Vision"), "Mission": lbl("Mission"), "PoliticalProject": lbl("Projet politique"), "GeneralTitle": lbl("Objectif général"),
		"GeneralText": lbl("Objectif général : description"), "Values": lbl("Valeurs"), "Dimensions": lbl("Dimensions"), "Weight": lblf("Poids", auditPercent)},
	"étape": {"Step": lblc("Étape", stepName), "Status": lblc("Statut", codeLabel(process.Status.Label)), "PlannedStart": lbl("Début prévu"), "PlannedEnd": lbl("Fin prévue"), "ActualStart": lbl("Début réel"), "ActualEnd": lbl("Fin réelle")},
	"acteur": {"name": lbl("Nom"), "kind": lblc("Type d'acteur", codeLabel(stakeholder.Kind.Label)), "contact": lbl("Contact"), "territory": lbl("Territoire"), "themes": lbl("Thèmes"),
		"power": lbl("Pouvoir"), "legitimacy": lbl("Légitimité"), "interest": lbl("Intérêt"), "context": lbl("Contexte"), "engagement": lbl("Engagement"),
		"utilitarian": lbl("utilitaire"), "normative": lbl("normatif"), "mobilising": lbl("mobilisateur"), "coercive": lbl("coercitif"),
		"public_good": lbl("bien public"), "representation": lbl("représentativité"), "object": lbl("objet"), "type": lbl("nature"),
		"prior_experience": lbl("expérience passée"), "circumstances": lbl("circonstances"), "wider_decisions": lbl("décisions plus larges"),
		"existing_networks": lbl("réseaux existants"), "existing_channels": lbl("canaux existants"), "present": lbl("présent"),
		"value": lbl("note"), "comment": lbl("commentaire"), "level": lblc("niveau", codeLabel(stakeholder.Level.Label)), "steps": lblc("étapes", codeLabel(stakeholder.Step.Label)), "promise": lbl("engagement de la collectivité"),
		"ask": lbl("ce que cela représente pour la partie prenante")},
}

// The records of the framework are deleted under their kind's noun; they share the labels of the kind they
// are created under.
func init() {
	auditLabels["résultat"] = auditLabels["résultat attendu"]
	auditLabels["séance de sensibilisation"]["Service"] = lbl("service")
	auditLabels["séance de sensibilisation"]["Name"] = lbl("nom")
}

// auditLabel finds the label of a field of a kind of record; ok is false for a field nobody labelled.
func auditLabel(entity, parent, key string) (auditField, bool) {
	for _, table := range []map[string]auditField{auditLabels[entity], auditLabels[""]} {
		if parent != "" {
			if fd, ok := table[parent+"."+key]; ok {
				return fd, true
			}
		}
		if fd, ok := table[key]; ok {
			return fd, true
		}
	}
	return auditField{}, false
}

// unknownValue is what the journal says for an empty or zero value.
const unknownValue = "non renseigné"

// auditRow is one field of a journal entry, before and after the change.
type auditRow struct {
	Label, Before, After string
}

// auditRows lists the fields an entry shows: for a change, those that changed; for a creation or a
// deletion, those that were filled.
func auditRows(entity, before, after string) []auditRow {
	b, a := auditValues(entity, before), auditValues(entity, after)
	var out []auditRow
	seen := map[string]bool{}
	add := func(label string) {
		if seen[label] {
			return
		}
		seen[label] = true
		r := auditRow{Label: label, Before: b.get(label), After: a.get(label)}
		switch {
		case before != "" && after != "":
			if r.Before == r.After {
				return
			}
		case r.Before == unknownValue && r.After == unknownValue:
			return
		}
		out = append(out, r)
	}
	for _, p := range b {
		add(p.label)
	}
	for _, p := range a {
		add(p.label)
	}
	return out
}

// auditText writes an entry's fields on one line, for the CSV export.
func auditText(entity, raw string) string {
	var parts []string
	for _, p := range auditValues(entity, raw) {
		if p.value != unknownValue {
			parts = append(parts, p.label+" : "+p.value)
		}
	}
	return strings.Join(parts, " ; ")
}

type auditPair struct{ label, value string }

type auditPairs []auditPair

func (ps auditPairs) get(label string) string {
	for _, p := range ps {
		if p.label == label {
			return p.value
		}
	}
	return unknownValue
}

// auditValues reads a stored state into labelled French values, in the record's field order.
func auditValues(entity, raw string) auditPairs {
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	n, err := parseJSON(raw)
	if err != nil {
		return auditPairs{{label: "État enregistré", value: "illisible"}}
	}
	var out auditPairs
	if n.kind != 'o' {
		fd, _ := auditLabel(entity, "", ".")
		return append(out, auditPair{fd.Label, auditScalarOrList(entity, "", n, fd)})
	}
	walkObject(entity, "", "", n, func(label, value string) { out = append(out, auditPair{label, value}) })
	return out
}

// auditUnlabelled lists the fields of a stored state that the label table does not know, for the test that
// keeps the table complete.
func auditUnlabelled(entity, raw string) []string {
	n, err := parseJSON(raw)
	if err != nil || strings.TrimSpace(raw) == "" {
		return nil
	}
	var missing []string
	var walk func(parent string, n *jsonNode)
	walk = func(parent string, n *jsonNode) {
		switch n.kind {
		case 'a':
			for _, it := range n.items {
				walk(parent, it)
			}
		case 'o':
			for i, key := range n.keys {
				if auditHidden[key] {
					continue
				}
				fd, ok := auditLabel(entity, parent, key)
				if !ok {
					missing = append(missing, entity+" : "+key)
					continue
				}
				if fd.Format != auditData && !isRef(n.vals[i]) {
					walk(key, n.vals[i])
				}
			}
		}
	}
	walk("", n)
	return missing
}

// walkObject calls emit for each labelled field of an object, nested objects flattened under their label.
func walkObject(entity, parent, prefix string, n *jsonNode, emit func(label, value string)) {
	for i, key := range n.keys {
		if auditHidden[key] {
			continue
		}
		fd, ok := auditLabel(entity, parent, key)
		if !ok {
			continue // a field nobody labelled is left out; TestAuditLabelsCoverTheDemo keeps the table complete
		}
		label := fd.Label
		if prefix != "" {
			label = prefix + " — " + label
		}
		v := n.vals[i]
		switch {
		case v.kind == 'o' && isRef(v):
			emit(label, refText(v))
		case v.kind == 'o' && fd.Format == auditData:
			for j, k := range v.keys {
				emit(label+" — "+k, auditScalarOrList(entity, key, v.vals[j], auditField{}))
			}
		case v.kind == 'o':
			walkObject(entity, key, label, v, emit)
		default:
			emit(label, auditScalarOrList(entity, key, v, fd))
		}
	}
}

// auditScalarOrList writes a value that is not a plain object: a scalar, or a list.
func auditScalarOrList(entity, key string, n *jsonNode, fd auditField) string {
	if n.kind != 'a' {
		return auditScalar(n, fd)
	}
	if len(n.items) == 0 {
		return unknownValue
	}
	if fd.Format == auditCount {
		return strconv.Itoa(len(n.items))
	}
	var parts []string
	for _, it := range n.items {
		if it.kind != 'o' {
			parts = append(parts, auditScalar(it, fd))
			continue
		}
		var inner []string
		walkObject(entity, key, "", it, func(label, value string) {
			if value != unknownValue {
				inner = append(inner, label+" : "+value)
			}
		})
		parts = append(parts, strings.Join(inner, ", "))
	}
	sep := ", "
	if n.items[0].kind == 'o' {
		sep = " ; "
	}
	return strings.Join(parts, sep)
}

// auditScalar writes one value the French way; empty, null and zero dates are « non renseigné ».
func auditScalar(n *jsonNode, fd auditField) string {
	switch v := n.scalar.(type) {
	case nil:
		return unknownValue
	case bool:
		if v {
			return "oui"
		}
		return "non"
	case json.Number:
		if fd.Code != nil {
			return fd.Code(v.String())
		}
		return auditNumber(v, fd.Format)
	case string:
		if strings.TrimSpace(v) == "" {
			return unknownValue
		}
		if fd.Code != nil {
			return fd.Code(v)
		}
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			switch {
			case t.IsZero() || t.Year() <= 1:
				return unknownValue
			case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
				return frfmt.Date(t)
			}
			return frfmt.DateTime(t)
		}
		if partialISO.MatchString(v) { // a date at its precision, as partialdate writes it
			if d, err := partialdate.ParseISO(v); err == nil {
				return d.String()
			}
		}
		return v
	}
	return unknownValue
}

// partialISO is how a date known to the month or the day is stored (a year alone reads the same as is).
var partialISO = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$`)

func auditNumber(v json.Number, format auditFormat) string {
	i, err := v.Int64()
	if err != nil {
		fl, err := v.Float64()
		if err != nil {
			return v.String()
		}
		return strings.Replace(strconv.FormatFloat(fl, 'f', -1, 64), ".", ",", 1)
	}
	switch format {
	case auditCents:
		return frfmt.Euros(i)
	case auditPercent:
		return frfmt.Integer(i) + " %"
	case auditDays:
		if i == 1 {
			return "1 jour"
		}
		return frfmt.Integer(i) + " jours"
	case auditBytes:
		if i >= 1<<20 {
			return strings.Replace(strconv.FormatFloat(float64(i)/(1<<20), 'f', 1, 64), ".", ",", 1) + " Mo"
		}
		return frfmt.Integer((i+1023)/1024) + " ko"
	case auditYear:
		if i == 0 {
			return unknownValue
		}
		return strconv.FormatInt(i, 10)
	case auditMeasure:
		if l := logframe.Measure(i).Label(); l != "" {
			return l
		}
	}
	return frfmt.Integer(i)
}

// isRef reports whether an object is a reference to an element: {"Kind": …, "ID": …} and nothing else.
func isRef(n *jsonNode) bool {
	if len(n.keys) != 2 {
		return false
	}
	has := map[string]bool{n.keys[0]: true, n.keys[1]: true}
	return has["Kind"] && has["ID"]
}

// refText names a referenced element: « objectif spécifique n° 3 », « aucun » for an empty reference.
func refText(n *jsonNode) string {
	var kind, id string
	for i, k := range n.keys {
		switch k {
		case "Kind":
			kind, _ = n.vals[i].scalar.(string)
		case "ID":
			if num, ok := n.vals[i].scalar.(json.Number); ok {
				id = num.String()
			}
		}
	}
	if kind == "" && (id == "" || id == "0") {
		return unknownValue
	}
	noun := logframe.Kind(kind).Noun()
	switch {
	case noun != "":
	case schedule.NodeKind(kind) == schedule.NodeActivity:
		noun = "activité"
	case schedule.NodeKind(kind) == schedule.NodeMilestone:
		noun = "jalon"
	case kind == string(logframe.KindGeneralObjective):
		noun = "objectif général"
	default:
		noun = kind
	}
	if id == "" || id == "0" {
		return noun
	}
	return noun + " n° " + id
}

// jsonNode is a parsed JSON value that keeps the order of an object's keys, so the journal lists a record's
// fields in the order the record declares them.
type jsonNode struct {
	kind   byte // 'o' object, 'a' array, 'v' scalar
	keys   []string
	vals   []*jsonNode
	items  []*jsonNode
	scalar any // string, json.Number, bool or nil
}

func parseJSON(raw string) (*jsonNode, error) {
	d := json.NewDecoder(strings.NewReader(raw))
	d.UseNumber()
	n, err := parseNode(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("trailing data")
	}
	return n, nil
}

func parseNode(d *json.Decoder) (*jsonNode, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &jsonNode{kind: 'o'}
			for d.More() {
				kt, err := d.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				v, err := parseNode(d)
				if err != nil {
					return nil, err
				}
				n.keys, n.vals = append(n.keys, key), append(n.vals, v)
			}
			_, err := d.Token() // '}'
			return n, err
		case '[':
			n := &jsonNode{kind: 'a'}
			for d.More() {
				v, err := parseNode(d)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			_, err := d.Token() // ']'
			return n, err
		}
		return nil, errors.New("unexpected delimiter")
	}
	return &jsonNode{kind: 'v', scalar: tok}, nil
}
