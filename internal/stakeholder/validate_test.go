package stakeholder

import (
	"boussole/internal/fielderr"
	"strings"
	"testing"
)

func valid() Stakeholder {
	return Stakeholder{Name: "Maison des associations", Kind: KindAssociation,
		Power: Power{Mobilising: Score{2, "fédère 80 associations"}}}
}

func TestValidate(t *testing.T) {
	long := strings.Repeat("é", MaxCommentLen+1)
	cases := []struct {
		name   string
		edit   func(*Stakeholder)
		field  string
		inText string
	}{
		{"empty name", func(s *Stakeholder) { s.Name = "  " }, "name", "obligatoire"},
		{"long name", func(s *Stakeholder) { s.Name = strings.Repeat("a", MaxNameLen+1) }, "name", "200 caractères"},
		{"unknown kind", func(s *Stakeholder) { s.Kind = "alien" }, "kind", "« alien »"},
		{"score too high", func(s *Stakeholder) { s.Power.Coercive.Value = 4 }, "power.coercive", "hors de l'échelle : 4"},
		{"score negative", func(s *Stakeholder) { s.Interest.Type.Value = -1 }, "interest.type", "entre 0 et 3"},
		{"legitimacy too high", func(s *Stakeholder) { s.Legitimacy.Representation.Value = 9 }, "legitimacy.representation", "représentation adaptée"},
		{"long comment", func(s *Stakeholder) { s.Power.Normative.Comment = long }, "power.normative.comment", "pouvoir normatif"},
		{"long context", func(s *Stakeholder) { s.Context.WiderDecisions.Comment = long }, "context.wider_decisions.comment", "Processus décisionnels"},
		{"long contact", func(s *Stakeholder) { s.Contact = strings.Repeat("x", MaxShortLen+1) }, "contact", "personne de contact"},
		{"too many themes", func(s *Stakeholder) { s.Themes = make([]string, MaxThemes+1) }, "themes", "thèmes"},
		{"bad level", func(s *Stakeholder) { s.Engagement.Level = "ignore" }, "engagement.level", "niveau"},
		{"bad step", func(s *Stakeholder) { s.Engagement.Steps = []Step{"fin"} }, "engagement.steps", "« fin »"},
	}
	if err := valid().Validate(); err != nil {
		t.Fatalf("valid stakeholder rejected: %v", err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := valid()
			c.edit(&s)
			err := s.Validate()
			errs, ok := err.(fielderr.List)
			if !ok {
				t.Fatalf("got %v, want fielderr.List", err)
			}
			if msg := errs.For(c.field); !strings.Contains(msg, c.inText) {
				t.Errorf("message for %s = %q, want it to contain %q (all: %v)", c.field, msg, c.inText, errs)
			}
		})
	}
}

func TestValidateReportsAllProblems(t *testing.T) {
	s := Stakeholder{Kind: "x", Power: Power{Utilitarian: Score{Value: 5}}}
	errs, _ := s.Validate().(fielderr.List)
	if len(errs) != 3 {
		t.Errorf("got %d problems, want 3: %v", len(errs), errs)
	}
}

func TestParseKind(t *testing.T) {
	cases := map[string]Kind{
		"élu":                       KindElected,
		"ELUS":                      KindElected,
		"Université ou école":       KindUniversity,
		"universite":                KindUniversity,
		"Collectivité partenaire":   KindPartnerAuthority,
		"partner_authority":         KindPartnerAuthority,
		"Chambre consulaire":        KindCompany,
		"Service de l'État":         KindStateService,
		"médias":                    KindMedia,
		"Référent·e international":  KindReferent,
		"Pair (autre collectivité)": KindPeer,
		"bailleurs de fonds":        KindFunder,
		"groupes citoyens":          KindCitizenGroup,
		"Institution européenne ou internationale": KindInstitution,
		"Union européenne":                         KindInstitution,
		"organisation internationale":              KindInstitution,
		"Réseau":                                   KindNetwork,
		"diaspora":                                 KindDiaspora,
		"service":                                  KindService,
		"entreprise":                               KindCompany,
		"association":                              KindAssociation,
		"Collectivités partenaires à l'étranger": KindPartnerAuthority,
	}
	for in, want := range cases {
		if got, ok := ParseKind(in); !ok || got != want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "martien", "   "} {
		if _, ok := ParseKind(bad); ok {
			t.Errorf("ParseKind(%q) accepted", bad)
		}
	}
	for _, k := range Kinds() {
		if got, ok := ParseKind(k.Label()); !ok || got != k {
			t.Errorf("label %q does not parse back to %s", k.Label(), k)
		}
	}
}

func TestInternalKinds(t *testing.T) {
	internal := 0
	for _, k := range Kinds() {
		if k.Internal() {
			internal++
		}
	}
	if internal != 3 || !KindElected.Internal() || KindMedia.Internal() {
		t.Errorf("internal kinds = %d", internal)
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Université  d'Été":  "universite d ete",
		" Œuvre—Sociale ":    "oeuvre sociale",
		"CHAMBRE_consulaire": "chambre consulaire",
		"":                   "",
	}
	for in, want := range cases {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
