package consultation

import (
	"strconv"
	"strings"
)

// Controller is the authority as the data controller of its consultations, from its public profile.
type Controller struct {
	Name    string // the authority
	Address string // its postal address
	Contact string // where to write about the consultation
	DPO     string // its data protection officer's contact (délégué·e à la protection des données)
}

// Notice is the RGPD information shown with a consultation (articles 13 and 14 of the regulation).
type Notice struct {
	Controller string
	DPO        string
	Purposes   []string
	LegalBasis string
	Data       []string
	Recipients string
	Retention  string
	Rights     string
	Exercise   string
	Complaint  string
}

// NoticeFor writes the notice of c from the authority's data. Where the authority has not given a
// contact, the notice says « non renseigné » rather than inventing one, and the team sees it (Missing).
func NoticeFor(ctl Controller, c Consultation) Notice {
	n := Notice{
		Controller: ctl.Name + orUnknown(", "+ctl.Address, ctl.Address),
		DPO:        orUnknown(ctl.DPO, ctl.DPO),
		Purposes: []string{
			"recueillir l'avis des habitants, des entreprises, des établissements d'enseignement et des associations sur « " + c.Title + " » ;",
			"en établir la synthèse et publier la réponse de la collectivité ;",
			"si vous le demandez, confirmer votre contribution et vous envoyer les résultats à l'adresse que vous donnez.",
		},
		LegalBasis: "mission d'intérêt public dont est investie la collectivité (article 6, paragraphe 1, point e, du RGPD), " +
			"au titre de la définition de sa stratégie d'action internationale.",
		Data: []string{"vos réponses aux questions ;", "la catégorie à laquelle vous contribuez ;"},
		Recipients: "l'équipe de la collectivité chargée de la consultation. Les réponses aux questions fermées sont publiées sous forme de " +
			"totaux ; une réponse libre n'est publiée qu'après modération, sans votre pseudonyme ni votre adresse. Aucune donnée n'est " +
			"transmise à un tiers, ni utilisée pour de la publicité ou du suivi.",
		Retention: "votre pseudonyme, votre adresse électronique et l'empreinte de votre connexion (qui sert à écarter les envois en double) " +
			"sont effacés " + strconv.Itoa(c.RetentionMonths) + " mois après la clôture, soit le " + frenchDate(c.PurgeOn()) +
			". Le texte de vos réponses, votre catégorie, votre commune et votre tranche d'âge sont ensuite conservés, sans rien qui vous identifie.",
		Rights: "vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation et d'opposition au traitement de vos données.",
		Exercise: "avec le lien personnel donné après l'envoi de votre contribution, vous pouvez la consulter, l'exporter ou l'effacer " +
			"vous-même. Vous pouvez aussi écrire à " + orUnknown(ctl.Contact, ctl.Contact) + " ou au délégué à la protection des données.",
		Complaint: "si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).",
	}
	if c.AskCommune {
		n.Data = append(n.Data, "votre commune, si vous l'indiquez ;")
	}
	if c.AskAge {
		n.Data = append(n.Data, "votre tranche d'âge, si vous l'indiquez ;")
	}
	n.Data = append(n.Data, "un pseudonyme, si vous en donnez un ;", "votre adresse électronique, si vous en donnez une, pour le seul usage que vous choisissez.")
	return n
}

// Missing lists what the authority must fill in for the notice to be complete, in French.
func (ctl Controller) Missing() []string {
	var out []string
	if strings.TrimSpace(ctl.Address) == "" {
		out = append(out, "l'adresse postale de la collectivité")
	}
	if strings.TrimSpace(ctl.Contact) == "" {
		out = append(out, "l'adresse de contact")
	}
	if strings.TrimSpace(ctl.DPO) == "" {
		out = append(out, "le contact du délégué à la protection des données")
	}
	return out
}

func orUnknown(s, test string) string {
	if strings.TrimSpace(test) == "" {
		if strings.HasPrefix(s, ", ") {
			return ""
		}
		return "non renseigné"
	}
	return s
}

// RegisterRow is one line of the entry for the register of processing activities (registre des
// traitements, article 30 of the regulation).
type RegisterRow struct{ Label, Value string }

// RegisterEntry writes the consultation's entry for the register of processing activities.
func RegisterEntry(ctl Controller, c Consultation) []RegisterRow {
	n := NoticeFor(ctl, c)
	return []RegisterRow{
		{"Nom du traitement", "Consultation citoyenne « " + c.Title + " »"},
		{"Responsable du traitement", n.Controller},
		{"Délégué à la protection des données", n.DPO},
		{"Finalités", strings.Join(n.Purposes, " ")},
		{"Base légale", n.LegalBasis},
		{"Catégories de personnes concernées", categoriesText(c)},
		{"Catégories de données", strings.Join(n.Data, " ")},
		{"Destinataires", n.Recipients},
		{"Transferts hors de l'Union européenne", "aucun"},
		{"Durée de conservation", n.Retention},
		{"Période de collecte", "du " + frenchDate(c.OpensOn) + " au " + frenchDate(c.ClosesOn)},
		{"Mesures de sécurité", "formulaire sans compte ni traceur, limite de débit par adresse, données hébergées par la collectivité, " +
			"accès réservé à l'équipe, effacement automatique des données personnelles au terme de la conservation."},
	}
}

func categoriesText(c Consultation) string {
	var labels []string
	for _, k := range c.Offered() {
		labels = append(labels, k.Label())
	}
	return "contributeurs et contributrices : " + strings.Join(labels, ", ")
}
