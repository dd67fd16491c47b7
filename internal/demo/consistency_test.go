package demo

import (
	"context"
	"strings"
	"testing"

	"boussole/internal/logframe"
	"boussole/internal/store/storetest"
)

// TestDemoPartnerPrioritiesRestOnTheRegister checks the demo tells one story: each priority on a partner
// authority builds on that partner's entry in the diagnostic's register, and the stakeholder map holds it too.
func TestDemoPartnerPrioritiesRestOnTheRegister(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	if _, err := Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	au, err := st.AuthorityBySlug(ctx, Slug)
	if err != nil {
		t.Fatal(err)
	}
	strategies, err := st.Strategies(ctx, au.ID)
	if err != nil {
		t.Fatal(err)
	}
	register, err := st.Partnerships(ctx, au.ID)
	if err != nil {
		t.Fatal(err)
	}
	partnerOf := map[int64]string{}
	for _, p := range register {
		partnerOf[p.ID] = p.Partnership.Partner
	}
	actors, err := st.Stakeholders(ctx, au.ID)
	if err != nil {
		t.Fatal(err)
	}
	partnerPriorities := 0
	for _, s := range strategies {
		geos, err := st.GeoPriorities(ctx, au.ID, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range geos {
			if g.Kind != logframe.GeoPartner {
				continue
			}
			partnerPriorities++
			place, _, _ := strings.Cut(g.Name, " (")
			found := false
			for _, id := range g.PartnershipIDs {
				found = found || strings.Contains(partnerOf[id], place)
			}
			if !found {
				t.Errorf("priority %q builds on %v, none of which is %s", g.Name, g.PartnershipIDs, place)
			}
			mapped := false
			for _, a := range actors {
				mapped = mapped || (a.Kind == "partner_authority" && strings.Contains(a.Name, place))
			}
			if !mapped {
				t.Errorf("priority %q: %s is not on the stakeholder map", g.Name, place)
			}
		}
	}
	if partnerPriorities == 0 {
		t.Error("the demo has no priority on a partner authority")
	}
}
