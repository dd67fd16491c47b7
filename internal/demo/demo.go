// Package demo loads a complete fictional authority, Grand Belval Agglomération, so that a newcomer sees
// every page of Boussole filled with realistic content. Each area of the product adds its part in its own
// file, called from Load in the method's order.
package demo

import (
	"context"
	"errors"
	"fmt"

	"boussole/internal/access"
	"boussole/internal/auth"
	"boussole/internal/model"
	"boussole/internal/store"
)

// Slug is the demo workspace's URL prefix.
const Slug = "grand-belval"

// Password is the password of every demo account, shown on the sign-in page in demo mode only.
const Password = "demo"

// Fixture is what the foundation created, for the areas that add to it.
type Fixture struct {
	Authority model.Authority
	Users     map[access.Role]model.User
	Strategy  model.Strategy // the strategy in preparation, 2026–2032
	Past      model.Strategy // the previous strategy, 2020–2026
	Actor     store.Actor
}

// system is who the audit log says loaded the demo.
var system = store.Actor{Label: "démonstration"}

// Load creates the demo authority unless it is already there; it reports whether it created it.
func Load(ctx context.Context, st *store.Store) (bool, error) {
	if _, err := st.AuthorityBySlug(ctx, Slug); err == nil {
		return false, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return false, err
	}
	fx, err := loadFoundation(ctx, st)
	if err != nil {
		return false, fmt.Errorf("demo: foundation: %w", err)
	}
	for _, area := range areas {
		if err := area.load(ctx, st, fx); err != nil {
			return true, fmt.Errorf("demo: %s: %w", area.name, err)
		}
	}
	return true, nil
}

// areas are the parts of the demo that later capabilities add, in the method's order.
var areas = []struct {
	name string
	load func(context.Context, *store.Store, *Fixture) error
}{
	{"diagnostic", loadDiagnostic},
	{"acteurs", loadStakeholders},
	{"stratégie et cadre logique", loadFramework},
	{"planification", loadPlanning},
	{"suivi et évaluation", loadMonitoring},
	{"évaluation", loadEvaluation},
	{"révision", loadRevision},
	{"financements", loadFunding},
	{"appels à projets", loadCalls},
	{"dispositifs de soutien", loadSchemes},
	{"commentaires", loadComments},
	{"participation", loadParticipation},
	{"réunions", loadMeetings},
	{"plan de communication", loadCommunication},
	{"collectivités qui partagent", loadPeers},
	{"jetons d'API", loadAPITokens},
	{"documents", loadDocuments},
}

var people = []struct {
	role    access.Role
	local   string
	name    string
	service string
}{
	{access.Admin, "admin", "Claire Vasseur", "Direction générale des services"},
	{access.Agent, "agent", "Karim Benali", "Mission relations internationales"},
	{access.Elected, "elu", "Hélène Marchand", "Vice-présidente déléguée aux relations internationales"},
	{access.Referent, "referent", "Julien Morel", "Direction de l'eau et de l'assainissement"},
	{access.Partner, "partenaire", "Aminata Diallo", "Association Belval Solidarité Sahel"},
	{access.Reader, "lecteur", "Sophie Lambert", "Direction de la communication"},
}

func loadFoundation(ctx context.Context, st *store.Store) (*Fixture, error) {
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return nil, err
	}
	fx := &Fixture{Users: map[access.Role]model.User{}, Actor: system}
	fx.Authority = model.Authority{Kind: "epci", Name: "Grand Belval Agglomération", Slug: Slug, Population: 152_400, Demo: true}
	for i, p := range people {
		u := model.User{Email: p.local + "@demo.boussole.test", Name: p.name, PasswordHash: hash}
		if i == 0 {
			err = st.SignUp(ctx, &fx.Authority, &u)
		} else {
			err = st.CreateMember(ctx, system, fx.Authority.ID, &u, p.role, p.service)
		}
		if err != nil {
			return nil, err
		}
		fx.Users[p.role] = u
	}
	agent := fx.Users[access.Agent]
	fx.Actor = store.Actor{UserID: agent.ID, Label: agent.Name}
	if err := loadStrategies(ctx, st, fx); err != nil {
		return nil, err
	}
	return fx, nil
}
