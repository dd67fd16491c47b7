package consortium

import (
	"strings"
	"testing"

	"boussole/internal/partialdate"
)

func TestRoleAndTotal(t *testing.T) {
	ten, five := int64(1000_00), int64(500_00)
	c := Consortium{LeadID: 1, Members: []Participant{
		{AuthorityID: 1, Status: Member, ShareCents: &ten},
		{AuthorityID: 2, Status: Member},
		{AuthorityID: 3, Status: Invited, ShareCents: &five},
		{AuthorityID: 4, Status: Declined},
	}}
	if s, ok := c.Role(3); !ok || s != Invited {
		t.Errorf("invited authority: %v %v", s, ok)
	}
	if _, ok := c.Role(4); ok {
		t.Error("a declined authority still reads the consortium")
	}
	if _, ok := c.Role(9); ok {
		t.Error("a stranger reads the consortium")
	}
	if cents, complete := c.Total(); cents != ten || complete {
		t.Errorf("total %d complete %v: a member without a share makes it incomplete, an invited share is not counted", cents, complete)
	}
}

func TestChecks(t *testing.T) {
	if errs := CheckProposal(Consortium{LeadID: 1, Title: " "}, nil); !errs.Has("title") || !errs.Has("invite") {
		t.Errorf("empty proposal: %v", errs)
	}
	if errs := CheckProposal(Consortium{LeadID: 1, Title: "Eau"}, []int64{1}); !strings.Contains(errs.For("invite"), "déjà") {
		t.Errorf("self-invitation: %v", errs)
	}
	if errs := CheckProposal(Consortium{LeadID: 1, Title: "Eau", Description: strings.Repeat("é", 4001)}, []int64{2}); !errs.Has("description") {
		t.Error("long description accepted")
	}
	if errs := CheckProposal(Consortium{LeadID: 1, Title: "Eau"}, []int64{2, 3}); len(errs) != 0 {
		t.Errorf("a good proposal refused: %v", errs)
	}
	if errs := CheckEvent(Event{Title: "Dépôt du dossier"}); !errs.Has("event_on") {
		t.Error("an event without date accepted")
	}
	if errs := CheckEvent(Event{Title: "Dépôt", On: partialdate.Of(2027, 3, 1)}); len(errs) != 0 {
		t.Errorf("good event refused: %v", errs)
	}
	neg := int64(-1)
	if errs := CheckShare(&neg, ""); !errs.Has("share") {
		t.Error("negative share accepted")
	}
}
