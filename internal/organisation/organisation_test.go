package organisation

import "testing"

func TestChoiceValidate(t *testing.T) {
	for name, c := range map[string]Choice{
		"rattachement": {Attachment: "prefecture", Reason: "x"},
		"raison":       {Attachment: AttachDGS},
	} {
		errs := c.Validate()
		if len(errs) == 0 || errs[0].Field != name {
			t.Errorf("%s: %v", name, errs)
		}
	}
	if errs := (Choice{}).Validate(); errs != nil {
		t.Errorf("an undecided choice is valid: %v", errs)
	}
	ok := Choice{Attachment: AttachDGS, Reason: "Transversalité", Referents: []string{"Eau : J. Morel"}, JobDescriptions: true}
	if errs := ok.Validate(); errs != nil || len(ok.Advice()) != 0 {
		t.Errorf("%v %v", errs, ok.Advice())
	}
	if len((Choice{}).Advice()) != 3 {
		t.Error("an empty choice should get the guide's three pieces of advice")
	}
	if len(Models()) != 5 || AttachCabinet.Label() != "Cabinet" {
		t.Error("the guide's table has five rows")
	}
}

func TestMembershipValidate(t *testing.T) {
	bad := Membership{Network: "autre", Involvement: []Involvement{"x"}, Return: 9}
	errs := bad.Validate()
	for _, f := range []string{"nom", "implication", "retour"} {
		found := false
		for _, e := range errs {
			found = found || e.Field == f
		}
		if !found {
			t.Errorf("%s: no message in %v", f, errs)
		}
	}
	fee, travel := int64(100), int64(50)
	ok := Membership{Network: "cuf", FeeCents: &fee, TravelCents: &travel, Return: 3}
	if errs := ok.Validate(); errs != nil {
		t.Errorf("valid: %v", errs)
	}
	if c, known := ok.YearlyCost(); !known || c != 150 {
		t.Errorf("cost %d %v", c, known)
	}
	if _, known := (Membership{FeeCents: &fee}).YearlyCost(); known {
		t.Error("an unknown travel cost makes the cost unknown, not the fee alone")
	}
}
