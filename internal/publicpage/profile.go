// Package publicpage holds what an authority publishes on its public page, /public/{slug}: its contact
// and data-protection details, and the marks that say which parts of its strategy may be shown. Nothing
// is public until the authority marks it so.
package publicpage

import (
	"boussole/internal/siret"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"boussole/internal/consultation"
)

// Profile is an authority's public page settings. The zero Profile publishes nothing.
type Profile struct {
	AuthorityID int64
	Published   bool   // the page exists; unpublished, /public/{slug} answers as an unknown authority
	Intro       string // a word of welcome at the top of the page
	Address     string // postal address, also the controller's address in the RGPD notice
	Contact     string // email or web address for questions about the international action
	DPO         string // the data protection officer's contact
	SIRET       string // the authority's own SIRET, which the publication of its grants (SCDL) names
	// What of the strategy the page shows; the calendar shows only the activities and milestones
	// marked public in planning, and the consultations only those opened.
	ShowKeyElements bool // vision, mission, general objective
	ShowObjectives  bool // specific objectives
	ShowPriorities  bool // geographic and thematic priorities
	ShowAdoption    bool // the adopted strategy and its deliberation date
	ShowCalendar    bool // the public calendar of activities and milestones
	// As open data too: the partnerships of the register, and the projects with their co-financing.
	ShowPartnerships bool
	ShowProjects     bool
	UpdatedAt        time.Time
	Version          int64
}

// Limits on the profile's fields.
const (
	MaxIntro   = 2000
	MaxAddress = 300
	MaxContact = 254
)

// Check returns the French messages for what is wrong in the profile, by field.
func (p Profile) Check() map[string]string {
	errs := map[string]string{}
	for field, v := range map[string]struct {
		s string
		n int
	}{"intro": {p.Intro, MaxIntro}, "address": {p.Address, MaxAddress}, "contact": {p.Contact, MaxContact}, "dpo": {p.DPO, MaxContact}} {
		if utf8.RuneCountInString(v.s) > v.n {
			errs[field] = "Ce texte est trop long : " + strconv.Itoa(v.n) + " caractères au plus."
		}
	}
	if p.SIRET != "" && !siret.Valid(p.SIRET) {
		errs["siret"] = "Ce SIRET n'est pas valide : 14 chiffres, dont le dernier est une clé de contrôle."
	}
	if p.Published && strings.TrimSpace(p.Contact) == "" {
		errs["contact"] = "Une page publique donne un contact : indiquez une adresse électronique ou un site."
	}
	return errs
}

// Controller returns the authority as the controller of its consultations' data, for the RGPD notice.
func (p Profile) Controller(name string) consultation.Controller {
	return consultation.Controller{Name: name, Address: p.Address, Contact: p.Contact, DPO: p.DPO}
}
