package access

import "testing"

// TestTable spells out the whole matrix, role by action, so that any change to a permission is a visible
// change to this test.
func TestTable(t *testing.T) {
	want := map[Role]string{
		//               VW VI EC EO CO MS MM MG AL ML AQ RC MN SH PE RM VM MP VC EX
		Admin:          "1  1  1  1  1  1  1  1  1  1  1  1  1  1  1  1  1  1  1  1",
		Agent:          "1  1  1  1  1  1  0  0  0  1  0  1  1  0  1  1  1  1  1  0",
		Elected:        "1  1  0  0  1  0  0  0  0  1  0  1  1  0  1  0  0  0  0  0",
		Referent:       "1  1  0  1  1  0  0  0  0  1  0  1  1  0  1  1  0  0  0  0",
		Partner:        "1  0  0  0  1  0  0  0  0  0  0  1  0  0  0  0  0  0  0  0",
		Reader:         "1  1  0  0  0  0  0  0  0  0  0  1  0  0  1  0  0  0  0  0",
		Accompagnateur: "1  1  0  0  1  0  0  0  0  0  0  1  1  0  1  0  0  0  0  0",
		Role("x"):      "0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0",
	}
	for role, row := range want {
		var flags []bool
		for _, c := range row {
			if c == '0' || c == '1' {
				flags = append(flags, c == '1')
			}
		}
		if len(flags) != len(Actions) {
			t.Fatalf("row for %s has %d flags, want %d", role, len(flags), len(Actions))
		}
		for i, a := range Actions {
			if got := Can(role, a); got != flags[i] {
				t.Errorf("Can(%s, %s) = %v, want %v", role, a, got, flags[i])
			}
		}
	}
}

func TestRoles(t *testing.T) {
	for _, r := range append(MemberRoles, Accompagnateur) {
		if r.Label() == "" || r.Help() == "" {
			t.Errorf("role %s lacks a French label or help", r)
		}
	}
	if Accompagnateur.Valid() {
		t.Error("accompagnateur is a grant, not an invitable role")
	}
	if !Reader.Valid() || Role("root").Valid() {
		t.Error("Valid is wrong")
	}
}
