package demo

import (
	"context"
	"fmt"
	"strings"

	"boussole/internal/access"
	"boussole/internal/comment"
	"boussole/internal/model"
	"boussole/internal/store"
	"boussole/internal/strategy"
)

// demoComment is one comment of the demo: who writes it, on what (the kind and the start of the element's
// title), its text, and the replies it gets.
type demoComment struct {
	by      access.Role
	kind    comment.Kind
	element string // start of the element's title or name; "" for the strategy itself
	text    string
	handled bool
	replies []demoReply
}

type demoReply struct {
	by   access.Role
	text string
}

// demoComments show the exchanges the tool is for: an élu asks, the officer answers; a service corrects
// a figure; the partner offers help; the one mention leaves an unread notification for the officer.
var demoComments = []demoComment{
	{access.Elected, comment.KindObjective, "", "Pouvons-nous chiffrer ce que le budget annexe de l'eau peut apporter au titre de la loi Oudin-Santini ? @Karim Benali, pouvez-vous le préciser avant la commission ?", false,
		[]demoReply{{access.Agent, "Jusqu'à 1 % des recettes de l'eau et de l'assainissement, soit environ 180 000 € par an. Je l'ajoute aux ressources de l'objectif."}}},
	{access.Referent, comment.KindIndicator, "", "La valeur de référence date de 2023 ; la mesure 2025 sera connue en mars, je la saisirai alors.", true, nil},
	{access.Partner, comment.KindActivity, "", "Notre association peut accueillir deux jeunes volontaires à Ziguinchor dès l'été prochain.", false,
		[]demoReply{{access.Agent, "Merci ! Nous en parlons au prochain comité de jumelage."}}},
	{access.Admin, comment.KindSWOT, "", "Cet élément est appuyé sur une seule source ; une seconde confirmerait son poids.", false, nil},
	{access.Agent, comment.KindStakeholder, "Université de Belval", "Rencontre prévue avec la vice-présidente aux relations internationales pour l'associer au comité de pilotage.", false, nil},
	{access.Elected, comment.KindStrategy, "", "Je présenterai l'état d'avancement en commission des finances : une page de synthèse suffira.", false, nil},
}

// loadComments writes the demo's comments through the store, as the pages would, mentions included.
func loadComments(ctx context.Context, st *store.Store, fx *Fixture) error {
	a := fx.Authority.ID
	f, err := st.LoadFramework(ctx, a, fx.Strategy.ID)
	if err != nil {
		return err
	}
	people, err := st.Participants(ctx, a)
	if err != nil {
		return err
	}
	var members []comment.Member
	for _, p := range people {
		members = append(members, comment.Member{UserID: p.UserID, Name: p.Name, Email: p.Email})
	}
	for _, d := range demoComments {
		id, err := demoElement(ctx, st, fx, f, d.kind, d.element)
		if err != nil {
			return err
		}
		c := model.Comment{AuthorityID: a, StrategyID: fx.Strategy.ID, Kind: d.kind, ElementID: id, Text: d.text}
		if err := demoPost(ctx, st, fx, d.by, &c, members); err != nil {
			return err
		}
		for _, r := range d.replies {
			reply := model.Comment{AuthorityID: a, StrategyID: fx.Strategy.ID, Kind: d.kind, ElementID: id, ParentID: c.ID, Text: r.text}
			if err := demoPost(ctx, st, fx, r.by, &reply, members); err != nil {
				return err
			}
		}
		if d.handled {
			u := fx.Users[access.Agent]
			if err := st.SetCommentState(ctx, store.Actor{UserID: u.ID, Label: u.Name}, a, c.ID, comment.Handled); err != nil {
				return err
			}
		}
	}
	return nil
}

func demoPost(ctx context.Context, st *store.Store, fx *Fixture, by access.Role, c *model.Comment, members []comment.Member) error {
	u := fx.Users[by]
	var mentioned []int64
	if access.Can(by, access.Mention) {
		_, mentioned = comment.Parse(c.Text, members)
	}
	_, err := st.CreateComment(ctx, store.Actor{UserID: u.ID, Label: u.Name}, c, mentioned)
	return err
}

// demoElement finds the element a demo comment is about: the first of its kind, or the one whose title
// starts with prefix.
func demoElement(ctx context.Context, st *store.Store, fx *Fixture, f strategy.Framework, kind comment.Kind, prefix string) (int64, error) {
	type titled struct {
		id    int64
		title string
	}
	var list []titled
	switch kind {
	case comment.KindStrategy:
		return fx.Strategy.ID, nil
	case comment.KindObjective:
		for _, o := range f.Objectives {
			list = append(list, titled{o.ID, o.Title})
		}
	case comment.KindActivity:
		for _, x := range f.Activities {
			list = append(list, titled{x.ID, x.Title})
		}
	case comment.KindIndicator:
		for _, x := range f.Indicators {
			list = append(list, titled{x.ID, x.Title})
		}
	case comment.KindSWOT:
		items, err := st.SWOTItems(ctx, fx.Authority.ID, fx.Strategy.ID)
		if err != nil {
			return 0, err
		}
		for _, x := range items {
			list = append(list, titled{x.ID, x.Item.Text})
		}
	case comment.KindStakeholder:
		actors, err := st.Stakeholders(ctx, fx.Authority.ID)
		if err != nil {
			return 0, err
		}
		for _, x := range actors {
			list = append(list, titled{x.ID, x.Name})
		}
	}
	for _, x := range list {
		if strings.HasPrefix(x.title, prefix) {
			return x.id, nil
		}
	}
	return 0, fmt.Errorf("no %s starts with %q", kind, prefix)
}
