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
