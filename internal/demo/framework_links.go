package demo

import (
	"context"
	"fmt"
	"strings"

	"boussole/internal/diagnostic"
	"boussole/internal/logframe"
	"boussole/internal/store"
)

// demoLink says which diagnostic items an element of the demo framework answers and which actors it
// involves; items are named by the start of their text, actors by their name.
type demoLink struct {
	element string // key in the refs of loadFramework: « o1 », « r2.2 »
	swot    []string
	actors  []string
}

// demoLinks answer most of the diagnostic, with one deliberate gap: the major weakness « Une seule personne
// à la mission relations internationales » is answered by nothing, so the check has it to say. Another major
// weakness is left aside with its reason in demoAside.
var demoLinks = []demoLink{
	{"o1", nil, []string{"Direction de l'eau et de l'assainissement", "Belval Eau (régie publique)", "Collectif des ressortissants sénégalais", "Association Belval Solidarité Sahel"}},
	{"r1.1", []string{"Le FICOL de l'AFD"}, []string{"Vice-président à l'eau et à l'assainissement"}},
	{"o2", []string{"L'université cherche des partenaires"}, []string{"Direction de la jeunesse et des sports", "Université de Belval", "Conseil des jeunes de Belval"}},
	{"r2.2", []string{"Peu d'apprentis"}, []string{"Lycée professionnel Jean-Jaurès", "Comité de jumelage Belval–Lörrach"}},
	{"r2.3", []string{"Des jeunes de la diaspora"}, nil},
	{"o3", nil, []string{"Direction du développement économique", "Chambre de commerce et d'industrie de Belval", "Chambre de métiers et de l'artisanat"}},
	{"o4", []string{"Le réseau régional multi-acteurs", "Une action internationale mal connue", "Des associations peu coordonnées"},
		[]string{"Association des familles maliennes de Belval", "Conseil de développement du Grand Belval"}},
}

// demoAside is the major weakness the strategy consciously leaves aside, and why.
var demoAside = struct{ swot, reason string }{
	"Des partenariats dispersés",
	"La stratégie y répond par ses priorités géographiques et par la revue critique du registre, qui met en sommeil les partenariats non retenus, plutôt que par un objectif du cadre logique.",
}

// loadFrameworkLinks ties the demo framework to the diagnostic's SWOT items and to the stakeholder map.
func loadFrameworkLinks(ctx context.Context, st *store.Store, fx *Fixture, refs map[string]logframe.Ref) error {
	a, s := fx.Authority.ID, fx.Strategy.ID
	items, err := st.SWOTItems(ctx, a, s)
	if err != nil {
		return err
	}
	item := func(prefix string) (diagnostic.ItemRecord, error) {
		for _, it := range items {
			if strings.HasPrefix(it.Item.Text, prefix) {
				return it, nil
			}
		}
		return diagnostic.ItemRecord{}, fmt.Errorf("no SWOT item starts with %q", prefix)
	}
	actors, err := st.Stakeholders(ctx, a)
	if err != nil {
		return err
	}
	byName := map[string]int64{}
	for _, x := range actors {
		byName[x.Name] = x.ID
	}
	for _, l := range demoLinks {
		var swot, involved []int64
		for _, prefix := range l.swot {
			it, err := item(prefix)
			if err != nil {
				return err
			}
			swot = append(swot, it.ID)
		}
		for _, name := range l.actors {
			id, ok := byName[name]
			if !ok {
				return fmt.Errorf("no stakeholder named %q", name)
			}
			involved = append(involved, id)
		}
		if err := st.SetElementLinks(ctx, system, a, refs[l.element], swot, involved); err != nil {
			return err
		}
	}
	aside, err := item(demoAside.swot)
	if err != nil {
		return err
	}
	aside.Item.LeftAside, aside.Item.AsideReason = true, demoAside.reason
	return st.UpdateSWOTItem(ctx, system, &aside)
}

// partnerIDs finds the register's partnerships by partner name, and remembers the names it did not find:
// a priority naming a partner the register lacks would otherwise be saved with no partnership, silently.
type partnerIDs struct {
	ids     map[string]int64
	missing []string
}

func partnershipIDs(ctx context.Context, st *store.Store, authorityID int64) (*partnerIDs, error) {
	list, err := st.Partnerships(ctx, authorityID)
	out := &partnerIDs{ids: map[string]int64{}}
	for _, p := range list {
		out.ids[p.Partnership.Partner] = p.ID
	}
	return out, err
}

// of returns the IDs of the named partners; names not in the register are kept for err.
func (p *partnerIDs) of(names ...string) []int64 {
	var out []int64
	for _, n := range names {
		if id, ok := p.ids[n]; ok {
			out = append(out, id)
		} else {
			p.missing = append(p.missing, n)
		}
	}
	return out
}

// err names the partners asked for that the register does not hold.
func (p *partnerIDs) err() error {
	if len(p.missing) > 0 {
		return fmt.Errorf("no partnership with %q in the register", p.missing)
	}
	return nil
}
